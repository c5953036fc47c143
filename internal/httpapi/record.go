package httpapi

import (
	"context"

	"minutebook/internal/access"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

// Record checks and records acts for corporation corpID as principal p: the
// one act path of the API (POST .../acts) and of the web application's
// forms. Each act is authorized by access.MayRecord under the corporation's
// second-factor setting, and the decision is the act's first check (rule
// MB.access.record), recorded with it in the journal. opt.Authorize is set
// here; the other options pass through.
func (s *Server) Record(ctx context.Context, p *access.Principal, corpID string, list []*acts.Act, opt acts.Options) ([]acts.Result, error) {
	mfa, err := s.Accounts.MFARequired(ctx, corpID)
	if err != nil {
		return nil, err
	}
	opt.Authorize = func(a *acts.Act) journal.Check {
		d := access.MayRecord(p, access.Target{Corp: corpID, MFARequired: mfa}, a.Kind.Name, a.Actor)
		ch := journal.Check{Rule: access.Rule, Citation: access.Citation, Outcome: journal.Held, Message: d.Reason,
			Numbers: []journal.Number{{Name: "account", Value: p.Account}, {Name: "role", Value: string(d.Role)}}}
		if !d.Allowed {
			ch.Outcome = journal.Failed
		}
		return ch
	}
	if len(list) == 1 && !opt.DryRun {
		// One act shares its durable commit with the acts other requests
		// record at the same moment (a group commit, acts.Service.Submit).
		r, err := s.Acts.Submit(ctx, corpID, list[0], opt)
		if err != nil {
			return nil, err
		}
		return []acts.Result{r}, nil
	}
	return s.Acts.Apply(ctx, corpID, list, opt)
}

// Today is the civil date now in the corporation's time zone, for the web
// application's defaults.
func (s *Server) Today(ctx context.Context, corpID string) (corp.Date, error) {
	return s.today(ctx, corpID)
}

// StatusOf is the HTTP status of an error: the API's one error-kind map,
// shared with the web application's error pages.
func StatusOf(err error) int { return statusOf(err) }
