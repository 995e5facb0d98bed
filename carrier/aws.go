package carrier

import (
	"errors"
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

// decodeAWS reads AWS End User Messaging SMS (formerly Pinpoint SMS and
// Voice v2) text-message events. AWS has no webhook of its own: events go to
// an event destination, and what reaches an HTTP endpoint is one of these
// JSON shapes, all read here:
//
//   - the event record itself
//     (https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-event-format.html);
//   - an EventBridge event, the record in "detail"
//     (https://docs.aws.amazon.com/sms-voice/latest/userguide/monitor-event-bridge.html);
//   - an SNS HTTP notification, the record as the JSON text of "Message"
//     (SNS's signature is not checked here);
//   - a legacy Amazon Pinpoint SMS event stream record, event_type
//     "_SMS.*" with attributes.record_status
//     (https://docs.aws.amazon.com/pinpoint/latest/developerguide/event-streams-data-sms.html);
//   - a JSON array of any of these (one receipt each).
//
// Envelope fields (EventBridge id, time, …; SNS Type, MessageId, TopicArn,
// …) go to Extra as sent.
//
// Record fields:
//
//	messageId                  → MessageID (required)
//	messageStatus, eventType   → Status; RawStatus is messageStatus, else eventType
//	                             (eventType is kept in Extra when messageStatus is the raw status)
//	messageStatusDescription   → ErrorMessage when the status is a failure, else Extra
//	destinationPhoneNumber     → To
//	originationPhoneNumber     → From
//	eventTimestamp             → DoneAt (Unix milliseconds)
//	messageRequestTimestamp    → SubmittedAt (Unix milliseconds)
//	isoCountryCode             → Country
//	carrierName                → Network
//	totalMessageParts          → Segments
//	totalMessagePrice          → Price (exact decimal text; the record names no currency)
//	isFinal, mcc, mnc, totalCarrierFee, messageType, messageEncoding, context,
//	eventVersion and anything else → Extra, and so are the repeats of a mapped field
//
// Status mapping (messageStatus, or eventType without "TEXT_"; the words of
// aws/aws-sdk-go-v2 service/pinpointsmsvoicev2/types/enums.go):
//
//	QUEUED                                    ACCEPTD
//	PENDING, SENT                             ENROUTE
//	SUCCESSFUL, DELIVERED                     DELIVRD (SUCCESSFUL: accepted by the
//	                                          recipient's carrier; AWS uses the two
//	                                          interchangeably depending on the country)
//	UNREACHABLE, CARRIER_UNREACHABLE          UNDELIV
//	INVALID, INVALID_MESSAGE, BLOCKED,
//	CARRIER_BLOCKED, SPAM, PROTECT_BLOCKED    REJECTD
//	TTL_EXPIRED                               EXPIRED
//	UNKNOWN                                   UNKNOWN (AWS sends it after 72 h without a carrier event)
//	other                                     UNKNOWN, reported as an unknown value
//
// Legacy Pinpoint records: attributes.message_id → MessageID,
// attributes.record_status → Status with the table above (plus
// MAX_PRICE_EXCEEDED and OPTED_OUT → REJECTD, assumed [U]); without a
// record_status the event_type decides: _SMS.SEND → ACCEPTD, _SMS.BUFFERED →
// ENROUTE, _SMS.SUCCESS → DELIVRD, _SMS.FAILURE → UNDELIV, _SMS.OPTOUT →
// DELIVRD (the docs: the customer received the message and replied STOP).
// attributes.sender_request_id → ParentID (the send request, shared by its
// recipients); destination/origination_phone_number → To/From;
// iso_country_code → Country; number_of_message_parts → Segments;
// event_timestamp → DoneAt; other attributes → Extra as "attributes.<key>".
//
// Events whose eventType is not a text event (VOICE_*) are ErrNotReceipt.
// MEDIA_* (MMS) events are read with the same words, assumed [U].
func decodeAWS(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		r, err := awsObject(d, index, obj, nil, false)
		if err != nil {
			return err
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// awsObject reads one record, EventBridge event, SNS notification or
// legacy record. inner is true for the record inside an SNS message, which
// is not unwrapped again.
func awsObject(d *decoder, index int, obj []byte, envelope []dlr.Field, inner bool) (dlr.Receipt, error) {
	var detail []byte
	var message string
	var hasMessage, record, legacy bool
	err := d.fields(index, obj, func(key []byte, v jsonValue) error {
		switch k := string(key); {
		case k == "eventType":
			record = true
		case k == "event_type":
			legacy = true
		case k == "detail" && v.kind == jsonObject:
			detail = v.raw
		case k == "Message" && v.kind == jsonString && !inner:
			message, hasMessage = v.text(), true
		}
		return nil
	})
	if err != nil {
		return dlr.Receipt{}, err
	}
	switch {
	case record:
		return awsRecord(d, index, obj, envelope)
	case legacy:
		return awsLegacy(d, index, obj, envelope)
	case detail == nil && !hasMessage:
		return dlr.Receipt{}, d.fail(index, "eventType", ErrNotReceipt)
	}
	// An envelope: keep its other fields for the receipt's Extra.
	_ = d.fields(index, obj, func(key []byte, v jsonValue) error {
		if k := string(key); !(k == "detail" && v.kind == jsonObject) && !(k == "Message" && v.kind == jsonString) {
			envelope = append(envelope, dlr.Field{Key: k, Value: sharedExtra(d, v)})
		}
		return nil
	})
	if detail != nil {
		return awsObject(d, index, detail, envelope, true)
	}
	body := []byte(message)
	if err := validJSON(body, d.p.maxDepth()); err != nil {
		cause := ErrMalformed
		var je *jsonError
		if errors.As(err, &je) {
			cause = je.err
		}
		return dlr.Receipt{}, &ParseError{Provider: d.provider, Index: index, Offset: -1, Field: "Message", Err: cause}
	}
	if len(body) == 0 || body[skipSpace(body, 0)] != '{' {
		return dlr.Receipt{}, d.fail(index, "Message", ErrNotReceipt)
	}
	// The record is a new text: its strings must not be taken from the
	// outer body's shared copy (see decoder.str), so the decoder reads it
	// as its body for the time being.
	outer, shared := d.body, d.shared
	d.body, d.shared = body, ""
	defer func() { d.body, d.shared = outer, shared }()
	return awsObject(d, index, body, envelope, true)
}

// sharedExtra returns v as Extra keeps it (jsonValue.extra), with strings
// taken from the decoder's shared copy of the body where it has one.
func sharedExtra(d *decoder, v jsonValue) string {
	if v.kind == jsonNull {
		return "null"
	}
	return d.str(v)
}

func awsRecord(d *decoder, index int, obj []byte, envelope []dlr.Field) (dlr.Receipt, error) {
	r := d.receipt()
	r.Extra = make([]dlr.Field, 0, 12+len(envelope)) // a documented record has about 10 unmapped fields
	var eventType, desc string
	var once seen
	err := d.fields(index, obj, func(key []byte, v jsonValue) error {
		if i := fieldIndex(string(key), awsFields[:]); i < 0 || !once.first(i) {
			r.Extra = append(r.Extra, dlr.Field{Key: string(key), Value: sharedExtra(d, v)})
			return nil
		}
		switch k := string(key); k {
		case "eventType":
			eventType = d.str(v)
		case "messageStatus":
			r.RawStatus = d.str(v)
		case "messageId":
			r.MessageID = d.str(v)
		case "messageStatusDescription":
			desc = d.str(v)
		case "destinationPhoneNumber":
			r.To = d.str(v)
		case "originationPhoneNumber":
			r.From = d.str(v)
		case "eventTimestamp":
			r.DoneAt = d.when(&r, index, k, d.str(v), timeEpoch)
		case "messageRequestTimestamp":
			r.SubmittedAt = d.when(&r, index, k, d.str(v), timeEpoch)
		case "isoCountryCode":
			r.Country = d.str(v)
		case "carrierName":
			r.Network = d.str(v)
		case "totalMessageParts":
			r.Segments = d.count(&r, index, k, d.str(v))
		case "totalMessagePrice":
			r.Price = d.str(v)
		}
		return nil
	})
	if err != nil {
		return r, err
	}
	kind, word, _ := strings.Cut(eventType, "_")
	if kind != "TEXT" && kind != "MEDIA" {
		return r, d.fail(index, "eventType", ErrNotReceipt)
	}
	if r.RawStatus == "" {
		r.RawStatus = eventType
	} else {
		word = r.RawStatus
		r.Extra = append(r.Extra, dlr.Field{Key: "eventType", Value: eventType})
	}
	if r.MessageID == "" {
		return r, d.fail(index, "messageId", ErrMissingID)
	}
	if word == "" {
		return r, d.fail(index, "messageStatus", ErrMissingStatus)
	}
	s, ok := awsStatus(word)
	if !ok {
		d.unknownValue(index, "messageStatus", r.RawStatus)
	}
	r.Status = s
	awsDescription(&r, "messageStatusDescription", desc)
	r.Extra = append(r.Extra, envelope...)
	return r, nil
}

func awsLegacy(d *decoder, index int, obj []byte, envelope []dlr.Field) (dlr.Receipt, error) {
	r := d.receipt()
	var eventType string
	var once, onceAttr seen
	err := d.fields(index, obj, func(key []byte, v jsonValue) error {
		i := fieldIndex(string(key), awsLegacyFields[:])
		if i == 2 && v.kind != jsonObject {
			i = -1 // attributes that are not an object are kept as sent
		}
		if i < 0 || !once.first(i) {
			r.Extra = append(r.Extra, dlr.Field{Key: string(key), Value: sharedExtra(d, v)})
			return nil
		}
		switch k := string(key); {
		case k == "event_type":
			eventType = d.str(v)
		case k == "event_timestamp":
			r.DoneAt = d.when(&r, index, k, d.str(v), timeEpoch)
		case k == "attributes" && v.kind == jsonObject:
			return d.fields(index, v.raw, func(sub []byte, sv jsonValue) error {
				if i := fieldIndex(string(sub), awsAttributeFields[:]); i < 0 || !onceAttr.first(i) {
					r.Extra = append(r.Extra, dlr.Field{Key: "attributes." + string(sub), Value: sharedExtra(d, sv)})
					return nil
				}
				switch sk := string(sub); sk {
				case "message_id":
					r.MessageID = d.str(sv)
				case "record_status":
					r.RawStatus = d.str(sv)
				case "destination_phone_number":
					r.To = d.str(sv)
				case "origination_phone_number":
					r.From = d.str(sv)
				case "iso_country_code":
					r.Country = d.str(sv)
				case "number_of_message_parts":
					r.Segments = d.count(&r, index, "attributes."+sk, d.str(sv))
				case "sender_request_id":
					r.ParentID = d.str(sv)
				}
				return nil
			})
		}
		return nil
	})
	if err != nil {
		return r, err
	}
	if !strings.HasPrefix(eventType, "_SMS.") {
		return r, d.fail(index, "event_type", ErrNotReceipt)
	}
	if r.MessageID == "" {
		return r, d.fail(index, "attributes.message_id", ErrMissingID)
	}
	var s status.Status
	var ok bool
	if r.RawStatus != "" {
		r.Extra = append(r.Extra, dlr.Field{Key: "event_type", Value: eventType})
		if s, ok = awsStatus(r.RawStatus); !ok {
			d.unknownValue(index, "attributes.record_status", r.RawStatus)
		}
	} else {
		r.RawStatus = eventType
		if s, ok = awsLegacyEvent(eventType); !ok {
			d.unknownValue(index, "event_type", eventType)
		}
	}
	r.Status = s
	r.Extra = append(r.Extra, envelope...)
	return r, nil
}

// The fields awsRecord and awsLegacy map; repeats go to Extra.
var (
	awsFields = [...]string{"eventType", "messageStatus", "messageId", "messageStatusDescription",
		"destinationPhoneNumber", "originationPhoneNumber", "eventTimestamp", "messageRequestTimestamp",
		"isoCountryCode", "carrierName", "totalMessageParts", "totalMessagePrice"}
	awsLegacyFields    = [...]string{"event_type", "event_timestamp", "attributes"}
	awsAttributeFields = [...]string{"message_id", "record_status", "destination_phone_number",
		"origination_phone_number", "iso_country_code", "number_of_message_parts", "sender_request_id"}
)

// awsDescription puts the status description in ErrorMessage for a
// failure and in Extra otherwise.
func awsDescription(r *dlr.Receipt, key, desc string) {
	if desc == "" {
		return
	}
	switch r.Status {
	case status.Accepted, status.Enroute, status.Delivered:
		r.Extra = append(r.Extra, dlr.Field{Key: key, Value: desc})
	default:
		r.ErrorMessage = desc
	}
}

func awsStatus(word string) (status.Status, bool) {
	switch word {
	case "QUEUED":
		return status.Accepted, true
	case "PENDING", "SENT":
		return status.Enroute, true
	case "SUCCESSFUL", "DELIVERED":
		return status.Delivered, true
	case "UNREACHABLE", "CARRIER_UNREACHABLE":
		return status.Undeliverable, true
	case "INVALID", "INVALID_MESSAGE", "BLOCKED", "CARRIER_BLOCKED", "SPAM", "PROTECT_BLOCKED",
		"MAX_PRICE_EXCEEDED", "OPTED_OUT":
		return status.Rejected, true
	case "TTL_EXPIRED":
		return status.Expired, true
	case "UNKNOWN":
		return status.Unknown, true
	}
	return status.Unknown, false
}

func awsLegacyEvent(eventType string) (status.Status, bool) {
	switch eventType {
	case "_SMS.SEND":
		return status.Accepted, true
	case "_SMS.BUFFERED":
		return status.Enroute, true
	case "_SMS.SUCCESS", "_SMS.OPTOUT":
		return status.Delivered, true
	case "_SMS.FAILURE":
		return status.Undeliverable, true
	}
	return status.Unknown, false
}

// AWS: JSON whose eventType is a TEXT_ or MEDIA_ event, an EventBridge
// event from source "aws.sms-voice", a legacy record with event_type
// "_SMS.*", or an SNS notification whose Message holds such a record.
func isAWS(s *shape) bool {
	if s.format != "json" {
		return false
	}
	switch {
	case strings.HasPrefix(s.value("eventType"), "TEXT_"), strings.HasPrefix(s.value("eventType"), "MEDIA_"):
		return true
	case s.value("source") == "aws.sms-voice" && s.has("detail"):
		return true
	case strings.HasPrefix(s.value("event_type"), "_SMS."):
		return true
	case s.value("Type") == "Notification" && s.has("TopicArn"):
		m := s.value("Message")
		return strings.Contains(m, `"eventType"`) && strings.Contains(m, `"TEXT_`) ||
			strings.Contains(m, `"_SMS.`)
	}
	return false
}
