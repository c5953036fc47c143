package vote

import (
	"fmt"
	"strconv"

	"minutebook/internal/corp"
)

// DefaultProxyYears is how long a proxy may be voted when it states no
// period: "no proxy shall be voted on after three years from its date"
// (Art. II §10; DGCL §212(b)).
const DefaultProxyYears = 3

// Duration is the period a proxy states, in years and months; the zero
// Duration states none (then DefaultProxyYears apply).
type Duration struct {
	Years, Months int
}

// IsZero reports whether d states no period.
func (d Duration) IsZero() bool { return d.Years == 0 && d.Months == 0 }

func (d Duration) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Months == 0:
		return strconv.Itoa(d.Years) + "y"
	case d.Years == 0:
		return strconv.Itoa(d.Months) + "m"
	}
	return strconv.Itoa(d.Years) + "y" + strconv.Itoa(d.Months) + "m"
}

// maxDurationYears bounds a stated period (a proxy for a thousand years is
// a typing error, and dates end in 9999).
const maxDurationYears = 100

// ParseDuration parses a stated proxy period: years then months, each a
// decimal number with its unit, as "5y", "18m" or "2y6m"; "" states none.
// Months are at most 11 after years, and the total at most 100 years.
func ParseDuration(s string) (Duration, error) {
	var d Duration
	if s == "" {
		return d, nil
	}
	rest := s
	seen := byte(0)
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i == len(rest) || i > 4 || (i > 1 && rest[0] == '0') {
			return Duration{}, fmt.Errorf("%q is not a period written like 5y, 18m or 2y6m", s)
		}
		n, _ := strconv.Atoi(rest[:i])
		if n == 0 {
			return Duration{}, fmt.Errorf("%q: a period part of zero is written by leaving it out", s)
		}
		unit := rest[i]
		switch {
		case unit == 'y' && seen == 0:
			d.Years = n
		case unit == 'm' && seen != 'm':
			if seen == 'y' && n > 11 {
				return Duration{}, fmt.Errorf("%q: months after years are at most 11", s)
			}
			d.Months = n
		default:
			return Duration{}, fmt.Errorf("%q is not a period written like 5y, 18m or 2y6m", s)
		}
		seen = unit
		rest = rest[i+1:]
	}
	if d.IsZero() {
		return Duration{}, fmt.Errorf("%q states a period of zero", s)
	}
	if d.Years*12+d.Months > maxDurationYears*12 {
		return Duration{}, fmt.Errorf("%q is longer than %d years", s, maxDurationYears)
	}
	return d, nil
}

// Lapse returns the last day on which a proxy dated date may be voted
// (rules.md CONV.years, A-PROXY3Y through_anniversary): the anniversary of
// its date at the end of the stated period, or of three years when none is
// stated. An anniversary of 29 February in a common year falls where feb29
// says (feb28 by default; never Go's AddDate normalisation). A stated
// period shorter than three years binds as the proxy's own term.
func Lapse(date corp.Date, d Duration, feb29 corp.Feb29Policy) corp.Date {
	if d.IsZero() {
		d = Duration{Years: DefaultProxyYears}
	}
	t := date.AddYears(d.Years, feb29)
	if d.Months != 0 {
		t = t.AddMonths(d.Months)
	}
	return t
}

// Proxy is one authority from a holder of record to vote their shares
// (Art. II §10).
type Proxy struct {
	ID          string
	Holder      string    // the holder of record who granted it
	ProxyHolder string    // who may vote under it
	Date        corp.Date // its date
	Period      Duration  // the period it states (zero: none)
	Meeting     string    // the meeting it is for, "" for a general proxy
	Seq         uint64    // the journal entry that recorded it
	Revoked     bool      // revoked by written notice before the polls closed
}

// ProxyRules are the readings of A-PROXY3Y and A-PROXYREV.
type ProxyRules struct {
	Feb29 corp.Feb29Policy
	// BeforeAnniversary reads "after three years" so that the proxy may
	// not be voted on the anniversary itself (A-PROXY3Y before_anniversary).
	BeforeAnniversary bool
	// LatestReceived lets the latest-recorded proxy control instead of the
	// latest-dated one (A-PROXYREV latest_received).
	LatestReceived bool
}

// Sessions names a meeting as a proxy sees it: the meeting's id, then the
// meeting it was adjourned from, and so on back to the session originally
// called. An adjourned meeting is the same meeting continued (Art. II §8;
// DGCL §222(c)), so a proxy given for any of its sessions bears on it
// (Art. II §10; DGCL §212(b)). Sessions{""} is no meeting: only general
// proxies bear on it.
type Sessions []string

// Of reports whether a proxy given for meeting bears on these sessions.
func (s Sessions) Of(meeting string) bool {
	for _, id := range s {
		if id == meeting {
			return true
		}
	}
	return false
}

// applies reports whether p bears on voting at meeting on day: dated on or
// before it, and general or for one of the meeting's sessions.
func applies(p *Proxy, meeting Sessions, day corp.Date) bool {
	return !day.Before(p.Date) && (p.Meeting == "" || meeting.Of(p.Meeting))
}

// Lapsed reports whether p may no longer be voted on day (Art. II §10;
// DGCL §212(b); A-PROXY3Y).
func (r ProxyRules) Lapsed(p *Proxy, day corp.Date) bool {
	last := Lapse(p.Date, p.Period, r.Feb29)
	if r.BeforeAnniversary {
		return !day.Before(last)
	}
	return day.After(last)
}

// later reports whether p controls over q: the later date (A-PROXYREV
// latest_dated), then the later entry; or the later entry alone
// (latest_received).
func (r ProxyRules) later(p, q *Proxy) bool {
	if !r.LatestReceived && p.Date != q.Date {
		return q.Date.Before(p.Date)
	}
	return p.Seq > q.Seq
}

// Latest returns, among one holder's proxies that bear on meeting on day,
// the one that controls (the latest-dated; A-PROXYREV), valid or not; nil
// when none bears on it. The order of ps does not matter.
func (r ProxyRules) Latest(ps []*Proxy, meeting Sessions, day corp.Date) *Proxy {
	var best *Proxy
	for _, p := range ps {
		if applies(p, meeting, day) && (best == nil || r.later(p, best)) {
			best = p
		}
	}
	return best
}

// InForce returns the proxy under which a holder's shares may be voted at
// meeting on day: the latest-dated proxy that bears on it, when it is
// neither revoked nor lapsed; nil otherwise. A later proxy revokes an
// earlier one (II.10.proxy_revocation), so an earlier proxy does not
// revive when the later one lapses or is revoked.
func (r ProxyRules) InForce(ps []*Proxy, meeting Sessions, day corp.Date) *Proxy {
	p := r.Latest(ps, meeting, day)
	if p == nil || p.Revoked || r.Lapsed(p, day) {
		return nil
	}
	return p
}
