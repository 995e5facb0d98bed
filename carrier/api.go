package carrier

// This file is the package's API skeleton: the bodies that say "not
// implemented" are being written and will be replaced before release.

import (
	"errors"
	"net/url"

	"github.com/dlrkit/dlrkit/dlr"
)

// Headers gives the request headers an adapter or detection may need,
// without tying the package to net/http (http.Header satisfies it).
type Headers interface {
	Get(key string) string
}

// Meta is what is known of a webhook request besides its body.
type Meta struct {
	ContentType string     // the Content-Type header
	Query       url.Values // the request's query parameters (GET callbacks)
	Provider    string     // the provider's name ("twilio", …); "" means detect
	Headers     Headers    // optional
}

var errNotImplemented = errors.New("carrier: not implemented")

// Parse decodes a provider's delivery-receipt callback into receipts.
func Parse(body []byte, meta Meta) ([]dlr.Receipt, error) { return nil, errNotImplemented }
