package acts

import (
	"strings"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// The recount (votes_tally.go) reads every proxy.grant, proxy.revoke and
// ballot.cast entry of the journal. The generic path (actOf: the field
// map turned into YAML nodes, then strict.Decode by reflection) costs
// about 50 µs an entry; voteActOf decodes the field maps of those three
// kinds directly. It takes only the plain form the act path writes
// (toValue): known keys, text where text is expected, lists of maps
// where lists are expected. Whatever else it meets (an unknown key, an
// integer where text is expected, a null required field, an adoption, a
// choice outside the enumeration, a decimal or date that does not parse)
// it hands to actOf, so that the strict decoder decides, with its error
// messages, exactly as before. FuzzVoteActOf and TestVoteActOfMatchesStrict
// check that whenever the direct decoder answers, the strict decoder
// answers the same.

// voteActOf returns the act of a journal entry, decoding the fields of
// proxy.grant, proxy.revoke and ballot.cast directly when it can.
func voteActOf(en *journal.Entry) (*Act, error) {
	var k *Kind
	var fields any
	var ok bool
	switch en.Kind {
	case GrantProxy.Name:
		k = GrantProxy
		fields, ok = directProxy(en.Fields)
	case RevokeProxy.Name:
		k = RevokeProxy
		fields, ok = directRevoke(en.Fields)
	case CastBallot.Name:
		k = CastBallot
		fields, ok = directBallot(en.Fields)
	}
	if !ok {
		return actOf(en)
	}
	eff, err := corp.ParseDate(en.Effective)
	if err != nil {
		return actOf(en) // the same error, from the same place
	}
	return &Act{Kind: k, Corp: en.Corp, Effective: eff, Time: en.EffectiveTime,
		Actor:      corp.Actor{Person: en.Actor.Person, Capacity: corp.Capacity(en.Actor.Capacity)},
		Correction: en.Correction, Fields: fields}, nil
}

// directText returns a text value as strict decodes it into a string
// field: a string, or "" for null. A required field must be a string
// that is not blank.
func directText(v journal.Value, required bool) (string, bool) {
	switch {
	case v.Kind == journal.String && (!required || strings.TrimSpace(v.S) != ""):
		return v.S, true
	case v.Kind == journal.Null && !required:
		return "", true
	}
	return "", false
}

// directFields calls fn with each key and value of map v and reports
// whether fn took every one and every required key was present.
func directFields(v journal.Value, required []string, fn func(k string, v journal.Value) bool) bool {
	if v.Kind != journal.Map {
		return false
	}
	for i, k := range v.Keys {
		if !fn(k, v.Vals[i]) {
			return false
		}
	}
	for _, r := range required {
		if _, ok := v.Get(r); !ok {
			return false
		}
	}
	return true
}

var (
	proxyRequired    = []string{"holder", "id", "proxy_holder"}
	ballotRequired   = []string{"ballots", "holder", "meeting"}
	voteRequired     = []string{"matter"}
	cumulateRequired = []string{"candidate", "votes"}
)

func directProxy(v journal.Value) (*ProxyFields, bool) {
	f := &ProxyFields{}
	ok := directFields(v, proxyRequired, func(k string, v journal.Value) (ok bool) {
		switch k {
		case "id":
			f.ID, ok = directText(v, true)
		case "holder":
			f.Holder, ok = directText(v, true)
		case "proxy_holder":
			f.ProxyHolder, ok = directText(v, true)
		case "period":
			f.Period, ok = directText(v, false)
		case "meeting":
			f.Meeting, ok = directText(v, false)
		case "date":
			switch v.Kind {
			case journal.Null:
				f.Date, ok = nil, true
			case journal.String:
				var d corp.Date
				ok = d.UnmarshalText([]byte(v.S)) == nil
				f.Date = &d
			}
		}
		return ok
	})
	return f, ok
}

func directRevoke(v journal.Value) (*RevokeProxyFields, bool) {
	f := &RevokeProxyFields{}
	ok := directFields(v, []string{"holder", "id"}, func(k string, v journal.Value) (ok bool) {
		switch k {
		case "holder":
			f.Holder, ok = directText(v, true)
		case "id":
			f.ID, ok = directText(v, true)
		}
		return ok
	})
	return f, ok
}

func directBallot(v journal.Value) (*BallotFields, bool) {
	f := &BallotFields{}
	ok := directFields(v, ballotRequired, func(k string, v journal.Value) (ok bool) {
		switch k {
		case "meeting":
			f.Meeting, ok = directText(v, true)
		case "holder":
			f.Holder, ok = directText(v, true)
		case "proxy":
			f.Proxy, ok = directText(v, false)
		case "votes":
			switch v.Kind {
			case journal.Null:
				f.Votes, ok = nil, true
			case journal.String:
				var d corp.Decimal
				ok = d.UnmarshalText([]byte(v.S)) == nil
				f.Votes = &d
			}
		case "ballots":
			if v.Kind != journal.List {
				return false
			}
			f.Ballots = make([]BallotVoteField, len(v.Items))
			for i, it := range v.Items {
				if !directVote(it, &f.Ballots[i]) {
					return false
				}
			}
			ok = true
		}
		return ok
	})
	return f, ok
}

func directVote(v journal.Value, b *BallotVoteField) bool {
	return directFields(v, voteRequired, func(k string, v journal.Value) (ok bool) {
		switch k {
		case "matter":
			b.Matter, ok = directText(v, true)
		case "choice":
			b.Choice, ok = directText(v, false)
			ok = ok && (b.Choice == "for" || b.Choice == "against" || b.Choice == "abstain") // enum, checked on null too
		case "candidates":
			switch v.Kind {
			case journal.Null:
				return true
			case journal.List:
				b.Candidates = make([]string, len(v.Items))
				for i, it := range v.Items {
					if b.Candidates[i], ok = directText(it, false); !ok {
						return false
					}
				}
				return true
			}
		case "cumulate":
			switch v.Kind {
			case journal.Null:
				return true
			case journal.List:
				b.Cumulate = make([]CumulateField, len(v.Items))
				for i, it := range v.Items {
					if !directCumulate(it, &b.Cumulate[i]) {
						return false
					}
				}
				return true
			}
		}
		return ok
	})
}

func directCumulate(v journal.Value, c *CumulateField) bool {
	return directFields(v, cumulateRequired, func(k string, v journal.Value) (ok bool) {
		switch k {
		case "candidate":
			c.Candidate, ok = directText(v, true)
		case "votes":
			// required, not a string: a blank text fails in UnmarshalText
			ok = v.Kind == journal.String && c.Votes.UnmarshalText([]byte(v.S)) == nil
		}
		return ok
	})
}
