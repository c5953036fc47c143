package ocf

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Problem is one thing wrong with a package: the file, the JSON pointer of
// the value inside it ("" for the file itself) and what is wrong.
type Problem struct {
	File    string `json:"file"`
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.Pointer == "" {
		return p.File + ": " + p.Message
	}
	return p.File + "#" + p.Pointer + ": " + p.Message
}

// PackageError lists every problem found in a package. Nothing is
// imported from a package with problems.
type PackageError struct {
	Package  string    `json:"package"`
	Problems []Problem `json:"problems"`
}

func (e *PackageError) Error() string {
	var b strings.Builder
	n := len(e.Problems)
	fmt.Fprintf(&b, "OCF package %s is not valid (%d problem", e.Package, n)
	if n != 1 {
		b.WriteString("s")
	}
	b.WriteString("); nothing was imported:")
	for i, p := range e.Problems {
		if i == 50 {
			fmt.Fprintf(&b, "\n  … and %d more", n-50)
			break
		}
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// Object is one OCF object of a package: where it is, its type and id, and
// its JSON as written.
type Object struct {
	File    string          `json:"file"`
	Pointer string          `json:"pointer"`
	Type    string          `json:"object_type"`
	ID      string          `json:"id"`
	Raw     json.RawMessage `json:"object"`
	value   map[string]any
}

// Str returns the string field k of the object, "" if absent.
func (o *Object) Str(k string) string {
	s, _ := o.value[k].(string)
	return s
}

// Field returns the field k of the object as decoded (numbers as
// json.Number).
func (o *Object) Field(k string) any { return o.value[k] }

// Package is a read and validated OCF package.
type Package struct {
	Name     string    // the path it was read from
	Version  string    // the manifest's ocf_version
	Manifest *Object   // the manifest, as an object of type OCF_MANIFEST_FILE
	Issuer   *Object   // the manifest's issuer
	Objects  []*Object // every item of every file, in manifest order
	Files    []string  // the files read, manifest first
}

// Of returns the objects whose type is one of types, in package order.
func (p *Package) Of(types ...string) []*Object {
	var out []*Object
	for _, o := range p.Objects {
		for _, t := range types {
			if o.Type == t {
				out = append(out, o)
			}
		}
	}
	return out
}

// fileTypes maps the manifest's file lists to the file_type they hold.
var fileTypes = []struct{ key, fileType string }{
	{"stakeholders_files", "OCF_STAKEHOLDERS_FILE"},
	{"stock_classes_files", "OCF_STOCK_CLASSES_FILE"},
	{"stock_legend_templates_files", "OCF_STOCK_LEGEND_TEMPLATES_FILE"},
	{"stock_plans_files", "OCF_STOCK_PLANS_FILE"},
	{"vesting_terms_files", "OCF_VESTING_TERMS_FILE"},
	{"valuations_files", "OCF_VALUATIONS_FILE"},
	{"financings_files", "OCF_FINANCINGS_FILE"},
	{"documents_files", "OCF_DOCUMENTS_FILE"},
	{"transactions_files", "OCF_TRANSACTIONS_FILE"},
}

// maxFile bounds the size of one file read from a package.
const maxFile = 64 << 20

// ReadPath reads and validates the package at p: a folder holding
// Manifest.ocf.json (at its root or in one subfolder), the manifest file
// itself, or a .ocf.zip / .zip file.
func ReadPath(p string) (*Package, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, &PackageError{Package: p, Problems: []Problem{{File: p, Message: "cannot read the package: " + pathErr(err)}}}
	}
	if st.IsDir() {
		return Read(os.DirFS(p), p)
	}
	if strings.HasSuffix(strings.ToLower(p), ".zip") {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, &PackageError{Package: p, Problems: []Problem{{File: p, Message: "cannot read the package: " + pathErr(err)}}}
		}
		return ReadZip(data, p)
	}
	return Read(os.DirFS(filepath.Dir(p)), p)
}

func pathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ReadZip reads and validates a zipped package (.ocf.zip); the manifest may
// be at the root of the archive or in a folder.
func ReadZip(data []byte, name string) (*Package, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &PackageError{Package: name, Problems: []Problem{{File: name, Message: "not a zip archive: " + err.Error()}}}
	}
	return Read(zr, name)
}

// Read reads and validates the package in fsys, named name in messages.
// It chooses the schema release by the manifest's ocf_version, validates
// the manifest and every file it lists, each item against the schema of its
// object_type, and reports duplicate and dangling ids. Every problem found
// is returned together in a *PackageError.
func Read(fsys fs.FS, name string) (*Package, error) {
	perr := &PackageError{Package: name}
	fail := func(file, ptr, format string, args ...any) {
		perr.Problems = append(perr.Problems, Problem{File: file, Pointer: ptr, Message: fmt.Sprintf(format, args...)})
	}
	mpath, err := findManifest(fsys, name)
	if err != nil {
		fail(name, "", "%v", err)
		return nil, perr
	}
	mdata, err := readFile(fsys, mpath)
	if err != nil {
		fail(mpath, "", "%v", err)
		return nil, perr
	}
	mv, err := decodeJSON(mdata)
	if err != nil {
		fail(mpath, "", "%v", err)
		return nil, perr
	}
	m, ok := mv.(map[string]any)
	if !ok {
		fail(mpath, "", "the manifest is not a JSON object")
		return nil, perr
	}
	version, _ := m["ocf_version"].(string)
	if _, ok := m["ocf_version"]; !ok {
		fail(mpath, "/ocf_version", "the manifest has no ocf_version (supported: %s)", strings.Join(SupportedVersions(), ", "))
		return nil, perr
	}
	sch, err := SchemasFor(version)
	if err != nil {
		fail(mpath, "/ocf_version", "%v", err)
		return nil, perr
	}
	if ft, _ := m["file_type"].(string); ft != "OCF_MANIFEST_FILE" {
		fail(mpath, "/file_type", "file_type is %q, want OCF_MANIFEST_FILE", ft)
	}
	perr.Problems = append(perr.Problems, validate(sch.manifest, mv, mpath, "")...)
	pkg := &Package{Name: name, Version: version, Files: []string{mpath}}
	pkg.Manifest = &Object{File: mpath, Type: "OCF_MANIFEST_FILE", Raw: json.RawMessage(mdata), value: m}
	if iv, ok := m["issuer"].(map[string]any); ok {
		raw, _ := json.Marshal(iv)
		id, _ := iv["id"].(string)
		pkg.Issuer = &Object{File: mpath, Pointer: "/issuer", Type: "ISSUER", ID: id, Raw: raw, value: iv}
	} else {
		fail(mpath, "/issuer", "the manifest names no issuer")
	}
	dir := path.Dir(mpath)
	read := map[string]bool{}
	unreadable := false // a file could not be parsed: its ids are unknown
	for _, ft := range fileTypes {
		list, _ := m[ft.key].([]any)
		for i, x := range list {
			ref, _ := x.(map[string]any)
			fp, _ := ref["filepath"].(string)
			ptr := fmt.Sprintf("/%s/%d/filepath", ft.key, i)
			if fp == "" {
				continue // the schema reports it
			}
			p := path.Clean(path.Join(dir, strings.TrimPrefix(fp, "./")))
			if !fs.ValidPath(p) || strings.HasPrefix(fp, "/") {
				fail(mpath, ptr, "filepath %q leaves the package", fp)
				continue
			}
			if read[p] {
				fail(mpath, ptr, "filepath %q is listed twice", fp)
				continue
			}
			read[p] = true
			data, err := readFile(fsys, p)
			if err != nil {
				fail(mpath, ptr, "filepath %q: %v", fp, err)
				continue
			}
			pkg.Files = append(pkg.Files, p)
			objs, probs := parseFile(sch, p, data, ft.fileType)
			if len(probs) > 0 && len(objs) == 0 {
				unreadable = true
			}
			perr.Problems = append(perr.Problems, probs...)
			pkg.Objects = append(pkg.Objects, objs...)
		}
	}
	if !unreadable {
		perr.Problems = append(perr.Problems, checkIDs(pkg)...)
	}
	if len(perr.Problems) > 0 {
		return nil, perr
	}
	return pkg, nil
}

// findManifest returns the path of the package's Manifest.ocf.json: the
// shallowest one; two at the same depth are ambiguous.
func findManifest(fsys fs.FS, name string) (string, error) {
	if strings.HasSuffix(name, ".ocf.json") && !strings.HasSuffix(strings.ToLower(name), ".zip") {
		base := filepath.Base(name)
		if _, err := fs.Stat(fsys, base); err == nil {
			return base, nil
		}
	}
	var found []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.Count(p, "/") >= 3 {
			return fs.SkipDir
		}
		if !d.IsDir() && strings.EqualFold(path.Base(p), "Manifest.ocf.json") {
			found = append(found, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("cannot list the package: %v", pathErr(err))
	}
	if len(found) == 0 {
		return "", fmt.Errorf("no Manifest.ocf.json in the package (an OCF package is a folder or .ocf.zip holding Manifest.ocf.json and the files it lists)")
	}
	sort.Slice(found, func(i, j int) bool {
		di, dj := strings.Count(found[i], "/"), strings.Count(found[j], "/")
		if di != dj {
			return di < dj
		}
		return found[i] < found[j]
	})
	if len(found) > 1 && strings.Count(found[0], "/") == strings.Count(found[1], "/") {
		return "", fmt.Errorf("two manifests at the same level (%s, %s): which one is the package?", found[0], found[1])
	}
	return found[0], nil
}

func readFile(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, errors.New("not in the package")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read it: %v", err)
	}
	if len(data) > maxFile {
		return nil, fmt.Errorf("larger than %d MiB", maxFile>>20)
	}
	return data, nil
}

// decodeJSON parses one JSON document with numbers kept exact, and says
// where a syntax error is (line and column).
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(data, err, dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, jsonError(data, errors.New("more than one JSON value in the file"), dec.InputOffset())
	}
	return v, nil
}

func jsonError(data []byte, err error, off int64) error {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset > 0 {
		off = se.Offset - 1 // the offending character
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		off = int64(len(data))
		err = errors.New("unexpected end of JSON input")
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Errorf("bad JSON at line %d, column %d: %v", line, col, err)
}

// parseFile parses one listed file, checks its file_type, validates the
// file (with its items set aside) against its file schema and each item
// against the schema of its object_type.
func parseFile(sch *Schemas, file string, data []byte, want string) ([]*Object, []Problem) {
	v, err := decodeJSON(data)
	if err != nil {
		return nil, []Problem{{File: file, Message: err.Error()}}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, []Problem{{File: file, Message: "the file is not a JSON object"}}
	}
	var probs []Problem
	ft, _ := m["file_type"].(string)
	if ft != want {
		return nil, []Problem{{File: file, Pointer: "/file_type", Message: fmt.Sprintf("file_type is %q, but the manifest lists the file as %s", ft, want)}}
	}
	// The file schema's items.oneOf lags the object types (SOURCE.md), so
	// the file is checked without its items and each item on its own.
	shell := map[string]any{}
	for k, x := range m {
		shell[k] = x
	}
	items, isList := m["items"].([]any)
	if isList {
		shell["items"] = []any{}
	}
	if fs := sch.files[want]; fs != nil {
		probs = append(probs, validate(fs, shell, file, "")...)
	}
	var objs []*Object
	for i, it := range items {
		ptr := fmt.Sprintf("/items/%d", i)
		om, ok := it.(map[string]any)
		if !ok {
			probs = append(probs, Problem{File: file, Pointer: ptr, Message: "an item is not a JSON object"})
			continue
		}
		ot, _ := om["object_type"].(string)
		os, ok := sch.objects[ot]
		if !ok {
			probs = append(probs, Problem{File: file, Pointer: ptr + "/object_type", Message: fmt.Sprintf("object_type %q is not defined by OCF %s", ot, sch.Version)})
			continue
		}
		probs = append(probs, validate(os, om, file, ptr)...)
		raw, _ := json.Marshal(om)
		id, _ := om["id"].(string)
		objs = append(objs, &Object{File: file, Pointer: ptr, Type: ot, ID: id, Raw: raw, value: om})
	}
	return objs, probs
}

// isIssuance reports whether an object type creates a security.
func isIssuance(t string) bool {
	return strings.HasPrefix(t, "TX_") && strings.HasSuffix(t, "_ISSUANCE")
}

// checkIDs reports duplicate object ids, securities issued twice, and
// references to stakeholders, stock classes, stock plans and securities
// that no object of the package defines.
func checkIDs(p *Package) []Problem {
	var out []Problem
	where := map[string]*Object{}
	all := p.Objects
	if p.Issuer != nil {
		all = append([]*Object{p.Issuer}, all...)
	}
	for _, o := range all {
		if o.ID == "" {
			continue
		}
		if first, dup := where[o.ID]; dup {
			out = append(out, Problem{File: o.File, Pointer: o.Pointer + "/id", Message: fmt.Sprintf("duplicate id %q (first used by the %s at %s#%s)", o.ID, first.Type, first.File, first.Pointer)})
			continue
		}
		where[o.ID] = o
	}
	defined := func(types ...string) map[string]bool {
		s := map[string]bool{}
		for _, o := range p.Of(types...) {
			s[o.ID] = true
		}
		return s
	}
	stakeholders := defined("STAKEHOLDER")
	classes := defined("STOCK_CLASS")
	plans := defined("STOCK_PLAN")
	securities := map[string]*Object{}
	for _, o := range p.Objects {
		if isIssuance(o.Type) {
			sid := o.Str("security_id")
			if first, dup := securities[sid]; dup && sid != "" {
				out = append(out, Problem{File: o.File, Pointer: o.Pointer + "/security_id", Message: fmt.Sprintf("duplicate security_id %q (first issued by %s at %s#%s)", sid, first.ID, first.File, first.Pointer)})
			}
			securities[sid] = o
		}
	}
	resulting := map[string]bool{}
	for _, o := range p.Objects {
		if ids, ok := o.Field("resulting_security_ids").([]any); ok {
			for _, x := range ids {
				if s, ok := x.(string); ok {
					resulting[s] = true
				}
			}
		}
		if s := o.Str("balance_security_id"); s != "" {
			resulting[s] = true
		}
	}
	dangling := func(o *Object, field, what string, set map[string]bool) {
		if id := o.Str(field); id != "" && !set[id] {
			out = append(out, Problem{File: o.File, Pointer: o.Pointer + "/" + field, Message: fmt.Sprintf("dangling %s: no %s in the package has id %q", field, what, id)})
		}
	}
	for _, o := range p.Objects {
		if !strings.HasPrefix(o.Type, "TX_") && !strings.HasPrefix(o.Type, "CE_") && o.Type != "STOCK_PLAN" {
			continue
		}
		dangling(o, "stakeholder_id", "stakeholder", stakeholders)
		dangling(o, "stock_class_id", "stock class", classes)
		if o.Type != "STOCK_PLAN" {
			dangling(o, "stock_plan_id", "stock plan", plans)
		}
		if ids, ok := o.Field("stock_class_ids").([]any); ok {
			for i, x := range ids {
				if s, ok := x.(string); ok && !classes[s] {
					out = append(out, Problem{File: o.File, Pointer: fmt.Sprintf("%s/stock_class_ids/%d", o.Pointer, i), Message: fmt.Sprintf("dangling stock_class_ids: no stock class in the package has id %q", s)})
				}
			}
		}
		if sid := o.Str("security_id"); sid != "" && !isIssuance(o.Type) {
			if securities[sid] == nil && !resulting[sid] {
				out = append(out, Problem{File: o.File, Pointer: o.Pointer + "/security_id", Message: fmt.Sprintf("dangling security_id: no issuance or resulting security in the package has id %q", sid)})
			}
		}
	}
	return out
}
