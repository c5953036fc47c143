package server_test

import (
	"testing"

	"minutebook/internal/layering"
)

func TestImports(t *testing.T) {
	t.Parallel()
	layering.Check(t, ".", layering.Transport)
}
