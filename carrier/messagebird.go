package carrier

import (
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeMessageBird reads a MessageBird (Bird legacy SMS API) status report:
// a GET query to the account's status report URL, sent only for messages
// that were given a reference (docs.bird.com/connectivity-platform/
// getting-started/receiving-delivery-reports-dlrs). A form POST is read the
// same way. Parameter names as in nyaruka/courier's MessageBird handler
// tests [S]:
//
//	id                       → MessageID (required)
//	reference                → Extra "reference" (the sender's own id)
//	status                   → Status, RawStatus (required; see below)
//	statusErrorCode          → RawError, Error in errcode.MessageBird
//	statusReason             → ErrorMessage
//	recipient                → To
//	statusDatetime           → DoneAt (RFC 3339)
//	price[amount], price[currency] → Price (exact text), Currency
//	mccmnc                   → Network
//	messagePartCount         → Segments
//	anything else            → Extra (datacoding, messageLength, ported, …)
//
// Status mapping [S]:
//
//	scheduled                ACCEPTD
//	sent, buffered           ENROUTE
//	delivered                DELIVRD
//	delivery_failed          UNDELIV
//	expired                  EXPIRED
//
// MessageBird's full statusErrorCode list was not read; errcode.MessageBird
// knows 103 (the recipient sent STOP) only.
func decodeMessageBird(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format == dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	r := d.receipt()
	var o once
	for _, f := range req.pairs {
		if !o.firstName(f.key) {
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
			continue
		}
		switch f.key {
		case "id":
			r.MessageID = f.value
		case "status":
			r.RawStatus = f.value
		case "statusErrorCode":
			r.RawError = f.value
		case "statusReason":
			r.ErrorMessage = f.value
		case "recipient":
			r.To = f.value
		case "statusDatetime":
			r.DoneAt = d.when(&r, 0, f.key, f.value, timeISO)
		case "price[amount]":
			r.Price = f.value
		case "price[currency]":
			r.Currency = f.value
		case "mccmnc":
			r.Network = f.value
		case "messagePartCount":
			r.Segments = d.count(&r, 0, f.key, f.value)
		default:
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
		}
	}
	switch {
	case r.MessageID == "":
		return nil, d.fail(0, "id", ErrMissingID)
	case r.RawStatus == "":
		return nil, d.fail(0, "status", ErrMissingStatus)
	}
	s, ok := messageBirdStatus(r.RawStatus)
	if !ok {
		d.unknownValue(0, "status", r.RawStatus)
	}
	r.Status = s
	if r.RawError != "" {
		if c, ok := errcode.Read(errcode.MessageBird, r.RawError); ok {
			r.Error = c
		} else {
			d.unknownValue(0, "statusErrorCode", r.RawError)
		}
	}
	return []dlr.Receipt{r}, nil
}

// messageBirdStatus maps status; see decodeMessageBird.
func messageBirdStatus(word string) (status.Status, bool) {
	switch word {
	case "scheduled":
		return status.Accepted, true
	case "sent", "buffered":
		return status.Enroute, true
	case "delivered":
		return status.Delivered, true
	case "delivery_failed":
		return status.Undeliverable, true
	case "expired":
		return status.Expired, true
	}
	return status.Unknown, false
}

// isMessageBird: a form or query with id and status and MessageBird's
// statusDatetime, or its recipient and reference pair.
func isMessageBird(s *shape) bool {
	return s.format != "json" && s.has("id") && s.has("status") &&
		(s.has("statusDatetime") || (s.has("recipient") && s.has("reference")))
}
