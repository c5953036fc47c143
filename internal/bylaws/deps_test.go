package bylaws

import (
	"testing"

	"minutebook/internal/layering"
)

// TestImports enforces the package's place in the house (STYLE.md): never
// acts, a store or a transport, directly or through another package.
func TestImports(t *testing.T) {
	t.Parallel()
	layering.Check(t, ".", layering.Rulebook)
}
