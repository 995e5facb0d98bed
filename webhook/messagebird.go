package webhook

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// MessageBirdHeader is the header MessageBird (Bird) puts its token in.
const MessageBirdHeader = "MessageBird-Signature-JWT"

// MessageBird verifies MessageBird's MessageBird-Signature-JWT: a JWT signed
// HS256, HS384 or HS512 with the signing key, with claims iss
// "MessageBird", nbf and exp (checked with one second of skew), a non-empty
// jti, url_hash (hex SHA-256 of the full URL called) and payload_hash (hex
// SHA-256 of the body), present exactly when the body is not empty.
//
// Source: messagebird/go-rest-api signature_jwt/signature.go, claims.go and
// the shared test table signature_jwt/testdata/reference.json.
type MessageBird struct {
	SigningKeys [][]byte // the current key first
	// Leeway is the clock skew allowed on nbf and exp; one second (as
	// MessageBird's SDK) when zero.
	Leeway time.Duration
}

// Sign returns a token for a request to rawURL with body, valid from now
// for a minute, with the first signing key.
func (m MessageBird) Sign(rawURL string, body []byte, now time.Time, jti string) string {
	if len(m.SigningKeys) == 0 {
		return ""
	}
	c := jwtClaims{
		Iss:     "MessageBird",
		Nbf:     numberOf(now),
		Exp:     numberOf(now.Add(time.Minute)),
		Jti:     jti,
		URLHash: sha256Hex([]byte(rawURL)),
	}
	if len(body) > 0 {
		c.PayloadHash = sha256Hex(body)
	}
	return signJWT("HS256", m.SigningKeys[0], c)
}

// VerifyToken checks token for a request to rawURL with body at time now.
func (m MessageBird) VerifyToken(token, rawURL string, body []byte, now time.Time) error {
	const scheme = "messagebird"
	c, err := verifyJWT(scheme, token, []string{"HS256", "HS384", "HS512"}, m.SigningKeys)
	if err != nil {
		return err
	}
	leeway := m.Leeway
	if leeway <= 0 {
		leeway = time.Second
	}
	if err := checkTimes(scheme, c, now, jwtTimes{Leeway: leeway, RequireExp: true}); err != nil {
		return err
	}
	if c.Iss != "MessageBird" {
		return verr(scheme, ErrClaims, "iss is not MessageBird")
	}
	if c.Jti == "" {
		return verr(scheme, ErrClaims, "jti is empty or missing")
	}
	u := sha256.Sum256([]byte(rawURL))
	if !hexHashEqual(c.URLHash, u[:]) {
		return verr(scheme, ErrBodyMismatch, "url_hash")
	}
	switch {
	case len(body) == 0 && c.PayloadHash != "":
		return verr(scheme, ErrBodyMismatch, "payload_hash is set but the body is empty")
	case len(body) != 0 && c.PayloadHash == "":
		return verr(scheme, ErrBodyMismatch, "payload_hash is not set but the body is not empty")
	case len(body) != 0:
		p := sha256.Sum256(body)
		if !hexHashEqual(c.PayloadHash, p[:]) {
			return verr(scheme, ErrBodyMismatch, "payload_hash")
		}
	}
	return nil
}

// Verify implements Verifier.
func (m MessageBird) Verify(r Request, now time.Time) error {
	return m.VerifyToken(r.header("Messagebird-Signature-Jwt"), r.URL, r.Body, now) // MessageBirdHeader, canonical
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
