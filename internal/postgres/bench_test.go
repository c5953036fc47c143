package postgres_test

import (
	"testing"

	"minutebook/internal/storetest"
)

// BenchmarkRaw measures the bounds of the act path on this store's own
// database (storetest.BenchRaw documents each figure and the flags that
// size them).
func BenchmarkRaw(b *testing.B) { storetest.BenchRaw(b, open) }

// BenchmarkStore measures the same writes through the Store contract.
func BenchmarkStore(b *testing.B) { storetest.BenchStore(b, open) }
