package tables

// The tables of non-voting instruments: options, warrants, convertibles,
// restricted stock units and stock appreciation rights (DGCL §157 rights
// and options; convertible securities). They are not shares: they never
// vote and are never on the stockholder list. Quantities and amounts are
// decimals in canonical form ("" for none); dates are Text YYYY-MM-DD, ""
// for none.
var (
	// Instruments holds each instrument as granted, with what remains of it
	// (its quantity, or a convertible's principal) and its status:
	// outstanding, exercised, cancelled, expired or converted.
	Instruments = Register(&Table{Name: "instruments", Key: 1, Columns: []Column{
		{"id", Text}, {"type", Text}, {"subtype", Text}, {"label", Text}, {"holder", Text}, {"class", Text},
		{"quantity", Text}, {"principal", Text}, {"price", Text}, {"purchase_price", Text},
		{"granted", Text}, {"expiration", Text}, {"vesting", Text}, {"plan", Text}, {"resolution", Text},
		{"remaining", Text}, {"status", Text}, {"closed", Text}, {"seq", Int}, {"closed_seq", Int},
	}})
	// InstrumentChanges holds every change of an instrument after its
	// grant, by effective date, so that what remained of it on any date is
	// its grant less the changes up to that date: the event (exercise,
	// cancel, expire, convert), the quantity or principal it took, and the
	// shares it issued with the certificate that holds them (0 for none).
	InstrumentChanges = Register(&Table{Name: "instrument_changes", Key: 3, Columns: []Column{
		{"instrument", Text}, {"effective", Text}, {"seq", Int}, {"event", Text}, {"taken", Text},
		{"class", Text}, {"shares", Text}, {"certificate", Int}, {"reason", Text},
	}})
)
