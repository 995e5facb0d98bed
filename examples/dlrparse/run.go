package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/examples/internal/receiptjson"
	"github.com/dlrkit/dlrkit/smppfmt"
)

// progressEvery is how many lines pass between progress lines.
const progressEvery = 10000

// options are what the flags set.
type options struct {
	dec      lineDecoder
	summary  bool
	progress bool // write a progress line on stderr
	files    []string
}

// Exit codes.
const (
	exitOK    = 0
	exitIO    = 1 // an input could not be opened or read
	exitUsage = 2
)

// run is the program: it reads the inputs named in args (stdin when none,
// or "-"), writes JSON lines (or the report) to stdout and messages to
// stderr, and returns the exit code. stdin, stdout and stderr are
// parameters so that tests run it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errReported):
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "dlrparse: %v\n", err)
		return exitUsage
	}
	if f, ok := stderr.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			opts.progress = true
		}
	}
	p := &processor{opts: opts, enc: receiptjson.NewEncoder(stdout), stderr: stderr}
	files := opts.files
	if len(files) == 0 {
		files = []string{"-"}
	}
	code := exitOK
	for _, name := range files {
		if err := p.file(name, stdin, len(files) > 1); err != nil {
			fmt.Fprintf(stderr, "dlrparse: %v\n", err)
			code = exitIO
		}
	}
	p.endProgress()
	if opts.summary {
		if err := p.writeSummary(stdout); err != nil {
			fmt.Fprintf(stderr, "dlrparse: %v\n", err)
			return exitIO
		}
	}
	return code
}

// writeSummary writes the count of receipts and unreadable lines, then
// the delivery report of dlr.Summarize over the receipts.
func (p *processor) writeSummary(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "Receipts: %d   unreadable lines: %d\n", p.receipts, p.problems); err != nil {
		return err
	}
	return dlr.Summarize(p.all).WriteText(w)
}

// errReported is a usage error already written to stderr.
var errReported = errors.New("dlrparse: usage error")

const usage = `usage: dlrparse [flags] [file ...]

Reads delivery receipts, one per line, from the files (or standard input)
and writes one JSON object per receipt. Flags:
`

func parseFlags(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("dlrparse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	formatFlag := fs.String("format", "auto", "input `format`: auto, text, pdu, json, form or query")
	provider := fs.String("provider", "", "provider `name` for JSON, form and query lines (bulksmsrates, tsg, …); empty detects")
	tz := fs.String("tz", "UTC", "the SMSC's time `zone` for SMPP receipt dates (IANA name)")
	errns := fs.String("errns", "map", "error-code `namespace` of SMPP receipt err: fields (map, smpp, …)")
	summary := fs.Bool("summary", false, "print the delivery report instead of the receipts")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return options{}, err
		}
		return options{}, errReported // the flag package has said why
	}
	f, err := parseFormat(*formatFlag)
	if err != nil {
		return options{}, fmt.Errorf("-format: %w", err)
	}
	loc, err := time.LoadLocation(*tz)
	if err != nil {
		return options{}, fmt.Errorf("-tz: %w", err)
	}
	ns, ok := errcode.ParseNamespace(*errns)
	if !ok || ns == errcode.NoNamespace {
		return options{}, fmt.Errorf("-errns: unknown namespace %q", *errns)
	}
	return options{
		dec: &decoder{
			format:   f,
			provider: *provider,
			parser:   &smppfmt.Parser{Location: loc, Namespace: ns},
		},
		summary: *summary,
		files:   fs.Args(),
	}, nil
}

// processor carries the state of one run across its inputs.
type processor struct {
	opts     options
	enc      *receiptjson.Encoder
	stderr   io.Writer
	all      []dlr.Receipt // every receipt, for -summary
	lines    int           // all lines read, for progress
	receipts int
	problems int
	shown    bool
	writeErr error
}

// file reads one input; name "-" is stdin. With several inputs, printed
// objects name their file.
func (p *processor) file(name string, stdin io.Reader, several bool) error {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	label := ""
	if several {
		label = name
	}
	lr := newLineReader(r)
	for {
		line, err := lr.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		p.lines++
		p.showProgress()
		if err != nil && !errors.Is(err, errLineTooLong) {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err != nil {
			p.problem(label, lr.n, line, err)
			continue
		}
		if lr.n == 1 {
			line = trimBOM(line)
		}
		if len(line) == 0 || line[0] == '#' {
			continue // blank lines and comments
		}
		rs, err := p.opts.dec.decode(line)
		if len(rs) == 0 {
			if err == nil {
				err = errors.New("dlrparse: no receipts in this line")
			}
			p.problem(label, lr.n, line, err)
			continue
		}
		for _, r := range rs {
			p.receipts++
			if p.opts.summary {
				p.all = append(p.all, r)
			} else {
				o := receiptjson.New(r, err)
				o.File, o.Line = label, lr.n
				p.emit(o)
			}
		}
		if p.writeErr != nil {
			return p.writeErr
		}
	}
}

func (p *processor) problem(file string, n int, line []byte, err error) {
	p.problems++
	if p.opts.summary {
		return
	}
	pr := receiptjson.NewProblem(n, line, err)
	pr.File = file
	p.emit(pr)
}

func (p *processor) emit(v any) {
	if p.writeErr == nil {
		p.writeErr = p.enc.Encode(v)
	}
}

func (p *processor) showProgress() {
	if !p.opts.progress || p.lines%progressEvery != 0 {
		return
	}
	p.shown = true
	fmt.Fprintf(p.stderr, "\rdlrparse: %d lines, %d receipts, %d unreadable", p.lines, p.receipts, p.problems)
}

func (p *processor) endProgress() {
	if p.shown {
		fmt.Fprintln(p.stderr)
	}
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}
