package fuzz

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/smppfmt"
	"github.com/dlrkit/dlrkit/webhook"
)

const mib = 1 << 20

// boundTimeout is how long a refusal may take before the test fails
// instead of hanging. It is generous on purpose: the tests assert memory,
// not speed.
const boundTimeout = 30 * time.Second

// allocated runs fn and returns the bytes the process allocated meanwhile
// (runtime.MemStats.TotalAlloc). The input must be built before. The tests
// that call it do not run in parallel, so other tests' allocations do not
// count (they still include the runtime's own, a few KiB).
func allocated(t *testing.T, fn func()) uint64 {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(boundTimeout):
		t.Fatalf("no answer within %v", boundTimeout)
	}
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// nested returns n copies of open followed by n copies of close.
func nested(open, close string, n int) []byte {
	return []byte(strings.Repeat(open, n) + strings.Repeat(close, n))
}

// jsonArray returns a JSON array of n copies of elem.
func jsonArray(elem string, n int) []byte {
	var b bytes.Buffer
	b.Grow(n*(len(elem)+1) + 2)
	b.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(elem)
	}
	b.WriteByte(']')
	return b.Bytes()
}

// TestBoundsCarrier feeds carrier.Parse hostile sizes and checks that each
// is refused with ErrTooLarge within a bounded allocation. Not parallel:
// it measures the process's allocations.
func TestBoundsCarrier(t *testing.T) {
	longString := []byte(`{"message_id":"` + strings.Repeat("a", 10*mib) + `","status":"DELIVRD"}`)
	formField := []byte("id=1&message_status=DELIVRD&level=2&x=" + strings.Repeat("a", 10*mib))
	big := carrier.Parser{MaxBody: 64 * mib} // so that only the batch bound applies
	for _, tc := range []struct {
		name   string
		p      carrier.Parser
		body   []byte
		meta   carrier.Meta
		budget uint64 // bytes the refusal may allocate
		want   error  // carrier.ErrTooLarge unless set
	}{
		// 10 MiB bodies against the 1 MiB body bound, by every route.
		{"10MiB json detect", carrier.Parser{}, longString, carrier.Meta{ContentType: "application/json"}, 2 * carrier.DefaultMaxBody, nil},
		{"10MiB json bulksmsrates", carrier.Parser{}, longString, carrier.Meta{Provider: carrier.BulkSMSRates}, 2 * carrier.DefaultMaxBody, nil},
		{"10MiB form jasmin", carrier.Parser{}, formField, carrier.Meta{ContentType: "application/x-www-form-urlencoded", Provider: carrier.Jasmin}, 2 * carrier.DefaultMaxBody, nil},
		{"10MiB query", carrier.Parser{}, nil, carrier.Meta{RawQuery: string(formField)}, 2 * carrier.DefaultMaxBody, nil},
		// 10⁶ elements against the 1000-receipt batch bound, with the body
		// bound raised out of the way: the budget is what 2 MiB of body
		// would be allowed, far less than a million receipts.
		{"1e6 receipts bulksmsrates", big, jsonArray(`{"message_id":"1","status":"DELIVRD"}`, 1e6), carrier.Meta{Provider: carrier.BulkSMSRates}, 2 * carrier.DefaultMaxBody, nil},
		{"1e6 receipts generic", big, jsonArray(`{"id":"1","status":"DELIVRD"}`, 1e6), carrier.Meta{Provider: carrier.Generic}, 2 * carrier.DefaultMaxBody, nil},
		// 10⁶ elements whose first is already refused: the rest is not read.
		{"1e6 empty objects bulksmsrates", big, jsonArray(`{}`, 1e6), carrier.Meta{Provider: carrier.BulkSMSRates}, 64 << 10, carrier.ErrMissingID},
		{"1e6 numbers detect", big, jsonArray(`0`, 1e6), carrier.Meta{}, 64 << 10, carrier.ErrUnknownProvider},
		// 250,000 form fields in a body under the default body bound,
		// against the batch bound. (The form reader copies the body into
		// a string first, so with a raised MaxBody a form's refusal costs
		// its size, not the batch's.)
		{"250k form fields generic", carrier.Parser{}, []byte(strings.Repeat("a=1&", 250000)), carrier.Meta{Provider: carrier.Generic}, 2 * carrier.DefaultMaxBody, nil},
		// 10⁵-deep nesting against the depth bound (32).
		{"1e5 arrays detect", carrier.Parser{}, nested("[", "]", 1e5), carrier.Meta{}, 2 * carrier.DefaultMaxBody, nil},
		{"1e5 objects generic", carrier.Parser{}, nested(`{"a":`, "}", 1e5), carrier.Meta{Provider: carrier.Generic}, 2 * carrier.DefaultMaxBody, nil},
		{"1e5 in a receipt bulksmsrates", carrier.Parser{}, []byte(`{"message_id":"1","status":"DELIVRD","x":` + string(nested("[", "]", 1e5)) + "}"), carrier.Meta{Provider: carrier.BulkSMSRates}, 2 * carrier.DefaultMaxBody, nil},
	} {
		var rs []dlr.Receipt
		var err error
		n := allocated(t, func() { rs, err = tc.p.Parse(tc.body, tc.meta) })
		t.Logf("%-32s input %8d B  allocated %8d B  err: %.80v", tc.name, len(tc.body)+len(tc.meta.RawQuery), n, err)
		want := tc.want
		if want == nil {
			want = carrier.ErrTooLarge
		}
		if !errors.Is(err, want) || len(rs) != 0 {
			t.Errorf("%s: %d receipts, error %v; want %v", tc.name, len(rs), err, want)
		}
		if n > tc.budget {
			t.Errorf("%s: allocated %d bytes, budget %d", tc.name, n, tc.budget)
		}
	}
}

// TestBoundsSMPPText feeds smppfmt a 10 MiB single line.
func TestBoundsSMPPText(t *testing.T) {
	line := []byte("id:1 sub:001 dlvrd:001 stat:DELIVRD err:000 text:" + strings.Repeat("a", 10*mib))
	for _, tc := range []struct {
		name string
		fn   func([]byte) error
	}{
		{"Parse", func(b []byte) error { _, err := smppfmt.Parse(b); return err }},
		{"ParseFields", func(b []byte) error { _, err := smppfmt.ParseFields(b); return err }},
		{"Parser.Parse strict", func(b []byte) error { p := smppfmt.Parser{Strict: true}; _, err := p.Parse(b); return err }},
	} {
		var err error
		n := allocated(t, func() { err = tc.fn(line) })
		t.Logf("%-32s input %8d B  allocated %8d B  err: %.80v", tc.name, len(line), n, err)
		if !errors.Is(err, smppfmt.ErrTooLarge) {
			t.Errorf("%s: %v; want ErrTooLarge", tc.name, err)
		}
		if n > 2*smppfmt.DefaultMaxSize {
			t.Errorf("%s: allocated %d bytes, budget %d", tc.name, n, 2*smppfmt.DefaultMaxSize)
		}
	}
}

// onlyReader hides a reader's other methods (and its length from
// httptest.NewRequest, which then leaves ContentLength unknown).
type onlyReader struct{ io.Reader }

// oversizeRequest sends a webhook.Handler a signed 10 MiB body, with or
// without a Content-Length, and returns the answer, the sink calls, the
// rejections and the bytes allocated while serving.
func oversizeRequest(t *testing.T, length bool) (code, calls, rejected int, alloc uint64) {
	t.Helper()
	body := bytes.Repeat([]byte("a"), 10*mib)
	h := &webhook.Handler{
		Verifier: webhook.BSR{Secrets: [][]byte{hookSecret}},
		Sink:     func(context.Context, []dlr.Receipt) error { calls++; return nil },
		Reject: func(_ context.Context, _ []byte, err error) {
			rejected++
			if !errors.Is(err, webhook.ErrBodyTooLarge) {
				t.Errorf("Reject got %v", err)
			}
		},
	}
	var r io.Reader = bytes.NewReader(body)
	if !length {
		r = onlyReader{r}
	}
	req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1/dlr", r)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(webhook.BSRHeader, webhook.Sign(hookSecret, body))
	if length != (req.ContentLength == int64(len(body))) {
		t.Fatalf("ContentLength %d", req.ContentLength)
	}
	rec := httptest.NewRecorder()
	alloc = allocated(t, func() { h.ServeHTTP(rec, req) })
	return rec.Code, calls, rejected, alloc
}

// TestBoundsWebhook sends the handler a 10 MiB body, with and without a
// Content-Length, and checks the 413 and the allocation.
func TestBoundsWebhook(t *testing.T) {
	for _, tc := range []struct {
		name   string
		length bool
		budget uint64
	}{
		{"with Content-Length", true, 2 * webhook.DefaultMaxBody},
		{"without Content-Length", false, 2 * webhook.DefaultMaxBody},
	} {
		code, calls, rejected, n := oversizeRequest(t, tc.length)
		t.Logf("%-32s input %8d B  allocated %8d B  answer %d", tc.name, 10*mib, n, code)
		if code != http.StatusRequestEntityTooLarge || calls != 0 || rejected != 1 {
			t.Errorf("%s: answer %d, %d sink calls, %d rejections; want 413, 0, 1", tc.name, code, calls, rejected)
		}
		if n > tc.budget {
			t.Errorf("%s: allocated %d bytes, budget %d", tc.name, n, tc.budget)
		}
	}
}

// TestRegressionWebhookChunkedAlloc: a body without Content-Length over
// Handler.MaxBody made the handler allocate about 5× MaxBody in total
// before it answered 413 (readAll grew its buffer with append, by about
// 1.25× per step at that size); it now stays under 2× MaxBody.
func TestRegressionWebhookChunkedAlloc(t *testing.T) {
	code, _, _, n := oversizeRequest(t, false)
	if code != http.StatusRequestEntityTooLarge || n > 2*webhook.DefaultMaxBody {
		t.Errorf("answer %d, allocated %d bytes; want 413 within %d", code, n, 2*webhook.DefaultMaxBody)
	}
}
