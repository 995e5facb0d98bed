package webhook

import (
	"crypto/hmac"
	"encoding/json"
	"mime"
	"net/url"
	"strings"
	"time"
)

// Headers gives a verifier the request headers; http.Header satisfies it,
// and so does carrier.Headers. Get must match names case-insensitively, as
// http.Header.Get does.
type Headers interface {
	Get(key string) string
}

// Request is what a Verifier sees of a webhook request. It holds plain
// values, so verification can run (and be tested) without net/http.
type Request struct {
	Method string  // "GET", "POST"
	URL    string  // the full URL the provider called, query included, as the provider saw it (see Handler.PublicURL)
	Header Headers // may be nil
	Body   []byte  // the raw body, exactly as received
}

func (r Request) header(key string) string {
	if r.Header == nil {
		return ""
	}
	return r.Header.Get(key)
}

// isForm reports whether the request carries an
// application/x-www-form-urlencoded body.
func (r Request) isForm() bool {
	mt, _, err := mime.ParseMediaType(r.header("Content-Type"))
	return err == nil && mt == "application/x-www-form-urlencoded"
}

func (r Request) isJSON() bool {
	mt, _, err := mime.ParseMediaType(r.header("Content-Type"))
	return err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}

// formParams returns the body's form parameters when the request is a form
// POST, and nil otherwise.
func (r Request) formParams() (url.Values, error) {
	if r.Method == "GET" || !r.isForm() {
		return nil, nil
	}
	return url.ParseQuery(string(r.Body))
}

// Verifier checks that a request comes from the provider. now is the time
// the request was received; schemes with a replay window compare the signed
// time with it. Implementations must be safe for concurrent use; the ones in
// this package are plain values and are.
type Verifier interface {
	Verify(r Request, now time.Time) error
}

// jsonParams reads a flat JSON object into url.Values: strings as they are,
// other values as their JSON text. Nested values are kept as JSON text.
func jsonParams(body []byte) (url.Values, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, err
	}
	v := make(url.Values, len(m))
	for k, raw := range m {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			v.Set(k, s)
			continue
		}
		v.Set(k, string(raw))
	}
	return v, nil
}

// anyEqual reports whether mac equals any of sums, comparing every one in
// constant time (the number of keys is not secret).
func anyEqual(mac []byte, sums [][]byte) bool {
	ok := false
	for _, s := range sums {
		if hmac.Equal(mac, s) {
			ok = true
		}
	}
	return ok
}

// window checks a signed time against now with tolerance on both sides.
func window(scheme string, signed, now time.Time, tolerance time.Duration) error {
	if d := now.Sub(signed); d > tolerance {
		return verr(scheme, ErrTooOld, "signed "+d.Truncate(time.Second).String()+" before now")
	}
	if d := signed.Sub(now); d > tolerance {
		return verr(scheme, ErrTooNew, "signed "+d.Truncate(time.Second).String()+" after now")
	}
	return nil
}
