package acts

import (
	"context"
	"fmt"

	"minutebook/internal/corp"
	"minutebook/internal/tables"
)

// BylawsVersionFact is one recorded bylaws version, for the Secretary's
// certificate.
type BylawsVersionFact struct {
	Number    int
	Effective corp.Date
	AdoptedBy string // board, stockholders, ...
	Title     string
	SHA256    string
	Seq       uint64
}

// BylawsCertificateFacts are what the Secretary's certificate states: the
// bylaws in force on a date, the versions that made them, and the officer
// who signs (Art. V §11; the closing page of the seed bylaws).
type BylawsCertificateFacts struct {
	Corporation corp.Corporation
	On          corp.Date // the date the bylaws are certified as in force
	Signed      corp.Date // the date of the certificate
	InForce     BylawsInForce
	Versions    []BylawsVersionFact // every version effective on or before On, oldest first
	Signer      corp.Person
	Office      string // "secretary", or the assistant secretary acting (Art. V §12)
	ActingRule  string // the rule that made an assistant act, "" for the secretary
}

// BylawsCertificate gathers the facts of the Secretary's certificate that
// the attached bylaws were in force on on, signed on signed by the
// secretary then in office (or the assistant secretary acting for a vacant
// office, Art. V §12).
func (s *Service) BylawsCertificate(ctx context.Context, corpID string, on, signed corp.Date) (*BylawsCertificateFacts, error) {
	if on.After(signed) {
		return nil, corp.E("bylaws certify", corp.Invalid, "the certificate cannot be signed on %s for bylaws in force on a later date (%s)", signed, on)
	}
	in, err := s.BylawsOn(ctx, corpID, on)
	if err != nil {
		return nil, err
	}
	co, _, err := s.CorporationOn(ctx, corpID, on)
	if err != nil {
		return nil, err
	}
	f := &BylawsCertificateFacts{Corporation: *co, On: on, Signed: signed, InForce: *in}
	err = s.Store.View(ctx, corpID, func(v View) error {
		return v.Scan(tables.BylawsVersions, nil, func(r tables.Row) error {
			eff, err := corp.ParseDate(r[1].(string))
			if err != nil || eff.After(on) {
				return err
			}
			f.Versions = append(f.Versions, BylawsVersionFact{Number: int(r[0].(int64)), Effective: eff, AdoptedBy: r[4].(string),
				Title: r[5].(string), SHA256: r[3].(string), Seq: uint64(r[2].(int64))})
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	who, rule, err := s.Acting(ctx, corpID, "secretary", signed, nil)
	if err != nil {
		return nil, corp.E("bylaws certify", corp.NotFound, "no secretary or assistant secretary is in office on %s to sign the certificate (record officer.elect): %v", signed, err)
	}
	f.Office, f.ActingRule = "secretary", rule
	if rule != "" {
		f.Office = "assistant_secretary"
	}
	ps, err := s.Persons(ctx, corpID)
	if err != nil {
		return nil, err
	}
	f.Signer = corp.Person{ID: who, Name: who}
	for _, p := range ps {
		if p.ID == who {
			f.Signer = p
		}
	}
	if len(f.Versions) == 0 {
		return nil, fmt.Errorf("bylaws certify: no version recorded on or before %s", on)
	}
	return f, nil
}
