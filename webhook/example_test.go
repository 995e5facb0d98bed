package webhook_test

import (
	"errors"
	"fmt"

	"github.com/dlrkit/dlrkit/webhook"
)

func Example() {
	secret := []byte("whsec-current")
	body := []byte(`{"message_id":"m-1","status":"DELIVRD"}`)

	sig := webhook.Sign(secret, body) // what the sender puts in X-BSR-Signature
	fmt.Println(sig)

	fmt.Println(webhook.Verify(sig, body, secret))
	// While rotating, list the new secret and the old one.
	fmt.Println(webhook.Verify(sig, body, []byte("whsec-next"), secret))

	err := webhook.Verify(sig, []byte(`{"message_id":"m-1","status":"UNDELIV"}`), secret)
	fmt.Println(errors.Is(err, webhook.ErrSignatureMismatch), err)

	err = webhook.Verify("", body, secret)
	fmt.Println(errors.Is(err, webhook.ErrNoSignature), err)
	// Output:
	// sha256=70af41f217c62010c9e59bfd0f51b7a5f431d16d3e2aa349e2205b27cc1e608b
	// <nil>
	// <nil>
	// true webhook: bsr: signature mismatch
	// true webhook: bsr: no signature
}
