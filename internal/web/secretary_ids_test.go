package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestStableIDs: the ids the browser tests drive (listed at the top of
// secretary.go) are on their pages, so that renaming one fails here first.
func TestStableIDs(t *testing.T) {
	t.Parallel()
	s := newSite(t, onSQLite)
	pages := map[string][]string{
		"":                             {"corp-nav", "nav-dashboard", "nav-captable", "nav-holders", "nav-meetings", "nav-board", "nav-journal", "nav-act", "calendar", "obligations", "verify", "verify-status", "verify-run", "ics-link", "glance"},
		"/captable":                    {"captable-on", "on", "captable-classes", "captable-holders", "captable-chart", "captable-csv", "captable-pdf"},
		"/holders":                     {"holders", "holder-alice"},
		"/holders/alice":               {"holder-certificates", "transfer-start"},
		"/certificates/1":              {"certificate", "transfer-certificate", "certificate-pdf"},
		"/transfer?from=alice":         {"transfer", "tr-from", "cert-1", "tr-shares", "tr-to", "tr-effective", "tr-evidence", "tr-nature", "tr-price", "tr-signer1", "tr-signer2", "tr-rofr-notice", "tr-rofr-waiver", "tr-preview", "tr-windows"},
		"/meetings":                    {"meetings", "meeting-call", "mc-id", "mc-type", "mc-date", "mc-time", "mc-place", "mc-record-date", "mc-purposes", "mc-effective", "mc-preview"},
		"/meetings/annual-2004":        {"notice", "notice-preview", "notice-send", "ns-method", "ns-effective", "ns-check", "ns-send", "list", "list-link", "proxies", "quorum", "tally"},
		"/meetings/annual-2004/notice": {"notice-text", "nh", "notice-pdf"},
		"/board":                       {"directors", "vacancies", "committees", "officers", "acting", "resolutions", "consents"},
		"/journal":                     {"journal", "act-1", "verify-run"},
		"/journal/2":                   {"checks", "act-hash", "act-prev-hash"},
		"/act?kind=person.add":         {"act", "act-kind", "act-yaml", "act-preview"},
		"/minutes/bm-2001-05-10":       {"minutes-text", "minutes-pdf"},
		"/meetings/annual-2004/quorum": {"quorum"},
	}
	for path, ids := range pages {
		st, body := s.get("secretary", "/c/quintus"+path)
		if st != http.StatusOK {
			t.Errorf("GET %s = %d", path, st)
			continue
		}
		for _, id := range ids {
			if !strings.Contains(body, `id="`+id+`"`) {
				t.Errorf("%s: no element with id %q", path, id)
			}
		}
	}
}
