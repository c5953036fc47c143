// Package forms builds legal documents as neutral trees: a title, then
// blocks of paragraphs, key/value fields, tables, legends and signature
// blocks, with no knowledge of how they are printed. Builders take the
// answers of package acts (a certificate, a stockholder list), the
// corporation's record and charter facts, and the bylaws in force, and
// choose the wording: which legends a certificate bears and their exact
// text (Art. VI §1–2, §6; Art. VIII §1(j)).
//
// Package pdf renders a Doc; Doc.Text renders it as plain text for golden
// tests and for reading.
//
// forms imports acts, bylaws and corp, and never a store or a transport.
package forms
