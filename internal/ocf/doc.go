// Package ocf imports and exports the Open Cap Table Format (OCF): it reads
// an OCF package (a folder with Manifest.ocf.json, or a .ocf.zip), checks
// every file and object against the OCF JSON Schemas of the release the
// manifest names (embedded under schemas/, with their copyright notices),
// reports dangling and duplicate ids, and turns the package into corporate
// acts that go through the one act path (acts.DecodeFile, then
// acts.Service.Apply). Export writes the books back as an OCF 1.2.0 package.
//
// It is an adapter, like the CLI: it imports acts, corp and strict, never a
// store (STYLE.md rules 3 and 4). Options, warrants and convertibles have
// no act kinds; they are kept in the import report as the original OCF
// objects and can be written back on export (docs/ocf.md).
package ocf
