package bylaws

import (
	"go/build"
	"strings"
	"testing"
)

// TestImports enforces the package's place in the house (STYLE.md): the
// standard library, corp, strict and the YAML parser, nothing else.
func TestImports(t *testing.T) {
	t.Parallel()
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{
		"minutebook/internal/corp":   true,
		"minutebook/internal/strict": true,
		"go.yaml.in/yaml/v3":         true,
	}
	for _, imp := range pkg.Imports {
		first, _, _ := strings.Cut(imp, "/")
		if !strings.Contains(first, ".") && !strings.HasPrefix(imp, "minutebook/") {
			continue // standard library
		}
		if !allowed[imp] {
			t.Errorf("package bylaws imports %s; it may import only the standard library, corp, strict and yaml", imp)
		}
	}
}
