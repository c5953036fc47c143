package main

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"minutebook/internal/access"
	"minutebook/internal/accounts"
	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/demo"
	"minutebook/internal/server"
)

// demoPassword is the password of every demo login (printed by serve --demo).
const demoPassword = "quintus-demo-2026"

func (a *app) serveCmd() *cobra.Command {
	var addr string
	var withDemo bool
	c := &cobra.Command{
		Use:   "serve [--demo] [--addr HOST:PORT]",
		Short: "serve the web application and the JSON API",
		Long: "serve runs the web application (the secretary's dashboard, the stockholder and director\n" +
			"portals) and the JSON API (/api/, described by /api/openapi.json) on the store.\n" +
			"With --demo it first records the demo corporation (Quintus Corporation) and its demo logins\n" +
			"when the store lacks them, and prints the URL and the logins.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if err := a.open(ctx); err != nil {
				return err
			}
			clk, err := clock()
			if err != nil {
				return err
			}
			acc := &accounts.Service{Store: a.store, Clock: clk}
			if withDemo {
				if err := a.recordDemo(ctx); err != nil {
					return err
				}
				if err := demoAccounts(ctx, acc); err != nil {
					return fail(exitInternal, "demo logins: %v", err)
				}
			}
			logger := slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
			// The checkpoint key is the CLI's (journal checkpoint): --key, or
			// the db path + .key, created on first use.
			key, err := a.loadKey(true)
			if err != nil {
				logger.Warn("no checkpoint signing key: GET /api/corporations/{corp}/journal/checkpoint answers 404", "reason", err)
			}
			h, err := newHandler(a.svc, acc, clk, logger, key)
			if err != nil {
				return fail(exitInternal, "%v", err)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fail(exitBadInput, "--addr %s: %v", addr, err)
			}
			url := "http://" + ln.Addr().String()
			if host, port, _ := net.SplitHostPort(ln.Addr().String()); host == "127.0.0.1" || host == "::1" {
				url = "http://localhost:" + port
			}
			fmt.Fprintf(a.stdout, "minutebook is serving %s on %s (API: %s/api/openapi.json)\n", redact(a.dbFlag), url, url)
			if withDemo {
				fmt.Fprintf(a.stdout, "\nDemo logins (password %s):\n", demoPassword)
				for _, p := range demo.People {
					fmt.Fprintf(a.stdout, "  %-34s %s\n", p.Email, p.Roles[0])
				}
			}
			srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
			go func() {
				<-ctx.Done()
				sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				srv.Shutdown(sctx)
			}()
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return fail(exitInternal, "%v", err)
			}
			return nil
		},
	}
	c.Flags().StringVar(&addr, "addr", envOr("MINUTEBOOK_ADDR", "127.0.0.1:8080"), "the address to listen on (env MINUTEBOOK_ADDR)")
	c.Flags().BoolVar(&withDemo, "demo", false, "record the demo corporation and its logins if the store lacks them")
	return c
}

// newHandler wires the API and the web application into one handler
// (package server).
func newHandler(svc *acts.Service, acc *accounts.Service, clk acts.Clock, logger *slog.Logger, key ed25519.PrivateKey) (http.Handler, error) {
	return server.Handler(svc, acc, clk, logger, key)
}

// clockNow is the time now by the injected clock.
func (a *app) clockNow() (time.Time, error) {
	c, err := clock()
	if err != nil {
		return time.Time{}, err
	}
	return c(), nil
}

// recordDemo records the demo corporation, with its history up to today
// (internal/demo), when the store lacks it.
func (a *app) recordDemo(ctx context.Context) error {
	corps, err := a.store.Corporations(ctx)
	if err != nil {
		return fail(exitInternal, "%v", err)
	}
	for _, c := range corps {
		if c == "quintus" {
			return nil
		}
	}
	now, err := a.clockNow()
	if err != nil {
		return err
	}
	if err := demo.Record(ctx, a.svc, corp.DateIn(now, demo.TimeZone)); err != nil {
		return fail(exitInternal, "recording the demo: %v", err)
	}
	return nil
}

// demoAccounts creates the demo logins that do not exist yet.
func demoAccounts(ctx context.Context, acc *accounts.Service) error {
	have, err := acc.Accounts(ctx)
	if err != nil {
		return err
	}
	exists := map[string]bool{}
	for _, x := range have {
		exists[x.ID] = true
	}
	if !exists["admin@minutebook.example"] {
		if _, err := acc.Create(ctx, "admin@minutebook.example", "Deployment Administrator", demoPassword, true); err != nil {
			return err
		}
	}
	for _, p := range demo.People {
		if exists[p.Email] {
			continue
		}
		id, err := acc.Create(ctx, p.Email, p.Name, demoPassword, false)
		if err != nil {
			return err
		}
		for _, r := range p.Roles {
			if err := acc.Grant(ctx, id, "quintus", access.Role(r), p.ID); err != nil {
				return err
			}
		}
	}
	return nil
}
