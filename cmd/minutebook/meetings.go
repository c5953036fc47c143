package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"minutebook/internal/acts"
	"minutebook/internal/corp"
	"minutebook/internal/forms"
	"minutebook/internal/notify"
	"minutebook/internal/views"
)

// meetingsCmd is "meetings": the stockholders' meetings as called and held.
func (a *app) stockholderMeetingsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "meetings [--json]",
		Short: "the meetings of the stockholders, as called and held (Art. II)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			ms, err := a.svc.StockholderMeetings(ctx, corpID)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				if ms == nil {
					ms = []acts.StockholderMeeting{}
				}
				writeJSON(a.stdout, ms)
				return nil
			}
			if len(ms) == 0 {
				fmt.Fprintln(a.stdout, "no meetings of the stockholders")
			}
			for _, m := range ms {
				fmt.Fprintf(a.stdout, "%-14s %s %s  %-8s %s\n", m.ID, m.Date, m.Time, m.Type, meetingState(m))
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func meetingState(m acts.StockholderMeeting) string {
	rd := m.RecordDate
	if rd == "" {
		rd = "not yet fixed"
	}
	s := "called; record date " + rd
	if m.Held {
		s = fmt.Sprintf("held: %s of %s shares present", m.SharesPresent, m.Entitled)
		if !m.HasQuorum {
			s += " (no quorum)"
		}
	}
	if m.AdjournedFrom != "" {
		s += "; adjourned from " + m.AdjournedFrom
		if m.NeedsNotice {
			s += " (needs notice)"
		}
	}
	if m.AdjournedTo != "" {
		s += "; adjourned to " + m.AdjournedTo
	}
	return s
}

// meetingCmd is "meeting": one stockholders' meeting and its documents.
func (a *app) meetingCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "meeting",
		Short: "one meeting of the stockholders: its record, notice and proxy card PDFs, the list's log, e-mail notice",
		Args:  cobra.NoArgs,
	}
	c.AddCommand(a.meetingShowCmd(), a.meetingNoticeCmd(), a.meetingProxyCardCmd(), a.meetingListLogCmd(), a.meetingEmailCmd(), a.consentsCmd())
	return c
}

func (a *app) meetingShowCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "show MEETING-ID [--json]",
		Short: "a stockholders' meeting with its notices delivered, waivers, attendance, list log and motions",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			r, err := a.svc.StockholderMeetingRecord(ctx, corpID, args[0])
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, r)
				return nil
			}
			m := r.Meeting
			w := a.stdout
			fmt.Fprintf(w, "%s: %s meeting on %s at %s, %s\n", m.ID, m.Type, m.Date, m.Time, orDashCLI(m.Place))
			if m.Remote != "" {
				fmt.Fprintf(w, "remote communication: %s\n", m.Remote)
			}
			fmt.Fprintf(w, "called by %s on %s\n", m.CalledBy, m.Called)
			for i, p := range m.Purposes {
				fmt.Fprintf(w, "purpose %d: %s\n", i+1, p.Text)
			}
			fmt.Fprintf(w, "state: %s\n", meetingState(m))
			if m.RecordDate != "" {
				fmt.Fprintf(w, "record date: %s (%s)\n", m.RecordDate, m.RecordDateHow)
			}
			if m.ListPrepared != "" {
				fmt.Fprintf(w, "list prepared: %s\n", m.ListPrepared)
			}
			for _, d := range r.Deliveries {
				fmt.Fprintf(w, "notice: %s by %s to %s on %s (%d days before): %s %s\n", d.Holder, d.Method, d.Address, d.Given, d.Days, d.Status, d.Detail)
			}
			for _, x := range r.Waivers {
				fmt.Fprintf(w, "waiver: %s, %s, signed %s\n", x.Director, x.Form, x.Signed)
			}
			for _, x := range r.Attendance {
				how := x.Mode
				if x.ProxyHolder != "" {
					how += " (" + x.ProxyHolder + ")"
				}
				fmt.Fprintf(w, "present: %s, %s shares, %s\n", x.Holder, x.Shares, how)
			}
			if m.Chair != "" {
				fmt.Fprintf(w, "chair: %s\n", m.Chair)
			}
			for _, x := range r.Motions {
				fmt.Fprintf(w, "motion %s: %s\n", x.ID, x.Text)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func orDashCLI(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// noticeFacts reads the facts of a notice of meeting id given on (default
// today).
func (a *app) noticeFacts(cmd *cobra.Command, id, on string) (*acts.NoticeFacts, error) {
	ctx := cmd.Context()
	corpID, err := a.corporation(ctx)
	if err != nil {
		return nil, err
	}
	d, err := a.dateOrToday(cmd, corpID, "on", on)
	if err != nil {
		return nil, err
	}
	f, err := a.svc.MeetingNoticeFacts(ctx, corpID, id, d)
	if err != nil {
		return nil, fail(codeOf(err), "%v", err)
	}
	return f, nil
}

func findHolder(f *acts.NoticeFacts, id string) (*acts.NoticeHolder, error) {
	h, err := views.NoticeHolder(f, id)
	if err != nil {
		return nil, fail(codeOf(err), "%v", err)
	}
	return h, nil
}

func (a *app) meetingNoticeCmd() *cobra.Command {
	var out, holder, on string
	c := &cobra.Command{
		Use:   "notice MEETING-ID --out FILE [--holder ID] [--on DATE]",
		Short: "write the notice of a stockholders' meeting as PDF (Art. II §3, §6)",
		Long: "notice writes the written notice of the meeting as PDF: the place, date and hour, the means of remote\n" +
			"communication, the purposes (for a special meeting the only business, Art. II §7), the record date, and\n" +
			"where the stockholder list is open in the ten days before (Art. II §4). --holder addresses it to one\n" +
			"holder with his or her shares. Without a record date fixed, the one a notice given --on would fix\n" +
			"(the day before) is used. The same notice always renders to the same bytes.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := a.noticeFacts(cmd, args[0], on)
			if err != nil {
				return err
			}
			var h *acts.NoticeHolder
			if holder != "" {
				if h, err = findHolder(f, holder); err != nil {
					return err
				}
			}
			return a.writePDF(out, forms.MeetingNotice(f, h))
		},
	}
	c.Flags().StringVar(&out, "out", "", "the PDF file to write, or - for standard output (required)")
	c.Flags().StringVar(&holder, "holder", "", "address the notice to this holder")
	c.Flags().StringVar(&on, "on", "", "the date the notice is given, YYYY-MM-DD (default: today)")
	return c
}

func (a *app) meetingProxyCardCmd() *cobra.Command {
	var out, holder, on, proxies string
	c := &cobra.Command{
		Use:   "proxy-card MEETING-ID --holder ID --out FILE [--proxies NAMES]",
		Short: "write a holder's proxy card for a stockholders' meeting as PDF (Art. II §10)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if holder == "" {
				return fail(exitBadInput, "--holder is required: the holder of record the card is for")
			}
			f, err := a.noticeFacts(cmd, args[0], on)
			if err != nil {
				return err
			}
			h, err := findHolder(f, holder)
			if err != nil {
				return err
			}
			return a.writePDF(out, forms.ProxyCard(f, *h, proxies))
		},
	}
	c.Flags().StringVar(&out, "out", "", "the PDF file to write, or - for standard output (required)")
	c.Flags().StringVar(&holder, "holder", "", "the holder of record (required)")
	c.Flags().StringVar(&proxies, "proxies", "", "the proxies named on the card, e.g. \"Ray Patel and Susan Salvesen\"")
	c.Flags().StringVar(&on, "on", "", "the date, YYYY-MM-DD (default: today)")
	return c
}

func (a *app) meetingListLogCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "list-log MEETING-ID [--json]",
		Short: "every request to examine a meeting's stockholder list, with its stated purpose, and every access (Art. II §4)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			r, err := a.svc.StockholderMeetingRecord(ctx, corpID, args[0])
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				writeJSON(a.stdout, r.Inspections)
				return nil
			}
			if len(r.Inspections) == 0 {
				fmt.Fprintln(a.stdout, "no request to examine the list")
			}
			for _, in := range r.Inspections {
				if in.What == "request" {
					fmt.Fprintf(a.stdout, "#%d %s request by %s: %s\n", in.Seq, in.Date, in.Holder, in.Purpose)
				} else {
					fmt.Fprintf(a.stdout, "#%d %s access by %s (request #%d)\n", in.Seq, in.Date, in.Holder, in.Request)
				}
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) meetingEmailCmd() *cobra.Command {
	var server, from, on, actor, security, user, serverName string
	var holders []string
	c := &cobra.Command{
		Use:   "email-notice MEETING-ID --smtp HOST:PORT --from ADDRESS [--on DATE] [--holder ID ...] [--actor PERSON]",
		Short: "give notice of a stockholders' meeting by e-mail through an SMTP server, and record it (DGCL §232(a))",
		Long: "email-notice checks the notice first without recording it (the 10–60 day window, the content, each\n" +
			"holder's consent or objection to e-mail); only then does it send each holder's notice, with the\n" +
			"legend of DGCL §232(a) and the notice as a PDF, through the SMTP server, and record a meeting.notice\n" +
			"act with every message's outcome in the delivery log. Holders who objected, or have no e-mail\n" +
			"address, are left out unless named with --holder (which is then refused): mail their notice.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if server == "" || from == "" {
				return fail(exitBadInput, "--smtp and --from are required")
			}
			corpID, d, err := a.corporationOn(cmd, "on", on)
			if err != nil {
				return err
			}
			c, err := clock()
			if err != nil {
				return err
			}
			sec, err := notify.ParseSecurity(security)
			if err != nil {
				return fail(exitBadInput, "--smtp-security: %v", err)
			}
			password := os.Getenv("MINUTEBOOK_SMTP_PASSWORD")
			if user != "" && password == "" {
				return fail(exitBadInput, "--smtp-user needs the password in the environment variable MINUTEBOOK_SMTP_PASSWORD")
			}
			sender := &notify.SMTP{Addr: server, Security: sec, ServerName: serverName, Username: user, Password: password}
			req := notify.Request{Corporation: corpID, Meeting: args[0], Given: d, Actor: corp.Actor{Person: actor, Capacity: corp.AsSecretary}, From: from, Holders: holders}
			rs, out, err := notify.EmailNotice(ctx, a.svc, req, sender, c())
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			for _, o := range out {
				fmt.Fprintf(a.stdout, "%s <%s>: %s %s\n", o.Holder, o.Address, o.Status, o.Detail)
			}
			for _, r := range rs {
				for _, ch := range r.Checks {
					if ch.Outcome.String() == "failed" {
						fmt.Fprintf(a.stdout, "refused: %s — %s [%s]\n", ch.Citation, ch.Message, ch.Rule)
					}
				}
				if r.Status != acts.Recorded {
					return fail(exitRefused, "the notice was refused: nothing was sent")
				}
				fmt.Fprintf(a.stdout, "recorded #%d meeting.notice %s\n", r.Seq, r.Effective)
			}
			return nil
		},
	}
	c.Flags().StringVar(&server, "smtp", "", "the SMTP server, host:port (required)")
	c.Flags().StringVar(&security, "smtp-security", "", "starttls (required, port 587), tls (implicit TLS, port 465) or none; default: STARTTLS when the server offers it")
	c.Flags().StringVar(&user, "smtp-user", "", "log in with AUTH PLAIN as this user, over TLS only (password: env MINUTEBOOK_SMTP_PASSWORD)")
	c.Flags().StringVar(&serverName, "smtp-server-name", "", "the name the server's certificate must carry (default: the host of --smtp)")
	c.Flags().StringVar(&from, "from", "", "the sender's address (required)")
	c.Flags().StringVar(&on, "on", "", "the date the notice is given, YYYY-MM-DD (default: today)")
	c.Flags().StringVar(&actor, "actor", "", "the secretary giving notice (a person id)")
	c.Flags().StringSliceVar(&holders, "holder", nil, "notify only these holders")
	return c
}

func (a *app) consentsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "consents [--json]",
		Short: "the actions of the stockholders by written consent without a meeting (Art. II §11)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			corpID, err := a.corporation(ctx)
			if err != nil {
				return err
			}
			cs, err := a.svc.StockholderConsents(ctx, corpID)
			if err != nil {
				return fail(codeOf(err), "%v", err)
			}
			if asJSON {
				if cs == nil {
					cs = []acts.StockholderConsent{}
				}
				writeJSON(a.stdout, cs)
				return nil
			}
			if len(cs) == 0 {
				fmt.Fprintln(a.stdout, "no action by written consent")
			}
			for _, c := range cs {
				state := "not yet effective"
				if c.Effective != "" {
					state = "effective " + c.Effective
				}
				fmt.Fprintf(a.stdout, "%s: %s — %s of %s votes needed; %s\n", c.ID, c.Action, c.Consented, c.Needed, state)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
