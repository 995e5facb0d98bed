package carrier

import (
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeVonageMessages reads a Vonage Messages API status webhook: a JSON
// POST to the application's status URL. Sources: the MessageStatus schema
// and x-errors of Nexmo/api-specification definitions/messages-olympus.yml,
// and developer.vonage.com/en/messages/concepts/messages-status-callbacks.
// A JSON array of such objects is accepted too.
//
//	message_uuid             → MessageID (required)
//	status                   → Status, RawStatus (required; see below)
//	error.code               → RawError, Error in errcode.VonageMessages; the RFC 7807 style
//	                           error of the current SDKs ({type, title, detail, instance})
//	                           carries the code in title, read the same way
//	error.reason, else error.detail → ErrorMessage; error.type, .instance → Extra
//	to, from                 → To, From: a plain string (current docs) or an object
//	                           {type, number|id} (2021 spec); type goes to Extra "to.type"
//	timestamp                → DoneAt (ISO 8601)
//	usage.price, usage.currency → Price (exact text), Currency
//	destination.network_code → Network
//	sms.count_total          → Segments
//	anything else            → Extra (client_ref, channel, other members as "<object>.<key>")
//
// Status mapping:
//
//	submitted                ENROUTE
//	delivered, read          DELIVRD (RawStatus keeps "read")
//	rejected                 REJECTD, or EXPIRED when error.code is 1360 (TTL was activated)
//	undeliverable            REJECTD: the docs define it as "Messages API was unable to
//	                         connect to the messaging provider" — the message never left
//	                         Vonage, which is REJECTD by this package's rule, not UNDELIV
//
// Vonage/vonage-java-sdk's MessageStatusTest shows the current shape:
// plain-string to and from, channel, sms.count_total, destination.network_code,
// and the RFC 7807 style error. Anything else (whatsapp, unknown members)
// is kept in Extra.
func decodeVonageMessages(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		r := d.receipt()
		var reason, title, detail string
		party := func(k string, v jsonValue, dst *string) error {
			if v.kind != jsonObject {
				*dst = d.str(v)
				return nil
			}
			return d.fields(index, v.raw, func(sub []byte, sv jsonValue) error {
				switch string(sub) {
				case "number", "id":
					if *dst == "" {
						*dst = d.str(sv)
						return nil
					}
				}
				r.Extra = append(r.Extra, dlr.Field{Key: k + "." + string(sub), Value: sv.extra()})
				return nil
			})
		}
		var o once
		err := d.fields(index, obj, func(key []byte, v jsonValue) error {
			if !o.firstKey(key) {
				extraField(&r, key, v)
				return nil
			}
			switch k := string(key); k {
			case "message_uuid":
				r.MessageID = d.str(v)
			case "status":
				r.RawStatus = d.str(v)
			case "to":
				return party(k, v, &r.To)
			case "from":
				return party(k, v, &r.From)
			case "timestamp":
				r.DoneAt = d.when(&r, index, k, d.str(v), timeISO)
			case "error", "usage", "destination", "sms":
				if v.kind != jsonObject {
					extraField(&r, key, v)
					return nil
				}
				var os once
				return d.fields(index, v.raw, func(sub []byte, sv jsonValue) error {
					if !os.firstKey(sub) {
						r.Extra = append(r.Extra, dlr.Field{Key: k + "." + string(sub), Value: sv.extra()})
						return nil
					}
					switch k + "." + string(sub) {
					case "error.code":
						r.RawError = d.str(sv)
					case "error.reason":
						reason = d.str(sv)
					case "error.title":
						title = d.str(sv)
					case "error.detail":
						detail = d.str(sv)
					case "usage.price":
						r.Price = d.str(sv)
					case "usage.currency":
						r.Currency = d.str(sv)
					case "destination.network_code":
						r.Network = d.str(sv)
					case "sms.count_total":
						r.Segments = d.count(&r, index, "sms.count_total", d.str(sv))
					default:
						r.Extra = append(r.Extra, dlr.Field{Key: k + "." + string(sub), Value: sv.extra()})
					}
					return nil
				})
			default:
				extraField(&r, key, v)
			}
			return nil
		})
		if err != nil {
			return err
		}
		// The 2021 spec's error is {code, reason}; the SDKs' is RFC 7807
		// style, {type, title, detail, instance}, with the code in title.
		if r.RawError == "" && allDigits(title) {
			r.RawError, title = title, ""
		}
		for _, m := range []string{reason, detail, title} {
			if m != "" && r.ErrorMessage == "" {
				r.ErrorMessage = m
			}
		}
		for _, f := range []dlr.Field{{Key: "error.reason", Value: reason}, {Key: "error.detail", Value: detail}, {Key: "error.title", Value: title}} {
			if f.Value != "" && f.Value != r.ErrorMessage {
				r.Extra = append(r.Extra, f)
			}
		}
		switch {
		case r.MessageID == "":
			return d.fail(index, "message_uuid", ErrMissingID)
		case r.RawStatus == "":
			return d.fail(index, "status", ErrMissingStatus)
		}
		s, ok := vonageMessagesStatus(r.RawStatus)
		if !ok {
			d.unknownValue(index, "status", r.RawStatus)
		}
		if s == status.Rejected && r.RawError == "1360" {
			s = status.Expired
		}
		r.Status = s
		if r.RawError != "" {
			if c, ok := errcode.Read(errcode.VonageMessages, r.RawError); ok {
				r.Error = c
			} else {
				d.unknownValue(index, "error.code", r.RawError)
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

// vonageMessagesStatus maps the Messages API status; see decodeVonageMessages.
func vonageMessagesStatus(word string) (status.Status, bool) {
	switch word {
	case "submitted":
		return status.Enroute, true
	case "delivered", "read":
		return status.Delivered, true
	case "rejected", "undeliverable":
		return status.Rejected, true
	}
	return status.Unknown, false
}

// isVonageMessages: JSON with message_uuid and status.
func isVonageMessages(s *shape) bool {
	return s.format == "json" && s.has("message_uuid") && s.has("status")
}
