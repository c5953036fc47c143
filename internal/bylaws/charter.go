package bylaws

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"minutebook/internal/corp"
	"minutebook/internal/strict"
)

// CharterFormat is the format id of a charter file.
const CharterFormat = "minutebook.charter/v1"

type charterDoc struct {
	Format                            string     `mb:"format,required" enum:"minutebook.charter/v1" doc:"the format id"`
	Corporation                       string     `mb:"corporation,required" doc:"the corporation's legal name"`
	State                             string     `mb:"state,required" enum:"Delaware" doc:"the state of incorporation; the statutory overlay is the DGCL"`
	Incorporated                      corp.Date  `mb:"incorporated,required" doc:"the date of incorporation; before 1996-07-01 DGCL §141(c)(1) governs committees, on or after it §141(c)(2)"`
	CumulativeVoting                  bool       `mb:"cumulative_voting,required" doc:"whether the certificate grants cumulative voting (Art. II §10 ¶2)"`
	BoardMayAmendBylaws               bool       `mb:"board_may_amend_bylaws,required" doc:"whether the certificate confers on the Board the power to amend the bylaws (Art. IX §1; DGCL §109(a))"`
	WrittenConsentAllowed             *bool      `mb:"written_consent_allowed" doc:"whether stockholders may act by written consent (Art. II §11); true if omitted"`
	CommitteeDividendOrStockAuthority bool       `mb:"committee_dividend_or_stock_authority" doc:"whether the certificate expressly lets committees declare dividends or authorize stock (Art. III §11); false if omitted"`
	Classes                           []classDoc `mb:"classes,required" doc:"the authorized classes and series, in charter order"`
	Notes                             string     `mb:"notes" doc:"free text"`
}

type classDoc struct {
	ID            string       `mb:"id,required" doc:"a short identifier, e.g. common"`
	Name          string       `mb:"name,required" doc:"e.g. Common Stock"`
	Authorized    corp.Decimal `mb:"authorized,required" doc:"shares authorized, a whole number"`
	Par           corp.Decimal `mb:"par,required" doc:"par value per share in dollars; \"0\" for no par"`
	VotesPerShare corp.Decimal `mb:"votes_per_share,required" doc:"votes per share; \"0\" for non-voting (Art. II §10)"`
}

// Charter reads a charter file (format minutebook.charter/v1): the facts of
// the certificate of incorporation that the bylaws depend on (rules.md §3)
// and the date of incorporation. Problems are strict.Errors naming file,
// line, column and field.
func Charter(file string, data []byte) (facts corp.CharterFacts, incorporation corp.Date, err error) {
	root, err := strict.Parse(file, data)
	if err != nil {
		return corp.CharterFacts{}, corp.Date{}, err
	}
	p := &parser{file: file}
	var doc charterDoc
	p.decode(root, "", &doc)
	_, classes := lookup(root, "classes")
	if classes != nil && classes.Kind == yaml.SequenceNode {
		if len(doc.Classes) == 0 {
			p.fail(classes, "classes", "at least one class of stock must be authorized")
		}
		seen := map[string]bool{}
		for i, c := range doc.Classes {
			if i >= len(classes.Content) {
				break
			}
			item := resolve(classes.Content[i])
			path := fmt.Sprintf("classes[%d]", i)
			at := func(f string) *yaml.Node {
				if _, v := lookup(item, f); v != nil {
					return v
				}
				return item
			}
			if c.ID != "" && seen[c.ID] {
				p.fail(at("id"), path+".id", "the class id %q appears twice", c.ID)
			}
			seen[c.ID] = true
			if _, ok := c.Authorized.Int64(); c.Authorized.Sign() <= 0 || !ok {
				if _, v := lookup(item, "authorized"); v != nil {
					p.fail(v, path+".authorized", "expected a whole number of shares greater than 0, found %s", c.Authorized)
				}
			}
			if c.Par.Sign() < 0 {
				p.fail(at("par"), path+".par", "the par value cannot be negative")
			}
			if c.VotesPerShare.Sign() < 0 {
				p.fail(at("votes_per_share"), path+".votes_per_share", "votes per share cannot be negative")
			}
		}
	}
	if err := p.result(); err != nil {
		return corp.CharterFacts{}, corp.Date{}, err
	}
	facts = corp.CharterFacts{
		CumulativeVoting:                  doc.CumulativeVoting,
		BoardMayAmendBylaws:               doc.BoardMayAmendBylaws,
		WrittenConsentAllowed:             doc.WrittenConsentAllowed == nil || *doc.WrittenConsentAllowed,
		CommitteeDividendOrStockAuthority: doc.CommitteeDividendOrStockAuthority,
	}
	for _, c := range doc.Classes {
		facts.Classes = append(facts.Classes, corp.AuthorizedClass{ID: c.ID, Name: c.Name, Authorized: c.Authorized, Par: c.Par, VotesPerShare: c.VotesPerShare})
	}
	return facts, doc.Incorporated, nil
}
