package webhook

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"
	"time"
)

// TwilioHeader is the header Twilio puts its signature in.
const TwilioHeader = "X-Twilio-Signature"

// Twilio verifies Twilio's X-Twilio-Signature: the base64 HMAC-SHA1, keyed
// with the account's auth token, of the full URL Twilio called followed by
// every POST parameter sorted by name, each as name+value. Requests with a
// JSON body carry a bodySHA256 query parameter instead: the URL alone is
// signed, and the body must hash to that parameter.
//
// Twilio's own SDKs check the URL both with and without the port (its
// servers are not consistent about the default port); so does this.
// There is no signed time, so there is no replay window.
//
// Source: twilio.com/docs/usage/security; twilio/twilio-go
// client/request_validator.go, twilio/twilio-python
// twilio/request_validator.py (parameter order).
type Twilio struct {
	AuthTokens [][]byte // the primary token first; a secondary one while rotating
}

// Sign returns the X-Twilio-Signature for a request to rawURL with POST
// parameters params (nil for GET and JSON requests), keyed with the first
// auth token.
func (t Twilio) Sign(rawURL string, params url.Values) string {
	if len(t.AuthTokens) == 0 {
		return ""
	}
	return base64.StdEncoding.EncodeToString(twilioMAC(t.AuthTokens[0], rawURL, params))
}

// SignBody returns rawURL with a bodySHA256 parameter for body added, and
// the signature of that URL: how Twilio signs a request with a JSON body.
func (t Twilio) SignBody(rawURL string, body []byte) (signedURL, signature string) {
	sum := sha256.Sum256(body)
	sep := "?"
	if strings.Contains(rawURL, "?") {
		sep = "&"
	}
	signedURL = rawURL + sep + "bodySHA256=" + hex.EncodeToString(sum[:])
	return signedURL, t.Sign(signedURL, nil)
}

// VerifyParams checks signature for a request to rawURL with POST
// parameters params (nil for GET).
func (t Twilio) VerifyParams(signature, rawURL string, params url.Values) error {
	const scheme = "twilio"
	signature = strings.TrimSpace(signature)
	if signature == "" {
		return verr(scheme, ErrNoSignature, "")
	}
	got, err := base64.StdEncoding.DecodeString(signature)
	if err != nil || len(got) != sha1.Size {
		return verr(scheme, ErrMalformedSignature, "want base64 of 20 bytes")
	}
	var sums [][]byte
	for _, tok := range t.AuthTokens {
		if len(tok) == 0 {
			continue
		}
		for _, u := range twilioURLs(rawURL) {
			sums = append(sums, twilioMAC(tok, u, params))
		}
	}
	if len(sums) == 0 {
		return verr(scheme, ErrNoSecret, "")
	}
	if !anyEqual(got, sums) {
		return verr(scheme, ErrSignatureMismatch, "")
	}
	return nil
}

// VerifyBody checks signature for a request with a raw (JSON) body: rawURL
// must carry the bodySHA256 parameter, the signature must cover rawURL, and
// body must hash to the parameter.
func (t Twilio) VerifyBody(signature, rawURL string, body []byte) error {
	const scheme = "twilio"
	want, ok := twilioBodyHash(rawURL)
	if !ok {
		return verr(scheme, ErrMalformedSignature, "no bodySHA256 query parameter")
	}
	if err := t.VerifyParams(signature, rawURL, nil); err != nil {
		return err
	}
	got := sha256.Sum256(body)
	wantSum, err := hex.DecodeString(want)
	if err != nil || !hmac.Equal(got[:], wantSum) {
		return verr(scheme, ErrBodyMismatch, "bodySHA256")
	}
	return nil
}

// Verify implements Verifier: a URL with bodySHA256 is checked with
// VerifyBody, anything else with VerifyParams and the form parameters of a
// form POST.
func (t Twilio) Verify(r Request, _ time.Time) error {
	sig := r.header(TwilioHeader)
	if _, ok := twilioBodyHash(r.URL); ok {
		return t.VerifyBody(sig, r.URL, r.Body)
	}
	params, err := r.formParams()
	if err != nil {
		return verr("twilio", ErrMalformedSignature, "form body: "+err.Error())
	}
	return t.VerifyParams(sig, r.URL, params)
}

func twilioBodyHash(rawURL string) (string, bool) {
	_, q, ok := strings.Cut(rawURL, "?")
	if !ok {
		return "", false
	}
	q, _, _ = strings.Cut(q, "#")
	v, err := url.ParseQuery(q)
	if err != nil || v.Get("bodySHA256") == "" {
		return "", false
	}
	return v.Get("bodySHA256"), true
}

func twilioMAC(token []byte, rawURL string, params url.Values) []byte {
	m := hmac.New(sha1.New, token)
	m.Write([]byte(rawURL))
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		// twilio-python sorts the distinct values of a repeated name.
		vs := slices.Clone(params[k])
		slices.Sort(vs)
		vs = slices.Compact(vs)
		for _, v := range vs {
			m.Write([]byte(k))
			m.Write([]byte(v))
		}
	}
	return m.Sum(nil)
}

// twilioURLs returns rawURL with the scheme's default port and without any
// port, the two forms Twilio's SDKs try.
func twilioURLs(rawURL string) []string {
	schemeEnd := strings.Index(rawURL, "://")
	if schemeEnd < 0 {
		return []string{rawURL}
	}
	scheme := strings.ToLower(rawURL[:schemeEnd])
	rest := rawURL[schemeEnd+3:]
	authEnd := strings.IndexAny(rest, "/?#")
	if authEnd < 0 {
		authEnd = len(rest)
	}
	auth, tail := rest[:authEnd], rest[authEnd:]
	userinfo := ""
	if i := strings.LastIndex(auth, "@"); i >= 0 {
		userinfo, auth = auth[:i+1], auth[i+1:]
	}
	host, port := auth, ""
	if i := strings.LastIndex(auth, ":"); i >= 0 && !strings.Contains(auth[i:], "]") {
		host, port = auth[:i], auth[i+1:]
	}
	prefix := rawURL[:schemeEnd+3] + userinfo
	withoutPort := prefix + host + tail
	withPort := rawURL
	if port == "" {
		def := "80"
		if scheme == "https" {
			def = "443"
		}
		withPort = prefix + host + ":" + def + tail
	}
	if withPort == withoutPort {
		return []string{withPort}
	}
	return []string{withPort, withoutPort}
}
