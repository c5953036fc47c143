package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"minutebook/internal/forms"
	"minutebook/internal/views"
)

// bylawsCertifyCmd is "bylaws certify --on DATE": the Secretary's
// certificate that the attached bylaws were in force on a date.
func (a *app) bylawsCertifyCmd() *cobra.Command {
	var on, signed, format, out string
	c := &cobra.Command{
		Use:   "certify --on DATE [--signed DATE] [--format text|json|pdf --out FILE]",
		Short: "the Secretary's certificate that the attached bylaws were in force on a date",
		Long: "certify writes the Secretary's certificate (like the closing page of the seed bylaws): the\n" +
			"undersigned Secretary certifies that the bylaws attached constitute the bylaws of the corporation\n" +
			"as in force on --on, naming each version that made them, how and when adopted, and the text of the\n" +
			"version in force attached. It is signed on --signed (default today) by the secretary then in office,\n" +
			"or by the assistant secretary acting for a vacant office (Art. V §11–12). --format text prints the\n" +
			"document as text, json its facts, pdf writes it to --out.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if on == "" {
				return fail(exitBadInput, "--on is required: the date on which the bylaws were in force (YYYY-MM-DD)")
			}
			d, err := dateFlag("on", on)
			if err != nil {
				return err
			}
			if format != "text" && format != "json" && (format != "pdf" || out == "") {
				return fail(exitBadInput, "--format %q: use text or json, or pdf with --out FILE", format)
			}
			corpID, s, err := a.corporationOn(cmd, "signed", signed)
			if err != nil {
				return err
			}
			f, err := a.svc.BylawsCertificate(ctx, corpID, d, s)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			doc := forms.SecretaryCertificate(f)
			switch format {
			case "pdf":
				return a.writePDF(out, doc)
			case "json":
				writeJSON(a.stdout, views.BylawsCertificateOf(corpID, f))
				return nil
			}
			fmt.Fprint(a.stdout, doc.Text())
			return nil
		},
	}
	c.Flags().StringVar(&on, "on", "", "the date the bylaws were in force, YYYY-MM-DD (required)")
	c.Flags().StringVar(&signed, "signed", "", "the date of the certificate, YYYY-MM-DD (default: today)")
	c.Flags().StringVar(&format, "format", "text", "text, json or pdf")
	c.Flags().StringVar(&out, "out", "", "with --format pdf: the PDF file to write, or - for standard output")
	return c
}
