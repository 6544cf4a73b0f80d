package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"runwayladder/game/storage"
	"runwayladder/game/workshop"
	"runwayladder/internal/webserve"
)

const workshopUsage = `usage: careersim workshop serve|load|export [flags]

  serve   run the live workshop room server (SQLite file by default, or --db postgres://...)
  load    drive simulated participants through a new room and report latency and losses
  export  print a room's decisions as CSV or JSON

Run 'careersim workshop COMMAND -h' for a command's flags.
`

// cmdWorkshop dispatches the workshop room's commands.
func cmdWorkshop(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, workshopUsage)
		return 2
	}
	switch args[0] {
	case "serve":
		return cmdWorkshopServe(args[1:], stdout, stderr)
	case "load":
		return cmdWorkshopLoad(args[1:], stdout, stderr)
	case "export":
		return cmdWorkshopExport(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, workshopUsage)
		return 0
	}
	fmt.Fprintf(stderr, "careersim workshop: unknown command %q\n\n%s", args[0], workshopUsage)
	return 2
}

// parseFlags parses a workshop command's flags, refusing stray arguments.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return 2, false
	}
	return 0, true
}

func cmdWorkshopServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("workshop serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (0.0.0.0:8080 for a room's network; port 0 picks a free one)")
	db := fs.String("db", "workshop.db", "an SQLite file (created if missing), or a postgres://user@host/db address")
	web := fs.String("web", "dist", "the browser game `make web` built (participants play it)")
	public := fs.String("url", "", "the address participants reach this server at, for join links and the QR code (default: the one the facilitator's browser uses)")
	var dirs dirsFlag
	fs.Var(&dirs, "scenarios", "extra scenario folder (repeatable)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	logger := log.New(stderr, "", log.LstdFlags)
	scs, err := library(dirs, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "careersim workshop serve:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	openCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	st, err := workshop.Open(openCtx, *db)
	cancel()
	if err != nil {
		fmt.Fprintln(stderr, "careersim workshop serve:", err)
		return 1
	}
	defer st.Close()
	cfg := workshop.Config{Store: st, Library: workshop.NewLibrary(scs), PublicURL: *public, Log: logger}
	if h, err := webserve.New(*web); err != nil {
		fmt.Fprintf(stderr, "careersim workshop serve: participants cannot play yet: %v\n", err)
	} else if index, err := storage.ReadFile(filepath.Join(*web, "index.html"), 1<<20); err != nil {
		fmt.Fprintf(stderr, "careersim workshop serve: participants cannot play yet: %v\n", err)
	} else {
		cfg.Game, cfg.GameIndex = h, index
	}
	srv, err := workshop.NewServer(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "careersim workshop serve:", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "careersim workshop serve:", err)
		return 1
	}
	// Requests (the projector's open event streams too) end when the
	// server stops.
	reqCtx, endRequests := context.WithCancel(context.Background())
	defer endRequests()
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		BaseContext: func(net.Listener) context.Context { return reqCtx }}
	where := *db
	if workshop.IsPostgres(where) {
		where = "PostgreSQL"
	}
	fmt.Fprintf(stdout, "Workshop rooms at http://%s/ (data in %s). Create a room there. Ctrl+C stops.\n", browsable(ln.Addr()), where)
	for _, a := range lanAddresses(ln.Addr()) {
		fmt.Fprintf(stdout, "  participants on this network can reach it at http://%s/\n", a)
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintln(stderr, "careersim workshop serve:", err)
		return 1
	case <-ctx.Done():
	}
	endRequests()
	shut, cancel2 := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel2()
	if err := hs.Shutdown(shut); err != nil {
		fmt.Fprintln(stderr, "careersim workshop serve:", err)
		return 1
	}
	fmt.Fprintln(stdout, "Stopped.")
	return 0
}

// lanAddresses lists where others on the network reach a server listening
// on every interface (none for a loopback address).
func lanAddresses(a net.Addr) []string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return nil
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []string
	for _, ad := range addrs {
		if n, ok := ad.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
			out = append(out, net.JoinHostPort(n.IP.String(), fmt.Sprint(tcp.Port)))
		}
	}
	return out
}

func cmdWorkshopLoad(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("workshop load", stderr)
	url := fs.String("url", "", "the room server, e.g. http://127.0.0.1:8080 (required)")
	n := fs.Int("participants", 30, "simulated participants")
	think := fs.Duration("think", 200*time.Millisecond, "mean pause between a participant's choices")
	scenarios := fs.String("scenario", "startup_engineer,bigco_engineer", "scenarios assigned in turn, comma-separated")
	months := fs.Int("months", 0, "stop each participant after this many months (0: play to the end)")
	seed := fs.Uint64("seed", 1, "seed of the participants' random picks")
	timeout := fs.Duration("timeout", 10*time.Minute, "give up after this long")
	quiet := fs.Bool("quiet", false, "no progress lines")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *url == "" {
		fmt.Fprintln(stderr, "careersim workshop load: --url is required (start a server with careersim workshop serve)")
		return 2
	}
	scs, err := library(nil, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "careersim workshop load:", err)
		return 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	cfg := workshop.LoadConfig{URL: *url, Participants: *n, Think: *think, Seed: *seed, Months: *months,
		Scenarios: strings.Split(*scenarios, ",")}
	if !*quiet {
		cfg.Progress = func(s string) { fmt.Fprintln(stderr, s) }
	}
	res, err := workshop.Load(ctx, workshop.NewLibrary(scs), cfg)
	if res != nil {
		fmt.Fprintf(stdout, "%d participants joined room %s (join p99 %d ms); %d choices acknowledged in %.1fs, %d runs finished\n",
			res.Participants, res.Room, res.JoinP99.Milliseconds(), res.Choices, res.Elapsed.Seconds(), res.Finished)
		fmt.Fprintf(stdout, "the room's facilitator page: %s\n", res.Facilitator)
		fmt.Fprintf(stdout, "choice acknowledged: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d sends retried, %d refused\n",
			ms(res.ChoiceP50), ms(res.ChoiceP99), ms(res.ChoiceMax), res.Retries, res.Refused)
		fmt.Fprintln(stdout, res.Line())
	}
	if err != nil {
		fmt.Fprintln(stderr, "careersim workshop load:", err)
		return 1
	}
	if res.Lost > 0 {
		return 1
	}
	return 0
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func cmdWorkshopExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("workshop export", stderr)
	db := fs.String("db", "workshop.db", "the server's database: an SQLite file or a postgres:// address")
	room := fs.String("room", "", "the room's code (required)")
	format := fs.String("format", "csv", "csv (one row per decision, the participant first) or json")
	var dirs dirsFlag
	fs.Var(&dirs, "scenarios", "extra scenario folder (repeatable), as the server had")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	code, ok := workshop.NormalizeCode(*room)
	if !ok {
		fmt.Fprintf(stderr, "careersim workshop export: --room needs a room code of %d letters and digits, not %q\n", workshop.CodeLen, *room)
		return 2
	}
	if *format != "csv" && *format != "json" {
		fmt.Fprintf(stderr, "careersim workshop export: --format is csv or json, not %q\n", *format)
		return 2
	}
	if !workshop.IsPostgres(*db) {
		if _, err := os.Stat(*db); err != nil {
			fmt.Fprintf(stderr, "careersim workshop export: %s: no such database file\n", *db)
			return 1
		}
	}
	scs, err := library(dirs, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "careersim workshop export:", err)
		return 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err := workshop.Open(ctx, *db)
	if err != nil {
		fmt.Fprintln(stderr, "careersim workshop export:", err)
		return 1
	}
	defer st.Close()
	if err := workshop.Export(ctx, st, workshop.NewLibrary(scs), code, *format, time.Now(), stdout); err != nil {
		if errors.Is(err, workshop.ErrNotFound) {
			err = fmt.Errorf("there is no room %s in %s", code, *db)
		}
		fmt.Fprintln(stderr, "careersim workshop export:", err)
		return 1
	}
	return 0
}
