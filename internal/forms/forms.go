package forms

import (
	"fmt"
	"strings"

	"minutebook/internal/corp"
)

// Doc is one legal document: metadata and a sequence of blocks, in reading
// order.
type Doc struct {
	Title   string // the document's title, also its metadata title
	Subject string // a one-line description, for metadata
	Author  string // who issues it: the corporation's legal name
	// Date is the document's own date (a certificate's issue date, a
	// list's record date). Renderers use it as the creation date, so that
	// the same document always renders to the same bytes.
	Date   corp.Date
	Blocks []Block
}

// Block is one element of a Doc: *Heading, *Paragraph, *Fields, *Table,
// *Legend, *Signatures or *PageBreak.
type Block interface{ block() }

// Align is how a paragraph is aligned.
type Align int

// Alignments.
const (
	Left Align = iota
	Center
	Justify
)

// Style is the weight of a paragraph's type.
type Style int

// Styles.
const (
	Plain  Style = iota
	Strong       // bold, for a name or a caption
	Large        // a display line, such as the corporation's name on a certificate
	Small        // a note
)

// Heading opens a part of the document.
type Heading struct{ Text string }

// Paragraph is running text.
type Paragraph struct {
	Text  string
	Align Align
	Style Style
}

// Fields are key/value rows, such as "Certificate No.: 4".
type Fields struct{ Rows []Field }

// Field is one key/value row.
type Field struct{ Key, Value string }

// Table is a table with a header row, body rows and total rows.
type Table struct {
	Columns []Column
	Rows    [][]string
	Totals  [][]string // printed after the rows, set apart
}

// Column is a table column.
type Column struct {
	Title   string
	Numeric bool    // right-aligned
	Width   float64 // relative width; the widths of a table are scaled to fit
}

// Legend is restrictive text printed on a certificate, exactly as the
// bylaws (or the statute) give it, with the rule it comes from.
type Legend struct {
	Rule     string // the rule id, e.g. "VIII.1.j.legend"
	Citation string // e.g. "Art. VIII §1(j); DGCL §202"
	Text     string
}

// Signatures are the signature lines of officers, side by side.
type Signatures struct{ Signers []Signature }

// Signature is one officer's signature line.
type Signature struct {
	Name   string
	Office string // e.g. "President"
	// Facsimile is true when the signature is printed as a facsimile
	// (Art. VI §2) rather than signed by hand.
	Facsimile bool
}

// PageBreak starts a new page, with a caption such as "Reverse of
// certificate".
type PageBreak struct{ Caption string }

func (*Heading) block()    {}
func (*Paragraph) block()  {}
func (*Fields) block()     {}
func (*Table) block()      {}
func (*Legend) block()     {}
func (*Signatures) block() {}
func (*PageBreak) block()  {}

// Text renders the document as plain text, one block after another: the
// form golden tests compare, and a reader can diff.
func (d Doc) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", d.Title)
	fmt.Fprintf(&b, "(%s; %s; dated %s)\n", d.Author, d.Subject, d.Date)
	for _, bl := range d.Blocks {
		b.WriteString("\n")
		switch x := bl.(type) {
		case *Heading:
			fmt.Fprintf(&b, "## %s\n", x.Text)
		case *Paragraph:
			prefix := map[Style]string{Strong: "**", Large: "== ", Small: "(small) "}[x.Style]
			if x.Align == Center {
				prefix = "[center] " + prefix
			}
			fmt.Fprintf(&b, "%s%s\n", prefix, x.Text)
		case *Fields:
			for _, f := range x.Rows {
				fmt.Fprintf(&b, "%s: %s\n", f.Key, f.Value)
			}
		case *Table:
			row := func(cells []string) {
				fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
			}
			var head []string
			for _, c := range x.Columns {
				head = append(head, c.Title)
			}
			row(head)
			for _, r := range x.Rows {
				row(r)
			}
			for _, r := range x.Totals {
				row(r)
			}
		case *Legend:
			fmt.Fprintf(&b, "LEGEND %s (%s):\n%s\n", x.Rule, x.Citation, x.Text)
		case *Signatures:
			for _, s := range x.Signers {
				fx := ""
				if s.Facsimile {
					fx = " (facsimile)"
				}
				fmt.Fprintf(&b, "signed: %s, %s%s\n", s.Name, s.Office, fx)
			}
		case *PageBreak:
			fmt.Fprintf(&b, "--- new page: %s ---\n", x.Caption)
		default:
			panic(fmt.Sprintf("forms: unknown block %T", bl))
		}
	}
	return b.String()
}
