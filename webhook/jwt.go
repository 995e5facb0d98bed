package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"hash"
	"math"
	"strconv"
	"strings"
	"time"
)

// A minimal JWS/JWT (RFC 7515, RFC 7519) for the HMAC algorithms only, with
// the standard library: the header's alg must be one the scheme allows (never
// "none"), the MAC is compared in constant time, and the time claims are
// checked against a clock the caller passes.

const maxTokenLen = 16 << 10 // a webhook token is a few hundred bytes

var jwtHashes = map[string]func() hash.Hash{
	"HS256": sha256.New,
	"HS384": sha512.New384,
	"HS512": sha512.New,
}

type jwtHeader struct {
	Alg string `json:"alg"`
	Typ string `json:"typ,omitempty"`
}

// jwtClaims are the claims the schemes here use; others are ignored.
type jwtClaims struct {
	Iss         string      `json:"iss,omitempty"`
	Jti         string      `json:"jti,omitempty"`
	Iat         json.Number `json:"iat,omitempty"`
	Nbf         json.Number `json:"nbf,omitempty"`
	Exp         json.Number `json:"exp,omitempty"`
	URLHash     string      `json:"url_hash,omitempty"`
	PayloadHash string      `json:"payload_hash,omitempty"`
	APIKey      string      `json:"api_key,omitempty"`
}

// jwtTimes says how the time claims are checked.
type jwtTimes struct {
	Leeway     time.Duration // allowed clock skew on every comparison
	MaxAge     time.Duration // if > 0, iat is required and may be at most this old
	RequireExp bool
}

func signJWT(alg string, secret []byte, c jwtClaims) string {
	h, _ := json.Marshal(jwtHeader{Alg: alg, Typ: "JWT"})
	p, _ := json.Marshal(c)
	enc := base64.RawURLEncoding
	signing := enc.EncodeToString(h) + "." + enc.EncodeToString(p)
	m := hmac.New(jwtHashes[alg], secret)
	m.Write([]byte(signing))
	return signing + "." + enc.EncodeToString(m.Sum(nil))
}

// verifyJWT checks token's MAC against secrets with one of the allowed
// algorithms, and returns its claims. Time claims are checked separately
// (checkTimes), after the signature, so a forged token learns nothing.
func verifyJWT(scheme, token string, allowed []string, secrets [][]byte) (jwtClaims, error) {
	var c jwtClaims
	token = strings.TrimSpace(token)
	if token == "" {
		return c, verr(scheme, ErrNoSignature, "")
	}
	if len(token) > maxTokenLen {
		return c, verr(scheme, ErrMalformedSignature, "token too long")
	}
	h64, rest, ok1 := strings.Cut(token, ".")
	p64, s64, ok2 := strings.Cut(rest, ".")
	if !ok1 || !ok2 || strings.Contains(s64, ".") {
		return c, verr(scheme, ErrMalformedSignature, "a JWT has three parts")
	}
	enc := base64.RawURLEncoding
	hb, err := enc.DecodeString(h64)
	if err != nil {
		return c, verr(scheme, ErrMalformedSignature, "header is not base64url")
	}
	var hdr jwtHeader
	if err := json.Unmarshal(hb, &hdr); err != nil {
		return c, verr(scheme, ErrMalformedSignature, "header is not JSON")
	}
	allowedAlg := false
	for _, a := range allowed {
		allowedAlg = allowedAlg || hdr.Alg == a
	}
	newHash := jwtHashes[hdr.Alg]
	if !allowedAlg || newHash == nil {
		return c, verr(scheme, ErrAlgorithm, strconv.Quote(hdr.Alg))
	}
	sig, err := enc.DecodeString(s64)
	if err != nil || len(sig) != newHash().Size() {
		return c, verr(scheme, ErrMalformedSignature, "bad signature part")
	}
	var sums [][]byte
	for _, s := range secrets {
		if len(s) == 0 {
			continue
		}
		m := hmac.New(newHash, s)
		m.Write([]byte(token[:len(h64)+1+len(p64)]))
		sums = append(sums, m.Sum(nil))
	}
	if len(sums) == 0 {
		return c, verr(scheme, ErrNoSecret, "")
	}
	if !anyEqual(sig, sums) {
		return c, verr(scheme, ErrSignatureMismatch, "")
	}
	pb, err := enc.DecodeString(p64)
	if err != nil {
		return c, verr(scheme, ErrMalformedSignature, "claims are not base64url")
	}
	if err := json.Unmarshal(pb, &c); err != nil {
		return c, verr(scheme, ErrMalformedSignature, "claims are not a JSON object with the expected types")
	}
	return c, nil
}

// numericDate reads a JWT NumericDate (seconds since the epoch, possibly
// fractional).
func numericDate(n json.Number) (time.Time, bool) {
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e12 {
		return time.Time{}, false
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)), true
}

func checkTimes(scheme string, c jwtClaims, now time.Time, t jwtTimes) error {
	read := func(name string, n json.Number) (time.Time, bool, error) {
		if n == "" {
			return time.Time{}, false, nil
		}
		tm, ok := numericDate(n)
		if !ok {
			return tm, false, verr(scheme, ErrMalformedSignature, "claim "+name+" is not a NumericDate")
		}
		return tm, true, nil
	}
	exp, hasExp, err := read("exp", c.Exp)
	if err != nil {
		return err
	}
	nbf, hasNbf, err := read("nbf", c.Nbf)
	if err != nil {
		return err
	}
	iat, hasIat, err := read("iat", c.Iat)
	if err != nil {
		return err
	}
	if t.RequireExp && !hasExp {
		return verr(scheme, ErrClaims, "no exp claim")
	}
	if hasExp && now.After(exp.Add(t.Leeway)) {
		return verr(scheme, ErrTooOld, "token expired")
	}
	if hasNbf && now.Before(nbf.Add(-t.Leeway)) {
		return verr(scheme, ErrTooNew, "token not valid yet (nbf)")
	}
	if hasIat && now.Before(iat.Add(-t.Leeway)) {
		return verr(scheme, ErrTooNew, "token issued in the future (iat)")
	}
	if t.MaxAge > 0 {
		if !hasIat {
			return verr(scheme, ErrClaims, "no iat claim")
		}
		if now.After(iat.Add(t.MaxAge + t.Leeway)) {
			return verr(scheme, ErrTooOld, "token issued too long ago (iat)")
		}
	}
	return nil
}

// hexHashEqual reports whether hexSum is the lower- or upper-case hex of
// sum, in constant time.
func hexHashEqual(hexSum string, sum []byte) bool {
	if len(hexSum) != 2*len(sum) {
		return false
	}
	b := make([]byte, len(sum))
	for i := range b {
		hi, ok1 := unhex(hexSum[2*i])
		lo, ok2 := unhex(hexSum[2*i+1])
		if !ok1 || !ok2 {
			return false
		}
		b[i] = hi<<4 | lo
	}
	return hmac.Equal(b, sum)
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
