package views

import (
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
	"minutebook/internal/journal"
)

// Tenure is an officer in office.
type Tenure struct {
	Office string `json:"office"`
	Person string `json:"person"`
	Since  string `json:"since"`
	Rank   int    `json:"rank,omitempty"`
}

// Officers views the officers in office.
func Officers(ts []acts.Tenure) []Tenure {
	out := []Tenure{}
	for _, t := range ts {
		out = append(out, Tenure{t.Office, t.Person, t.Since.String(), t.Rank})
	}
	return out
}

// Acting is who performs an office's duties on a date, and under which
// rule ("" for the holder of the office).
type Acting struct {
	Office string `json:"office"`
	On     string `json:"on"`
	Acting string `json:"acting"`
	Rule   string `json:"rule"`
}

// CourtHolder is a holder on the list of those who may apply to the Court.
type CourtHolder struct {
	Holder string `json:"holder"`
	Name   string `json:"name"`
	Shares string `json:"shares"`
}

// Court is who may apply to the Court of Chancery for an election (Art.
// III §2; DGCL §223(c)).
type Court struct {
	On             string              `json:"on"`
	Rule           string              `json:"rule"`
	Citation       string              `json:"citation"`
	Triggers       []acts.CourtTrigger `json:"triggers"`
	Outstanding    string              `json:"outstanding_voting_shares"`
	Threshold      string              `json:"threshold"`
	Eligible       []CourtHolder       `json:"eligible"`
	BelowThreshold []CourtHolder       `json:"below_threshold"`
}

// CourtOf views the Court-ordered election trigger on d.
func CourtOf(d corp.Date, ce *acts.CourtElection) Court {
	hs := func(src []acts.Holding) []CourtHolder {
		out := []CourtHolder{}
		for _, h := range src {
			out = append(out, CourtHolder{h.Holder.ID, h.Holder.Name, h.Shares.String()})
		}
		return out
	}
	tr := ce.Triggers
	if tr == nil {
		tr = []acts.CourtTrigger{}
	}
	return Court{On: d.String(), Rule: ce.Rule, Citation: ce.Citation, Triggers: tr, Outstanding: ce.Outstanding.String(),
		Threshold: ce.Threshold.String(), Eligible: hs(ce.Eligible), BelowThreshold: hs(ce.Others)}
}

// MinutesItem is one act adopted at a meeting, with its vote and checks.
type MinutesItem struct {
	Seq     uint64          `json:"seq"`
	Kind    string          `json:"kind"`
	For     int             `json:"for"`
	Against int             `json:"against"`
	Abstain int             `json:"abstain"`
	Checks  []journal.Check `json:"checks"`
}

// Minutes is the facts of a meeting's minutes (the text is the PDF's).
type Minutes struct {
	Title              string                   `json:"title"`
	Meeting            *acts.Meeting            `json:"meeting"`
	StockholderMeeting *acts.StockholderMeeting `json:"stockholder_meeting"`
	Consent            bool                     `json:"consent"`
	Absent             []string                 `json:"absent"`
	Items              []MinutesItem            `json:"items"`
}

// MinutesOf views minutes.
func MinutesOf(m *acts.Minutes) Minutes {
	doc := forms.Minutes(m)
	items := []MinutesItem{}
	for _, it := range m.Items {
		items = append(items, MinutesItem{it.Entry.Seq, it.Entry.Kind, it.For, it.Against, it.Abstain, checks(it.Entry.Checks)})
	}
	return Minutes{Title: doc.Title, Meeting: m.Meeting, StockholderMeeting: m.Stockholders, Consent: m.Consent != nil, Absent: m.Absent, Items: items}
}

func checks(cs []journal.Check) []journal.Check {
	if cs == nil {
		return []journal.Check{}
	}
	return cs
}

// BylawsVersion is one version of the bylaws named by the Secretary's
// certificate.
type BylawsVersion struct {
	Number    int    `json:"number"`
	Effective string `json:"effective"`
	AdoptedBy string `json:"adopted_by"`
	Title     string `json:"title"`
	SHA256    string `json:"sha256"`
}

// BylawsCertificate is the facts of the Secretary's certificate that the
// bylaws were in force on a date.
type BylawsCertificate struct {
	Corporation string          `json:"corporation"`
	On          string          `json:"on"`
	Signed      string          `json:"signed"`
	InForce     string          `json:"in_force"`
	Versions    []BylawsVersion `json:"versions"`
	Signer      string          `json:"signer"`
	Office      string          `json:"office"`
}

// BylawsCertificateOf views the Secretary's certificate.
func BylawsCertificateOf(corpID string, f *acts.BylawsCertificateFacts) BylawsCertificate {
	vs := []BylawsVersion{}
	for _, v := range f.Versions {
		vs = append(vs, BylawsVersion{v.Number, v.Effective.String(), v.AdoptedBy, v.Title, v.SHA256})
	}
	return BylawsCertificate{Corporation: corpID, On: f.On.String(), Signed: f.Signed.String(), InForce: f.InForce.Label, Versions: vs, Signer: f.Signer.ID, Office: f.Office}
}

// Dividend is a declared dividend.
type Dividend struct {
	ID         string              `json:"id"`
	Form       string              `json:"form"`
	Rates      []acts.DividendRate `json:"rates"`
	Declared   string              `json:"declared"`
	RecordDate string              `json:"record_date"`
	Payable    string              `json:"payable"`
	Status     string              `json:"status"`
	Paid       string              `json:"paid,omitempty"`
	Resolution string              `json:"resolution"`
}

// Dividends views the declared dividends.
func Dividends(ds []acts.Dividend) []Dividend {
	out := []Dividend{}
	for _, d := range ds {
		j := Dividend{d.ID, d.Form, d.Rates, d.Declared.String(), d.RecordDate.String(), d.Payable.String(), d.Status(), "", d.Resolution}
		if !d.Paid.IsZero() {
			j.Paid = d.Paid.String()
		}
		out = append(out, j)
	}
	return out
}

// IndemnificationPayment is an advance or indemnity decided.
type IndemnificationPayment struct {
	Kind       string `json:"kind"`
	Effective  string `json:"effective"`
	Claimed    string `json:"claimed"`
	Insurance  string `json:"insurance"`
	Other      string `json:"other"`
	Payable    string `json:"payable"`
	Mandatory  bool   `json:"mandatory"`
	Resolution string `json:"resolution,omitempty"`
}

// Indemnification is one request on the docket of Art. VII §6.
type Indemnification struct {
	ID          string                   `json:"id"`
	Person      string                   `json:"person"`
	Role        string                   `json:"role"`
	ByReasonOf  string                   `json:"by_reason_of"`
	Enterprise  string                   `json:"enterprise,omitempty"`
	Proceeding  string                   `json:"proceeding"`
	Nature      string                   `json:"nature"`
	InitiatedBy string                   `json:"initiated_by"`
	Requested   string                   `json:"requested"`
	Undertaking string                   `json:"undertaking,omitempty"`
	Authorized  map[string]string        `json:"authorized"`
	Payments    []IndemnificationPayment `json:"payments"`
	Advancement string                   `json:"advancement"`
	Indemnity   string                   `json:"indemnity"`
}

// IndemnificationDocket views the docket.
func IndemnificationDocket(docket []acts.DocketEntry) []Indemnification {
	out := []Indemnification{}
	for _, d := range docket {
		j := Indemnification{d.ID, d.Person, d.Role, d.ByReasonOf, d.Enterprise, d.Proceeding, d.Nature, d.InitiatedBy, d.Requested.String(),
			d.Undertaking, d.Authorized, []IndemnificationPayment{}, d.Advancement, d.Indemnity}
		for _, p := range d.Payments {
			j.Payments = append(j.Payments, IndemnificationPayment{p.Kind, p.Effective.String(), p.Claimed.StringFixed(2), p.Insurance.StringFixed(2),
				p.Other.StringFixed(2), p.Payable.StringFixed(2), p.Mandatory, p.Resolution})
		}
		out = append(out, j)
	}
	return out
}

// Entry is one journal entry with its checks, both dates and its hash.
type Entry struct {
	Seq           uint64          `json:"seq"`
	Kind          string          `json:"kind"`
	Effective     string          `json:"effective"`
	Time          string          `json:"time,omitempty"`
	RecordedAt    string          `json:"recorded_at"`
	Actor         string          `json:"actor"`
	BylawsVersion string          `json:"bylaws_version,omitempty"`
	Correction    bool            `json:"correction,omitempty"`
	Fields        any             `json:"fields"`
	Checks        []journal.Check `json:"checks"`
	Hash          string          `json:"hash"`
}

// Entries views journal entries and their hashes.
func Entries(es []*journal.Entry, hs []journal.Hash) []Entry {
	out := []Entry{}
	for i, e := range es {
		out = append(out, Entry{e.Seq, e.Kind, e.Effective, e.EffectiveTime, e.RecordedAt.Format("2006-01-02T15:04:05.000000000Z"),
			ActorString(e.Actor), e.BylawsVersion, e.Correction, Value(e.Fields), checks(e.Checks), hs[i].String()})
	}
	return out
}

// ActorString writes an actor as "person (capacity)".
func ActorString(a journal.Actor) string {
	if a.Person == "" {
		return a.Capacity
	}
	return a.Person + " (" + a.Capacity + ")"
}

// Value turns a canonical journal Value into plain JSON values.
func Value(v journal.Value) any {
	switch v.Kind {
	case journal.Bool:
		return v.B
	case journal.Int:
		return v.I
	case journal.String:
		return v.S
	case journal.List:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = Value(it)
		}
		return out
	case journal.Map:
		out := map[string]any{}
		for i, k := range v.Keys {
			out[k] = Value(v.Vals[i])
		}
		return out
	}
	return nil
}
