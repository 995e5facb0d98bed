package webhook_test

import (
	"crypto/ed25519"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/dlrkit/dlrkit/webhook"
)

// FuzzVerifiers feeds arbitrary signatures, URLs and bodies to every
// scheme. Property: no panic, and every refusal is a *VerifyError with one
// of the documented causes.
func FuzzVerifiers(f *testing.F) {
	key := []byte("fuzz-key")
	body := []byte(`{"receipts":[]}`)
	f.Add("sha256=00", "https://x/?a=1", body, "application/json")
	f.Add(webhook.Sign(key, body), "https://x/", body, "application/json")
	f.Add("eyJhbGciOiJIUzI1NiJ9.e30.AAAA", "https://x/?bodySHA256=00", []byte("a=1&b=2"), "application/x-www-form-urlencoded")
	f.Add("Bearer a.b.c", "http://[::1]:80/p?sig=x&timestamp=1", []byte(`{"sig":"x","timestamp":1}`), "application/json")
	f.Add("a,b,,c", "%zz", []byte{0xff}, "text/plain; charset=")
	pub := ed25519.NewKeyFromSeed(make([]byte, 32)).Public().(ed25519.PublicKey)
	verifiers := []webhook.Verifier{
		webhook.BSR{Secrets: [][]byte{key}},
		webhook.Twilio{AuthTokens: [][]byte{key}},
		webhook.Vonage{Secrets: [][]byte{key}, Method: webhook.VonageMD5Hash},
		webhook.Vonage{Secrets: [][]byte{key}, Method: webhook.VonageHMACSHA256},
		webhook.VonageMessages{Secrets: [][]byte{key}},
		webhook.Plivo{AuthTokens: [][]byte{key}},
		webhook.Telnyx{PublicKeys: []ed25519.PublicKey{pub}},
		webhook.MessageBird{SigningKeys: [][]byte{key}},
	}
	causes := []error{webhook.ErrNoSignature, webhook.ErrMalformedSignature, webhook.ErrSignatureMismatch,
		webhook.ErrBodyMismatch, webhook.ErrTooOld, webhook.ErrTooNew, webhook.ErrAlgorithm, webhook.ErrClaims, webhook.ErrNoSecret}
	f.Fuzz(func(t *testing.T, sig, rawURL string, body []byte, ctype string) {
		h := http.Header{}
		for _, name := range []string{webhook.BSRHeader, webhook.TwilioHeader, "Authorization", webhook.PlivoV3Header,
			webhook.PlivoV3NonceHeader, webhook.PlivoV2Header, webhook.PlivoV2NonceHeader, webhook.TelnyxSignatureHeader,
			webhook.TelnyxTimestampHeader, webhook.MessageBirdHeader} {
			h.Set(name, sig)
		}
		h.Set("Content-Type", ctype)
		for _, method := range []string{"GET", "POST"} {
			r := webhook.Request{Method: method, URL: rawURL, Header: h, Body: body}
			for _, v := range verifiers {
				err := v.Verify(r, time.Unix(1_700_000_000, 0))
				if err == nil {
					continue // the seed signed with the key verifies
				}
				var ve *webhook.VerifyError
				if !errors.As(err, &ve) {
					t.Fatalf("%T: not a *VerifyError: %v", v, err)
				}
				known := false
				for _, c := range causes {
					known = known || errors.Is(err, c)
				}
				if !known {
					t.Fatalf("%T: undocumented cause: %v", v, err)
				}
			}
		}
	})
}
