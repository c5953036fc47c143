// Package bylaws is the rulebook: a corporation's bylaws file (format
// minutebook.bylaws/v1) parsed into typed rules with citations, the engine
// conventions of rules.md §0.1, and the reading chosen for each ambiguity of
// rules.md §4. The Quintus Corporation bylaws of 1999 are embedded as the
// default. The charter facts the bylaws depend on are recorded by acts
// (package acts), beside the bylaws version.
//
// The catalogue (Catalogue, AmbiguityCatalogue, ConventionCatalogue) knows
// every rule id of rules.md and, per rule, the parameters and their types.
// Parse checks a file against it and reports every problem with its file,
// line, column and field path (strict.Errors). Engine code reads parameters
// through typed getters (Int, Fraction, Bool, Date, Text, Texts, Decimal)
// that return the rule's Citation with the value, so that every check can
// cite its source. History picks the version in force on a date.
//
// It imports the standard library, corp, strict and go.yaml.in/yaml/v3 only
// (deps_test.go). It holds no state beyond the parsed rulebooks and never
// touches a store: package acts applies the rules.
package bylaws
