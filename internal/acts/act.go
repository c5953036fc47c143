package acts

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/strict"
)

// Act is one decoded corporate act: a kind, an effective date (and a time
// of day where the act needs one), an actor and typed fields.
type Act struct {
	Kind       *Kind
	Corp       string // the corporation it names, "" to use the one selected
	Effective  corp.Date
	Time       string // "HH:MM" or ""
	Actor      corp.Actor
	Correction bool
	Fields     any // *F of the kind
	// Adoption names the meeting or unanimous written consent at which
	// the board or a committee adopted the act, with the votes; nil when
	// not given (board and committee acts then carry a warning).
	Adoption *AdoptionField

	// Where the act came from, for messages: "acts.yaml" and its index.
	Source string
	Index  int
}

// envelope is the wire form of an act in an act file.
type envelope struct {
	Kind        string         `mb:"kind,required" doc:"the act kind, e.g. person.add"`
	Corporation string         `mb:"corporation" doc:"the corporation's id; defaults to the one selected with --corp"`
	Effective   corp.Date      `mb:"effective,required" doc:"the civil date on which the act takes effect, YYYY-MM-DD"`
	Time        string         `mb:"time" doc:"the time of day, HH:MM (24-hour), where the act needs one"`
	Actor       actorField     `mb:"actor,required" doc:"who performs the act, and in what capacity"`
	Correction  bool           `mb:"correction" doc:"true to record an act dated before the newest act on the books"`
	Fields      yaml.Node      `mb:"fields" doc:"the kind's fields"`
	Adoption    *AdoptionField `mb:"adoption" doc:"for an act of the board or a committee: the meeting or unanimous written consent that adopted it, with the votes (Art. III §8, §9)"`
}

type actorField struct {
	Person string        `mb:"person" doc:"the person's id; omit for a body such as the board; for a committee, the committee's id"`
	As     corp.Capacity `mb:"as,required" doc:"the capacity"`
}

type actFile struct {
	Acts []yaml.Node `mb:"acts,required" doc:"the acts, applied in order"`
}

// DecodeFile decodes every act in an act file (YAML or JSON). The file is
// either a mapping with a list under "acts", a bare list of acts, or a
// single act. It returns strict.Errors naming the file, line, column and
// field of every problem; nothing is applied when any act is invalid.
func DecodeFile(name string, data []byte) ([]*Act, error) {
	root, err := strict.Parse(name, data)
	if err != nil {
		return nil, err
	}
	var nodes []*yaml.Node
	prefix := "acts"
	switch {
	case root.Kind == yaml.SequenceNode:
		nodes = root.Content
		prefix = ""
	case root.Kind == yaml.MappingNode && hasKey(root, "kind"):
		nodes = []*yaml.Node{root}
		prefix = "-"
	default:
		var f actFile
		if err := strict.Decode(name, root, "", &f); err != nil {
			return nil, err
		}
		for i := range f.Acts {
			nodes = append(nodes, &f.Acts[i])
		}
	}
	var errs strict.Errors
	var out []*Act
	for i, n := range nodes {
		path := fmt.Sprintf("%s[%d]", prefix, i)
		if prefix == "-" {
			path = ""
		}
		a, err := decodeAct(name, n, path)
		if err != nil {
			errs = append(errs, err.(strict.Errors)...)
			continue
		}
		a.Source, a.Index = name, i
		out = append(out, a)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(out) == 0 {
		return nil, strict.Errors{{File: name, Line: root.Line, Column: root.Column, Problem: "the file holds no acts"}}
	}
	return out, nil
}

// validator is implemented by fields that can check themselves without
// the store; decoding calls it, so such problems are invalid input.
type validator interface {
	Validate(file, path string) error
}

func hasKey(n *yaml.Node, k string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == k {
			return true
		}
	}
	return false
}

func decodeAct(file string, n *yaml.Node, path string) (*Act, error) {
	var env envelope
	if err := strict.Decode(file, n, path, &env); err != nil {
		return nil, err
	}
	at := func(field, format string, args ...any) error {
		e := &strict.Error{File: file, Line: n.Line, Column: n.Column, Field: join(path, field), Problem: fmt.Sprintf(format, args...)}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == field {
				e.Line, e.Column = n.Content[i+1].Line, n.Content[i+1].Column
			}
		}
		return strict.Errors{e}
	}
	k, ok := kinds[env.Kind]
	if !ok {
		return nil, at("kind", "unknown act kind %q (one of %s)", env.Kind, joinStrings(kindNames()))
	}
	if env.Time != "" && !validClock(env.Time) {
		return nil, at("time", "%q is not a time of day written HH:MM (00:00–23:59)", env.Time)
	}
	fields := &env.Fields
	if fields.Kind == 0 { // fields omitted: an empty mapping
		fields = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: n.Line, Column: n.Column}
	}
	fv := newFields(k)
	if err := strict.Decode(file, fields, join(path, "fields"), fv); err != nil {
		return nil, err
	}
	if v, ok := fv.(validator); ok {
		if err := v.Validate(file, join(path, "fields")); err != nil {
			if se, ok := err.(strict.Errors); ok {
				for _, e := range se {
					if e.Line == 0 {
						e.Line, e.Column = fields.Line, fields.Column
					}
				}
				return nil, se
			}
			return nil, strict.Errors{{File: file, Line: fields.Line, Column: fields.Column, Field: join(path, "fields"), Problem: err.Error()}}
		}
	}
	if env.Adoption != nil {
		if err := env.Adoption.normalize(); err != nil {
			return nil, at("adoption", "%v", err)
		}
	}
	return &Act{
		Kind: k, Corp: env.Corporation, Effective: env.Effective, Time: env.Time,
		Actor:      corp.Actor{Person: env.Actor.Person, Capacity: env.Actor.As},
		Correction: env.Correction, Fields: fv, Adoption: env.Adoption,
	}, nil
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func joinStrings(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

func validClock(s string) bool {
	if len(s) != 5 || s[2] != ':' {
		return false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	return err1 == nil && err2 == nil && h >= 0 && h < 24 && m >= 0 && m < 60 && s[0] != '+' && s[3] != '+'
}

// entryOf builds the journal entry of a to be recorded as seq.
func (a *Act) entry(corpID string, seq uint64, e *Env) *journal.Entry {
	return &journal.Entry{
		Corp: corpID, Seq: seq, Kind: a.Kind.Name,
		Effective: a.Effective.String(), EffectiveTime: a.Time,
		Actor:         journal.Actor{Person: a.Actor.Person, Capacity: string(a.Actor.Capacity)},
		BylawsVersion: e.BylawsVersion, Correction: a.Correction,
		Fields: fieldsWithAdoption(toValue(a.Fields), a.Adoption), Checks: e.checks,
	}
}

// actOf rebuilds an act from a journal entry (for replay).
func actOf(en *journal.Entry) (*Act, error) {
	k, ok := kinds[en.Kind]
	if !ok {
		return nil, fmt.Errorf("entry %d: unknown act kind %q", en.Seq, en.Kind)
	}
	eff, err := corp.ParseDate(en.Effective)
	if err != nil {
		return nil, fmt.Errorf("entry %d: effective date: %v", en.Seq, err)
	}
	fields, adoption, err := splitAdoption(en)
	if err != nil {
		return nil, err
	}
	fv := newFields(k)
	if err := strict.Decode(fmt.Sprintf("journal entry %d", en.Seq), toNode(fields), "fields", fv); err != nil {
		return nil, err
	}
	return &Act{Kind: k, Corp: en.Corp, Effective: eff, Time: en.EffectiveTime,
		Actor:      corp.Actor{Person: en.Actor.Person, Capacity: corp.Capacity(en.Actor.Capacity)},
		Correction: en.Correction, Fields: fv, Adoption: adoption}, nil
}
