package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"runwayladder/internal/webserve"
)

// cmdServe serves the browser build (make web's dist/ folder) on a local
// address, the way a static host would but with the right types and gzip.
func cmdServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("dir", "dist", "the folder `make web` built")
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: careersim serve [--dir dist] [--addr 127.0.0.1:8080]")
		fmt.Fprintln(stderr, "Serves the browser build locally; build it first with `make web`.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "careersim serve: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	h, err := webserve.New(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "careersim serve: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "careersim serve: %v\n", err)
		return 1
	}
	srv := webserve.NewServer(h)
	fmt.Fprintf(stdout, "Serving %s at http://%s/ (Ctrl+C to stop)\n", *dir, browsable(ln.Addr()))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "careersim serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		fmt.Fprintf(stderr, "careersim serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "Stopped.")
	return 0
}

// browsable turns a listening address into one a browser can open: an
// unspecified host (":8080", "0.0.0.0") becomes localhost.
func browsable(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
