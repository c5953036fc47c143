package httpapi

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"minutebook/internal/access"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// maxBody bounds a request body (an act file of a few thousand acts).
const maxBody = 16 << 20

// ActsResponse is the answer to POST .../acts: every act's result.
type ActsResponse struct {
	Results []acts.Result `json:"results"`
}

// postActs records acts: the request body is an act file in JSON (one
// act, a list, or {"acts": [...]}, docs/acts.md). ?dry_run=true checks
// without recording; ?atomic=true records all or none. Each act is
// authorized by access.MayRecord, and the decision is the act's first
// check, recorded with it in the journal. With an Idempotency-Key the
// acts are recorded atomically and the answer is kept with them.
func postActs(c *Call) (any, error) {
	body, err := io.ReadAll(io.LimitReader(c.R.Body, maxBody+1))
	if err != nil {
		return nil, corp.E("acts", corp.Invalid, "body: %v", err)
	}
	if len(body) > maxBody {
		return nil, corp.E("acts", corp.Invalid, "body: larger than %d bytes", maxBody)
	}
	dry, atomic := c.Query("dry_run") == "true", c.Query("atomic") == "true"
	key := c.R.Header.Get("Idempotency-Key")
	if len(key) > 255 {
		return nil, corp.E("acts", corp.Invalid, "Idempotency-Key: at most 255 characters")
	}
	reqHash := ""
	if key != "" && !dry {
		h := sha256.New()
		h.Write([]byte(c.R.Method + " " + c.R.URL.Path + "?" + c.R.URL.RawQuery + "\n"))
		h.Write(body)
		reqHash = hex.EncodeToString(h.Sum(nil))
		if a, err := c.S.Acts.Answered(c.Ctx(), c.Corp, c.Principal.Account, key); err != nil {
			return nil, err
		} else if a != nil {
			return replay(a, reqHash)
		}
	}
	list, err := acts.DecodeFile("body", body)
	if err != nil {
		return nil, err
	}
	for _, a := range list {
		if a.Corp != "" && a.Corp != c.Corp {
			return nil, corp.E("acts", corp.Invalid, "acts[%d].corporation: %q, but the request is to corporation %q", a.Index, a.Corp, c.Corp)
		}
	}
	opt := acts.Options{DryRun: dry, Atomic: atomic}
	if reqHash != "" {
		opt.Idempotency = &acts.Idempotency{Account: c.Principal.Account, Key: key, RequestHash: reqHash, Answer: func(rs []acts.Result) (int, []byte, error) {
			st, b := actsAnswer(rs)
			return st, b, nil
		}}
	}
	results, err := c.S.Record(c.Ctx(), c.Principal, c.Corp, list, opt)
	if errors.Is(err, acts.ErrAnswered) {
		a, err := c.S.Acts.Answered(c.Ctx(), c.Corp, c.Principal.Account, key)
		if err != nil || a == nil {
			return nil, err
		}
		return replay(a, reqHash)
	}
	if err != nil {
		return nil, err
	}
	status, b := actsAnswer(results)
	if reqHash != "" && status != http.StatusCreated {
		a, err := c.S.Acts.Remember(c.Ctx(), c.Corp, c.Principal.Account, key, acts.Answer{RequestHash: reqHash, Status: status, Body: b})
		if err != nil {
			return nil, err
		}
		return replay(a, reqHash)
	}
	return raw(status, b), nil
}

// actsAnswer makes the response to a request's acts: 201 with the results
// when recorded, 200 when a dry run passed, else a problem: 403 when the
// access policy refused an act, 409 when a concurrent act won (the act
// names a certificate no longer outstanding), 422 when a rule refused it.
func actsAnswer(rs []acts.Result) (int, []byte) {
	status := http.StatusCreated
	var failed []journal.Check
	title, detail := "", ""
	for _, r := range rs {
		switch r.Status {
		case acts.Checked:
			if status == http.StatusCreated {
				status = http.StatusOK
			}
		case acts.Refused:
			for _, ch := range r.Checks {
				if ch.Outcome != journal.Failed {
					continue
				}
				failed = append(failed, ch)
				st := http.StatusUnprocessableEntity
				switch {
				case ch.Rule == access.Rule:
					st = http.StatusForbidden
				case r.Conflict:
					st = http.StatusConflict
				}
				if detail == "" || st == http.StatusForbidden {
					status, detail = st, "refused: "+ch.Citation+" — "+ch.Message+" ["+ch.Rule+"]"
				}
			}
		}
	}
	if failed == nil {
		b, _ := json.Marshal(ActsResponse{Results: rs})
		return status, b
	}
	switch status {
	case http.StatusForbidden:
		title = "not allowed to record this act"
	case http.StatusConflict:
		title = "a concurrent act changed the books"
	default:
		title = "refused by the bylaws"
	}
	b, _ := json.Marshal(&Problem{Type: ProblemTypes[status], Title: title, Status: status, Detail: detail, Checks: failed, Results: rs})
	return status, b
}

// rawAnswer is a response already encoded (an idempotent replay, or the
// acts' answer).
type rawAnswer struct {
	status int
	body   []byte
	header http.Header
}

func raw(status int, b []byte) *rawAnswer {
	return &rawAnswer{status: status, body: b, header: http.Header{}}
}

func replay(a *acts.Answer, reqHash string) (any, error) {
	if a.RequestHash != reqHash {
		return &Response{Problem: &Problem{Status: http.StatusUnprocessableEntity, Type: "/problems/idempotency-key-reused", Title: "Idempotency-Key reused with another request",
			Detail: "this Idempotency-Key was first used with a different request; use a new key for a new request"}}, nil
	}
	r := raw(a.Status, a.Body)
	r.header.Set("Idempotency-Replayed", "true")
	return r, nil
}
