package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/forms"
	"minutebook/internal/views"
)

// certificateCmd is "certificate", the commands on one certificate:
// "certificate pdf NUMBER --out FILE".
func (a *app) certificateCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "certificate",
		Short: "documents for one stock certificate",
		Args:  cobra.NoArgs,
	}
	var out string
	p := &cobra.Command{
		Use:   "pdf NUMBER --out FILE",
		Short: "write a stock certificate as PDF: the face, the signers and the legends of the bylaws in force on its issue date",
		Long: "certificate pdf writes certificate NUMBER as PDF (Art. VI §1–2): the corporation and its state, the\n" +
			"number, class, holder, shares in figures and words, the issue date, \"fully paid and non-assessable\" or\n" +
			"the partly paid statement with the total consideration and the amount paid (DGCL §156), and the two\n" +
			"officers' signatures, each marked \"(facsimile)\" where it is one. Its legends are the exact texts of\n" +
			"the bylaws in force on its issue date, for each legend the certificate bears: the ROFR legend on the\n" +
			"face (Art. VIII §1(j)), the market stand-off legend (Art. VI §6), and the class rights or the DGCL\n" +
			"§202 statement that they are furnished on request. --out - writes to standard output.\n" +
			"See docs/documents.md.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			n, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || n < 1 {
				return fail(exitBadInput, "certificate number %q: give a whole number, e.g. 4", args[0])
			}
			if out == "" {
				return fail(exitBadInput, "--out is required: the PDF file to write (or - for standard output)")
			}
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			doc, err := views.CertificateDoc(ctx, a.svc, corpID, n)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if err != nil {
				return err
			}
			return a.writePDF(out, doc)
		},
	}
	p.Flags().StringVar(&out, "out", "", "the PDF file to write, or - for standard output (required)")
	c.AddCommand(p)
	return c
}

// stocklistPDF writes the stockholder list as PDF to out (stocklist
// --format pdf).
func (a *app) stocklistPDF(ctx context.Context, corpID string, l *acts.StockholderList, out string) error {
	doc, err := views.StockholderListDoc(ctx, a.svc, corpID, l)
	if err != nil {
		return fail(codeOf(err), "%v", err)
	}
	return a.writePDF(out, doc)
}

// writePDF renders doc to the file out ("-": standard output). A file is
// written whole or not at all: it is rendered in memory first.
func (a *app) writePDF(out string, doc forms.Doc) error {
	if out == "" {
		return fail(exitBadInput, "--out is required with a PDF: the file to write (or - for standard output)")
	}
	b, err := views.PDF(doc)
	if err != nil {
		return fail(exitBadInput, "%v", err)
	}
	if out != "-" {
		if err := os.WriteFile(out, b, 0o644); err != nil {
			return fail(exitBadInput, "writing %s: %v", out, err)
		}
		fmt.Fprintf(a.stdout, "wrote %s: %s (%d bytes)\n", out, doc.Title, len(b))
		return nil
	}
	if _, err := a.stdout.Write(b); err != nil {
		return fail(exitInternal, "writing the PDF: %v", err)
	}
	return nil
}
