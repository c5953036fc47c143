package httpapi

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"minutebook/internal/access"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
	"minutebook/internal/ocf"
	"minutebook/internal/views"
)

// The document routes: certificates, notices, proxy cards, lists, minutes,
// dividend schedules and the Secretary's certificate as PDF downloads
// (package forms, rendered by package pdf through views.PDF), the lists
// and schedules as CSV, the calendar as an iCalendar feed, the journal as
// a stream, its latest signed checkpoint and the OCF export.

const (
	mediaPDF    = "application/pdf"
	mediaCSV    = "text/csv; charset=utf-8"
	mediaICS    = "text/calendar; charset=utf-8"
	mediaNDJSON = "application/x-ndjson"
	mediaZip    = "application/zip"
	mediaText   = "text/plain; charset=utf-8"
)

func documentRoutes() []Route {
	holderMeeting := cp + "/holders/{person}/meetings/{meeting}"
	return []Route{
		{Method: "GET", Path: cp + "/certificates/{number}/pdf", Summary: "a stock certificate as PDF: the face, the signers and the legends of the bylaws in force on its issue date (Art. VI §1–2)", Policy: access.ReadBooks, Produces: mediaPDF, Handle: getCertificatePDF},
		{Method: "GET", Path: cp + "/holders/{person}/certificates/{number}/pdf", Summary: "one of a holder's own certificates as PDF", Policy: access.ReadHolder, Person: "person", Produces: mediaPDF, Handle: getHolderCertificatePDF},
		{Method: "GET", Path: cp + "/stocklist/pdf", Summary: "the stockholder list on a record date as PDF", Policy: access.ReadBooks, Query: []Param{{Name: "record_date", Required: true, Doc: "the record date"}}, Produces: mediaPDF, Handle: getStocklistPDF},
		{Method: "GET", Path: cp + "/stocklist/csv", Summary: "the stockholder list on a record date as CSV", Policy: access.ReadBooks, Query: []Param{{Name: "record_date", Required: true, Doc: "the record date"}}, Produces: mediaCSV, Handle: getStocklistCSV},
		{Method: "GET", Path: cp + "/meetings/{meeting}/list/pdf", Summary: "the meeting's stockholder list as PDF (a stockholder's view is recorded, as for the JSON list)", Policy: access.ReadMember, Produces: mediaPDF, Handle: getMeetingListPDF},
		{Method: "GET", Path: cp + "/meetings/{meeting}/notice/pdf", Summary: "the notice of a stockholders' meeting as PDF (Art. II §3, §6)", Policy: access.ReadMember, Query: []Param{onParam}, Produces: mediaPDF, Handle: getNoticePDF},
		{Method: "GET", Path: holderMeeting + "/notice/pdf", Summary: "the notice of a meeting addressed to one holder, with their shares, as PDF", Policy: access.ReadHolder, Person: "person", Query: []Param{onParam}, Produces: mediaPDF, Handle: getHolderNoticePDF},
		{Method: "GET", Path: holderMeeting + "/proxy-card/pdf", Summary: "a holder's proxy card for a meeting as PDF (Art. II §10)", Policy: access.ReadHolder, Person: "person", Query: []Param{onParam, {Name: "proxies", Doc: "the proxies named on the card"}}, Produces: mediaPDF, Handle: getProxyCardPDF},
		{Method: "GET", Path: cp + "/minutes/{meeting}/pdf", Summary: "the secretary's minutes of a meeting or written consent as PDF", Policy: access.BoardOnly, Produces: mediaPDF, Handle: getMinutesPDF},
		{Method: "GET", Path: cp + "/dividends/{dividend}/schedule/pdf", Summary: "a dividend's payment schedule as PDF", Policy: access.ReadBooks, Produces: mediaPDF, Handle: getSchedulePDF},
		{Method: "GET", Path: cp + "/dividends/{dividend}/schedule/csv", Summary: "a dividend's payment schedule as CSV", Policy: access.ReadBooks, Produces: mediaCSV, Handle: getScheduleCSV},
		{Method: "GET", Path: cp + "/bylaws/certificate/pdf", Summary: "the Secretary's certificate that the attached bylaws were in force on a date, as PDF", Policy: access.ReadBooks, Query: []Param{{Name: "on", Required: true, Doc: "the date the bylaws were in force"}, {Name: "signed", Doc: "the date of the certificate (default today)"}}, Produces: mediaPDF, Handle: getBylawsCertificatePDF},
		{Method: "GET", Path: cp + "/calendar/ics", Summary: "the deadlines as an iCalendar feed", Policy: access.ReadBooks, Query: fromToDocs, Produces: mediaICS, Handle: getCalendarICS},
		{Method: "GET", Path: cp + "/journal/stream", Summary: "the journal as a stream: one JSON entry a line from a sequence number to the head", Policy: access.ReadBooks, Query: []Param{{Name: "from", Doc: "the first sequence number (default 1)"}}, Produces: mediaNDJSON, Handle: getJournalStream},
		{Method: "GET", Path: cp + "/journal/checkpoint", Summary: "the latest signed checkpoint of the journal (corporation, sequence number, hash, ed25519 signature)", Policy: access.ReadBooks, Produces: mediaText, Handle: getCheckpoint},
		{Method: "GET", Path: cp + "/export/ocf", Summary: "the corporation as an Open Cap Table Format 1.2.0 package (zip)", Policy: access.ReadBooks, Query: []Param{asOfParam}, Produces: mediaZip, Handle: getOCF},
	}
}

func pdfDocument(doc forms.Doc, filename string) (any, error) {
	b, err := views.PDF(doc)
	if err != nil {
		return nil, err
	}
	return &Document{MediaType: mediaPDF, Filename: filename, Body: b}, nil
}

// certificatePDF downloads certificate n; when holder is not "", only if
// it is that holder's.
func (c *Call) certificatePDF(n int64, holder string) (any, error) {
	if holder != "" {
		cert, err := views.FindCertificate(c.Ctx(), c.S.Acts, c.Corp, n)
		if err != nil {
			return nil, err
		}
		if cert.Holder != holder {
			return nil, corp.E("certificate", corp.NotFound, "certificate %d is not %s's", n, holder)
		}
	}
	doc, err := views.CertificateDoc(c.Ctx(), c.S.Acts, c.Corp, n)
	if err != nil {
		return nil, err
	}
	return pdfDocument(doc, fmt.Sprintf("%s-certificate-%d.pdf", c.Corp, n))
}

func getCertificatePDF(c *Call) (any, error) {
	n, err := c.certNumber()
	if err != nil {
		return nil, err
	}
	return c.certificatePDF(n, "")
}

func getHolderCertificatePDF(c *Call) (any, error) {
	n, err := c.certNumber()
	if err != nil {
		return nil, err
	}
	return c.certificatePDF(n, c.Path("person"))
}

func getStocklistPDF(c *Call) (any, error) {
	l, err := c.stocklist()
	if err != nil {
		return nil, err
	}
	return c.listPDF(l, fmt.Sprintf("%s-stockholders-%s.pdf", c.Corp, l.RecordDate))
}

func (c *Call) listPDF(l *acts.StockholderList, filename string) (any, error) {
	doc, err := views.StockholderListDoc(c.Ctx(), c.S.Acts, c.Corp, l)
	if err != nil {
		return nil, err
	}
	return pdfDocument(doc, filename)
}

// csvDocument writes a CSV download with w.
func csvDocument(filename string, w func(io.Writer) error) (any, error) {
	var buf bytes.Buffer
	if err := w(&buf); err != nil {
		return nil, err
	}
	return &Document{MediaType: mediaCSV, Filename: filename, Body: buf.Bytes()}, nil
}

func getStocklistCSV(c *Call) (any, error) {
	l, err := c.stocklist()
	if err != nil {
		return nil, err
	}
	return csvDocument(fmt.Sprintf("%s-stockholders-%s.csv", c.Corp, l.RecordDate), l.WriteCSV)
}

func getMeetingListPDF(c *Call) (any, error) {
	l, err := c.meetingList()
	if err != nil {
		return nil, err
	}
	return c.listPDF(l, fmt.Sprintf("%s-%s-stockholders.pdf", c.Corp, c.Path("meeting")))
}

func getNoticePDF(c *Call) (any, error) {
	f, err := c.noticeFacts()
	if err != nil {
		return nil, err
	}
	return pdfDocument(forms.MeetingNotice(f, nil), fmt.Sprintf("%s-%s-notice.pdf", c.Corp, c.Path("meeting")))
}

func getHolderNoticePDF(c *Call) (any, error) {
	f, err := c.noticeFacts()
	if err != nil {
		return nil, err
	}
	h, err := views.NoticeHolder(f, c.Path("person"))
	if err != nil {
		return nil, err
	}
	return pdfDocument(forms.MeetingNotice(f, h), fmt.Sprintf("%s-%s-notice-%s.pdf", c.Corp, c.Path("meeting"), h.Person.ID))
}

func getProxyCardPDF(c *Call) (any, error) {
	f, err := c.noticeFacts()
	if err != nil {
		return nil, err
	}
	h, err := views.NoticeHolder(f, c.Path("person"))
	if err != nil {
		return nil, err
	}
	return pdfDocument(forms.ProxyCard(f, *h, c.Query("proxies")), fmt.Sprintf("%s-%s-proxy-card-%s.pdf", c.Corp, c.Path("meeting"), h.Person.ID))
}

func getMinutesPDF(c *Call) (any, error) {
	m, err := c.S.Acts.Minutes(c.Ctx(), c.Corp, c.Path("meeting"))
	if err != nil {
		return nil, err
	}
	return pdfDocument(forms.Minutes(m), fmt.Sprintf("%s-%s-minutes.pdf", c.Corp, c.Path("meeting")))
}

func (c *Call) schedule() (*acts.DividendSchedule, error) {
	return c.S.Acts.DividendSchedule(c.Ctx(), c.Corp, c.Path("dividend"))
}

func getSchedulePDF(c *Call) (any, error) {
	s, err := c.schedule()
	if err != nil {
		return nil, err
	}
	doc, err := views.DividendScheduleDoc(c.Ctx(), c.S.Acts, c.Corp, s)
	if err != nil {
		return nil, err
	}
	return pdfDocument(doc, fmt.Sprintf("%s-dividend-%s.pdf", c.Corp, s.Dividend.ID))
}

func getScheduleCSV(c *Call) (any, error) {
	s, err := c.schedule()
	if err != nil {
		return nil, err
	}
	return csvDocument(fmt.Sprintf("%s-dividend-%s.csv", c.Corp, s.Dividend.ID), s.WriteCSV)
}

func getBylawsCertificatePDF(c *Call) (any, error) {
	f, err := c.bylawsCertificate()
	if err != nil {
		return nil, err
	}
	return pdfDocument(forms.SecretaryCertificate(f), fmt.Sprintf("%s-bylaws-certificate-%s.pdf", c.Corp, f.On))
}

func getCalendarICS(c *Call) (any, error) {
	ds, err := c.calendar()
	if err != nil {
		return nil, err
	}
	co, _, err := c.S.Acts.CorporationOn(c.Ctx(), c.Corp, corp.MustDate(9999, 12, 31))
	if err != nil {
		return nil, err
	}
	return &Document{MediaType: mediaICS, Filename: c.Corp + ".ics", Body: views.ICalendar(c.Corp, co.LegalName, ds, c.S.Clock())}, nil
}

// streamed marks a response the handler wrote itself.
type streamed struct{}

// getJournalStream writes every entry from ?from to the head, one JSON
// object a line, reading the journal a thousand entries at a time and
// flushing after each batch.
func getJournalStream(c *Call) (any, error) {
	from := uint64(1)
	if s := c.Query("from"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || n < 1 {
			return nil, corp.E("query", corp.Invalid, "from: %q is not a sequence number", s)
		}
		from = n
	}
	const batch = 1000
	es, hs, err := c.S.Acts.Entries(c.Ctx(), c.Corp, from, from+batch-1)
	if err != nil {
		return nil, err
	}
	c.W.Header().Set("Content-Type", mediaNDJSON)
	c.W.WriteHeader(http.StatusOK)
	bw := bufio.NewWriter(c.W)
	enc := json.NewEncoder(bw)
	fl, _ := c.W.(http.Flusher)
	for len(es) > 0 {
		for _, e := range views.Entries(es, hs) {
			if err := enc.Encode(e); err != nil {
				return &streamed{}, nil
			}
		}
		if bw.Flush() != nil {
			return &streamed{}, nil
		}
		if fl != nil {
			fl.Flush()
		}
		if len(es) < batch || c.Ctx().Err() != nil {
			break
		}
		from = es[len(es)-1].Seq + 1
		if es, hs, err = c.S.Acts.Entries(c.Ctx(), c.Corp, from, from+batch-1); err != nil {
			c.S.Logger.Error("journal stream", "corp", c.Corp, "err", err)
			break
		}
	}
	return &streamed{}, nil
}

// getCheckpoint signs the head of the journal with the server's key (as
// `minutebook journal checkpoint` does with the same key file).
func getCheckpoint(c *Call) (any, error) {
	if c.S.CheckpointKey == nil {
		return nil, corp.E("checkpoint", corp.NotFound, "this server has no signing key (serve loads it from --key, or the db path + .key)")
	}
	cp, err := c.S.Acts.Checkpoint(c.Ctx(), c.Corp, c.S.CheckpointKey)
	if err != nil {
		return nil, err
	}
	return &Document{MediaType: mediaText, Body: cp.Marshal()}, nil
}

func getOCF(c *Call) (any, error) {
	d, err := c.On("as_of")
	if err != nil {
		return nil, err
	}
	ex, err := ocf.ExportCorporation(c.Ctx(), c.S.Acts, c.Corp, ocf.ExportOptions{AsOf: d, GeneratedAt: c.S.Clock()})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := ex.WriteZip(&buf); err != nil {
		return nil, err
	}
	return &Document{MediaType: mediaZip, Filename: c.Corp + ".ocf.zip", Body: buf.Bytes()}, nil
}
