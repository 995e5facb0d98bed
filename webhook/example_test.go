package webhook_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
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

func ExampleHandler() {
	secret := []byte("whsec-current")
	h := &webhook.Handler{
		Provider: "bulksmsrates",
		Verifier: webhook.BSR{Secrets: [][]byte{secret}},
		// PublicURL: "https://dlr.example.com/hooks/bsr", // behind a proxy
		Sink: func(ctx context.Context, rs []dlr.Receipt) error {
			for _, r := range rs {
				fmt.Println("stored", r.MessageID, r.Status) // a database insert, keyed by r.Key()
			}
			return nil
		},
		Reject: func(ctx context.Context, body []byte, err error) {
			fmt.Println("rejected:", err)
		},
		// Decode defaults to carrier.Parse; a stand-in keeps the example
		// independent of any provider's format.
		Decode: func(body []byte, _ carrier.Meta) ([]dlr.Receipt, error) {
			var in struct{ MessageID, Status string }
			if err := json.Unmarshal(body, &in); err != nil {
				return nil, err
			}
			st, err := status.Parse(in.Status)
			return []dlr.Receipt{{MessageID: in.MessageID, Status: st, RawStatus: in.Status}}, err
		},
	}
	body := `{"MessageID":"m-1","Status":"DELIVRD"}`
	send := func(method, sig string) {
		r := httptest.NewRequest(method, "https://dlr.example.com/hooks/bsr", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set(webhook.BSRHeader, sig)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Println(method, w.Code)
	}
	send("POST", webhook.Sign(secret, []byte(body)))
	send("POST", webhook.Sign([]byte("guess"), []byte(body)))
	send("PUT", "")
	// Output:
	// stored m-1 DELIVRD
	// POST 200
	// rejected: webhook: 401 Unauthorized: bsr: signature mismatch
	// POST 401
	// PUT 405
}
