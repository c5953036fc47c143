package tables

// Stockholders' meetings (Art. II, Art. IV, Art. VI §5, Art. IX): the
// requests to call a special meeting, the meetings as called, their record
// dates, the notices delivered to each holder (the delivery log), the
// waivers, the stockholder list's preparation and every request to
// examine it and access to it, the meeting as held (attendance in person,
// by remote communication or by proxy, the quorum, the chair, an
// adjournment), the business brought before it, and the actions taken by
// written consent without a meeting (Art. II §11). Lists are canonical
// JSON arrays in Text columns; dates are Text YYYY-MM-DD; share counts are
// exact decimals in Text columns.
var (
	// StockholderMeetings holds each meeting of the stockholders: its
	// type (annual or special), when and where (and by what remote means),
	// who called it and on whose request, its purposes (JSON), its record
	// date and how it was set (fixed by the board, the statutory default,
	// or carried to an adjournment), the list's preparation and, once
	// held, the chair, the shares present and entitled, the quorum and the
	// adjournment. An adjourned session is a meeting of its own whose
	// adjourned_from names the session it continues; needs_notice says
	// whether it needs a fresh notice (Art. II §8).
	StockholderMeetings = Register(&Table{Name: "stockholder_meetings", Key: 1, Columns: []Column{
		{"id", Text}, {"type", Text}, {"date", Text}, {"time", Text}, {"place", Text}, {"remote", Text},
		{"remote_only", Int}, {"called_by", Text}, {"called", Text}, {"request", Text}, {"purposes", Text},
		{"record_date", Text}, {"record_date_how", Text}, {"adjourned_from", Text}, {"needs_notice", Int},
		{"list_place", Text}, {"list_prepared", Text}, {"list_seq", Int}, {"seq", Int},
		{"held", Int}, {"chair", Text}, {"shares_present", Text}, {"shares_entitled", Text}, {"has_quorum", Int},
		{"list_produced", Int}, {"adjourned_to", Text}, {"held_seq", Int},
	}})
	// StockholderRequests holds each written request to call a special
	// meeting (Art. II §5): by a majority of the board or by holders of a
	// majority of the stock, with the requesters, the purposes, the
	// shares (or directors) requesting against those needed, whether it
	// obliges a call, and the meeting that answered it.
	StockholderRequests = Register(&Table{Name: "stockholder_requests", Key: 1, Columns: []Column{
		{"id", Text}, {"requested_by", Text}, {"requesters", Text}, {"purposes", Text}, {"date", Text},
		{"requesting", Text}, {"needed", Text}, {"binding", Int}, {"called_meeting", Text}, {"seq", Int},
	}})
	// StockholderNotices is the delivery log: each notice given to a
	// holder (of a meeting, or of an action by written consent), by what
	// method, to what address, on what date, and its status (given on
	// deposit in the mail; sent or failed by e-mail, with the SMTP
	// server's answer).
	StockholderNotices = Register(&Table{Name: "stockholder_notices", Key: 3, Columns: []Column{
		{"meeting", Text}, {"holder", Text}, {"seq", Int}, {"method", Text}, {"address", Text},
		{"given", Text}, {"days", Int}, {"status", Text}, {"detail", Text},
	}})
	// StockholderWaivers holds each holder's written waiver of notice of a
	// meeting (Art. IV §2; DGCL §229).
	StockholderWaivers = Register(&Table{Name: "stockholder_waivers", Key: 2, Columns: []Column{
		{"meeting", Text}, {"holder", Text}, {"signed", Text}, {"form", Text}, {"seq", Int},
	}})
	// StockholderAttendance holds who attended a meeting and how: in
	// person, by remote communication, or by proxy (naming the proxy
	// holder), with the shares entitled to vote on the record date, and
	// whether the holder attended only to object (DGCL §229).
	StockholderAttendance = Register(&Table{Name: "stockholder_attendance", Key: 2, Columns: []Column{
		{"meeting", Text}, {"holder", Text}, {"mode", Text}, {"proxy_holder", Text}, {"shares", Text}, {"objected", Int}, {"seq", Int},
		// votes: the holder's voting power at the record date, as
		// meeting.held counted it (a decimal; "" in rows recorded before
		// migration 0018, whose votes are read from the ledger).
		{"votes", Text},
	}})
	// ListInspections logs each request to examine the stockholder list,
	// with its stated purpose, and each access granted (Art. II §4).
	ListInspections = Register(&Table{Name: "list_inspections", Key: 2, Columns: []Column{
		{"meeting", Text}, {"seq", Int}, {"holder", Text}, {"what", Text}, {"date", Text}, {"purpose", Text}, {"request_seq", Int},
	}})
	// StockholderMotions holds the business brought before a meeting: the
	// question's text, the act kind it concerns and the noticed purpose it
	// carries out (Art. II §2, §7). Ballots and the tally name the motion.
	StockholderMotions = Register(&Table{Name: "stockholder_motions", Key: 2, Columns: []Column{
		{"meeting", Text}, {"id", Text}, {"question", Text}, {"kind", Text}, {"purpose", Int}, {"seq", Int},
	}})
	// StockholderConsents holds each action by written consent without a
	// meeting (Art. II §11; DGCL §228): the action, its record date and
	// how it was set, the first delivery, the votes needed and delivered,
	// when it took effect, and the prompt notice to those who did not
	// consent.
	StockholderConsents = Register(&Table{Name: "stockholder_consents", Key: 1, Columns: []Column{
		{"id", Text}, {"action", Text}, {"kind", Text}, {"terms", Text}, {"record_date", Text}, {"record_date_how", Text},
		{"first_delivered", Text}, {"needed", Text}, {"consented", Text}, {"base", Text}, {"effective", Text},
		{"unanimous", Int}, {"prompt_notice", Text}, {"seq", Int},
	}})
	// ConsentDeliveries holds each signed consent delivered to the
	// corporation, with the holder's votes on the record date.
	ConsentDeliveries = Register(&Table{Name: "consent_deliveries", Key: 2, Columns: []Column{
		{"consent", Text}, {"holder", Text}, {"signed", Text}, {"delivered", Text}, {"votes", Text}, {"seq", Int},
	}})
	// NoticePreferences holds each holder's consent to, or objection to,
	// notice by electronic transmission (DGCL §232), the latest first.
	NoticePreferences = Register(&Table{Name: "notice_preferences", Key: 1, Columns: []Column{
		{"holder", Text}, {"electronic", Text}, {"effective", Text}, {"seq", Int},
	}})
)
