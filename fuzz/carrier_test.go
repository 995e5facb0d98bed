package fuzz

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
)

// contentTypes are the Content-Type values FuzzCarrierAnyBytes tries for
// every body: each way carrier.Parse chooses a reader, and one it refuses.
var contentTypes = []string{
	"application/json",
	"application/json; charset=utf-8",
	"application/x-www-form-urlencoded",
	"text/plain",
	"", // sniff
	"multipart/form-data; boundary=x",
	"application/vnd.api+json",
}

// carrierSentinels are the causes carrier's package documentation lists.
var carrierSentinels = []error{
	carrier.ErrMalformed, carrier.ErrTooLarge, carrier.ErrUnknownProvider, carrier.ErrAmbiguous,
	carrier.ErrWrongFormat, carrier.ErrNotReceipt, carrier.ErrMissingID, carrier.ErrMissingStatus,
	carrier.ErrUnknownValue,
}

// carrierFixtures returns the bodies and query strings of carrier's own
// test fixtures (their sources are in the SOURCE file beside them).
func carrierFixtures(tb testing.TB) (bodies, queries []string) {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "carrier", "testdata", "*", "*"))
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(paths)
	for _, p := range paths {
		b := filepath.Base(p)
		if b == "SOURCE" || b == "SOURCE.md" || strings.HasSuffix(b, ".golden.json") {
			continue
		}
		if fi, err := os.Stat(p); err != nil || fi.IsDir() {
			continue // testdata/fuzz holds the package's own fuzz corpus
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		if strings.HasSuffix(b, ".query.txt") {
			queries = append(queries, strings.TrimSpace(string(raw)))
		} else {
			bodies = append(bodies, string(raw))
		}
	}
	return bodies, queries
}

// checkCarrierResult checks what carrier.Parse returned for a hint.
func checkCarrierResult(t *testing.T, hint, ct, body string, rs []dlr.Receipt, err error) {
	t.Helper()
	n := len(rs)
	var pe *carrier.ParseError
	var de *carrier.DetectError
	var ve *carrier.ValueError
	switch {
	case err == nil:
		if n == 0 {
			t.Fatalf("provider %q, type %q: neither receipts nor an error", hint, ct)
		}
	case errors.As(err, &ve):
		if n == 0 {
			t.Fatalf("provider %q, type %q: ValueError without receipts: %v", hint, ct, err)
		}
	case errors.As(err, &pe), errors.As(err, &de):
		if n != 0 {
			t.Fatalf("provider %q, type %q: %d receipts with %v", hint, ct, n, err)
		}
	default:
		t.Fatalf("provider %q, type %q: untyped error %v (%T)", hint, ct, err, err)
	}
	if err != nil {
		known := false
		for _, s := range carrierSentinels {
			known = known || errors.Is(err, s)
		}
		if !known {
			t.Fatalf("provider %q, type %q: %v wraps no documented sentinel", hint, ct, err)
		}
		if !strings.HasPrefix(err.Error(), "carrier: ") {
			t.Fatalf("error text %q does not start with the package name", err)
		}
	}
	// The format the package documentation says the body is read as: an
	// empty or all-space body means the query (no claim for other Unicode
	// spaces).
	var wantFormat dlr.Format
	switch {
	case strings.Trim(body, " \t\r\n") == "":
		wantFormat = dlr.FormatQuery
	case strings.TrimSpace(body) == "":
	case strings.HasPrefix(ct, "application/json"), strings.HasSuffix(ct, "+json"):
		wantFormat = dlr.FormatJSON
	case ct == "application/x-www-form-urlencoded":
		wantFormat = dlr.FormatForm
	}
	for i, r := range rs {
		p := r.Source.Provider
		if p == "" {
			t.Fatalf("provider %q, type %q: receipt %d has no Source.Provider", hint, ct, i)
		}
		if hint != "" && p != hint {
			t.Fatalf("provider %q, type %q: receipt %d from %q", hint, ct, i, p)
		}
		switch f := r.Source.Format; {
		case f != dlr.FormatJSON && f != dlr.FormatForm && f != dlr.FormatQuery:
			t.Fatalf("provider %q, type %q: receipt %d has Source.Format %q", hint, ct, i, f)
		case wantFormat != "" && f != wantFormat:
			t.Fatalf("provider %q, type %q: receipt %d read as %q, want %q", hint, ct, i, f, wantFormat)
		}
		if r.MessageID == "" {
			t.Fatalf("provider %q, type %q: receipt %d has no MessageID (ErrMissingID says that is refused)", hint, ct, i)
		}
	}
}

// FuzzCarrierAnyBytes runs carrier.Parse on any body and query string with
// every content type and every provider name (and "" to detect, and a
// reserved name): it never panics; the result is receipts, or a typed
// error (*ParseError or *DetectError with no receipts, *ValueError with
// receipts) wrapping a documented sentinel; every receipt names its
// provider (the one asked for when one was), a Source.Format that matches
// the Content-Type and a MessageID; and no error means at least one receipt.
func FuzzCarrierAnyBytes(f *testing.F) {
	bodies, queries := carrierFixtures(f)
	// Every body and query string of carrier's fixtures: real shapes for
	// each adapter, for the mutator to start from.
	for _, b := range bodies {
		f.Add(b, "")
	}
	for _, q := range queries {
		f.Add("", q)
	}
	// Empty body and query: a GET callback with nothing in it.
	f.Add("", "")
	// A body of spaces reads the query (an empty body means GET).
	f.Add("  \n", "id=1&type=1")
	// JSON that is not an object, and truncated JSON.
	f.Add("[1,\"a\",null]", "")
	f.Add("{\"message_id\":\"1\",\"status\":", "")
	// A form with a bad escape and ';' (ErrMalformed by url.ParseQuery rules).
	f.Add("a=%zz;b=1", "")
	// Invalid UTF-8 inside a JSON string and as a form value.
	f.Add("{\"message_id\":\"\xff\",\"status\":\"DELIVRD\",\"delivered_at\":\"x\"}", "")
	f.Add("id=\xff&message_status=DELIVRD&level=2", "")
	// A multipart body (refused as ErrWrongFormat under that type).
	f.Add("--x\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n1\r\n--x--\r\n", "")
	hints := append(append([]string{""}, carrier.Providers()...), carrier.Twilio)
	f.Fuzz(func(t *testing.T, body, rawQuery string) {
		for _, hint := range hints {
			for _, ct := range contentTypes {
				rs, err := carrier.Parse([]byte(body), carrier.Meta{ContentType: ct, RawQuery: rawQuery, Provider: hint})
				checkCarrierResult(t, hint, ct, body, rs, err)
			}
		}
	})
}
