package vote_test

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	"minutebook/internal/vote"
)

// meeting1M draws the benchmark meeting of issue 5: 1,000,000 holders
// each casting one ballot in a cumulative election of 7 seats among 12
// candidates; 300,000 of them vote by proxy, of whose proxies one in ten
// is not in force (superseded or lapsed), so those ballots are not counted.
func meeting1M(n int) ([]vote.Matter, []vote.Ballot, map[string]string) {
	cands := make([]string, 12)
	for i := range cands {
		cands[i] = fmt.Sprintf("c%02d", i)
	}
	m := []vote.Matter{{ID: "dirs", Kind: vote.Election, Seats: 7, Candidates: cands, Cumulative: true}}
	bs := make([]vote.Ballot, n)
	inForce := make(map[string]string, n*3/10)
	for i := range bs {
		h := fmt.Sprintf("h%07d", i)
		held := int64(1 + i%1000)
		b := vote.Ballot{Meeting: "annual", Matter: "dirs", Holder: h, Voter: h, Mode: vote.InPerson, Seq: uint64(i + 1), Held: held, Power: held}
		if i%10 < 3 {
			b.Mode, b.Voter, b.Proxy = vote.ByProxy, "agent", "p"+h
			if i%100 != 0 {
				inForce[h] = b.Proxy
			}
		}
		// Cumulate on two or three candidates: all votes, or part.
		total := held * 7
		a, c := cands[i%12], cands[(i*7+3)%12]
		if a > c {
			a, c = c, a
		}
		if a == c {
			b.Votes = []vote.Allocation{{Candidate: a, Votes: total}}
		} else {
			b.Votes = []vote.Allocation{{Candidate: a, Votes: total / 2}, {Candidate: c, Votes: total - total/2 - int64(i%2)}}
		}
		bs[i] = b
	}
	return m, bs, inForce
}

// BenchmarkTally1M is the pure in-memory tally of 1,000,000 ballots
// (bound: 300 ms; docs/benchmarks.md).
func BenchmarkTally1M(b *testing.B) {
	m, bs, inForce := meeting1M(1000000)
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		r, err := vote.Tally(m, bs, inForce, vote.Options{})
		if err != nil || r.NCounted != 1000000-10000 {
			b.Fatalf("%v counted %d", err, r.NCounted)
		}
	}
	reportCPU(b, cpu)
}

// cpuTime is the CPU time the process has used (user and system, every
// thread: the garbage collector's work too).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per op since from: on a machine shared
// with other work the wall time per op is an upper bound, and the CPU time
// is what the op itself costs.
func reportCPU(b *testing.B, from time.Duration) {
	b.ReportMetric(float64((cpuTime()-from).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkReceiptsRoot1M is the receipts and their root for 1,000,000
// ballots (part of the full tabulation, not of the pure tally).
func BenchmarkReceiptsRoot1M(b *testing.B) {
	_, bs, _ := meeting1M(1000000)
	encs := make([][]byte, len(bs))
	for i := range bs {
		encs[i] = vote.Encode(&bs[i])
	}
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		rs := make([]vote.Receipt, len(encs))
		for i, e := range encs {
			rs[i] = vote.ReceiptOf(e)
		}
		vote.SortReceipts(rs)
		_ = vote.MerkleRoot(rs)
	}
	reportCPU(b, cpu)
}
