package main

import (
	"context"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/examples/internal/receiptjson"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// line is one printed receipt.
type line struct {
	Command  string `json:"command"`
	Sequence uint32 `json:"sequence"`
	receiptjson.Object
}

// problem is printed for a PDU that gave no receipt.
type problem struct {
	Command    string `json:"command"`
	Sequence   uint32 `json:"sequence"`
	ParseError string `json:"parse_error"`
	PDUHex     string `json:"pdu_hex,omitempty"`
}

// run is the program; it returns the exit code: 0 after a clean stop, 1
// when the session failed, 2 for a usage error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("smppreceiver", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var s settings
	var bind, tz, errns string
	fs.StringVar(&s.Addr, "addr", "127.0.0.1:2775", "SMSC `host:port`")
	fs.StringVar(&s.SystemID, "system-id", "", "bind system_id")
	fs.StringVar(&s.Password, "password", os.Getenv("SMPP_PASSWORD"), "bind password (default $SMPP_PASSWORD)")
	fs.StringVar(&s.SystemType, "system-type", "", "bind system_type")
	fs.StringVar(&bind, "bind", "rx", "bind as `rx` (receiver) or trx (transceiver)")
	fs.StringVar(&tz, "tz", "UTC", "the SMSC's time `zone` for receipt dates (IANA name)")
	fs.StringVar(&errns, "errns", "map", "`namespace` of the receipt text's err: field")
	fs.DurationVar(&s.Rebind, "rebind", 5*time.Second, "wait between rebinds; 0 exits when the SMSC closes the session")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "smppreceiver: unexpected arguments %q\n", fs.Args())
		return 2
	}
	switch bind {
	case "rx":
	case "trx":
		s.Transceiver = true
	default:
		fmt.Fprintf(stderr, "smppreceiver: -bind must be rx or trx, not %q\n", bind)
		return 2
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		fmt.Fprintf(stderr, "smppreceiver: -tz: %v\n", err)
		return 2
	}
	ns, ok := errcode.ParseNamespace(errns)
	if !ok || ns == errcode.NoNamespace {
		fmt.Fprintf(stderr, "smppreceiver: -errns: unknown namespace %q\n", errns)
		return 2
	}
	s.Parser.Location = loc
	s.Parser.Namespace = ns

	enc := receiptjson.NewEncoder(stdout)
	err = receive(ctx, s, func(r result) {
		if err := enc.Encode(output(r)); err != nil {
			fmt.Fprintf(stderr, "smppreceiver: %v\n", err)
		}
	})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// output is the printed form of r: a receipt line, or a problem line when
// there is no receipt.
func output(r result) any {
	if r.Err != nil && !r.Receipt.IsValid() {
		return problem{Command: r.Command, Sequence: r.Sequence, ParseError: r.Err.Error(), PDUHex: hex.EncodeToString(r.Raw)}
	}
	return line{Command: r.Command, Sequence: r.Sequence, Object: receiptjson.New(r.Receipt, r.Err)}
}
