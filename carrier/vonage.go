package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeVonage reads a Vonage SMS API (formerly Nexmo) delivery receipt: a
// GET query by default, or a form or JSON POST as the account sets it.
// Sources: the DeliveryReceipt definition in Nexmo/api-specification
// definitions/sms.yml and developer.vonage.com/messaging/sms/guides/delivery-receipts.
// A concatenated message gets one receipt per part, each with that part's
// messageId (the send response lists one message object per part); the
// parts carry no common id, so ParentID stays empty.
//
//	messageId                → MessageID (required)
//	status                   → Status, RawStatus (required; see below)
//	err-code                 → RawError, Error in errcode.Vonage
//	msisdn                   → To (the recipient)
//	to                       → From (Vonage's "to" is the sender id the message was sent from)
//	network-code             → Network (MCC-MNC)
//	price                    → Price (exact text; the currency is the account's and is not sent)
//	scts                     → DoneAt; the carrier's YYMMDDHHMM with no zone, read in
//	                           Parser.SMPP.Location, else Parser.Location
//	anything else            → Extra (message-timestamp, api-key, client-ref, timestamp, nonce, sig, …)
//
// Status mapping:
//
//	accepted                 ACCEPTD
//	buffered                 ENROUTE
//	delivered                DELIVRD
//	failed                   UNDELIV
//	rejected                 REJECTD
//	expired                  EXPIRED (Vonage sends it itself after 72 h without a carrier receipt)
//	unknown                  UNKNOWN
//	SMPP words (DELIVRD, UNDELIV, …), which Vonage support lists as labels, map to themselves.
func decodeVonage(d *decoder, req *request) ([]dlr.Receipt, error) {
	var out []dlr.Receipt
	finish := func(index int, r dlr.Receipt) error {
		switch {
		case r.MessageID == "":
			return d.fail(index, "messageId", ErrMissingID)
		case r.RawStatus == "":
			return d.fail(index, "status", ErrMissingStatus)
		}
		s, ok := vonageStatus(r.RawStatus)
		if !ok {
			d.unknownValue(index, "status", r.RawStatus)
		}
		r.Status = s
		if r.RawError != "" {
			if c, ok := errcode.Read(errcode.Vonage, r.RawError); ok {
				r.Error = c
			} else {
				d.unknownValue(index, "err-code", r.RawError)
			}
		}
		out = append(out, r)
		return nil
	}
	set := func(r *dlr.Receipt, index int, key, value string) {
		switch key {
		case "messageId":
			r.MessageID = value
		case "status":
			r.RawStatus = value
		case "err-code":
			r.RawError = value
		case "msisdn":
			r.To = value
		case "to":
			r.From = value
		case "network-code":
			r.Network = value
		case "price":
			r.Price = value
		case "scts":
			r.DoneAt = d.smppWhen(r, index, key, value)
		default:
			r.Extra = append(r.Extra, dlr.Field{Key: key, Value: value})
		}
	}
	if req.format != dlr.FormatJSON {
		r := d.receipt()
		var o once
		for _, f := range req.pairs {
			if !o.firstName(f.key) {
				r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
				continue
			}
			set(&r, 0, f.key, f.value)
		}
		if err := finish(0, r); err != nil {
			return nil, err
		}
		return out, nil
	}
	err := d.objects(req.body, func(index int, obj []byte) error {
		r := d.receipt()
		var o once
		err := d.fields(index, obj, func(key []byte, v jsonValue) error {
			if !o.firstKey(key) || v.kind == jsonObject || v.kind == jsonArray {
				extraField(&r, key, v)
				return nil
			}
			set(&r, index, string(key), d.str(v))
			return nil
		})
		if err != nil {
			return err
		}
		return finish(index, r)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// vonageStatus maps the SMS API's status; see decodeVonage.
func vonageStatus(word string) (status.Status, bool) {
	switch strings.ToLower(word) {
	case "accepted":
		return status.Accepted, true
	case "buffered":
		return status.Enroute, true
	case "delivered":
		return status.Delivered, true
	case "failed":
		return status.Undeliverable, true
	case "rejected":
		return status.Rejected, true
	case "expired":
		return status.Expired, true
	case "unknown":
		return status.Unknown, true
	}
	if s, ok := status.Lookup([]byte(word)); ok && !allDigits(word) {
		return s, true
	}
	return status.Unknown, false
}

// isVonage: messageId and status, with a field only Vonage's receipt has
// (err-code, msisdn, network-code, scts), or — for the bare GET callbacks
// some accounts get — a status from Vonage's own vocabulary.
func isVonage(s *shape) bool {
	if !s.has("messageId") || !s.has("status") {
		return false
	}
	if s.has("err-code") || s.has("msisdn") || s.has("network-code") || s.has("scts") {
		return true
	}
	if s.format == "json" {
		return false
	}
	switch s.value("status") {
	case "accepted", "buffered", "delivered", "failed", "rejected", "expired", "unknown":
		return true
	}
	return false
}
