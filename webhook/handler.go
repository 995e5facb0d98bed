package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
)

// DefaultMaxBody is the body limit when Handler.MaxBody is zero. It holds a
// batch of a few thousand receipts.
const DefaultMaxBody = 1 << 20

// DefaultRetryAfter is the Retry-After sent with a 503 when
// Handler.RetryAfter is zero.
const DefaultRetryAfter = 30 * time.Second

// The causes in a *RequestError that is not a verification failure.
var (
	// ErrBodyTooLarge: the body is larger than MaxBody (answered 413).
	ErrBodyTooLarge = errors.New("body too large")
	// ErrBodyRead: the body could not be read to its end (answered 400).
	ErrBodyRead = errors.New("body could not be read")
	// ErrDecode: the body could not be decoded into receipts (answered
	// 400); the decoder's error is wrapped too.
	ErrDecode = errors.New("body could not be decoded")
)

// RequestError is what Reject and OnWarning receive: the status answered and
// why. Err is a *VerifyError (401), or wraps ErrBodyTooLarge (413),
// ErrBodyRead or ErrDecode (400) together with the underlying error.
type RequestError struct {
	Status int
	Err    error
}

func (e *RequestError) Error() string {
	inner := strings.TrimPrefix(e.Err.Error(), "webhook: ")
	return fmt.Sprintf("webhook: %d %s: %s", e.Status, http.StatusText(e.Status), inner)
}

func (e *RequestError) Unwrap() error { return e.Err }

// Unsigned is a Verifier that accepts every request, for providers that sign
// nothing (Kannel, Jasmin, …). Protect such an endpoint another way: a
// secret token in the callback URL, an IP allow list or authentication at
// the proxy.
type Unsigned struct{}

// Verify implements Verifier.
func (Unsigned) Verify(Request, time.Time) error { return nil }

// Handler receives a provider's delivery-receipt callbacks. Set its fields
// and do not change them while it serves; it is safe for concurrent use.
// See the package documentation for what it answers when.
type Handler struct {
	// Provider is the carrier provider name passed to the decoder
	// ("twilio", "vonage", …); empty means detect.
	Provider string
	// Verifier checks each request. Required: a nil Verifier answers 500
	// to every request (use Unsigned for providers that sign nothing).
	Verifier Verifier
	// PublicURL is the URL the provider calls, as it calls it
	// ("https://dlr.example.com/hooks/twilio"); the request's query string
	// is appended. If it has no path, the request's path is used. Empty
	// means rebuild the URL from the request (see "Behind a proxy").
	PublicURL string
	// MaxBody limits the body; DefaultMaxBody when zero.
	MaxBody int64
	// Sink stores the receipts of one request. The handler answers 200
	// only after it returned nil, and 503 otherwise. It receives the
	// request's context. Required: a nil Sink answers 500.
	Sink func(ctx context.Context, receipts []dlr.Receipt) error
	// Reject, if set, receives the body of every request refused with 401,
	// 400 or 413 (for 413, the part read before the limit, or nil) and a
	// *RequestError. The body must not be kept after Reject returns
	// without copying it.
	Reject func(ctx context.Context, body []byte, err error)
	// OnWarning, if set, is called after Sink accepted receipts that the
	// decoder returned together with an error (for example a status word
	// it did not know, kept raw in the receipt); err is a *RequestError
	// with Status 200 wrapping ErrDecode and the decoder's error.
	OnWarning func(ctx context.Context, receipts []dlr.Receipt, err error)
	// Response is the body of the 200 answer ("ACK/Jasmin" for Jasmin);
	// empty sends none.
	Response []byte
	// RetryAfter is sent with a 503; DefaultRetryAfter when zero.
	RetryAfter time.Duration
	// Clock gives the time of receipt for replay windows; time.Now when
	// nil.
	Clock func() time.Time
	// Decode turns a body into receipts; carrier.Parse when nil.
	Decode func(body []byte, meta carrier.Meta) ([]dlr.Receipt, error)
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodPost:
	case http.MethodHead:
		w.WriteHeader(http.StatusOK)
		return
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		plain(w, http.StatusMethodNotAllowed)
		return
	}
	if h.Verifier == nil || h.Sink == nil {
		plain(w, http.StatusInternalServerError)
		return
	}
	now := time.Now
	if h.Clock != nil {
		now = h.Clock
	}
	received := now()
	ctx := r.Context()

	body, err := h.readBody(w, r)
	if err != nil {
		h.refuse(ctx, w, body, err)
		return
	}

	req := Request{Method: r.Method, URL: h.requestURL(r), Header: r.Header, Body: body}
	if err := h.Verifier.Verify(req, received); err != nil {
		h.refuse(ctx, w, body, &RequestError{Status: http.StatusUnauthorized, Err: err})
		return
	}

	decode := h.Decode
	if decode == nil {
		decode = carrier.Parse
	}
	receipts, derr := decode(body, carrier.Meta{
		ContentType: r.Header.Get("Content-Type"),
		Query:       query(r),
		Provider:    h.Provider,
		Headers:     r.Header,
	})
	if derr != nil && len(receipts) == 0 {
		h.refuse(ctx, w, body, &RequestError{Status: http.StatusBadRequest, Err: fmt.Errorf("%w: %w", ErrDecode, derr)})
		return
	}
	if len(receipts) > 0 {
		if err := h.Sink(ctx, receipts); err != nil {
			retry := h.RetryAfter
			if retry <= 0 {
				retry = DefaultRetryAfter
			}
			w.Header().Set("Retry-After", strconv.FormatInt(int64((retry+time.Second-1)/time.Second), 10))
			plain(w, http.StatusServiceUnavailable)
			return
		}
	}
	if derr != nil && h.OnWarning != nil {
		h.OnWarning(ctx, receipts, &RequestError{Status: http.StatusOK, Err: fmt.Errorf("%w: %w", ErrDecode, derr)})
	}
	if len(h.Response) > 0 {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(h.Response)))
		w.WriteHeader(http.StatusOK)
		w.Write(h.Response)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// readBody reads the whole body, never more than the limit plus one byte.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	limit := h.MaxBody
	if limit <= 0 {
		limit = DefaultMaxBody
	}
	if r.ContentLength > limit {
		return nil, &RequestError{Status: http.StatusRequestEntityTooLarge,
			Err: fmt.Errorf("%w: Content-Length %d > %d", ErrBodyTooLarge, r.ContentLength, limit)}
	}
	// Size the buffer from Content-Length, but not beyond 64 KiB: a
	// client may announce more than it sends.
	hint := 512
	if r.ContentLength >= 0 {
		hint = int(min(r.ContentLength, 64<<10))
	}
	body, err := readAll(http.MaxBytesReader(w, r.Body, limit), hint, int(limit)+1)
	var tooLarge *http.MaxBytesError
	switch {
	case err == nil:
		return body, nil
	case errors.As(err, &tooLarge):
		return body, &RequestError{Status: http.StatusRequestEntityTooLarge,
			Err: fmt.Errorf("%w: more than %d bytes", ErrBodyTooLarge, limit)}
	default:
		return body, &RequestError{Status: http.StatusBadRequest, Err: fmt.Errorf("%w: %w", ErrBodyRead, err)}
	}
}

// readAll is io.ReadAll starting from a buffer of the expected size (plus
// one byte, so that reading the end does not grow it). The buffer doubles
// while small and then jumps to most bytes (the limit plus one), so that
// an oversized body without Content-Length costs little more than the
// limit in allocations rather than the sum of many growth steps.
func readAll(r io.Reader, hint, most int) ([]byte, error) {
	b := make([]byte, 0, hint+1)
	for {
		if len(b) == cap(b) {
			n := max(2*cap(b), 512)
			if n > 64<<10 {
				n = most
			}
			if n <= cap(b) {
				n = cap(b) + 512 // the reader stops us at the limit
			}
			nb := make([]byte, len(b), n)
			copy(nb, b)
			b = nb
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

func (h *Handler) refuse(ctx context.Context, w http.ResponseWriter, body []byte, err error) {
	status := http.StatusBadRequest
	var re *RequestError
	if errors.As(err, &re) {
		status = re.Status
	}
	if h.Reject != nil {
		h.Reject(ctx, body, err)
	}
	plain(w, status)
}

// requestURL is the URL the provider called, as far as the handler can
// know it: PublicURL with the request's query, or the request rebuilt.
func (h *Handler) requestURL(r *http.Request) string {
	uri := r.RequestURI // exactly as sent
	if uri == "" || !strings.HasPrefix(uri, "/") {
		uri = r.URL.RequestURI()
	}
	if h.PublicURL == "" {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		return scheme + "://" + r.Host + uri
	}
	path, query, hasQuery := strings.Cut(uri, "?")
	base := h.PublicURL
	if i := strings.Index(base, "://"); i >= 0 && !strings.Contains(base[i+3:], "/") {
		base += path
	}
	if hasQuery {
		base += "?" + query
	}
	return base
}

// query parses the request's query; nil when there is none.
func query(r *http.Request) url.Values {
	if r.URL.RawQuery == "" {
		return nil
	}
	return r.URL.Query()
}

func plain(w http.ResponseWriter, status int) {
	http.Error(w, http.StatusText(status), status)
}

var _ http.Handler = (*Handler)(nil)
