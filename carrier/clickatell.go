package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeClickatell reads a Clickatell status callback, a JSON POST. Three
// shapes are read:
//
//   - the REST API status callback, one object
//     (https://www.clickatell.com/developers/api-documentation/rest-api-status-callback/):
//     integrationName, messageId, requestId, clientMessageId, to, from,
//     statusCode, status, statusDescription, timestamp;
//   - a JSON array of such objects;
//   - the wrapped form {integrationId, integrationName,
//     event: {messageStatusUpdate: [{channel, timestamp, statusCode, status,
//     messageId, clientMessageId}, …]}}, one receipt per update; the
//     envelope's fields are added to every receipt's Extra.
//
// Fields:
//
//	messageId          → MessageID (required)
//	requestId          → ParentID: the send request the message belongs to (assumed;
//	                     the docs say only "ID of request used for delivery")
//	to, from           → To, From
//	statusCode, status → Status (see below); RawStatus is the status word when
//	                     sent, else the code; a failure code is also RawError
//	                     and Error in errcode.Clickatell
//	timestamp          → DoneAt (Unix milliseconds or seconds, or ISO 8601)
//	clientMessageId, statusDescription, channel, integrationName and anything
//	else → Extra, and so are the repeats of a mapped field
//
// Status mapping. The REST (Platform) callback's statusCode is read with the
// Platform table (nyaruka/courier's handler and the reference's §2):
//
//	1  UNKNOWN   message unknown / incorrect id
//	2  ACCEPTD   queued
//	3  ENROUTE   delivered to the upstream gateway
//	4  DELIVRD   received by the recipient
//	5  REJECTD   error with the message (content)
//	6  DELETED   cancelled / terminated
//	7  UNDELIV   error delivering to the handset
//	8  ACCEPTD   received by the gateway
//	9  REJECTD   routing error
//	10 EXPIRED   expired before delivery
//	11 ACCEPTD   delayed, queued for later delivery
//	12 REJECTD   out of credit
//	14 REJECTD   too long / over a limit
//	13, other    UNKNOWN, reported as an unknown value (13 is in no list read)
//
// Clickatell's One API numbers its statuses differently (4 is
// SENT_TO_SUPPLIER, 5 DEVICE_ACK). When the status word is a One API word
// it decides instead: UNKNOWN → UNKNOWN, QUEUED and SCHEDULED → ACCEPTD,
// SENT_TO_SUPPLIER → ENROUTE, DEVICE_ACK and READ → DELIVRD, EXPIRED →
// EXPIRED, STOPPED_BY_USER and STOPPED_BY_ADMIN → DELETED, DELIVERY_FAILURE
// → UNDELIV, INSUFFICIENT_ACCOUNT_BALANCE, VOLUME_LIMIT*,
// RECIPIENT_DOES_NOT_EXIST and ROUTING_ERROR → REJECTD. Other words are
// ignored in favour of the code. The Platform callback's own status words
// are not documented in the pages read [U].
//
// Clickatell can add HTTP Basic authentication to the callback (archived
// docs); there is no body signature.
func decodeClickatell(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	add := func(index int, obj []byte, envelope []dlr.Field) error {
		if len(out) >= d.p.maxBatch() {
			return d.fail(index, "", ErrTooLarge)
		}
		r, err := decodeClickatellItem(d, len(out), obj, envelope)
		if err != nil {
			return err
		}
		out = append(out, r)
		return nil
	}
	err := d.objects(req.body, func(index int, obj []byte) error {
		var updates []byte
		err := d.fields(index, obj, func(key []byte, v jsonValue) error {
			if string(key) == "event" && v.kind == jsonObject {
				return d.fields(index, v.raw, func(k []byte, ev jsonValue) error {
					if string(k) == "messageStatusUpdate" && ev.kind == jsonArray {
						updates = ev.raw
					}
					return nil
				})
			}
			return nil
		})
		if err != nil {
			return err
		}
		if updates == nil {
			return add(index, obj, nil)
		}
		// The wrapped form: the envelope's other fields go to every receipt.
		var envelope []dlr.Field
		_ = d.fields(index, obj, func(key []byte, v jsonValue) error {
			if string(key) == "event" && v.kind == jsonObject {
				return d.fields(index, v.raw, func(k []byte, ev jsonValue) error {
					if string(k) != "messageStatusUpdate" || ev.kind != jsonArray {
						envelope = append(envelope, dlr.Field{Key: "event." + string(k), Value: sharedExtra(d, ev)})
					}
					return nil
				})
			}
			envelope = append(envelope, dlr.Field{Key: string(key), Value: sharedExtra(d, v)})
			return nil
		})
		n := 0
		err = eachElement(updates, 3, d.p.maxDepth(), d.p.maxBatch(), func(i int, v jsonValue) error {
			n++
			if v.kind != jsonObject {
				return d.fail(len(out), "event.messageStatusUpdate", ErrNotReceipt)
			}
			return add(len(out), v.raw, envelope)
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

func decodeClickatellItem(d *decoder, index int, obj []byte, envelope []dlr.Field) (dlr.Receipt, error) {
	r := d.receipt()
	var code, word string
	var once seen
	err := d.fields(index, obj, func(key []byte, v jsonValue) error {
		if i := fieldIndex(string(key), clickatellFields[:]); i < 0 || !once.first(i) {
			r.Extra = append(r.Extra, dlr.Field{Key: string(key), Value: sharedExtra(d, v)})
			return nil
		}
		switch k := string(key); k {
		case "messageId":
			r.MessageID = d.str(v)
		case "requestId":
			r.ParentID = d.str(v)
		case "to":
			r.To = d.str(v)
		case "from":
			r.From = d.str(v)
		case "statusCode":
			code = d.str(v)
		case "status":
			word = d.str(v)
		case "timestamp":
			r.DoneAt = d.when(&r, index, k, d.str(v), timeEpoch|timeISO)
		}
		return nil
	})
	if err != nil {
		return r, err
	}
	if r.MessageID == "" {
		return r, d.fail(index, "messageId", ErrMissingID)
	}
	if code == "" && word == "" {
		return r, d.fail(index, "statusCode", ErrMissingStatus)
	}
	n, numeric := smallInt(code)
	s, oneAPI := clickatellOneAPIStatus(word)
	switch {
	case oneAPI:
		if numeric && n >= 20 {
			r.RawError = code
			r.Error = errcode.Code{Namespace: errcode.Clickatell, Value: uint32(n)}
		}
	case numeric:
		var ok bool
		if s, ok = clickatellStatus(n); !ok {
			d.unknownValue(index, "statusCode", code)
		}
		if s != status.Accepted && s != status.Enroute && s != status.Delivered && ok {
			r.RawError = code
			r.Error = errcode.Code{Namespace: errcode.Clickatell, Value: uint32(n)}
		}
	default:
		s = status.Unknown
		if code != "" {
			d.unknownValue(index, "statusCode", code)
		} else {
			d.unknownValue(index, "status", word)
		}
	}
	r.Status = s
	r.RawStatus = word
	if word == "" {
		r.RawStatus = code
	} else if code != "" && r.RawError == "" {
		r.Extra = append(r.Extra, dlr.Field{Key: "statusCode", Value: code})
	}
	r.Extra = append(r.Extra, envelope...)
	return r, nil
}

// clickatellFields are the fields decodeClickatellItem maps.
var clickatellFields = [...]string{"messageId", "requestId", "to", "from", "statusCode", "status", "timestamp"}

// clickatellStatus maps a Platform (REST callback) statusCode.
func clickatellStatus(code int) (status.Status, bool) {
	switch code {
	case 1:
		return status.Unknown, true
	case 2, 8, 11:
		return status.Accepted, true
	case 3:
		return status.Enroute, true
	case 4:
		return status.Delivered, true
	case 5, 9, 12, 14:
		return status.Rejected, true
	case 6:
		return status.Deleted, true
	case 7:
		return status.Undeliverable, true
	case 10:
		return status.Expired, true
	}
	return status.Unknown, false
}

// clickatellOneAPIStatus maps a One API status word; false for words that
// are not One API's.
func clickatellOneAPIStatus(word string) (status.Status, bool) {
	switch strings.ToUpper(word) {
	case "UNKNOWN":
		return status.Unknown, true
	case "QUEUED", "SCHEDULED":
		return status.Accepted, true
	case "SENT_TO_SUPPLIER":
		return status.Enroute, true
	case "DEVICE_ACK", "READ":
		return status.Delivered, true
	case "EXPIRED":
		return status.Expired, true
	case "STOPPED_BY_USER", "STOPPED_BY_ADMIN":
		return status.Deleted, true
	case "DELIVERY_FAILURE":
		return status.Undeliverable, true
	case "INSUFFICIENT_ACCOUNT_BALANCE", "VOLUME_LIMIT", "VOLUME_LIMIT_DAILY",
		"VOLUME_LIMIT_MONTHLY", "RECIPIENT_DOES_NOT_EXIST", "ROUTING_ERROR":
		return status.Rejected, true
	}
	return status.Unknown, false
}

// Clickatell: JSON with messageId and statusCode, or with an event object
// holding messageStatusUpdate.
func isClickatell(s *shape) bool {
	if s.format != "json" {
		return false
	}
	if s.has("messageId") && s.has("statusCode") {
		return true
	}
	return s.has("event") && strings.Contains(s.value("event"), `"messageStatusUpdate"`)
}
