package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"minutebook/internal/access"
	"minutebook/internal/acts"
	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/views"
	"minutebook/internal/vote"
)

// The query routes: every query of the CLI (cmd/minutebook, each
// subcommand with --json) over JSON, built by package views like the
// CLI's, each list paginated.

const cp = "/api/corporations/{corp}"

var (
	onParam    = Param{Name: "on", Doc: "the date, YYYY-MM-DD (default: today in the corporation's time zone)"}
	asOfParam  = Param{Name: "as_of", Doc: "the date, YYYY-MM-DD (default: today in the corporation's time zone)"}
	fromToDocs = []Param{{Name: "from", Doc: "first date, YYYY-MM-DD"}, {Name: "to", Doc: "last date, YYYY-MM-DD"}}
)

func pageParams(ps ...Param) []Param { return append(ps, PageParams...) }

func queryRoutes() []Route {
	return []Route{
		{Method: "GET", Path: "/api/corporations", Summary: "the corporations the account holds a role in (every one for an administrator)", Policy: access.AnyAccount, Query: PageParams, Response: Page[views.Corporation]{}, Handle: getCorporations},
		{Method: "GET", Path: cp, Summary: "one corporation", Policy: access.ReadMember, Response: views.Corporation{}, Handle: getCorporation},
		{Method: "GET", Path: cp + "/persons", Summary: "the recorded people and organisations, in alphabetical order", Policy: access.ReadBooks, Query: PageParams, Response: Page[views.Person]{}, Handle: listAll((*acts.Service).Persons, views.Persons)},
		{Method: "GET", Path: cp + "/holders", Summary: "the cap table on a date: holders of record by class, with their share of the class and of the voting power (Art. VI §7)", Policy: access.ReadBooks,
			Query: pageParams(asOfParam, Param{Name: "class", Doc: "only this class"}, Param{Name: "order", Doc: "holder (default: alphabetical by sort key) or votes (largest voting power first)"}), Response: CapTablePage{}, Handle: getHolders},
		{Method: "GET", Path: cp + "/holders/fully-diluted", Summary: "the fully diluted cap table on a date: instruments as converted, which carry no votes", Policy: access.ReadBooks, Query: pageParams(asOfParam), Response: Page[views.DilutedHolding]{}, Handle: getFullyDiluted},
		{Method: "GET", Path: cp + "/holders/{person}", Summary: "a holder's page: holdings, certificates, instruments and proxies of one person", Policy: access.ReadHolder, Person: "person", Query: []Param{asOfParam}, Response: HolderPage{}, Handle: getHolder},
		{Method: "GET", Path: cp + "/holders/{person}/certificates", Summary: "the certificates of one holder", Policy: access.ReadHolder, Person: "person", Query: PageParams, Response: Page[views.Certificate]{}, Handle: getHolderCertificates},
		{Method: "GET", Path: cp + "/holders/{person}/proxies", Summary: "the proxies one holder granted, with their standing on a date (Art. II §10)", Policy: access.ReadHolder, Person: "person", Query: pageParams(onParam), Response: Page[acts.ProxyView]{}, Handle: getHolderProxies},
		{Method: "GET", Path: cp + "/holders/{person}/ballots", Summary: "the ballots cast for one holder's shares or by them, with receipts", Policy: access.ReadBallots, Person: "person", Query: pageParams(Param{Name: "meeting", Doc: "only this meeting"}), Response: Page[acts.BallotView]{}, Handle: getHolderBallots},
		{Method: "GET", Path: cp + "/certificates", Summary: "certificates and uncertificated positions with status, signers and legends", Policy: access.ReadBooks, Query: pageParams(Param{Name: "holder", Doc: "only this holder's"}), Response: Page[views.Certificate]{}, Handle: getCertificates},
		{Method: "GET", Path: cp + "/certificates/{number}", Summary: "one certificate", Policy: access.ReadBooks, Response: views.Certificate{}, Handle: getCertificate},
		{Method: "GET", Path: cp + "/instruments", Summary: "the options, warrants, convertibles, RSUs and SARs on a date (non-voting)", Policy: access.ReadBooks, Query: pageParams(asOfParam, Param{Name: "all", Doc: "true: also those no longer outstanding"}), Response: Page[views.Instrument]{}, Handle: getInstruments},
		{Method: "GET", Path: cp + "/stocklist", Summary: "the list of holders of record on a record date (Art. II §4, Art. VI §5; DGCL §219)", Policy: access.ReadBooks, Query: pageParams(Param{Name: "record_date", Doc: "the record date, YYYY-MM-DD", Required: true}), Response: StockListPage{}, Handle: getStocklist},
		{Method: "GET", Path: cp + "/officers", Summary: "the officers in office on a date", Policy: access.ReadBooks, Query: pageParams(onParam), Response: Page[views.Tenure]{}, Handle: listOn("on", (*acts.Service).OfficersOn, views.Officers)},
		{Method: "GET", Path: cp + "/officers/{office}/acting", Summary: "who performs an office's duties when its holder is absent (Art. V §10, §12, §16)", Policy: access.ReadBooks, Query: []Param{onParam, {Name: "absent", Doc: "persons absent or unable to act, separated by commas"}}, Response: views.Acting{}, Handle: getActing},
		{Method: "GET", Path: cp + "/board/directors", Summary: "the board register on a date (Art. III §1)", Policy: access.ReadMember, Query: []Param{onParam}, Response: acts.BoardRegister{}, Handle: oneOn("on", (*acts.Service).Directors)},
		{Method: "GET", Path: cp + "/board/meetings", Summary: "the meetings of the board and its committees", Policy: access.BoardOnly, Query: PageParams, Response: Page[acts.Meeting]{}, Handle: listAll((*acts.Service).Meetings, same)},
		{Method: "GET", Path: cp + "/board/committees", Summary: "the committees of the board on a date (Art. III §11)", Policy: access.BoardOnly, Query: pageParams(onParam), Response: Page[acts.Committee]{}, Handle: listOn("on", (*acts.Service).Committees, same)},
		{Method: "GET", Path: cp + "/board/court", Summary: "who may apply to the Court of Chancery for an election (Art. III §2; DGCL §223(c))", Policy: access.ReadBooks, Query: []Param{onParam}, Response: views.Court{}, Handle: getCourt},
		{Method: "GET", Path: cp + "/meetings", Summary: "the meetings of the stockholders, as called and held (Art. II)", Policy: access.ReadMember, Query: PageParams, Response: Page[acts.StockholderMeeting]{}, Handle: listAll((*acts.Service).StockholderMeetings, same)},
		{Method: "GET", Path: cp + "/meetings/{meeting}", Summary: "a stockholders' meeting with its notices, waivers, attendance, list log and motions", Policy: access.ReadBooks, Response: acts.MeetingRecord{}, Handle: oneBy("meeting", (*acts.Service).StockholderMeetingRecord)},
		{Method: "GET", Path: cp + "/meetings/{meeting}/notice-facts", Summary: "the facts of the notice of a meeting given on a date (Art. II §3, §6)", Policy: access.ReadBooks, Query: []Param{onParam}, Response: acts.NoticeFacts{}, Handle: getNoticeFacts},
		{Method: "GET", Path: cp + "/meetings/{meeting}/list", Summary: "the meeting's stockholder list; a stockholder sees it only in the Art. II §4 window after a list.request, and each view is recorded (list.access)", Policy: access.ReadMember, Query: PageParams, Response: StockListPage{}, Handle: getMeetingList},
		{Method: "GET", Path: cp + "/meetings/{meeting}/list-log", Summary: "every request to examine the list, with its purpose, and every access (Art. II §4)", Policy: access.ReadBooks, Query: PageParams, Response: Page[acts.Inspection]{}, Handle: getListLog},
		{Method: "GET", Path: cp + "/meetings/{meeting}/ballots", Summary: "the ballots of a meeting, each with its receipt and whether it is counted", Policy: access.ReadBallots, Query: PageParams, Response: Page[acts.BallotView]{}, Handle: listBy("meeting", (*acts.Service).MeetingBallots)},
		{Method: "GET", Path: cp + "/meetings/{meeting}/result", Summary: "the meeting's certified result (or the tally so far)", Policy: access.ReadMember, Response: acts.CertifiedResult{}, Handle: oneBy("meeting", (*acts.Service).MeetingResult)},
		{Method: "GET", Path: cp + "/meetings/{meeting}/receipts/{receipt}", Summary: "check that the ballot with a receipt is counted in the meeting's certified receipts root", Policy: access.ReadMember, Response: acts.ReceiptCheck{}, Handle: getReceipt},
		{Method: "GET", Path: cp + "/consents", Summary: "the actions of the stockholders by written consent (Art. II §11)", Policy: access.ReadBooks, Query: PageParams, Response: Page[acts.StockholderConsent]{}, Handle: listAll((*acts.Service).StockholderConsents, same)},
		{Method: "GET", Path: cp + "/proxies", Summary: "every proxy recorded, with its last day and its standing on a date (Art. II §10)", Policy: access.ReadBooks, Query: pageParams(onParam), Response: Page[acts.ProxyView]{}, Handle: listOn("on", (*acts.Service).Proxies, same)},
		{Method: "GET", Path: cp + "/dividends", Summary: "the dividends declared", Policy: access.ReadBooks, Query: PageParams, Response: Page[views.Dividend]{}, Handle: listAll((*acts.Service).Dividends, views.Dividends)},
		{Method: "GET", Path: cp + "/dividends/{dividend}/schedule", Summary: "a dividend's payment schedule (Art. VII §1)", Policy: access.ReadBooks, Response: map[string]any{}, Handle: oneBy("dividend", (*acts.Service).DividendSchedule)},
		{Method: "GET", Path: cp + "/resolutions", Summary: "the board's typed resolutions", Policy: access.ReadBooks, Query: PageParams, Response: Page[acts.Resolution]{}, Handle: listAll((*acts.Service).Resolutions, same)},
		{Method: "GET", Path: cp + "/indemnification", Summary: "the indemnification docket (Art. VII §6)", Policy: access.BoardOnly, Query: PageParams, Response: Page[views.Indemnification]{}, Handle: listAll((*acts.Service).IndemnificationDocket, views.IndemnificationDocket)},
		{Method: "GET", Path: cp + "/bylaws", Summary: "every rule of the bylaws in force on a date, with its citation and parameters", Policy: access.ReadMember, Query: []Param{onParam}, Response: BylawsView{}, Handle: getBylaws},
		{Method: "GET", Path: cp + "/bylaws/rules/{rule}", Summary: "a rule's parameters, citation and text", Policy: access.ReadMember, Query: []Param{onParam}, Response: map[string]any{}, Handle: getBylawsRule},
		{Method: "GET", Path: cp + "/bylaws/certificate", Summary: "the facts of the Secretary's certificate that the bylaws were in force on a date", Policy: access.ReadBooks, Query: []Param{{Name: "on", Doc: "the date the bylaws were in force", Required: true}, {Name: "signed", Doc: "the date of the certificate (default today)"}}, Response: views.BylawsCertificate{}, Handle: getBylawsCertificate},
		{Method: "GET", Path: cp + "/calendar", Summary: "the deadlines the bylaws derive from what is recorded", Policy: access.ReadBooks, Query: pageParams(fromToDocs...), Response: Page[acts.Deadline]{}, Handle: getCalendar},
		{Method: "GET", Path: cp + "/minutes/{meeting}", Summary: "the facts of the secretary's minutes of a meeting or written consent", Policy: access.BoardOnly, Response: views.Minutes{}, Handle: getMinutes},
		{Method: "GET", Path: cp + "/journal", Summary: "journal entries with their checks, both dates and hashes, by sequence number", Policy: access.ReadBooks, Query: []Param{{Name: "cursor", Doc: "the first sequence number (default 1; the next of the previous page)"}, {Name: "limit", Doc: "entries per page, 1 to 1000 (default 100)"}}, Response: JournalPage{}, Handle: getJournal},
		{Method: "GET", Path: cp + "/journal/verify", Summary: "re-hash every entry, replay the journal and compare the derived tables", Policy: access.ReadBooks, Query: []Param{{Name: "chain_only", Doc: "true: re-hash only"}}, Response: acts.VerifyReport{}, Handle: getVerify},
		{Method: "GET", Path: "/api/vote/threshold", Summary: "the shares that elect N of D directors under cumulative voting (Art. II §10; DGCL §214)", Policy: access.AnyAccount,
			Query: []Param{{Name: "shares", Required: true, Doc: "S: the shares voting"}, {Name: "seats", Required: true, Doc: "D: the directors to be elected"}, {Name: "elect", Doc: "N: the directors the holder wants (default 1)"}}, Response: Threshold{}, Handle: getThreshold},
	}
}

// The handlers of the plain queries: a method of acts.Service on the
// corporation, maybe on a date or a path value, viewed, and paginated when
// a list.

// same is the view of a value that is its own view.
func same[T any](xs []T) []T { return xs }

func listAll[T, V any](q func(*acts.Service, context.Context, string) ([]T, error), view func([]T) []V) func(*Call) (any, error) {
	return func(c *Call) (any, error) {
		xs, err := q(c.S.Acts, c.Ctx(), c.Corp)
		if err != nil {
			return nil, err
		}
		return Paginate(c, nonNil(view(xs)))
	}
}

func listOn[T, V any](param string, q func(*acts.Service, context.Context, string, corp.Date) ([]T, error), view func([]T) []V) func(*Call) (any, error) {
	return func(c *Call) (any, error) {
		d, err := c.On(param)
		if err != nil {
			return nil, err
		}
		xs, err := q(c.S.Acts, c.Ctx(), c.Corp, d)
		if err != nil {
			return nil, err
		}
		return Paginate(c, nonNil(view(xs)))
	}
}

func listBy[T any](name string, q func(*acts.Service, context.Context, string, string) ([]T, error)) func(*Call) (any, error) {
	return func(c *Call) (any, error) {
		xs, err := q(c.S.Acts, c.Ctx(), c.Corp, c.Path(name))
		if err != nil {
			return nil, err
		}
		return Paginate(c, nonNil(xs))
	}
}

func oneOn[T any](param string, q func(*acts.Service, context.Context, string, corp.Date) (T, error)) func(*Call) (any, error) {
	return func(c *Call) (any, error) {
		d, err := c.On(param)
		if err != nil {
			return nil, err
		}
		return q(c.S.Acts, c.Ctx(), c.Corp, d)
	}
}

func oneBy[T any](name string, q func(*acts.Service, context.Context, string, string) (T, error)) func(*Call) (any, error) {
	return func(c *Call) (any, error) {
		return q(c.S.Acts, c.Ctx(), c.Corp, c.Path(name))
	}
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// On returns the date query parameter name, today in the corporation's
// zone when absent.
func (c *Call) On(name string) (corp.Date, error) {
	d, err := c.Date(name, corp.Date{})
	if err != nil || !d.IsZero() {
		return d, err
	}
	return c.Today()
}

func getCorporations(c *Call) (any, error) {
	var ids []string
	if !c.Principal.Admin {
		ids = c.Principal.Corporations()
		if ids == nil {
			ids = []string{}
		}
		all, err := c.S.Acts.Corporations(c.Ctx())
		if err != nil {
			return nil, err
		}
		ids = slices.DeleteFunc(ids, func(id string) bool { return !slices.Contains(all, id) })
	}
	cs, err := views.Corporations(c.Ctx(), c.S.Acts, ids)
	if err != nil {
		return nil, err
	}
	return Paginate(c, cs)
}

func getCorporation(c *Call) (any, error) {
	cs, err := views.Corporations(c.Ctx(), c.S.Acts, []string{c.Corp})
	if err != nil {
		return nil, err
	}
	return cs[0], nil
}

// CapTablePage is a page of the cap table: the holdings of this page, with
// every class and the total votes.
type CapTablePage struct {
	On      string             `json:"on"`
	Classes []views.ClassTotal `json:"classes"`
	Votes   string             `json:"votes"`
	Page[views.Holding]
}

func getHolders(c *Call) (any, error) {
	d, err := c.On("as_of")
	if err != nil {
		return nil, err
	}
	ct, err := c.S.Acts.Holdings(c.Ctx(), c.Corp, d)
	if err != nil {
		return nil, err
	}
	v := views.CapTableOf(ct, nil)
	hs := v.Holdings
	if class := c.Query("class"); class != "" {
		if !slices.ContainsFunc(v.Classes, func(t views.ClassTotal) bool { return t.Class == class }) {
			return nil, corp.E("query", corp.Invalid, "class: %q is not a class of %s on %s", class, c.Corp, d)
		}
		hs = slices.DeleteFunc(hs, func(h views.Holding) bool { return h.Class != class })
	}
	switch c.Query("order") {
	case "", "holder":
	case "votes":
		byVotes := map[string]corp.Decimal{}
		for _, h := range ct.Holdings {
			byVotes[h.Holder.ID+"\x00"+h.Class] = h.Votes
		}
		slices.SortStableFunc(hs, func(a, b views.Holding) int {
			return byVotes[b.Holder+"\x00"+b.Class].Cmp(byVotes[a.Holder+"\x00"+a.Class])
		})
	default:
		return nil, corp.E("query", corp.Invalid, "order: %q is not holder or votes", c.Query("order"))
	}
	p, err := Paginate(c, hs)
	if err != nil {
		return nil, err
	}
	return CapTablePage{On: v.On, Classes: v.Classes, Votes: v.Votes, Page: p}, nil
}

func getFullyDiluted(c *Call) (any, error) {
	d, err := c.On("as_of")
	if err != nil {
		return nil, err
	}
	ct, err := c.S.Acts.Holdings(c.Ctx(), c.Corp, d)
	if err != nil {
		return nil, err
	}
	dl, err := c.S.Acts.FullyDiluted(c.Ctx(), c.Corp, ct)
	if err != nil {
		return nil, err
	}
	return Paginate(c, views.DilutedOf(dl).Holdings)
}

// HolderPage is one person's page: what they hold on a date, their
// certificates, instruments and proxies.
type HolderPage struct {
	Person       views.Person        `json:"person"`
	On           string              `json:"on"`
	Holdings     []views.Holding     `json:"holdings"`
	Certificates []views.Certificate `json:"certificates"`
	Instruments  []views.Instrument  `json:"instruments"`
	Proxies      []acts.ProxyView    `json:"proxies"`
}

func (c *Call) person() (views.Person, error) {
	id := c.Path("person")
	ps, err := c.S.Acts.Persons(c.Ctx(), c.Corp)
	if err != nil {
		return views.Person{}, err
	}
	for _, p := range views.Persons(ps) {
		if p.ID == id {
			return p, nil
		}
	}
	return views.Person{}, corp.E("holder", corp.NotFound, "no person %q in %s", id, c.Corp)
}

func getHolder(c *Call) (any, error) {
	p, err := c.person()
	if err != nil {
		return nil, err
	}
	d, err := c.On("as_of")
	if err != nil {
		return nil, err
	}
	ctx := c.Ctx()
	ct, err := c.S.Acts.Holdings(ctx, c.Corp, d)
	if err != nil {
		return nil, err
	}
	out := HolderPage{Person: p, On: d.String(), Holdings: []views.Holding{}, Proxies: []acts.ProxyView{}}
	for _, h := range views.Holdings(ct.Holdings) {
		if h.Holder == p.ID {
			out.Holdings = append(out.Holdings, h)
		}
	}
	cs, err := c.S.Acts.Certificates(ctx, c.Corp, p.ID)
	if err != nil {
		return nil, err
	}
	out.Certificates = views.Certificates(cs)
	ins, err := c.S.Acts.Instruments(ctx, c.Corp, d)
	if err != nil {
		return nil, err
	}
	ins = slices.DeleteFunc(ins, func(in acts.InstrumentOn) bool { return in.Holder != p.ID })
	out.Instruments = views.InstrumentsOf(d, ins, false).Instruments
	if out.Proxies, err = c.holderProxies(d); err != nil {
		return nil, err
	}
	return out, nil
}

func getHolderCertificates(c *Call) (any, error) {
	if _, err := c.person(); err != nil {
		return nil, err
	}
	cs, err := c.S.Acts.Certificates(c.Ctx(), c.Corp, c.Path("person"))
	if err != nil {
		return nil, err
	}
	return Paginate(c, views.Certificates(cs))
}

func (c *Call) holderProxies(d corp.Date) ([]acts.ProxyView, error) {
	ps, err := c.S.Acts.Proxies(c.Ctx(), c.Corp, d)
	if err != nil {
		return nil, err
	}
	out := []acts.ProxyView{}
	for _, p := range ps {
		if p.Holder == c.Path("person") {
			out = append(out, p)
		}
	}
	return out, nil
}

func getHolderProxies(c *Call) (any, error) {
	if _, err := c.person(); err != nil {
		return nil, err
	}
	d, err := c.On("on")
	if err != nil {
		return nil, err
	}
	ps, err := c.holderProxies(d)
	if err != nil {
		return nil, err
	}
	return Paginate(c, ps)
}

func getHolderBallots(c *Call) (any, error) {
	if _, err := c.person(); err != nil {
		return nil, err
	}
	var meetings []string
	if m := c.Query("meeting"); m != "" {
		meetings = []string{m}
	} else {
		ms, err := c.S.Acts.StockholderMeetings(c.Ctx(), c.Corp)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			meetings = append(meetings, m.ID)
		}
	}
	id := c.Path("person")
	out := []acts.BallotView{}
	for _, m := range meetings {
		bs, err := c.S.Acts.MeetingBallots(c.Ctx(), c.Corp, m)
		if corp.KindOf(err) == corp.NotFound && c.Query("meeting") == "" {
			continue // a meeting without polls
		}
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			if b.Holder == id || b.Voter == id {
				out = append(out, b)
			}
		}
	}
	return Paginate(c, out)
}

func getCertificates(c *Call) (any, error) {
	cs, err := c.S.Acts.Certificates(c.Ctx(), c.Corp, c.Query("holder"))
	if err != nil {
		return nil, err
	}
	return Paginate(c, views.Certificates(cs))
}

func (c *Call) certNumber() (int64, error) {
	n, err := strconv.ParseInt(c.Path("number"), 10, 64)
	if err != nil || n < 1 {
		return 0, corp.E("certificate", corp.Invalid, "number: %q is not a certificate number (a whole number, e.g. 4)", c.Path("number"))
	}
	return n, nil
}

func getCertificate(c *Call) (any, error) {
	n, err := c.certNumber()
	if err != nil {
		return nil, err
	}
	cert, err := views.FindCertificate(c.Ctx(), c.S.Acts, c.Corp, n)
	if err != nil {
		return nil, err
	}
	return views.Certificates([]acts.Certificate{*cert})[0], nil
}

func getInstruments(c *Call) (any, error) {
	d, err := c.On("as_of")
	if err != nil {
		return nil, err
	}
	ins, err := c.S.Acts.Instruments(c.Ctx(), c.Corp, d)
	if err != nil {
		return nil, err
	}
	return Paginate(c, views.InstrumentsOf(d, ins, c.Query("all") == "true").Instruments)
}

// StockListPage is a page of the stockholder list: the list's facts (the
// record date, the journal head it was computed from, the classes, the
// corrections since) and the holders of this page.
type StockListPage struct {
	Corporation string          `json:"corporation"`
	RecordDate  string          `json:"record_date"`
	Seq         uint64          `json:"seq"`
	Hash        string          `json:"hash"`
	Classes     json.RawMessage `json:"classes"`
	Votes       string          `json:"votes"`
	Corrections json.RawMessage `json:"corrections"`
	Page[json.RawMessage]
}

// stockListPage pages a list through its documented JSON encoding (the
// CLI's stocklist --format json), so both say the same.
func stockListPage(c *Call, l *acts.StockholderList) (any, error) {
	b, err := json.Marshal(l)
	if err != nil {
		return nil, err
	}
	var whole struct {
		Corporation string            `json:"corporation"`
		RecordDate  string            `json:"record_date"`
		Seq         uint64            `json:"seq"`
		Hash        string            `json:"hash"`
		Classes     json.RawMessage   `json:"classes"`
		Votes       string            `json:"votes"`
		Holders     []json.RawMessage `json:"holders"`
		Corrections json.RawMessage   `json:"corrections"`
	}
	if err := json.Unmarshal(b, &whole); err != nil {
		return nil, err
	}
	p, err := Paginate(c, whole.Holders)
	if err != nil {
		return nil, err
	}
	return StockListPage{Corporation: whole.Corporation, RecordDate: whole.RecordDate, Seq: whole.Seq, Hash: whole.Hash, Classes: whole.Classes,
		Votes: whole.Votes, Corrections: whole.Corrections, Page: p}, nil
}

func (c *Call) recordDate() (corp.Date, error) {
	if c.Query("record_date") == "" {
		return corp.Date{}, corp.E("query", corp.Invalid, "record_date: required (YYYY-MM-DD)")
	}
	return c.Date("record_date", corp.Date{})
}

// stocklist is the list on ?record_date.
func (c *Call) stocklist() (*acts.StockholderList, error) {
	d, err := c.recordDate()
	if err != nil {
		return nil, err
	}
	return c.S.Acts.StockholderList(c.Ctx(), c.Corp, d)
}

func getStocklist(c *Call) (any, error) {
	l, err := c.stocklist()
	if err != nil {
		return nil, err
	}
	return stockListPage(c, l)
}

// meetingList returns the stockholder list of a meeting, as of its record
// date. A stockholder (who holds no role that reads the books) sees it
// only in the window Art. II §4 opens, after their own list.request with
// its purpose: each view is recorded as a list.access act of theirs,
// through the act path, with the authorization decision; a refusal is 403
// with the rules that refused it.
func (c *Call) meetingList() (*acts.StockholderList, error) {
	ctx := c.Ctx()
	rec, err := c.S.Acts.StockholderMeetingRecord(ctx, c.Corp, c.Path("meeting"))
	if err != nil {
		return nil, err
	}
	if rec.Meeting.RecordDate == "" {
		return nil, corp.E("list", corp.Refused, "meeting %s has no record date yet, so no list (Art. VI §5; DGCL §213(a))", rec.Meeting.ID)
	}
	rd, err := corp.ParseDate(rec.Meeting.RecordDate)
	if err != nil {
		return nil, err
	}
	mfa, err := c.S.Accounts.MFARequired(ctx, c.Corp)
	if err != nil {
		return nil, err
	}
	if !access.ReadBooks.Decide(c.Principal, access.Target{Corp: c.Corp, MFARequired: mfa}).Allowed {
		// Only as a stockholder: the view is their own list.access act.
		if err := c.recordListAccess(rec.Meeting.ID); err != nil {
			return nil, err
		}
	}
	return c.S.Acts.StockholderList(ctx, c.Corp, rd)
}

// errListRefused carries the refusal of a stockholder's list.access act.
type errListRefused struct{ results []acts.Result }

func (e *errListRefused) Error() string {
	return "the stockholder list is not open to you now (Art. II §4)"
}

func (c *Call) recordListAccess(meeting string) error {
	today, err := c.Today()
	if err != nil {
		return err
	}
	person := c.Principal.Person(c.Corp)
	act := map[string]any{"kind": "list.access", "effective": today.String(), "actor": map[string]any{"person": person, "as": string(corp.AsHolder)},
		"fields": map[string]any{"meeting": meeting, "holder": person}}
	b, err := json.Marshal(act)
	if err != nil {
		return err
	}
	list, err := acts.DecodeFile("list.access", b)
	if err != nil {
		return err
	}
	rs, err := c.S.Record(c.Ctx(), c.Principal, c.Corp, list, acts.Options{})
	if err != nil {
		return err
	}
	for _, r := range rs {
		if r.Status != acts.Recorded {
			return &errListRefused{results: rs}
		}
	}
	return nil
}

func getMeetingList(c *Call) (any, error) {
	l, err := c.meetingList()
	if err != nil {
		return nil, err
	}
	return stockListPage(c, l)
}

func getListLog(c *Call) (any, error) {
	r, err := c.S.Acts.StockholderMeetingRecord(c.Ctx(), c.Corp, c.Path("meeting"))
	if err != nil {
		return nil, err
	}
	return Paginate(c, r.Inspections)
}

func getActing(c *Call) (any, error) {
	d, err := c.On("on")
	if err != nil {
		return nil, err
	}
	var absent []string
	for _, a := range strings.Split(c.Query("absent"), ",") {
		if a = strings.TrimSpace(a); a != "" {
			absent = append(absent, a)
		}
	}
	office := c.Path("office")
	who, rule, err := c.S.Acts.Acting(c.Ctx(), c.Corp, office, d, absent)
	if err != nil {
		return nil, err
	}
	return views.Acting{Office: office, On: d.String(), Acting: who, Rule: rule}, nil
}

func getCourt(c *Call) (any, error) {
	d, err := c.On("on")
	if err != nil {
		return nil, err
	}
	ce, err := c.S.Acts.CourtElection(c.Ctx(), c.Corp, d)
	if err != nil {
		return nil, err
	}
	return views.CourtOf(d, ce), nil
}

func (c *Call) noticeFacts() (*acts.NoticeFacts, error) {
	d, err := c.On("on")
	if err != nil {
		return nil, err
	}
	return c.S.Acts.MeetingNoticeFacts(c.Ctx(), c.Corp, c.Path("meeting"), d)
}

func getNoticeFacts(c *Call) (any, error) { return c.noticeFacts() }

func getReceipt(c *Call) (any, error) {
	r, err := vote.ParseReceipt(c.Path("receipt"))
	if err != nil {
		return nil, corp.E("receipt", corp.Invalid, "receipt: %v", err)
	}
	return c.S.Acts.VerifyReceipt(c.Ctx(), c.Corp, c.Path("meeting"), r)
}

// BylawsView is the bylaws in force on a date.
type BylawsView struct {
	On     string `json:"on"`
	Source string `json:"source"`
	// Bylaws is the rulebook: every rule with its citation and parameters
	// (docs/bylaws.md, docs/bylaws.schema.json).
	Bylaws any `json:"bylaws"`
}

func (c *Call) rulebook() (*bylaws.Rulebook, string, corp.Date, error) {
	d, err := c.On("on")
	if err != nil {
		return nil, "", d, err
	}
	v, err := c.S.Acts.BylawsOn(c.Ctx(), c.Corp, d)
	if err != nil {
		return nil, "", d, err
	}
	return v.Version.Rulebook, fmt.Sprintf("%s, version %d of %d (effective %s, %s)", c.Corp, v.Version.Number, v.Versions, v.Version.Effective, v.Label), d, nil
}

func getBylaws(c *Call) (any, error) {
	rb, src, d, err := c.rulebook()
	if err != nil {
		return nil, err
	}
	return BylawsView{On: d.String(), Source: src, Bylaws: rb}, nil
}

func getBylawsRule(c *Call) (any, error) {
	rb, _, _, err := c.rulebook()
	if err != nil {
		return nil, err
	}
	ex, err := rb.Explain(c.Path("rule"))
	if err != nil {
		return nil, corp.E("bylaws", corp.NotFound, "%v", err)
	}
	return ex, nil
}

func (c *Call) bylawsCertificate() (*acts.BylawsCertificateFacts, error) {
	if c.Query("on") == "" {
		return nil, corp.E("query", corp.Invalid, "on: required, the date on which the bylaws were in force (YYYY-MM-DD)")
	}
	on, err := c.Date("on", corp.Date{})
	if err != nil {
		return nil, err
	}
	signed, err := c.On("signed")
	if err != nil {
		return nil, err
	}
	return c.S.Acts.BylawsCertificate(c.Ctx(), c.Corp, on, signed)
}

func getBylawsCertificate(c *Call) (any, error) {
	f, err := c.bylawsCertificate()
	if err != nil {
		return nil, err
	}
	return views.BylawsCertificateOf(c.Corp, f), nil
}

func (c *Call) calendar() ([]acts.Deadline, error) {
	from, err := c.Date("from", corp.Date{})
	if err != nil {
		return nil, err
	}
	to, err := c.Date("to", corp.Date{})
	if err != nil {
		return nil, err
	}
	ds, err := c.S.Acts.Calendar(c.Ctx(), c.Corp, from, to)
	if ds == nil {
		ds = []acts.Deadline{}
	}
	return ds, err
}

func getCalendar(c *Call) (any, error) {
	ds, err := c.calendar()
	if err != nil {
		return nil, err
	}
	return Paginate(c, ds)
}

func getMinutes(c *Call) (any, error) {
	m, err := c.S.Acts.Minutes(c.Ctx(), c.Corp, c.Path("meeting"))
	if err != nil {
		return nil, err
	}
	return views.MinutesOf(m), nil
}

// JournalPage is a page of journal entries; next is the sequence number
// of the next page's first entry ("" after the last entry).
type JournalPage struct {
	Items []views.Entry `json:"items"`
	Next  string        `json:"next,omitempty"`
}

// journalWindow reads ?cursor (the first sequence number) and ?limit.
func (c *Call) journalWindow() (from uint64, limit int, err error) {
	from, limit = 1, 100
	if s := c.Query("cursor"); s != "" {
		if from, err = strconv.ParseUint(s, 10, 64); err != nil || from < 1 {
			return 0, 0, corp.E("query", corp.Invalid, "cursor: %q is not a sequence number", s)
		}
	}
	if s := c.Query("limit"); s != "" {
		if limit, err = strconv.Atoi(s); err != nil || limit < 1 || limit > 1000 {
			return 0, 0, corp.E("query", corp.Invalid, "limit: %q is not a number from 1 to 1000", s)
		}
	}
	return from, limit, nil
}

func getJournal(c *Call) (any, error) {
	from, limit, err := c.journalWindow()
	if err != nil {
		return nil, err
	}
	es, hs, err := c.S.Acts.Entries(c.Ctx(), c.Corp, from, from+uint64(limit))
	if err != nil {
		return nil, err
	}
	p := JournalPage{}
	if len(es) > limit {
		p.Next = strconv.FormatUint(es[limit].Seq, 10)
		es, hs = es[:limit], hs[:limit]
	}
	p.Items = views.Entries(es, hs)
	return p, nil
}

func getVerify(c *Call) (any, error) {
	return c.S.Acts.Verify(c.Ctx(), c.Corp, acts.VerifyOptions{ChainOnly: c.Query("chain_only") == "true"})
}

// Threshold is the cumulative-voting threshold with its formula.
type Threshold struct {
	Shares    int64  `json:"shares"`
	Seats     int    `json:"seats"`
	Elect     int    `json:"elect"`
	Threshold int64  `json:"threshold"`
	Formula   string `json:"formula"`
}

func getThreshold(c *Call) (any, error) {
	num := func(name, def string) (int64, error) {
		s := c.Query(name)
		if s == "" {
			s = def
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, corp.E("query", corp.Invalid, "%s: %q is not a whole number", name, s)
		}
		return n, nil
	}
	shares, err := num("shares", "")
	if err != nil {
		return nil, err
	}
	seats, err := num("seats", "")
	if err != nil {
		return nil, err
	}
	elect, err := num("elect", "1")
	if err != nil {
		return nil, err
	}
	if seats > 1<<20 || elect > 1<<20 || seats < 0 || elect < 0 {
		return nil, corp.E("query", corp.Invalid, "seats, elect: out of range")
	}
	t, err := vote.Threshold(shares, int(seats), int(elect))
	if err != nil {
		return nil, corp.E("threshold", corp.Invalid, "%v", err)
	}
	return Threshold{shares, int(seats), int(elect), t, vote.ThresholdFormula(shares, int(seats), int(elect))}, nil
}
