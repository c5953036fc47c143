package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/journal"
	"minutebook/internal/views"
)

func (a *app) journalCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "journal",
		Short: "verify, checkpoint and read the hash-chained journal",
	}
	c.AddCommand(a.verifyCmd(), a.checkpointCmd(), a.journalShowCmd(), a.rebuildListsCmd())
	return c
}

func (a *app) verifyCmd() *cobra.Command {
	var cpFile string
	var asJSON, chainOnly bool
	c := &cobra.Command{
		Use:   "verify [--checkpoint FILE] [--json]",
		Short: "re-hash every entry, replay the journal and compare the derived tables",
		Long: "verify re-hashes every journal entry of every corporation (or of --corp), replays the\n" +
			"journal into memory and compares the result with the stored derived tables. With\n" +
			"--checkpoint it also checks a signed checkpoint, which detects a truncated or rewritten\n" +
			"history. It exits 1 naming the first bad sequence number when anything fails, 3 on a\n" +
			"storage error.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if err := a.open(ctx); err != nil {
				return err
			}
			opt := acts.VerifyOptions{ChainOnly: chainOnly}
			corps, err := a.store.Corporations(ctx)
			if err != nil {
				return fail(exitInternal, "%v", err)
			}
			if cpFile != "" {
				data, err := os.ReadFile(cpFile)
				if err != nil {
					return fail(exitBadInput, "--checkpoint: %v", err)
				}
				cp, err := journal.ParseCheckpoint(data)
				if err != nil {
					return fail(exitBadInput, "--checkpoint %s: %v", cpFile, err)
				}
				opt.Checkpoint = cp
				if key, err := a.loadKey(false); err == nil && key != nil {
					opt.TrustedKey = key.Public().(ed25519.PublicKey)
				}
				corps = []string{cp.Corp}
			} else if a.corpFlag != "" {
				corps = []string{a.corpFlag}
			}
			var reps []*acts.VerifyReport
			bad := false
			for _, corpID := range corps {
				rep, err := a.svc.Verify(ctx, corpID, opt)
				if err != nil {
					return fail(exitInternal, "%v", err)
				}
				reps = append(reps, rep)
				bad = bad || !rep.OK
			}
			if asJSON {
				writeJSON(a.stdout, reps)
			} else {
				for _, r := range reps {
					writeVerify(a, r)
				}
				if len(reps) == 0 {
					fmt.Fprintln(a.stdout, "the store holds no journal entries")
				}
			}
			if bad {
				a.exit = exitRefused
			}
			return nil
		},
	}
	c.Flags().StringVar(&cpFile, "checkpoint", "", "a checkpoint file written by 'journal checkpoint'")
	c.Flags().BoolVar(&asJSON, "json", false, "print the reports as JSON")
	c.Flags().BoolVar(&chainOnly, "chain-only", false, "re-hash only; skip the replay of the derived tables")
	return c
}

func writeVerify(a *app, r *acts.VerifyReport) {
	w := a.stdout
	switch {
	case r.Break != nil:
		fmt.Fprintf(w, "%s: FAILED at sequence %d: %s\n", r.Corporation, r.Break.Seq, r.Break.Reason)
	case len(r.TableDiff) > 0:
		fmt.Fprintf(w, "%s: FAILED: the derived tables differ from a replay of the journal (%d entries):\n", r.Corporation, r.Entries)
		for _, l := range r.TableDiff {
			fmt.Fprintf(w, "  %s\n", l)
		}
	default:
		fmt.Fprintf(w, "%s: %d entries verified, head %s\n", r.Corporation, r.Entries, r.Head)
	}
	if r.Checkpoint != "" {
		if r.Checkpoint == "ok" {
			fmt.Fprintf(w, "%s: checkpoint verified\n", r.Corporation)
		} else {
			fmt.Fprintf(w, "%s: checkpoint FAILED: %s\n", r.Corporation, r.Checkpoint)
		}
	}
}

func (a *app) checkpointCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "checkpoint",
		Short: "print a signed checkpoint (corporation, sequence number, hash) to keep outside the system",
		Long: "checkpoint signs the head of the corporation's journal with the installation's ed25519 key\n" +
			"(--key, created on first use) and prints it. Keep it somewhere minutebook cannot write;\n" +
			"'journal verify --checkpoint FILE' then detects a truncated or rewritten history.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			key, err := a.loadKey(true)
			if err != nil {
				return err
			}
			cp, err := a.svc.Checkpoint(ctx, corpID, key)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			a.stdout.Write(cp.Marshal())
			return nil
		},
	}
}

func (a *app) rebuildListsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rebuild-lists",
		Short: "write the stockholder list checkpoints again from the recorded holding changes",
		Long: "rebuild-lists removes the corporation's stockholder list checkpoints (the bases and\n" +
			"segments the list for a record date starts from) and writes them again, in one\n" +
			"transaction, as the acts would have written them with this version's cadence and\n" +
			"encoding. Run it after an upgrade that changes them; 'journal verify' then passes.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			n, err := a.svc.RebuildListCheckpoints(ctx, corpID)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			fmt.Fprintf(a.stdout, "%s: %d list checkpoints written\n", corpID, n)
			return nil
		},
	}
}

const keyHeader = "minutebook ed25519 key v1"

func (a *app) keyPath() (string, error) {
	if a.keyFlag != "" {
		return a.keyFlag, nil
	}
	if strings.Contains(a.dbFlag, "://") {
		return "", fail(exitBadInput, "with a PostgreSQL store, name the signing key file with --key or MINUTEBOOK_KEY")
	}
	return a.dbFlag + ".key", nil
}

// loadKey reads the signing key, creating it when create is true and it
// does not exist yet.
func (a *app) loadKey(create bool) (ed25519.PrivateKey, error) {
	path, err := a.keyPath()
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) && create {
		seed := make([]byte, ed25519.SeedSize)
		if _, err := rand.Read(seed); err != nil {
			return nil, err
		}
		body := keyHeader + "\n" + base64.StdEncoding.EncodeToString(seed) + "\n"
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			return nil, fail(exitInternal, "writing the key %s: %v", path, err)
		}
		fmt.Fprintf(a.stderr, "minutebook: created the signing key %s (keep it private)\n", path)
		return ed25519.NewKeyFromSeed(seed), nil
	}
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, fail(exitBadInput, "reading the key %s: %v", path, err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 || lines[0] != keyHeader {
		return nil, fail(exitBadInput, "%s is not a minutebook key file", path)
	}
	seed, err := base64.StdEncoding.DecodeString(lines[1])
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fail(exitBadInput, "%s: the key is damaged", path)
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

func (a *app) journalShowCmd() *cobra.Command {
	var from, to uint64
	var asJSON bool
	c := &cobra.Command{
		Use:   "show [--from N] [--to N] [--json]",
		Short: "print journal entries with their checks, both dates and their hashes",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			es, hs, err := a.svc.Entries(ctx, corpID, max(from, 1), to)
			if err != nil {
				return fail(exitInternal, "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, views.Entries(es, hs))
				return nil
			}
			for i, e := range es {
				fmt.Fprintf(a.stdout, "#%d %s effective %s recorded %s by %s\n", e.Seq, e.Kind, e.Effective,
					e.RecordedAt.Format("2006-01-02 15:04:05Z"), views.ActorString(e.Actor))
				fmt.Fprintf(a.stdout, "  hash %s\n", hs[i])
				writeChecks(a.stdout, e.Checks, true)
			}
			return nil
		},
	}
	c.Flags().Uint64Var(&from, "from", 1, "first sequence number")
	c.Flags().Uint64Var(&to, "to", 0, "last sequence number (0: the end)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
