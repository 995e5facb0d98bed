package webhook

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"time"
)

// The headers Telnyx signs with.
const (
	TelnyxSignatureHeader = "Telnyx-Signature-Ed25519"
	TelnyxTimestampHeader = "Telnyx-Timestamp"
)

// TelnyxTolerance is Telnyx's replay window.
const TelnyxTolerance = 300 * time.Second

// Telnyx verifies Telnyx's Ed25519 signatures: telnyx-signature-ed25519 is
// the base64 Ed25519 signature of the telnyx-timestamp value (Unix seconds),
// a "|" and the raw body, by the account's key pair; the timestamp must be
// within Tolerance of the clock on both sides.
//
// Source: team-telnyx/telnyx-python src/telnyx/lib/webhook_verification.py;
// developers.telnyx.com (webhook signing).
type Telnyx struct {
	PublicKeys []ed25519.PublicKey // from the portal; see ParseTelnyxKey
	Tolerance  time.Duration       // TelnyxTolerance when zero
}

// ParseTelnyxKey reads the base64 public key the Telnyx portal shows.
func ParseTelnyxKey(b64 string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(b64))
	if err != nil {
		return nil, errors.New("webhook: telnyx: public key is not base64")
	}
	if len(b) != ed25519.PublicKeySize {
		return nil, errors.New("webhook: telnyx: public key is not 32 bytes")
	}
	return ed25519.PublicKey(b), nil
}

// SignTelnyx returns the telnyx-signature-ed25519 value for body at
// timestamp (Unix seconds, as sent in telnyx-timestamp). Only Telnyx holds
// its private key; this is for fixtures signed with a key of your own.
func SignTelnyx(key ed25519.PrivateKey, timestamp string, body []byte) string {
	return base64.StdEncoding.EncodeToString(ed25519.Sign(key, telnyxMessage(timestamp, body)))
}

// VerifySignature checks signature and timestamp (the two header values)
// for body at time now.
func (t Telnyx) VerifySignature(signature, timestamp string, body []byte, now time.Time) error {
	const scheme = "telnyx"
	signature = strings.TrimSpace(signature)
	if signature == "" {
		return verr(scheme, ErrNoSignature, "")
	}
	sig, err := base64.StdEncoding.DecodeString(signature)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return verr(scheme, ErrMalformedSignature, "want base64 of 64 bytes")
	}
	sec, err := strconv.ParseInt(strings.TrimSpace(timestamp), 10, 64)
	if err != nil {
		return verr(scheme, ErrMalformedSignature, "timestamp is not Unix seconds")
	}
	msg := telnyxMessage(timestamp, body)
	n, ok := 0, false
	for _, k := range t.PublicKeys {
		if len(k) != ed25519.PublicKeySize {
			continue
		}
		n++
		if ed25519.Verify(k, msg, sig) {
			ok = true
		}
	}
	if n == 0 {
		return verr(scheme, ErrNoSecret, "no public key")
	}
	if !ok {
		return verr(scheme, ErrSignatureMismatch, "")
	}
	tol := t.Tolerance
	if tol <= 0 {
		tol = TelnyxTolerance
	}
	return window(scheme, time.Unix(sec, 0), now, tol)
}

// Verify implements Verifier.
func (t Telnyx) Verify(r Request, now time.Time) error {
	return t.VerifySignature(r.header(TelnyxSignatureHeader), r.header(TelnyxTimestampHeader), r.Body, now)
}

func telnyxMessage(timestamp string, body []byte) []byte {
	msg := make([]byte, 0, len(timestamp)+1+len(body))
	msg = append(msg, timestamp...)
	msg = append(msg, '|')
	return append(msg, body...)
}
