package acts

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"sort"
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// This file computes a dividend's payment schedule: each registered holder's
// entitlement on the record date (Art. VI §5, §7), from the ledger as it
// stands, or as it was paid once the dividend is paid.
//
// The rounding rule: each holder's exact entitlement (shares entitled ×
// rate) is rounded DOWN, to the cent for cash and property, and to the
// units of the class issued for a stock dividend (whole shares unless the
// class allows fractions). No holder is paid more than the exact
// entitlement; the remainder — the exact total less the sum paid, less
// than one cent (or one unit) per holder — stays with the corporation and
// is reported with the schedule. Fractional share interests of a stock
// dividend are reported per holder (DGCL §155 lets the board pay them in
// cash or issue scrip; minutebook records neither).
//
// Partly paid shares (Art. VI §1) take a dividend on the part of their
// consideration paid on the record date (DGCL §156; A-PARTLY
// "proportional"): shares × paid ÷ total consideration. Treasury shares
// are not outstanding and take nothing (DGCL §160(c)).

// RoundingRule states the schedule's rounding rule, for the outputs.
const RoundingRule = "each holder's exact entitlement is rounded down to the cent (cash, property) or to the units of the class issued (shares); the remainder stays with the corporation and is reported"

// DividendRate is the rate of a dividend on one class.
type DividendRate struct {
	Class    string       `json:"class"`
	PerShare corp.Decimal `json:"per_share"`
	// PayClass is the class of the shares a stock dividend issues.
	PayClass string `json:"pay_class,omitempty"`
}

// Dividend is a declared dividend.
type Dividend struct {
	ID         string
	Declared   corp.Date
	Form       string // cash, property or shares
	Rates      []DividendRate
	RecordDate corp.Date
	Payable    corp.Date
	Property   string
	Resolution string
	Body       string    // board or committee
	Paid       corp.Date // zero until paid
	PaidSeq    uint64
	Seq        uint64
}

func dividendOf(r tables.Row) (Dividend, error) {
	d := Dividend{ID: r[0].(string), Form: r[2].(string), Property: r[6].(string), Resolution: r[7].(string), Body: r[8].(string),
		PaidSeq: uint64(r[10].(int64)), Seq: uint64(r[11].(int64))}
	var err error
	if d.Declared, err = corp.ParseDate(r[1].(string)); err != nil {
		return d, err
	}
	if err := json.Unmarshal([]byte(r[3].(string)), &d.Rates); err != nil {
		return d, fmt.Errorf("dividend %s: rates: %v", d.ID, err)
	}
	if d.RecordDate, err = corp.ParseDate(r[4].(string)); err != nil {
		return d, err
	}
	if d.Payable, err = corp.ParseDate(r[5].(string)); err != nil {
		return d, err
	}
	if s := r[9].(string); s != "" {
		if d.Paid, err = corp.ParseDate(s); err != nil {
			return d, err
		}
	}
	return d, nil
}

// ScheduleLine is one registered holder's entitlement on one class.
type ScheduleLine struct {
	Holder     corp.Person
	Class      string
	Shares     corp.Decimal // held of record on the record date
	PartlyPaid bool         // some of them were partly paid on the record date
	// Entitled is the shares that take the dividend: Shares, less the
	// unpaid part of partly paid shares (DGCL §156).
	Entitled *big.Rat
	Exact    *big.Rat     // Entitled × the rate: dollars, or shares issued
	Amount   corp.Decimal // Exact rounded down (RoundingRule)
	// Certificate is the certificate issued for a stock dividend (0 until
	// paid, or for none).
	Certificate int64
}

// Remainder is the part of the exact entitlement not paid by rounding.
func (l ScheduleLine) Remainder() *big.Rat { return new(big.Rat).Sub(l.Exact, l.Amount.Rat()) }

// ScheduleTotal is the total of a schedule on one class.
type ScheduleTotal struct {
	Class    string
	Shares   corp.Decimal
	Entitled *big.Rat
	Exact    *big.Rat
	Amount   corp.Decimal
}

// DividendSchedule is a dividend's payment schedule: one line per
// registered holder and class on the record date, in the order of the
// holders' sort keys.
type DividendSchedule struct {
	Corporation string
	Dividend    Dividend
	Lines       []ScheduleLine
	Totals      []ScheduleTotal // one per rate, in the order of the rates
	Exact       *big.Rat        // the sum of the exact entitlements
	Amount      corp.Decimal    // the sum paid
	// Unit is what the amounts count: "USD", or "shares of CLASS".
	Unit string
	// Seq and Hash name the journal head the schedule was read at.
	Seq  uint64
	Hash journal.Hash
}

// Money writes an amount of the schedule: with two decimals for dollars.
func (s *DividendSchedule) Money(d corp.Decimal) string {
	if s.Unit == "USD" {
		return d.StringFixed(2)
	}
	return d.String()
}

// Remainder is the exact total less the sum paid: what rounding leaves
// with the corporation.
func (s *DividendSchedule) Remainder() *big.Rat { return new(big.Rat).Sub(s.Exact, s.Amount.Rat()) }

// floorRat rounds r down to n fractional digits.
func floorRat(r *big.Rat, n int) corp.Decimal {
	x := new(big.Rat).Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)))
	q := new(big.Int).Div(x.Num(), x.Denom()) // Euclidean: floor for a positive denominator
	d, _ := corp.ParseDecimal(q.String())
	if n == 0 {
		return d
	}
	return d.Mul(corp.DecimalFromUnits(1, n))
}

// RatString writes an exact fraction as a decimal when it has one (its
// denominator has no prime factor but 2 and 5), else as
// "numerator/denominator".
func RatString(r *big.Rat) string {
	if r == nil {
		return "0"
	}
	den := new(big.Int).Set(r.Denom())
	twos, fives := 0, 0
	for den.Bit(0) == 0 {
		den.Rsh(den, 1)
		twos++
	}
	five, m := big.NewInt(5), new(big.Int)
	for {
		q, rem := new(big.Int).QuoRem(den, five, m)
		if rem.Sign() != 0 {
			break
		}
		den = q
		fives++
	}
	if den.Cmp(big.NewInt(1)) != 0 {
		return r.String()
	}
	k := max(twos, fives)
	x := new(big.Rat).Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)))
	d, err := corp.ParseDecimal(x.Num().String())
	if err != nil {
		return r.String()
	}
	return d.Mul(corp.DecimalFromUnits(1, k)).String()
}

// classScale returns the scale of class id in facts (0 if unknown).
func classScale(f corp.CharterFacts, id string) int {
	for _, c := range f.Classes {
		if c.ID == id {
			return c.Scale
		}
	}
	return 0
}

// computeSchedule computes d's schedule from the ledger: the holdings of
// record at the end of the record date (the sum of the holding changes
// effective on or before it), less the unpaid part of partly paid
// certificates outstanding on that date.
func computeSchedule(r tables.Reader, facts corp.CharterFacts, d Dividend) ([]ScheduleLine, error) {
	rd := d.RecordDate.String()
	rates := map[string]bool{}
	for _, x := range d.Rates {
		rates[x.Class] = true
	}
	type key struct{ holder, class string }
	units := map[key]int64{}
	closedAt := map[key]map[int64]string{} // holder/class -> seq -> effective
	if err := r.Scan(tables.HoldingChanges, nil, func(row tables.Row) error {
		k := key{row[0].(string), row[1].(string)}
		if !rates[k.class] {
			return nil
		}
		if row[2].(string) <= rd {
			units[k] += row[4].(int64)
		}
		if closedAt[k] == nil {
			closedAt[k] = map[int64]string{}
		}
		closedAt[k][row[3].(int64)] = row[2].(string)
		return nil
	}); err != nil {
		return nil, err
	}
	// Payments after the record date, to find what was paid on it.
	later := map[int64]corp.Decimal{}
	if err := r.Scan(tables.StockPayments, nil, func(row tables.Row) error {
		if row[3].(string) > rd {
			a, err := corp.ParseDecimal(row[2].(string))
			if err != nil {
				return err
			}
			later[row[0].(int64)] = later[row[0].(int64)].Add(a)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	issuedBy := map[int64]string{} // seq -> issue date, for replacements
	unpaid := map[key]*big.Rat{}   // units not entitled
	partly := map[key]bool{}
	type cert struct {
		holder, class, issued, status string
		units, closedSeq              int64
		consideration, paid           corp.Decimal
	}
	var certs []cert
	if err := r.Scan(tables.Certificates, nil, func(row tables.Row) error {
		issuedBy[row[12].(int64)] = row[4].(string)
		if !rates[row[1].(string)] {
			return nil
		}
		c := cert{holder: row[2].(string), class: row[1].(string), issued: row[4].(string), status: row[5].(string),
			units: row[3].(int64), closedSeq: row[13].(int64)}
		var err error
		if c.consideration, err = corp.ParseDecimal(row[7].(string)); err != nil {
			return err
		}
		if c.paid, err = corp.ParseDecimal(row[8].(string)); err != nil {
			return err
		}
		c.paid = c.paid.Sub(later[row[0].(int64)])
		if c.paid.Cmp(c.consideration) < 0 && c.issued <= rd {
			certs = append(certs, c)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for _, c := range certs {
		k := key{c.holder, c.class}
		if c.status != CertOutstanding {
			closed, ok := closedAt[k][c.closedSeq]
			if !ok {
				closed, ok = issuedBy[c.closedSeq]
			}
			if !ok || closed <= rd {
				continue // not outstanding at the end of the record date
			}
		}
		// units × (1 − paid/consideration) are not entitled.
		frac := new(big.Rat).Quo(c.paid.Rat(), c.consideration.Rat())
		not := new(big.Rat).Mul(new(big.Rat).SetInt64(c.units), new(big.Rat).Sub(big.NewRat(1, 1), frac))
		if unpaid[k] == nil {
			unpaid[k] = new(big.Rat)
		}
		unpaid[k].Add(unpaid[k], not)
		partly[k] = true
	}
	persons := map[string]corp.Person{}
	var out []ScheduleLine
	for _, x := range d.Rates {
		scale := classScale(facts, x.Class)
		unit := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil))
		payScale := 2
		if d.Form == "shares" {
			payScale = classScale(facts, x.PayClass)
		}
		for k, u := range units {
			if k.class != x.Class || u <= 0 {
				continue
			}
			p, ok := persons[k.holder]
			if !ok {
				var err error
				if p, err = personOf(r, k.holder); err != nil {
					return nil, err
				}
				persons[k.holder] = p
			}
			ent := new(big.Rat).SetInt64(u)
			if n := unpaid[k]; n != nil {
				ent.Sub(ent, n)
			}
			ent.Mul(ent, unit)
			exact := new(big.Rat).Mul(ent, x.PerShare.Rat())
			out = append(out, ScheduleLine{Holder: p, Class: k.class, Shares: corp.DecimalFromUnits(u, scale), PartlyPaid: partly[k],
				Entitled: ent, Exact: exact, Amount: floorRat(exact, payScale)})
		}
	}
	sortLines(out, d)
	return out, nil
}

func sortLines(out []ScheduleLine, d Dividend) {
	order := map[string]int{}
	for i, x := range d.Rates {
		order[x.Class] = i
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Holder.SortKey != b.Holder.SortKey {
			return a.Holder.SortKey < b.Holder.SortKey
		}
		if a.Holder.ID != b.Holder.ID {
			return a.Holder.ID < b.Holder.ID
		}
		return order[a.Class] < order[b.Class]
	})
}

// personOf reads a recorded person (a bare id if unknown).
func personOf(r tables.Reader, id string) (corp.Person, error) {
	row, ok, err := r.Get(tables.Persons, id)
	if err != nil || !ok {
		return corp.Person{ID: id, Name: id, SortKey: strings.ToUpper(id)}, err
	}
	p := corp.Person{ID: id, Name: row[1].(string), SortKey: row[2].(string), Kind: corp.PersonKind(row[3].(string)), Email: row[5].(string)}
	if err := json.Unmarshal([]byte(row[4].(string)), &p.Address); err != nil {
		return p, fmt.Errorf("persons: %s: address: %v", id, err)
	}
	return p, nil
}

// paidSchedule reads the schedule of a paid dividend as it was paid.
func paidSchedule(r tables.Reader, facts corp.CharterFacts, d Dividend) ([]ScheduleLine, error) {
	var out []ScheduleLine
	err := r.Scan(tables.DividendPayments, []any{d.ID}, func(row tables.Row) error {
		p, err := personOf(r, row[1].(string))
		if err != nil {
			return err
		}
		l := ScheduleLine{Holder: p, Class: row[2].(string), Certificate: row[7].(int64)}
		l.Shares = corp.DecimalFromUnits(row[3].(int64), classScale(facts, l.Class))
		var ok1, ok2 bool
		l.Entitled, ok1 = new(big.Rat).SetString(row[4].(string))
		l.Exact, ok2 = new(big.Rat).SetString(row[5].(string))
		if !ok1 || !ok2 {
			return fmt.Errorf("dividend %s: holder %s: bad fraction", d.ID, l.Holder.ID)
		}
		l.PartlyPaid = l.Entitled.Cmp(l.Shares.Rat()) != 0
		if l.Amount, err = corp.ParseDecimal(row[6].(string)); err != nil {
			return err
		}
		out = append(out, l)
		return nil
	})
	sortLines(out, d)
	return out, err
}

// schedule builds the whole schedule of d: as paid, or as computed now.
func schedule(r tables.Reader, facts corp.CharterFacts, d Dividend) (*DividendSchedule, error) {
	s := &DividendSchedule{Dividend: d, Exact: new(big.Rat), Unit: "USD"}
	var err error
	if d.Paid.IsZero() {
		s.Lines, err = computeSchedule(r, facts, d)
	} else {
		s.Lines, err = paidSchedule(r, facts, d)
	}
	if err != nil {
		return nil, err
	}
	if d.Form == "shares" && len(d.Rates) > 0 {
		pay := map[string]bool{}
		var names []string
		for _, x := range d.Rates {
			if !pay[x.PayClass] {
				pay[x.PayClass] = true
				names = append(names, x.PayClass)
			}
		}
		s.Unit = "shares of " + strings.Join(names, ", ")
	}
	for _, x := range d.Rates {
		t := ScheduleTotal{Class: x.Class, Entitled: new(big.Rat), Exact: new(big.Rat)}
		for _, l := range s.Lines {
			if l.Class != x.Class {
				continue
			}
			t.Shares = t.Shares.Add(l.Shares)
			t.Entitled.Add(t.Entitled, l.Entitled)
			t.Exact.Add(t.Exact, l.Exact)
			t.Amount = t.Amount.Add(l.Amount)
		}
		s.Totals = append(s.Totals, t)
		s.Exact.Add(s.Exact, t.Exact)
		s.Amount = s.Amount.Add(t.Amount)
	}
	return s, nil
}

// loadDividend reads dividend id.
func loadDividend(r tables.Reader, id string) (Dividend, bool, error) {
	row, ok, err := r.Get(tables.Dividends, id)
	if err != nil || !ok {
		return Dividend{}, ok, err
	}
	d, err := dividendOf(row)
	return d, true, err
}

// Dividends returns corp's declared dividends, by declaration date.
func (s *Service) Dividends(ctx context.Context, corpID string) ([]Dividend, error) {
	var out []Dividend
	err := s.Store.View(ctx, corpID, func(v View) error {
		return v.Scan(tables.Dividends, nil, func(r tables.Row) error {
			d, err := dividendOf(r)
			out = append(out, d)
			return err
		})
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Declared != out[j].Declared {
			return out[i].Declared.Before(out[j].Declared)
		}
		return out[i].Seq < out[j].Seq
	})
	return out, err
}

// DividendSchedule returns the payment schedule of dividend id: for a paid
// dividend, as it was paid; otherwise computed from the books as they now
// stand for the record date.
func (s *Service) DividendSchedule(ctx context.Context, corpID, id string) (*DividendSchedule, error) {
	var out *DividendSchedule
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		if cc.corp == nil {
			return corp.E("dividend schedule", corp.NotFound, "corporation %q is not recorded", corpID)
		}
		d, ok, err := loadDividend(v, id)
		if err != nil {
			return err
		}
		if !ok {
			return corp.E("dividend schedule", corp.NotFound, "no dividend %q is declared (minutebook dividends lists them)", id)
		}
		facts, _ := cc.charterOn(d.RecordDate)
		if out, err = schedule(v, facts, d); err != nil {
			return err
		}
		out.Corporation = corpID
		h, err := v.Head()
		out.Seq, out.Hash = h.Seq, h.Hash
		return err
	})
	return out, err
}

// Status is "paid" or "declared".
func (d Dividend) Status() string {
	if d.Paid.IsZero() {
		return "declared"
	}
	return "paid"
}

// CSVHeader is the header of the schedule's CSV.
func (s *DividendSchedule) CSVHeader() []string {
	return []string{"holder", "name", "sort_key", "address", "class", "shares", "partly_paid", "entitled_shares", "exact", "amount", "remainder", "certificate"}
}

// WriteCSV writes the schedule as CSV (RFC 4180): the header, then one row
// per line. Quantities are exact: decimals, or "num/den" where a fraction
// has no finite decimal. The totals are not part of the CSV.
func (s *DividendSchedule) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(s.CSVHeader()); err != nil {
		return err
	}
	for _, l := range s.Lines {
		cert := ""
		if l.Certificate != 0 {
			cert = fmt.Sprint(l.Certificate)
		}
		if err := cw.Write([]string{l.Holder.ID, l.Holder.Name, l.Holder.SortKey, FormatAddress(l.Holder.Address), l.Class,
			l.Shares.String(), fmt.Sprint(l.PartlyPaid), RatString(l.Entitled), RatString(l.Exact), s.Money(l.Amount),
			RatString(l.Remainder()), cert}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

type (
	scheduleJSON struct {
		Corporation string              `json:"corporation"`
		Dividend    string              `json:"dividend"`
		Form        string              `json:"form"`
		Status      string              `json:"status"`
		Declared    string              `json:"declared"`
		RecordDate  string              `json:"record_date"`
		Payable     string              `json:"payable"`
		Paid        string              `json:"paid,omitempty"`
		Property    string              `json:"property,omitempty"`
		Resolution  string              `json:"resolution"`
		Rates       []DividendRate      `json:"rates"`
		Unit        string              `json:"unit"`
		Rounding    string              `json:"rounding"`
		Journal     journalHeadJSON     `json:"journal"`
		Lines       []scheduleLineJSON  `json:"lines"`
		Totals      []scheduleTotalJSON `json:"totals"`
		Exact       string              `json:"exact"`
		Amount      string              `json:"amount"`
		Remainder   string              `json:"remainder"`
	}
	scheduleLineJSON struct {
		Holder      string `json:"holder"`
		Name        string `json:"name"`
		SortKey     string `json:"sort_key"`
		Address     string `json:"address"`
		Class       string `json:"class"`
		Shares      string `json:"shares"`
		PartlyPaid  bool   `json:"partly_paid"`
		Entitled    string `json:"entitled_shares"`
		Exact       string `json:"exact"`
		Amount      string `json:"amount"`
		Remainder   string `json:"remainder"`
		Certificate int64  `json:"certificate,omitempty"`
	}
	scheduleTotalJSON struct {
		Class     string `json:"class"`
		Shares    string `json:"shares"`
		Entitled  string `json:"entitled_shares"`
		Exact     string `json:"exact"`
		Amount    string `json:"amount"`
		Remainder string `json:"remainder"`
	}
)

// MarshalJSON encodes the schedule with documented keys (docs/dividends.md).
// Exact quantities are decimals, or "num/den" where a fraction has no
// finite decimal.
func (s *DividendSchedule) MarshalJSON() ([]byte, error) {
	d := s.Dividend
	out := scheduleJSON{Corporation: s.Corporation, Dividend: d.ID, Form: d.Form, Status: d.Status(), Declared: d.Declared.String(),
		RecordDate: d.RecordDate.String(), Payable: d.Payable.String(), Property: d.Property, Resolution: d.Resolution,
		Rates: d.Rates, Unit: s.Unit, Rounding: RoundingRule, Journal: journalHeadJSON{s.Seq, s.Hash.String()},
		Lines: []scheduleLineJSON{}, Totals: []scheduleTotalJSON{},
		Exact: RatString(s.Exact), Amount: s.Money(s.Amount), Remainder: RatString(s.Remainder())}
	if !d.Paid.IsZero() {
		out.Paid = d.Paid.String()
	}
	for _, l := range s.Lines {
		out.Lines = append(out.Lines, scheduleLineJSON{l.Holder.ID, l.Holder.Name, l.Holder.SortKey, FormatAddress(l.Holder.Address),
			l.Class, l.Shares.String(), l.PartlyPaid, RatString(l.Entitled), RatString(l.Exact), s.Money(l.Amount), RatString(l.Remainder()), l.Certificate})
	}
	for _, t := range s.Totals {
		out.Totals = append(out.Totals, scheduleTotalJSON{t.Class, t.Shares.String(), RatString(t.Entitled), RatString(t.Exact),
			s.Money(t.Amount), RatString(new(big.Rat).Sub(t.Exact, t.Amount.Rat()))})
	}
	return json.Marshal(out)
}
