package ocf

// usStates maps US state codes (ISO 3166-2 subdivisions) to the state's
// name, as corporation.create records it, and a time zone for the
// corporation when the package gives none (OCF has no time zone).
var usStates = map[string][2]string{
	"AL": {"Alabama", "America/Chicago"}, "AK": {"Alaska", "America/Anchorage"}, "AZ": {"Arizona", "America/Phoenix"},
	"AR": {"Arkansas", "America/Chicago"}, "CA": {"California", "America/Los_Angeles"}, "CO": {"Colorado", "America/Denver"},
	"CT": {"Connecticut", "America/New_York"}, "DE": {"Delaware", "America/New_York"}, "DC": {"District of Columbia", "America/New_York"},
	"FL": {"Florida", "America/New_York"}, "GA": {"Georgia", "America/New_York"}, "HI": {"Hawaii", "Pacific/Honolulu"},
	"ID": {"Idaho", "America/Boise"}, "IL": {"Illinois", "America/Chicago"}, "IN": {"Indiana", "America/Indiana/Indianapolis"},
	"IA": {"Iowa", "America/Chicago"}, "KS": {"Kansas", "America/Chicago"}, "KY": {"Kentucky", "America/New_York"},
	"LA": {"Louisiana", "America/Chicago"}, "ME": {"Maine", "America/New_York"}, "MD": {"Maryland", "America/New_York"},
	"MA": {"Massachusetts", "America/New_York"}, "MI": {"Michigan", "America/Detroit"}, "MN": {"Minnesota", "America/Chicago"},
	"MS": {"Mississippi", "America/Chicago"}, "MO": {"Missouri", "America/Chicago"}, "MT": {"Montana", "America/Denver"},
	"NE": {"Nebraska", "America/Chicago"}, "NV": {"Nevada", "America/Los_Angeles"}, "NH": {"New Hampshire", "America/New_York"},
	"NJ": {"New Jersey", "America/New_York"}, "NM": {"New Mexico", "America/Denver"}, "NY": {"New York", "America/New_York"},
	"NC": {"North Carolina", "America/New_York"}, "ND": {"North Dakota", "America/Chicago"}, "OH": {"Ohio", "America/New_York"},
	"OK": {"Oklahoma", "America/Chicago"}, "OR": {"Oregon", "America/Los_Angeles"}, "PA": {"Pennsylvania", "America/New_York"},
	"RI": {"Rhode Island", "America/New_York"}, "SC": {"South Carolina", "America/New_York"}, "SD": {"South Dakota", "America/Chicago"},
	"TN": {"Tennessee", "America/Chicago"}, "TX": {"Texas", "America/Chicago"}, "UT": {"Utah", "America/Denver"},
	"VT": {"Vermont", "America/New_York"}, "VA": {"Virginia", "America/New_York"}, "WA": {"Washington", "America/Los_Angeles"},
	"WV": {"West Virginia", "America/New_York"}, "WI": {"Wisconsin", "America/Chicago"}, "WY": {"Wyoming", "America/Denver"},
}

// stateCode returns the code of a state named name (or already a code).
func stateCode(name string) (string, bool) {
	if _, ok := usStates[name]; ok {
		return name, true
	}
	for code, v := range usStates {
		if v[0] == name {
			return code, true
		}
	}
	return "", false
}
