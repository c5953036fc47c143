package vote

import (
	"fmt"
	"math/bits"
)

// Threshold returns the least number of shares that elects toElect of
// seats directors under cumulative voting when shares shares vote (Art. II
// §10 ¶2; DGCL §214; rules.md II.10.cumulative, examples.md conventions):
//
//	⌊S·N/(D+1)⌋ + 1
//
// The holder of that many shares can cast them × D votes on N candidates
// so that the other S − T shares, however cast, cannot put D − N + 1 other
// candidates above all N. The product is computed in 128 bits, so it is
// exact for every int64 share count.
func Threshold(shares int64, seats, toElect int) (int64, error) {
	if shares < 0 || seats < 1 || toElect < 1 || toElect > seats {
		return 0, fmt.Errorf("threshold: want shares ≥ 0 and 1 ≤ elect ≤ seats, got shares %d, seats %d, elect %d", shares, seats, toElect)
	}
	hi, lo := bits.Mul64(uint64(shares), uint64(toElect))
	q, _ := bits.Div64(hi, lo, uint64(seats)+1) // hi < toElect ≤ seats < seats+1: no overflow
	return int64(q) + 1, nil
}

// ThresholdFormula writes the computation of Threshold with its numbers.
func ThresholdFormula(shares int64, seats, toElect int) string {
	t, err := Threshold(shares, seats, toElect)
	if err != nil {
		return err.Error()
	}
	return fmt.Sprintf("⌊S × N / (D + 1)⌋ + 1 = ⌊%d × %d / (%d + 1)⌋ + 1 = ⌊%s / %d⌋ + 1 = %d",
		shares, toElect, seats, mulOrBig(shares, toElect), seats+1, t)
}

func mulOrBig(s int64, n int) string {
	hi, lo := bits.Mul64(uint64(s), uint64(n))
	if hi == 0 && lo <= 1<<63-1 {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d×%d", s, n)
}

// SeatsElectable returns how many of seats directors a holder of held of
// shares voting shares can be sure to elect cumulatively: the largest N
// with Threshold(shares, seats, N) ≤ held (0 if none).
func SeatsElectable(held, shares int64, seats int) int {
	n := 0
	for k := 1; k <= seats; k++ {
		t, err := Threshold(shares, seats, k)
		if err != nil || t > held {
			break
		}
		n = k
	}
	return n
}
