package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// BSRHeader is the header BulkSMSRates puts its signature in.
const BSRHeader = "X-BSR-Signature"

const bsrPrefix = "sha256="

// Sign returns the X-BSR-Signature value for body: "sha256=" followed by the
// lower-case hex HMAC-SHA256 of body keyed with secret.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	var sum [sha256.Size]byte
	dst := make([]byte, len(bsrPrefix)+hex.EncodedLen(sha256.Size))
	copy(dst, bsrPrefix)
	hex.Encode(dst[len(bsrPrefix):], m.Sum(sum[:0]))
	return string(dst)
}

// Verify checks an X-BSR-Signature header value against body. It accepts
// the signature of any of secrets (pass the new and the old secret while
// rotating) and compares in constant time. The hex digits may be in either
// case; surrounding spaces are ignored.
//
// The error is a *VerifyError with Err ErrNoSignature (empty header),
// ErrMalformedSignature (no "sha256=" prefix, bad hex, wrong length),
// ErrNoSecret (no non-empty secret given) or ErrSignatureMismatch.
func Verify(header string, body []byte, secrets ...[]byte) error {
	const scheme = "bsr"
	header = strings.TrimSpace(header)
	if header == "" {
		return verr(scheme, ErrNoSignature, "")
	}
	hexSig, ok := strings.CutPrefix(header, bsrPrefix)
	if !ok {
		return verr(scheme, ErrMalformedSignature, `no "sha256=" prefix`)
	}
	if len(hexSig) != hex.EncodedLen(sha256.Size) {
		return verr(scheme, ErrMalformedSignature, "want 64 hex digits")
	}
	var got [sha256.Size]byte
	if _, err := hex.Decode(got[:], []byte(hexSig)); err != nil {
		return verr(scheme, ErrMalformedSignature, "bad hex")
	}
	sums := make([][]byte, 0, len(secrets))
	for _, s := range secrets {
		if len(s) == 0 {
			continue
		}
		m := hmac.New(sha256.New, s)
		m.Write(body)
		sums = append(sums, m.Sum(nil))
	}
	if len(sums) == 0 {
		return verr(scheme, ErrNoSecret, "")
	}
	if !anyEqual(got[:], sums) {
		return verr(scheme, ErrSignatureMismatch, "")
	}
	return nil
}

// BSR verifies the BulkSMSRates X-BSR-Signature header (see [Verify]).
type BSR struct {
	Secrets [][]byte // the current secret first; old ones while rotating
}

// Verify implements Verifier.
func (b BSR) Verify(r Request, _ time.Time) error {
	return Verify(r.header("X-Bsr-Signature"), r.Body, b.Secrets...) // BSRHeader, canonical: no allocation in http.Header.Get
}
