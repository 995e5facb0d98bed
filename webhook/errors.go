package webhook

import "errors"

// The causes a verification can fail with. Every Verify function returns a
// *VerifyError whose Err is one of these, so callers test them with
// errors.Is.
var (
	// ErrNoSignature: the signature (header, parameter or token) is absent
	// or empty.
	ErrNoSignature = errors.New("no signature")
	// ErrMalformedSignature: the signature is present but cannot be read
	// (wrong prefix, bad hex or base64, wrong length, a token that is not
	// three base64url parts, a timestamp that is not a number, …).
	ErrMalformedSignature = errors.New("malformed signature")
	// ErrSignatureMismatch: the signature is well formed but no key
	// produces it.
	ErrSignatureMismatch = errors.New("signature mismatch")
	// ErrBodyMismatch: the signature is good, but the hash of the body (or
	// URL) it vouches for does not match what was received.
	ErrBodyMismatch = errors.New("signed hash does not match the request")
	// ErrTooOld: the signed time is earlier than the tolerance allows, or
	// the token has expired.
	ErrTooOld = errors.New("signature too old")
	// ErrTooNew: the signed time is later than the tolerance allows, or
	// the token is not valid yet.
	ErrTooNew = errors.New("signature from the future")
	// ErrAlgorithm: the token or request names an algorithm the scheme
	// does not allow (a JWT "alg" of "none", an unknown Vonage method).
	ErrAlgorithm = errors.New("algorithm not allowed")
	// ErrClaims: a JWT's signature is good but a required claim is missing
	// or wrong (issuer, jti).
	ErrClaims = errors.New("invalid claims")
	// ErrNoSecret: the verifier was given no key to verify with; a
	// configuration error, never a reason to let a request in.
	ErrNoSecret = errors.New("no secret configured")
)

// VerifyError reports why a signature was refused.
type VerifyError struct {
	Scheme string // "bsr", "twilio", "vonage", "vonage-messages", "plivo", "telnyx", "messagebird"
	Err    error  // one of the Err* causes above
	Detail string // what exactly was wrong, for logs; may be empty
}

func (e *VerifyError) Error() string {
	s := "webhook: " + e.Scheme + ": " + e.Err.Error()
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

func (e *VerifyError) Unwrap() error { return e.Err }

func verr(scheme string, err error, detail string) error {
	return &VerifyError{Scheme: scheme, Err: err, Detail: detail}
}
