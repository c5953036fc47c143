package tables

// Voting at stockholders' meetings (Art. II §2, §9, §10; DGCL §212, §231):
// the polls of each meeting with the matters put to it, proxies, ballots
// and certified results. Dates are Text YYYY-MM-DD; voting power is whole
// vote units (votes × 10^scale of the meeting).
var (
	// VotePolls holds the polls of a stockholders' meeting as the
	// inspector of election opened them: what the meeting's own records
	// (stockholder_meetings: its date, record date, attendance and quorum)
	// lack — the matters (JSON: questions, and elections with seats,
	// candidates and incumbents), the scale of its vote units, the voting
	// power outstanding at the meeting's record date, and when the polls
	// opened and closed ("" while open).
	VotePolls = Register(&Table{Name: "vote_polls", Key: 1, Columns: []Column{
		{"meeting", Text}, {"opened", Text}, {"closed", Text},
		{"matters", Text}, {"scale", Int}, {"outstanding", Int}, {"inspector", Text}, {"seq", Int}, {"closed_seq", Int},
	}})
	// VoteProxies holds every proxy a holder of record granted (Art. II
	// §10): to whom, its date, the period it states ("" for none), the
	// meeting it is for ("" for a general proxy), and its revocation by
	// written notice ("" while not revoked).
	VoteProxies = Register(&Table{Name: "vote_proxies", Key: 2, Columns: []Column{
		{"holder", Text}, {"id", Text}, {"proxy_holder", Text}, {"date", Text}, {"period", Text}, {"meeting", Text},
		{"revoked", Text}, {"revoked_seq", Int}, {"seq", Int},
	}})
	// VoteBallots holds every ballot cast, keyed by meeting so that a
	// meeting's ballots are read in one scan: the canonical encoding of
	// the ballot (package vote), whose SHA-256 is its receipt.
	VoteBallots = Register(&Table{Name: "vote_ballots", Key: 4, Columns: []Column{
		{"meeting", Text}, {"matter", Text}, {"holder", Text}, {"seq", Int}, {"ballot", Blob},
	}})
	// VoteResults holds the result of a meeting as the inspector of
	// election certified it: the receipts root and the result (JSON).
	VoteResults = Register(&Table{Name: "vote_results", Key: 1, Columns: []Column{
		{"meeting", Text}, {"effective", Text}, {"root", Text}, {"result", Text}, {"seq", Int},
	}})
)
