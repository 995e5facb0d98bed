package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeBSG reads a BSG (bsg.world) status callback: a JSON POST to the
// message's callback_url or the account's Callback URL. Source: the
// MessageStatus enum and the RCS status callback example of bsgworld/go-sdk
// api/openapi.yaml. Assumed [U]: the SMS callback has the same shape as the
// RCS one, which is the only one published; a JSON array of them is read as
// a batch.
//
//	id                       → MessageID (required)
//	reference                → Extra "reference" (the sender's own id)
//	status                   → Status, RawStatus (required; see below)
//	error                    → RawError, Error in errcode.BSG (0 means none)
//	errorDescription         → ErrorMessage
//	msisdn                   → To
//	time_in                  → SubmittedAt; time_dr (else time_sent) → DoneAt;
//	                           "Y-m-d H:i:s" with no zone, read in Parser.Location
//	price, currency          → Price (exact text), Currency
//	anything else            → Extra (time_sent, …)
//
// Status mapping:
//
//	scheduled, moderation, accepted  ACCEPTD
//	sending, sent                    ENROUTE
//	delivered, read                  DELIVRD (RawStatus keeps "read")
//	undelivered, failed              UNDELIV
//	not_viber_user, not_service_user REJECTD
//	expired                          EXPIRED
//	unknown                          UNKNOWN
func decodeBSG(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		r := d.receipt()
		var timeSent string
		var o once
		err := d.fields(index, obj, func(key []byte, v jsonValue) error {
			if !o.firstKey(key) {
				extraField(&r, key, v)
				return nil
			}
			switch k := string(key); k {
			case "id":
				r.MessageID = d.str(v)
			case "status":
				r.RawStatus = d.str(v)
			case "error":
				r.RawError = d.str(v)
			case "errorDescription":
				r.ErrorMessage = d.str(v)
			case "msisdn":
				r.To = d.str(v)
			case "time_in":
				r.SubmittedAt = d.when(&r, index, k, d.str(v), timeISO)
			case "time_dr":
				r.DoneAt = d.when(&r, index, k, d.str(v), timeISO)
			case "time_sent":
				timeSent = d.str(v)
				extraField(&r, key, v)
			case "price":
				r.Price = d.str(v)
			case "currency":
				r.Currency = d.str(v)
			default:
				extraField(&r, key, v)
			}
			return nil
		})
		if err != nil {
			return err
		}
		switch {
		case r.MessageID == "":
			return d.fail(index, "id", ErrMissingID)
		case r.RawStatus == "":
			return d.fail(index, "status", ErrMissingStatus)
		}
		if r.DoneAt.IsZero() && timeSent != "" {
			if t, ok := parseTime(timeSent, d.p.location(), timeISO); ok {
				r.DoneAt = t
			}
		}
		s, ok := bsgStatus(r.RawStatus)
		if !ok {
			d.unknownValue(index, "status", r.RawStatus)
		}
		r.Status = s
		if r.RawError != "" {
			if c, ok := errcode.Read(errcode.BSG, r.RawError); ok {
				if c.Value != 0 {
					r.Error = c
				}
			} else {
				d.unknownValue(index, "error", r.RawError)
			}
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// bsgStatus maps status; see decodeBSG.
func bsgStatus(word string) (status.Status, bool) {
	switch strings.ToLower(word) {
	case "scheduled", "moderation", "accepted":
		return status.Accepted, true
	case "sending", "sent":
		return status.Enroute, true
	case "delivered", "read":
		return status.Delivered, true
	case "undelivered", "failed":
		return status.Undeliverable, true
	case "not_viber_user", "not_service_user":
		return status.Rejected, true
	case "expired":
		return status.Expired, true
	case "unknown":
		return status.Unknown, true
	}
	return status.Unknown, false
}

// isBSG: JSON with id, status and one of BSG's time_in, time_sent, time_dr.
func isBSG(s *shape) bool {
	return s.format == "json" && s.has("id") && s.has("status") &&
		(s.has("time_dr") || s.has("time_in") || s.has("time_sent"))
}
