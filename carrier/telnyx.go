package carrier

import (
	"slices"
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeTelnyx reads a Telnyx Messaging v2 webhook: a JSON POST of
// {data:{event_type, id, occurred_at, payload, record_type:"event"}, meta}.
// The bare event (the members of data at the top level, no meta), which the
// same docs page also shows as the request body, is read too.
// Sources: developers.telnyx.com/api-reference/callbacks/delivery-update,
// developers.telnyx.com/docs/messaging/messages/receiving-webhooks and the
// OutboundMessagePayload type of team-telnyx/telnyx-python. The events
// read are message.sent and message.finalized (the terminal one), and any
// other message.* event about an outbound message; message.received and
// inbound payloads are ErrNotReceipt.
//
// The status is per recipient (payload.to[].status), so one receipt per
// entry of payload.to:
//
//	payload.id               → MessageID (required); also ParentID when there are
//	                           several recipients (group MMS), to group them
//	payload.to[].phone_number → To; .status → Status, RawStatus (required); .carrier → Network;
//	                           .line_type → Extra "to.line_type"
//	payload.from.phone_number → From; other from members → Extra "from.<key>"
//	payload.errors[0].code   → RawError, Error in errcode.Telnyx; .title (or .detail) → ErrorMessage;
//	                           further errors → Extra "errors"
//	payload.completed_at     → DoneAt, else data.occurred_at (kept in Extra when
//	                           completed_at is used)
//	payload.received_at      → SubmittedAt (when Telnyx accepted the request)
//	payload.parts            → Segments
//	payload.cost.amount, .currency → Price (exact text), Currency
//	data.event_type, data.id, meta.attempt, meta.delivered_to → Extra "event_type", "event_id",
//	                           "meta.attempt", "meta.delivered_to"
//	anything else            → Extra, under its payload key (text, tags, cost_breakdown, …)
//
// Timestamps that are not timestamps — Telnyx's own examples carry the
// literal placeholder "date-time" — stay as text in Extra and are reported
// in a ValueError; the receipt is still returned.
//
// Status mapping (to[].status):
//
//	queued, scheduled        ACCEPTD
//	sending, sent            ENROUTE
//	delivered                DELIVRD
//	read                     DELIVRD (RCS message.read events; RawStatus keeps "read")
//	delivery_failed          UNDELIV  the carrier reported non-delivery
//	sending_failed           REJECTD  Telnyx could not send it (also when valid_until passed)
//	expired                  EXPIRED
//	cancelled                DELETED
//	delivery_unconfirmed     UNKNOWN
func decodeTelnyx(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		var data jsonValue
		var meta []dlr.Field
		var bare bool // the event itself, without the data/meta envelope
		err := d.fields(index, obj, func(key []byte, v jsonValue) error {
			switch k := string(key); k {
			case "event_type", "payload":
				bare = true
				meta = append(meta, dlr.Field{Key: k, Value: v.extra()})
			case "data":
				if data.kind != 0 {
					meta = append(meta, dlr.Field{Key: k, Value: v.extra()})
					return nil
				}
				data = v
			case "meta":
				if v.kind != jsonObject {
					meta = append(meta, dlr.Field{Key: k, Value: v.extra()})
					return nil
				}
				return d.fields(index, v.raw, func(sub []byte, sv jsonValue) error {
					meta = append(meta, dlr.Field{Key: "meta." + string(sub), Value: sv.extra()})
					return nil
				})
			default:
				meta = append(meta, dlr.Field{Key: k, Value: v.extra()})
			}
			return nil
		})
		if err != nil {
			return err
		}
		if data.kind != jsonObject && bare {
			data, meta = jsonValue{raw: obj, kind: jsonObject}, nil
		}
		if data.kind != jsonObject {
			return d.fail(index, "data", ErrNotReceipt)
		}
		rs, err := telnyxEvent(d, index, data.raw, len(out))
		if err != nil {
			return err
		}
		for i := range rs {
			rs[i].Extra = append(rs[i].Extra, meta...)
		}
		if len(out)+len(rs) > d.p.maxBatch() {
			return d.fail(index, "data.payload.to", ErrTooLarge)
		}
		out = append(out, rs...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

type telnyxRecipient struct {
	to, status, carrier string
	extra               []dlr.Field
}

func telnyxEvent(d *decoder, index int, data []byte, first int) ([]dlr.Receipt, error) {
	tmpl := d.receipt()
	var eventType, occurredAt string
	var occurred dlr.Field // data.occurred_at, kept in Extra when completed_at is DoneAt
	occurredPos := -1
	var payload jsonValue
	var od once
	err := d.fields(index, data, func(key []byte, v jsonValue) error {
		if !od.firstKey(key) {
			extraField(&tmpl, key, v)
			return nil
		}
		switch k := string(key); k {
		case "event_type":
			eventType = d.str(v)
		case "occurred_at":
			occurredAt = d.str(v)
			occurred, occurredPos = dlr.Field{Key: "occurred_at", Value: v.extra()}, len(tmpl.Extra)
		case "payload":
			payload = v
		case "id":
			tmpl.Extra = append(tmpl.Extra, dlr.Field{Key: "event_id", Value: v.extra()})
		case "record_type":
		default:
			extraField(&tmpl, key, v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(eventType, "message.") || eventType == "message.received" {
		return nil, d.fail(index, "data.event_type", ErrNotReceipt)
	}
	if payload.kind != jsonObject {
		return nil, d.fail(index, "data.payload", ErrNotReceipt)
	}
	tmpl.Extra = append(tmpl.Extra, dlr.Field{Key: "event_type", Value: eventType})
	var recipients []telnyxRecipient
	var completedAt, receivedAt string
	var errs []jsonValue
	var op once
	err = d.fields(index, payload.raw, func(key []byte, v jsonValue) error {
		if !op.firstKey(key) {
			extraField(&tmpl, key, v)
			return nil
		}
		switch k := string(key); k {
		case "id":
			tmpl.MessageID = d.str(v)
		case "direction":
			if d.str(v) == "inbound" {
				return d.fail(index, "data.payload.direction", ErrNotReceipt)
			}
			extraField(&tmpl, key, v)
		case "record_type":
		case "completed_at":
			completedAt = d.str(v)
		case "received_at":
			receivedAt = d.str(v)
		case "parts":
			tmpl.Segments = d.count(&tmpl, first, k, d.str(v))
		case "from":
			if v.kind != jsonObject {
				tmpl.From = d.str(v)
				return nil
			}
			var of once
			return d.fields(index, v.raw, func(sub []byte, sv jsonValue) error {
				if string(sub) == "phone_number" && of.firstKey(sub) {
					tmpl.From = d.str(sv)
				} else {
					tmpl.Extra = append(tmpl.Extra, dlr.Field{Key: "from." + string(sub), Value: sv.extra()})
				}
				return nil
			})
		case "cost":
			if v.kind != jsonObject {
				extraField(&tmpl, key, v)
				return nil
			}
			var oc once
			return d.fields(index, v.raw, func(sub []byte, sv jsonValue) error {
				if !oc.firstKey(sub) {
					tmpl.Extra = append(tmpl.Extra, dlr.Field{Key: "cost." + string(sub), Value: sv.extra()})
					return nil
				}
				switch string(sub) {
				case "amount":
					tmpl.Price = d.str(sv)
				case "currency":
					tmpl.Currency = d.str(sv)
				default:
					tmpl.Extra = append(tmpl.Extra, dlr.Field{Key: "cost." + string(sub), Value: sv.extra()})
				}
				return nil
			})
		case "errors":
			if v.kind != jsonArray {
				extraField(&tmpl, key, v)
				return nil
			}
			return eachElement(v.raw, 3, d.p.maxDepth(), d.p.maxBatch(), func(_ int, ev jsonValue) error {
				errs = append(errs, ev)
				return nil
			})
		case "to":
			if v.kind != jsonArray {
				return d.fail(index, "data.payload.to", ErrMalformed)
			}
			err := eachElement(v.raw, 3, d.p.maxDepth(), d.p.maxBatch(), func(_ int, tv jsonValue) error {
				var rc telnyxRecipient
				if tv.kind != jsonObject {
					return d.fail(index, "data.payload.to", ErrMalformed)
				}
				var ot once
				err := d.fields(index, tv.raw, func(sub []byte, sv jsonValue) error {
					if !ot.firstKey(sub) {
						rc.extra = append(rc.extra, dlr.Field{Key: "to." + string(sub), Value: sv.extra()})
						return nil
					}
					switch string(sub) {
					case "phone_number":
						rc.to = d.str(sv)
					case "status":
						rc.status = d.str(sv)
					case "carrier":
						rc.carrier = d.str(sv)
					default:
						rc.extra = append(rc.extra, dlr.Field{Key: "to." + string(sub), Value: sv.extra()})
					}
					return nil
				})
				recipients = append(recipients, rc)
				return err
			})
			if err != nil {
				return d.fail(index, "data.payload.to", err)
			}
			return nil
		default:
			extraField(&tmpl, key, v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if tmpl.MessageID == "" {
		return nil, d.fail(index, "data.payload.id", ErrMissingID)
	}
	if len(recipients) == 0 {
		return nil, d.fail(index, "data.payload.to", ErrMissingStatus)
	}
	for i, ev := range errs {
		if i > 0 || ev.kind != jsonObject {
			tmpl.Extra = append(tmpl.Extra, dlr.Field{Key: "errors", Value: ev.extra()})
			continue
		}
		var oe once
		err := d.fields(index, ev.raw, func(sub []byte, sv jsonValue) error {
			if !oe.firstKey(sub) {
				tmpl.Extra = append(tmpl.Extra, dlr.Field{Key: "errors." + string(sub), Value: sv.extra()})
				return nil
			}
			switch string(sub) {
			case "code":
				tmpl.RawError = d.str(sv)
			case "title":
				tmpl.ErrorMessage = d.str(sv)
			default:
				tmpl.Extra = append(tmpl.Extra, dlr.Field{Key: "errors." + string(sub), Value: sv.extra()})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if tmpl.ErrorMessage == "" {
		if v, ok := tmpl.ExtraValue("errors.detail"); ok {
			tmpl.ErrorMessage = v
		}
	}
	if completedAt != "" && occurredPos >= 0 {
		tmpl.Extra = slices.Insert(tmpl.Extra, occurredPos, occurred)
	}
	if len(recipients) > 1 {
		tmpl.ParentID = tmpl.MessageID
	}
	out := make([]dlr.Receipt, 0, len(recipients))
	for i, rc := range recipients {
		at := first + i
		r := tmpl
		r.Extra = append([]dlr.Field(nil), tmpl.Extra...)
		r.To, r.RawStatus, r.Network = rc.to, rc.status, rc.carrier
		r.Extra = append(r.Extra, rc.extra...)
		if r.RawStatus == "" {
			return nil, d.fail(index, "data.payload.to.status", ErrMissingStatus)
		}
		s, ok := telnyxStatus(r.RawStatus)
		if !ok {
			d.unknownValue(at, "to.status", r.RawStatus)
		}
		r.Status = s
		if r.RawError != "" {
			if c, ok := errcode.Read(errcode.Telnyx, r.RawError); ok {
				r.Error = c
			} else {
				d.unknownValue(at, "errors.code", r.RawError)
			}
		}
		done, key := completedAt, "completed_at"
		if done == "" {
			done, key = occurredAt, "occurred_at"
		}
		r.DoneAt = d.when(&r, at, key, done, timeISO)
		r.SubmittedAt = d.when(&r, at, "received_at", receivedAt, timeISO)
		out = append(out, r)
	}
	return out, nil
}

// telnyxStatus maps to[].status; see decodeTelnyx.
func telnyxStatus(word string) (status.Status, bool) {
	switch word {
	case "queued", "scheduled":
		return status.Accepted, true
	case "sending", "sent":
		return status.Enroute, true
	case "delivered", "read":
		return status.Delivered, true
	case "delivery_failed":
		return status.Undeliverable, true
	case "sending_failed":
		return status.Rejected, true
	case "expired":
		return status.Expired, true
	case "cancelled":
		return status.Deleted, true
	case "delivery_unconfirmed":
		return status.Unknown, true
	}
	return status.Unknown, false
}

// isTelnyx: JSON with a data object whose event_type starts with
// "message." and whose record_type is "event", or such an event without
// the data envelope (with a payload).
func isTelnyx(s *shape) bool {
	if s.format != "json" {
		return false
	}
	if s.value("record_type") == "event" && strings.HasPrefix(s.value("event_type"), "message.") && s.has("payload") {
		return true
	}
	if !s.has("data") {
		return false
	}
	v := s.value("data")
	if !strings.HasPrefix(v, "{") {
		return false
	}
	var eventType, recordType string
	_ = eachField([]byte(v), 1, DefaultMaxDepth, func(key []byte, jv jsonValue) error {
		switch string(key) {
		case "event_type":
			eventType = jv.text()
		case "record_type":
			recordType = jv.text()
		}
		return nil
	})
	return recordType == "event" && strings.HasPrefix(eventType, "message.")
}
