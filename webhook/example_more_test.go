package webhook_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/dlrkit/dlrkit/webhook"
)

func ExampleSign() {
	// Make the X-BSR-Signature of a fixture body, as BulkSMSRates would.
	// The secret and body are constructed.
	secret := []byte("whsec_test")
	body := []byte(`{"message_id":"msg_abc123","status":"DELIVRD"}`)
	fmt.Println(webhook.BSRHeader+":", webhook.Sign(secret, body))
	// Output:
	// X-BSR-Signature: sha256=d27e7826143829e5a3703ed9b91e4d227b9ace04caf822bf20a0dbda40463961
}

func ExampleVerify() {
	body := []byte(`{"message_id":"msg_abc123","status":"DELIVRD"}`)
	header := "sha256=d27e7826143829e5a3703ed9b91e4d227b9ace04caf822bf20a0dbda40463961"

	// During a rotation pass the new secret and the old one.
	fmt.Println(webhook.Verify(header, body, []byte("whsec_next"), []byte("whsec_test")))

	err := webhook.Verify(header, body, []byte("whsec_next"))
	var ve *webhook.VerifyError
	fmt.Println(errors.Is(err, webhook.ErrSignatureMismatch), errors.As(err, &ve))

	err = webhook.Verify("d27e7826", body, []byte("whsec_test"))
	fmt.Println(errors.Is(err, webhook.ErrMalformedSignature), err)
	// Output:
	// <nil>
	// true true
	// true webhook: bsr: malformed signature: no "sha256=" prefix
}

func ExampleBSR() {
	// The Verifier a Handler uses, called here without net/http.
	v := webhook.BSR{Secrets: [][]byte{[]byte("whsec_test")}}
	body := []byte(`{"message_id":"msg_abc123","status":"DELIVRD"}`)
	h := http.Header{}
	h.Set(webhook.BSRHeader, webhook.Sign([]byte("whsec_test"), body))
	req := webhook.Request{Method: "POST", URL: "https://dlr.example.com/hooks/bsr", Header: h, Body: body}
	fmt.Println(v.Verify(req, time.Now()))

	req.Body = []byte(`{"message_id":"msg_abc123","status":"UNDELIV"}`)
	fmt.Println(v.Verify(req, time.Now()))
	// Output:
	// <nil>
	// webhook: bsr: signature mismatch
}

func ExampleTwilio() {
	// The test vector of twilio/twilio-go client/request_validator_test.go:
	// auth token 12345, a form POST to a URL with a query.
	tw := webhook.Twilio{AuthTokens: [][]byte{[]byte("12345")}}
	params := url.Values{
		"CallSid": {"CA1234567890ABCDE"},
		"Caller":  {"+14158675309"},
		"Digits":  {"1234"},
		"From":    {"+14158675309"},
		"To":      {"+18005551212"},
	}
	const u = "https://mycompany.com/myapp.php?foo=1&bar=2"
	sig := tw.Sign(u, params)
	fmt.Println(sig)
	fmt.Println(tw.VerifyParams(sig, u, params))
	fmt.Println(tw.VerifyParams(sig, u+"&x=1", params))
	// Output:
	// RSOYDt4T1cUTdK1PDd93/VVr8B8=
	// <nil>
	// webhook: twilio: signature mismatch
}

func ExampleUnsigned() {
	// Kannel and Jasmin sign nothing: say so explicitly (a nil Verifier
	// makes the Handler answer 500), and protect the endpoint another way.
	h := &webhook.Handler{Provider: "kannel", Verifier: webhook.Unsigned{}}
	fmt.Println(h.Verifier.Verify(webhook.Request{}, time.Time{}))
	// Output:
	// <nil>
}
