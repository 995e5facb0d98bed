package fuzz

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/webhook"
)

var (
	hookSecret  = []byte("constructed-test-secret")
	hookMethods = []string{http.MethodPost, http.MethodGet, http.MethodHead, http.MethodPut, "DELETE", "PATCH", "OPTIONS", "BREW"}
	hookTypes   = []string{"application/json", "application/x-www-form-urlencoded", "text/plain", "", "multipart/form-data; boundary=x"}
	hookHints   = []string{"", carrier.BulkSMSRates, carrier.Generic, carrier.Jasmin}
)

// FuzzWebhookEndToEnd drives a webhook.Handler (the BulkSMSRates verifier
// with one secret, a sink that records its calls) with random requests:
// method, body, query, Content-Type, a signature header that is either
// random or the body signed with webhook.Sign, a sink that fails or not,
// and a small or default body limit. Properties:
//
//   - a 2xx answer means the sink ran for this request and returned nil,
//     except where the package documentation says otherwise: HEAD, and a
//     body that decodes to no receipts and no error;
//   - a request whose signature does not verify (webhook.Verify) never
//     reaches the sink;
//   - a sink that returns an error never gives a 2xx answer;
//   - the sink only ever sees a non-empty batch;
//   - an answer 400, 401 or 413 goes with exactly one Reject call (with a
//     *webhook.RequestError) and no sink call, and no other answer calls
//     Reject.
func FuzzWebhookEndToEnd(f *testing.F) {
	bodies, queries := carrierFixtures(f)
	// carrier's fixtures (sources in its SOURCE files), signed, POSTed as
	// JSON, with a sink that succeeds: the normal path.
	for _, b := range bodies {
		f.Add(uint8(0), b, "", "", uint8(0), uint8(1))
	}
	// The fixture query strings as GET callbacks with an empty signed body.
	for _, q := range queries {
		f.Add(uint8(1), "", q, "", uint8(3), uint8(1))
	}
	// A signed BulkSMSRates body whose sink fails: must be 503, never 2xx.
	bsr := bsrFixture(f)
	f.Add(uint8(0), bsr, "", "", uint8(0), uint8(1|2))
	// An unsigned request and a wrong signature: the sink must not run.
	f.Add(uint8(0), bsr, "", "", uint8(0), uint8(0))
	f.Add(uint8(0), bsr, "", "sha256=00", uint8(0), uint8(0))
	// The signature of another body (a replay onto a changed body).
	f.Add(uint8(0), bsr+" ", "", webhook.Sign(hookSecret, []byte(bsr)), uint8(0), uint8(0))
	// A signature in upper-case hex with spaces (accepted by Verify).
	f.Add(uint8(0), "{}", "", " SHA256="+strings.ToUpper(webhook.Sign(hookSecret, []byte("{}"))[7:])+" ", uint8(0), uint8(0))
	// HEAD and a method the handler refuses.
	f.Add(uint8(2), "", "", "", uint8(0), uint8(1))
	f.Add(uint8(3), bsr, "", "", uint8(0), uint8(1))
	// A signed body over the small limit (413).
	f.Add(uint8(0), bsr, "", "", uint8(0), uint8(1|4))
	// A signed body that is not JSON under a JSON type (400).
	f.Add(uint8(0), "{", "", "", uint8(0), uint8(1))
	// A signed multipart body (ErrWrongFormat, 400).
	f.Add(uint8(0), "--x\r\n\r\n--x--", "", "", uint8(4), uint8(1))
	f.Fuzz(func(t *testing.T, m uint8, body, rawQuery, sig string, ct, flags uint8) {
		method := hookMethods[int(m)%len(hookMethods)]
		ctype := hookTypes[int(ct)%len(hookTypes)]
		sign, sinkFails, small := flags&1 != 0, flags&2 != 0, flags&4 != 0
		hint := hookHints[int(flags>>4)%len(hookHints)]
		if sign {
			sig = webhook.Sign(hookSecret, []byte(body))
		}
		if _, err := url.ParseQuery(rawQuery); err != nil || strings.IndexFunc(rawQuery, func(r rune) bool { return r <= ' ' || r == '#' || r == 0x7f }) >= 0 {
			rawQuery = url.QueryEscape(rawQuery) // keep the target parseable
		}

		calls, sinkErrs, rejects := 0, 0, 0
		h := &webhook.Handler{
			Provider: hint,
			Verifier: webhook.BSR{Secrets: [][]byte{hookSecret}},
			Clock:    func() time.Time { return time.Date(2025, 2, 14, 10, 30, 0, 0, time.UTC) },
			Sink: func(_ context.Context, rs []dlr.Receipt) error {
				calls++
				if len(rs) == 0 {
					t.Fatal("sink called with no receipts")
				}
				if sinkFails {
					sinkErrs++
					return errors.New("constructed sink failure")
				}
				return nil
			},
		}
		h.Reject = func(_ context.Context, _ []byte, err error) {
			rejects++
			var re *webhook.RequestError
			if !errors.As(err, &re) {
				t.Fatalf("Reject got %v (%T), not a *webhook.RequestError", err, err)
			}
		}
		if small {
			h.MaxBody = 64
		}
		target := "http://127.0.0.1/dlr"
		if rawQuery != "" {
			target += "?" + rawQuery
		}
		req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
		req.Method = method
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		if sig != "" {
			req.Header.Set(webhook.BSRHeader, sig)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		code := rec.Code

		verr := webhook.Verify(req.Header.Get(webhook.BSRHeader), []byte(body), hookSecret)
		if verr != nil && calls > 0 {
			t.Fatalf("sink reached with a signature that does not verify (%v); answer %d", verr, code)
		}
		if calls > 1 {
			t.Fatalf("sink called %d times for one request", calls)
		}
		ok := code >= 200 && code < 300
		if ok && sinkErrs > 0 {
			t.Fatalf("answer %d after the sink failed", code)
		}
		if ok && calls == 0 && method != http.MethodHead {
			rs, err := carrier.Parse([]byte(body), carrier.Meta{ContentType: ctype, Query: req.URL.Query(), Provider: hint, Headers: req.Header})
			if len(rs) != 0 || err != nil {
				t.Fatalf("answer %d without a sink call, but the body decodes to %d receipts, error %v", code, len(rs), err)
			}
			if verr != nil {
				t.Fatalf("answer %d to a request whose signature does not verify: %v", code, verr)
			}
		}
		refused := code == http.StatusBadRequest || code == http.StatusUnauthorized || code == http.StatusRequestEntityTooLarge
		if refused != (rejects == 1) || rejects > 1 {
			t.Fatalf("answer %d with %d Reject calls", code, rejects)
		}
		if refused && calls > 0 {
			t.Fatalf("answer %d after a sink call", code)
		}
		if calls == 1 && !sinkFails && !ok {
			t.Fatalf("answer %d after the sink accepted the receipts", code)
		}
	})
}

// TestWebhookPaths checks that FuzzWebhookEndToEnd's seeds reach the paths
// its properties are about: a signed fixture is stored and answered 200, an
// unsigned one is answered 401 without a sink call, a failing sink gives 503.
func TestWebhookPaths(t *testing.T) {
	t.Parallel()
	body := bsrFixture(t)
	for _, tc := range []struct {
		name      string
		sig       string
		sinkErr   error
		wantCode  int
		wantCalls int
	}{
		{"signed", webhook.Sign(hookSecret, []byte(body)), nil, http.StatusOK, 1},
		{"unsigned", "", nil, http.StatusUnauthorized, 0},
		{"sink fails", webhook.Sign(hookSecret, []byte(body)), errors.New("down"), http.StatusServiceUnavailable, 1},
	} {
		calls := 0
		h := &webhook.Handler{
			Verifier: webhook.BSR{Secrets: [][]byte{hookSecret}},
			Sink: func(context.Context, []dlr.Receipt) error {
				calls++
				return tc.sinkErr
			},
		}
		req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1/dlr", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if tc.sig != "" {
			req.Header.Set(webhook.BSRHeader, tc.sig)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.wantCode || calls != tc.wantCalls {
			t.Errorf("%s: answer %d after %d sink calls, want %d after %d", tc.name, rec.Code, calls, tc.wantCode, tc.wantCalls)
		}
	}
}

// bsrFixture is a BulkSMSRates receipt from carrier's fixtures
// (carrier/testdata/bulksmsrates/SOURCE names its source).
func bsrFixture(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "carrier", "testdata", "bulksmsrates", "realtime_delivered.json"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
