package webhook

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// VonageMethod is the signature method of Vonage's SMS API, an account
// setting in the Vonage dashboard.
type VonageMethod string

// The Vonage signature methods.
const (
	VonageMD5Hash    VonageMethod = "md5hash" // lower-case hex MD5 of the string followed by the secret
	VonageHMACMD5    VonageMethod = "md5"     // upper-case hex HMAC-MD5
	VonageHMACSHA1   VonageMethod = "sha1"    // upper-case hex HMAC-SHA1
	VonageHMACSHA256 VonageMethod = "sha256"  // upper-case hex HMAC-SHA256
	VonageHMACSHA512 VonageMethod = "sha512"  // upper-case hex HMAC-SHA512
)

// DefaultTolerance is the replay window used when a scheme's Tolerance is
// zero: a signed time may be this far from the clock on either side.
const DefaultTolerance = 5 * time.Minute

// Vonage verifies Vonage SMS API signed webhooks: the sig parameter is a
// hash of every other parameter, sorted by name and written
// "&name=value…" with '&' and '=' in values replaced by '_'; for md5hash the
// secret is appended and MD5 taken, otherwise it is the HMAC keyed with the
// secret. The signed timestamp parameter (Unix seconds) must be within
// Tolerance of the clock on both sides.
//
// Source: developer.vonage.com/en/getting-started/concepts/signing-messages;
// Vonage/vonage-php-sdk-core src/Client/Signature.php and its test
// test/Client/SignatureTest.php.
type Vonage struct {
	Secrets   [][]byte      // signature secrets; the current one first
	Method    VonageMethod  // required: the method set in the dashboard
	Tolerance time.Duration // replay window; DefaultTolerance when zero
}

// Sign returns the sig value for params (a sig among them is ignored) with
// the first secret.
func (v Vonage) Sign(params url.Values) string {
	if len(v.Secrets) == 0 {
		return ""
	}
	sum, ok := vonageSum(v.Method, v.Secrets[0], params)
	if !ok {
		return ""
	}
	if v.Method == VonageMD5Hash {
		return hex.EncodeToString(sum)
	}
	return strings.ToUpper(hex.EncodeToString(sum))
}

// VerifyParams checks the sig and timestamp parameters in params (query,
// form or flat JSON parameters, as received) at time now.
func (v Vonage) VerifyParams(params url.Values, now time.Time) error {
	const scheme = "vonage"
	sig := strings.TrimSpace(params.Get("sig"))
	if sig == "" {
		return verr(scheme, ErrNoSignature, "no sig parameter")
	}
	newHash := vonageHashes[v.Method]
	if newHash == nil {
		return verr(scheme, ErrAlgorithm, "method "+strconv.Quote(string(v.Method)))
	}
	if len(sig) != 2*newHash().Size() {
		return verr(scheme, ErrMalformedSignature, "sig has the wrong length for "+string(v.Method))
	}
	ts := params.Get("timestamp")
	if ts == "" {
		return verr(scheme, ErrMalformedSignature, "no timestamp parameter")
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return verr(scheme, ErrMalformedSignature, "timestamp is not Unix seconds")
	}
	var sums [][]byte
	for _, s := range v.Secrets {
		if len(s) == 0 {
			continue
		}
		sum, _ := vonageSum(v.Method, s, params)
		sums = append(sums, sum)
	}
	if len(sums) == 0 {
		return verr(scheme, ErrNoSecret, "")
	}
	ok := false
	for _, sum := range sums {
		if hexHashEqual(sig, sum) {
			ok = true
		}
	}
	if !ok {
		return verr(scheme, ErrSignatureMismatch, "")
	}
	tol := v.Tolerance
	if tol <= 0 {
		tol = DefaultTolerance
	}
	return window(scheme, time.Unix(sec, 0), now, tol)
}

// Verify implements Verifier. The parameters are the URL's query, plus the
// body's parameters for a form POST or the top-level fields of a JSON
// object body.
func (v Vonage) Verify(r Request, now time.Time) error {
	params := url.Values{}
	if _, q, ok := strings.Cut(r.URL, "?"); ok {
		q, _, _ = strings.Cut(q, "#")
		qv, err := url.ParseQuery(q)
		if err != nil {
			return verr("vonage", ErrMalformedSignature, "query: "+err.Error())
		}
		params = qv
	}
	var body url.Values
	var err error
	switch {
	case r.Method == "GET":
	case r.isForm():
		body, err = url.ParseQuery(string(r.Body))
	case r.isJSON():
		body, err = jsonParams(r.Body)
	}
	if err != nil {
		return verr("vonage", ErrMalformedSignature, "body: "+err.Error())
	}
	for k, vs := range body {
		params[k] = vs
	}
	return v.VerifyParams(params, now)
}

var vonageHashes = map[VonageMethod]func() hash.Hash{
	VonageMD5Hash:    md5.New,
	VonageHMACMD5:    md5.New,
	VonageHMACSHA1:   sha1.New,
	VonageHMACSHA256: sha256.New,
	VonageHMACSHA512: sha512.New,
}

// vonageString builds "&k1=v1&k2=v2…" over the sorted parameters other
// than sig, the first value of each.
func vonageString(params url.Values) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		if k != "sig" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	clean := strings.NewReplacer("&", "_", "=", "_")
	for _, k := range keys {
		b.WriteByte('&')
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(clean.Replace(params.Get(k)))
	}
	return b.String()
}

func vonageSum(m VonageMethod, secret []byte, params url.Values) ([]byte, bool) {
	newHash := vonageHashes[m]
	if newHash == nil {
		return nil, false
	}
	s := vonageString(params)
	if m == VonageMD5Hash {
		h := md5.New()
		h.Write([]byte(s))
		h.Write(secret)
		return h.Sum(nil), true
	}
	mac := hmac.New(newHash, secret)
	mac.Write([]byte(s))
	return mac.Sum(nil), true
}
