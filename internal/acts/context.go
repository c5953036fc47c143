package acts

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"

	"minutebook/internal/bylaws"
	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// corpContext is what every check of a corporation needs, loaded once per
// transaction and reloaded after an act that changes it.
type corpContext struct {
	corp    *corp.Corporation
	charter []charterVersion
	bylaws  bylaws.History
	labels  map[int]string // version number -> "<number>:<sha256>"
}

type charterVersion struct {
	effective corp.Date
	facts     corp.CharterFacts
}

// rulebooks caches parsed bylaws by the SHA-256 of their source, so that a
// version is parsed once per process however many acts cite it.
var rulebooks sync.Map // [32]byte -> *bylaws.Rulebook

func parseBylaws(file string, src []byte) (*bylaws.Rulebook, error) {
	return cachedBylaws(sha256.Sum256(src), file, src)
}

func cachedBylaws(hash [32]byte, file string, src []byte) (*bylaws.Rulebook, error) {
	if rb, ok := rulebooks.Load(hash); ok {
		return rb.(*bylaws.Rulebook), nil
	}
	rb, err := bylaws.Parse(file, src)
	if err != nil {
		return nil, err
	}
	rulebooks.Store(hash, rb)
	return rb, nil
}

func loadContext(r tables.Reader) (*corpContext, error) {
	c := &corpContext{labels: map[int]string{}}
	row, ok, err := r.Get(tables.Corporations)
	if err != nil {
		return nil, err
	}
	if ok {
		c.corp, err = corporationOf(row)
		if err != nil {
			return nil, err
		}
	}
	err = r.Scan(tables.CharterVersions, nil, func(row tables.Row) error {
		eff, err := corp.ParseDate(row[0].(string))
		if err != nil {
			return err
		}
		var f corp.CharterFacts
		if err := json.Unmarshal([]byte(row[2].(string)), &f); err != nil {
			return fmt.Errorf("charter_versions: %v", err)
		}
		c.charter = append(c.charter, charterVersion{eff, f})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = r.Scan(tables.BylawsVersions, nil, func(row tables.Row) error {
		n := int(row[0].(int64))
		eff, err := corp.ParseDate(row[1].(string))
		if err != nil {
			return err
		}
		var h [32]byte
		if b, err := hex.DecodeString(row[3].(string)); err != nil || len(b) != len(h) {
			return fmt.Errorf("bylaws_versions: version %d: bad hash %q", n, row[3])
		} else {
			copy(h[:], b)
		}
		rb, err := cachedBylaws(h, fmt.Sprintf("bylaws version %d", n), row[6].([]byte))
		if err != nil {
			return err
		}
		c.bylaws = append(c.bylaws, bylaws.Version{Number: n, Effective: eff, Rulebook: rb})
		c.labels[n] = fmt.Sprintf("%d:%s", n, row[3].(string))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// charterOn returns the charter facts in force on d: the latest version
// effective on or before d (charter_versions are scanned in key order,
// which is effective date then sequence).
func (c *corpContext) charterOn(d corp.Date) (corp.CharterFacts, bool) {
	var f corp.CharterFacts
	found := false
	for _, v := range c.charter {
		if v.effective.After(d) {
			break
		}
		f, found = v.facts, true
	}
	return f, found
}

func corporationOf(row tables.Row) (*corp.Corporation, error) {
	c := &corp.Corporation{
		LegalName: row[0].(string), State: row[1].(string), TimeZone: row[2].(string),
		SealDescription: row[7].(string),
	}
	var err error
	if c.IncorporationDate, err = corp.ParseDate(row[3].(string)); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(row[4].(string)), &c.RegisteredOffice); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(row[5].(string)), &c.PrincipalOffice); err != nil {
		return nil, err
	}
	if s := row[6].(string); s != "" {
		if c.FiscalYearEnd, err = corp.ParseMonthDay(s); err != nil {
			return nil, err
		}
	}
	return c, nil
}
