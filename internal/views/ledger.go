package views

import (
	"context"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// Corporation is one corporation of the store.
type Corporation struct {
	ID                string `json:"id"`
	LegalName         string `json:"legal_name"`
	State             string `json:"state"`
	TimeZone          string `json:"time_zone"`
	IncorporationDate string `json:"incorporation_date"`
}

// Corporations lists the corporations with ids, in the store's order; ids
// nil lists every one.
func Corporations(ctx context.Context, svc *acts.Service, ids []string) ([]Corporation, error) {
	if ids == nil {
		var err error
		if ids, err = svc.Corporations(ctx); err != nil {
			return nil, err
		}
	}
	out := []Corporation{}
	for _, id := range ids {
		co, _, err := svc.CorporationOn(ctx, id, corp.MustDate(9999, 12, 31))
		if err != nil {
			return nil, err
		}
		out = append(out, Corporation{id, co.LegalName, co.State, co.TimeZone, co.IncorporationDate.String()})
	}
	return out, nil
}

// Address is a postal address.
type Address struct {
	Lines      []string `json:"lines,omitempty"`
	City       string   `json:"city,omitempty"`
	Region     string   `json:"region,omitempty"`
	PostalCode string   `json:"postal_code,omitempty"`
	Country    string   `json:"country,omitempty"`
}

// Person is a recorded person or organisation.
type Person struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	SortKey string  `json:"sort_key"`
	Kind    string  `json:"kind"`
	Address Address `json:"address"`
	Email   string  `json:"email,omitempty"`
}

// Persons views the recorded persons.
func Persons(ps []corp.Person) []Person {
	out := []Person{}
	for _, p := range ps {
		ad := p.Address
		out = append(out, Person{p.ID, p.Name, p.SortKey, string(p.Kind), Address{ad.Lines, ad.City, ad.Region, ad.PostalCode, ad.Country}, p.Email})
	}
	return out
}

// Holding is one holder's shares of one class on the cap table, with the
// exact fractions of the class and of the voting power and their
// percentages rounded for display.
type Holding struct {
	Holder           string `json:"holder"`
	Name             string `json:"name"`
	SortKey          string `json:"sort_key"`
	Class            string `json:"class"`
	Shares           string `json:"shares"`
	Votes            string `json:"votes"`
	OfClass          string `json:"of_class"`
	OfClassPercent   string `json:"of_class_percent"`
	OfVotingPower    string `json:"of_voting_power"`
	OfVotingPowerPct string `json:"of_voting_power_percent"`
}

// ClassTotal is one class on the cap table.
type ClassTotal struct {
	Class       string `json:"class"`
	Name        string `json:"name"`
	Authorized  string `json:"authorized"`
	Outstanding string `json:"outstanding"`
	Votes       string `json:"votes"`
}

// CapTable is the holders of record on a date, by class and voting power,
// and apart from them the fully diluted view.
type CapTable struct {
	On       string       `json:"on"`
	Holdings []Holding    `json:"holdings"`
	Classes  []ClassTotal `json:"classes"`
	Votes    string       `json:"votes"`
	// FullyDiluted is apart from the holdings of record: instruments as
	// converted carry no votes.
	FullyDiluted *Diluted `json:"fully_diluted,omitempty"`
}

// Holdings views the holdings of a cap table.
func Holdings(hs []acts.Holding) []Holding {
	out := []Holding{}
	for _, h := range hs {
		out = append(out, Holding{h.Holder.ID, h.Holder.Name, h.Holder.SortKey, h.Class, h.Shares.String(), h.Votes.String(),
			h.OfClass.RatString(), acts.Percent(h.OfClass), h.OfVotingPower.RatString(), acts.Percent(h.OfVotingPower)})
	}
	return out
}

// CapTableOf views a cap table and its fully diluted view (dl may be nil).
func CapTableOf(ct *acts.CapTable, dl *acts.Diluted) CapTable {
	out := CapTable{On: ct.On.String(), Holdings: Holdings(ct.Holdings), Classes: []ClassTotal{}, Votes: ct.Votes.String()}
	if dl != nil {
		d := DilutedOf(dl)
		out.FullyDiluted = &d
	}
	for _, c := range ct.Classes {
		out.Classes = append(out.Classes, ClassTotal{c.Class.ID, c.Class.Name, c.Class.Authorized.String(), c.Outstanding.String(), c.Votes.String()})
	}
	return out
}

// DilutedHolding is one holder's shares of a class with the shares their
// instruments call for as converted.
type DilutedHolding struct {
	Holder         string `json:"holder"`
	Class          string `json:"class"`
	Shares         string `json:"shares"`
	Instruments    string `json:"instruments"`
	FullyDiluted   string `json:"fully_diluted"`
	OfClass        string `json:"of_class"`
	OfClassPercent string `json:"of_class_percent"`
}

// DilutedClass is one class fully diluted.
type DilutedClass struct {
	Class        string `json:"class"`
	Outstanding  string `json:"outstanding"`
	Instruments  string `json:"instruments"`
	FullyDiluted string `json:"fully_diluted"`
}

// Diluted is the fully diluted view: instruments as converted, which carry
// no votes. Undetermined names the instruments whose shares are fixed only
// at conversion.
type Diluted struct {
	Holdings     []DilutedHolding `json:"holdings"`
	Classes      []DilutedClass   `json:"classes"`
	Undetermined []string         `json:"undetermined"`
}

// DilutedOf views the fully diluted cap table.
func DilutedOf(dl *acts.Diluted) Diluted {
	out := Diluted{Holdings: []DilutedHolding{}, Classes: []DilutedClass{}, Undetermined: []string{}}
	for _, h := range dl.Holdings {
		out.Holdings = append(out.Holdings, DilutedHolding{h.Holder.ID, h.Class, h.Shares.String(), h.Instruments.String(), h.FullyDiluted.String(), h.OfClass.RatString(), acts.Percent(h.OfClass)})
	}
	for _, c := range dl.Classes {
		out.Classes = append(out.Classes, DilutedClass{c.Class, c.Outstanding.String(), c.Instruments.String(), c.FullyDiluted.String()})
	}
	for _, in := range dl.Undetermined {
		out.Undetermined = append(out.Undetermined, in.ID)
	}
	return out
}

// Signer is an officer who signed a certificate.
type Signer struct {
	Person    string `json:"person"`
	Office    string `json:"office"`
	Facsimile bool   `json:"facsimile,omitempty"`
}

// Certificate is a stock certificate or an uncertificated position.
type Certificate struct {
	Number        int64    `json:"number"`
	Class         string   `json:"class"`
	Holder        string   `json:"holder"`
	Shares        string   `json:"shares"`
	Issued        string   `json:"issued"`
	Status        string   `json:"status"`
	Certificated  bool     `json:"certificated"`
	Consideration string   `json:"consideration"`
	Paid          string   `json:"paid"`
	Signers       []Signer `json:"signers"`
	Legends       []string `json:"legends"`
}

// Certificates views certificates.
func Certificates(cs []acts.Certificate) []Certificate {
	out := []Certificate{}
	for _, c := range cs {
		j := Certificate{c.Number, c.Class, c.Holder, c.Shares.String(), c.Issued.String(), c.Status, c.Certificated,
			c.Consideration.String(), c.Paid.String(), []Signer{}, c.Legends}
		if j.Legends == nil {
			j.Legends = []string{}
		}
		for _, s := range c.Signers {
			j.Signers = append(j.Signers, Signer{s.Person, s.Office, s.Facsimile})
		}
		out = append(out, j)
	}
	return out
}

// InstrumentChange is one event in an instrument's life.
type InstrumentChange struct {
	Effective   string `json:"effective"`
	Seq         uint64 `json:"seq"`
	Event       string `json:"event"`
	Taken       string `json:"taken"`
	Class       string `json:"class,omitempty"`
	Shares      string `json:"shares,omitempty"`
	Certificate int64  `json:"certificate,omitempty"`
	Reason      string `json:"reason,omitempty"`
}

// Instrument is an option, warrant, convertible, RSU or SAR on a date.
type Instrument struct {
	ID            string             `json:"id"`
	Type          string             `json:"type"`
	Subtype       string             `json:"subtype,omitempty"`
	Label         string             `json:"label"`
	Holder        string             `json:"holder"`
	Class         string             `json:"class"`
	Quantity      string             `json:"quantity,omitempty"`
	Principal     string             `json:"principal,omitempty"`
	Price         string             `json:"price,omitempty"`
	PurchasePrice string             `json:"purchase_price,omitempty"`
	Granted       string             `json:"granted"`
	Expiration    string             `json:"expiration,omitempty"`
	Vesting       string             `json:"vesting,omitempty"`
	Plan          string             `json:"plan,omitempty"`
	Resolution    string             `json:"resolution"`
	Remaining     string             `json:"remaining"`
	AsConverted   string             `json:"as_converted,omitempty"`
	Status        string             `json:"status"`
	Changes       []InstrumentChange `json:"changes"`
}

// Instruments is the instruments on a date.
type Instruments struct {
	On          string       `json:"on"`
	Instruments []Instrument `json:"instruments"`
}

// InstrumentsOf views instruments on date d; all false keeps only those
// outstanding.
func InstrumentsOf(d corp.Date, ins []acts.InstrumentOn, all bool) Instruments {
	out := Instruments{On: d.String(), Instruments: []Instrument{}}
	for _, in := range ins {
		if !all && in.Status != acts.InstrumentOutstanding {
			continue
		}
		j := Instrument{ID: in.ID, Type: in.Type, Subtype: in.Subtype, Label: in.Label, Holder: in.Holder, Class: in.Class,
			Quantity: optString(in.Quantity), Principal: optString(in.Principal), Price: optString(in.Price), PurchasePrice: optString(in.PurchasePrice),
			Granted: in.Granted.String(), Vesting: in.Vesting, Plan: in.Plan, Resolution: in.Resolution, Remaining: in.Remaining.String(),
			AsConverted: optString(in.AsConverted), Status: in.Status, Changes: []InstrumentChange{}}
		if !in.Expiration.IsZero() {
			j.Expiration = in.Expiration.String()
		}
		for _, c := range in.Changes {
			cj := InstrumentChange{Effective: c.Effective.String(), Seq: c.Seq, Event: c.Event, Taken: c.Taken.String(), Class: c.Class, Certificate: c.Certificate, Reason: c.Reason}
			if c.Shares.Sign() != 0 {
				cj.Shares = c.Shares.String()
			}
			j.Changes = append(j.Changes, cj)
		}
		out.Instruments = append(out.Instruments, j)
	}
	return out
}

func optString(d *corp.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}
