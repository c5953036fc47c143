package tables

// The board and the officers (Art. III, Art. V).
var (
	// Directors holds every directorship: who, from when, until when ("" while in office).
	Directors = Register(&Table{Name: "directors", Key: 2, Columns: []Column{
		{"person", Text}, {"since", Text}, {"until", Text}, {"how", Text}, {"ended_how", Text}, {"seq", Int},
	}})
	// BoardSizes holds each determination of the number of directorships.
	BoardSizes = Register(&Table{Name: "board_sizes", Key: 2, Columns: []Column{
		{"effective", Text}, {"seq", Int}, {"size", Int}, {"fixed_by", Text},
	}})
	// Officers holds every tenure of an office: who, from when, until when,
	// and the rank the board designated for succession (0 for none).
	Officers = Register(&Table{Name: "officers", Key: 3, Columns: []Column{
		{"office", Text}, {"person", Text}, {"since", Text}, {"until", Text}, {"rank", Int}, {"seq", Int},
	}})
)
