package pdf_test

import (
	"slices"
	"strings"
	"testing"

	"minutebook/internal/layering"
)

// TestImports enforces the package's place in the house (STYLE.md rule 5),
// and that it is the only package of the module that imports the PDF
// library.
func TestImports(t *testing.T) {
	t.Parallel()
	layering.Check(t, ".", layering.Transport)
	self, g, err := layering.Load(".", true)
	if err != nil {
		t.Fatal(err)
	}
	for path, p := range g {
		if path == self || !(path == "minutebook" || strings.HasPrefix(path, "minutebook/")) {
			continue
		}
		if slices.ContainsFunc(p.Imports, func(imp string) bool { return strings.HasPrefix(imp, "github.com/go-pdf/") }) {
			t.Errorf("%s imports the PDF library: only %s may (STYLE.md: internal/pdf is its only importer)", path, self)
		}
	}
}
