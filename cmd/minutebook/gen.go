package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"minutebook/internal/gen"
)

func (a *app) genCmd() *cobra.Command {
	var cfg gen.Config
	c := &cobra.Command{
		Use:   "gen [--holders N] [--acts N] [--years N] [--seed N] [--corp ID]",
		Short: "generate a large corporation's history, for load tests and benchmarks",
		Long: "gen records a generated corporation on the store: its creation under the default bylaws, two officers,\n" +
			"and then, in effective-date order over the years from 2005-06-01 (after the right of first refusal\n" +
			"ends), a person.add and a stock.issue for every holder, mixed with transfers between holders (with\n" +
			"balance positions), further issuances, repurchases into treasury and retirements. Every act goes\n" +
			"through the act path in atomic batches of 20,000. The same seed gives the same acts.\n\n" +
			"Progress (acts/s) is printed to stderr after each batch, the totals to stdout at the end.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if err := a.open(ctx); err != nil {
				return err
			}
			cfg.Corp = a.corpFlag
			if cfg.Corp == "" {
				cfg.Corp = gen.DefaultCorp
			}
			cs, err := a.store.Corporations(ctx)
			if err != nil {
				return fail(exitInternal, "%v", err)
			}
			if slices.Contains(cs, cfg.Corp) {
				return fail(exitBadInput, "corporation %q is already recorded in %s: gen creates a new one; choose another --corp or a fresh --db", cfg.Corp, redact(a.dbFlag))
			}
			cfg.Progress = func(p gen.Progress) {
				fmt.Fprintf(a.stderr, "gen: %d/%d acts (%.1f%%), effective %s, %.0f acts/s\n",
					p.Acts, p.Total, 100*float64(p.Acts)/float64(p.Total), p.Effective, float64(p.Acts)/p.Elapsed.Seconds())
			}
			tot, err := gen.Run(ctx, a.svc, cfg)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			fmt.Fprintf(a.stdout, "corporation %s: %d acts recorded, effective %s … %s, in %s (%.0f acts/s)\n",
				cfg.Corp, tot.Acts, tot.First, tot.Last, tot.Elapsed.Round(1e6), float64(tot.Acts)/tot.Elapsed.Seconds())
			fmt.Fprintf(a.stdout, "persons %d, issues %d, transfers %d, repurchases %d, retirements %d\n",
				tot.Persons, tot.Issues, tot.Transfers, tot.Repurchases, tot.Retirements)
			fmt.Fprintf(a.stdout, "common: issued %d, treasury %d, outstanding %d\n", tot.Issued, tot.Treasury, tot.Outstanding)
			fmt.Fprintf(a.stdout, "journal head #%d %s\n", tot.Seq, tot.Head)
			return nil
		},
	}
	f := c.Flags()
	f.IntVar(&cfg.Holders, "holders", gen.DefaultHolders, "holders of record to create")
	f.IntVar(&cfg.Acts, "acts", gen.DefaultActs, "acts to record in all")
	f.IntVar(&cfg.Years, "years", gen.DefaultYears, "the years the history spans")
	f.Uint64Var(&cfg.Seed, "seed", 1, "the seed of the generator")
	return c
}
