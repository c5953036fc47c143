package tables

// The tables of certificates alleged lost, stolen or destroyed (Art. VI §3)
// and of calls and payments on partly paid shares (Art. VI §1, §7). Money
// is Text in canonical decimal form; dates are Text YYYY-MM-DD, "" for
// none.
var (
	// LostCertificates holds each certificate alleged lost, stolen or
	// destroyed: the claimant's affidavit, the board's direction with its
	// conditions precedent (an indemnity bond, an advertisement), their
	// satisfaction, and the replacement certificate (0 until issued).
	LostCertificates = Register(&Table{Name: "lost_certificates", Key: 1, Columns: []Column{
		{"certificate", Int}, {"claimant", Text}, {"representative", Int}, {"cause", Text}, {"circumstances", Text},
		{"sworn", Text}, {"affidavit_seq", Int},
		{"directed", Text}, {"direction_seq", Int}, {"resolution", Text},
		{"bond_required", Text}, {"bond_posted", Text}, {"bond_amount", Text}, {"surety", Text},
		{"advertisement_required", Text}, {"advertised", Text}, {"publication", Text},
		{"replacement", Int}, {"replaced_seq", Int},
	}})
	// StockCalls holds the board's calls for the unpaid consideration of
	// partly paid shares: the amount called on one certificate, the amount
	// of later payments applied to it, and the due date.
	StockCalls = Register(&Table{Name: "stock_calls", Key: 1, Columns: []Column{
		{"number", Int}, {"certificate", Int}, {"holder", Text}, {"amount", Text}, {"applied", Text},
		{"called", Text}, {"due", Text}, {"resolution", Text}, {"seq", Int},
	}})
	// StockPayments holds each payment recorded against a certificate.
	StockPayments = Register(&Table{Name: "stock_payments", Key: 2, Columns: []Column{
		{"certificate", Int}, {"seq", Int}, {"amount", Text}, {"paid_on", Text}, {"payer", Text},
	}})
)
