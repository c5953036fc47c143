package corp

import "fmt"

// Corporation is the legal entity that minutebook runs. Every record in a
// store is scoped to one corporation, named by ID.
type Corporation struct {
	ID                string // a short identifier, e.g. "quintus"
	LegalName         string
	State             string // state of incorporation, e.g. "Delaware"
	TimeZone          string // IANA zone; civil dates are in this zone
	IncorporationDate Date
	RegisteredOffice  Address
	PrincipalOffice   Address // principal executive office
	FiscalYearEnd     MonthDay
	SealDescription   string
}

// Address is a postal address.
type Address struct {
	Lines      []string
	City       string
	Region     string // state, county or province
	PostalCode string
	Country    string
}

// MonthDay is a day of the year without a year, such as a fiscal year end.
type MonthDay struct {
	Month, Day int
}

// ParseMonthDay parses "MM-DD" (for example "03-31").
func ParseMonthDay(s string) (MonthDay, error) {
	var m, d int
	if len(s) != 5 || s[2] != '-' {
		return MonthDay{}, fmt.Errorf("%q is not a month and day written MM-DD", s)
	}
	if _, err := fmt.Sscanf(s, "%02d-%02d", &m, &d); err != nil || m < 1 || m > 12 || d < 1 || d > DaysIn(2000, m) {
		return MonthDay{}, fmt.Errorf("%q is not a month and day that exists (MM-DD)", s)
	}
	return MonthDay{m, d}, nil
}

func (md MonthDay) String() string { return fmt.Sprintf("%02d-%02d", md.Month, md.Day) }

// MarshalText implements encoding.TextMarshaler.
func (md MonthDay) MarshalText() ([]byte, error) { return []byte(md.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (md *MonthDay) UnmarshalText(b []byte) error {
	v, err := ParseMonthDay(string(b))
	if err != nil {
		return err
	}
	*md = v
	return nil
}

// CharterFacts are the facts of the certificate of incorporation that the
// bylaws depend on (rules.md §3). They change only by charter amendment.
type CharterFacts struct {
	CumulativeVoting      bool // Art. II §10 ¶2 has effect only if true (A-CUMCERT)
	BoardMayAmendBylaws   bool // Art. IX §1; DGCL §109(a)
	WrittenConsentAllowed bool // Art. II §11 "unless otherwise provided in the certificate"
	// CommitteeDividendOrStockAuthority is true when the certificate expressly
	// lets committees declare dividends or authorize issuance (Art. III §11).
	CommitteeDividendOrStockAuthority bool
	// Classes are the authorized classes or series, in charter order.
	Classes []AuthorizedClass
}

// AuthorizedClass is one class or series the certificate authorizes.
type AuthorizedClass struct {
	ID            string  // short identifier, e.g. "common"
	Name          string  // e.g. "Common Stock"
	Authorized    Decimal // shares authorized
	Par           Decimal // par value per share in dollars (0 for no par)
	VotesPerShare Decimal // 0 for non-voting; Art. II §10
	// Scale is the number of fractional digits a share count of the class
	// may have: 0 (the default) when the class forbids fractional shares.
	Scale int
	// Rights is the class's rights, preferences and limitations, or the
	// DGCL §202 statement, for certificates (Art. VI §1).
	Rights string
}

// Expect says what a month-day field expects.
func (*MonthDay) Expect() string { return "a month and day written MM-DD, e.g. 03-31" }
