package tables

// The stock ledger's derived tables. Share counts are whole numbers of
// units: shares × 10^scale of their class (scale 0 for whole shares), so
// that sums are exact integers on every store.
var (
	// Certificates holds every certificate and every uncertificated
	// (book-entry) position, numbered in one sequence per corporation.
	Certificates = Register(&Table{Name: "certificates", Key: 1, Columns: []Column{
		{"number", Int}, {"class", Text}, {"holder", Text}, {"units", Int}, {"issued", Text},
		{"status", Text}, {"certificated", Int}, {"consideration", Text}, {"paid", Text},
		{"signers", Text}, {"legends", Text}, {"origin", Text}, {"seq", Int}, {"closed_seq", Int},
		{"acquired", Text},
	}})
	// Holdings holds each holder's current units of each class.
	Holdings = Register(&Table{Name: "holdings", Key: 2, Columns: []Column{
		{"holder", Text}, {"class", Text}, {"units", Int},
	}})
	// HoldingChanges holds every change of a holding, by effective date, so
	// that holdings on any date are the sum of the changes up to it.
	HoldingChanges = Register(&Table{Name: "holding_changes", Key: 4, Columns: []Column{
		{"holder", Text}, {"class", Text}, {"effective", Text}, {"seq", Int}, {"delta_units", Int},
	}, Between: "effective"})
	// ClassTotals holds each class's issued and treasury units.
	ClassTotals = Register(&Table{Name: "class_totals", Key: 1, Columns: []Column{
		{"class", Text}, {"issued_units", Int}, {"treasury_units", Int},
	}})
	// Counters holds named sequences (the next certificate number).
	Counters = Register(&Table{Name: "counters", Key: 1, Columns: []Column{
		{"name", Text}, {"value", Int},
	}})
	// StopOrders holds stop-transfer orders (Art. VI §6), open until lifted.
	StopOrders = Register(&Table{Name: "stop_orders", Key: 1, Columns: []Column{
		{"number", Int}, {"holder", Text}, {"class", Text}, {"certificate", Int}, {"reason", Text},
		{"imposed", Text}, {"lifted", Text}, {"seq", Int},
	}})
	// Registrations holds the corporation's registration statements: their
	// effective dates, stand-off requests (Art. VI §6) and whether they were
	// a first public offering (Art. VIII §1(i)).
	Registrations = Register(&Table{Name: "registrations", Key: 1, Columns: []Column{
		{"id", Text}, {"effective", Text}, {"standoff_requested", Int}, {"requested_by", Text},
		{"requested_on", Text}, {"public_offering", Int}, {"first_offered", Text}, {"seq", Int},
	}})
)

// Corrections indexes the journal entries recorded as corrections (dated
// before the newest act then on the books), so that a list for a date can
// show what altered it without decoding the whole journal.
var Corrections = Register(&Table{Name: "corrections", Key: 1, Columns: []Column{
	{"seq", Int}, {"effective", Text},
}})
