package bylaws

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"minutebook/internal/corp"
)

var update = flag.Bool("update", false, "rewrite golden files and docs/bylaws.schema.json")

// golden compares got with the file testdata/name, or rewrites it with
// -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s is stale (-want +got; go test -update rewrites it):\n%s", path, diff)
	}
}

func TestExplainText(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	tests := []struct {
		id       string
		passage  string
		contains []string
		excludes []string
		prefix   string
	}{
		{"II.8.quorum", "Art. II §8", []string{"fifty percent (50%) of the stock issued and outstanding and entitled to vote thereat", "for more than thirty days"}, nil, "Section 8. The holders"},
		{"II.3.annual_notice_window", "Art. II §3", []string{"not less than ten (10) nor more than sixty (60) days before the date of the meeting"}, []string{"Section 4"}, "Section 3."},
		{"VIII.1.b.option", "Art. VIII §1(b)", []string{"For thirty (30) days following receipt of such notice, the corporation shall have the option to purchase all, but not less than all"}, []string{"(c) The corporation may assign", "(a) If the stockholder"}, "(b) For thirty (30) days"},
		{"VIII.1.e.free_window", "Art. VIII §1(e)", []string{"within the sixty-day period following the expiration of the option rights"}, []string{"(f)"}, "(e) In the event"},
		{"VIII.1.f.1.family", "Art. VIII §1(f)(1)", []string{`"Immediate family" as used herein shall mean spouse, lineal descendant, father, mother, brother, or sister`}, []string{"(2) A stockholder's"}, "(1) A stockholder's transfer"},
		// (i) runs across a page break to its sub-clause (2).
		{"VIII.1.i.termination", "Art. VIII §1(i)", []string{"(1) On May 24, 2005; or", "(2) Upon the date securities of the corporation are first offered to the public"}, []string{"(j)", "\n25\n"}, "(i) The foregoing right"},
		{"VIII.1.j.legend", "Art. VIII §1(j)", []string{"THE SHARES REPRESENTED BY THIS CERTIFICATE ARE SUBJECT TO A RIGHT OF FIRST REFUSAL"}, []string{"ARTICLE IX", "AMENDMENTS"}, "(j) The certificates"},
		// A page break mid-sentence ("...plurality vote a / 2 / board of directors") is joined.
		{"II.2.plurality", "Art. II §2", []string{"at which they shall elect by a plurality vote a board of directors, and transact"}, nil, "Section 2. Annual meetings"},
		{"III.3.board_powers", "Art. III §3", []string{"all such powers of the corporation and do all such lawful acts"}, []string{"MEETINGS OF THE BOARD"}, "Section 3."},
		{"II.10.cumulative", "Art. II §10 ¶2", []string{"the right of cumulative voting as provided in the certificate of incorporation."}, []string{"no proxy shall be voted"}, "At all elections of directors"},
		{"II.10.proxy_duration", "Art. II §10", []string{"no proxy shall be voted on after three years from its date"}, nil, "Section 10."},
		{"VII.6.officers_employees", "Art. VII §6 ¶4", []string{"The Board of Directors in its discretion shall have power"}, []string{"To assure"}, "The Board of Directors in its discretion"},
		{"III.7.special_call", "Art. III §7", []string{"two (2) days' notice to each director by mail or forty-eight (48) hours notice"}, nil, "Section 7."},
		{"V.15.treasurer_bond", "Art. V §15", []string{"(which shall be renewed every six years)"}, []string{"Section 16"}, "Section 15."},
		{"VI.6.standoff_legend", "Art. VI §6", []string{"during the 180-day period following the effective date", "MAY BE OBTAINED UPON WRITTEN REQUEST TO THE SECRETARY OF THE CORPORATION."}, []string{"REGISTERED STOCKHOLDERS"}, "Section 6."},
		{"CERT.adoption_date", "Certificate of Secretary", []string{"duly adopted by the Board of Directors on September 2, 1999"}, nil, "The undersigned, Susan Salvesen"},
		{"IX.1.who", "Art. IX §1", []string{"when such power is conferred upon the Board of Directors by the certificate of incorporation"}, []string{"CERTIFICATE OF SECRETARY", "26"}, "Section 1. These bylaws"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			t.Parallel()
			e, err := rb.Explain(tt.id)
			if err != nil {
				t.Fatalf("Explain(%s) = %v", tt.id, err)
			}
			if e.Passage != tt.passage {
				t.Errorf("Explain(%s).Passage = %q, want %q", tt.id, e.Passage, tt.passage)
			}
			if !strings.HasPrefix(e.Text, tt.prefix) {
				t.Errorf("Explain(%s).Text begins %.60q, want %q", tt.id, e.Text, tt.prefix)
			}
			for _, s := range tt.contains {
				if !strings.Contains(e.Text, s) {
					t.Errorf("Explain(%s).Text lacks %q:\n%s", tt.id, s, e.Text)
				}
			}
			for _, s := range tt.excludes {
				if strings.Contains(e.Text, s) {
					t.Errorf("Explain(%s).Text contains %q, which belongs elsewhere:\n%s", tt.id, s, e.Text)
				}
			}
			if !strings.Contains(e.SectionText, e.Text) {
				t.Errorf("Explain(%s): the passage is not within the section text", tt.id)
			}
		})
	}
}

func TestExplainStatuteAndLinks(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	e, err := rb.Explain("II.11.consent_record_date")
	if err != nil {
		t.Fatal(err)
	}
	if e.Passage != "" || e.Text != "" || e.Rule.Citation.String() != "DGCL §213(b)" {
		t.Errorf("statutory rule explained as %q / %q / %s; want no passage and citation DGCL §213(b)", e.Passage, e.Text, e.Rule.Citation)
	}
	e, _ = rb.Explain("II.8.quorum")
	var codes []string
	for _, a := range e.Ambiguities {
		codes = append(codes, a.Code+"="+a.Choice)
	}
	if diff := cmp.Diff([]string{"A-50=at_least_half", "A-TREAS=exclude"}, codes); diff != "" {
		t.Errorf("II.8.quorum ambiguities (-want +got):\n%s", diff)
	}
	e, _ = rb.Explain("VI.6.market_standoff")
	var convs []string
	for _, c := range e.Conventions {
		convs = append(convs, c.Name+"="+c.Value)
	}
	if diff := cmp.Diff([]string{"period_following=day0"}, convs); diff != "" {
		t.Errorf("VI.6.market_standoff conventions (-want +got):\n%s", diff)
	}
}

func TestExplainNotFound(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	tests := []struct {
		id, want string
	}{
		{"II.8.quorom", "did you mean II.8.quorum"},
		{"VIII.1.b.opton", "did you mean VIII.1.b.option"},
		{"II.8.whatever", "did you mean II.8.quorum, II.8.adjourn_no_quorum, II.8.adjourned_business, II.8.adjourn_notice"},
		{"nonsense that matches nothing at all", "no rule \"nonsense that matches nothing at all\" in Amended and Restated Bylaws of Quintus Corporation; `minutebook bylaws show` lists the rules"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			t.Parallel()
			_, err := rb.Explain(tt.id)
			if corp.KindOf(err) != corp.NotFound || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Explain(%q) = %v, want a NotFound error containing %q", tt.id, err, tt.want)
			}
		})
	}
}

func TestWriteExplainGolden(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	for _, id := range []string{"II.8.quorum", "VIII.1.b.option", "VIII.1.j.legend", "II.11.consent_record_date"} {
		t.Run(id, func(t *testing.T) {
			e, err := rb.Explain(id)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := WriteExplain(&b, e); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "explain-"+id+".golden"), b.Bytes())
			js, err := json.MarshalIndent(e, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "explain-"+id+".json.golden"), append(js, '\n'))
		})
	}
}

func TestWriteShowGolden(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	var b bytes.Buffer
	if err := WriteShow(&b, rb, corp.MustDate(2004, 6, 15)); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata", "show-2004-06-15.golden"), b.Bytes())

	// After 2005-05-24 the right of first refusal has ended.
	b.Reset()
	if err := WriteShow(&b, rb, corp.MustDate(2005, 5, 24)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "Ended before 2005-05-24 (20): the right of first refusal ended on 2005-05-24 (Art. VIII §1(i))") || strings.Contains(out, "\nVIII.1.b.option  Art.") {
		t.Errorf("WriteShow on 2005-05-24 still lists the ROFR as in force:\n%s", out)
	}
	if err := WriteShow(&b, rb, corp.MustDate(1999, 9, 1)); corp.KindOf(err) != corp.Invalid {
		t.Errorf("WriteShow before the bylaws took effect = %v, want an Invalid error", err)
	}
}

func TestRulebookJSON(t *testing.T) {
	t.Parallel()
	js, err := json.Marshal(Quintus())
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Format      string `json:"format"`
		Adopted     string `json:"adopted"`
		AdoptedBy   string `json:"adopted_by"`
		SHA256      string `json:"sha256"`
		Conventions map[string]struct {
			Value string `json:"value"`
		} `json:"conventions"`
		Rules []struct {
			ID       string         `json:"id"`
			Citation map[string]any `json:"citation"`
			Params   map[string]any `json:"params"`
		} `json:"rules"`
		Ambiguities []struct {
			Code   string `json:"code"`
			Choice string `json:"choice"`
		} `json:"ambiguities"`
	}
	if err := json.Unmarshal(js, &v); err != nil {
		t.Fatal(err)
	}
	if v.Format != Format || v.Adopted != "1999-09-02" || v.AdoptedBy != "board" || len(v.SHA256) != 64 {
		t.Errorf("JSON header = %s %s %s %s", v.Format, v.Adopted, v.AdoptedBy, v.SHA256)
	}
	if v.Conventions["days_before"].Value != "calendar" || len(v.Rules) != len(Catalogue()) || len(v.Ambiguities) != len(AmbiguityCatalogue()) {
		t.Errorf("JSON has %d rules, %d ambiguities, days_before %q", len(v.Rules), len(v.Ambiguities), v.Conventions["days_before"].Value)
	}
	for _, r := range v.Rules {
		if r.ID != "II.8.quorum" {
			continue
		}
		want := map[string]any{"fraction": "50%", "exactly_half_suffices": true, "of": "outstanding_entitled_to_vote", "presence": []any{"in_person", "by_proxy"}}
		if diff := cmp.Diff(want, r.Params); diff != "" {
			t.Errorf("II.8.quorum params JSON (-want +got):\n%s", diff)
		}
		if r.Citation["text"] != "Art. II §8" || r.Citation["full"] != "Art. II §8; DGCL §216" {
			t.Errorf("II.8.quorum citation JSON = %v", r.Citation)
		}
	}
	if bytes.Contains(js, []byte("Susan Salvesen, Secretary\"")) && bytes.Contains(js, []byte("IN WITNESS WHEREOF")) {
		t.Error("the rulebook JSON carries the bylaws text; it should not")
	}
}

func TestCitationString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		c         Citation
		str, full string
	}{
		{Citation{Article: "II", Section: "8", DGCL: "§216"}, "Art. II §8", "Art. II §8; DGCL §216"},
		{Citation{Article: "VIII", Section: "1", Clause: "(b)"}, "Art. VIII §1(b)", "Art. VIII §1(b)"},
		{Citation{Article: "VIII", Section: "1", Clause: "(f)(1)"}, "Art. VIII §1(f)(1)", "Art. VIII §1(f)(1)"},
		{Citation{Article: "II", Section: "10", Clause: "¶2", DGCL: "§214"}, "Art. II §10 ¶2", "Art. II §10 ¶2; DGCL §214"},
		{Citation{Source: SourceStatute, DGCL: "§213(b)"}, "DGCL §213(b)", "DGCL §213(b)"},
		{Citation{Source: SourceSecretaryCertificate}, "Certificate of Secretary", "Certificate of Secretary"},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.str {
			t.Errorf("%+v.String() = %q, want %q", tt.c, got, tt.str)
		}
		if got := tt.c.Full(); got != tt.full {
			t.Errorf("%+v.Full() = %q, want %q", tt.c, got, tt.full)
		}
	}
}
