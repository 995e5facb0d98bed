package carrier

import (
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeClickatell reads a Clickatell status callback (JSON POST). Source:
// clickatell.com/developers/api-documentation/rest-api-status-callback/ for
// the fields; the statusCode meanings are from nyaruka/courier's Clickatell
// handler [S]. Two shapes are read:
//
//   - the REST callback object {integrationName, messageId, requestId,
//     clientMessageId, to, from, statusCode, status, statusDescription,
//     timestamp}, or an array of them;
//
//   - a wrapped event {integrationId, integrationName,
//     event:{messageStatusUpdate:[{channel, timestamp, statusCode, status,
//     messageId, clientMessageId}]}} [S: seen in a third-party DTO], one
//     receipt per update, the outer fields in Extra.
//
//     messageId                → MessageID (required)
//     statusCode               → RawStatus (the code as sent), Status (see below), and
//     Error in errcode.Clickatell (the table describes the codes)
//     status                   → Extra "status" (Clickatell's word for the code)
//     statusDescription        → ErrorMessage when the status is a failure, else Extra
//     to, from                 → To, From
//     timestamp                → DoneAt (epoch milliseconds or seconds, or ISO 8601)
//     anything else            → Extra (integrationName, requestId, clientMessageId, channel, …)
//
// Status mapping (statusCode):
//
//	2 queued, 8 received by gateway, 11 delayed/scheduled      ACCEPTD
//	3 delivered to the upstream gateway                        ENROUTE
//	4 received by recipient                                    DELIVRD
//	7 error delivering                                         UNDELIV
//	5 error with message, 9 routing error, 12 out of credit,
//	14 too long                                                REJECTD
//	10 expired                                                 EXPIRED
//	6 cancelled by user, 13 [U: not listed in the source]      DELETED
//	1 unknown or incorrect message id                          UNKNOWN
func decodeClickatell(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		var event jsonValue
		var outer []dlr.Field
		err := d.fields(index, obj, func(key []byte, v jsonValue) error {
			if string(key) == "event" && event.kind == 0 {
				event = v
			} else {
				outer = append(outer, dlr.Field{Key: string(key), Value: v.extra()})
			}
			return nil
		})
		if err != nil {
			return err
		}
		if event.kind != jsonObject {
			r, err := clickatellUpdate(d, len(out), index, obj)
			if err != nil {
				return err
			}
			out = append(out, r)
			return nil
		}
		var updates jsonValue
		err = d.fields(index, event.raw, func(key []byte, v jsonValue) error {
			if string(key) == "messageStatusUpdate" && updates.kind == 0 {
				updates = v
			} else {
				outer = append(outer, dlr.Field{Key: "event." + string(key), Value: v.extra()})
			}
			return nil
		})
		if err != nil {
			return err
		}
		if updates.kind != jsonArray {
			return d.fail(index, "event.messageStatusUpdate", ErrNotReceipt)
		}
		n := 0
		err = eachElement(updates.raw, 3, d.p.maxDepth(), d.p.maxBatch(), func(_ int, v jsonValue) error {
			n++
			if v.kind != jsonObject {
				return d.fail(index, "event.messageStatusUpdate", ErrNotReceipt)
			}
			if len(out) >= d.p.maxBatch() {
				return d.fail(index, "event.messageStatusUpdate", ErrTooLarge)
			}
			r, err := clickatellUpdate(d, len(out), index, v.raw)
			if err != nil {
				return err
			}
			r.Extra = append(r.Extra, outer...)
			out = append(out, r)
			return nil
		})
		if err != nil {
			return d.fail(index, "event.messageStatusUpdate", err)
		}
		if n == 0 {
			return d.fail(index, "event.messageStatusUpdate", ErrNotReceipt)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// clickatellUpdate reads one status object; at is its position in the
// result, index its position in the body.
func clickatellUpdate(d *decoder, at, index int, obj []byte) (dlr.Receipt, error) {
	r := d.receipt()
	var description string
	var o once
	err := d.fields(index, obj, func(key []byte, v jsonValue) error {
		if !o.firstKey(key) {
			extraField(&r, key, v)
			return nil
		}
		switch k := string(key); k {
		case "messageId":
			r.MessageID = d.str(v)
		case "statusCode":
			r.RawStatus = d.str(v)
		case "statusDescription":
			description = d.str(v)
		case "to":
			r.To = d.str(v)
		case "from":
			r.From = d.str(v)
		case "timestamp":
			r.DoneAt = d.when(&r, at, k, d.str(v), timeEpoch|timeISO)
		default:
			extraField(&r, key, v)
		}
		return nil
	})
	if err != nil {
		return r, err
	}
	switch {
	case r.MessageID == "":
		return r, d.fail(index, "messageId", ErrMissingID)
	case r.RawStatus == "":
		return r, d.fail(index, "statusCode", ErrMissingStatus)
	}
	s, ok := clickatellStatus(r.RawStatus)
	if !ok {
		d.unknownValue(at, "statusCode", r.RawStatus)
	}
	r.Status = s
	if c, ok := errcode.Read(errcode.Clickatell, r.RawStatus); ok {
		r.Error = c
	}
	if description != "" {
		switch s {
		case status.Undeliverable, status.Rejected, status.Expired, status.Unknown:
			r.ErrorMessage = description
		default:
			r.Extra = append(r.Extra, dlr.Field{Key: "statusDescription", Value: description})
		}
	}
	return r, nil
}

// clickatellStatus maps statusCode; see decodeClickatell.
func clickatellStatus(code string) (status.Status, bool) {
	switch code {
	case "2", "8", "11":
		return status.Accepted, true
	case "3":
		return status.Enroute, true
	case "4":
		return status.Delivered, true
	case "7":
		return status.Undeliverable, true
	case "5", "9", "12", "14":
		return status.Rejected, true
	case "10":
		return status.Expired, true
	case "6", "13":
		return status.Deleted, true
	case "1":
		return status.Unknown, true
	}
	return status.Unknown, false
}

// isClickatell: JSON with messageId and a statusCode, or the wrapped
// event with messageStatusUpdate.
func isClickatell(s *shape) bool {
	if s.format != "json" {
		return false
	}
	if s.has("messageId") && s.has("statusCode") {
		return true
	}
	ev := s.value("event")
	return s.has("integrationName") && len(ev) > 0 && ev[0] == '{' && containsKey(ev, "messageStatusUpdate")
}

// containsKey reports whether the JSON text obj has a member named key at
// its top level.
func containsKey(obj, key string) bool {
	found := false
	_ = eachField([]byte(obj), 1, DefaultMaxDepth, func(k []byte, _ jsonValue) error {
		if string(k) == key {
			found = true
		}
		return nil
	})
	return found
}
