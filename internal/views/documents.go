package views

import (
	"bytes"
	"context"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
	"minutebook/internal/pdf"
)

// PDF renders a document to PDF bytes; the same document always renders
// to the same bytes.
func PDF(doc forms.Doc) ([]byte, error) {
	var buf bytes.Buffer
	if err := pdf.Render(&buf, doc); err != nil {
		return nil, corp.E("pdf", corp.Invalid, "%s: %v", doc.Title, err)
	}
	return buf.Bytes(), nil
}

// FindCertificate returns certificate n as recorded, or a NotFound error.
func FindCertificate(ctx context.Context, svc *acts.Service, corpID string, n int64) (*acts.Certificate, error) {
	cs, err := svc.Certificates(ctx, corpID, "")
	if err != nil {
		return nil, err
	}
	for i := range cs {
		if cs[i].Number == n {
			return &cs[i], nil
		}
	}
	return nil, corp.E("certificate", corp.NotFound, "certificate %d is not recorded (the certificates list names them)", n)
}

// CertificateDoc builds certificate n from the books, with the charter
// facts and the bylaws in force on its issue date (Art. VI §1–2).
func CertificateDoc(ctx context.Context, svc *acts.Service, corpID string, n int64) (forms.Doc, error) {
	cert, err := FindCertificate(ctx, svc, corpID, n)
	if err != nil {
		return forms.Doc{}, err
	}
	co, facts, err := svc.CorporationOn(ctx, corpID, cert.Issued)
	if err != nil {
		return forms.Doc{}, err
	}
	bl, err := svc.BylawsOn(ctx, corpID, cert.Issued)
	if err != nil {
		return forms.Doc{}, err
	}
	ps, err := svc.Persons(ctx, corpID)
	if err != nil {
		return forms.Doc{}, err
	}
	persons := map[string]corp.Person{}
	for _, p := range ps {
		persons[p.ID] = p
	}
	doc, err := forms.Certificate(forms.CertificateFacts{Certificate: *cert, Corporation: *co, Charter: facts,
		Bylaws: bl.Version.Rulebook, Persons: persons})
	if err != nil {
		return forms.Doc{}, corp.E("certificate", corp.Invalid, "%v", err)
	}
	return doc, nil
}

// StockholderListDoc builds the stockholder list as a document, with the
// corporation as on the record date.
func StockholderListDoc(ctx context.Context, svc *acts.Service, corpID string, l *acts.StockholderList) (forms.Doc, error) {
	co, _, err := svc.CorporationOn(ctx, corpID, l.RecordDate)
	if err != nil {
		return forms.Doc{}, err
	}
	return forms.StockholderList(*co, l), nil
}

// DividendScheduleDoc builds a dividend's payment schedule as a document.
func DividendScheduleDoc(ctx context.Context, svc *acts.Service, corpID string, s *acts.DividendSchedule) (forms.Doc, error) {
	co, _, err := svc.CorporationOn(ctx, corpID, s.Dividend.RecordDate)
	if err != nil {
		return forms.Doc{}, err
	}
	return forms.DividendSchedule(*co, s), nil
}

// NoticeHolder returns the holder id of a notice's facts, or a NotFound
// error naming the record date.
func NoticeHolder(f *acts.NoticeFacts, id string) (*acts.NoticeHolder, error) {
	for i := range f.Holders {
		if f.Holders[i].Person.ID == id {
			return &f.Holders[i], nil
		}
	}
	return nil, corp.E("notice", corp.NotFound, "%s is not a holder of record entitled to vote on the record date %s", id, f.RecordDate)
}
