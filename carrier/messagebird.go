package carrier

import (
	"slices"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeMessageBird reads a MessageBird (Bird legacy SMS API) status report:
// a GET request to the account's status report URL, one recipient per
// request (https://docs.bird.com/connectivity-platform/getting-started/receiving-delivery-reports-dlrs;
// parameters as in nyaruka/courier's MessageBird handler tests). Reports are
// sent only for messages sent with a reference. A POST form with the same
// fields is read too.
//
//	id                  → MessageID and ParentID: MessageBird's message id, one
//	                      for all the recipients of a send (required)
//	recipient           → To: the recipient this report is about
//	status              → Status, RawStatus (required; see below)
//	statusDatetime      → DoneAt (RFC 3339)
//	statusErrorCode     → RawError, Error in errcode.MessageBird
//	statusReason        → ErrorMessage for a failure (any status but scheduled, sent,
//	                      buffered and delivered), else Extra: Bird sends it with every
//	                      status ("successfully delivered", "pending DLR")
//	price[amount]       → Price (exact decimal text); price[currency] → Currency
//	mccmnc              → Network
//	messagePartCount    → Segments
//	reference, ported, messageLength, datacoding and anything else → Extra,
//	and so are the repeats of a mapped field
//
// Status mapping (the reference's §2; words as MessageBird sends them):
//
//	scheduled        ACCEPTD
//	sent, buffered   ENROUTE
//	delivered        DELIVRD
//	delivery_failed  UNDELIV
//	expired          EXPIRED
//	other            UNKNOWN, reported as an unknown value
//
// A multi-recipient message gets one report per recipient, all with the
// same id: ParentID repeats it so that a tracker can aggregate, and To tells
// the recipients apart. The status words other than delivered are known
// from secondary sources only (nyaruka/courier, messagebird/go-rest-api
// fixtures) [S]. Signatures (MessageBird-Signature-JWT, which covers the
// full request URL) are the webhook package's business.
func decodeMessageBird(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format == dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	r := d.receipt()
	var once seen
	reason, reasonAt := "", -1
	for _, f := range req.pairs {
		if i := fieldIndex(f.key, messageBirdFields[:]); i < 0 || !once.first(i) {
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
			continue
		}
		switch f.key {
		case "id":
			r.MessageID = f.value
			r.ParentID = f.value
		case "recipient":
			r.To = f.value
		case "status":
			r.RawStatus = f.value
			s, ok := messageBirdStatus(f.value)
			if !ok {
				d.unknownValue(0, f.key, f.value)
			}
			r.Status = s
		case "statusDatetime":
			r.DoneAt = d.when(&r, 0, f.key, f.value, timeISO)
		case "statusErrorCode":
			r.RawError = f.value
			if f.value == "" {
				continue
			}
			if c, ok := errcode.Read(errcode.MessageBird, f.value); ok {
				r.Error = c
			} else {
				d.unknownValue(0, f.key, f.value)
			}
		case "statusReason":
			reason, reasonAt = f.value, len(r.Extra)
		case "price[amount]":
			r.Price = f.value
		case "price[currency]":
			r.Currency = f.value
		case "mccmnc":
			r.Network = f.value
		case "messagePartCount":
			r.Segments = d.count(&r, 0, f.key, f.value)
		}
	}
	if r.MessageID == "" {
		return nil, d.fail(0, "id", ErrMissingID)
	}
	if r.RawStatus == "" {
		return nil, d.fail(0, "status", ErrMissingStatus)
	}
	if reasonAt >= 0 {
		switch r.Status {
		case status.Accepted, status.Enroute, status.Delivered:
			r.Extra = slices.Insert(r.Extra, reasonAt, dlr.Field{Key: "statusReason", Value: reason})
		default:
			r.ErrorMessage = reason
		}
	}
	return []dlr.Receipt{r}, nil
}

// messageBirdFields are the fields decodeMessageBird maps.
var messageBirdFields = [...]string{"id", "recipient", "status", "statusDatetime", "statusErrorCode",
	"statusReason", "price[amount]", "price[currency]", "mccmnc", "messagePartCount"}

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

// MessageBird: a query or form with id, status and statusDatetime (a
// field name no other adapter knows).
func isMessageBird(s *shape) bool {
	return s.format != "json" && s.has("id") && s.has("status") && s.has("statusDatetime")
}
