package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeTSG reads a TSG Global delivery receipt, posted as JSON to the
// number's inbound webhook (https://docs.tsgglobal.com/api-reference/programmable-sms/delivery-receipts-dlrs).
// A JSON array of receipts is accepted too.
//
//	object                   "sms_dlr" or "mms_dlr" (required; anything else is ErrNotReceipt)
//	sms.id / mms.id          → MessageID: the id the send response gave (required)
//	id                       → Extra "id": the receipt object's own id
//	delivery_status          → Status, RawStatus (see tsgStatus)
//	delivery_error_code      → RawError, Error in errcode.TSG
//	to, from                 → To, From
//	submitted_at, done_at    → SubmittedAt, DoneAt; no zone: read in Parser.Location
//	anything else            → Extra (type, inserted_at, updated_at, other members of sms/mms as "sms.<key>")
func decodeTSG(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		r := d.receipt()
		var object string
		var once seen
		err := d.fields(index, obj, func(key []byte, v jsonValue) error {
			i := tsgField(key)
			if i < 0 || !once.first(i) {
				extraField(&r, key, v)
				return nil
			}
			switch k := string(key); k {
			case "object":
				object = d.str(v)
				if object != "sms_dlr" && object != "mms_dlr" {
					return d.fail(index, k, ErrNotReceipt)
				}
			case "sms", "mms":
				if v.kind != jsonObject {
					extraField(&r, key, v)
					return nil
				}
				return d.fields(index, v.raw, func(sub []byte, sv jsonValue) error {
					if string(sub) == "id" {
						r.MessageID = d.str(sv)
					} else {
						r.Extra = append(r.Extra, dlr.Field{Key: k + "." + string(sub), Value: sv.extra()})
					}
					return nil
				})
			case "delivery_status":
				r.RawStatus = d.str(v)
				s, ok := tsgStatus(r.RawStatus)
				if !ok {
					d.unknownValue(index, k, r.RawStatus)
				}
				r.Status = s
			case "delivery_error_code":
				r.RawError = d.str(v)
				if r.RawError != "" {
					if c, ok := errcode.Read(errcode.TSG, r.RawError); ok {
						r.Error = c
					} else {
						d.unknownValue(index, k, r.RawError)
					}
				}
			case "to":
				r.To = d.str(v)
			case "from":
				r.From = d.str(v)
			case "submitted_at":
				r.SubmittedAt = d.when(&r, index, "submitted_at", d.str(v), timeISO)
			case "done_at":
				r.DoneAt = d.when(&r, index, "done_at", d.str(v), timeISO)
			}
			return nil
		})
		if err != nil {
			return err
		}
		switch {
		case object == "":
			return d.fail(index, "object", ErrNotReceipt)
		case r.MessageID == "":
			return d.fail(index, object[:3]+".id", ErrMissingID)
		case r.RawStatus == "":
			return d.fail(index, "delivery_status", ErrMissingStatus)
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// tsgStatus maps TSG's delivery_status. The docs show only "delivered";
// the other words are assumed from the SMPP receipts TSG relays: the SMPP
// words themselves and their lower-case long forms. Anything else is
// UNKNOWN, reported as an unknown value.
func tsgStatus(word string) (status.Status, bool) {
	switch strings.ToLower(word) {
	case "delivered":
		return status.Delivered, true
	case "undelivered", "failed":
		return status.Undeliverable, true
	case "rejected":
		return status.Rejected, true
	case "expired":
		return status.Expired, true
	case "accepted", "queued":
		return status.Accepted, true
	case "enroute", "sent":
		return status.Enroute, true
	case "deleted":
		return status.Deleted, true
	case "unknown":
		return status.Unknown, true
	}
	if s, ok := status.Lookup([]byte(word)); ok && !allDigits(word) {
		return s, true
	}
	return status.Unknown, false
}

// tsgField numbers the fields decodeTSG maps; -1 for others.
func tsgField(key []byte) int {
	switch string(key) {
	case "object":
		return 0
	case "sms":
		return 1
	case "mms":
		return 2
	case "delivery_status":
		return 3
	case "delivery_error_code":
		return 4
	case "to":
		return 5
	case "from":
		return 6
	case "submitted_at":
		return 7
	case "done_at":
		return 8
	}
	return -1
}
