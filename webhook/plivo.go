package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
	"time"
)

// The headers Plivo signs with.
const (
	PlivoV3Header      = "X-Plivo-Signature-V3"
	PlivoV3NonceHeader = "X-Plivo-Signature-V3-Nonce"
	PlivoV2Header      = "X-Plivo-Signature-V2"
	PlivoV2NonceHeader = "X-Plivo-Signature-V2-Nonce"
)

// Plivo verifies Plivo's signatures, the base64 HMAC-SHA256 keyed with the
// auth token:
//
//   - V3 (X-Plivo-Signature-V3, -V3-Nonce) over "<url'>.<nonce>", where url'
//     is the URL without its query, then for GET "?" and every parameter
//     (query and callback ones) sorted as "k=v&k=v", and for POST "?", the
//     sorted query "k=v&…", a "." if both are present, and the POST
//     parameters sorted as "kv" with no separators. The header may hold
//     several signatures separated by commas (one per active token).
//   - V2 (X-Plivo-Signature-V2, -V2-Nonce) over the URL without its query
//     followed by the nonce.
//
// Neither signs a time, so there is no replay window.
//
// Source: plivo/plivo-python plivo/utils/signature_v3.py and plivo/plivo-go
// utils.go, tested against plivo-go's utils_test.go vectors (V2, and the four
// V3 ones of its current tests; the older V3 vector rXj4Uw… matches only a
// construction from before keys were sorted).
type Plivo struct {
	AuthTokens [][]byte // the current token first
}

// SignV2 returns the V2 signature for rawURL and nonce with the first token.
func (p Plivo) SignV2(rawURL, nonce string) string {
	if len(p.AuthTokens) == 0 {
		return ""
	}
	return base64.StdEncoding.EncodeToString(plivoMAC(p.AuthTokens[0], withoutQuery(rawURL)+nonce))
}

// VerifyV2 checks a V2 signature.
func (p Plivo) VerifyV2(signature, rawURL, nonce string) error {
	return p.verify("plivo", signature, nonce, withoutQuery(rawURL)+nonce)
}

// SignV3 returns the V3 signature for a request with method ("GET" or
// "POST") to rawURL with callback parameters params (the POST body's; for
// GET they are merged with the query), with the first token.
func (p Plivo) SignV3(method, rawURL, nonce string, params url.Values) string {
	if len(p.AuthTokens) == 0 {
		return ""
	}
	msg, err := plivoV3String(method, rawURL, nonce, params)
	if err != nil {
		return ""
	}
	return base64.StdEncoding.EncodeToString(plivoMAC(p.AuthTokens[0], msg))
}

// VerifyV3 checks a V3 signature header (one or more comma-separated
// signatures).
func (p Plivo) VerifyV3(signatures, method, rawURL, nonce string, params url.Values) error {
	msg, err := plivoV3String(method, rawURL, nonce, params)
	if err != nil {
		return verr("plivo", ErrMalformedSignature, "url: "+err.Error())
	}
	return p.verify("plivo", signatures, nonce, msg)
}

// Verify implements Verifier: V3 when its headers are present, V2
// otherwise. The callback parameters of a form POST are its body's.
func (p Plivo) Verify(r Request, _ time.Time) error {
	if sig := r.header(PlivoV3Header); sig != "" {
		params, err := r.formParams()
		if err != nil {
			return verr("plivo", ErrMalformedSignature, "form body: "+err.Error())
		}
		return p.VerifyV3(sig, r.Method, r.URL, r.header(PlivoV3NonceHeader), params)
	}
	return p.VerifyV2(r.header(PlivoV2Header), r.URL, r.header(PlivoV2NonceHeader))
}

func (p Plivo) verify(scheme, signatures, nonce, msg string) error {
	signatures = strings.TrimSpace(signatures)
	if signatures == "" {
		return verr(scheme, ErrNoSignature, "")
	}
	if nonce == "" {
		return verr(scheme, ErrMalformedSignature, "no nonce")
	}
	var got [][]byte
	for _, s := range strings.Split(signatures, ",") {
		b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
		if err != nil || len(b) != sha256.Size {
			return verr(scheme, ErrMalformedSignature, "want base64 of 32 bytes")
		}
		got = append(got, b)
	}
	var sums [][]byte
	for _, tok := range p.AuthTokens {
		if len(tok) > 0 {
			sums = append(sums, plivoMAC(tok, msg))
		}
	}
	if len(sums) == 0 {
		return verr(scheme, ErrNoSecret, "")
	}
	ok := false
	for _, g := range got {
		if anyEqual(g, sums) {
			ok = true
		}
	}
	if !ok {
		return verr(scheme, ErrSignatureMismatch, "")
	}
	return nil
}

func plivoMAC(token []byte, msg string) []byte {
	m := hmac.New(sha256.New, token)
	m.Write([]byte(msg))
	return m.Sum(nil)
}

func withoutQuery(rawURL string) string {
	if i := strings.IndexAny(rawURL, "?#"); i >= 0 {
		return rawURL[:i]
	}
	return rawURL
}

// plivoV3String builds the string Plivo signs for V3.
func plivoV3String(method, rawURL, nonce string, params url.Values) (string, error) {
	base := withoutQuery(rawURL)
	var query url.Values
	if _, q, ok := strings.Cut(rawURL, "?"); ok {
		q, _, _ = strings.Cut(q, "#")
		var err error
		if query, err = url.ParseQuery(q); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	b.WriteString(base)
	if strings.EqualFold(method, "GET") {
		all := url.Values{}
		for k, v := range params {
			all[k] = v
		}
		for k, v := range query { // the query wins, as in plivo-python
			all[k] = v
		}
		if qs := plivoSorted(all, "=", "&"); qs != "" {
			b.WriteString("?")
			b.WriteString(qs)
		}
	} else {
		qs := plivoSorted(query, "=", "&")
		if qs != "" || len(params) > 0 {
			b.WriteString("?")
			b.WriteString(qs)
		}
		if qs != "" && len(params) > 0 {
			b.WriteString(".")
		}
		b.WriteString(plivoSorted(params, "", ""))
	}
	b.WriteString(".")
	b.WriteString(nonce)
	return b.String(), nil
}

// plivoSorted writes params sorted by key, each value of a key sorted, as
// key+kv+value joined by sep.
func plivoSorted(params url.Values, kv, sep string) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var parts []string
	for _, k := range keys {
		vs := slices.Clone(params[k])
		slices.Sort(vs)
		for _, v := range vs {
			parts = append(parts, k+kv+v)
		}
	}
	return strings.Join(parts, sep)
}
