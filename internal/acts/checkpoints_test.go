package acts_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/sqlite"
)

// TestListCheckpoints is a property test: over random issuances,
// transfers, renames and corrections, the stockholder list read from
// list checkpoints (written every few acts, with tiny parts) equals the
// list read from the changes alone (no checkpoint is ever due), for every
// record date, and equals the holdings the test itself tracks; and the
// journal replay rebuilds the same checkpoints (verify passes).
func TestListCheckpoints(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(rt *rapid.T) {
		cad := acts.Cadence{Every: uint64(rapid.IntRange(1, 6).Draw(rt, "every")), Bases: rapid.IntRange(1, 3).Draw(rt, "bases"), Part: rapid.IntRange(1, 3).Draw(rt, "part"),
			BaseEntries: rapid.IntRange(1, 8).Draw(rt, "baseEntries"), BaseShare: rapid.IntRange(1, 4).Draw(rt, "baseShare")}
		open := func(c acts.Cadence) *acts.Service {
			st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "mb.db"))
			if err != nil {
				rt.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return &acts.Service{Store: st, Clock: func() time.Time { return fixed }, Checkpoints: c}
		}
		with, without := open(cad), open(acts.Cadence{Every: 1 << 40})
		both := func(src string) acts.Result {
			rs1 := apply(t, with, src, acts.Options{})
			rs2 := apply(t, without, src, acts.Options{})
			if rs1[len(rs1)-1].Status != rs2[len(rs2)-1].Status {
				rt.Fatalf("%s: %s with checkpoints, %s without", src, rs1[0].Status, rs2[0].Status)
			}
			return rs1[len(rs1)-1]
		}
		both(ledgerBase)
		holders := []string{"alice", "bob", "ray", "pat", "quinn"}
		names := map[string][]string{"alice": {"Alice Anders", "Alice Zweig"}, "bob": {"Bob Brandt", "Bob Aaron"}, "ray": {"Ray Patel"}, "pat": {"Pat Morgan", "Pat Young"}, "quinn": {"Quinn Ortega"}}
		held := map[string]int64{} // by holder, on the last date
		type dated struct {
			date  string
			units map[string]int64
		}
		var history []dated
		day := 0
		date := func() string { return time.Date(2006, 1, 1+day, 0, 0, 0, 0, time.UTC).Format("2006-01-02") }
		snapshot := func() {
			m := map[string]int64{}
			for h, u := range held {
				m[h] = u
			}
			if n := len(history); n > 0 && history[n-1].date == date() {
				history[n-1].units = m
			} else {
				history = append(history, dated{date(), m})
			}
		}
		for i := rapid.IntRange(1, 40).Draw(rt, "acts"); i > 0; i-- {
			day += rapid.IntRange(0, 3).Draw(rt, "gap")
			switch rapid.IntRange(0, 3).Draw(rt, "op") {
			case 0:
				h := rapid.SampledFrom(holders).Draw(rt, "holder")
				n := rapid.Int64Range(1, 1000).Draw(rt, "shares")
				if both("["+issue(date(), h, fmt.Sprint(n), "")+"]").Status == acts.Recorded {
					held[h] += n
				}
			case 1:
				cs, err := without.Certificates(context.Background(), "quintus", "")
				if err != nil {
					rt.Fatal(err)
				}
				var live []acts.Certificate
				for _, c := range cs {
					if c.Status == acts.CertOutstanding && c.Class == "common" {
						live = append(live, c)
					}
				}
				if len(live) == 0 {
					continue
				}
				c := rapid.SampledFrom(live).Draw(rt, "cert")
				n, _ := c.Shares.Int64()
				k := rapid.Int64Range(1, n).Draw(rt, "tshares")
				to := rapid.SampledFrom(holders).Draw(rt, "to")
				if to == c.Holder {
					continue
				}
				if r := both(transfer(date(), c.Holder, to, fmt.Sprint(c.Number), fmt.Sprint(k), "")); r.Status != acts.Recorded {
					rt.Fatalf("transfer: %s %v", r.Status, failed([]acts.Result{r}))
				}
				held[c.Holder] -= k
				held[to] += k
			case 2:
				h := rapid.SampledFrom(holders).Draw(rt, "renamed")
				nm := rapid.SampledFrom(names[h]).Draw(rt, "name")
				both(fmt.Sprintf(`[{kind: person.amend, effective: %s, actor: {as: secretary}, fields: {id: %s, name: %s, address: {city: "City %d"}}}]`, date(), h, nm, day))
			case 3:
				// A correction: an issue dated before the newest act.
				if day < 2 {
					continue
				}
				back := rapid.IntRange(1, day).Draw(rt, "back")
				h := rapid.SampledFrom(holders).Draw(rt, "corrected")
				d := time.Date(2006, 1, 1+day-back, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
				if both("["+strings.Replace(issue(d, h, "7", ""), "{kind: stock.issue,", "{kind: stock.issue, correction: true,", 1)+"]").Status == acts.Recorded {
					held[h] += 7
					for i := range history {
						if history[i].date >= d {
							history[i].units[h] += 7
						}
					}
				}
			}
			snapshot()
		}
		for _, hd := range history {
			a, b := listJSON(rt, with, hd.date), listJSON(rt, without, hd.date)
			if a != b {
				rt.Fatalf("list on %s (cadence %+v):\nwith checkpoints:    %s\nwithout checkpoints: %s", hd.date, cad, a, b)
			}
			var l struct {
				Holders []struct {
					Holder string
					Shares []struct{ Class, Shares string }
				}
			}
			if err := json.Unmarshal([]byte(a), &l); err != nil {
				rt.Fatal(err)
			}
			got := map[string]int64{}
			for _, h := range l.Holders {
				var n int64
				fmt.Sscan(h.Shares[0].Shares, &n)
				got[h.Holder] = n
			}
			for h, u := range hd.units {
				if got[h] != u {
					rt.Fatalf("list on %s: %s holds %d common, want %d: %s", hd.date, h, got[h], u, a)
				}
			}
			if len(got) != len(nonzero(hd.units)) {
				rt.Fatalf("list on %s: holders %v, want %v", hd.date, got, hd.units)
			}
		}
		rep, err := with.Verify(context.Background(), "quintus", acts.VerifyOptions{})
		if err != nil || !rep.OK {
			rt.Fatalf("verify: %+v %v", rep, err)
		}
		// The books recorded without checkpoints, rebuilt with the cadence,
		// hold what the act path writes with it: the replay in verify (with
		// that cadence) finds no difference, and the lists agree.
		rebuilt := &acts.Service{Store: without.Store, Clock: without.Clock, Checkpoints: cad}
		if _, err := rebuilt.RebuildListCheckpoints(context.Background(), "quintus"); err != nil {
			rt.Fatalf("rebuild: %v", err)
		}
		if rep, err := rebuilt.Verify(context.Background(), "quintus", acts.VerifyOptions{}); err != nil || !rep.OK {
			rt.Fatalf("verify after the rebuild (cadence %+v): %+v %v", cad, rep, err)
		}
		for _, hd := range history {
			if a, b := listJSON(rt, with, hd.date), listJSON(rt, rebuilt, hd.date); a != b {
				rt.Fatalf("list on %s (cadence %+v):\nrecorded with checkpoints: %s\nrebuilt:                   %s", hd.date, cad, a, b)
			}
		}
	})
}

func nonzero(m map[string]int64) map[string]int64 {
	out := map[string]int64{}
	for k, v := range m {
		if v != 0 {
			out[k] = v
		}
	}
	return out
}

func listJSON(rt *rapid.T, svc *acts.Service, date string) string {
	d, err := corp.ParseDate(date)
	if err != nil {
		rt.Fatal(err)
	}
	l, err := svc.StockholderList(context.Background(), "quintus", d)
	if err != nil {
		rt.Fatal(err)
	}
	b, err := json.Marshal(l)
	if err != nil {
		rt.Fatal(err)
	}
	return string(b)
}
