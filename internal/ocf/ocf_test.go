package ocf_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/ocf"
	"minutebook/internal/sqlite"
)

// shared is the vendored OCF material (schemas, samples, tutorials).
const shared = "../../../shared/ocf"

var fixed = time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)

func needShared(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("the OCF samples are not at %s: %v", shared, err)
	}
}

func newService(t *testing.T) *acts.Service {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir()+"/x.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
}

var signers = []acts.SignerField{{Person: "ada", Office: "president"}, {Person: "grace", Office: "secretary"}}

func problems(err error) []ocf.Problem {
	var pe *ocf.PackageError
	if errors.As(err, &pe) {
		return pe.Problems
	}
	return nil
}

func hasProblem(ps []ocf.Problem, file, ptr, msg string) bool {
	for _, p := range ps {
		if strings.HasSuffix(p.File, file) && p.Pointer == ptr && strings.Contains(p.Message, msg) {
			return true
		}
	}
	return false
}

// TestSamples reads every sample and tutorial package of the OCF
// repository. None is a consistent cap table that imports as it stands;
// each refusal is pinned here with its reason (SOURCE.md explains them).
func TestSamples(t *testing.T) {
	needShared(t)
	t.Parallel()
	cases := []struct {
		name, path string
		want       []ocf.Problem // a selection; each must be reported
		schemaOK   bool          // no schema problem at all
	}{
		{"samples main", "samples", []ocf.Problem{
			{File: "Transactions.ocf.json", Pointer: "/items/47/security_id", Message: `duplicate security_id "test-security-id"`},
			{File: "Transactions.ocf.json", Pointer: "/items/46/stakeholder_id", Message: `dangling stakeholder_id: no stakeholder in the package has id "stakeholder-id"`},
			{File: "Transactions.ocf.json", Pointer: "/items/46/stock_class_id", Message: `dangling stock_class_id`},
			{File: "Transactions.ocf.json", Pointer: "/items/2/security_id", Message: `dangling security_id`},
		}, true},
		{"samples v1.2.0", "v1.2.0/samples", []ocf.Problem{
			{File: "Transactions.ocf.json", Pointer: "/items/46/security_id", Message: `duplicate security_id "test-security-id"`},
			{File: "Transactions.ocf.json", Pointer: "/items/25/stakeholder_id", Message: `dangling stakeholder_id`},
		}, true},
		{"quickstart", "docs/tutorials/quickstart/samples", []ocf.Problem{
			{File: "Manifest.ocf.json", Pointer: "/ocf_version", Message: `ocf_version "~~~ SAMPLE ~~~" is not supported (supported: 1.2.0, 1.2.1-alpha+main)`},
		}, true},
		{"options", "docs/tutorials/options/samples", []ocf.Problem{
			{File: "Manifest.ocf.json", Pointer: "/ocf_version", Message: `ocf_version "~~~ SAMPLE ~~~" is not supported`},
		}, true},
		{"quickstart zip", "docs/tutorials/quickstart/issuance_aperture_science_inc.ocf.zip", []ocf.Problem{
			{File: "initial-aperature-science-ocf/Manifest.ocf.json", Pointer: "/ocf_version", Message: `ocf_version "1.0.0-a3" is not supported`},
		}, true},
		{"options zip", "docs/tutorials/options/issuance_aperture_science_inc.ocf.zip", []ocf.Problem{
			{File: "Manifest.ocf.json", Pointer: "/ocf_version", Message: `ocf_version "1.0.0-a3" is not supported`},
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := ocf.ReadPath(filepath.Join(shared, c.path))
			ps := problems(err)
			if len(ps) == 0 {
				t.Fatalf("ReadPath(%s) = %v, want problems", c.path, err)
			}
			for _, w := range c.want {
				if !hasProblem(ps, w.File, w.Pointer, w.Message) {
					t.Errorf("ReadPath(%s): missing problem %s\ngot:\n%v", c.path, w, err)
				}
			}
			for _, p := range ps {
				if c.schemaOK && strings.HasPrefix(p.Message, "schema:") {
					t.Errorf("ReadPath(%s): unexpected schema problem %s", c.path, p)
				}
			}
		})
	}
}

// tutorial copies a tutorial package with its manifest repaired the three
// ways SOURCE.md lists: a supported ocf_version, no
// jurisdiction_of_formation, and the stakeholders file's real name.
func tutorial(t *testing.T, dir, version string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	ents, err := os.ReadDir(filepath.Join(shared, dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(shared, dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "Manifest.ocf.json" {
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatal(err)
			}
			m["ocf_version"] = version
			delete(m["issuer"].(map[string]any), "jurisdiction_of_formation")
			for _, f := range m["stakeholders_files"].([]any) {
				f.(map[string]any)["filepath"] = "./Stakeholders.ocf.json"
			}
			data, _ = json.Marshal(m)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// TestTutorials imports the two tutorial packages once their manifests
// are repaired, under both schema releases.
func TestTutorials(t *testing.T) {
	needShared(t)
	t.Parallel()
	for _, version := range ocf.SupportedVersions() {
		for _, c := range []struct {
			dir         string
			kept        int
			instruments string            // on 2025-01-01
			holdings    map[string]string // class -> Jim's shares
		}{
			{"docs/tutorials/quickstart/samples", 0, "", map[string]string{"preferred-shares": "5000"}},
			// The option for 100,000 common at $0.10, 25,000 exercised on
			// 2024-01-31 into the issuance C-1 (whose security id is not the
			// one the exercise names: matched by date, holder and quantity).
			{"docs/tutorials/options/samples", 4, "ca-1 option ISO common-stock 100000 @0.1 exp 2032-12-31: 75000 outstanding", map[string]string{"preferred-shares": "5000", "common-stock": "25000"}},
		} {
			t.Run(version+" "+c.dir, func(t *testing.T) {
				t.Parallel()
				pkg, err := ocf.Read(tutorial(t, c.dir, version), c.dir)
				if err != nil {
					t.Fatal(err)
				}
				svc := newService(t)
				ctx := context.Background()
				// PS-1 is a certificate number, and a certificate needs two
				// officers' signatures; the only person is Jim Jangles.
				rep, err := ocf.Import(ctx, svc, pkg, ocf.Options{})
				if err != nil {
					t.Fatal(err)
				}
				if rep.Status != "refused" || !refusedBy(rep, "VI.1.certificate_signers") {
					t.Fatalf("status %s, want refused by VI.1.certificate_signers", rep.Status)
				}
				rep, err = ocf.Import(ctx, svc, pkg, ocf.Options{Uncertificated: true})
				if err != nil {
					t.Fatal(err)
				}
				if rep.Status != "recorded" {
					b, _ := json.MarshalIndent(rep, "", " ")
					t.Fatalf("status %s, want recorded:\n%s", rep.Status, b)
				}
				if len(rep.Kept) != c.kept {
					t.Errorf("kept = %d, want %d", len(rep.Kept), c.kept)
				}
				if got := instruments(t, svc, rep.Corporation); got != c.instruments {
					t.Errorf("instruments = %q, want %q", got, c.instruments)
				}
				ct, err := svc.Holdings(ctx, rep.Corporation, corp.MustDate(2025, 1, 1))
				if err != nil {
					t.Fatal(err)
				}
				got := map[string]string{}
				for _, h := range ct.Holdings {
					got[h.Class] = h.Shares.String()
				}
				if d := cmp.Diff(c.holdings, got); d != "" {
					t.Errorf("holdings (-want +got):\n%s", d)
				}
			})
		}
	}
}

// instruments describes the instruments on the books on 2025-01-01.
func instruments(t *testing.T, svc *acts.Service, corpID string) string {
	t.Helper()
	ins, err := svc.Instruments(context.Background(), corpID, corp.MustDate(2025, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, in := range ins {
		s := fmt.Sprintf("%s %s %s %s", in.ID, in.Type, in.Subtype, in.Class)
		if in.Quantity != nil {
			s += " " + in.Quantity.String()
		}
		if in.Principal != nil {
			s += " principal " + in.Principal.String()
		}
		if in.Price != nil {
			s += " @" + in.Price.String()
		}
		if !in.Expiration.IsZero() {
			s += " exp " + in.Expiration.String()
		}
		out = append(out, s+": "+in.Remaining.String()+" "+in.Status)
	}
	return strings.Join(out, "; ")
}

func readNorthwind(t *testing.T) *ocf.Package {
	t.Helper()
	pkg, err := ocf.ReadPath("testdata/northwind")
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func holdings(t *testing.T, svc *acts.Service, corpID string) map[string]string {
	t.Helper()
	ct, err := svc.Holdings(context.Background(), corpID, corp.MustDate(2030, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, h := range ct.Holdings {
		out[h.Holder.ID+"/"+h.Class] = h.Shares.String()
	}
	return out
}

// TestImportNorthwind checks the mapping of each transaction type.
func TestImportNorthwind(t *testing.T) {
	t.Parallel()
	svc := newService(t)
	ctx := context.Background()
	rep, err := ocf.Import(ctx, svc, readNorthwind(t), ocf.Options{Signers: signers})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != "recorded" {
		b, _ := json.MarshalIndent(rep, "", " ")
		t.Fatalf("status %s:\n%s", rep.Status, b)
	}
	want := map[string]string{
		"ada/common": "4250000", "grace/common": "750000", "analytical-ventures-i-l-p/series-seed-preferred": "750000.25",
	}
	if d := cmp.Diff(want, holdings(t, svc, "northwind-robotics-inc")); d != "" {
		t.Errorf("holdings (-want +got):\n%s", d)
	}
	outcomes := map[string]string{}
	for _, tx := range rep.Transactions {
		outcomes[tx.ID] = tx.Outcome
	}
	wantOut := map[string]string{"iss-ada": "applied", "iss-grace": "applied", "acc-grace": "no_effect", "iss-seed": "applied",
		"opt-grace": "applied", "xfer-grace-ada": "applied", "iss-ada-2": "applied", "iss-grace-2": "applied", "auth-common-2022": "applied"}
	if d := cmp.Diff(wantOut, outcomes); d != "" {
		t.Errorf("outcomes (-want +got):\n%s", d)
	}
	if len(rep.Kept) != 1 { // the plan
		t.Errorf("kept = %d, want 1", len(rep.Kept))
	}
	// Grace's option: 100,000 common at $0.25, ISO, to 2030-06-30, kept in
	// the books as a non-voting instrument, not in her votes.
	if got, want := instruments(t, svc, "northwind-robotics-inc"), "sec-opt-1 option ISO common 100000 @0.25 exp 2030-06-30: 100000 outstanding"; got != want {
		t.Errorf("instruments = %q, want %q", got, want)
	}
	certs, err := svc.Certificates(ctx, "northwind-robotics-inc", "ada")
	if err != nil {
		t.Fatal(err)
	}
	if len(certs) != 2 || !certs[0].Certificated || certs[1].Certificated {
		t.Errorf("ada's certificates = %+v, want certificate 1 and an uncertificated position", certs)
	}
	_, facts, err := svc.CorporationOn(ctx, "northwind-robotics-inc", corp.MustDate(2023, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	if got := facts.Classes[0].Authorized.String(); got != "20000000" {
		t.Errorf("common authorized after the adjustment = %s, want 20000000", got)
	}
	if got := facts.Classes[1].Scale; got != 2 {
		t.Errorf("seed scale = %d, want 2", got)
	}
	// Importing again into the same corporation reuses the persons and is
	// refused by the authorized-shares check, leaving the books unchanged.
	es, _, _ := svc.Entries(ctx, "northwind-robotics-inc", 0, 0)
	rep, err = ocf.Import(ctx, svc, readNorthwind(t), ocf.Options{Corp: "northwind-robotics-inc", Signers: signers})
	if err != nil {
		t.Fatal(err)
	}
	es2, _, _ := svc.Entries(ctx, "northwind-robotics-inc", 0, 0)
	if rep.Status != "refused" || len(es2) != len(es) || !strings.Contains(rep.Refusals()[0].Reason, "already on the books") {
		t.Errorf("second import: status %s, entries %d -> %d, refusals %v; want refused as already on the books, and unchanged", rep.Status, len(es), len(es2), rep.Refusals())
	}
}

// TestROFR shows a transfer to a newcomer refused by the bylaws' right of
// first refusal, with its citation, and nothing recorded.
func TestROFR(t *testing.T) {
	t.Parallel()
	// Dated while the default bylaws' ROFR is in effect (until 2005-05-24).
	fsys := dirFS(t, "testdata/northwind")
	for name, f := range fsys {
		s := strings.NewReplacer("2019-", "2000-", "2020-", "2001-", "2021-", "2002-", "2022-", "2003-", "2023-", "2004-").Replace(string(f.Data))
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	patch(t, fsys, "Stakeholders.ocf.json", func(m map[string]any) {
		m["items"] = append(m["items"].([]any), map[string]any{"object_type": "STAKEHOLDER", "id": "hedy", "name": map[string]any{"legal_name": "Hedy Lamarr"}, "stakeholder_type": "INDIVIDUAL"})
	})
	patch(t, fsys, "Transactions.ocf.json", func(m map[string]any) {
		for _, it := range m["items"].([]any) {
			if o := it.(map[string]any); o["id"] == "iss-ada-2" {
				o["stakeholder_id"] = "hedy"
			}
		}
	})
	pkg, err := ocf.Read(fsys, "rofr")
	if err != nil {
		t.Fatal(err)
	}
	svc := newService(t)
	rep, err := ocf.Import(context.Background(), svc, pkg, ocf.Options{Signers: signers})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != "refused" || !refusedBy(rep, "VIII.1.h.void") {
		t.Errorf("status %s, want refused by VIII.1.h.void", rep.Status)
	}
	if _, _, err := svc.CorporationOn(context.Background(), rep.Corporation, corp.MustDate(2030, 1, 1)); corp.KindOf(err) != corp.NotFound {
		t.Errorf("corporation recorded after a refused import: %v", err)
	}
}

func refusedBy(rep *ocf.Report, rule string) bool {
	for _, r := range rep.Acts {
		for _, c := range r.Checks {
			if r.Status == acts.Refused && c.Rule == rule && c.Outcome.String() == "failed" {
				return true
			}
		}
	}
	return false
}

func dirFS(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: data}
	}
	return fsys
}

func patch(t *testing.T, fsys fstest.MapFS, name string, f func(map[string]any)) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(fsys[name].Data, &m); err != nil {
		t.Fatal(err)
	}
	f(m)
	data, _ := json.Marshal(m)
	fsys[name] = &fstest.MapFile{Data: data}
}

// TestMalformed: each broken package is refused with a clear problem and
// leaves the store unchanged.
func TestMalformed(t *testing.T) {
	t.Parallel()
	setItem := func(file, id, key string, v any) func(fstest.MapFS) {
		return func(fsys fstest.MapFS) {
			patch(t, fsys, file, func(m map[string]any) {
				for _, it := range m["items"].([]any) {
					if o := it.(map[string]any); o["id"] == id {
						o[key] = v
					}
				}
			})
		}
	}
	cases := []struct {
		name              string
		edit              func(fstest.MapFS)
		file, ptr, substr string
	}{
		{"bad JSON", func(fsys fstest.MapFS) {
			fsys["Stakeholders.ocf.json"] = &fstest.MapFile{Data: []byte("{\n  \"file_type\": \"OCF_STAKEHOLDERS_FILE\",\n  \"items\": [,]\n}")}
		}, "Stakeholders.ocf.json", "", "bad JSON at line 3, column 13"},
		{"schema violation", setItem("Transactions.ocf.json", "iss-ada", "quantity", "four million"), "Transactions.ocf.json", "/items/0/quantity", "schema:"},
		{"missing field", setItem("StockClasses.ocf.json", "common", "votes_per_share", nil), "StockClasses.ocf.json", "/items/0/votes_per_share", "schema:"},
		{"dangling stakeholder", setItem("Transactions.ocf.json", "iss-grace", "stakeholder_id", "nobody"), "Transactions.ocf.json", "/items/1/stakeholder_id", `dangling stakeholder_id: no stakeholder in the package has id "nobody"`},
		{"dangling class", setItem("Transactions.ocf.json", "iss-seed", "stock_class_id", "series-z"), "Transactions.ocf.json", "/items/3/stock_class_id", "dangling stock_class_id"},
		{"dangling security", setItem("Transactions.ocf.json", "xfer-grace-ada", "security_id", "sec-nope"), "Transactions.ocf.json", "/items/5/security_id", "dangling security_id"},
		{"duplicate id", setItem("Stakeholders.ocf.json", "grace", "id", "ada"), "Stakeholders.ocf.json", "/items/1/id", `duplicate id "ada" (first used by the STAKEHOLDER at Stakeholders.ocf.json#/items/0)`},
		{"unknown version", func(fsys fstest.MapFS) {
			patch(t, fsys, "Manifest.ocf.json", func(m map[string]any) { m["ocf_version"] = "2.0.0" })
		}, "Manifest.ocf.json", "/ocf_version", `ocf_version "2.0.0" is not supported (supported: 1.2.0, 1.2.1-alpha+main)`},
		{"missing file", func(fsys fstest.MapFS) { delete(fsys, "StockPlans.ocf.json") }, "Manifest.ocf.json", "/stock_plans_files/0/filepath", "not in the package"},
		{"wrong file type", func(fsys fstest.MapFS) {
			patch(t, fsys, "StockPlans.ocf.json", func(m map[string]any) { m["file_type"] = "OCF_VALUATIONS_FILE" })
		}, "StockPlans.ocf.json", "/file_type", "the manifest lists the file as OCF_STOCK_PLANS_FILE"},
		{"no manifest", func(fsys fstest.MapFS) { delete(fsys, "Manifest.ocf.json") }, "", "", "no Manifest.ocf.json"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			svc := newService(t)
			ctx := context.Background()
			// A corporation already on the books must be left as it was.
			if _, err := ocf.Import(ctx, svc, readNorthwind(t), ocf.Options{Corp: "northwind", Signers: signers}); err != nil {
				t.Fatal(err)
			}
			before, _, _ := svc.Entries(ctx, "northwind", 0, 0)
			fsys := dirFS(t, "testdata/northwind")
			c.edit(fsys)
			pkg, err := ocf.Read(fsys, "broken")
			if err == nil {
				rep, err := ocf.Import(ctx, svc, pkg, ocf.Options{Corp: "northwind"})
				t.Fatalf("Read = nil error, want a problem %q (import: %v, %v)", c.substr, rep, err)
			}
			if !hasProblem(problems(err), c.file, c.ptr, c.substr) {
				t.Errorf("Read: got %v\nwant %s#%s: …%s…", err, c.file, c.ptr, c.substr)
			}
			after, _, _ := svc.Entries(ctx, "northwind", 0, 0)
			if len(after) != len(before) {
				t.Errorf("entries %d -> %d: the store changed", len(before), len(after))
			}
		})
	}
}

// TestRoundTrip: import, export, import into a fresh store gives the same
// cap table; the export validates against OCF 1.2.0, as a folder and as a
// zip, and carries the instruments back.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src := readNorthwind(t)
	svc1 := newService(t)
	rep, err := ocf.Import(ctx, svc1, src, ocf.Options{Signers: signers})
	if err != nil || rep.Status != "recorded" {
		t.Fatalf("import: %v %v", err, rep)
	}
	ex, err := ocf.ExportCorporation(ctx, svc1, rep.Corporation, ocf.ExportOptions{AsOf: corp.MustDate(2026, 11, 25), GeneratedAt: fixed, Instruments: src})
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Notes) > 0 {
		t.Errorf("export notes: %v", ex.Notes)
	}
	for _, out := range []string{t.TempDir() + "/pkg", t.TempDir() + "/pkg.ocf.zip"} {
		if err := ex.WriteTo(out); err != nil {
			t.Fatal(err)
		}
		pkg, err := ocf.ReadPath(out)
		if err != nil {
			t.Fatalf("the export does not validate: %v", err)
		}
		if pkg.Version != "1.2.0" {
			t.Errorf("version %s", pkg.Version)
		}
		svc2 := newService(t)
		rep2, err := ocf.Import(ctx, svc2, pkg, ocf.Options{Signers: signers})
		if err != nil || rep2.Status != "recorded" {
			b, _ := json.MarshalIndent(rep2, "", " ")
			t.Fatalf("re-import: %v\n%s", err, b)
		}
		if d := cmp.Diff(holdings(t, svc1, rep.Corporation), holdings(t, svc2, rep2.Corporation)); d != "" {
			t.Errorf("holdings after the round trip (-first +second):\n%s", d)
		}
		if a, b := instruments(t, svc1, rep.Corporation), instruments(t, svc2, rep2.Corporation); a != b {
			t.Errorf("instruments after the round trip:\n first %s\nsecond %s", a, b)
		}
		if len(rep2.Kept) != len(rep.Kept) {
			t.Errorf("kept %d -> %d", len(rep.Kept), len(rep2.Kept))
		}
	}
}

// FuzzParse feeds the package reader arbitrary manifests, transaction
// files and zip archives: it must return a package or an error, never
// panic.
func FuzzParse(f *testing.F) {
	fsys := fstest.MapFS{}
	ents, _ := os.ReadDir("testdata/northwind")
	for _, e := range ents {
		data, _ := os.ReadFile(filepath.Join("testdata/northwind", e.Name()))
		fsys[e.Name()] = &fstest.MapFile{Data: data}
	}
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for name, file := range fsys {
		w, _ := zw.Create(name)
		w.Write(file.Data)
	}
	zw.Close()
	f.Add(fsys["Manifest.ocf.json"].Data, fsys["Transactions.ocf.json"].Data, zbuf.Bytes())
	f.Add([]byte(`{"ocf_version":"1.2.0"}`), []byte(`[]`), []byte("PK"))
	f.Add([]byte(`{"ocf_version":"1.2.1-alpha+main","file_type":"OCF_MANIFEST_FILE","transactions_files":[{"filepath":"../x"}]}`), []byte(`{"items":[1]}`), []byte{})
	f.Fuzz(func(t *testing.T, manifest, transactions, zipped []byte) {
		m := fstest.MapFS{}
		for k, v := range fsys {
			m[k] = v
		}
		m["Manifest.ocf.json"] = &fstest.MapFile{Data: manifest}
		m["Transactions.ocf.json"] = &fstest.MapFile{Data: transactions}
		if pkg, err := ocf.Read(m, "fuzz"); err == nil && pkg.Version == "" {
			t.Errorf("a package without a version was accepted")
		}
		_, _ = ocf.ReadZip(zipped, "fuzz.zip")
	})
}

// TestRepurchaseAndCancellation: a repurchase puts shares into treasury
// (stock.repurchase); a cancellation surrenders them at no price and
// retires them (stock.repurchase, then stock.retire).
func TestRepurchaseAndCancellation(t *testing.T) {
	t.Parallel()
	fsys := dirFS(t, "testdata/northwind")
	patch(t, fsys, "Transactions.ocf.json", func(m map[string]any) {
		m["items"] = append(m["items"].([]any),
			map[string]any{"object_type": "TX_STOCK_REPURCHASE", "id": "rep-ada", "security_id": "sec-ada-2", "date": "2023-01-01",
				"quantity": "50000", "price": map[string]any{"amount": "0.50", "currency": "USD"}, "balance_security_id": "sec-ada-3"},
			map[string]any{"object_type": "TX_STOCK_CANCELLATION", "id": "cancel-ada-3", "security_id": "sec-ada-3", "date": "2023-02-01",
				"quantity": "200000", "reason_text": "forfeited"})
	})
	pkg, err := ocf.Read(fsys, "repurchase")
	if err != nil {
		t.Fatal(err)
	}
	svc := newService(t)
	rep, err := ocf.Import(context.Background(), svc, pkg, ocf.Options{Signers: signers})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != "recorded" {
		b, _ := json.MarshalIndent(rep, "", " ")
		t.Fatalf("status %s:\n%s", rep.Status, b)
	}
	want := map[string]string{"ada/common": "4000000", "grace/common": "750000", "analytical-ventures-i-l-p/series-seed-preferred": "750000.25"}
	if d := cmp.Diff(want, holdings(t, svc, rep.Corporation)); d != "" {
		t.Errorf("holdings (-want +got):\n%s", d)
	}
	var kinds []string
	for _, r := range rep.Acts[len(rep.Acts)-3:] {
		kinds = append(kinds, r.Kind)
	}
	if d := cmp.Diff([]string{"stock.repurchase", "stock.repurchase", "stock.retire"}, kinds); d != "" {
		t.Errorf("last acts (-want +got):\n%s", d)
	}
}

// instrumentTxs are options, warrants, a SAFE and an RSU with their
// exercise, release, conversion, cancellation and expiration, added to the
// northwind package.
var instrumentTxs = []any{
	map[string]any{"object_type": "TX_CONVERTIBLE_ISSUANCE", "id": "safe-ada", "security_id": "sec-safe-1", "date": "2021-01-15", "custom_id": "SAFE-1",
		"stakeholder_id": "ada", "security_law_exemptions": []any{}, "convertible_type": "SAFE", "seniority": 1,
		"investment_amount": map[string]any{"amount": "200000", "currency": "USD"},
		"conversion_triggers": []any{map[string]any{"trigger_id": "t1", "type": "AUTOMATIC_ON_CONDITION", "trigger_condition": "the next equity financing",
			"conversion_right": map[string]any{"type": "CONVERTIBLE_CONVERSION_RIGHT", "converts_to_future_round": true,
				"conversion_mechanism": map[string]any{"type": "SAFE_CONVERSION", "conversion_timing": "PRE_MONEY", "conversion_mfn": false}}}}},
	map[string]any{"object_type": "TX_WARRANT_ISSUANCE", "id": "war-av", "security_id": "sec-war-1", "date": "2021-05-01", "custom_id": "W-1",
		"stakeholder_id": "7f3c2b1e-0d9a-4c8b-9e1f-2a3b4c5d6e7f", "security_law_exemptions": []any{}, "quantity": "50000",
		"exercise_price": map[string]any{"amount": "1.00", "currency": "USD"}, "purchase_price": map[string]any{"amount": "100", "currency": "USD"},
		"warrant_expiration_date": "2023-05-01",
		"exercise_triggers": []any{map[string]any{"trigger_id": "w1", "type": "ELECTIVE_AT_WILL",
			"conversion_right": map[string]any{"type": "WARRANT_CONVERSION_RIGHT", "converts_to_stock_class_id": "1e2d3c4b-seed",
				"conversion_mechanism": map[string]any{"type": "FIXED_AMOUNT_CONVERSION", "converts_to_quantity": "50000"}}}}},
	map[string]any{"object_type": "TX_EQUITY_COMPENSATION_ISSUANCE", "id": "rsu-ada", "security_id": "sec-rsu-1", "date": "2021-06-01", "custom_id": "RSU-1",
		"stakeholder_id": "ada", "security_law_exemptions": []any{}, "compensation_type": "RSU", "quantity": "8000", "stock_class_id": "common",
		"expiration_date": nil, "termination_exercise_windows": []any{}, "vestings": []any{map[string]any{"date": "2022-06-01", "amount": "2000"}}},
	map[string]any{"object_type": "TX_WARRANT_ACCEPTANCE", "id": "acc-war", "security_id": "sec-war-1", "date": "2021-05-02"},
	// The SAFE converts into 100,000 seed at $2.00.
	map[string]any{"object_type": "TX_CONVERTIBLE_CONVERSION", "id": "conv-ada", "security_id": "sec-safe-1", "date": "2022-02-01", "trigger_id": "t1",
		"reason_text": "Series Seed extension", "resulting_security_ids": []any{"sec-ada-3"}},
	map[string]any{"object_type": "TX_STOCK_ISSUANCE", "id": "iss-ada-3", "security_id": "sec-ada-3", "date": "2022-02-01", "custom_id": "U-7",
		"stakeholder_id": "ada", "stock_class_id": "1e2d3c4b-seed", "quantity": "100000", "share_price": map[string]any{"amount": "2.00", "currency": "USD"},
		"stock_legend_ids": []any{}, "security_law_exemptions": []any{}},
	// Grace exercises 40,000 of her 100,000 at $0.25; 10,000 are forfeited.
	map[string]any{"object_type": "TX_EQUITY_COMPENSATION_EXERCISE", "id": "ex-grace", "security_id": "sec-opt-1", "date": "2022-03-01", "quantity": "40000",
		"resulting_security_ids": []any{"sec-grace-3"}},
	map[string]any{"object_type": "TX_STOCK_ISSUANCE", "id": "iss-grace-3", "security_id": "sec-grace-3", "date": "2022-03-01", "custom_id": "U-6",
		"stakeholder_id": "grace", "stock_class_id": "common", "quantity": "40000", "share_price": map[string]any{"amount": "0.25", "currency": "USD"},
		"stock_legend_ids": []any{}, "security_law_exemptions": []any{}},
	map[string]any{"object_type": "TX_EQUITY_COMPENSATION_CANCELLATION", "id": "can-grace", "security_id": "sec-opt-1", "date": "2022-06-01", "quantity": "10000",
		"reason_text": "forfeited", "balance_security_id": "sec-opt-2"},
	// 2,000 of Ada's 8,000 RSUs release.
	map[string]any{"object_type": "TX_EQUITY_COMPENSATION_RELEASE", "id": "rel-ada", "security_id": "sec-rsu-1", "date": "2022-06-01", "quantity": "2000",
		"settlement_date": "2022-06-01", "release_price": map[string]any{"amount": "0", "currency": "USD"}, "resulting_security_ids": []any{"sec-ada-4"}},
	map[string]any{"object_type": "TX_STOCK_ISSUANCE", "id": "iss-ada-4", "security_id": "sec-ada-4", "date": "2022-06-01", "custom_id": "U-8",
		"stakeholder_id": "ada", "stock_class_id": "common", "quantity": "2000", "share_price": map[string]any{"amount": "0", "currency": "USD"},
		"stock_legend_ids": []any{}, "security_law_exemptions": []any{}},
	// The warrant lapses unexercised.
	map[string]any{"object_type": "TX_WARRANT_CANCELLATION", "id": "exp-war", "security_id": "sec-war-1", "date": "2023-05-01", "quantity": "50000",
		"reason_text": "Expired unexercised"},
}

func withInstruments(t *testing.T, extra ...any) *ocf.Package {
	t.Helper()
	fsys := dirFS(t, "testdata/northwind")
	patch(t, fsys, "Transactions.ocf.json", func(m map[string]any) {
		m["items"] = append(append(m["items"].([]any), instrumentTxs...), extra...)
	})
	pkg, err := ocf.Read(fsys, "instruments")
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// TestInstrumentsImportExport: each instrument transaction becomes its
// act, the books keep the instruments, and import → export → import gives
// the same holdings and the same instruments.
func TestInstrumentsImportExport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc := newService(t)
	rep, err := ocf.Import(ctx, svc, withInstruments(t), ocf.Options{Signers: signers})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != "recorded" {
		b, _ := json.MarshalIndent(rep, "", " ")
		t.Fatalf("status %s:\n%s", rep.Status, b)
	}
	kinds := map[string]string{}
	for _, tx := range rep.Transactions {
		var ks []string
		for _, i := range tx.Acts {
			ks = append(ks, rep.Acts[i].Kind)
		}
		kinds[tx.ID] = tx.Outcome + " " + strings.Join(ks, ",")
	}
	for id, want := range map[string]string{
		"safe-ada": "applied instrument.grant", "war-av": "applied instrument.grant", "rsu-ada": "applied instrument.grant", "opt-grace": "applied instrument.grant",
		"acc-war": "no_effect ", "conv-ada": "applied instrument.convert", "iss-ada-3": "applied ", "ex-grace": "applied instrument.exercise",
		"can-grace": "applied instrument.cancel", "rel-ada": "applied instrument.exercise", "exp-war": "applied instrument.expire",
	} {
		if kinds[id] != want {
			t.Errorf("%s: %q, want %q", id, kinds[id], want)
		}
	}
	// By hand: Ada 4,250,000 + 2,000 released common, 100,000 seed from
	// the SAFE; Grace 750,000 + 40,000 exercised.
	wantHoldings := map[string]string{"ada/common": "4252000", "ada/series-seed-preferred": "100000", "grace/common": "790000",
		"analytical-ventures-i-l-p/series-seed-preferred": "750000.25"}
	if d := cmp.Diff(wantHoldings, holdings(t, svc, rep.Corporation)); d != "" {
		t.Errorf("holdings (-want +got):\n%s", d)
	}
	wantIns := "sec-opt-1 option ISO common 100000 @0.25 exp 2030-06-30: 50000 outstanding; " +
		"sec-rsu-1 rsu  common 8000: 6000 outstanding; " +
		"sec-safe-1 convertible SAFE  principal 200000: 0 converted; " +
		"sec-war-1 warrant  series-seed-preferred 50000 @1 exp 2023-05-01: 0 expired"
	if got := instruments(t, svc, rep.Corporation); got != wantIns {
		t.Errorf("instruments:\n got %s\nwant %s", got, wantIns)
	}
	ex, err := ocf.ExportCorporation(ctx, svc, rep.Corporation, ocf.ExportOptions{AsOf: corp.MustDate(2026, 11, 25), GeneratedAt: fixed})
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Notes) > 0 {
		t.Errorf("export notes: %v", ex.Notes)
	}
	out := t.TempDir() + "/pkg"
	if err := ex.WriteTo(out); err != nil {
		t.Fatal(err)
	}
	pkg, err := ocf.ReadPath(out)
	if err != nil {
		t.Fatalf("the export does not validate: %v", err)
	}
	svc2 := newService(t)
	rep2, err := ocf.Import(ctx, svc2, pkg, ocf.Options{Signers: signers})
	if err != nil || rep2.Status != "recorded" {
		b, _ := json.MarshalIndent(rep2, "", " ")
		t.Fatalf("re-import: %v\n%s", err, b)
	}
	if d := cmp.Diff(wantHoldings, holdings(t, svc2, rep2.Corporation)); d != "" {
		t.Errorf("holdings after the round trip (-want +got):\n%s", d)
	}
	if got := instruments(t, svc2, rep2.Corporation); got != wantIns {
		t.Errorf("instruments after the round trip:\n got %s\nwant %s", got, wantIns)
	}
}

// TestInstrumentRefusals: the instrument transactions no act kind records
// are refused with their reason, and nothing is recorded.
func TestInstrumentRefusals(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		tx     map[string]any
		reason string
	}{
		{map[string]any{"object_type": "TX_WARRANT_TRANSFER", "id": "x", "security_id": "sec-war-1", "date": "2022-01-01", "quantity": "1", "resulting_security_ids": []any{"sec-war-9"}},
			"no act kind transfers an instrument"},
		{map[string]any{"object_type": "TX_EQUITY_COMPENSATION_RETRACTION", "id": "x", "security_id": "sec-opt-1", "date": "2022-01-01", "reason_text": "oops"},
			"the journal is append-only"},
		{map[string]any{"object_type": "TX_EQUITY_COMPENSATION_EXERCISE", "id": "x", "security_id": "sec-safe-1", "date": "2022-01-01", "quantity": "1", "resulting_security_ids": []any{"sec-x"}},
			"not an outstanding option, warrant, RSU or SAR"},
	} {
		t.Run(c.tx["object_type"].(string), func(t *testing.T) {
			t.Parallel()
			svc := newService(t)
			rep, err := ocf.Import(context.Background(), svc, withInstruments(t, c.tx), ocf.Options{Signers: signers})
			if err != nil {
				t.Fatal(err)
			}
			rs := rep.Refusals()
			if rep.Status != "refused" || len(rs) != 1 || rs[0].ID != "x" || !strings.Contains(rs[0].Reason, c.reason) {
				t.Fatalf("status %s, refusals %+v; want x refused: …%s…", rep.Status, rs, c.reason)
			}
			if _, _, err := svc.CorporationOn(context.Background(), rep.Corporation, corp.MustDate(2030, 1, 1)); corp.KindOf(err) != corp.NotFound {
				t.Errorf("corporation recorded after a refused import: %v", err)
			}
		})
	}
	// An exercise beyond what remains is refused by the act path, citing
	// MB.instrument.exercise, and the batch rolls back.
	svc := newService(t)
	rep, err := ocf.Import(context.Background(), svc, withInstruments(t,
		map[string]any{"object_type": "TX_EQUITY_COMPENSATION_EXERCISE", "id": "x", "security_id": "sec-opt-1", "date": "2023-01-01", "quantity": "50001", "resulting_security_ids": []any{"sec-x"}}),
		ocf.Options{Signers: signers})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != "refused" || !refusedBy(rep, "MB.instrument.exercise") {
		t.Errorf("status %s, want refused by MB.instrument.exercise", rep.Status)
	}
}

// FuzzInstrumentTx adds an arbitrary transaction to the package with
// instruments: a package that reads must plan and check (dry run) without
// panicking, every transaction with an outcome, and a refusal with its
// reason.
func FuzzInstrumentTx(f *testing.F) {
	for _, tx := range instrumentTxs {
		b, _ := json.Marshal(tx)
		f.Add(b)
	}
	f.Add([]byte(`{"object_type": "TX_EQUITY_COMPENSATION_EXERCISE", "id": "x", "security_id": "sec-opt-1", "date": "2023-01-01", "quantity": "-1", "resulting_security_ids": []}`))
	f.Add([]byte(`{"object_type": "TX_CONVERTIBLE_CONVERSION", "id": "x", "security_id": "sec-safe-1", "date": "2021-02-01", "trigger_id": "t", "reason_text": "r", "resulting_security_ids": ["sec-ada-1"]}`))
	f.Add([]byte(`{"object_type": "TX_WARRANT_ISSUANCE", "id": "x", "security_id": "w", "date": "2021-01-01", "custom_id": "W", "stakeholder_id": "ada", "security_law_exemptions": [], "purchase_price": {"amount": "1", "currency": "USD"}, "exercise_triggers": []}`))
	base := fstest.MapFS{}
	ents, _ := os.ReadDir("testdata/northwind")
	for _, e := range ents {
		data, _ := os.ReadFile(filepath.Join("testdata/northwind", e.Name()))
		base[e.Name()] = &fstest.MapFile{Data: data}
	}
	st, err := sqlite.Open(context.Background(), f.TempDir()+"/x.db")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	svc := &acts.Service{Store: st, Clock: func() time.Time { return fixed }}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var tx map[string]any
		if json.Unmarshal(raw, &tx) != nil {
			return
		}
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		patch(t, fsys, "Transactions.ocf.json", func(m map[string]any) {
			m["items"] = append(append(m["items"].([]any), instrumentTxs...), tx)
		})
		pkg, err := ocf.Read(fsys, "fuzz")
		if err != nil {
			return
		}
		rep, err := ocf.Import(context.Background(), svc, pkg, ocf.Options{Signers: signers, DryRun: true})
		if err != nil {
			return
		}
		for _, r := range rep.Transactions {
			if r.Outcome == "" || (r.Outcome == ocf.Refused && r.Reason == "") {
				t.Errorf("transaction %s: outcome %q, reason %q", r.ID, r.Outcome, r.Reason)
			}
		}
	})
}
