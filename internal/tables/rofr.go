package tables

// The right of first refusal's derived tables (Art. VIII §1). Dates are
// Text YYYY-MM-DD; amounts are decimals in canonical form ("" for none);
// share counts are integer units of the class.
var (
	// ROFRNotices holds each stockholder's notice of a proposed transfer
	// (Art. VIII §1(a)), numbered in one sequence per corporation, with the
	// windows computed from it when it was recorded: the corporation's
	// option (§1(b)), the settlement deadline (§1(d)) and the stockholder's
	// free window (§1(e)); the board's fair market value (§1(b)); the
	// corporation's written decline, if any; and the settlement.
	ROFRNotices = Register(&Table{Name: "rofr_notices", Key: 1, Columns: []Column{
		{"number", Int}, {"holder", Text}, {"class", Text}, {"certificates", Text}, {"units", Int},
		{"transferee", Text}, {"nature", Text}, {"payment", Text}, {"price", Text}, {"consideration", Text},
		{"terms", Text}, {"received", Text}, {"secretary_received", Text}, {"option_first", Text},
		{"option_last", Text}, {"settle_by", Text}, {"free_first", Text}, {"free_last", Text},
		{"fmv", Text}, {"fmv_resolution", Text}, {"declined", Text}, {"settled_seq", Int}, {"seq", Int},
	}})
	// ROFRAssignments holds the corporation's assignments of its option on
	// a notice, in whole or in part (Art. VIII §1(c); A-ASSIGN).
	ROFRAssignments = Register(&Table{Name: "rofr_assignments", Key: 2, Columns: []Column{
		{"notice", Int}, {"assignee", Text}, {"units", Int}, {"resolution", Text}, {"effective", Text}, {"seq", Int},
	}})
	// ROFRElections holds the written elections to buy the shares of a
	// notice, by the corporation (purchaser "corporation") or an assignee
	// (Art. VIII §1(b), (d)).
	ROFRElections = Register(&Table{Name: "rofr_elections", Key: 2, Columns: []Column{
		{"notice", Int}, {"purchaser", Text}, {"units", Int}, {"elected", Text}, {"seq", Int},
	}})
	// ROFRWaivers holds waivers of Art. VIII for a particular transfer, by
	// the board or by the stockholders' written consent, with the votes
	// counted (Art. VIII §1(g); A-WAIVEEXCL).
	ROFRWaivers = Register(&Table{Name: "rofr_waivers", Key: 1, Columns: []Column{
		{"number", Int}, {"holder", Text}, {"transferee", Text}, {"class", Text}, {"certificates", Text},
		{"units", Int}, {"waived_by", Text}, {"resolution", Text}, {"consent_votes", Text}, {"base_votes", Text},
		{"excluded_votes", Text}, {"effective", Text}, {"seq", Int},
	}})
)
