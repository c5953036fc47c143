package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"encoding/json"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
)

// seed fixes the demo's randomness: the same day gives the same history.
const seed = 1999

// m is one mapping of an act file.
type m = map[string]any

// event is something that happens on a day. Events run in date order, then
// by prio (0 first thing, 9 the close of business), then in the order
// they were scheduled, so the ledger mirror follows the books exactly.
type event struct {
	date corp.Date
	prio int
	seq  int
	run  func(d corp.Date)
}

// cert mirrors one certificate (or uncertificated position) on the books.
type cert struct {
	num    int64
	holder string
	shares int64
	live   bool
	// locked keeps the certificate out of the random transfers: it is
	// partly paid, uncertificated, or a scripted act will use it.
	locked bool
	// lost marks a certificate reported lost and not yet replaced.
	lost bool
}

// grant mirrors an option granted.
type grant struct {
	id      string
	holder  string
	left    int64
	expires corp.Date
}

type builder struct {
	today  corp.Date
	rng    *rand.Rand
	out    []m
	events []event
	seq    int

	certs   []*cert // by number - 1
	persons map[string]bool
	fixed   map[string]bool // holders the random acts never touch (hand-worked figures)
	names   int             // generated names used

	directors                   []string // in office, in seat order
	chair, president, treasurer string
	notices, waivers            int
	grants                      []*grant
	place                       string
}

// The corporation's first history act falls the day after the base's stock ledger.
var start = corp.MustDate(2001, 5, 2)

// rofrEnds is the first day free of the right of first refusal (Art. VIII
// §1(i), A-TERMDAY: it ends at the start of 2005-05-24).
var rofrEnds = corp.MustDate(2005, 5, 24)

func history(today corp.Date) ([]*acts.Act, error) {
	if !today.After(corp.MustDate(2002, 6, 30)) {
		return nil, errf("the demo's history needs a day after 2002-06-30, not %s", today)
	}
	b := &builder{today: today, rng: rand.New(rand.NewPCG(seed, seed^0x5bd1e995)),
		persons: map[string]bool{}, fixed: map[string]bool{"alice": true, "bob": true, "carol": true, "dan": true},
		chair: "pat", president: "ray", treasurer: "tom",
		place: "47212 Mission Falls Court, Fremont, California"}
	// The base's ledger: certificates 1 to 5 (Eve's uncertificated, Dan's partly paid).
	for _, c := range []struct {
		h string
		n int64
	}{{"alice", 400000}, {"bob", 260000}, {"carol", 200000}, {"dan", 100000}, {"eve-lp", 40000}} {
		b.certs = append(b.certs, &cert{num: int64(len(b.certs) + 1), holder: c.h, shares: c.n, live: true})
	}
	b.certs[3].locked, b.certs[4].locked = true, true
	for _, p := range []string{"susan", "alice", "bob", "carol", "dan", "eve-lp", "pat", "quinn", "ray", "sam", "tess", "tom"} {
		b.persons[p] = true
	}
	b.script()
	for y := 2001; ; y++ {
		if !b.year(y) {
			break
		}
	}
	b.run()
	data, err := json.Marshal(m{"acts": b.out})
	if err != nil {
		return nil, err
	}
	return acts.DecodeFile("demo/history.json", data)
}

// at schedules f on day d.
func (b *builder) at(d corp.Date, prio int, f func(d corp.Date)) {
	b.seq++
	b.events = append(b.events, event{date: d, prio: prio, seq: b.seq, run: f})
}

// run runs the events in order, up to today; an event may schedule more.
func (b *builder) run() {
	for len(b.events) > 0 {
		i := 0
		for j, e := range b.events {
			if less(e, b.events[i]) {
				i = j
			}
		}
		e := b.events[i]
		b.events = slices.Delete(b.events, i, i+1)
		if e.date.After(b.today) {
			continue
		}
		e.run(e.date)
	}
}

func less(a, c event) bool {
	if a.date != c.date {
		return a.date.Before(c.date)
	}
	if a.prio != c.prio {
		return a.prio < c.prio
	}
	return a.seq < c.seq
}

// act appends one act. actor is "board", "stockholders", or "capacity" for
// the officer holding it, or "capacity:person".
func (b *builder) act(kind string, d corp.Date, actor string, fields m, adoption m) {
	as, person, _ := strings.Cut(actor, ":")
	if person == "" {
		switch as {
		case "secretary":
			person = "susan"
		case "president":
			person = b.president
		case "treasurer":
			person = b.treasurer
		case "inspector":
			person = "ingrid"
		}
	}
	a := m{"as": as}
	if person != "" {
		a["person"] = person
	}
	x := m{"kind": kind, "effective": d.String(), "actor": a, "fields": fields}
	if adoption != nil {
		x["adoption"] = adoption
	}
	b.out = append(b.out, x)
}

func num(n int64) string { return fmt.Sprint(n) }

func money(cents int64) string { return fmt.Sprintf("%d.%02d", cents/100, cents%100) }

func (b *builder) signers() []m {
	return []m{{"person": b.president, "office": "president"}, {"person": "susan", "office": "secretary"}}
}

// consent files a unanimous written consent of the board signed by every
// director in office over the days before d, and returns its adoption.
func (b *builder) consent(d corp.Date, id string, resolutions ...string) m {
	var signers []m
	for i, dir := range b.directors {
		signers = append(signers, m{"director": dir, "signed": d.AddDays(-(i % 3)).String()})
	}
	b.act("board.consent", d, "secretary", m{"id": id, "signers": signers, "resolutions": resolutions}, nil)
	return m{"consent": id}
}

// person records a new person and returns the id.
func (b *builder) person(d corp.Date, id, name, email string) string {
	b.persons[id] = true
	f := m{"id": id, "name": name, "kind": "natural_person", "address": b.address()}
	if email != "" {
		f["email"] = email
	}
	b.act("person.add", d, "secretary", f, nil)
	return id
}

// newPerson records a person with a generated name.
func (b *builder) newPerson(d corp.Date) string {
	i := b.names
	b.names++
	first := firstNames[(i*7)%len(firstNames)]
	last := lastNames[(i*11+i/len(lastNames))%len(lastNames)]
	id := strings.ToLower(first + "-" + last)
	if b.persons[id] {
		id = fmt.Sprintf("%s-%d", id, i)
	}
	return b.person(d, id, first+" "+last, strings.ToLower(first+"."+last)+"@example.com")
}

func (b *builder) address() m {
	p := places[b.rng.IntN(len(places))]
	return m{"lines": []string{fmt.Sprintf("%d %s", 10+b.rng.IntN(4900), streets[b.rng.IntN(len(streets))])},
		"city": p[0], "region": p[1], "postal_code": p[2], "country": "US"}
}

// balances are the holders of record now, with their shares.
func (b *builder) balances() map[string]int64 {
	out := map[string]int64{}
	for _, c := range b.certs {
		if c.live {
			out[c.holder] += c.shares
		}
	}
	return out
}

func (b *builder) newCert(holder string, shares int64) *cert {
	c := &cert{num: int64(len(b.certs) + 1), holder: holder, shares: shares, live: true}
	b.certs = append(b.certs, c)
	return c
}

// issue issues shares to holder on a new certificate.
func (b *builder) issue(d corp.Date, holder string, shares, centsPerShare int64, resolution string) *cert {
	b.act("stock.issue", d, "secretary", m{"class": "common", "holder": holder, "shares": num(shares),
		"consideration": money(shares * centsPerShare), "resolution": resolution, "signers": b.signers()}, nil)
	return b.newCert(holder, shares)
}

// transfer moves shares of c to holder to: a new certificate to the
// transferee, then the balance to the transferor (Art. VI §4).
func (b *builder) transfer(d corp.Date, c *cert, to string, shares, cents int64, extra m) (*cert, *cert) {
	f := m{"from": c.holder, "to": to, "certificates": []int64{c.num}, "shares": num(shares), "evidence": "endorsed",
		"price": money(cents), "signers": b.signers()}
	for k, v := range extra {
		f[k] = v
	}
	b.act("stock.transfer", d, "secretary", f, nil)
	c.live = false
	nc := b.newCert(to, shares)
	var bal *cert
	if shares < c.shares {
		bal = b.newCert(c.holder, c.shares-shares)
		bal.locked = c.locked
	}
	return nc, bal
}

// certOf returns holder's live certificate with the most shares.
func (b *builder) certOf(holder string) *cert {
	var best *cert
	for _, c := range b.certs {
		if c.live && c.holder == holder && !c.lost && (best == nil || c.shares > best.shares) {
			best = c
		}
	}
	return best
}

// script schedules the named people's history: the acts whose figures a
// test works out by hand.
func (b *builder) script() {
	// The board and the officers after the stockholders' consent of 2001-05-02.
	b.at(start, 0, func(d corp.Date) {
		b.person(d, "ingrid", "Ingrid Inspector", "ingrid@inspectors.example")
		for _, p := range [][3]string{{"frank", "Frank Fox", "frank@fox.example"}, {"gwen", "Gwen Gale", "gwen@example.com"},
			{"uma", "Uma Iyer", "uma@quintus.example"}, {"xavier", "Xavier Ibarra", "xavier@quintus.example"}} {
			b.person(d, p[0], p[1], p[2])
		}
		b.act("board.size", d, "board", m{"size": 5, "resolution": "Board resolution 2001-05-02 #1"}, nil)
		for _, p := range []string{"pat", "quinn", "ray", "sam", "tess"} {
			b.act("director.elect", d, "stockholders", m{"person": p, "how": "elected", "source": "Written consent of the stockholders, 2001-05-02"}, nil)
			b.directors = append(b.directors, p)
		}
		ad := b.consent(d, "uwc-2001-05-02", "RESOLVED, that the following persons are elected to the offices set forth opposite their names.")
		for _, o := range [][2]string{{"chairman", "pat"}, {"president", "ray"}, {"secretary", "susan"}, {"treasurer", "tom"}} {
			b.act("officer.elect", d, "board", m{"office": o[0], "person": o[1], "resolution": "Unanimous written consent 2001-05-02"}, ad)
		}
	})
	// Dan's partly paid shares: the board calls the rest; Dan pays it.
	b.at(corp.MustDate(2002, 3, 1), 1, func(d corp.Date) {
		ad := b.consent(d, "uwc-2002-03-01", "RESOLVED, that the unpaid consideration of $75,000 on certificate 4 is called, due April 1, 2002.")
		b.act("stock.call", d, "board", m{"calls": []m{{"certificate": 4, "amount": "75000.00"}}, "due": "2002-04-01",
			"resolution": "Unanimous written consent 2002-03-01"}, ad)
	})
	b.at(corp.MustDate(2002, 3, 28), 1, func(d corp.Date) {
		b.act("stock.payment", d, "secretary", m{"certificate": 4, "amount": "75000.00"}, nil)
		b.certs[3].locked = false
	})
	// Alice sells 20,000 shares to Frank, an outsider, under Art. VIII:
	// notice, the corporation's option lapses, the free window.
	b.at(corp.MustDate(2003, 3, 3), 1, func(d corp.Date) {
		b.notices++
		b.act("rofr.notice", d, "holder:alice", m{"holder": "alice", "transferee": "frank", "certificates": []int64{1}, "shares": "20000",
			"price": "100000.00", "payment": "cash", "terms": "closing within ten days of the end of the option", "received": d.String(), "secretary_received": d.String()}, nil)
		n := b.notices
		b.at(d.AddDays(45), 1, func(d corp.Date) {
			b.transfer(d, b.certs[0], "frank", 20000, 10000000, m{"rofr_notice": n})
		})
	})
	// Bob transfers 10,000 shares to Gwen under a waiver by the holders of a
	// majority of the voting power, the shares transferred excluded (§1(g)).
	b.at(corp.MustDate(2004, 5, 3), 1, func(d corp.Date) {
		bob := b.certOf("bob")
		bal := b.balances()
		total := int64(0)
		for _, n := range bal {
			total += n
		}
		total -= 10000
		var consents []m
		got := int64(0)
		for _, h := range []string{"alice", "bob", "carol", "dan", "eve-lp"} {
			if 2*got > total {
				break
			}
			n := bal[h]
			if h == "bob" {
				n -= 10000
			}
			consents = append(consents, m{"holder": h, "signed": d.AddDays(-2).String()})
			got += n
		}
		b.waivers++
		b.act("rofr.waive", d, "stockholders", m{"holder": "bob", "transferee": "gwen", "certificates": []int64{bob.num}, "shares": "10000",
			"consents": consents}, nil)
		b.transfer(d.AddDays(1), bob, "gwen", 10000, 6000000, m{"rofr_waiver": b.waivers})
	})
	// Bob's balance certificate is destroyed in a fire; the board directs a
	// replacement on a bond; the bond is posted; the new certificate issues.
	b.at(corp.MustDate(2009, 2, 16), 1, func(d corp.Date) {
		c := b.certOf("bob")
		c.lost = true
		b.act("certificate.lost_affidavit", d, "holder:bob", m{"certificate": c.num, "claimant": "bob", "cause": "destroyed",
			"circumstances": "destroyed in a house fire on 2009-02-02"}, nil)
		b.at(d.AddDays(10), 1, func(d corp.Date) {
			ad := b.consent(d, "uwc-2009-02-26", fmt.Sprintf("RESOLVED, that a new certificate be issued in place of certificate %d on delivery of an indemnity bond of $250,000.", c.num))
			b.act("certificate.replace_directed", d, "board", m{"certificate": c.num, "resolution": "Unanimous written consent 2009-02-26", "bond": "250000"}, ad)
		})
		b.at(d.AddDays(20), 1, func(d corp.Date) {
			b.act("certificate.bond_posted", d, "secretary", m{"certificate": c.num, "amount": "250000", "surety": "Fidelity Surety Co."}, nil)
			b.act("certificate.replace", d, "secretary", m{"certificate": c.num, "signers": b.signers()}, nil)
			c.live = false
			b.newCert("bob", c.shares)
		})
	})
	// Tess resigns; the board appoints Uma to the vacancy.
	b.at(corp.MustDate(2010, 3, 1), 1, func(d corp.Date) {
		b.act("director.end", d, "secretary", m{"person": "tess", "why": "resignation", "source": "Letter of resignation dated 2010-02-25"}, nil)
		b.directors = slices.DeleteFunc(b.directors, func(s string) bool { return s == "tess" })
		d = d.AddDays(14)
		ad := b.consent(d, "uwc-2010-03-15", "RESOLVED, that Uma Iyer is appointed a director to fill the vacancy created by the resignation of Tess Larsen.")
		b.act("director.elect", d, "board", m{"person": "uma", "how": "appointed_to_vacancy", "source": "Unanimous written consent 2010-03-15"}, ad)
		b.directors = append(b.directors, "uma")
	})
	// Alice gives 30,000 shares to her daughter (after Art. VIII ended).
	b.at(corp.MustDate(2011, 12, 20), 1, func(d corp.Date) {
		olivia := b.person(d, "olivia", "Olivia Anders", "olivia.anders@example.com")
		b.transfer(d, b.certOf("alice"), olivia, 30000, 0, m{"nature": "gift"})
	})
	b.pending()
}

// pending leaves business open on the last days of the history, for the
// dashboard: a general proxy about to lapse, a dividend declared and not
// yet paid, a lost certificate whose replacement waits for its bond, an
// option about to expire.
func (b *builder) pending() {
	t := b.today
	// Carol's general proxy to Pat, dated three years (less 12 days) ago.
	dated := t.AddYears(-3, corp.Feb29ToFeb28).AddDays(12)
	b.at(dated, 2, func(d corp.Date) {
		b.act("proxy.grant", d, "holder:carol", m{"id": "general-" + d.String(), "holder": "carol", "proxy_holder": "pat", "date": d.String()}, nil)
	})
	// An option granted ten years ago that expires in 40 days.
	b.at(t.AddDays(40).AddYears(-10, corp.Feb29ToFeb28), 1, func(d corp.Date) {
		b.option(d, "quinn", 25000, t.AddDays(40))
	})
	// Dan reports his certificate lost; the board directs a replacement on a
	// bond not yet posted.
	b.at(t.AddDays(-20), 1, func(d corp.Date) {
		c := b.certOf("dan")
		if c == nil {
			return
		}
		c.lost = true
		b.act("certificate.lost_affidavit", d, "holder:dan", m{"certificate": c.num, "claimant": "dan", "cause": "lost",
			"circumstances": "lost in a move; a diligent search did not find it"}, nil)
		b.at(d.AddDays(8), 1, func(d corp.Date) {
			id := "uwc-" + d.String() + "-bond"
			ad := b.consent(d, id, fmt.Sprintf("RESOLVED, that a new certificate be issued in place of certificate %d on delivery of an indemnity bond of $100,000.", c.num))
			b.act("certificate.replace_directed", d, "board", m{"certificate": c.num, "resolution": "Unanimous written consent " + d.String(), "bond": "100000"}, ad)
		})
	})
	// A quarterly dividend declared 10 days ago, payable in 25.
	b.at(t.AddDays(-10), 1, func(d corp.Date) { b.dividend(d, d.AddDays(15), d.AddDays(35), "0.05") })
}

// dividend declares a cash dividend and schedules its payment.
func (b *builder) dividend(d, record, payable corp.Date, rate string) {
	id := "div-" + d.String()
	ad := b.consent(d, "uwc-"+d.String()+"-dividend", fmt.Sprintf("RESOLVED, that a dividend of $%s per share of Common Stock is declared out of surplus, payable %s to holders of record on %s.", rate, payable, record))
	b.act("dividend.declare", d, "board", m{"id": id, "form": "cash", "rates": []m{{"class": "common", "per_share": rate}},
		"record_date": record.String(), "payable": payable.String(), "resolution": "Unanimous written consent " + d.String()}, ad)
	b.at(payable, 3, func(d corp.Date) { b.act("dividend.pay", d, "treasurer", m{"dividend": id}, nil) })
}

// option grants an option under the stock plan.
func (b *builder) option(d corp.Date, holder string, quantity int64, expires corp.Date) *grant {
	y, _, _ := d.YMD()
	g := &grant{id: fmt.Sprintf("opt-%d-%d", y, len(b.grants)+1), holder: holder, left: quantity, expires: expires}
	b.grants = append(b.grants, g)
	price := 25 + int64(y-2001)*15 // cents a share
	b.act("instrument.grant", d, "secretary", m{"id": g.id, "type": "option", "subtype": "ISO", "holder": holder, "class": "common",
		"quantity": num(quantity), "price": money(price), "expiration": expires.String(), "vesting": "1/4 after one year, then 1/48 monthly",
		"plan": "2001 Stock Plan", "resolution": fmt.Sprintf("Board resolution %s (2001 Stock Plan grants)", d)}, nil)
	return g
}

// weekday returns d, or the Monday after it when it falls on a weekend.
func weekday(d corp.Date) corp.Date {
	for d.Weekday() == 0 || d.Weekday() == 6 {
		d = d.AddDays(1)
	}
	return d
}

// inYear returns a random day of year y after the base and the setup.
func (b *builder) inYear(y int) corp.Date {
	d := corp.MustDate(y, 1, 2).AddDays(b.rng.IntN(360))
	if !d.After(start.AddDays(10)) {
		d = start.AddDays(11 + b.rng.IntN(200))
	}
	return d
}

// year schedules year y's business; it returns false after the last year.
func (b *builder) year(y int) bool {
	ty, _, _ := b.today.YMD()
	if y > ty+1 {
		return false
	}
	// The annual meeting falls each year a month after today's date, so that
	// the next one is called, with its notice window open, on the last day.
	_, mm, dd := b.today.AddDays(33).YMD()
	if mm == 2 && dd == 29 {
		dd = 28
	}
	if mt := weekday(corp.MustDate(y, mm, dd)); mt.AddDays(-60).After(start.AddDays(30)) {
		b.annual(mt)
	}
	if y >= 2002 {
		b.boardMeeting(weekday(corp.MustDate(y, 9, 18)))
	}
	for range 2 {
		b.at(b.inYear(y), 1, func(d corp.Date) {
			y, _, _ := d.YMD()
			p := b.newPerson(d)
			b.issue(d, p, 500*int64(10+b.rng.IntN(70)), 100+int64(y-2001)*40, fmt.Sprintf("Board resolution %s (private placement)", d))
		})
	}
	for range 3 {
		b.at(b.inYear(y), 1, func(d corp.Date) {
			p := b.newPerson(d)
			g := b.option(d, p, 1000*int64(5+b.rng.IntN(26)), d.AddYears(10, corp.Feb29ToFeb28))
			if b.rng.IntN(10) < 6 {
				b.at(d.AddDays(730+b.rng.IntN(1100)), 1, func(d corp.Date) { b.exercise(d, g) })
			}
		})
	}
	for range 5 {
		b.at(b.inYear(y), 1, func(d corp.Date) { b.randomTransfer(d) })
	}
	if y == 2007 || y == 2012 || y == 2016 || y == 2020 || y == 2024 {
		d := weekday(corp.MustDate(y, 10, 15))
		b.at(d, 1, func(d corp.Date) { b.dividend(d, d.AddDays(15), d.AddDays(45), "0.25") })
	}
	return true
}

// exercise exercises all or half of what remains of an option.
func (b *builder) exercise(d corp.Date, g *grant) {
	q := g.left
	if b.rng.IntN(2) == 0 {
		q = q / 2
	}
	if q == 0 || !d.Before(g.expires) {
		return
	}
	g.left -= q
	b.act("instrument.exercise", d, "secretary", m{"instrument": g.id, "quantity": num(q), "signers": b.signers()}, nil)
	b.newCert(g.holder, q)
}

// randomTransfer transfers all or part of a random certificate: while Art.
// VIII is in effect only to another stockholder (exempt, §1(f)(2)); after
// it, to a stockholder or a newcomer.
func (b *builder) randomTransfer(d corp.Date) {
	var pool []*cert
	for _, c := range b.certs {
		if c.live && !c.locked && !c.lost && !b.fixed[c.holder] {
			pool = append(pool, c)
		}
	}
	if len(pool) == 0 {
		return
	}
	c := pool[b.rng.IntN(len(pool))]
	var to string
	if !d.Before(rofrEnds) && b.rng.IntN(10) < 4 {
		to = b.newPerson(d)
	} else {
		var hs []string
		for h := range b.balances() {
			if h != c.holder && !b.fixed[h] && h != "eve-lp" {
				hs = append(hs, h)
			}
		}
		if len(hs) == 0 {
			return
		}
		slices.Sort(hs)
		to = hs[b.rng.IntN(len(hs))]
	}
	shares := c.shares
	if shares > 100 && b.rng.IntN(4) > 0 {
		shares = max(100, (c.shares*int64(1+b.rng.IntN(9))/10)/100*100)
	}
	y, _, _ := d.YMD()
	b.transfer(d, c, to, shares, shares*(150+int64(y-2001)*40), nil)
}

// boardMeeting holds the board's special meeting of September: called by
// the president, noticed by mail a week before, held with one director
// absent in odd years, and the resolutions it adopts.
func (b *builder) boardMeeting(day corp.Date) {
	id := "bm-" + day.String()
	y, _, _ := day.YMD()
	type res struct {
		kind   string
		fields m
	}
	resolutions := []res{{"resolution.other", m{"title": "Budget", "text": fmt.Sprintf("RESOLVED, that the operating budget for fiscal %d is approved.", y+1),
		"resolution": fmt.Sprintf("Board resolution %s #1", day)}}}
	if y == 2004 {
		resolutions = append(resolutions,
			res{"director.compensation", m{"form": "fee_per_meeting", "amount": "1500.00", "committee_members": true, "resolution": fmt.Sprintf("Board resolution %s #2", day)}},
			res{"committee.designate", m{"id": "audit", "name": "Audit Committee", "members": []string{"quinn", "sam"}, "alternates": []string{"pat"},
				"powers": []string{"ordinary"}, "resolution": fmt.Sprintf("Board resolution %s #3", day)}})
	}
	b.at(day.AddDays(-10), 1, func(d corp.Date) {
		var purposes []m
		for _, r := range resolutions {
			purposes = append(purposes, m{"text": r.fields["resolution"].(string) + ": " + r.kind})
		}
		b.act("board_meeting.call", d, "president", m{"id": id, "type": "special", "date": day.String(), "time": "09:30", "place": b.place, "purposes": purposes}, nil)
	})
	b.at(day.AddDays(-7), 1, func(d corp.Date) {
		b.act("board_meeting.notice", d, "secretary", m{"meeting": id, "method": "mail"}, nil)
	})
	b.at(day, 1, func(d corp.Date) {
		var present []m
		for i, dir := range b.directors {
			if y%2 == 1 && i == len(b.directors)-1 {
				continue
			}
			mode := "in_person"
			if i == 1 {
				mode = "conference_phone"
			}
			present = append(present, m{"person": dir, "mode": mode})
		}
		b.act("board_meeting.held", d, "secretary", m{"meeting": id, "present": present}, nil)
		for _, r := range resolutions {
			b.act(r.kind, d, "board", r.fields, m{"meeting": id, "for": len(present)})
		}
	})
}

// annual holds the annual meeting of the stockholders on day: the board's
// call by written consent with the record date 30 days before, notice by
// mail and the list 25 days before, proxies to the chairman, the meeting
// with its quorum, the polls, the ballots, the inspector's certified
// election of the directors, and the first meeting of the board after it,
// which chooses the officers (Art. V §2).
func (b *builder) annual(day corp.Date) {
	y, _, _ := day.YMD()
	id := fmt.Sprintf("annual-%d", y)
	record := day.AddDays(-30)
	b.at(day.AddDays(-55), 1, func(d corp.Date) {
		ad := b.consent(d, "uwc-"+d.String()+"-annual", fmt.Sprintf("RESOLVED, that the annual meeting of the stockholders be held on %s at 10:00 a.m. at %s, and that %s be the record date.", day, b.place, record))
		b.act("meeting.call", d, "board", m{"id": id, "type": "annual", "date": day.String(), "time": "10:00", "place": b.place, "record_date": record.String(),
			"purposes": []m{{"text": "Election of directors", "kind": "director.elect"}, {"text": "Ratification of the independent auditors"}}}, ad)
	})
	var snap map[string]int64
	b.at(record, 9, func(corp.Date) { snap = b.balances() })
	b.at(day.AddDays(-25), 1, func(d corp.Date) {
		b.act("meeting.notice", d, "secretary", m{"meeting": id, "method": "mail"}, nil)
		b.act("list.prepare", d, "secretary", m{"meeting": id}, nil)
	})
	inPerson := map[string]bool{}
	proxies := map[string]bool{}
	b.at(day.AddDays(-12), 2, func(d corp.Date) {
		holders := sortedHolders(snap)
		total, present := int64(0), int64(0)
		for _, h := range holders {
			total += snap[h]
		}
		now := b.balances()
		for i, h := range holders {
			switch {
			case i < 4 || b.fixed[h]:
				inPerson[h] = true
			case now[h] > 0 && b.rng.IntN(10) < 6:
				proxies[h] = true
			default:
				continue
			}
			present += snap[h]
		}
		for _, h := range holders { // a quorum: more than half present
			if 2*present > total {
				break
			}
			if !inPerson[h] && !proxies[h] && now[h] > 0 {
				proxies[h] = true
				present += snap[h]
			}
		}
		for _, h := range holders {
			if proxies[h] {
				b.act("proxy.grant", d, "holder:"+h, m{"id": id, "holder": h, "proxy_holder": b.chair, "date": d.String(), "meeting": id}, nil)
			}
		}
	})
	b.at(day, 1, func(d corp.Date) {
		holders := sortedHolders(snap)
		var attendance []m
		for _, h := range holders {
			switch {
			case inPerson[h]:
				attendance = append(attendance, m{"holder": h})
			case proxies[h]:
				attendance = append(attendance, m{"holder": h, "mode": "proxy", "proxy_holder": b.chair})
			}
		}
		b.act("meeting.held", d, "secretary", m{"meeting": id, "officers": []string{b.chair, b.president, "susan"}, "list_produced": true, "attendance": attendance}, nil)
		b.act("meeting.motion", d, "secretary", m{"meeting": id, "id": "auditors", "text": "Ratify the appointment of Hale & Whitcomb LLP as independent auditors", "purpose": 2}, nil)
		slate := slices.Clone(b.directors)
		if y >= 2015 {
			slate = slices.DeleteFunc(slate, func(s string) bool { return s == "ray" })
			if !slices.Contains(slate, "xavier") {
				slate = append(slate, "xavier")
			}
		}
		candidates := slices.Clone(slate)
		contested := y == 2012
		if contested {
			candidates = append(candidates, "frank")
		}
		b.act("polls.open", d, "inspector", m{"meeting": id, "matters": []m{
			{"id": "auditors", "kind": "question", "text": "Ratify the appointment of the independent auditors"},
			{"id": "directors", "kind": "election", "seats": len(slate), "candidates": candidates, "incumbents": slices.Clone(b.directors)}}}, nil)
		for _, h := range holders {
			if !inPerson[h] && !proxies[h] {
				continue
			}
			choice := "for"
			switch r := b.rng.IntN(20); {
			case r == 0:
				choice = "abstain"
			case r < 3:
				choice = "against"
			}
			votes := slices.Clone(slate)
			if contested && snap[h] < 20000 && b.rng.IntN(3) == 0 {
				votes = append(slices.Clone(slate[:len(slate)-1]), "frank")
			}
			f := m{"meeting": id, "holder": h, "ballots": []m{{"matter": "auditors", "choice": choice}, {"matter": "directors", "candidates": votes}}}
			actor := "holder:" + h
			if proxies[h] {
				f["proxy"] = id
				actor = "holder:" + b.chair
			}
			b.act("ballot.cast", d, actor, f, nil)
		}
		b.act("polls.close", d, "inspector", m{"meeting": id}, nil)
		b.act("result.certify", d, "inspector", m{"meeting": id}, nil)
		b.directors = slices.Clone(slate)
	})
	b.at(day, 5, func(d corp.Date) {
		bm := "bm-" + d.String() + "-first"
		b.act("board_meeting.call", d, "president", m{"id": bm, "type": "first", "date": d.String(), "time": "14:00", "place": b.place,
			"fixed_by_stockholders": "Announced at the annual meeting of the stockholders, " + d.String()}, nil)
		var present []m
		for _, dir := range b.directors {
			present = append(present, m{"person": dir})
		}
		b.act("board_meeting.held", d, "secretary", m{"meeting": bm, "present": present}, nil)
		if y >= 2015 {
			b.president = "xavier"
		}
		ad := m{"meeting": bm, "for": len(present)}
		for _, o := range [][2]string{{"president", b.president}, {"secretary", "susan"}, {"treasurer", b.treasurer}} {
			b.act("officer.elect", d, "board", m{"office": o[0], "person": o[1], "resolution": fmt.Sprintf("Board resolution %s (first meeting)", d)}, ad)
		}
	})
}

// sortedHolders lists the holders with shares, the largest first.
func sortedHolders(bal map[string]int64) []string {
	var hs []string
	for h, n := range bal {
		if n > 0 {
			hs = append(hs, h)
		}
	}
	slices.SortFunc(hs, func(a, c string) int {
		if bal[a] != bal[c] {
			if bal[a] > bal[c] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, c)
	})
	return hs
}

var places = [][3]string{
	{"Palo Alto", "CA", "94301"}, {"Fremont", "CA", "94539"}, {"San Jose", "CA", "95113"}, {"Oakland", "CA", "94612"},
	{"Berkeley", "CA", "94704"}, {"Seattle", "WA", "98101"}, {"Portland", "OR", "97205"}, {"Austin", "TX", "78701"},
	{"Boston", "MA", "02108"}, {"New York", "NY", "10013"}, {"Wilmington", "DE", "19801"}, {"Chicago", "IL", "60601"},
}

var streets = []string{"Elm Street", "Oak Avenue", "University Avenue", "Alma Street", "Cedar Lane", "Lincoln Avenue",
	"Hamilton Avenue", "Bryant Street", "Waverley Street", "Middlefield Road", "Park Boulevard", "Lake Drive"}

var firstNames = []string{"Aiden", "Beatriz", "Chloe", "Darius", "Elena", "Farid", "Grace", "Hiro", "Isabel", "Jamal",
	"Keiko", "Liam", "Maya", "Nikhil", "Olga", "Priya", "Rafael", "Sofia", "Theo", "Ursula", "Valentina", "Wei", "Yusuf",
	"Zara", "Amara", "Bruno", "Camille", "Dmitri", "Esther", "Felix", "Greta", "Hassan", "Ingrid", "Jonas", "Kofi", "Lena",
	"Mateo", "Nora", "Oscar", "Paloma", "Rohan", "Selin", "Tomas", "Ana", "Victor", "Willa", "Ximena", "Yara"}

var lastNames = []string{"Abara", "Bergstrom", "Castillo", "Delacroix", "Eriksen", "Fujita", "Gallagher", "Haddad",
	"Ivanova", "Jorgensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero", "Rasmussen",
	"Sandoval", "Takahashi", "Underwood", "Vasquez", "Whitfield", "Xu", "Yamamoto", "Zeller", "Achebe", "Brennan",
	"Calloway", "Dunmore", "Ellison", "Farrow", "Gutierrez", "Holloway", "Iyengar", "Jansen", "Kirkland", "Lombardi",
	"Mbeki", "Novak", "Ortiz", "Pemberton", "Rinaldi", "Sorensen", "Thornton", "Valdez", "Wexler", "Young"}
