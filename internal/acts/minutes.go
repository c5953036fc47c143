package acts

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"minutebook/internal/corp"
	"minutebook/internal/journal"
	"minutebook/internal/tables"
)

// Minutes is what the secretary's minutes of a meeting of the board or a
// committee, or of a unanimous written consent, are generated from (Art.
// III §9, §12; Art. V §11): the meeting as called, noticed and held, and
// every act the books record as adopted at it, with its votes and its
// checks (each with its citation).
type Minutes struct {
	Corporation corp.Corporation
	Meeting     *Meeting      // nil for a consent
	Consent     *ConsentEntry // nil for a meeting
	Notices     []NoticeEntry
	Waivers     []WaiverEntry
	Attendance  []AttendanceEntry
	Absent      []string // directors (members) in office not present
	// Held is the journal entry that recorded the meeting as held: its
	// actor is the secretary who kept the minutes, its checks the quorum,
	// the notice and the chair.
	Held  *journal.Entry
	Items []MinutesItem
	Names map[string]string // person id -> name
	// Stockholders is the stockholders' meeting the minutes are of (nil
	// for a meeting of the board or a committee, or a consent), with the
	// notices delivered, waivers, attendance, list log and motions in
	// Record; Held is then its meeting.held entry.
	Stockholders *StockholderMeeting
	Record       *MeetingRecord
	// Result is the stockholders' meeting's result as the inspector of
	// election certified it (result.certify), nil if none.
	Result *CertifiedResult
}

// ConsentEntry is a unanimous written consent as the books hold it.
type ConsentEntry struct {
	ID          string
	Body        string
	Effective   corp.Date
	Signers     []string
	Members     []string
	Resolutions []string
	Entry       *journal.Entry
}

// NoticeEntry is one notice of a meeting to a director.
type NoticeEntry struct {
	Director, Method, Given, Time string
	Days, Hours                   int
}

// WaiverEntry is one waiver of notice.
type WaiverEntry struct{ Director, Signed, Form string }

// AttendanceEntry is one person present at a meeting.
type AttendanceEntry struct {
	Person, Mode, Role, Replaces string
	Objected                     bool
}

// MinutesItem is one act adopted at the meeting (or by the consent), or
// a committee's report made to it.
type MinutesItem struct {
	Entry                 *journal.Entry
	Summary               string
	For, Against, Abstain int
	Votes                 []VoteField
}

// Minutes returns the minutes of the meeting or consent id.
func (s *Service) Minutes(ctx context.Context, corpID, id string) (*Minutes, error) {
	out := &Minutes{Names: map[string]string{}}
	var seqs []uint64
	items := map[uint64]*MinutesItem{}
	err := s.Store.View(ctx, corpID, func(v View) error {
		cc, err := loadContext(v)
		if err != nil {
			return err
		}
		if cc.corp == nil {
			return corp.E("minutes", corp.NotFound, "corporation %q is not recorded", corpID)
		}
		out.Corporation = *cc.corp
		out.Corporation.ID = corpID
		if err := v.Scan(tables.Persons, nil, func(r tables.Row) error {
			out.Names[r[0].(string)] = r[1].(string)
			return nil
		}); err != nil {
			return err
		}
		m, ok, err := loadMeeting(v, id)
		if err != nil {
			return err
		}
		sm, sok, err := loadSMeeting(v, id)
		if err != nil {
			return err
		}
		if !ok && sok {
			pm := publicSMeeting(sm)
			out.Stockholders = &pm
			if !sm.Held {
				return corp.E("minutes", corp.Invalid, "meeting %s is called but not recorded as held (meeting.held)", id)
			}
			seqs = append(seqs, uint64(sm.HeldSeq))
			out.Record = &MeetingRecord{Meeting: pm}
			if err := readMeetingRecord(v, id, out.Record); err != nil {
				return err
			}
			if row, ok, err := v.Get(tables.VoteResults, id); err != nil {
				return err
			} else if ok {
				out.Result = &CertifiedResult{}
				if err := json.Unmarshal([]byte(row[3].(string)), out.Result); err != nil {
					return err
				}
			}
		} else if ok {
			pm := publicMeeting(m)
			out.Meeting = &pm
			if !m.Held {
				return corp.E("minutes", corp.Invalid, "meeting %s is called but not recorded as held (board_meeting.held)", id)
			}
			seqs = append(seqs, uint64(m.HeldSeq))
			if err := minutesOfMeeting(v, m, out); err != nil {
				return err
			}
		} else {
			row, ok, err := v.Get(tables.BoardConsents, id)
			if err != nil {
				return err
			}
			if !ok {
				return corp.E("minutes", corp.NotFound, "no meeting or consent %q is on the books (minutebook board meetings lists them)", id)
			}
			c := &ConsentEntry{ID: id, Body: row[1].(string)}
			if c.Effective, err = corp.ParseDate(row[2].(string)); err != nil {
				return err
			}
			for i, p := range []*[]string{&c.Signers, &c.Members, &c.Resolutions} {
				if err := json.Unmarshal([]byte(row[3+i].(string)), p); err != nil {
					return err
				}
			}
			out.Consent = c
			seqs = append(seqs, uint64(row[6].(int64)))
		}
		return v.Scan(tables.BoardResolutions, []any{id}, func(r tables.Row) error {
			it := &MinutesItem{For: int(r[5].(int64)), Against: int(r[6].(int64)), Abstain: int(r[7].(int64))}
			if err := json.Unmarshal([]byte(r[8].(string)), &it.Votes); err != nil {
				return err
			}
			seq := uint64(r[1].(int64))
			items[seq] = it
			seqs = append(seqs, seq)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	// The entries, in the order they were recorded.
	sort.Slice(seqs[1:], func(i, j int) bool { return seqs[1+i] < seqs[1+j] })
	for i, seq := range seqs {
		es, _, err := s.Entries(ctx, corpID, seq, seq)
		if err != nil {
			return nil, err
		}
		if len(es) != 1 {
			return nil, fmt.Errorf("minutes: journal entry %d is missing", seq)
		}
		if i == 0 {
			if out.Consent != nil && out.Stockholders == nil {
				out.Consent.Entry = es[0]
			} else {
				out.Held = es[0]
			}
			continue
		}
		it := items[seq]
		it.Entry = es[0]
		if k, ok := LookupKind(es[0].Kind); ok {
			it.Summary = k.Summary
		}
		out.Items = append(out.Items, *it)
	}
	return out, nil
}

func minutesOfMeeting(v View, m *meeting, out *Minutes) error {
	if err := v.Scan(tables.BoardNotices, []any{m.ID}, func(r tables.Row) error {
		out.Notices = append(out.Notices, NoticeEntry{Director: r[1].(string), Method: r[3].(string), Given: r[4].(string), Time: r[5].(string), Hours: int(r[6].(int64)), Days: int(r[7].(int64))})
		return nil
	}); err != nil {
		return err
	}
	if err := v.Scan(tables.BoardWaivers, []any{m.ID}, func(r tables.Row) error {
		out.Waivers = append(out.Waivers, WaiverEntry{Director: r[1].(string), Signed: r[2].(string), Form: r[3].(string)})
		return nil
	}); err != nil {
		return err
	}
	present := map[string]bool{}
	if err := v.Scan(tables.BoardAttendance, []any{m.ID}, func(r tables.Row) error {
		present[r[1].(string)] = true
		out.Attendance = append(out.Attendance, AttendanceEntry{Person: r[1].(string), Mode: r[2].(string), Role: r[3].(string), Replaces: r[4].(string), Objected: r[5].(int64) == 1})
		return nil
	}); err != nil {
		return err
	}
	var members []string
	if m.Body == "board" {
		in, err := directorsOn(v, m.Date)
		if err != nil {
			return err
		}
		members = in
	} else if c, _, err := committeeOn(v, m.Body, m.Date); err != nil {
		return err
	} else if c != nil {
		members = c.Members
	}
	for _, d := range members {
		if !present[d] {
			out.Absent = append(out.Absent, d)
		}
	}
	return nil
}
