package main

import (
	"context"
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
	"minutebook/internal/server"
)

// demoPassword is the password of every demo login (printed by serve --demo).
const demoPassword = "quintus-demo-2026"

// demoLogins are the demo's accounts: e-mail, name, role, person.
var demoLogins = []struct {
	Email, Name string
	Role        access.Role
	Person      string
}{
	{"susan.salvesen@quintus.example", "Susan Salvesen", access.Secretary, "susan"},
	{"pat@quintus.example", "Pat Morgan", access.Director, "pat"},
	{"alice@example.com", "Alice Anders", access.Stockholder, "alice"},
	{"bob@example.com", "Bob Brandt", access.Stockholder, "bob"},
	{"tom@quintus.example", "Tom Nguyen", access.Inspector, "tom"},
	{"auditor@quintus.example", "Avery Auditor", access.Auditor, ""},
}

func (a *app) serveCmd() *cobra.Command {
	var addr string
	var demo bool
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
			if demo {
				if err := a.recordDemo(ctx); err != nil {
					return err
				}
				if err := demoAccounts(ctx, acc); err != nil {
					return fail(exitInternal, "demo logins: %v", err)
				}
			}
			logger := slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
			h, err := newHandler(a.svc, acc, clk, logger)
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
			if demo {
				fmt.Fprintf(a.stdout, "\nDemo logins (password %s):\n", demoPassword)
				for _, l := range demoLogins {
					fmt.Fprintf(a.stdout, "  %-34s %s\n", l.Email, l.Role)
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
	c.Flags().BoolVar(&demo, "demo", false, "record the demo corporation and its logins if the store lacks them")
	return c
}

// newHandler wires the API and the web application into one handler
// (package server).
func newHandler(svc *acts.Service, acc *accounts.Service, clk acts.Clock, logger *slog.Logger) (http.Handler, error) {
	return server.Handler(svc, acc, clk, logger)
}

// recordDemo records the demo corporation when the store lacks it.
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
	list, err := acts.DecodeFile("demo/quintus.yaml", demoActs)
	if err != nil {
		return fail(exitInternal, "the embedded demo is invalid: %v", err)
	}
	rs, err := a.svc.Apply(ctx, "quintus", list, acts.Options{Atomic: true})
	if err != nil {
		return fail(exitInternal, "%v", err)
	}
	for _, r := range rs {
		if r.Status != acts.Recorded {
			return fail(exitInternal, "the demo act %s was %s", r.Kind, r.Status)
		}
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
	for _, l := range demoLogins {
		if exists[l.Email] {
			continue
		}
		id, err := acc.Create(ctx, l.Email, l.Name, demoPassword, false)
		if err != nil {
			return err
		}
		if err := acc.Grant(ctx, id, "quintus", l.Role, l.Person); err != nil {
			return err
		}
	}
	return nil
}
