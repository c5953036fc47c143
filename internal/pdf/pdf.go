// Package pdf renders the documents of package forms to PDF. It is the
// only package that imports the PDF library (github.com/go-pdf/fpdf).
//
// Output is deterministic: the creation and modification dates are the
// form's own date (Doc.Date, at midnight UTC), resource catalogues are
// written in sorted order, and no random document id is written, so that
// one form always renders to the same bytes.
//
// Type is one of the PDF core fonts (Times for text, Helvetica for tables),
// written in the Windows-1252 code page with WinAnsiEncoding: it covers
// "§", "×", "—" and "…" and the accented Latin letters. Render refuses,
// with the text and the character, a document with a character outside
// that code page rather than print it wrong.
//
// pdf imports forms (and the standard library, x/text and fpdf), never
// a store.
package pdf

import (
	"fmt"
	"io"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/encoding/charmap"

	"minutebook/internal/forms"
)

// Page geometry, in millimetres (US Letter).
const (
	margin     = 20.0
	lineHeight = 5.2
)

// Render writes doc as a PDF to w.
func Render(w io.Writer, doc forms.Doc) error {
	r := &renderer{f: fpdf.New("P", "mm", "Letter", ""), enc: charmap.Windows1252.NewEncoder()}
	f := r.f
	y, m, d := doc.Date.YMD()
	if doc.Date.IsZero() {
		y, m, d = 2000, 1, 1
	}
	date := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetProducer("minutebook", false)
	f.SetCreator("minutebook", false)
	f.SetTitle(doc.Title, true)
	f.SetSubject(doc.Subject, true)
	f.SetAuthor(doc.Author, true)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(true, margin)
	f.AliasNbPages("{nb}")
	footer := r.text(doc.Title)
	f.SetFooterFunc(func() {
		f.SetY(-margin + 6)
		f.SetFont("Helvetica", "", 8)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(0, 4, fmt.Sprintf("%s - page %d of {nb}", footer, f.PageNo()), "", 0, "C", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.AddPage()
	f.SetFont("Times", "B", 16)
	f.MultiCell(0, 8, r.text(doc.Title), "", "C", false)
	f.Ln(3)
	for _, b := range doc.Blocks {
		if r.err != nil {
			break
		}
		r.block(b)
	}
	if r.err != nil {
		return r.err
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %v", err)
	}
	return f.Output(w)
}

type renderer struct {
	f   *fpdf.Fpdf
	enc interface{ String(string) (string, error) }
	err error
}

// text converts s to Windows-1252, recording an error for a character the
// core fonts cannot print.
func (r *renderer) text(s string) string {
	out, err := r.enc.String(s)
	if err != nil && r.err == nil {
		for _, c := range s {
			if _, e := r.enc.String(string(c)); e != nil {
				r.err = fmt.Errorf("pdf: %q contains %q (U+%04X), which the PDF core fonts (Windows-1252) cannot print", s, c, c)
				return ""
			}
		}
		r.err = fmt.Errorf("pdf: %q cannot be printed in Windows-1252: %v", s, err)
	}
	return out
}

func (r *renderer) block(b forms.Block) {
	f := r.f
	switch x := b.(type) {
	case *forms.Heading:
		f.Ln(2)
		f.SetFont("Times", "B", 13)
		f.MultiCell(0, 7, r.text(x.Text), "", "L", false)
		f.Ln(1)
	case *forms.Paragraph:
		size, style, lh := 11.0, "", lineHeight
		switch x.Style {
		case forms.Strong:
			style = "B"
		case forms.Large:
			size, style, lh = 20, "B", 10
		case forms.Small:
			size, style, lh = 8.5, "I", 4
		}
		f.SetFont("Times", style, size)
		f.MultiCell(0, lh, r.text(x.Text), "", map[forms.Align]string{forms.Left: "L", forms.Center: "C", forms.Justify: "J"}[x.Align], false)
		f.Ln(2)
	case *forms.Fields:
		for _, row := range x.Rows {
			f.SetFont("Times", "B", 11)
			f.CellFormat(45, 6, r.text(row.Key), "", 0, "L", false, 0, "")
			f.SetFont("Times", "", 11)
			f.MultiCell(0, 6, r.text(row.Value), "", "L", false)
		}
		f.Ln(2)
	case *forms.Table:
		r.table(x)
	case *forms.Legend:
		f.SetFont("Helvetica", "B", 8.5)
		f.SetLineWidth(0.3)
		f.MultiCell(0, 4.2, r.text(x.Text), "1", "L", false)
		f.SetFont("Times", "I", 8)
		f.MultiCell(0, 4, r.text(x.Citation), "", "R", false)
		f.Ln(2)
	case *forms.Signatures:
		r.signatures(x)
	case *forms.PageBreak:
		f.AddPage()
		f.SetFont("Times", "B", 14)
		f.MultiCell(0, 8, r.text(x.Caption), "", "C", false)
		f.Ln(2)
	default:
		r.err = fmt.Errorf("pdf: cannot render a %T", b)
	}
}

// table draws a table with wrapped cells; the header repeats on each new
// page.
func (r *renderer) table(t *forms.Table) {
	f := r.f
	pw, _ := f.GetPageSize()
	avail := pw - 2*margin
	total := 0.0
	for _, c := range t.Columns {
		total += max(c.Width, 0.5)
	}
	widths := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = avail * max(c.Width, 0.5) / total
	}
	const lh = 4.5
	var head []string
	for _, c := range t.Columns {
		head = append(head, c.Title)
	}
	var row func(cells []string, style string, header, fill bool)
	row = func(cells []string, style string, header, fill bool) {
		f.SetFont("Helvetica", style, 8.5)
		lines := make([][][]byte, len(t.Columns))
		n := 1
		for i := range t.Columns {
			cell := ""
			if i < len(cells) {
				cell = cells[i]
			}
			lines[i] = f.SplitLines([]byte(r.text(cell)), widths[i])
			n = max(n, len(lines[i]))
		}
		h := float64(n)*lh + 1.5
		_, ph := f.GetPageSize()
		if f.GetY()+h > ph-margin {
			f.AddPage()
			if !header {
				row(head, "B", true, true) // the header again, on the new page
				f.SetFont("Helvetica", style, 8.5)
			}
		}
		x0, y0 := f.GetX(), f.GetY()
		x := x0
		for i, c := range t.Columns {
			if fill {
				f.SetFillColor(232, 232, 232)
				f.Rect(x, y0, widths[i], h, "F")
			}
			align := "L"
			if c.Numeric {
				align = "R"
			}
			for j, l := range lines[i] {
				f.SetXY(x, y0+0.75+float64(j)*lh)
				f.CellFormat(widths[i], lh, string(l), "", 0, align, false, 0, "")
			}
			x += widths[i]
		}
		f.SetDrawColor(160, 160, 160)
		f.SetLineWidth(0.2)
		f.Line(x0, y0+h, x0+avail, y0+h)
		f.SetDrawColor(0, 0, 0)
		f.SetXY(x0, y0+h)
	}
	row(head, "B", true, true)
	for _, cells := range t.Rows {
		row(cells, "", false, false)
	}
	for _, cells := range t.Totals {
		row(cells, "B", false, true)
	}
	f.Ln(4)
}

// signatures draws the signature lines side by side: a facsimile signature
// is printed in script over its line and marked "(facsimile)"; a manual one
// leaves the line for ink.
func (r *renderer) signatures(s *forms.Signatures) {
	f := r.f
	f.Ln(10)
	pw, ph := f.GetPageSize()
	if f.GetY()+28 > ph-margin {
		f.AddPage()
	}
	n := len(s.Signers)
	gap := 12.0
	w := (pw - 2*margin - gap*float64(n-1)) / float64(n)
	y := f.GetY()
	for i, sg := range s.Signers {
		x := margin + float64(i)*(w+gap)
		if sg.Facsimile {
			f.SetFont("Times", "I", 15)
			f.SetXY(x, y)
			f.CellFormat(w, 9, r.text(sg.Name), "", 0, "C", false, 0, "")
		}
		f.SetLineWidth(0.3)
		f.Line(x, y+10, x+w, y+10)
		f.SetFont("Times", "", 10)
		f.SetXY(x, y+11)
		f.CellFormat(w, 5, r.text(sg.Name), "", 0, "C", false, 0, "")
		f.SetXY(x, y+16)
		f.SetFont("Times", "B", 10)
		f.CellFormat(w, 5, r.text(sg.Office), "", 0, "C", false, 0, "")
		if sg.Facsimile {
			f.SetXY(x, y+21)
			f.SetFont("Times", "I", 9)
			f.CellFormat(w, 5, "(facsimile)", "", 0, "C", false, 0, "")
		}
	}
	f.SetXY(margin, y+28)
}
