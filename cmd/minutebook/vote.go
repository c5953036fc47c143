package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/vote"
)

func (a *app) voteCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "vote",
		Short: "voting arithmetic: the cumulative-voting threshold",
		Args:  cobra.NoArgs,
	}
	c.AddCommand(a.thresholdCmd())
	return c
}

func (a *app) thresholdCmd() *cobra.Command {
	var shares int64
	var seats, elect int
	var asJSON bool
	c := &cobra.Command{
		Use:   "threshold --shares S --seats D --elect N",
		Short: "the shares that elect N of D directors under cumulative voting, with the formula",
		Long: "threshold answers how many of S shares voting a holder needs to be sure of electing N of D\n" +
			"directors under cumulative voting (Art. II §10 ¶2; DGCL §214; rules.md II.10.cumulative):\n\n" +
			"    ⌊S × N / (D + 1)⌋ + 1\n\n" +
			"computed exactly in integers.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			t, err := vote.Threshold(shares, seats, elect)
			if err != nil {
				return fail(exitBadInput, "%v", err)
			}
			f := vote.ThresholdFormula(shares, seats, elect)
			if asJSON {
				writeJSON(a.stdout, map[string]any{"shares": shares, "seats": seats, "elect": elect, "threshold": t, "formula": f})
				return nil
			}
			fmt.Fprintf(a.stdout, "%d shares elect %d of %d directors\n%s\n", t, elect, seats, f)
			return nil
		},
	}
	c.Flags().Int64Var(&shares, "shares", 0, "S: the shares voting")
	c.Flags().IntVar(&seats, "seats", 0, "D: the directors to be elected")
	c.Flags().IntVar(&elect, "elect", 1, "N: the directors the holder wants to elect")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) proxiesCmd() *cobra.Command {
	var on string
	var asJSON bool
	c := &cobra.Command{
		Use:   "proxies [--on DATE] [--json]",
		Short: "every proxy recorded, with its last day and its standing on a date",
		Long: "proxies lists the proxies holders of record granted (Art. II §10): the proxy holder, the date, the\n" +
			"period stated, the last day it may be voted (three years from its date unless it states a longer\n" +
			"period; 29 February as A-PROXY3Y says) and its standing on the date: in_force, superseded (by a\n" +
			"later-dated proxy), revoked, lapsed or not_yet.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, d, err := a.corporationOn(cmd, "on", on)
			if err != nil {
				return err
			}
			ps, err := a.svc.Proxies(ctx, corpID, d)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				if ps == nil {
					writeJSON(a.stdout, []any{})
					return nil
				}
				writeJSON(a.stdout, ps)
				return nil
			}
			for _, p := range ps {
				fmt.Fprintf(a.stdout, "%-12s %-12s to %-12s dated %s  last day %s  %s\n", p.Holder, p.ID, p.ProxyHolder, p.Date, p.LastDay, p.Status)
			}
			return nil
		},
	}
	c.Flags().StringVar(&on, "on", "", "the date, YYYY-MM-DD (default: today)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) ballotsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "ballots MEETING [--json]",
		Short: "the ballots of a meeting, each with its receipt and whether it is counted",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			bs, err := a.svc.MeetingBallots(ctx, corpID, args[0])
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				if bs == nil {
					writeJSON(a.stdout, []any{})
					return nil
				}
				writeJSON(a.stdout, bs)
				return nil
			}
			for _, b := range bs {
				what := b.Choice
				if what == "" {
					var parts []string
					for _, c := range b.Alloc {
						parts = append(parts, c.Candidate+"="+c.Votes)
					}
					what = strings.Join(parts, ",")
				}
				status := "counted"
				if !b.Counted {
					status = "not counted: " + b.Reason
				}
				fmt.Fprintf(a.stdout, "#%d %-10s %-10s by %-10s %-9s %s votes %s  receipt %s  %s\n", b.Seq, b.Matter, b.Holder, b.Voter, b.Mode, b.Votes, what, b.Receipt, status)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) resultCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "result MEETING [--json]",
		Short: "a meeting's certified result (or the tally so far): present, votes, elected, receipts root",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			cr, err := a.svc.MeetingResult(ctx, corpID, args[0])
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, cr)
				return nil
			}
			status := "NOT CERTIFIED (tally so far)"
			if cr.Certified != "" {
				status = "certified " + cr.Certified
			}
			fmt.Fprintf(a.stdout, "meeting %s of %s, record date %s: %s\n", cr.Meeting, cr.MeetingDate, cr.RecordDate, status)
			fmt.Fprintf(a.stdout, "outstanding %s, present %s (%d holders), quorum %t; %d ballots, %d counted\n", cr.Outstanding, cr.Present, cr.Holders, cr.Quorum, cr.Ballots, cr.Counted)
			for _, m := range cr.Matters {
				if m.Kind == "question" {
					fmt.Fprintf(a.stdout, "%s: for %s, against %s, abstain %s, not voted %s of %s present: adopted %t\n", m.ID, m.For, m.Against, m.Abstain, m.NotVoted, m.Present, *m.Adopted)
					continue
				}
				var cs []string
				for _, c := range m.Candidates {
					cs = append(cs, c.Candidate+" "+c.Votes)
				}
				fmt.Fprintf(a.stdout, "%s: %d seats (cumulative %t): %s; withheld %s; elected %v", m.ID, m.Seats, m.Cumulative, strings.Join(cs, ", "), m.Withheld, m.Elected)
				if m.Undetermined > 0 {
					fmt.Fprintf(a.stdout, "; %d undetermined, tied %v, holding over %v", m.Undetermined, m.Tied, m.HoldOver)
				}
				fmt.Fprintln(a.stdout)
			}
			fmt.Fprintf(a.stdout, "receipts root %s\n", cr.Root)
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) receiptCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "receipt",
		Short: "ballot receipts: check that a ballot was counted",
		Args:  cobra.NoArgs,
	}
	var meeting string
	var asJSON bool
	v := &cobra.Command{
		Use:   "verify --meeting MEETING RECEIPT [--json]",
		Short: "check that the ballot with a receipt is counted in the meeting's (certified) receipts root",
		Long: "verify looks the receipt up among the meeting's ballots and, when the ballot was counted, prints its\n" +
			"inclusion proof: the sibling hashes from the leaf SHA-256(0x00 ‖ receipt) up to the root, each node\n" +
			"SHA-256(0x01 ‖ left ‖ right), checked against the certified root. It exits 1 when the receipt is\n" +
			"unknown or its ballot was not counted.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			r, err := vote.ParseReceipt(args[0])
			if err != nil {
				return fail(exitBadInput, "%v", err)
			}
			if meeting == "" {
				return fail(exitBadInput, "--meeting is required")
			}
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			rc, err := a.svc.VerifyReceipt(ctx, corpID, meeting, r)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, rc)
			} else {
				switch {
				case !rc.Found:
					fmt.Fprintf(a.stdout, "receipt %s: no ballot of meeting %s has it\n", rc.Receipt, meeting)
				case !rc.Counted:
					fmt.Fprintf(a.stdout, "receipt %s: the ballot is recorded but not counted: %s\n", rc.Receipt, rc.Reason)
				default:
					root := rc.Certified
					if root == "" {
						root = rc.Root + " (not yet certified)"
					}
					fmt.Fprintf(a.stdout, "receipt %s: counted, leaf %d of %d\nroot %s\nproof verified: %t\n", rc.Receipt, rc.Index, rc.Size, root, rc.Verified)
					for _, p := range rc.Proof {
						fmt.Fprintf(a.stdout, "  %s\n", p)
					}
				}
			}
			if !rc.Verified {
				return fail(exitRefused, "receipt %s is not proven counted in meeting %s", rc.Receipt, meeting)
			}
			return nil
		},
	}
	v.Flags().StringVar(&meeting, "meeting", "", "the meeting's id (required)")
	v.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.AddCommand(v)
	return c
}
