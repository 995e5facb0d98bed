package webhook_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
	"github.com/dlrkit/dlrkit/webhook"
)

// testDecode is a small decoder written for these tests, so that the
// handler can be tested on its own. Its input shapes are constructed, not
// a provider's:
//
//	JSON: {"receipts":[{"message_id":"m1","status":"DELIVRD","to":"…"}]}
//	form body or query: message_id=m1&status=DELIVRD
//
// A status word it does not know gives a receipt with status UNKNOWN and
// the raw word, plus an error: a partial result, like carrier's.
func testDecode(body []byte, meta carrier.Meta) ([]dlr.Receipt, error) {
	type item struct {
		MessageID string `json:"message_id"`
		Status    string `json:"status"`
		To        string `json:"to"`
	}
	var items []item
	format := dlr.FormatJSON
	mt, _, _ := mime.ParseMediaType(meta.ContentType)
	switch {
	case mt == "application/json":
		var doc struct {
			Receipts []item `json:"receipts"`
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			return nil, err
		}
		items = doc.Receipts
	default:
		v := url.Values{}
		format = dlr.FormatQuery
		if mt == "application/x-www-form-urlencoded" {
			format = dlr.FormatForm
			var err error
			if v, err = url.ParseQuery(string(body)); err != nil {
				return nil, err
			}
		}
		for k, vs := range meta.Query {
			if _, ok := v[k]; !ok {
				v[k] = vs
			}
		}
		if v.Get("message_id") == "" {
			return nil, errors.New("testdecode: no message_id")
		}
		items = []item{{MessageID: v.Get("message_id"), Status: v.Get("status"), To: v.Get("to")}}
	}
	var out []dlr.Receipt
	var errs []error
	for _, it := range items {
		st, err := status.Parse(it.Status)
		if err != nil {
			st = status.Unknown
			errs = append(errs, err)
		}
		out = append(out, dlr.Receipt{MessageID: it.MessageID, Status: st, RawStatus: it.Status, To: it.To,
			Source: dlr.Source{Format: format, Provider: meta.Provider}})
	}
	return out, errors.Join(errs...)
}

// recorder collects what the hooks of a Handler receive.
type recorder struct {
	mu       sync.Mutex
	stored   []dlr.Receipt
	rejected []error
	bodies   [][]byte
	warnings []error
	sinkErr  error
	ctxSeen  []context.Context
}

func (rec *recorder) sink(ctx context.Context, rs []dlr.Receipt) error {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.ctxSeen = append(rec.ctxSeen, ctx)
	if rec.sinkErr != nil {
		return rec.sinkErr
	}
	rec.stored = append(rec.stored, rs...)
	return nil
}

func (rec *recorder) reject(_ context.Context, body []byte, err error) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.rejected = append(rec.rejected, err)
	rec.bodies = append(rec.bodies, append([]byte(nil), body...))
}

func (rec *recorder) warn(_ context.Context, _ []dlr.Receipt, err error) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.warnings = append(rec.warnings, err)
}

var bsrSecret = []byte("bsr-test-secret")

func newBSRHandler(rec *recorder) *webhook.Handler {
	return &webhook.Handler{
		Provider:  "bulksmsrates",
		Verifier:  webhook.BSR{Secrets: [][]byte{bsrSecret}},
		Sink:      rec.sink,
		Reject:    rec.reject,
		OnWarning: rec.warn,
		Decode:    testDecode,
		MaxBody:   4096,
	}
}

func bsrRequest(method, body, sig string) *http.Request {
	r := httptest.NewRequest(method, "http://dlr.internal/hooks/bsr", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if sig != "" {
		r.Header.Set(webhook.BSRHeader, sig)
	}
	return r
}

const oneReceipt = `{"receipts":[{"message_id":"m-1","status":"DELIVRD","to":"447700900001"}]}`

func TestHandlerBSR(t *testing.T) {
	t.Parallel()
	good := webhook.Sign(bsrSecret, []byte(oneReceipt))
	partial := `{"receipts":[{"message_id":"m-2","status":"DELIVRD"},{"message_id":"m-3","status":"WEIRD"}]}`
	cases := []struct {
		name       string
		req        *http.Request
		sinkErr    error
		response   string
		wantCode   int
		wantStored int
		wantReject error
		wantWarn   bool
		wantBody   string
	}{
		{name: "signed", req: bsrRequest("POST", oneReceipt, good), wantCode: 200, wantStored: 1},
		{name: "signed, Jasmin-style response", req: bsrRequest("POST", oneReceipt, good), response: "ACK/Jasmin", wantCode: 200, wantStored: 1, wantBody: "ACK/Jasmin"},
		{name: "missing signature", req: bsrRequest("POST", oneReceipt, ""), wantCode: 401, wantReject: webhook.ErrNoSignature},
		{name: "garbled signature", req: bsrRequest("POST", oneReceipt, "sha256=zz"), wantCode: 401, wantReject: webhook.ErrMalformedSignature},
		{name: "wrong signature", req: bsrRequest("POST", oneReceipt, webhook.Sign([]byte("other"), []byte(oneReceipt))), wantCode: 401, wantReject: webhook.ErrSignatureMismatch},
		{name: "tampered body", req: bsrRequest("POST", strings.Replace(oneReceipt, "DELIVRD", "UNDELIV", 1), good), wantCode: 401, wantReject: webhook.ErrSignatureMismatch},
		{name: "undecodable", req: bsrRequest("POST", "{not json", webhook.Sign(bsrSecret, []byte("{not json"))), wantCode: 400, wantReject: webhook.ErrDecode},
		{name: "sink fails", req: bsrRequest("POST", oneReceipt, good), sinkErr: errors.New("db down"), response: "ACK/Jasmin", wantCode: 503},
		{name: "partial result is delivered", req: bsrRequest("POST", partial, webhook.Sign(bsrSecret, []byte(partial))), wantCode: 200, wantStored: 2, wantWarn: true},
		{name: "no receipts", req: bsrRequest("POST", `{"receipts":[]}`, webhook.Sign(bsrSecret, []byte(`{"receipts":[]}`))), wantCode: 200},
		{name: "PUT", req: bsrRequest("PUT", oneReceipt, good), wantCode: 405},
		{name: "DELETE", req: bsrRequest("DELETE", "", ""), wantCode: 405},
		{name: "HEAD", req: bsrRequest("HEAD", "", ""), wantCode: 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := &recorder{sinkErr: tc.sinkErr}
			h := newBSRHandler(rec)
			h.Response = []byte(tc.response)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, tc.req)
			require.Equal(t, tc.wantCode, w.Code, w.Body.String())
			require.Len(t, rec.stored, tc.wantStored)
			if tc.wantCode != 200 && tc.sinkErr == nil {
				require.Empty(t, rec.ctxSeen, "the sink must not be called")
			}
			if tc.wantReject != nil {
				require.Len(t, rec.rejected, 1)
				require.ErrorIs(t, rec.rejected[0], tc.wantReject)
				var re *webhook.RequestError
				require.ErrorAs(t, rec.rejected[0], &re)
				require.Equal(t, tc.wantCode, re.Status)
			} else {
				require.Empty(t, rec.rejected)
			}
			require.Equal(t, tc.wantWarn, len(rec.warnings) == 1)
			switch tc.wantCode {
			case 200:
				require.Equal(t, tc.wantBody, w.Body.String())
			case 405:
				require.Equal(t, "GET, HEAD, POST", w.Header().Get("Allow"))
			case 503:
				require.Equal(t, "30", w.Header().Get("Retry-After"))
				require.NotContains(t, w.Body.String(), "ACK/Jasmin")
			}
		})
	}
}

func TestHandlerRejectGetsBody(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	h := newBSRHandler(rec)
	h.ServeHTTP(httptest.NewRecorder(), bsrRequest("POST", oneReceipt, "sha256=00"))
	require.Equal(t, [][]byte{[]byte(oneReceipt)}, rec.bodies)
}

func TestHandlerPartialWarning(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	h := newBSRHandler(rec)
	body := `{"receipts":[{"message_id":"m-3","status":"WEIRD"}]}`
	w := httptest.NewRecorder()
	h.ServeHTTP(w, bsrRequest("POST", body, webhook.Sign(bsrSecret, []byte(body))))
	require.Equal(t, 200, w.Code)
	require.Len(t, rec.stored, 1)
	require.Equal(t, status.Unknown, rec.stored[0].Status)
	require.Equal(t, "WEIRD", rec.stored[0].RawStatus)
	require.Len(t, rec.warnings, 1)
	require.ErrorIs(t, rec.warnings[0], webhook.ErrDecode)
	var pe *status.ParseError
	require.ErrorAs(t, rec.warnings[0], &pe, "the decoder's own error stays reachable")
}

func TestHandlerRetryAfter(t *testing.T) {
	t.Parallel()
	rec := &recorder{sinkErr: errors.New("busy")}
	h := newBSRHandler(rec)
	h.RetryAfter = 1500 * time.Millisecond
	w := httptest.NewRecorder()
	h.ServeHTTP(w, bsrRequest("POST", oneReceipt, webhook.Sign(bsrSecret, []byte(oneReceipt))))
	require.Equal(t, 503, w.Code)
	require.Equal(t, "2", w.Header().Get("Retry-After"))
}

func TestHandlerMisconfigured(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	for _, h := range []*webhook.Handler{
		{Sink: rec.sink, Decode: testDecode},
		{Verifier: webhook.Unsigned{}, Decode: testDecode},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, bsrRequest("POST", oneReceipt, ""))
		require.Equal(t, 500, w.Code)
	}
	require.Empty(t, rec.stored)
}

// infinite is a body that never ends, counting what was read from it.
type infinite struct{ n int64 }

func (r *infinite) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.n += int64(len(p))
	return len(p), nil
}

func TestHandlerTooLarge(t *testing.T) {
	t.Parallel()
	t.Run("declared length", func(t *testing.T) {
		t.Parallel()
		rec := &recorder{}
		h := newBSRHandler(rec)
		body := strings.Repeat("x", 5000)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, bsrRequest("POST", body, webhook.Sign(bsrSecret, []byte(body))))
		require.Equal(t, 413, w.Code)
		require.Empty(t, rec.stored)
		require.Len(t, rec.rejected, 1)
		require.ErrorIs(t, rec.rejected[0], webhook.ErrBodyTooLarge)
	})
	t.Run("chunked, never ends", func(t *testing.T) {
		t.Parallel()
		rec := &recorder{}
		h := newBSRHandler(rec)
		src := &infinite{}
		r := httptest.NewRequest("POST", "http://dlr.internal/hooks/bsr", src)
		r.ContentLength = -1
		r.Header.Set(webhook.BSRHeader, webhook.Sign(bsrSecret, nil))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		require.Equal(t, 413, w.Code)
		require.Empty(t, rec.stored)
		require.ErrorIs(t, rec.rejected[0], webhook.ErrBodyTooLarge)
		require.LessOrEqual(t, src.n, h.MaxBody+4096, "the body is read bounded")
		require.Len(t, rec.bodies[0], int(h.MaxBody), "Reject gets the part read before the limit")
	})
}

type failingBody struct{}

func (failingBody) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestHandlerBodyReadError(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	h := newBSRHandler(rec)
	r := httptest.NewRequest("POST", "http://dlr.internal/hooks/bsr", failingBody{})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	require.Equal(t, 400, w.Code)
	require.ErrorIs(t, rec.rejected[0], webhook.ErrBodyRead)
	require.Empty(t, rec.stored)
}

type ctxKey struct{}

func TestHandlerPassesRequestContext(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	h := newBSRHandler(rec)
	r := bsrRequest("POST", oneReceipt, webhook.Sign(bsrSecret, []byte(oneReceipt)))
	r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, "req-42"))
	h.ServeHTTP(httptest.NewRecorder(), r)
	require.Len(t, rec.ctxSeen, 1)
	require.Equal(t, "req-42", rec.ctxSeen[0].Value(ctxKey{}))
}

// A TLS-terminating proxy forwards https://dlr.example.com/hooks/twilio to
// http://10.0.0.5:8080/twilio: the signature covers the public URL.
func TestHandlerPublicURL(t *testing.T) {
	t.Parallel()
	tw := webhook.Twilio{AuthTokens: [][]byte{[]byte("auth-token")}}
	form := url.Values{"message_id": {"SM1"}, "status": {"DELIVRD"}}
	const public = "https://dlr.example.com/hooks/twilio"
	sig := tw.Sign(public+"?acct=1", form)
	newReq := func() *http.Request {
		r := httptest.NewRequest("POST", "http://10.0.0.5:8080/twilio?acct=1", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set(webhook.TwilioHeader, sig)
		r.Header.Set("X-Forwarded-Host", "evil.example") // ignored
		return r
	}
	for _, tc := range []struct {
		publicURL string
		want      int
	}{
		{public, 200},
		{"https://dlr.example.com", 401}, // no path: the request's /twilio is used
		{"", 401},
	} {
		rec := &recorder{}
		h := &webhook.Handler{Provider: "twilio", Verifier: tw, PublicURL: tc.publicURL, Sink: rec.sink, Reject: rec.reject, Decode: testDecode}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, newReq())
		require.Equal(t, tc.want, w.Code, tc.publicURL)
	}
	// A PublicURL without a path keeps the request's path.
	rec := &recorder{}
	h := &webhook.Handler{Verifier: tw, PublicURL: "https://dlr.example.com", Sink: rec.sink, Decode: testDecode}
	r := httptest.NewRequest("POST", "http://10.0.0.5:8080/hooks/twilio?acct=1", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set(webhook.TwilioHeader, sig)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	require.Equal(t, 200, w.Code)
}

func TestHandlerClock(t *testing.T) {
	t.Parallel()
	v := webhook.Vonage{Secrets: [][]byte{[]byte("s")}, Method: webhook.VonageMD5Hash}
	p := url.Values{"message_id": {"0A01"}, "status": {"DELIVRD"}, "timestamp": {"1700000000"}}
	p.Set("sig", v.Sign(p))
	for _, tc := range []struct {
		now  time.Time
		want int
		err  error
	}{
		{time.Unix(1700000000, 0), 200, nil},
		{time.Unix(1700000000+301, 0), 401, webhook.ErrTooOld},
		{time.Unix(1700000000-301, 0), 401, webhook.ErrTooNew},
	} {
		rec := &recorder{}
		h := &webhook.Handler{Provider: "vonage", Verifier: v, Sink: rec.sink, Reject: rec.reject, Decode: testDecode,
			Clock: func() time.Time { return tc.now }}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "http://x/dlr?"+p.Encode(), nil))
		require.Equal(t, tc.want, w.Code)
		if tc.err != nil {
			require.ErrorIs(t, rec.rejected[0], tc.err)
			require.Empty(t, rec.stored)
		} else {
			require.Equal(t, "0A01", rec.stored[0].MessageID)
			require.Equal(t, dlr.FormatQuery, rec.stored[0].Source.Format)
		}
	}
}
