// Package vote is the pure tally of a stockholders' meeting: ballots
// weighted by class and votes per share, questions decided by a majority
// of the voting power present (Art. II §9), directors elected by plurality
// (Art. II §2) or cumulatively (Art. II §10 ¶2; DGCL §214), ties for the
// last seat left undetermined (A-TIE), proxy lapse and resolution (Art. II
// §10; DGCL §212(b), (e)), ballot receipts and the Merkle root over them,
// and the cumulative-voting threshold.
//
// Voting power is counted in integer vote units (votes × 10^scale, the
// scale fixed for a meeting), so that sums are exact; nothing here uses
// floating point.
//
// It imports only the standard library and package corp (civil dates).
// It knows nothing of stores, journals or bylaws versions: package acts
// reads the rulebook and passes the readings in as Options.
package vote
