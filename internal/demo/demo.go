package demo

import (
	"context"
	_ "embed"
	"fmt"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/journal"
)

//go:embed quintus.yaml
var base []byte

// Corp is the demo corporation's id.
const Corp = "quintus"

// TimeZone is the demo corporation's zone, in which its today is a date.
const TimeZone = "America/Los_Angeles"

// Base decodes the demo corporation as `minutebook demo` records it: the
// corporation, its charter facts and bylaws, its people and the stock
// ledger of fixture F (quintus.yaml), without the later history.
func Base() ([]*acts.Act, error) {
	return acts.DecodeFile("demo/quintus.yaml", base)
}

// Role is a demo person's part in the corporation, for demo logins.
type Role string

// The roles of the demo people.
const (
	Secretary   Role = "secretary"
	Director    Role = "director"
	Officer     Role = "officer"
	Stockholder Role = "stockholder"
	Inspector   Role = "inspector"
	Auditor     Role = "auditor"
)

// Person is one of the demo people who get a login.
type Person struct {
	ID    string // the person's id on the books
	Name  string
	Email string
	Roles []Role
}

// People are the demo people who get a login (`minutebook serve --demo`):
// the secretary, a director (the chairman), two stockholders, the
// inspector of election and an outside auditor. Each id is recorded by
// Build; the auditor is not on the books (ID "": a read-only login).
var People = []Person{
	{ID: "susan", Name: "Susan Salvesen", Email: "susan.salvesen@quintus.example", Roles: []Role{Secretary}},
	{ID: "pat", Name: "Pat Morgan", Email: "pat@quintus.example", Roles: []Role{Director}},
	{ID: "alice", Name: "Alice Anders", Email: "alice@example.com", Roles: []Role{Stockholder}},
	{ID: "bob", Name: "Bob Brandt", Email: "bob@example.com", Roles: []Role{Stockholder}},
	{ID: "ingrid", Name: "Ingrid Inspector", Email: "ingrid@inspectors.example", Roles: []Role{Inspector}},
	{ID: "", Name: "Avery Auditor", Email: "auditor@quintus.example", Roles: []Role{Auditor}},
}

// Build returns the demo corporation's acts: the base, then its history up
// to today, in the order they are recorded. It is deterministic: the same
// day gives the same acts. today must be after 2002-06-30.
func Build(today corp.Date) ([]*acts.Act, error) {
	list, err := Base()
	if err != nil {
		return nil, err
	}
	h, err := history(today)
	if err != nil {
		return nil, err
	}
	for i, a := range h {
		a.Index = len(list) + i
	}
	return append(list, h...), nil
}

// batch is how many acts Record applies in one atomic transaction.
const batch = 500

// Record builds the demo and records it through svc on a store that does
// not yet hold it, in atomic batches; it fails on the first act not
// recorded, naming it and the rules it failed.
func Record(ctx context.Context, svc *acts.Service, today corp.Date) error {
	list, err := Build(today)
	if err != nil {
		return err
	}
	for from := 0; from < len(list); from += batch {
		to := min(from+batch, len(list))
		rs, err := svc.Apply(ctx, Corp, list[from:to], acts.Options{Atomic: true})
		if err != nil {
			return err
		}
		bad := -1
		for i, r := range rs {
			if r.Status != acts.Recorded && (bad < 0 || r.Status == acts.Refused && rs[bad].Status != acts.Refused) {
				bad = i
			}
		}
		if bad >= 0 {
			return refusal(list[from+bad], rs[bad])
		}
	}
	return nil
}

// refusal explains an act of the demo that was not recorded (a bug in the
// demo: every act must be recorded).
func refusal(a *acts.Act, r acts.Result) error {
	msg := ""
	for _, c := range r.Checks {
		if c.Outcome == journal.Failed {
			msg += "; " + c.Rule + ": " + c.Message
		}
	}
	return corp.E("demo", corp.Other, "act %d (%s, %s) was %s%s", a.Index, a.Kind.Name, a.Effective, r.Status, msg)
}

// errf is an internal error of the demo builder.
func errf(format string, args ...any) error {
	return corp.E("demo", corp.Other, "%s", fmt.Sprintf(format, args...))
}
