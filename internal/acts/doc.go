// Package acts is the application layer: the one act path through which
// every change to a corporation goes, whether it comes from the CLI, the
// HTTP API or the web.
//
// An act is decoded from an act file (DecodeFile) into a registered Kind
// with typed fields. Service.Apply then, in ONE store transaction per act
// (or per batch, with Options.Atomic), authorizes the actor, loads the
// corporation's state and the bylaws in force on the act's date, runs the
// kind's checks (corp and bylaws rules, each with its citation) and, if
// they hold, writes the effects to the derived tables and the act to the
// journal. The queries (BylawsOn, CorporationOn, Persons, Entries,
// Calendar, Holdings, Certificates, StockholderList) and journal
// verification (Verify, Replay, Checkpoint) read through the same Store.
//
// It names the store contract it needs (Store = tables.Store, which stores
// implement without importing acts) and never imports a store or a
// transport: the composition root (cmd/minutebook) picks the database
// and hands it in, and transports call acts (STYLE.md rules 3 and 4,
// enforced by deps_test.go). It imports the standard library, corp,
// bylaws, journal, tables, strict and go.yaml.in/yaml/v3.
package acts
