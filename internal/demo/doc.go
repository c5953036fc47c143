// Package demo builds the demo corporation, Quintus Corporation, with
// several years of recorded history: its charter, its 1999 bylaws and its
// people (quintus.yaml, the base that `minutebook demo` records), then a
// seeded, deterministic history up to a given day: annual meetings with
// their calls, record dates, notices, lists, proxies, ballots and certified
// elections; board meetings and unanimous written consents; officers; a
// committee; issuances and transfers under the right of first refusal;
// dividends; options granted and exercised; a lost certificate replaced.
// It leaves the business of the day pending for the secretary's dashboard.
//
// Everything goes through the one act path (acts.Service.Apply). The
// package imports acts, corp and the standard library (and the YAML
// library to write act files); never a store or a transport.
package demo
