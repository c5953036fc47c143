package bylaws

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"minutebook/internal/corp"
)

// The rule catalogue and the worked numbers come from rules.md, read here
// from the shared inputs so that the embedded file is checked against the
// source it was written from.
const (
	rulesMD   = "../../../shared/bylaws/rules.md"
	bylawsTXT = "../../../shared/bylaws/quintus-bylaws.txt"
)

type rulesMDRow struct {
	id, artsec, params, kind, dgcl string
}

// readRulesMD returns the rows of the §1 rule tables, the §4 ambiguity
// codes and the §0.1 convention ids of rules.md.
func readRulesMD(t *testing.T) (rows []rulesMDRow, codes, convs []string) {
	t.Helper()
	f, err := os.Open(rulesMD)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent", rulesMD)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ruleRow := regexp.MustCompile(`^\| ((?:CERT|[IVX]+)\.[^ |]+) \|`)
	codeRow := regexp.MustCompile(`^\| (A-[A-Z0-9]+) \|`)
	convRow := regexp.MustCompile(`^\| (CONV\.[a-z_]+) \|`)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case ruleRow.MatchString(line):
			c := strings.Split(strings.Trim(line, "| "), " | ")
			if len(c) != 7 {
				t.Fatalf("rules.md row has %d cells, want 7: %s", len(c), line)
			}
			rows = append(rows, rulesMDRow{id: c[0], artsec: c[1], params: c[3], kind: c[4], dgcl: c[5]})
		case codeRow.MatchString(line):
			codes = append(codes, codeRow.FindStringSubmatch(line)[1])
		case convRow.MatchString(line):
			convs = append(convs, convRow.FindStringSubmatch(line)[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows, codes, convs
}

func TestQuintusHasEveryRuleOfRulesMD(t *testing.T) {
	t.Parallel()
	rows, codes, convs := readRulesMD(t)
	if len(rows) < 140 || len(codes) < 50 {
		t.Fatalf("read %d rules and %d ambiguity codes from rules.md; the table format changed?", len(rows), len(codes))
	}
	rb := Quintus()
	var gotIDs, wantIDs []string
	for _, r := range rb.Rules() {
		gotIDs = append(gotIDs, r.ID)
	}
	for _, row := range rows {
		wantIDs = append(wantIDs, row.id)
		if _, ok := LookupRule(row.id); !ok {
			t.Errorf("rules.md rule %s is not in the catalogue", row.id)
		}
		r := rb.Rule(row.id)
		if r == nil {
			t.Errorf("rules.md rule %s is not in the Quintus file", row.id)
			continue
		}
		// The kind codes are the table's, e.g. "REC+WF", "ADV (flag)".
		kinds := strings.Split(regexp.MustCompile(`\s*\(.*\)$`).ReplaceAllString(row.kind, ""), "+")
		if diff := cmp.Diff(kinds, r.Kinds); diff != "" {
			t.Errorf("%s kinds (-rules.md +file):\n%s", row.id, diff)
		}
		// The citation renders the Art/§ column.
		want := row.artsec
		switch want {
		case "(not in bylaws)", "(stat)":
			want = "DGCL " + r.Citation.DGCL
		}
		got := strings.ReplaceAll(strings.TrimPrefix(r.Citation.String(), "Art. "), "Certificate of Secretary", "Certificate of Secretary")
		if r.Citation.Source == SourceBylaws {
			want = "Art. " + want
			got = r.Citation.String()
		}
		if got != want {
			t.Errorf("%s citation = %q, want %q (rules.md)", row.id, got, want)
		}
	}
	if diff := cmp.Diff(wantIDs, gotIDs); diff != "" {
		t.Errorf("rule ids, in order (-rules.md +file):\n%s", diff)
	}
	if got, want := len(Catalogue()), len(rows); got != want {
		t.Errorf("the catalogue has %d rules, rules.md %d", got, want)
	}
	var gotCodes []string
	for _, a := range rb.Ambiguities() {
		if !a.Stated {
			t.Errorf("the Quintus file does not state %s", a.Code)
		}
		gotCodes = append(gotCodes, a.Code)
	}
	if diff := cmp.Diff(codes, gotCodes); diff != "" {
		t.Errorf("ambiguity codes (-rules.md §4 +file):\n%s", diff)
	}
	for _, c := range convs {
		name := strings.TrimPrefix(c, "CONV.")
		if rb.Conventions.Value(name) == "" {
			t.Errorf("rules.md %s has no convention %q in the file", c, name)
		}
	}
}

// TestQuintusParamsAgainstRulesMD extracts numbers from the Parameters
// column of rules.md and compares them with the file's parameters.
func TestQuintusParamsAgainstRulesMD(t *testing.T) {
	t.Parallel()
	rows, _, _ := readRulesMD(t)
	params := map[string]string{}
	for _, r := range rows {
		params[r.id] = r.params
	}
	rb := Quintus()
	tests := []struct {
		id, param string
		pattern   string // the first group is the number
	}{
		{"II.3.annual_notice_window", "min_days", `^(\d+) ≤ \(M − notice date\) ≤ \d+$`},
		{"II.3.annual_notice_window", "max_days", `^\d+ ≤ \(M − notice date\) ≤ (\d+)$`},
		{"II.4.list_prepare", "days_before", `on or before M−(\d+)`},
		{"II.4.list_open", "min_days", `period ≥ (\d+) days before M`},
		{"II.6.special_notice", "min_days", `(\d+) ≤ M−d ≤ \d+`},
		{"II.6.special_notice", "max_days", `\d+ ≤ M−d ≤ (\d+)`},
		{"II.8.adjourn_notice", "max_days_without_notice", `original date\) > (\d+) → notice`},
		{"II.11.consent_record_date", "max_days_after_resolution", `resolution date \+ (\d+)\]`},
		{"III.7.special_call", "mail_days", `meeting date − (\d+) days`},
		{"III.7.special_call", "personal_hours", `≥ (\d+)h elapsed`},
		{"III.7.special_call_request", "requesting_directors", `requesters = (\d+) directors`},
		{"V.6.chair_presides", "presiding_order", `presiding order (\d+)`},
		{"V.7.vice_chair_presides", "presiding_order", `presiding order (\d+)`},
		{"V.8.president_ceo", "presiding_order", `presiding order (\d+)`},
		{"V.15.treasurer_bond", "renewal_years", `renewal interval = (\d+) years`},
		{"VI.5.record_date_meeting", "min_days", `^(\d+) ≤ M − RD ≤ \d+$`},
		{"VI.5.record_date_meeting", "max_days", `^\d+ ≤ M − RD ≤ (\d+)$`},
		{"VI.5.record_date_other", "max_days", `action date − RD ≤ (\d+)`},
		{"VI.5.record_date_consent", "max_days", `≤ (\d+) days`},
		{"VI.6.market_standoff", "days", `E\+1 … E\+(\d+)`},
		{"VIII.1.b.option", "days", `R\+1 … R\+(\d+)`},
		{"VIII.1.d.settlement", "days", `R_sec \+ (\d+)`},
		{"VIII.1.e.free_window", "days", `\(R\+30\)\+1 … \(R\+30\)\+(\d+)`},
	}
	for _, tt := range tests {
		t.Run(tt.id+"."+tt.param, func(t *testing.T) {
			t.Parallel()
			m := regexp.MustCompile(tt.pattern).FindStringSubmatch(params[tt.id])
			if m == nil {
				t.Fatalf("rules.md parameters of %s = %q; pattern %s does not match", tt.id, params[tt.id], tt.pattern)
			}
			want, _ := strconv.Atoi(m[1])
			if got, _ := rb.Int(tt.id, tt.param); got != want {
				t.Errorf("Int(%s, %s) = %d, want %d (rules.md: %s)", tt.id, tt.param, got, want, params[tt.id])
			}
		})
	}
	dates := []struct{ id, param string }{
		{"VI.6.market_standoff", "cohort_from"},
		{"VIII.1.i.termination", "date"},
		{"CERT.adoption_date", "date"},
	}
	for _, d := range dates {
		m := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).FindString(params[d.id])
		if got, _ := rb.Date(d.id, d.param); m == "" || got.String() != m {
			t.Errorf("Date(%s, %s) = %s, want %q (rules.md: %s)", d.id, d.param, got, m, params[d.id])
		}
	}
}

// TestQuintusParams spot-checks parameters against numbers worked by hand
// from the bylaws text and rules.md.
func TestQuintusParams(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	ints := []struct {
		id, param string
		want      int
		cite      string
	}{
		{"II.3.annual_notice_window", "min_days", 10, "Art. II §3"},
		{"II.3.annual_notice_window", "max_days", 60, "Art. II §3"},
		{"II.6.special_notice", "min_days", 10, "Art. II §6"},
		{"II.6.special_notice", "max_days", 60, "Art. II §6"},
		{"II.8.adjourn_notice", "max_days_without_notice", 30, "Art. II §8"},
		{"II.10.proxy_duration", "years", 3, "Art. II §10"},
		{"II.2.annual_meeting", "first_year", 1995, "Art. II §2"},
		{"II.2.annual_meeting", "court_order_after_days", 30, "Art. II §2"},
		{"II.2.annual_meeting", "court_order_after_months", 13, "Art. II §2"},
		{"II.11.written_consent", "delivery_window_days", 60, "Art. II §11"},
		{"III.7.special_call", "mail_days", 2, "Art. III §7"},
		{"III.7.special_call", "personal_hours", 48, "Art. III §7"},
		{"III.7.special_call_request", "requesting_directors", 2, "Art. III §7"},
		{"III.11.committee_designation", "min_members", 1, "Art. III §11"},
		{"V.15.treasurer_bond", "renewal_years", 6, "Art. V §15"},
		{"VI.5.record_date_meeting", "min_days", 10, "Art. VI §5"},
		{"VI.5.record_date_meeting", "max_days", 60, "Art. VI §5"},
		{"VI.5.record_date_other", "max_days", 60, "Art. VI §5"},
		{"VI.6.market_standoff", "days", 180, "Art. VI §6"},
		{"VIII.1.b.option", "days", 30, "Art. VIII §1(b)"},
		{"VIII.1.d.settlement", "days", 30, "Art. VIII §1(d)"},
		{"VIII.1.e.free_window", "days", 60, "Art. VIII §1(e)"},
	}
	for _, tt := range ints {
		got, c := rb.Int(tt.id, tt.param)
		if got != tt.want || c.String() != tt.cite {
			t.Errorf("Int(%s, %s) = %d, %s; want %d, %s", tt.id, tt.param, got, c, tt.want, tt.cite)
		}
	}
	fractions := []struct {
		id, param, want string
	}{
		{"II.8.quorum", "fraction", "50%"},
		{"II.9.vote_standard", "fraction", "50%"},
		{"II.5.special_call_holder_request", "fraction", "50%"},
		{"III.2.court_election", "applicant_fraction", "10%"},
		{"III.8.board_quorum", "fraction", "50%"},
		{"III.9.unanimous_consent", "fraction", "100%"},
		{"III.14.removal", "fraction", "50%"},
	}
	for _, tt := range fractions {
		if got, _ := rb.Fraction(tt.id, tt.param); got.String() != tt.want {
			t.Errorf("Fraction(%s, %s) = %s, want %s", tt.id, tt.param, got, tt.want)
		}
	}
	texts := []struct {
		id, param, want string
	}{
		{"II.8.quorum", "of", "outstanding_entitled_to_vote"},
		{"III.14.removal", "of", "outstanding_entitled_to_vote_for_directors"},
		{"III.14.removal", "comparison", "more_than"},
		{"III.2.court_election", "applicant_comparison", "at_least"},
		{"VIII.1.g.waiver", "of", "voting_power_excluding_transferred"},
		{"V.9.sealed_instruments", "default_signer", "president"},
		{"IV.1.mail_notice", "given_when", "deposit"},
	}
	for _, tt := range texts {
		if got, _ := rb.Text(tt.id, tt.param); got != tt.want {
			t.Errorf("Text(%s, %s) = %q, want %q", tt.id, tt.param, got, tt.want)
		}
	}
	lists := []struct {
		id, param string
		want      []string
	}{
		{"II.5.special_call_president", "who_may_call", []string{"president"}},
		{"II.5.special_call_board_request", "who_must_call", []string{"president", "secretary"}},
		{"II.6.special_notice", "fields", []string{"place", "date", "hour", "purposes"}},
		{"III.11.committee_prohibited", "matters", []string{"amend_certificate", "adopt_merger_agreement", "recommend_sale_of_assets", "recommend_dissolution", "amend_bylaws"}},
		{"III.11.committee_dividend_stock", "matters", []string{"declare_dividend", "authorize_stock_issuance"}},
		{"V.1.required_officers", "offices", []string{"president", "treasurer", "secretary"}},
		{"VI.1.certificate_signers", "group_a", []string{"chairman", "vice_chairman", "president", "vice_president"}},
		{"VI.1.certificate_signers", "group_b", []string{"treasurer", "assistant_treasurer", "secretary", "assistant_secretary"}},
		{"VIII.1.f.1.family", "relations", []string{"spouse", "lineal_descendant", "parent", "sibling"}},
		{"VIII.1.f.5.partnership", "transferor_kinds", []string{"general_partnership", "limited_partnership"}},
	}
	for _, tt := range lists {
		got, _ := rb.Texts(tt.id, tt.param)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Texts(%s, %s) (-want +got):\n%s", tt.id, tt.param, diff)
		}
	}
	bools := []struct {
		id, param string
		want      bool
	}{
		{"II.8.quorum", "exactly_half_suffices", true},
		{"II.10.proxy_duration", "longer_if_stated", true},
		{"III.6.regular_meetings", "notice_required", false},
		{"III.1.no_share_qual", "directors_must_be_stockholders", false},
		{"VIII.1.b.option", "all_or_none", true},
		{"VIII.1.i.termination", "ends_on_public_offering", true},
	}
	for _, tt := range bools {
		if got, _ := rb.Bool(tt.id, tt.param); got != tt.want {
			t.Errorf("Bool(%s, %s) = %v, want %v", tt.id, tt.param, got, tt.want)
		}
	}
	dates := []struct {
		id, param string
		want      corp.Date
	}{
		{"VI.6.market_standoff", "cohort_from", corp.MustDate(1999, 9, 2)},
		{"VIII.1.i.termination", "date", corp.MustDate(2005, 5, 24)},
		{"CERT.adoption_date", "date", corp.MustDate(1999, 9, 2)},
	}
	for _, tt := range dates {
		if got, _ := rb.Date(tt.id, tt.param); got != tt.want {
			t.Errorf("Date(%s, %s) = %s, want %s", tt.id, tt.param, got, tt.want)
		}
	}
	if got, c := rb.Decimal("II.10.one_share_one_vote", "votes_per_share"); got.Cmp(corp.DecimalFromInt(1)) != 0 || c.Full() != "Art. II §10; DGCL §212(a)" {
		t.Errorf("Decimal(II.10.one_share_one_vote, votes_per_share) = %s, %s; want 1, Art. II §10; DGCL §212(a)", got, c.Full())
	}
	if rb.Adopted != corp.MustDate(1999, 9, 2) || rb.AdoptedBy != "board" || rb.Effective != rb.Adopted {
		t.Errorf("adopted %s by %s, effective %s; want 1999-09-02 by board, effective the same day", rb.Adopted, rb.AdoptedBy, rb.Effective)
	}
	choices := map[string]string{
		"A-STANDDAY": "day0", "A-DAYS": "calendar", "A-50": "at_least_half", "A-MAJBOARD": "whole_board",
		"A-BQUORUM": "whole_board", "A-TERMDAY": "start_of_day", "A-SIGN2": "refuse", "A-ACTION": "payment",
		"A-PROXY3Y": "through_anniversary", "A-TREAS": "exclude", "A-141C": "by_incorporation_date",
	}
	for code, want := range choices {
		if got := rb.Choice(code); got != want {
			t.Errorf("Choice(%s) = %q, want %q", code, got, want)
		}
	}
	if got := rb.Ambiguity("A-PROXY3Y").Text("feb29"); got != "feb28" {
		t.Errorf("A-PROXY3Y feb29 = %q, want feb28", got)
	}
	if got := rb.Ambiguity("A-PROMPT").Int("flag_days"); got != 10 {
		t.Errorf("A-PROMPT flag_days = %d, want 10", got)
	}
	wantConv := Conventions{
		DaysBefore: "calendar", WithinAfter: "day0", PeriodFollowing: "day0", Hours: "elapsed",
		MailTime: "deposit", Majority: "more_than_half", Years: "through_anniversary",
		Feb29: corp.Feb29ToFeb28, Outstanding: "excludes_treasury", WholeBoard: "fixed_number", Dates: "civil_local",
	}
	got := rb.Conventions
	got.Entries = nil
	if diff := cmp.Diff(wantConv, got); diff != "" {
		t.Errorf("Conventions (-want +got):\n%s", diff)
	}
}

// TestQuintusText checks that the embedded text is the bylaws verbatim, and
// that the legends are exactly the bylaws' own.
func TestQuintusText(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	raw, err := os.ReadFile(bylawsTXT)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent", bylawsTXT)
	}
	if err != nil {
		t.Fatal(err)
	}
	if rb.BylawsText != string(raw) {
		t.Errorf("the embedded text differs from %s", bylawsTXT)
	}
	// The legends, read straight from the file: the paragraphs in capitals
	// after a sentence that ends "...the following legend[ ...]:".
	lines := strings.Split(string(raw), "\n")
	var legends []string
	for i := 0; i < len(lines); i++ {
		if !strings.HasSuffix(strings.TrimSpace(lines[i]), ":") || !strings.Contains(lines[i]+lines[max(i-1, 0)], "legend") {
			continue
		}
		var words []string
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		for ; j < len(lines) && strings.TrimSpace(lines[j]) != ""; j++ {
			words = append(words, strings.Fields(lines[j])...)
		}
		legends = append(legends, strings.Join(words, " "))
	}
	if len(legends) != 2 {
		t.Fatalf("found %d legends in the bylaws text, want 2", len(legends))
	}
	for i, id := range []string{"VI.6.standoff_legend", "VIII.1.j.legend"} {
		if got, _ := rb.Text(id, "legend"); got != legends[i] {
			t.Errorf("Text(%s, legend) = %q\nwant %q", id, got, legends[i])
		}
	}
}

func TestQuintusOnce(t *testing.T) {
	t.Parallel()
	first := Quintus()
	if first != Quintus() {
		t.Error("Quintus() parsed the file twice")
	}
	a, b := QuintusSource(), QuintusSource()
	a[0] ^= 0xff
	if a[0] == b[0] {
		t.Error("QuintusSource() returned shared bytes")
	}
	rb := Quintus()
	again, err := Parse("again.yaml", QuintusSource())
	if err != nil {
		t.Fatal(err)
	}
	if rb.Hash() != again.Hash() {
		t.Error("Hash differs for the same bytes")
	}
	changed, err := Parse("changed.yaml", append(QuintusSource(), '\n'))
	if err != nil {
		t.Fatal(err)
	}
	if rb.Hash() == changed.Hash() {
		t.Error("Hash is the same for different bytes")
	}
}

func TestInForceROFR(t *testing.T) {
	t.Parallel()
	rb := Quintus()
	tests := []struct {
		id   string
		on   corp.Date
		want bool
	}{
		{"VIII.1.b.option", corp.MustDate(2005, 5, 23), true},
		{"VIII.1.b.option", corp.MustDate(2005, 5, 24), false}, // A-TERMDAY start_of_day
		{"VIII.1.j.legend", corp.MustDate(2005, 5, 24), false},
		{"II.8.quorum", corp.MustDate(2030, 1, 1), true},
		{"II.99.nothing", corp.MustDate(2000, 1, 1), false},
	}
	for _, tt := range tests {
		if got := rb.InForce(tt.id, tt.on); got != tt.want {
			t.Errorf("InForce(%s, %s) = %v, want %v", tt.id, tt.on, got, tt.want)
		}
	}
}
