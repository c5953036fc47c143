package bylaws

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"minutebook/internal/corp"
	"minutebook/internal/strict"
)

// fileDoc is the top level of a bylaws file. The three sections checked
// against the catalogue are kept as nodes and walked by the parser.
type fileDoc struct {
	Format      string    `mb:"format,required" enum:"minutebook.bylaws/v1" doc:"the format id"`
	Title       string    `mb:"title,required" doc:"the title of the bylaws, e.g. Amended and Restated Bylaws of Quintus Corporation"`
	Corporation string    `mb:"corporation,required" doc:"the corporation's legal name"`
	Adopted     corp.Date `mb:"adopted,required" doc:"the date the bylaws were adopted"`
	AdoptedBy   string    `mb:"adopted_by,required" enum:"board,stockholders,incorporator" doc:"who adopted them"`
	Effective   corp.Date `mb:"effective" doc:"the date they take effect; the adoption date if omitted"`
	Conventions yaml.Node `mb:"conventions,required" doc:"the engine conventions of rules.md §0.1, each with a value from the catalogue"`
	Rules       yaml.Node `mb:"rules,required" doc:"the rules, by catalogue id, in the order of the bylaws"`
	Ambiguities yaml.Node `mb:"ambiguities" doc:"the reading chosen for each ambiguity of rules.md §4; a code left out takes the catalogue default"`
	Text        string    `mb:"text" doc:"the bylaws text, verbatim; Explain quotes a rule's section from it"`
}

type ruleDoc struct {
	Citation yaml.Node `mb:"citation,required" doc:"where the rule comes from"`
	Kinds    yaml.Node `mb:"kinds,required" doc:"kind codes of rules.md §0: HARD, WF, REC, ADV, CFG"`
	Status   yaml.Node `mb:"status" doc:"how the rule stands against today's DGCL: same, STAT+, STAT≠, BYLAW+"`
	Summary  string    `mb:"summary,required" doc:"the rule in one line"`
	Params   yaml.Node `mb:"params" doc:"the rule's parameters, as the catalogue types them"`
	Notes    string    `mb:"notes" doc:"notes: statutory overlay, ambiguities"`
}

type citationDoc struct {
	Source  string `mb:"source" enum:"bylaws,statute,secretary_certificate" doc:"bylaws (the default), statute (the bylaws are silent) or secretary_certificate"`
	Article string `mb:"article" doc:"the article, a Roman numeral, e.g. VIII"`
	Section string `mb:"section" doc:"the section number, e.g. \"1\""`
	Clause  string `mb:"clause" doc:"the clause as the bylaws number it: \"(b)\", \"(f)(1)\", or \"¶2\" for the second paragraph"`
	DGCL    string `mb:"dgcl" doc:"the DGCL section(s), e.g. \"§222(b); §232(a)\""`
}

type conventionDoc struct {
	Value string `mb:"value,required" doc:"the convention in force"`
	Text  string `mb:"text" doc:"what it says"`
	Basis string `mb:"basis" doc:"why"`
}

type ambiguityDoc struct {
	Where    string    `mb:"where" doc:"the provisions concerned"`
	Question string    `mb:"question,required" doc:"the question the text leaves open"`
	Choice   string    `mb:"choice,required" doc:"the reading in force: one of the catalogue's options"`
	Options  yaml.Node `mb:"options" doc:"the options the catalogue offers, all of them (for the reader)"`
	Reading  string    `mb:"reading" doc:"the reading chosen, in words"`
	Params   yaml.Node `mb:"params" doc:"parameters of the reading; omitted ones take the catalogue default"`
}

var (
	kindCodes   = []string{"HARD", "WF", "REC", "ADV", "CFG"}
	statusCodes = []string{"same", "STAT+", "STAT≠", "BYLAW+"}
	romanRE     = regexp.MustCompile(`^[IVXLC]{1,8}$`)
	sectionNoRE = regexp.MustCompile(`^[0-9]{1,3}$`)
	clauseRE    = regexp.MustCompile(`^(\([a-z0-9]{1,4}\)){1,4}$|^¶[1-9][0-9]?$`)
)

// maxErrors bounds the problems reported for one file.
const maxErrors = 100

// Parse reads a bylaws file (YAML, or JSON) and checks it against the
// catalogue. Every problem is reported as a strict.Errors entry naming the
// file, line, column and field path (e.g. rules.II.8.quorum.params.fraction)
// and what would be allowed: unknown keys, rule ids, parameters and
// ambiguity codes; wrong types; fractions outside [0, 1]; dates that do not
// exist; missing mandatory rules and required parameters; options the
// catalogue does not offer; and contradictions between a convention, an
// ambiguity reading and a parameter that answer the same question.
func Parse(file string, data []byte) (*Rulebook, error) {
	root, err := strict.Parse(file, data)
	if err != nil {
		return nil, err
	}
	p := &parser{file: file, pos: map[string]*yaml.Node{}}
	var doc fileDoc
	if !p.decode(root, "", &doc) {
		return nil, p.result()
	}
	rb := newRulebook(data)
	rb.Format, rb.Title, rb.Corporation = doc.Format, doc.Title, doc.Corporation
	rb.Adopted, rb.AdoptedBy, rb.Effective, rb.BylawsText = doc.Adopted, doc.AdoptedBy, doc.Effective, doc.Text
	if rb.Effective.IsZero() {
		rb.Effective = rb.Adopted
	} else if !rb.Adopted.IsZero() && rb.Effective.Before(rb.Adopted) {
		_, v := lookup(root, "effective")
		p.fail(v, "effective", "the bylaws cannot take effect (%s) before they are adopted (%s)", rb.Effective, rb.Adopted)
	}
	if rb.BylawsText != "" {
		rb.text = indexText(rb.BylawsText)
		if len(rb.text.sections) == 0 {
			_, v := lookup(root, "text")
			p.fail(v, "text", `no sections found: the text must have "ARTICLE <Roman numeral>" headings and paragraphs opening "Section <n>."`)
		}
	}
	conventionsKey, _ := lookup(root, "conventions")
	rulesKey, _ := lookup(root, "rules")
	if doc.Conventions.Kind != 0 {
		p.conventions(rb, &doc.Conventions, conventionsKey)
	}
	if doc.Rules.Kind != 0 {
		p.rules(rb, &doc.Rules, rulesKey)
	}
	p.ambiguities(rb, &doc.Ambiguities)
	if doc.Rules.Kind != 0 && doc.Conventions.Kind != 0 {
		p.crossCheck(rb)
	}
	if err := p.result(); err != nil {
		return nil, err
	}
	return rb, nil
}

type parser struct {
	file string
	errs strict.Errors
	pos  map[string]*yaml.Node // value nodes by field path, for cross-checks
}

func (p *parser) fail(n *yaml.Node, path, format string, args ...any) {
	e := &strict.Error{File: p.file, Field: path, Problem: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	p.errs = append(p.errs, e)
}

// decode decodes mapping n into v (a pointer to a struct with mb tags) with
// strict.Decode, and also reports required fields given as null or as empty
// text, which strict.Decode lets through as zero values. It reports false
// when n is not a mapping.
func (p *parser) decode(n *yaml.Node, path string, v any) bool {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		p.fail(n, path, "expected a mapping, found %s", kindName(n))
		return false
	}
	p.add(strict.Decode(p.file, n, path, v))
	return true
}

func (p *parser) add(err error) {
	var es strict.Errors
	if errors.As(err, &es) {
		p.errs = append(p.errs, es...)
	} else if err != nil {
		p.errs = append(p.errs, &strict.Error{File: p.file, Problem: err.Error()})
	}
}

// result returns the problems in document order (those without a position
// last), at most maxErrors of them, or nil.
func (p *parser) result() error {
	if len(p.errs) == 0 {
		return nil
	}
	es := slices.Clone(p.errs)
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if (a.Line == 0) != (b.Line == 0) {
			return b.Line == 0
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	if len(es) > maxErrors {
		n := len(es) - maxErrors
		es = append(es[:maxErrors], &strict.Error{File: p.file, Problem: fmt.Sprintf("and %d more problems", n)})
	}
	return es
}

func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// lookup returns the key and value nodes of key in mapping n.
func lookup(n *yaml.Node, key string) (k, v *yaml.Node) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], resolve(n.Content[i+1])
		}
	}
	return nil, nil
}

// entries walks mapping n, reporting keys that are not scalars or appear
// twice, and calls f for each other key.
func (p *parser) entries(n *yaml.Node, path, what string, f func(k, v *yaml.Node)) bool {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		p.fail(n, path, "expected a mapping of %s, found %s", what, kindName(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		switch {
		case k.Kind != yaml.ScalarNode:
			p.fail(k, path, "expected %s as a key, found %s", what, kindName(k))
		case seen[k.Value]:
			p.fail(k, join(path, k.Value), "the key %q appears twice", k.Value)
		default:
			seen[k.Value] = true
			f(k, v)
		}
	}
	return true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing (null)"
		case "!!bool":
			return "a boolean"
		case "!!int":
			return "an integer"
		case "!!float":
			return "a number with a fraction"
		}
		return fmt.Sprintf("the text %q", n.Value)
	}
	return "something else"
}

func (p *parser) conventions(rb *Rulebook, n *yaml.Node, key *yaml.Node) {
	seen := map[string]bool{}
	ok := p.entries(n, "conventions", "convention names", func(k, v *yaml.Node) {
		path := "conventions." + k.Value
		spec := conventionIndex[k.Value]
		if spec == nil {
			p.fail(k, path, "unknown convention (expected one of %s)", strings.Join(conventionNames(), ", "))
			return
		}
		seen[k.Value] = true
		var cd conventionDoc
		p.decode(v, path, &cd)
		_, vn := lookup(v, "value")
		p.pos[path+".value"] = vn
		if vn != nil && !slices.Contains(spec.optionNames(), cd.Value) {
			p.fail(vn, path+".value", "%q is not a reading of %s (one of %s)", cd.Value, k.Value, strings.Join(spec.optionNames(), ", "))
			return
		}
		rb.Conventions.set(k.Value, cd.Value)
		rb.Conventions.Entries = append(rb.Conventions.Entries, Convention{Name: k.Value, Value: cd.Value, Text: cd.Text, Basis: cd.Basis})
	})
	if !ok {
		return
	}
	for _, s := range conventionSpecs {
		if !seen[s.Name] {
			p.fail(key, "conventions."+s.Name, "missing convention %s (one of %s; rules.md §0.1)", s.Name, strings.Join(s.optionNames(), ", "))
		}
	}
}

func conventionNames() []string {
	n := make([]string, len(conventionSpecs))
	for i, s := range conventionSpecs {
		n[i] = s.Name
	}
	return n
}

func (p *parser) rules(rb *Rulebook, n *yaml.Node, key *yaml.Node) {
	ok := p.entries(n, "rules", "rule ids", func(k, v *yaml.Node) {
		path := "rules." + k.Value
		spec := ruleIndex[k.Value]
		if spec == nil {
			p.fail(k, path, "unknown rule id%s (the catalogue's ids are listed in docs/bylaws.md)", suggestion(k.Value, ruleIDs()))
			return
		}
		if r := p.rule(rb, spec, k, v, path); r != nil {
			rb.rules = append(rb.rules, r)
			rb.byID[r.ID] = r
		}
	})
	if !ok {
		return
	}
	for _, id := range MandatoryRules() {
		if rb.byID[id] == nil {
			p.fail(key, "rules."+id, "missing mandatory rule %s: every bylaws file must state it (docs/bylaws.md lists the mandatory rules)", id)
		}
	}
}

func ruleIDs() []string {
	ids := make([]string, len(ruleSpecs))
	for i, s := range ruleSpecs {
		ids[i] = s.ID
	}
	return ids
}

func (p *parser) rule(rb *Rulebook, spec *RuleSpec, k, v *yaml.Node, path string) *Rule {
	var rd ruleDoc
	if !p.decode(v, path, &rd) {
		return nil
	}
	r := &Rule{ID: spec.ID, Summary: rd.Summary, Notes: rd.Notes, Ambiguities: spec.Ambiguities, Conventions: spec.Conventions}
	if rd.Citation.Kind != 0 {
		r.Citation = p.citation(rb, &rd.Citation, path+".citation")
	}
	if rd.Kinds.Kind != 0 {
		if ks, ok := p.value(ParamSpec{Type: TypeEnums, Options: kindCodes}, &rd.Kinds, path+".kinds"); ok {
			r.Kinds = ks.([]string)
			if len(r.Kinds) == 0 {
				p.fail(&rd.Kinds, path+".kinds", "at least one kind code is needed (%s)", strings.Join(kindCodes, ", "))
			}
		}
	}
	if rd.Status.Kind != 0 {
		if ss, ok := p.value(ParamSpec{Type: TypeEnums, Options: statusCodes}, &rd.Status, path+".status"); ok {
			r.Status = ss.([]string)
		}
	}
	paramsKey, _ := lookup(v, "params")
	if paramsKey == nil {
		paramsKey = k
	}
	r.Params = p.params(spec.Params, &rd.Params, path+".params", paramsKey, spec.check, false)
	return r
}

func (p *parser) citation(rb *Rulebook, n *yaml.Node, path string) Citation {
	var cd citationDoc
	p.decode(n, path, &cd)
	c := Citation{Article: cd.Article, Section: cd.Section, Clause: cd.Clause, DGCL: cd.DGCL, Source: cd.Source}
	if c.Source == "bylaws" {
		c.Source = SourceBylaws
	}
	at := func(field string) *yaml.Node {
		if _, v := lookup(n, field); v != nil {
			return v
		}
		return n
	}
	switch c.Source {
	case SourceBylaws:
		bad := false
		if !romanRE.MatchString(c.Article) {
			p.fail(at("article"), path+".article", "expected the article as a Roman numeral, e.g. II or VIII, found %q", c.Article)
			bad = true
		}
		if !sectionNoRE.MatchString(c.Section) {
			p.fail(at("section"), path+".section", `expected the section number as text, e.g. "8", found %q`, c.Section)
			bad = true
		}
		if c.Clause != "" && !clauseRE.MatchString(c.Clause) {
			p.fail(at("clause"), path+".clause", `expected a clause such as "(b)", "(f)(1)" or "¶2", found %q`, c.Clause)
			bad = true
		}
		if !bad && rb.text != nil && len(rb.text.sections) > 0 {
			if _, _, ok := rb.text.passage(c); !ok {
				p.fail(n, path, "the bylaws text has no %s (it has %s)", c, summarizeKeys(rb.text.sectionKeys()))
			}
		}
	case SourceStatute:
		if c.DGCL == "" {
			p.fail(n, path+".dgcl", "a rule whose source is the statute must name its DGCL section")
		}
		fallthrough
	case SourceSecretaryCertificate:
		for _, f := range []string{"article", "section", "clause"} {
			if k, _ := lookup(n, f); k != nil {
				p.fail(k, path+"."+f, "a rule whose source is %s has no %s", cd.Source, f)
			}
		}
	}
	return c
}

func summarizeKeys(keys []string) string {
	if len(keys) == 0 {
		return "no sections"
	}
	if len(keys) > 6 {
		return strings.Join(keys[:3], ", ") + ", …, " + strings.Join(keys[len(keys)-2:], ", ")
	}
	return strings.Join(keys, ", ")
}

// params decodes the parameters of a rule or an ambiguity. Missing required
// parameters are reported at key; with defaults, missing ones take the
// spec's Default instead.
func (p *parser) params(specs []ParamSpec, n *yaml.Node, path string, key *yaml.Node, check checkFunc, defaults bool) []Param {
	values := map[string]any{}
	var order []string
	if n = resolve(n); n.Kind != 0 && !(n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		p.entries(n, path, "parameter names", func(k, v *yaml.Node) {
			ppath := path + "." + k.Value
			spec, ok := findSpec(specs, k.Value)
			if !ok {
				if len(specs) == 0 {
					p.fail(k, ppath, "unknown parameter: this rule takes no parameters")
				} else {
					p.fail(k, ppath, "unknown parameter (expected one of %s)", strings.Join(specNames(specs), ", "))
				}
				return
			}
			p.pos[ppath] = v
			if val, ok := p.value(spec, v, ppath); ok {
				values[k.Value] = val
				order = append(order, k.Value)
			}
		})
	}
	for _, s := range specs {
		if _, ok := values[s.Name]; ok {
			continue
		}
		switch {
		case defaults:
			values[s.Name] = s.Default
			order = append(order, s.Name)
		case !s.Optional && p.pos[path+"."+s.Name] == nil:
			p.fail(key, path+"."+s.Name, "missing required parameter (%s: %s)", s.expect(), s.Doc)
		}
	}
	if check != nil {
		get := func(name string) (any, bool) { v, ok := values[name]; return v, ok }
		for _, pr := range check(get) {
			p.fail(p.pos[path+"."+pr.param], path+"."+pr.param, "%s", pr.problem)
		}
	}
	out := make([]Param, 0, len(order))
	for _, name := range order {
		s, _ := findSpec(specs, name)
		out = append(out, Param{Name: name, Type: s.Type, Value: values[name], Doc: s.Doc})
	}
	return out
}

func findSpec(specs []ParamSpec, name string) (ParamSpec, bool) {
	for _, s := range specs {
		if s.Name == name {
			return s, true
		}
	}
	return ParamSpec{}, false
}

func specNames(specs []ParamSpec) []string {
	n := make([]string, len(specs))
	for i, s := range specs {
		n[i] = s.Name
	}
	return n
}

// value decodes one parameter value as spec types it.
func (p *parser) value(spec ParamSpec, n *yaml.Node, path string) (any, bool) {
	n = resolve(n)
	wrong := func() (any, bool) {
		p.fail(n, path, "expected %s, found %s", spec.expect(), kindName(n))
		return nil, false
	}
	scalar := n.Kind == yaml.ScalarNode
	switch spec.Type {
	case TypeInt, TypeDays, TypeHours, TypeYears, TypeMonths:
		if !scalar || n.Tag != "!!int" {
			return wrong()
		}
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil || i < int64(spec.Min) || i > int64(spec.Max) {
			p.fail(n, path, "%s is out of range: expected %s", n.Value, spec.expect())
			return nil, false
		}
		return int(i), true
	case TypeFraction:
		switch {
		case scalar && n.Tag == "!!float":
			p.fail(n, path, `write %s as a fraction in quotes, e.g. "50%%" or "1/2" (fractions are never floating point)`, n.Value)
			return nil, false
		case scalar && n.Tag == "!!int":
			if n.Value != "0" && n.Value != "1" {
				p.fail(n, path, "%s is out of range: a fraction must be from 0 to 1 (0%% to 100%%)", n.Value)
				return nil, false
			}
			return MustFraction(n.Value), true
		case scalar && n.Tag == "!!str":
			f, err := ParseFraction(n.Value)
			if err != nil {
				p.fail(n, path, "%v", err)
				return nil, false
			}
			return f, true
		}
		return wrong()
	case TypeBool:
		if !scalar || n.Tag != "!!bool" {
			return wrong()
		}
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			return wrong()
		}
		return b, true
	case TypeDate:
		if !scalar || (n.Tag != "!!str" && n.Tag != "!!timestamp") {
			return wrong()
		}
		d, err := corp.ParseDate(n.Value)
		if err != nil {
			p.fail(n, path, "%v", err)
			return nil, false
		}
		return d, true
	case TypeText:
		if !scalar || n.Tag != "!!str" {
			return wrong()
		}
		if strings.TrimSpace(n.Value) == "" {
			p.fail(n, path, "expected text, found an empty string")
			return nil, false
		}
		return n.Value, true
	case TypeEnum:
		if !scalar || n.Tag != "!!str" {
			return wrong()
		}
		if !slices.Contains(spec.Options, n.Value) {
			p.fail(n, path, "%q is not allowed (one of %s)", n.Value, strings.Join(spec.Options, ", "))
			return nil, false
		}
		return n.Value, true
	case TypeTexts, TypeEnums:
		if n.Kind != yaml.SequenceNode {
			return wrong()
		}
		out := make([]string, 0, len(n.Content))
		good := true
		for i, c := range n.Content {
			c = resolve(c)
			ipath := fmt.Sprintf("%s[%d]", path, i)
			switch {
			case c.Kind != yaml.ScalarNode || c.Tag != "!!str":
				what := "text"
				if spec.Type == TypeEnums {
					what = "one of " + strings.Join(spec.Options, ", ")
				}
				p.fail(c, ipath, "expected %s, found %s", what, kindName(c))
				good = false
			case spec.Type == TypeEnums && !slices.Contains(spec.Options, c.Value):
				p.fail(c, ipath, "%q is not allowed (one of %s)", c.Value, strings.Join(spec.Options, ", "))
				good = false
			case spec.Type == TypeEnums && slices.Contains(out, c.Value):
				p.fail(c, ipath, "%q appears twice", c.Value)
				good = false
			default:
				out = append(out, c.Value)
			}
		}
		return out, good
	case TypeDecimal:
		if !scalar || (n.Tag != "!!str" && n.Tag != "!!int") {
			if scalar && n.Tag == "!!float" {
				p.fail(n, path, `write %s as a decimal in quotes, e.g. "0.5" (quantities are never floating point)`, n.Value)
				return nil, false
			}
			return wrong()
		}
		d, err := corp.ParseDecimal(n.Value)
		if err != nil {
			p.fail(n, path, "%v", err)
			return nil, false
		}
		return d, true
	}
	panic("bylaws: parameter type " + string(spec.Type) + " has no decoder")
}

func (p *parser) ambiguities(rb *Rulebook, n *yaml.Node) {
	if n.Kind != 0 && !(n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		p.entries(n, "ambiguities", "ambiguity codes", func(k, v *yaml.Node) {
			path := "ambiguities." + k.Value
			spec := ambiguityIndex[k.Value]
			if spec == nil {
				p.fail(k, path, "unknown ambiguity code%s (rules.md §4 lists the codes)", suggestion(k.Value, ambiguityCodes()))
				return
			}
			var ad ambiguityDoc
			if !p.decode(v, path, &ad) {
				return
			}
			a := &Ambiguity{Code: spec.Code, Where: ad.Where, Question: ad.Question, Choice: spec.Default, Reading: ad.Reading, Options: spec.Options, Stated: true}
			if a.Where == "" {
				a.Where = spec.Where
			}
			names := spec.optionNames()
			if _, cn := lookup(v, "choice"); cn != nil {
				p.pos[path+".choice"] = cn
				if slices.Contains(names, ad.Choice) {
					a.Choice = ad.Choice
				} else {
					p.fail(cn, path+".choice", "%q is not an option of %s (one of %s)", ad.Choice, spec.Code, strings.Join(names, ", "))
				}
			}
			if ad.Options.Kind != 0 {
				if got, ok := p.value(ParamSpec{Type: TypeEnums, Options: names}, &ad.Options, path+".options"); ok {
					for _, want := range names {
						if !slices.Contains(got.([]string), want) {
							p.fail(&ad.Options, path+".options", "options must list every option the catalogue offers for %s (%s); %s is missing", spec.Code, strings.Join(names, ", "), want)
							break
						}
					}
				}
			}
			paramsKey, _ := lookup(v, "params")
			a.Params = p.params(spec.Params, &ad.Params, path+".params", paramsKey, nil, true)
			rb.ambiguities[spec.Code] = a
			rb.ambOrder = append(rb.ambOrder, spec.Code)
		})
	}
	for i := range ambiguitySpecs {
		s := &ambiguitySpecs[i]
		if rb.ambiguities[s.Code] != nil {
			continue
		}
		a := &Ambiguity{Code: s.Code, Where: s.Where, Choice: s.Default, Options: s.Options}
		for _, ps := range s.Params {
			a.Params = append(a.Params, Param{Name: ps.Name, Type: ps.Type, Value: ps.Default, Doc: ps.Doc})
		}
		rb.ambiguities[s.Code] = a
		rb.ambOrder = append(rb.ambOrder, s.Code)
	}
}

func ambiguityCodes() []string {
	c := make([]string, len(ambiguitySpecs))
	for i, s := range ambiguitySpecs {
		c[i] = s.Code
	}
	return c
}

// crossCheck reports conventions, ambiguity readings and parameters that
// answer the same question differently. A reading the file does not state
// takes its catalogue default, so the file must state it when it departs
// from the default elsewhere.
func (p *parser) crossCheck(rb *Rulebook) {
	agree := func(aPath string, aVal any, bPath string, bVal any, what string) {
		if aVal == bVal {
			return
		}
		at, path := p.pos[aPath], aPath
		if at == nil {
			at, path = p.pos[bPath], bPath
		}
		if at == nil {
			return // neither side decoded; already reported
		}
		p.fail(at, path, "%s is %v but %s is %v; both answer %s and must agree", aPath, aVal, bPath, bVal, what)
	}
	amb := func(code string) string {
		if p.pos["ambiguities."+code+".choice"] == nil {
			return rb.Choice(code) + " (the default, not stated)"
		}
		return rb.Choice(code)
	}
	stated := func(code string) bool { return p.pos["ambiguities."+code+".choice"] != nil }
	// Compare plain values; when the ambiguity is unstated, its label marks
	// it as a default so that the message says what to add.
	if c := rb.Conventions.DaysBefore; c != "" && c != rb.Choice("A-DAYS") {
		agree("conventions.days_before.value", c, "ambiguities.A-DAYS.choice", amb("A-DAYS"), "how days before a meeting are counted (A-DAYS)")
	}
	if c := rb.Conventions.Years; c != "" && c != rb.Choice("A-PROXY3Y") {
		agree("conventions.years.value", c, "ambiguities.A-PROXY3Y.choice", amb("A-PROXY3Y"), "whether a proxy may be voted on its anniversary (A-PROXY3Y)")
	}
	if c := string(rb.Conventions.Feb29); c != "" {
		if f := rb.Ambiguity("A-PROXY3Y").Text("feb29"); c != f {
			label := f
			if !stated("A-PROXY3Y") || p.pos["ambiguities.A-PROXY3Y.params.feb29"] == nil {
				label += " (the default, not stated)"
			}
			agree("conventions.feb29.value", c, "ambiguities.A-PROXY3Y.params.feb29", label, "where the anniversary of 29 February falls")
		}
	}
	if r := rb.byID["II.8.quorum"]; r != nil {
		if pr, ok := r.Param("exactly_half_suffices"); ok && pr.Value.(bool) != (rb.Choice("A-50") == "at_least_half") {
			agree("rules.II.8.quorum.params.exactly_half_suffices", pr.Value, "ambiguities.A-50.choice", amb("A-50"), "whether exactly 50% is a quorum (A-50)")
		}
	}
	if r := rb.byID["IV.1.mail_notice"]; r != nil {
		if pr, ok := r.Param("given_when"); ok && rb.Conventions.MailTime != "" && pr.Value.(string) != rb.Conventions.MailTime {
			agree("rules.IV.1.mail_notice.params.given_when", pr.Value, "conventions.mail_time.value", rb.Conventions.MailTime, "when mailed notice is given")
		}
	}
	if r := rb.byID["CERT.adoption_date"]; r != nil && !rb.Adopted.IsZero() {
		if pr, ok := r.Param("date"); ok && pr.Value.(corp.Date) != rb.Adopted {
			p.fail(p.pos["rules.CERT.adoption_date.params.date"], "rules.CERT.adoption_date.params.date", "the certified adoption date %s differs from adopted (%s)", pr.Value, rb.Adopted)
		}
	}
}

// suggestion returns " (did you mean X?)" for the candidates closest to s,
// or "".
func suggestion(s string, candidates []string) string {
	type scored struct {
		id   string
		dist int
	}
	var best []scored
	limit := max(2, len(s)/4)
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), strings.ToLower(c)); d <= limit {
			best = append(best, scored{c, d})
		}
	}
	if len(best) == 0 {
		// Fall back to ids that share the article and section, e.g. "II.8.".
		if i := strings.LastIndex(s, "."); i > 0 {
			prefix := s[:i+1]
			for _, c := range candidates {
				if strings.HasPrefix(c, prefix) {
					best = append(best, scored{c, 0})
				}
			}
		}
	}
	if len(best) == 0 {
		return ""
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].dist < best[j].dist })
	if len(best) > 5 {
		best = best[:5]
	}
	names := make([]string, len(best))
	for i, b := range best {
		names[i] = b.id
	}
	return " (did you mean " + strings.Join(names, ", ") + "?)"
}

// editDistance is the Levenshtein distance between a and b (bytes).
func editDistance(a, b string) int {
	if len(a) > 200 || len(b) > 200 {
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
