package tables

// The foundation's derived tables. Later capabilities register their own
// tables beside these (and add a migration for each store).
var (
	// Corporations holds the corporation's own record (one row).
	Corporations = Register(&Table{Name: "corporations", Key: 0, Columns: []Column{
		{"legal_name", Text}, {"state", Text}, {"time_zone", Text}, {"incorporation_date", Text},
		{"registered_office", Text}, {"principal_office", Text}, {"fiscal_year_end", Text},
		{"seal", Text}, {"created_seq", Int},
	}})
	// CharterVersions holds the charter facts in force from each effective date.
	CharterVersions = Register(&Table{Name: "charter_versions", Key: 2, Columns: []Column{
		{"effective", Text}, {"seq", Int}, {"facts", Text}, {"authority", Text},
	}})
	// BylawsVersions holds every bylaws version with its effective date and source.
	BylawsVersions = Register(&Table{Name: "bylaws_versions", Key: 1, Columns: []Column{
		{"number", Int}, {"effective", Text}, {"seq", Int}, {"hash", Text}, {"adopted_by", Text},
		{"title", Text}, {"source", Blob},
	}})
	// Persons holds people and organisations.
	Persons = Register(&Table{Name: "persons", Key: 1, Columns: []Column{
		{"id", Text}, {"name", Text}, {"sort_key", Text}, {"kind", Text}, {"address", Text},
		{"email", Text}, {"seq", Int},
	}})
	// Relationships holds relationships between persons (ROFR exemptions).
	Relationships = Register(&Table{Name: "relationships", Key: 4, Columns: []Column{
		{"from_person", Text}, {"kind", Text}, {"to_person", Text}, {"since", Text},
		{"until", Text}, {"seq", Int},
	}})
)
