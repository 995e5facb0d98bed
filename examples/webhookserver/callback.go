package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
)

// maxBody bounds a callback body; a batch of receipts fits.
const maxBody = 1 << 20

// signatureHeader carries BulkSMSRates' signature of the body.
const signatureHeader = "X-BSR-Signature"

var (
	errNoSignature  = errors.New("webhookserver: missing " + signatureHeader)
	errBadSignature = errors.New("webhookserver: wrong " + signatureHeader)
)

// sign returns the X-BSR-Signature value of body: "sha256=" and the
// lower-case hex of HMAC-SHA256(body) keyed with secret.
func sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// verify checks header against body in constant time.
func verify(secret, body []byte, header string) error {
	if header == "" {
		return errNoSignature
	}
	hexSum, ok := strings.CutPrefix(header, "sha256=")
	if !ok {
		return errBadSignature
	}
	got, err := hex.DecodeString(hexSum)
	if err != nil {
		return errBadSignature
	}
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	if !hmac.Equal(got, m.Sum(nil)) {
		return errBadSignature
	}
	return nil
}

// sink stores receipts; an error means they were not stored and the
// provider must retry.
type sink func(ctx context.Context, receipts []dlr.Receipt) error

// callbackHandler verifies, decodes and stores BulkSMSRates callbacks, and
// answers 200 only after the sink stored them. An empty secret disables
// verification.
func callbackHandler(secret []byte, store sink) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		if len(secret) > 0 {
			if err := verify(secret, body, r.Header.Get(signatureHeader)); err != nil {
				http.Error(w, err.Error(), http.StatusUnauthorized)
				return
			}
		}
		receipts, err := carrier.Parse(body, carrier.Meta{
			ContentType: r.Header.Get("Content-Type"),
			Query:       r.URL.Query(),
			Provider:    "bulksmsrates",
			Headers:     r.Header,
		})
		if err != nil && len(receipts) == 0 {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := store(r.Context(), receipts); err != nil {
			w.Header().Set("Retry-After", "60")
			http.Error(w, "receipts not stored; retry", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, "ok\n")
	})
}
