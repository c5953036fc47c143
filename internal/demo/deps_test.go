package demo_test

import (
	"testing"

	"minutebook/internal/layering"
)

// TestImports enforces the package's place in the house (STYLE.md rule 5).
func TestImports(t *testing.T) {
	t.Parallel()
	layering.Check(t, ".", layering.App)
}
