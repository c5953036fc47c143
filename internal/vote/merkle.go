package vote

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
)

// The receipts root is a Merkle tree hash over the receipts of the counted
// ballots, sorted by receipt, in the shape of RFC 6962 §2.1 (Certificate
// Transparency): a leaf is SHA-256(0x00 ‖ receipt), an interior node
// SHA-256(0x01 ‖ left ‖ right), and a level with an odd number of nodes
// carries its last node up unchanged (which builds the same tree as RFC
// 6962's split at the largest power of two). The distinct prefixes keep a
// leaf from passing for a node (second preimages).
//
// It is written here on crypto/sha256 rather than taken from a library
// because the domain imports only the standard library (STYLE.md rule 1),
// the standard library has no Merkle tree, and the tree is thirty lines
// whose exact shape the golden vectors in the tests pin, so that anyone
// can check an inclusion proof with nothing but SHA-256.

// Root is a receipts root.
type Root [32]byte

func (r Root) String() string { return Receipt(r).String() }

// ParseRoot parses a root written as 64 hexadecimal digits.
func ParseRoot(s string) (Root, error) {
	r, err := ParseReceipt(s)
	return Root(r), err
}

func leafHash(r Receipt) [32]byte {
	var b [33]byte
	b[0] = 0
	copy(b[1:], r[:])
	return sha256.Sum256(b[:])
}

func nodeHash(l, r [32]byte) [32]byte {
	var b [65]byte
	b[0] = 1
	copy(b[1:], l[:])
	copy(b[33:], r[:])
	return sha256.Sum256(b[:])
}

// SortReceipts sorts receipts in place in byte order: the order of the
// tree's leaves, so that the root does not depend on the order of ballots.
//
// Receipts are SHA-256 hashes, spread evenly: a counting sort on their
// first two bytes puts them into 65,536 buckets of a few each, which are
// then sorted by their bytes read as four big-endian 64-bit words. That
// is byte order, without a general comparison sort over a million
// receipts.
func SortReceipts(rs []Receipt) {
	if len(rs) < 1<<12 {
		slices.SortFunc(rs, compareReceipts)
		return
	}
	var start [1<<16 + 1]int
	for i := range rs {
		start[int(rs[i][0])<<8|int(rs[i][1])+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	out := make([]Receipt, len(rs))
	next := start
	for i := range rs {
		b := int(rs[i][0])<<8 | int(rs[i][1])
		out[next[b]] = rs[i]
		next[b]++
	}
	for b := 0; b < 1<<16; b++ {
		if bucket := out[start[b]:start[b+1]]; len(bucket) > 1 {
			slices.SortFunc(bucket, compareReceipts)
		}
	}
	copy(rs, out)
}

// compareReceipts compares two receipts in byte order.
func compareReceipts(a, b Receipt) int {
	for i := 0; i < len(a); i += 8 {
		x, y := binary.BigEndian.Uint64(a[i:]), binary.BigEndian.Uint64(b[i:])
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// MerkleRoot returns the root over receipts, which must be sorted
// (SortReceipts). The root of no receipts is SHA-256 of nothing.
func MerkleRoot(sorted []Receipt) Root {
	if len(sorted) == 0 {
		return sha256.Sum256(nil)
	}
	level := make([][32]byte, len(sorted))
	for i, r := range sorted {
		level[i] = leafHash(r)
	}
	for len(level) > 1 {
		next := level[:0]
		for i := 0; i < len(level); i += 2 {
			if i+1 < len(level) {
				next = append(next, nodeHash(level[i], level[i+1]))
			} else {
				next = append(next, level[i])
			}
		}
		level = next
	}
	return level[0]
}

// Proof is an inclusion proof: the receipt's index among the sorted
// receipts, their number, and the sibling hashes from the leaf up.
type Proof struct {
	Index, Size int
	Path        [][32]byte
}

// Prove returns the inclusion proof of the receipt at index in sorted.
func Prove(sorted []Receipt, index int) (Proof, error) {
	if index < 0 || index >= len(sorted) {
		return Proof{}, fmt.Errorf("no receipt at index %d of %d", index, len(sorted))
	}
	p := Proof{Index: index, Size: len(sorted)}
	level := make([][32]byte, len(sorted))
	for i, r := range sorted {
		level[i] = leafHash(r)
	}
	for i := index; len(level) > 1; i /= 2 {
		if s := i ^ 1; s < len(level) {
			p.Path = append(p.Path, level[s])
		}
		next := make([][32]byte, 0, (len(level)+1)/2)
		for j := 0; j < len(level); j += 2 {
			if j+1 < len(level) {
				next = append(next, nodeHash(level[j], level[j+1]))
			} else {
				next = append(next, level[j])
			}
		}
		level = next
	}
	return p, nil
}

// Verify reports whether p proves that r is a leaf of the tree whose root
// is root.
func (p Proof) Verify(r Receipt, root Root) bool {
	if p.Index < 0 || p.Index >= p.Size {
		return false
	}
	h, i, n, k := leafHash(r), p.Index, p.Size, 0
	for n > 1 {
		switch {
		case i%2 == 1:
			if k >= len(p.Path) {
				return false
			}
			h, k = nodeHash(p.Path[k], h), k+1
		case i+1 < n:
			if k >= len(p.Path) {
				return false
			}
			h, k = nodeHash(h, p.Path[k]), k+1
		}
		i, n = i/2, (n+1)/2
	}
	return k == len(p.Path) && h == [32]byte(root)
}
