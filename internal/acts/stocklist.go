package acts

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/bits"
	"strings"
	"time"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// StockholderList is the list of holders of record on a record date (Art.
// II §4, Art. VI §5; DGCL §219): each holder in alphabetical order of sort
// key, with address, shares of each class and votes, as the books stand
// now. Beside it are the corrections that altered it after the record date:
// acts recorded as corrections (dated before the newest act then on the
// books), effective on or before the record date and recorded after that
// day ended, so that a list for a past date never changes silently.
type StockholderList struct {
	Corporation string
	RecordDate  corp.Date
	// Seq and Hash name the journal head the list was computed from.
	Seq  uint64
	Hash journal.Hash
	// Classes are the classes of the charter facts in force on the record
	// date, in charter order, with the shares outstanding (treasury shares
	// excluded) and their votes.
	Classes []ClassTotal
	Holders []ListedHolder
	Votes   corp.Decimal // all the votes of the shares outstanding
	// Corrections are the corrections effective on or before the record
	// date and recorded after it, in journal order.
	Corrections []ListCorrection
}

// ListedHolder is one holder of record on the list.
type ListedHolder struct {
	// Person is the holder as now recorded: the name, sort key and address
	// are the current ones (where notice goes), not those of the record date.
	Person corp.Person
	Shares []ClassShares // one per class of the list, zero where none are held
	Votes  corp.Decimal  // the sum over classes of shares × votes per share
}

// ClassShares is a holder's shares of one class and their votes.
type ClassShares struct {
	Class  string
	Shares corp.Decimal
	Votes  corp.Decimal
}

// ListCorrection is a correction in the journal that altered a list after
// its record date.
type ListCorrection struct {
	Seq        uint64
	Kind       string
	Effective  corp.Date
	RecordedAt time.Time
	Actor      string
	Fields     string // the act's fields, as compact JSON-like text
}

// StockholderList returns the list of holders of record of corp on
// recordDate, read in one snapshot of the books: holders with shares at the
// end of that date, sorted by sort key (then id), with address, shares by
// class and votes (shares × votes per share of the charter facts in force
// on the date), and the corrections recorded since.
func (s *Service) StockholderList(ctx context.Context, corpID string, recordDate corp.Date) (*StockholderList, error) {
	if recordDate.IsZero() {
		return nil, corp.E("stocklist", corp.Invalid, "a record date is required")
	}
	l := &StockholderList{Corporation: corpID, RecordDate: recordDate}
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		if cc.corp == nil {
			return corp.E("stocklist", corp.NotFound, "corporation %q is not recorded", corpID)
		}
		head, err := v.Head()
		if err != nil {
			return err
		}
		l.Seq, l.Hash = head.Seq, head.Hash
		facts, _ := cc.charterOn(recordDate)
		if err := l.holders(v, facts); err != nil {
			return err
		}
		return l.corrections(v, cc.corp.TimeZone)
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// holders fills the classes, holders and votes as they stood at the end
// of the record date: from the latest list checkpoint on or before it
// (checkpoints.go), the segments after that base and then the holding
// changes and person versions after the last of them.
func (l *StockholderList) holders(v tables.Reader, facts corp.CharterFacts) error {
	on := l.RecordDate.String()
	metas, err := readCheckpoints(v)
	if err != nil {
		return err
	}
	var base checkpointMeta
	for _, m := range metas {
		if m.Level == baseLevel && m.Hi <= on {
			base = m
		}
	}
	// The base decodes on the other cores while the changes since are read.
	data, err := readPartData(v, base)
	if err != nil {
		return err
	}
	decoded := decodeBase(base, data)
	since := 0
	for _, m := range metas {
		if m.Level == segmentLevel && m.Hi > base.Hi && m.Hi <= on {
			since += m.Entries
		}
	}
	changed := make(map[string]*listEntry, since)
	// The list and the holders' shares are allocated first, at their
	// largest: the garbage collector then paces itself by the list's size
	// from the start, rather than running again at each doubling of the
	// heap while the base decodes.
	l.Holders = make([]ListedHolder, 0, base.Entries+since)
	shares := make([]ClassShares, len(facts.Classes)*cap(l.Holders))
	from := base.Hi
	for _, m := range metas {
		if m.Level == segmentLevel && m.Hi > base.Hi && m.Hi <= on {
			if err := readParts(v, m, func(le *listEntry) error { mergeEntry(changed, le); return nil }); err != nil {
				return err
			}
			from = m.Hi
		}
	}
	if err := addChanges(v, changed, after(from), after(on)); err != nil {
		return err
	}
	outstanding := make([]int64, len(facts.Classes))
	votes := newVoteCounter(facts.Classes)
	units := make([]int64, len(facts.Classes))
	// add lists a holder with holdings hs, built in place.
	add := func(p corp.Person, hs []classUnits) {
		any := false
		for i, c := range facts.Classes {
			units[i] = 0
			for _, h := range hs {
				if h.Class == c.ID {
					units[i] = h.Units
				}
			}
			any = any || units[i] != 0
			outstanding[i] += units[i]
		}
		if !any {
			return
		}
		if len(shares) < len(units) {
			shares = make([]ClassShares, len(units)*max(cap(l.Holders)-len(l.Holders), 1024))
		}
		l.Holders = append(l.Holders, ListedHolder{Person: p})
		h := &l.Holders[len(l.Holders)-1]
		h.Shares, shares = shares[:len(units):len(units)], shares[len(units):]
		h.Votes = votes.of(units, h.Shares)
	}
	addEntry := func(le *listEntry) {
		add(corp.Person{ID: le.ID, Name: le.Person.Name, SortKey: le.Person.SortKey,
			Kind: corp.PersonKind(le.Person.Kind), Address: le.Person.Address, Email: le.Person.Email}, le.Units)
	}
	// The base is in list order. A first pass applies the changes to the
	// base entries: an entry whose record is unchanged takes its new
	// holdings (updated); one whose record changed moves to a second run,
	// with the holders not in the base. The second run is sorted, and the
	// listed holders are built once, merging both runs.
	parts, err := decoded()
	if err != nil {
		return err
	}
	var moved, updated []*listEntry
	if len(changed) > 0 {
		for pi := range parts {
			p := &parts[pi]
			for i := range p.entries {
				e := &p.entries[i]
				c, ok := changed[p.str(e.id)]
				if !ok {
					continue
				}
				delete(changed, c.ID)
				for _, h := range p.holdings[e.holdings : e.holdings+e.nHoldings] {
					c.add(p.str(h.class), h.units)
				}
				if c.Person == nil {
					updated = append(updated, c)
					e.state = int32(len(updated))
					continue
				}
				e.state = -1
				moved = append(moved, c)
			}
		}
	}
	for _, le := range changed {
		if len(le.Units) == 0 {
			continue
		}
		if le.Person == nil {
			p, err := personOn(v, le.ID, on)
			if err != nil {
				return err
			}
			le.Person = p
		}
		moved = append(moved, le)
	}
	sortList(moved)
	if n := base.Entries + len(moved); n > cap(l.Holders) { // changes after the last segment
		l.Holders = append(make([]ListedHolder, 0, n), l.Holders...)
	}
	var lines []string
	var hs []classUnits
	for pi := range parts {
		p := &parts[pi]
		for i := range p.entries {
			e := &p.entries[i]
			if e.state < 0 {
				continue // moved
			}
			for len(moved) > 0 && p.compareBase(moved[0], e) < 0 {
				addEntry(moved[0])
				moved = moved[1:]
			}
			var per corp.Person
			per, lines = p.person(e, lines)
			if e.state > 0 {
				add(per, updated[e.state-1].Units)
			} else {
				hs = p.holdingsOf(e, hs[:0])
				add(per, hs)
			}
		}
	}
	for _, le := range moved {
		addEntry(le)
	}
	l.Votes = corp.Decimal{}
	for i, c := range facts.Classes {
		out := corp.DecimalFromUnits(outstanding[i], c.Scale)
		votes := out.Mul(c.VotesPerShare)
		l.Classes = append(l.Classes, ClassTotal{Class: c, Outstanding: out, Votes: votes})
		l.Votes = l.Votes.Add(votes)
	}
	return nil
}

// voteCounter computes a holder's shares and votes by class. Where every
// class's votes per share is a whole number it works in int64 units (the
// list computes this for every holder), falling back to exact Decimals when
// a product would overflow.
type voteCounter struct {
	classes []corp.AuthorizedClass
	vps     []int64 // votes per share, when whole
	factor  []int64 // 10^(scale - class scale)
	scale   int     // the largest class scale
	whole   bool    // every vps is whole and every factor fits
	arena   corp.UnitsArena
}

func newVoteCounter(classes []corp.AuthorizedClass) *voteCounter {
	vc := &voteCounter{classes: classes, whole: true}
	for _, c := range classes {
		vc.scale = max(vc.scale, c.Scale)
	}
	for _, c := range classes {
		v, ok := c.VotesPerShare.Int64()
		f, fok := int64(1), true
		for range vc.scale - c.Scale {
			f, fok = mulUnits(f, 10)
		}
		vc.vps, vc.factor = append(vc.vps, v), append(vc.factor, f)
		vc.whole = vc.whole && ok && fok
	}
	return vc
}

// mulUnits returns a×b and whether it is exact (both non-negative and no
// overflow).
func mulUnits(a, b int64) (int64, bool) {
	if a < 0 || b < 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	return int64(lo), hi == 0 && lo <= math.MaxInt64
}

// of sets out (one per class) to the shares and votes of each class for
// units (by class, in class units) and returns their total votes.
func (vc *voteCounter) of(units []int64, out []ClassShares) corp.Decimal {
	if vc.whole {
		var total int64
		ok := true
		// Equal values share one Decimal (they are never changed in
		// place): with one vote per share, shares, votes and the total
		// of a holder of one class are one number.
		var last corp.Decimal
		lastUnits, lastScale := int64(0), -1
		dec := func(u int64, scale int) corp.Decimal {
			if u != lastUnits || scale != lastScale {
				last, lastUnits, lastScale = vc.arena.Decimal(u, scale), u, scale
			}
			return last
		}
		for i, c := range vc.classes {
			v, vok := mulUnits(units[i], vc.vps[i])
			t, tok := mulUnits(v, vc.factor[i])
			if ok = ok && vok && tok && total <= math.MaxInt64-t; !ok {
				break
			}
			total += t
			out[i] = ClassShares{Class: c.ID, Shares: dec(units[i], c.Scale), Votes: dec(v, c.Scale)}
		}
		if ok {
			return dec(total, vc.scale)
		}
	}
	var total corp.Decimal
	for i, c := range vc.classes {
		sh := corp.DecimalFromUnits(units[i], c.Scale)
		v := sh.Mul(c.VotesPerShare)
		out[i] = ClassShares{Class: c.ID, Shares: sh, Votes: v}
		total = total.Add(v)
	}
	return total
}

// corrections lists the entries recorded as corrections, effective on or
// before the record date and recorded after the record date ended in the
// corporation's time zone.
func (l *StockholderList) corrections(v View, zone string) error {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return fmt.Errorf("corporation time zone %q: %v", zone, err)
	}
	y, m, d := l.RecordDate.AddDays(1).YMD()
	closed := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
	on := l.RecordDate.String()
	// The corrections index names the candidates; only they are decoded.
	var seqs []uint64
	if err := v.Scan(tables.Corrections, nil, func(r tables.Row) error {
		if r[1].(string) <= on {
			seqs = append(seqs, uint64(r[0].(int64)))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, seq := range seqs {
		if err := v.Journal(seq, func(r *journal.Record) error {
			if err := l.correction(r, on, closed); err != nil {
				return err
			}
			return errStop
		}); err != nil && err != errStop {
			return err
		}
	}
	return nil
}

// correction adds the journal record r to the list's corrections when it
// is a correction effective on or before the record date and recorded
// after that day ended.
func (l *StockholderList) correction(r *journal.Record, on string, closed time.Time) error {
	e, err := journal.Decode(r.Encoding)
	if err != nil {
		return fmt.Errorf("entry %d: %w", r.Seq, err)
	}
	if !e.Correction || e.Effective > on || e.RecordedAt.Before(closed) {
		return nil
	}
	eff, err := corp.ParseDate(e.Effective)
	if err != nil {
		return fmt.Errorf("entry %d: %w", r.Seq, err)
	}
	actor := corp.Actor{Person: e.Actor.Person, Capacity: corp.Capacity(e.Actor.Capacity)}
	l.Corrections = append(l.Corrections, ListCorrection{Seq: e.Seq, Kind: e.Kind, Effective: eff,
		RecordedAt: e.RecordedAt, Actor: actor.String(), Fields: e.Fields.String()})
	return nil
}

// FormatAddress writes an address on one line: street lines, city,
// "region postal code", country, separated by ", ".
func FormatAddress(a corp.Address) string {
	var parts []string
	for _, s := range a.Lines {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	if a.City != "" {
		parts = append(parts, a.City)
	}
	if rp := strings.TrimSpace(a.Region + " " + a.PostalCode); rp != "" {
		parts = append(parts, rp)
	}
	if a.Country != "" {
		parts = append(parts, a.Country)
	}
	return strings.Join(parts, ", ")
}

// CSVHeader returns the header row of the list's CSV: name, sort_key,
// holder, address, then "<class>_shares" and "<class>_votes" for each
// class, then votes.
func (l *StockholderList) CSVHeader() []string {
	h := []string{"name", "sort_key", "holder", "address"}
	for _, c := range l.Classes {
		h = append(h, c.Class.ID+"_shares", c.Class.ID+"_votes")
	}
	return append(h, "votes")
}

// WriteCSV writes the list as CSV (RFC 4180): the header, then one row
// per holder in list order. Quantities are exact decimals without grouping.
// The corrections are not part of the CSV; print them beside it.
func (l *StockholderList) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(l.CSVHeader()); err != nil {
		return err
	}
	for _, h := range l.Holders {
		rec := []string{h.Person.Name, h.Person.SortKey, h.Person.ID, FormatAddress(h.Person.Address)}
		for _, s := range h.Shares {
			rec = append(rec, s.Shares.String(), s.Votes.String())
		}
		rec = append(rec, h.Votes.String())
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// The list's JSON (its wire format, for the CLI and the HTTP API).
type (
	stockListJSON struct {
		Corporation string                `json:"corporation"`
		RecordDate  string                `json:"record_date"`
		Journal     journalHeadJSON       `json:"journal"`
		Classes     []stockListClassJSON  `json:"classes"`
		Holders     []stockListHolderJSON `json:"holders"`
		Votes       string                `json:"votes"`
		Corrections []listCorrectionJSON  `json:"corrections"`
	}
	journalHeadJSON struct {
		Seq  uint64 `json:"seq"`
		Hash string `json:"hash"`
	}
	stockListClassJSON struct {
		Class         string `json:"class"`
		Name          string `json:"name"`
		VotesPerShare string `json:"votes_per_share"`
		Outstanding   string `json:"outstanding"`
		Votes         string `json:"votes"`
	}
	stockListHolderJSON struct {
		Holder  string                `json:"holder"`
		Name    string                `json:"name"`
		SortKey string                `json:"sort_key"`
		Address string                `json:"address"`
		Shares  []stockListSharesJSON `json:"shares"`
		Votes   string                `json:"votes"`
	}
	stockListSharesJSON struct {
		Class  string `json:"class"`
		Shares string `json:"shares"`
		Votes  string `json:"votes"`
	}
	listCorrectionJSON struct {
		Seq        uint64 `json:"seq"`
		Kind       string `json:"kind"`
		Effective  string `json:"effective"`
		RecordedAt string `json:"recorded_at"`
		Actor      string `json:"actor"`
		Fields     string `json:"fields"`
	}
)

// MarshalJSON encodes the list with documented keys: corporation,
// record_date, journal {seq, hash}, classes, holders (each with holder,
// name, sort_key, address, shares by class, votes), votes and corrections.
// Quantities are exact decimal strings.
func (l *StockholderList) MarshalJSON() ([]byte, error) {
	out := stockListJSON{Corporation: l.Corporation, RecordDate: l.RecordDate.String(),
		Journal: journalHeadJSON{l.Seq, l.Hash.String()}, Votes: l.Votes.String(),
		Classes: []stockListClassJSON{}, Holders: []stockListHolderJSON{}, Corrections: []listCorrectionJSON{}}
	for _, c := range l.Classes {
		out.Classes = append(out.Classes, stockListClassJSON{c.Class.ID, c.Class.Name, c.Class.VotesPerShare.String(), c.Outstanding.String(), c.Votes.String()})
	}
	for _, h := range l.Holders {
		j := stockListHolderJSON{Holder: h.Person.ID, Name: h.Person.Name, SortKey: h.Person.SortKey, Address: FormatAddress(h.Person.Address),
			Shares: []stockListSharesJSON{}, Votes: h.Votes.String()}
		for _, s := range h.Shares {
			j.Shares = append(j.Shares, stockListSharesJSON{s.Class, s.Shares.String(), s.Votes.String()})
		}
		out.Holders = append(out.Holders, j)
	}
	for _, c := range l.Corrections {
		out.Corrections = append(out.Corrections, listCorrectionJSON{c.Seq, c.Kind, c.Effective.String(),
			c.RecordedAt.UTC().Format(time.RFC3339), c.Actor, c.Fields})
	}
	return json.Marshal(out)
}
