package tables

// The tables of dividends and reserves (Art. VII §1–2, Art. VI §5, §7).
// Money and rates are Text in canonical decimal form; dates are Text
// YYYY-MM-DD, "" for none.
var (
	// Dividends holds each dividend declared: its form, the rate per share
	// of each class (JSON), the record and payment dates, the resolution
	// and, once paid, the payment's date and entry.
	Dividends = Register(&Table{Name: "dividends", Key: 1, Columns: []Column{
		{"id", Text}, {"declared", Text}, {"form", Text}, {"rates", Text}, {"record_date", Text}, {"payable", Text},
		{"property", Text}, {"resolution", Text}, {"body", Text}, {"paid", Text}, {"paid_seq", Int}, {"seq", Int},
	}})
	// DividendPayments holds the schedule of a paid dividend as it was
	// paid: each registered holder's shares of a class on the record date,
	// the shares entitled (partly paid shares in proportion to the amount
	// paid) and the exact entitlement as fractions "num/den", the amount
	// paid (cash or property value rounded down to the cent, or dividend
	// shares rounded down to the class's units) and the certificate issued
	// for dividend shares (0 for none).
	DividendPayments = Register(&Table{Name: "dividend_payments", Key: 3, Columns: []Column{
		{"dividend", Text}, {"holder", Text}, {"class", Text}, {"units", Int}, {"entitled", Text}, {"exact", Text},
		{"amount", Text}, {"certificate", Int}, {"seq", Int},
	}})
	// Reserves holds each reserve the directors set aside out of funds
	// available for dividends (Art. VII §2): its purpose and amount, the
	// body and manner that created it (a reserve is modified or abolished
	// in the same manner), and the date it was abolished ("" while it
	// stands).
	Reserves = Register(&Table{Name: "reserves", Key: 1, Columns: []Column{
		{"id", Text}, {"purpose", Text}, {"amount", Text}, {"created", Text}, {"body", Text}, {"manner", Text},
		{"resolution", Text}, {"modified", Text}, {"abolished", Text}, {"seq", Int},
	}})
)

// The typed resolutions of the board (Art. V §4, §15, Art. VII §3–5).
var (
	// Resolutions holds the typed resolutions that have no table of their
	// own (check signers, officers' salaries, other resolutions): the
	// kind, the effective date, the body, the resolution's reference and
	// its particulars as JSON.
	Resolutions = Register(&Table{Name: "resolutions", Key: 1, Columns: []Column{
		{"seq", Int}, {"kind", Text}, {"effective", Text}, {"body", Text}, {"resolution", Text}, {"detail", Text},
	}})
	// TreasurerBonds holds each bond the treasurer gave at the board's
	// requirement (Art. V §15): the sum, the sureties (JSON), the date
	// given and the date by which it must be renewed (six years on).
	TreasurerBonds = Register(&Table{Name: "treasurer_bonds", Key: 1, Columns: []Column{
		{"seq", Int}, {"treasurer", Text}, {"amount", Text}, {"sureties", Text}, {"given", Text}, {"renew_by", Text},
		{"resolution", Text},
	}})
)

// The indemnification docket (Art. VII §6; DGCL §145).
var (
	// IndemnificationRequests holds each request: the person and the role
	// by reason of which they are a party, the proceeding, its nature and
	// who brought it, a suit by the corporation's board approval and
	// allegations (JSON), the undertaking to repay and the board's
	// authorization of a proceeding the person initiated.
	IndemnificationRequests = Register(&Table{Name: "indemnification_requests", Key: 1, Columns: []Column{
		{"id", Text}, {"person", Text}, {"role", Text}, {"by_reason_of", Text}, {"enterprise", Text}, {"proceeding", Text},
		{"nature", Text}, {"initiated_by", Text}, {"corporation_suit", Text}, {"requested", Text},
		{"undertaking", Text}, {"authorized", Text}, {"board_authorizations", Text}, {"seq", Int},
	}})
	// IndemnificationPayments holds the advances and indemnity payments
	// decided on a request: the amount claimed, the offsets of other
	// indemnification and insurance, and the amount payable.
	IndemnificationPayments = Register(&Table{Name: "indemnification_payments", Key: 2, Columns: []Column{
		{"request", Text}, {"seq", Int}, {"kind", Text}, {"effective", Text}, {"claimed", Text}, {"insurance", Text},
		{"other", Text}, {"payable", Text}, {"mandatory", Int}, {"resolution", Text},
	}})
)
