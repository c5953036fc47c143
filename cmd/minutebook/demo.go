package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/demo"
)

func (a *app) demoCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "create the demo corporation (Quintus Corporation, its 1999 bylaws, its people) in the store",
		Long: "demo records the demo corporation through the same act path as 'apply': Quintus\n" +
			"Corporation, its charter facts, the bylaws it adopted on 2 September 1999, its stockholders,\n" +
			"directors and officers, and a board act. It then verifies the journal and shows what to try\n" +
			"next. Run it on a fresh store; on a store that already holds Quintus it only reports.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if err := a.open(ctx); err != nil {
				return err
			}
			w := a.stdout
			corps, err := a.store.Corporations(ctx)
			if err != nil {
				return fail(exitInternal, "%v", err)
			}
			for _, c := range corps {
				if c == "quintus" {
					fmt.Fprintf(w, "%s already holds the demo corporation quintus; nothing recorded.\n", redact(a.dbFlag))
					return a.demoSummary(cmd)
				}
			}
			list, err := demo.Base()
			if err != nil {
				return fail(exitInternal, "the embedded demo is invalid: %v", err)
			}
			rs, err := a.svc.Apply(ctx, "quintus", list, acts.Options{Atomic: true})
			if err != nil {
				return fail(exitInternal, "%v", err)
			}
			fmt.Fprintf(w, "Recorded the demo corporation in %s, through the act path:\n", redact(a.dbFlag))
			writeResults(w, rs, false)
			for _, r := range rs {
				if r.Status != acts.Recorded {
					return fail(exitInternal, "the demo act %s was %s", r.Kind, r.Status)
				}
			}
			return a.demoSummary(cmd)
		},
	}
}

func (a *app) demoSummary(cmd *cobra.Command) error {
	rep, err := a.svc.Verify(cmd.Context(), "quintus", acts.VerifyOptions{})
	if err != nil {
		return fail(exitInternal, "%v", err)
	}
	fmt.Fprintln(a.stdout)
	writeVerify(a, rep)
	db := ""
	if a.dbFlag != "minutebook.db" {
		db = " --db " + a.dbFlag
	}
	fmt.Fprintf(a.stdout, `
Try next:
  minutebook%[1]s bylaws show --on 2004-06-15       the rules in force, with citations
  minutebook%[1]s bylaws explain II.8.quorum        one rule, its parameters and its text
  minutebook%[1]s persons                           the people on the books
  minutebook%[1]s holders --as-of 2004-06-15        the holders of record and their shares
  minutebook%[1]s certificates                      certificates with signers and legends
  minutebook%[1]s journal show                      every act with its checks and hash
  minutebook%[1]s journal checkpoint > head.txt     a signed checkpoint to keep elsewhere
  minutebook%[1]s apply --dry-run docs/examples/new-stockholder.yaml
  minutebook%[1]s apply --dry-run docs/examples/board-amends-bylaws.yaml   (refused, with its citation)
`, db)
	return nil
}
