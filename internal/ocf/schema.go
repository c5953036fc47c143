package ocf

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

//go:embed schemas
var schemaFS embed.FS

// Versions the importer supports: the ocf_version a manifest states, and
// the embedded schema folder that validates it.
var schemaDirs = map[string]string{
	"1.2.0":            "schemas/v1.2.0",
	"1.2.1-alpha+main": "schemas/main",
}

// ExportVersion is the ocf_version of the packages Export writes.
const ExportVersion = "1.2.0"

// SupportedVersions lists the ocf_version values Import accepts.
func SupportedVersions() []string {
	out := make([]string, 0, len(schemaDirs))
	for v := range schemaDirs {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// Schemas is one OCF release's schemas, compiled: one per file type and
// one per object type.
type Schemas struct {
	Version  string
	files    map[string]*jsonschema.Schema // by file_type
	objects  map[string]*jsonschema.Schema // by object_type
	manifest *jsonschema.Schema
}

var (
	schemasMu    sync.Mutex
	schemasCache = map[string]*Schemas{}
)

// SchemasFor returns the compiled schemas of an OCF release.
func SchemasFor(version string) (*Schemas, error) {
	dir, ok := schemaDirs[version]
	if !ok {
		return nil, fmt.Errorf("ocf_version %q is not supported (supported: %s)", version, strings.Join(SupportedVersions(), ", "))
	}
	schemasMu.Lock()
	defer schemasMu.Unlock()
	if s, ok := schemasCache[version]; ok {
		return s, nil
	}
	s, err := compileSchemas(version, dir)
	if err != nil {
		return nil, err
	}
	schemasCache[version] = s
	return s, nil
}

// compileSchemas registers every schema under its $id and compiles the
// file and object schemas, chosen by their file_type / object_type
// constants (primitives are abstract and only referenced).
func compileSchemas(version, dir string) (*Schemas, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	type entry struct {
		id   string
		rel  string
		doc  map[string]any
		kind string // "file", "object" or ""
	}
	var all []entry
	err := fs.WalkDir(schemaFS, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".schema.json") {
			return err
		}
		data, err := schemaFS.ReadFile(p)
		if err != nil {
			return err
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
		doc, _ := v.(map[string]any)
		id, _ := doc["$id"].(string)
		if id == "" {
			return fmt.Errorf("%s: no $id", p)
		}
		if err := c.AddResource(id, v); err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
		rel := strings.TrimPrefix(p, dir+"/")
		kind := ""
		switch {
		case strings.HasPrefix(rel, "files/"):
			kind = "file"
		case strings.HasPrefix(rel, "objects/"):
			kind = "object"
		}
		all = append(all, entry{id, rel, doc, kind})
		return nil
	})
	if err != nil {
		return nil, err
	}
	s := &Schemas{Version: version, files: map[string]*jsonschema.Schema{}, objects: map[string]*jsonschema.Schema{}}
	for _, e := range all {
		if e.kind == "" {
			continue
		}
		props, _ := e.doc["properties"].(map[string]any)
		key := "object_type"
		if e.kind == "file" {
			key = "file_type"
		}
		p, _ := props[key].(map[string]any)
		var names []string
		if cst, ok := p["const"].(string); ok {
			names = append(names, cst)
		}
		if enum, ok := p["enum"].([]any); ok {
			for _, x := range enum {
				if n, ok := x.(string); ok {
					names = append(names, n)
				}
			}
		}
		if len(names) == 0 {
			continue
		}
		sch, err := c.Compile(e.id)
		if err != nil {
			return nil, fmt.Errorf("compiling %s: %v", path.Join(dir, e.rel), err)
		}
		for _, n := range names {
			if e.kind == "file" {
				s.files[n] = sch
			} else {
				s.objects[n] = sch
			}
		}
	}
	s.manifest = s.files["OCF_MANIFEST_FILE"]
	if s.manifest == nil {
		return nil, fmt.Errorf("%s: no manifest schema", dir)
	}
	return s, nil
}

// ObjectTypes lists the object types the release defines.
func (s *Schemas) ObjectTypes() []string {
	out := make([]string, 0, len(s.objects))
	for k := range s.objects {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// validate checks v against sch and returns one problem per leaf error,
// with pointers under base.
func validate(sch *jsonschema.Schema, v any, file, base string) []Problem {
	err := sch.Validate(v)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []Problem{{File: file, Pointer: base, Message: err.Error()}}
	}
	var out []Problem
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			ptr := base + pointer(e.InstanceLocation)
			msg := "schema: " + leafMessage(e)
			if !seen[ptr+msg] {
				seen[ptr+msg] = true
				out = append(out, Problem{File: file, Pointer: ptr, Message: msg})
			}
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	if len(out) > 20 { // oneOf/allOf can explode; the first ones say enough
		n := len(out)
		out = append(out[:20], Problem{File: file, Pointer: base, Message: fmt.Sprintf("schema: … and %d more", n-20)})
	}
	return out
}

var printer = message.NewPrinter(language.English)

func leafMessage(e *jsonschema.ValidationError) string {
	// The error kind's own text, without the schema URL prefix.
	s := e.ErrorKind.LocalizedString(printer)
	if i := strings.LastIndex(e.SchemaURL, "/"); i >= 0 {
		s += " (" + e.SchemaURL[i+1:] + ")"
	}
	return s
}

func pointer(loc []string) string {
	var b strings.Builder
	for _, t := range loc {
		b.WriteByte('/')
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1"))
	}
	return b.String()
}
