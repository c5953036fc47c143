package tables

// Board and committee meetings, resolutions, unanimous written consents,
// committees and director compensation (Art. III §2–§13, Art. IV, Art. V
// §6–§8). Lists of persons are canonical JSON arrays in Text columns; dates
// are Text YYYY-MM-DD and times Text HH:MM.
var (
	// BoardMeetings holds each meeting of the board or of a committee
	// (body "board" or the committee's id): how and by whom it was called,
	// when and where, its purposes (JSON) and, once held, who presided,
	// the presence counted and the quorum it needed.
	BoardMeetings = Register(&Table{Name: "board_meetings", Key: 1, Columns: []Column{
		{"id", Text}, {"body", Text}, {"kind", Text}, {"date", Text}, {"time", Text}, {"place", Text},
		{"called_by", Text}, {"requested_by", Text}, {"purposes", Text}, {"adjourned_from", Text},
		{"called", Text}, {"seq", Int}, {"held", Int}, {"chair", Text}, {"present", Int}, {"members", Int},
		{"quorum", Int}, {"has_quorum", Int}, {"adjourned_to", Text}, {"held_seq", Int},
	}})
	// BoardNotices holds each notice of a meeting given to a director:
	// the method and when it was given (Art. III §7, Art. IV §1).
	BoardNotices = Register(&Table{Name: "board_notices", Key: 3, Columns: []Column{
		{"meeting", Text}, {"director", Text}, {"seq", Int}, {"method", Text}, {"given", Text}, {"given_time", Text}, {"hours", Int}, {"days", Int},
	}})
	// BoardWaivers holds each waiver of notice of a meeting: signed in
	// writing (Art. IV §2) or by attendance (DGCL §229).
	BoardWaivers = Register(&Table{Name: "board_waivers", Key: 2, Columns: []Column{
		{"meeting", Text}, {"director", Text}, {"signed", Text}, {"form", Text}, {"seq", Int},
	}})
	// BoardAttendance holds who was present at a meeting and how (in
	// person, by conference telephone or video: Art. III §10), in what
	// role (director, member, alternate or substitute, and for whom).
	BoardAttendance = Register(&Table{Name: "board_attendance", Key: 2, Columns: []Column{
		{"meeting", Text}, {"person", Text}, {"mode", Text}, {"role", Text}, {"replaces", Text}, {"objected", Int}, {"seq", Int},
	}})
	// BoardResolutions holds each act adopted by the board or a committee,
	// under the meeting or consent that adopted it, with the votes.
	BoardResolutions = Register(&Table{Name: "board_resolutions", Key: 2, Columns: []Column{
		{"adopted_in", Text}, {"seq", Int}, {"kind", Text}, {"body", Text}, {"effective", Text},
		{"votes_for", Int}, {"votes_against", Int}, {"votes_abstain", Int}, {"votes", Text},
	}})
	// BoardConsents holds each unanimous written consent of the board or a
	// committee, with its signers and the members in office (Art. III §9).
	BoardConsents = Register(&Table{Name: "board_consents", Key: 1, Columns: []Column{
		{"id", Text}, {"body", Text}, {"effective", Text}, {"signers", Text}, {"members", Text}, {"resolutions", Text}, {"seq", Int},
	}})
	// Committees holds each committee the board designates: members,
	// alternates, powers granted, quorum ("0": the DGCL §141(c)(4) default),
	// its tenure (Art. III §11) and the notice its meetings need ("": as for
	// a special meeting of the board; "none").
	Committees = Register(&Table{Name: "committees", Key: 1, Columns: []Column{
		{"id", Text}, {"name", Text}, {"designated", Text}, {"dissolved", Text}, {"members", Text},
		{"alternates", Text}, {"powers", Text}, {"quorum", Int}, {"resolution", Text}, {"seq", Int},
		{"notice", Text},
	}})
	// BoardSchedules holds the schedules of regular meetings the board
	// fixes (Art. III §6).
	BoardSchedules = Register(&Table{Name: "board_schedules", Key: 2, Columns: []Column{
		{"effective", Text}, {"seq", Int}, {"dates", Text}, {"time", Text}, {"place", Text},
	}})
	// DirectorCompensation holds the board's resolutions fixing directors'
	// pay: expenses, a fee per meeting or a salary (Art. III §13), with the
	// body (board or committee id) and the resolution.
	DirectorCompensation = Register(&Table{Name: "director_compensation", Key: 2, Columns: []Column{
		{"effective", Text}, {"seq", Int}, {"form", Text}, {"amount", Text}, {"directors", Text}, {"committee_members", Int},
		{"body", Text}, {"resolution", Text},
	}})
	// CourtTriggers holds each filling of a vacancy made when the
	// directors in office were less than a majority of the whole board,
	// so that holders of 10% may apply to the Court of Chancery (Art. III
	// §2; DGCL §223(c)).
	CourtTriggers = Register(&Table{Name: "court_triggers", Key: 1, Columns: []Column{
		{"seq", Int}, {"effective", Text}, {"in_office", Int}, {"whole_board", Int}, {"director", Text},
	}})
)

// BoardConsentCirculations holds each written consent the secretary
// circulates for signature, with the members asked to sign, the
// signatures received so far ({director, signed} in order of signing) and
// the date it took effect ("" while signatures are missing). When the last
// member in office signs, the consent is also filed in BoardConsents
// (Art. III §9; DGCL §141(f)).
var BoardConsentCirculations = Register(&Table{Name: "board_consent_circulations", Key: 1, Columns: []Column{
	{"id", Text}, {"body", Text}, {"circulated", Text}, {"directors", Text}, {"resolutions", Text},
	{"signatures", Text}, {"effective", Text}, {"seq", Int},
}})
