package journal

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// Checkpoint is a signed statement of a corporation's journal head, kept
// outside the system so that a truncated or rewritten history is detected.
type Checkpoint struct {
	Corp      string
	Seq       uint64
	Hash      Hash
	PublicKey ed25519.PublicKey
	Signature []byte
}

const checkpointHeader = "minutebook checkpoint v1"

// message is the exact byte string that is signed.
func (c *Checkpoint) message() []byte {
	return fmt.Appendf(nil, "%s\ncorporation %s\nsequence %d\nhash %s\n", checkpointHeader, c.Corp, c.Seq, c.Hash)
}

// Sign makes a checkpoint of (corp, seq, hash) signed with key.
func Sign(key ed25519.PrivateKey, corp string, seq uint64, h Hash) *Checkpoint {
	c := &Checkpoint{Corp: corp, Seq: seq, Hash: h, PublicKey: key.Public().(ed25519.PublicKey)}
	c.Signature = ed25519.Sign(key, c.message())
	return c
}

// Valid reports whether the signature is good for the embedded public key.
func (c *Checkpoint) Valid() bool {
	return len(c.PublicKey) == ed25519.PublicKeySize && ed25519.Verify(c.PublicKey, c.message(), c.Signature)
}

// Marshal writes the checkpoint as text, one field a line.
func (c *Checkpoint) Marshal() []byte {
	var b bytes.Buffer
	b.WriteString(checkpointHeader + "\n")
	fmt.Fprintf(&b, "corporation: %s\nsequence: %d\nhash: %s\n", c.Corp, c.Seq, c.Hash)
	fmt.Fprintf(&b, "public-key: %s\nsignature: %s\n", base64.StdEncoding.EncodeToString(c.PublicKey), base64.StdEncoding.EncodeToString(c.Signature))
	return b.Bytes()
}

// ParseCheckpoint reads what Marshal wrote. It does not check the signature.
func ParseCheckpoint(data []byte) (*Checkpoint, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || strings.TrimSpace(sc.Text()) != checkpointHeader {
		return nil, fmt.Errorf("checkpoint: first line must be %q", checkpointHeader)
	}
	c := &Checkpoint{}
	seen := map[string]bool{}
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		k, v, ok := strings.Cut(line, ": ")
		if !ok || seen[k] {
			return nil, fmt.Errorf("checkpoint: bad line %q", line)
		}
		seen[k] = true
		var err error
		switch k {
		case "corporation":
			c.Corp = v
		case "sequence":
			c.Seq, err = strconv.ParseUint(v, 10, 64)
		case "hash":
			c.Hash, err = ParseHash(v)
		case "public-key":
			c.PublicKey, err = base64.StdEncoding.DecodeString(v)
		case "signature":
			c.Signature, err = base64.StdEncoding.DecodeString(v)
		default:
			return nil, fmt.Errorf("checkpoint: unknown field %q", k)
		}
		if err != nil {
			return nil, fmt.Errorf("checkpoint: %s: %v", k, err)
		}
	}
	for _, k := range []string{"corporation", "sequence", "hash", "public-key", "signature"} {
		if !seen[k] {
			return nil, fmt.Errorf("checkpoint: missing %s", k)
		}
	}
	return c, nil
}
