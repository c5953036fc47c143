package gen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// Defaults of Config.
const (
	DefaultHolders = 1_000_000
	DefaultActs    = 10_000_000
	DefaultYears   = 20
	DefaultBatch   = 20_000
	DefaultCorp    = "gen"
)

// DefaultStart is the first effective date of a generated history: after
// 2005-05-24, when the right of first refusal of the default (Quintus)
// bylaws ends (Art. VIII §1(i); A-TERMDAY), so that transfers need no
// notice. The market stand-off (Art. VI §6) runs only after a
// registration, and the generator records none.
var DefaultStart = corp.MustDate(2005, 6, 1)

// Authorized is the number of common shares the generated charter
// authorizes: far more than any generated history issues.
const Authorized = 1_000_000_000_000

// Config says what to generate. Zero fields take the defaults.
type Config struct {
	Corp    string    // the corporation's id; default "gen"
	Holders int       // holders of record to create; default 1,000,000
	Acts    int       // acts in all, including the holders' person.add; default 10,000,000
	Years   int       // the span of the history; default 20
	Seed    uint64    // the seed of the PCG generator
	Start   corp.Date // the first effective date; default DefaultStart
	Batch   int       // acts per atomic Apply; default 20,000
	// Certificated issues certificates signed by the two generated
	// officers; by default positions are uncertificated, which is faster.
	Certificated bool
	// CumulativeVoting makes the generated charter provide cumulative
	// voting (Art. II §10 ¶2), as the benchmark meeting (Meeting) needs.
	CumulativeVoting bool
	// Progress, when set, is called after each batch is recorded.
	Progress func(Progress)
}

// Progress is the state of a run after a batch.
type Progress struct {
	Acts      int           // acts recorded so far
	Total     int           // acts to record in all
	Batches   int           // batches recorded so far
	Effective corp.Date     // the effective date of the last act recorded
	Elapsed   time.Duration // since the run began
}

// Totals is what a run recorded.
type Totals struct {
	Acts        int
	Persons     int // holders and officers
	Issues      int
	Transfers   int
	Repurchases int
	Retirements int
	// Issued, Treasury and Outstanding are common share counts at the end:
	// Outstanding = Issued − Treasury, the sum of the holdings.
	Issued, Treasury, Outstanding int64
	First, Last                   corp.Date // effective dates of the first and last act
	Seq                           uint64    // the journal's last sequence number
	Head                          string    // its hash
	Elapsed                       time.Duration
}

// Middle is a record date in the middle of the history cfg describes.
func (c Config) Middle() corp.Date {
	c = c.withDefaults()
	return c.Start.AddDays(c.days() / 2)
}

func (c Config) withDefaults() Config {
	if c.Corp == "" {
		c.Corp = DefaultCorp
	}
	if c.Holders == 0 {
		c.Holders = DefaultHolders
	}
	if c.Acts == 0 {
		c.Acts = DefaultActs
	}
	if c.Years == 0 {
		c.Years = DefaultYears
	}
	if c.Start.IsZero() {
		c.Start = DefaultStart
	}
	if c.Batch == 0 {
		c.Batch = DefaultBatch
	}
	return c
}

// days is the span of the history in days.
func (c Config) days() int { return c.Years*365 + c.Years/4 }

// setupActs is the number of acts before the first holder: the
// corporation and its two officers.
const setupActs = 3

// validate explains a config that cannot be generated.
func (c Config) validate() error {
	switch {
	case c.Holders < 2:
		return fmt.Errorf("holders %d: at least 2 are needed for transfers", c.Holders)
	case c.Holders > maxHolders:
		return fmt.Errorf("holders %d: at most %d distinct generated names", c.Holders, maxHolders)
	case c.Acts < setupActs+2*c.Holders:
		return fmt.Errorf("acts %d: at least %d are needed (3 to set up, then a person.add and a stock.issue per holder)", c.Acts, setupActs+2*c.Holders)
	case c.Years < 1:
		return fmt.Errorf("years %d: at least 1", c.Years)
	case c.Batch < 1:
		return fmt.Errorf("batch %d: at least 1", c.Batch)
	}
	return nil
}

// position is a live certificate or uncertificated position.
type position struct {
	number int64
	units  int64
	holder int32
}

// generator holds the state needed to pick valid acts: the live positions
// (a compact pool, swap-deleted), the certificate counter and the totals.
type generator struct {
	cfg      Config
	rng      *rand.Rand
	pool     []position
	next     int64 // the last certificate number used
	added    int   // holders recorded
	treasury int64
	issued   int64
	tot      Totals
	surnameA uint64 // the odd multiplier that permutes surnames
	surnameB uint64
}

// Run generates cfg's history and applies it to svc in atomic batches. It
// stops at the first refused act, naming it and the rules it failed.
func Run(ctx context.Context, svc *acts.Service, cfg Config) (Totals, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return Totals{}, corp.E("gen", corp.Invalid, "%v", err)
	}
	g := &generator{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))}
	g.surnameA = g.rng.Uint64()%maxHolders | 1
	g.surnameB = g.rng.Uint64() % maxHolders
	g.pool = make([]position, 0, min(cfg.Holders+cfg.Holders/4, cfg.Acts))
	began := time.Now()
	batch := make([]*acts.Act, 0, cfg.Batch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rs, err := svc.Apply(ctx, cfg.Corp, batch, acts.Options{Atomic: true})
		if err != nil {
			return fmt.Errorf("batch ending at act %d: %w", g.tot.Acts+len(batch), err)
		}
		for i, r := range rs {
			if r.Status != acts.Recorded {
				return refusal(g.tot.Acts+i+1, batch[i], r)
			}
		}
		last := rs[len(rs)-1]
		g.tot.Acts += len(batch)
		g.tot.Seq, g.tot.Head, g.tot.Last = last.Seq, last.Hash, batch[len(batch)-1].Effective
		if cfg.Progress != nil {
			cfg.Progress(Progress{Acts: g.tot.Acts, Total: cfg.Acts, Batches: (g.tot.Acts + cfg.Batch - 1) / cfg.Batch,
				Effective: g.tot.Last, Elapsed: time.Since(began)})
		}
		batch = batch[:0]
		return nil
	}
	for i := 0; i < cfg.Acts; {
		for _, a := range g.step(i) {
			batch = append(batch, a)
			i++
			if len(batch) == cfg.Batch {
				if err := flush(); err != nil {
					return g.tot, err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return g.tot, err
	}
	g.tot.First = cfg.Start
	g.tot.Issued, g.tot.Treasury, g.tot.Outstanding = g.issued, g.treasury, g.issued-g.treasury
	g.tot.Elapsed = time.Since(began)
	return g.tot, nil
}

// refusal explains a refused act (an error of kind corp.Refused).
func refusal(n int, a *acts.Act, r acts.Result) error {
	var why []string
	for _, c := range r.Checks {
		if c.Outcome == journal.Failed {
			why = append(why, c.Rule+": "+c.Message)
		}
	}
	return corp.E("gen", corp.Refused, "act %d (%s, effective %s) was %s: %s", n, a.Kind.Name, a.Effective, r.Status, strings.Join(why, "; "))
}

// date is the effective date of act i: the acts spread evenly over the
// span, in order.
func (g *generator) date(i int) corp.Date {
	return g.cfg.Start.AddDays(int(int64(i) * int64(g.cfg.days()) / int64(g.cfg.Acts)))
}

var secretary = corp.Actor{Capacity: corp.AsSecretary}

// step returns the acts that come next, when i acts precede them. It never
// returns more acts than remain.
func (g *generator) step(i int) []*acts.Act {
	d := g.date(i)
	if i == 0 {
		return g.setup(d)
	}
	left := g.cfg.Acts - i
	toAdd := g.cfg.Holders - g.added
	// Add holders at the rate that spreads them over the history, and
	// always when only enough acts remain to add the rest (or no transfer
	// is possible yet).
	if toAdd > 0 && (left <= 2*toAdd || g.added < 2 || g.rng.IntN(left) < 2*toAdd) {
		return g.newHolder(d)
	}
	switch r := g.rng.IntN(1000); {
	case r < 10 && len(g.pool) > 1:
		return []*acts.Act{g.repurchase(d)}
	case r < 13 && g.treasury > 0:
		return []*acts.Act{g.retire(d)}
	case r < 40:
		return []*acts.Act{g.issue(d, int32(g.rng.IntN(g.added)))}
	}
	return []*acts.Act{g.transfer(d)}
}

// officers sign the certificates (Art. VI §1: one of group A, one of B).
var officers = [2]acts.SignerField{{Person: "president", Office: "president"}, {Person: "secretary", Office: "secretary"}}

func (g *generator) setup(d corp.Date) []*acts.Act {
	g.tot.Persons += 2
	return []*acts.Act{
		{Kind: acts.CreateCorporation, Effective: d, Actor: secretary, Fields: &acts.CreateCorporationFields{
			ID: g.cfg.Corp, LegalName: "Generated Holdings, Inc.", State: "Delaware", TimeZone: "America/Los_Angeles",
			IncorporationDate: corp.MustDate(1995, 3, 14),
			RegisteredOffice:  acts.AddressField{City: "Dover", Region: "DE", Country: "US"},
			PrincipalOffice:   acts.AddressField{City: "Fremont", Region: "CA", Country: "US"},
			Charter: acts.CharterField{BoardMayAmendBylaws: true, CumulativeVoting: g.cfg.CumulativeVoting, Classes: []acts.ClassField{
				{ID: "common", Name: "Common Stock", Authorized: corp.DecimalFromInt(Authorized), Par: corp.MustDecimal("0.001")}}},
			Bylaws: acts.BylawsField{Default: true},
		}},
		{Kind: acts.AddPerson, Effective: d, Actor: secretary, Fields: &acts.PersonFields{ID: "president", Name: "Prudence Ashgrove", Kind: corp.NaturalPerson}},
		{Kind: acts.AddPerson, Effective: d, Actor: secretary, Fields: &acts.PersonFields{ID: "secretary", Name: "Silas Quillfeather", Kind: corp.NaturalPerson}},
	}
}

// holderID is the id of the n-th holder (from 0).
func holderID(n int32) string { return fmt.Sprintf("h%07d", n) }

func (g *generator) newHolder(d corp.Date) []*acts.Act {
	n := int32(g.added)
	g.added++
	g.tot.Persons++
	p := &acts.Act{Kind: acts.AddPerson, Effective: d, Actor: secretary, Fields: &acts.PersonFields{
		ID: holderID(n), Name: g.name(uint64(n)), Kind: corp.NaturalPerson, Address: g.address()}}
	return []*acts.Act{p, g.issue(d, n)}
}

// places are the cities of generated addresses, with region and the first
// three digits of their postal codes.
var places = [...]struct{ city, region, zip string }{
	{"Palo Alto", "CA", "943"}, {"Fremont", "CA", "945"}, {"Wilmington", "DE", "198"}, {"New York", "NY", "100"},
	{"Boston", "MA", "021"}, {"Austin", "TX", "787"}, {"Seattle", "WA", "981"}, {"Chicago", "IL", "606"},
}

var streets = [...]string{"Elm", "Oak", "Main", "Cedar", "Maple", "Park", "Lake", "Hill", "Pine", "Walnut"}

// address returns a street address in one of the places.
func (g *generator) address() acts.AddressField {
	p := places[g.rng.IntN(len(places))]
	return acts.AddressField{Lines: []string{fmt.Sprintf("%d %s Street", 1+g.rng.IntN(9999), streets[g.rng.IntN(len(streets))])},
		City: p.city, Region: p.region, PostalCode: fmt.Sprintf("%s%02d", p.zip, g.rng.IntN(100)), Country: "US"}
}

// syllables make names; a surname is five of them, one per base-32 digit
// of a permutation of the holder's number, so no two holders share one
// and their sort keys ("SURNAME, GIVEN") are distinct.
var syllables = [32]string{"ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va",
	"we", "xi", "yo", "zu", "bre", "cla", "dro", "fli", "gra", "kro", "plu", "sta", "tri", "vo", "lin", "mar"}

var givenNames = [...]string{"Ada", "Basil", "Clara", "Dmitri", "Edith", "Felix", "Greta", "Hugo", "Irene", "Jonas",
	"Karin", "Leo", "Mira", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Soren", "Tess", "Ulric", "Vera", "Wim", "Yara", "Zeno"}

// maxHolders is the number of distinct surnames: 32⁵.
const maxHolders = 32 * 32 * 32 * 32 * 32

func (g *generator) name(n uint64) string {
	k := (n*g.surnameA + g.surnameB) % maxHolders
	var b strings.Builder
	for j := 0; j < 5; j++ {
		b.WriteString(syllables[k%32])
		k /= 32
	}
	s := b.String()
	return givenNames[g.rng.IntN(len(givenNames))] + " " + strings.ToUpper(s[:1]) + s[1:]
}

// certificated returns the Certificated field and signers of new positions.
func (g *generator) certificated() (*bool, []acts.SignerField) {
	c := g.cfg.Certificated
	if c {
		return &c, officers[:]
	}
	return &c, nil
}

func (g *generator) take() int64 {
	g.next++
	return g.next
}

func resolution(d corp.Date) string { return "Board resolution " + d.String() }

func (g *generator) issue(d corp.Date, holder int32) *acts.Act {
	units := int64(100 + g.rng.IntN(9901))
	g.pool = append(g.pool, position{number: g.take(), units: units, holder: holder})
	g.issued += units
	g.tot.Issues++
	c, signers := g.certificated()
	return &acts.Act{Kind: acts.IssueStock, Effective: d, Actor: secretary, Fields: &acts.IssueFields{
		Class: "common", Holder: holderID(holder), Shares: corp.DecimalFromInt(units),
		Consideration: corp.DecimalFromUnits(units, 2), Resolution: resolution(d), Certificated: c, Signers: signers}}
}

// pick removes a random live position from the pool and returns it.
func (g *generator) pick() position {
	i := g.rng.IntN(len(g.pool))
	p := g.pool[i]
	g.pool[i] = g.pool[len(g.pool)-1]
	g.pool = g.pool[:len(g.pool)-1]
	return p
}

// part is how many of units change hands: all of them one time in four,
// else a random part.
func (g *generator) part(units int64) int64 {
	if units == 1 || g.rng.IntN(4) == 0 {
		return units
	}
	return 1 + g.rng.Int64N(units-1)
}

func (g *generator) transfer(d corp.Date) *acts.Act {
	p := g.pick()
	to := int32(g.rng.IntN(g.added - 1))
	if to >= p.holder {
		to++ // anyone but the transferor
	}
	shares := g.part(p.units)
	g.pool = append(g.pool, position{number: g.take(), units: shares, holder: to})
	if shares < p.units {
		g.pool = append(g.pool, position{number: g.take(), units: p.units - shares, holder: p.holder})
	}
	g.tot.Transfers++
	c, signers := g.certificated()
	evidence := "authority"
	if g.cfg.Certificated {
		evidence = "endorsed"
	}
	price := corp.DecimalFromUnits(shares*int64(100+g.rng.IntN(400)), 2)
	return &acts.Act{Kind: acts.TransferStock, Effective: d, Actor: secretary, Fields: &acts.TransferFields{
		From: holderID(p.holder), To: holderID(to), Certificates: []int64{p.number}, Shares: corp.DecimalFromInt(shares),
		Evidence: evidence, Price: &price, Certificated: c, Signers: signers}}
}

func (g *generator) repurchase(d corp.Date) *acts.Act {
	p := g.pick()
	shares := g.part(p.units)
	if shares < p.units {
		g.pool = append(g.pool, position{number: g.take(), units: p.units - shares, holder: p.holder})
	}
	g.treasury += shares
	g.tot.Repurchases++
	c, signers := g.certificated()
	return &acts.Act{Kind: acts.Repurchase, Effective: d, Actor: secretary, Fields: &acts.RepurchaseFields{
		Holder: holderID(p.holder), Certificates: []int64{p.number}, Shares: corp.DecimalFromInt(shares),
		Price: corp.DecimalFromUnits(shares*200, 2), Resolution: resolution(d), Certificated: c, Signers: signers}}
}

func (g *generator) retire(d corp.Date) *acts.Act {
	shares := 1 + g.rng.Int64N(g.treasury)
	g.treasury -= shares
	g.issued -= shares
	g.tot.Retirements++
	return &acts.Act{Kind: acts.Retire, Effective: d, Actor: secretary, Fields: &acts.RetireFields{
		Class: "common", Shares: corp.DecimalFromInt(shares), Resolution: resolution(d)}}
}
