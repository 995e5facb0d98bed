package webhook

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// VonageMessages verifies Vonage Messages API signed webhooks: an
// "Authorization: Bearer <JWT>" header, HS256, keyed with the account's
// signature secret, whose payload_hash claim is the hex SHA-256 of the body
// and whose iat claim says when it was signed.
//
// Source: developer.vonage.com/en/messages/concepts/signed-webhooks ("SHA-256
// is always used"; payload_hash); Vonage/vonage-python-sdk
// jwt/src/vonage_jwt/verify_jwt.py (HS256 only).
type VonageMessages struct {
	Secrets [][]byte // signature secrets; the current one first
	// MaxAge is how old iat may be; DefaultTolerance when zero. An iat in
	// the future (beyond Leeway) is refused too.
	MaxAge time.Duration
	// Leeway is the clock skew allowed on each time claim; 0 means none.
	Leeway time.Duration
	// AllowMissingPayloadHash accepts tokens without a payload_hash claim.
	// Off by default: without it a captured token could vouch for any body.
	AllowMissingPayloadHash bool
}

// Sign returns a token for body signed at iat with the first secret, with
// the claims Vonage sends (iat, jti, payload_hash, and api_key if given).
func (v VonageMessages) Sign(body []byte, iat time.Time, jti, apiKey string) string {
	if len(v.Secrets) == 0 {
		return ""
	}
	sum := sha256.Sum256(body)
	return signJWT("HS256", v.Secrets[0], jwtClaims{
		Iat:         numberOf(iat),
		Jti:         jti,
		PayloadHash: hex.EncodeToString(sum[:]),
		APIKey:      apiKey,
	})
}

// VerifyToken checks an Authorization header value ("Bearer <JWT>", or the
// bare token) for body at time now.
func (v VonageMessages) VerifyToken(authorization string, body []byte, now time.Time) error {
	const scheme = "vonage-messages"
	tok := strings.TrimSpace(authorization)
	if len(tok) > 7 && strings.EqualFold(tok[:7], "bearer ") {
		tok = strings.TrimSpace(tok[7:])
	}
	c, err := verifyJWT(scheme, tok, []string{"HS256"}, v.Secrets)
	if err != nil {
		return err
	}
	maxAge := v.MaxAge
	if maxAge <= 0 {
		maxAge = DefaultTolerance
	}
	if err := checkTimes(scheme, c, now, jwtTimes{Leeway: v.Leeway, MaxAge: maxAge}); err != nil {
		return err
	}
	if c.PayloadHash == "" {
		if v.AllowMissingPayloadHash {
			return nil
		}
		return verr(scheme, ErrClaims, "no payload_hash claim")
	}
	sum := sha256.Sum256(body)
	if !hexHashEqual(c.PayloadHash, sum[:]) {
		return verr(scheme, ErrBodyMismatch, "payload_hash")
	}
	return nil
}

// Verify implements Verifier.
func (v VonageMessages) Verify(r Request, now time.Time) error {
	return v.VerifyToken(r.header("Authorization"), r.Body, now)
}

func numberOf(t time.Time) json.Number {
	return json.Number(strconv.FormatInt(t.Unix(), 10))
}
