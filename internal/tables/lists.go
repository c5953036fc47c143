package tables

// The tables behind the stockholder list for a record date (Art. II §4,
// Art. VI §5): every version of each person's record by effective date, and
// the list checkpoints, so that a list is read from a checkpoint and the
// few changes since rather than from all of history.
var (
	// PersonVersions holds each person's record as it stood from each
	// effective date: the name, sort key and address a list for a later
	// record date shows until the next version.
	PersonVersions = Register(&Table{Name: "person_versions", Key: 3, Columns: []Column{
		{"person", Text}, {"effective", Text}, {"seq", Int}, {"name", Text}, {"sort_key", Text},
		{"kind", Text}, {"address", Text}, {"email", Text},
	}, Between: "effective"})
	// ListCheckpoints describes the list checkpoints. Level 1 (a segment)
	// holds the net holding changes and the latest person versions effective
	// in (lo, hi]; level 2 (a base) holds every person's record and holdings
	// at the end of hi, in list order. Parts hold the encoded entries.
	ListCheckpoints = Register(&Table{Name: "list_checkpoints", Key: 2, Columns: []Column{
		{"level", Int}, {"hi", Text}, {"lo", Text}, {"parts", Int}, {"entries", Int}, {"seq", Int},
	}})
	// ListParts holds the encoded entries of a checkpoint, in parts.
	ListParts = Register(&Table{Name: "list_parts", Key: 3, Columns: []Column{
		{"level", Int}, {"hi", Text}, {"part", Int}, {"data", Blob},
	}})
)
