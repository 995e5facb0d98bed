package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/dlrkit/dlrkit/dlr"
)

// shutdownGrace is how long requests in flight may take after a signal.
const shutdownGrace = 10 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv("DLRKIT_WEBHOOK_SECRET"), os.Stderr, nil)
	stop()
	os.Exit(code)
}

// run is the program. envSecret is $DLRKIT_WEBHOOK_SECRET. When ready is
// not nil it receives the listening address once the server accepts
// connections. It returns the exit code.
func run(ctx context.Context, args []string, envSecret string, stderr io.Writer, ready chan<- net.Addr) int {
	fs := flag.NewFlagSet("webhookserver", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	secret := fs.String("secret", envSecret, "webhook `secret` (default $DLRKIT_WEBHOOK_SECRET)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "webhookserver: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if *secret == "" {
		fmt.Fprintln(stderr, "webhookserver: warning: no secret (set DLRKIT_WEBHOOK_SECRET or -secret); callbacks are NOT verified and anyone can post receipts")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "webhookserver: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "webhookserver: listening on http://%s\n", ln.Addr())
	if ready != nil {
		ready <- ln.Addr()
	}
	if err := serve(ctx, ln, routes([]byte(*secret), &dlr.Tracker{}, stderr)); err != nil {
		fmt.Fprintf(stderr, "webhookserver: %v\n", err)
		return 1
	}
	return 0
}

// serve serves h on ln until ctx is done, then shuts down gracefully.
func serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
