package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"minutebook/internal/access"
	"minutebook/internal/accounts"
	"minutebook/internal/acts"
)

// The load test's corporation, its secretaries and their password.
const (
	loadCorp     = "loadco"
	loadPassword = "load-test-password-2026"
	loadDay      = "2026-03-02" // the meeting's date, and every load act's
)

var loadSecretaries = []string{"sec1@loadco.example", "sec2@loadco.example"}

// loadConfig is what a load run does.
type loadConfig struct {
	mode     string // transfers, mixed or conflict
	clients  int
	duration time.Duration
	count    int // at most this many requests in all (0: clients × per)
	per      int // positions set up per client: bounds its transfers
	rate     int // mixed: requests per second in all
	reads    []string
	profile  string // write a CPU profile of the timed run here
}

func (a *app) loadtestCmd() *cobra.Command {
	cfg := loadConfig{}
	var reads string
	c := &cobra.Command{
		Use:   "loadtest transfers|mixed|conflict",
		Short: "drive the HTTP API over loopback with concurrent clients and report throughput and latency",
		Long: "loadtest records a load corporation (" + loadCorp + ": holders, positions, a meeting with its polls open)\n" +
			"and two secretaries' logins in a store that lacks it (use a fresh --db), starts the server of\n" +
			"'minutebook serve' on a loopback port in this process, and drives it over HTTP:\n" +
			"  transfers  --clients durable share transfers, each client as fast as answered (POST .../acts)\n" +
			"  mixed      --clients users at --rate requests/s in all: reads (--reads) and writes (transfers, ballots)\n" +
			"  conflict   two secretaries transfer the same certificate at the same moment, --count times\n" +
			"It is bounded by --duration and by the positions set up (--per per client). It prints\n" +
			"requests/s, p50/p99 latency, the process's CPU time and the machine's load average.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg.mode = args[0]
			if !slices.Contains([]string{"transfers", "mixed", "conflict"}, cfg.mode) {
				return fail(exitBadInput, "mode %q: use transfers, mixed or conflict", cfg.mode)
			}
			if reads != "" {
				cfg.reads = strings.Split(reads, ",")
			}
			return a.loadtest(cmd.Context(), cfg)
		},
	}
	c.Flags().IntVar(&cfg.clients, "clients", 16, "concurrent clients (mixed: users)")
	c.Flags().DurationVar(&cfg.duration, "duration", 10*time.Second, "stop after this long")
	c.Flags().IntVar(&cfg.count, "count", 0, "stop after this many requests (0: the positions set up; conflict: rounds, default 100)")
	c.Flags().IntVar(&cfg.per, "per", 2000, "positions set up per client: each transfer moves one whole position")
	c.Flags().IntVar(&cfg.rate, "rate", 500, "mixed: requests per second in all")
	c.Flags().StringVar(&cfg.profile, "cpuprofile", "", "write a CPU profile of the timed run to this file")
	c.Flags().StringVar(&reads, "reads", "", "mixed: comma-separated GET paths; {corp} and {holder} are filled in (default: /api/me, until the read routes exist)")
	return c
}

// loadServer is the server of 'serve' on a loopback port, in this process.
type loadServer struct {
	url    string
	client *http.Client
	srv    *http.Server
}

func (a *app) loadtest(ctx context.Context, cfg loadConfig) error {
	if err := a.open(ctx); err != nil {
		return err
	}
	clk, err := clock()
	if err != nil {
		return err
	}
	acc := &accounts.Service{Store: a.store, Clock: clk}
	rounds := cfg.count
	if rounds <= 0 {
		rounds = 100
	}
	if cfg.mode == "conflict" {
		cfg.per, cfg.clients = rounds, 1
	}
	began := time.Now()
	if err := setupLoad(ctx, a.svc, acc, cfg); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "set up %s in %s: %d clients × %d positions, a meeting with its polls open\n", loadCorp, time.Since(began).Round(time.Millisecond), cfg.clients, cfg.per)
	ls, err := startLoadServer(a.svc, acc, clk)
	if err != nil {
		return err
	}
	defer ls.srv.Close()
	var tokens []string
	for _, email := range loadSecretaries {
		tok, err := ls.login(ctx, email)
		if err != nil {
			return fail(exitInternal, "login %s: %v", email, err)
		}
		tokens = append(tokens, tok)
	}
	if cfg.profile != "" {
		f, err := os.Create(cfg.profile)
		if err != nil {
			return fail(exitBadInput, "--cpuprofile: %v", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail(exitInternal, "%v", err)
		}
		defer pprof.StopCPUProfile()
	}
	switch cfg.mode {
	case "transfers":
		return a.report(cfg, runTransfers(ctx, ls, tokens[0], cfg))
	case "mixed":
		return a.report(cfg, runMixed(ctx, ls, tokens[0], cfg))
	}
	won, lost, err := runConflicts(ctx, ls, tokens, rounds)
	if err != nil {
		return fail(exitInternal, "%v", err)
	}
	fmt.Fprintf(a.stdout, "conflict: %d rounds of two secretaries transferring the same position at once: %d won (201), %d conflicts (409)\n", rounds, won, lost)
	rep, err := a.svc.Verify(ctx, loadCorp, acts.VerifyOptions{})
	if err != nil {
		return fail(exitInternal, "%v", err)
	}
	fmt.Fprintf(a.stdout, "journal: %d entries, verified %v\n", rep.Entries, rep.OK)
	if won != rounds || lost != rounds || !rep.OK {
		return fail(exitRefused, "want %d won and %d conflicts, and a verified journal", rounds, rounds)
	}
	return nil
}

func startLoadServer(svc *acts.Service, acc *accounts.Service, clk acts.Clock) (*loadServer, error) {
	h, err := newHandler(svc, acc, clk, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if err != nil {
		return nil, fail(exitInternal, "%v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fail(exitInternal, "%v", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	tr := &http.Transport{MaxIdleConns: 1024, MaxIdleConnsPerHost: 1024, IdleConnTimeout: time.Minute}
	return &loadServer{url: "http://" + ln.Addr().String(), client: &http.Client{Transport: tr, Timeout: time.Minute}, srv: srv}, nil
}

func (ls *loadServer) login(ctx context.Context, email string) (string, error) {
	body, _ := json.Marshal(map[string]string{"email": email, "password": loadPassword})
	st, b, err := ls.do(ctx, "POST", "/api/login", "", body)
	if err != nil {
		return "", err
	}
	if st != http.StatusOK {
		return "", fmt.Errorf("status %d: %s", st, b)
	}
	var r struct{ Token string }
	if err := json.Unmarshal(b, &r); err != nil {
		return "", err
	}
	return r.Token, nil
}

// do sends one request and reads the whole answer.
func (ls *loadServer) do(ctx context.Context, method, path, token string, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, ls.url+path, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := ls.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// holderID names the i-th load holder.
func holderID(i int) string { return fmt.Sprintf("h%03d", i) }

// positionOf is the number of client c's j-th position: setupLoad issues
// them in this order in a fresh corporation, so the numbers are known.
func positionOf(per, c, j int) int { return c*per + j + 1 }

// transferBody moves client c's j-th position (100 shares) to another holder.
func transferBody(per, holders, c, j int) []byte {
	to := (c + 1 + j%(holders-1)) % holders
	if to == c {
		to = (to + 1) % holders
	}
	return []byte(fmt.Sprintf(`{"kind":"stock.transfer","effective":%q,"actor":{"person":"sec","as":"secretary"},`+
		`"fields":{"from":%q,"to":%q,"certificates":[%d],"shares":"100","evidence":"authority","certificated":false}}`,
		loadDay, holderID(c), holderID(to), positionOf(per, c, j)))
}

func ballotBody(holder int, choice string) []byte {
	return []byte(fmt.Sprintf(`{"kind":"ballot.cast","effective":%q,"actor":{"person":%q,"as":"holder"},`+
		`"fields":{"meeting":"lm","holder":%q,"ballots":[{"matter":"q","choice":%q}]}}`, loadDay, holderID(holder), holderID(holder), choice))
}

// loadHolders is how many holders the load corporation has.
func loadHolders(cfg loadConfig) int { return max(2*cfg.clients, 50) }

// setupLoad records the load corporation through the act path, in atomic
// batches: its officers, holders, cfg.per positions of 100 shares for each
// client's holder, and a meeting with its polls open on loadDay; and the
// two secretaries' logins.
func setupLoad(ctx context.Context, svc *acts.Service, acc *accounts.Service, cfg loadConfig) error {
	corps, err := svc.Store.Corporations(ctx)
	if err != nil {
		return fail(exitInternal, "%v", err)
	}
	if slices.Contains(corps, loadCorp) {
		return fail(exitBadInput, "the store already holds %s: use a fresh --db", loadCorp)
	}
	var b strings.Builder
	add := func(format string, args ...any) { fmt.Fprintf(&b, "- "+format+"\n", args...) }
	add(`{kind: corporation.create, effective: 2026-01-02, actor: {as: secretary}, fields: {id: %s, legal_name: "Loadco, Inc.", state: Delaware, time_zone: America/Los_Angeles, incorporation_date: 2020-01-02, registered_office: {city: Dover, region: DE}, principal_office: {city: Fremont, region: CA}, charter: {classes: [{id: common, name: Common Stock, authorized: "1000000000"}]}, bylaws: {default: true}}}`, loadCorp)
	add(`{kind: person.add, effective: 2026-01-02, actor: {as: secretary}, fields: {id: sec, name: Lena Loadwright, kind: natural_person}}`)
	add(`{kind: person.add, effective: 2026-01-02, actor: {as: secretary}, fields: {id: pres, name: Paul Presser, kind: natural_person}}`)
	add(`{kind: officer.elect, effective: 2026-01-02, actor: {as: board}, fields: {office: president, person: pres, resolution: r}}`)
	add(`{kind: officer.elect, effective: 2026-01-02, actor: {as: board}, fields: {office: secretary, person: sec, resolution: r}}`)
	holders := loadHolders(cfg)
	for i := range holders {
		add(`{kind: person.add, effective: 2026-01-02, actor: {as: secretary}, fields: {id: %s, name: "Holder %03d", kind: natural_person, address: {lines: ["%d Elm Street"], city: Fremont, region: CA, postal_code: "94539", country: US}}}`, holderID(i), i, i+1)
	}
	for c := range cfg.clients {
		for range cfg.per {
			add(`{kind: stock.issue, effective: 2026-01-02, actor: {as: secretary}, fields: {class: common, holder: %s, shares: "100", consideration: "100", resolution: r, certificated: false}}`, holderID(c))
		}
	}
	for i := cfg.clients; i < holders; i++ { // the other holders hold one position each
		add(`{kind: stock.issue, effective: 2026-01-02, actor: {as: secretary}, fields: {class: common, holder: %s, shares: "100", consideration: "100", resolution: r, certificated: false}}`, holderID(i))
	}
	add(`{kind: meeting.call, effective: 2026-01-05, actor: {as: board}, fields: {id: lm, type: annual, date: %s, time: "10:00", place: "Fremont, California", record_date: 2026-02-01, purposes: [{text: "Ratify the auditors"}]}}`, loadDay)
	add(`{kind: meeting.notice, effective: 2026-01-20, actor: {person: sec, as: secretary}, fields: {meeting: lm, method: mail}}`)
	add(`{kind: list.prepare, effective: 2026-01-20, actor: {person: sec, as: secretary}, fields: {meeting: lm}}`)
	var att []string
	for i := range holders {
		att = append(att, "{holder: "+holderID(i)+"}")
	}
	add(`{kind: meeting.held, effective: %s, actor: {person: sec, as: secretary}, fields: {meeting: lm, officers: [pres, sec], list_produced: true, attendance: [%s]}}`, loadDay, strings.Join(att, ", "))
	add(`{kind: meeting.motion, effective: %s, actor: {person: sec, as: secretary}, fields: {meeting: lm, id: q, text: "Ratify the auditors", purpose: 1}}`, loadDay)
	add(`{kind: person.add, effective: %s, actor: {as: secretary}, fields: {id: insp, name: Ines Inspector, kind: natural_person}}`, loadDay)
	add(`{kind: polls.open, effective: %s, actor: {person: insp, as: inspector}, fields: {meeting: lm, matters: [{id: q, kind: question, text: "Ratify the auditors"}]}}`, loadDay)
	list, err := acts.DecodeFile("loadtest.yaml", []byte(b.String()))
	if err != nil {
		return fail(exitInternal, "the load set-up is invalid: %v", err)
	}
	for from := 0; from < len(list); from += 5000 {
		to := min(from+5000, len(list))
		rs, err := svc.Apply(ctx, loadCorp, list[from:to], acts.Options{Atomic: true})
		if err != nil {
			return fail(exitInternal, "%v", err)
		}
		for _, r := range rs {
			if r.Status == acts.Refused {
				return fail(exitInternal, "the load set-up act %d %s was refused: %+v", r.Index, r.Kind, r.Checks)
			}
		}
	}
	for i, email := range loadSecretaries {
		id, err := acc.Create(ctx, email, fmt.Sprintf("Load Secretary %d", i+1), loadPassword, false)
		if err != nil {
			return fail(exitInternal, "%v", err)
		}
		if err := acc.Grant(ctx, id, loadCorp, access.Secretary, "sec"); err != nil {
			return fail(exitInternal, "%v", err)
		}
	}
	return nil
}

// loadResult is what a timed run measured.
type loadResult struct {
	elapsed   time.Duration
	latencies map[string][]time.Duration // by kind of request
	status    map[string]map[int]int     // by kind of request, by status
	errors    int
	cpu       time.Duration
}

func newLoadResult() *loadResult {
	return &loadResult{latencies: map[string][]time.Duration{}, status: map[string]map[int]int{}}
}

func (r *loadResult) add(kind string, st int, d time.Duration) {
	r.latencies[kind] = append(r.latencies[kind], d)
	if r.status[kind] == nil {
		r.status[kind] = map[int]int{}
	}
	r.status[kind][st]++
}

func (r *loadResult) merge(o *loadResult) {
	for k, ls := range o.latencies {
		r.latencies[k] = append(r.latencies[k], ls...)
	}
	for k, m := range o.status {
		for st, n := range m {
			if r.status[k] == nil {
				r.status[k] = map[int]int{}
			}
			r.status[k][st] += n
		}
	}
	r.errors += o.errors
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// runTransfers runs cfg.clients clients, each recording its positions'
// transfers one after another, as fast as they are answered.
func runTransfers(ctx context.Context, ls *loadServer, token string, cfg loadConfig) *loadResult {
	total := newLoadResult()
	var mu sync.Mutex
	var sent atomic.Int64
	limit := int64(cfg.count)
	if limit == 0 {
		limit = int64(cfg.clients * cfg.per)
	}
	deadline := time.Now().Add(cfg.duration)
	cpu0, began := cpuTime(), time.Now()
	var wg sync.WaitGroup
	for c := range cfg.clients {
		wg.Go(func() {
			r := newLoadResult()
			for j := 0; j < cfg.per && time.Now().Before(deadline) && sent.Add(1) <= limit; j++ {
				t0 := time.Now()
				st, _, err := ls.do(ctx, "POST", "/api/corporations/"+loadCorp+"/acts", token, transferBody(cfg.per, loadHolders(cfg), c, j))
				if err != nil {
					r.errors++
					continue
				}
				r.add("transfer", st, time.Since(t0))
			}
			mu.Lock()
			total.merge(r)
			mu.Unlock()
		})
	}
	wg.Wait()
	total.elapsed, total.cpu = time.Since(began), cpuTime()-cpu0
	return total
}

// runMixed runs cfg.clients users who together send cfg.rate requests a
// second on a fixed schedule (open loop: a late answer does not slow the
// schedule): 70% reads, 20% transfers, 10% ballots.
func runMixed(ctx context.Context, ls *loadServer, token string, cfg loadConfig) *loadResult {
	reads := cfg.reads
	if len(reads) == 0 {
		reads = []string{"/api/me"}
	}
	total := newLoadResult()
	var mu sync.Mutex
	interval := time.Duration(int64(time.Second) * int64(cfg.clients) / int64(max(cfg.rate, 1)))
	deadline := time.Now().Add(cfg.duration)
	var sent atomic.Int64
	limit := int64(cfg.count)
	if limit == 0 {
		limit = int64(cfg.rate) * int64(cfg.duration/time.Second)
	}
	cpu0, began := cpuTime(), time.Now()
	var wg sync.WaitGroup
	for u := range cfg.clients {
		wg.Go(func() {
			r := newLoadResult()
			rng := rand.New(rand.NewPCG(uint64(u), 42))
			next := time.Now().Add(time.Duration(rng.Int64N(int64(interval))))
			var inflight sync.WaitGroup
			var rmu sync.Mutex
			for j := 0; time.Now().Before(deadline) && sent.Add(1) <= limit; j++ {
				time.Sleep(time.Until(next))
				next = next.Add(interval)
				kind, method, path, body := "read", "GET", "", []byte(nil)
				switch x := rng.IntN(10); {
				case x < 7:
					path = strings.NewReplacer("{corp}", loadCorp, "{holder}", holderID(rng.IntN(loadHolders(cfg)))).Replace(reads[rng.IntN(len(reads))])
				case x < 9 && j < cfg.per:
					kind, method, path, body = "transfer", "POST", "/api/corporations/"+loadCorp+"/acts", transferBody(cfg.per, loadHolders(cfg), u, j)
				default:
					kind, method, path, body = "ballot", "POST", "/api/corporations/"+loadCorp+"/acts", ballotBody(rng.IntN(loadHolders(cfg)), []string{"for", "against", "abstain"}[rng.IntN(3)])
				}
				inflight.Go(func() {
					t0 := time.Now()
					st, _, err := ls.do(ctx, method, path, token, body)
					rmu.Lock()
					defer rmu.Unlock()
					if err != nil {
						r.errors++
						return
					}
					r.add(kind, st, time.Since(t0))
				})
			}
			inflight.Wait()
			mu.Lock()
			total.merge(r)
			mu.Unlock()
		})
	}
	wg.Wait()
	total.elapsed, total.cpu = time.Since(began), cpuTime()-cpu0
	return total
}

// runConflicts has two secretaries, each with their own session, transfer
// the same position (client 0's j-th, set up with per = rounds) to
// different holders at the same moment, rounds times. It returns how many requests won (201) and how many were told of
// the conflict (409); anything else is an error.
func runConflicts(ctx context.Context, ls *loadServer, tokens []string, rounds int) (won, lost int, err error) {
	for j := range rounds {
		var wg sync.WaitGroup
		start := make(chan struct{})
		sts := make([]int, 2)
		errs := make([]error, 2)
		bodies := make([][]byte, 2)
		for s := range 2 {
			to := holderID(1 + s)
			bodies[s] = []byte(fmt.Sprintf(`{"kind":"stock.transfer","effective":%q,"actor":{"person":"sec","as":"secretary"},`+
				`"fields":{"from":%q,"to":%q,"certificates":[%d],"shares":"100","evidence":"authority","certificated":false}}`,
				loadDay, holderID(0), to, positionOf(rounds, 0, j)))
			wg.Go(func() {
				<-start
				sts[s], _, errs[s] = ls.do(ctx, "POST", "/api/corporations/"+loadCorp+"/acts", tokens[s], bodies[s])
			})
		}
		close(start)
		wg.Wait()
		for s := range 2 {
			switch {
			case errs[s] != nil:
				return won, lost, errs[s]
			case sts[s] == http.StatusCreated:
				won++
			case sts[s] == http.StatusConflict:
				lost++
			default:
				return won, lost, fmt.Errorf("round %d: secretary %d: status %d", j, s+1, sts[s])
			}
		}
	}
	return won, lost, nil
}

func percentile(ls []time.Duration, p float64) time.Duration {
	if len(ls) == 0 {
		return 0
	}
	s := slices.Clone(ls)
	slices.Sort(s)
	i := int(float64(len(s))*p+0.999999) - 1
	return s[max(0, min(i, len(s)-1))]
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// report prints a run's figures.
func (a *app) report(cfg loadConfig, r *loadResult) error {
	w := a.stdout
	all := []time.Duration{}
	n := 0
	fmt.Fprintf(w, "%s: %d clients, %s elapsed, process CPU %s, load average %s, %d transport errors\n",
		cfg.mode, cfg.clients, r.elapsed.Round(time.Millisecond), r.cpu.Round(time.Millisecond), loadAverage(), r.errors)
	kinds := make([]string, 0, len(r.latencies))
	for k := range r.latencies {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		ls := r.latencies[k]
		all = append(all, ls...)
		n += len(ls)
		var sts []string
		for st, c := range r.status[k] {
			sts = append(sts, fmt.Sprintf("%d×%d", c, st))
		}
		slices.Sort(sts)
		fmt.Fprintf(w, "  %-8s %7d requests  %8.1f/s  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  status %s\n", k, len(ls),
			float64(len(ls))/r.elapsed.Seconds(), ms(percentile(ls, 0.5)), ms(percentile(ls, 0.99)), ms(percentile(ls, 1)), strings.Join(sts, " "))
	}
	fmt.Fprintf(w, "  %-8s %7d requests  %8.1f/s  p50 %6.2f ms  p99 %6.2f ms  CPU %.2f ms/request\n", "all", n,
		float64(n)/r.elapsed.Seconds(), ms(percentile(all, 0.5)), ms(percentile(all, 0.99)), ms(r.cpu)/float64(max(n, 1)))
	if r.errors > 0 {
		return fail(exitInternal, "%d requests failed", r.errors)
	}
	for k, m := range r.status {
		for st := range m {
			if st >= 300 && !(k == "read" && st == http.StatusNotFound) {
				return fail(exitInternal, "%s requests answered %d", k, st)
			}
		}
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
