package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

// decodeAWS reads AWS End User Messaging SMS (formerly Amazon Pinpoint SMS)
// message events. AWS has no receipt webhook: events go to an event
// destination, and this adapter reads the forms that reach an HTTP endpoint
// or a log: the bare event record (Firehose, CloudWatch Logs), the
// EventBridge envelope (the record in "detail"), an SNS HTTP notification
// (the record as the JSON text of "Message"), and the legacy Amazon Pinpoint
// event stream (_SMS.* events). A JSON array of records is read as a batch.
// Sources: docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-event-format.html
// and monitor-event-bridge.html; event types from aws/aws-sdk-go-v2
// service/pinpointsmsvoicev2/types/enums.go.
//
//	messageId                → MessageID (required)
//	messageStatus, else eventType without "TEXT_" → Status, RawStatus (required; see below)
//	messageStatusDescription → ErrorMessage when the status is a failure, else Extra
//	destinationPhoneNumber   → To; originationPhoneNumber → From
//	eventTimestamp           → DoneAt; messageRequestTimestamp → SubmittedAt (epoch ms)
//	isoCountryCode           → Country
//	carrierName, else mcc+mnc → Network
//	totalMessageParts        → Segments
//	totalMessagePrice        → Price (exact text; AWS bills in USD and does not say so)
//	anything else            → Extra (eventType, eventVersion, isFinal, messageType, context,
//	                           totalCarrierFee, …; envelope fields as "envelope.<key>")
//
// Status mapping (messageStatus; eventType is the same word with "TEXT_"):
//
//	QUEUED                   ACCEPTD
//	PENDING, SENT            ENROUTE
//	SUCCESSFUL, DELIVERED    DELIVRD (SUCCESSFUL: accepted by the recipient's carrier,
//	                         which AWS uses in place of DELIVERED in some countries)
//	UNREACHABLE, CARRIER_UNREACHABLE                  UNDELIV
//	INVALID, INVALID_MESSAGE, BLOCKED, CARRIER_BLOCKED, SPAM, PROTECT_BLOCKED,
//	MAX_PRICE_EXCEEDED, OPTED_OUT                     REJECTD
//	TTL_EXPIRED              EXPIRED
//	UNKNOWN                  UNKNOWN (AWS sends it after 72 h without a carrier event)
//
// Legacy Pinpoint events [U: only the start of that page was read]:
// attributes.message_id → MessageID, attributes.record_status → Status by
// the table above, attributes.destination_phone_number → To,
// attributes.origination_phone_number → From, event_timestamp → DoneAt,
// attributes.number_of_message_parts → Segments, other attributes →
// Extra "attributes.<key>", other fields → Extra. AWS events carry no error
// code, so RawError stays empty.
func decodeAWS(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		r, err := awsObject(d, index, obj, nil, 0)
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

// awsObject reads one record, unwrapping an EventBridge or SNS envelope
// (at most two levels); envelope holds the outer fields for Extra.
func awsObject(d *decoder, index int, obj []byte, envelope []dlr.Field, level int) (dlr.Receipt, error) {
	var detail, message jsonValue
	var isPinpoint bool
	var outer []dlr.Field
	err := d.fields(index, obj, func(key []byte, v jsonValue) error {
		switch k := string(key); k {
		case "detail":
			if detail.kind == 0 {
				detail = v
			}
		case "Message":
			if message.kind == 0 {
				message = v
			}
		case "event_type":
			isPinpoint = isPinpoint || strings.HasPrefix(v.text(), "_SMS.")
		}
		outer = append(outer, dlr.Field{Key: "envelope." + string(key), Value: v.extra()})
		return nil
	})
	if err != nil {
		return dlr.Receipt{}, err
	}
	if level < 2 {
		if detail.kind == jsonObject {
			return awsObject(d, index, detail.raw, dropKey(outer, "envelope.detail"), level+1)
		}
		if message.kind == jsonString {
			inner := []byte(message.text())
			if err := validJSON(inner, d.p.maxDepth()); err != nil {
				return dlr.Receipt{}, d.fail(index, "Message", ErrMalformed)
			}
			if i := skipSpace(inner, 0); i < len(inner) && inner[i] == '{' {
				saved := d.body
				d.body = inner
				r, err := awsObject(d, index, inner, dropKey(outer, "envelope.Message"), level+1)
				d.body = saved
				return r, err
			}
			return dlr.Receipt{}, d.fail(index, "Message", ErrNotReceipt)
		}
	}
	r := d.receipt()
	var mcc, mnc, carrier, event string
	set := func(key string, v jsonValue) {
		switch key {
		case "messageId", "attributes.message_id":
			r.MessageID = v.text()
		case "messageStatus", "attributes.record_status":
			r.RawStatus = v.text()
		case "eventType":
			event = v.text()
			extraField(&r, []byte(key), v)
		case "destinationPhoneNumber", "attributes.destination_phone_number":
			r.To = v.text()
		case "originationPhoneNumber", "attributes.origination_phone_number":
			r.From = v.text()
		case "eventTimestamp", "event_timestamp":
			r.DoneAt = d.when(&r, index, key, v.text(), timeEpoch)
		case "messageRequestTimestamp":
			r.SubmittedAt = d.when(&r, index, key, v.text(), timeEpoch)
		case "isoCountryCode", "attributes.iso_country_code":
			r.Country = v.text()
		case "carrierName":
			carrier = v.text()
		case "mcc":
			mcc = v.text()
		case "mnc":
			mnc = v.text()
		case "totalMessageParts", "attributes.number_of_message_parts":
			r.Segments = d.count(&r, index, key, v.text())
		case "totalMessagePrice":
			r.Price = v.text()
		default:
			extraField(&r, []byte(key), v)
		}
	}
	var o, oa once
	err = d.fields(index, obj, func(key []byte, v jsonValue) error {
		if !o.firstKey(key) {
			extraField(&r, key, v)
			return nil
		}
		k := string(key)
		if isPinpoint && k == "attributes" && v.kind == jsonObject {
			return d.fields(index, v.raw, func(sub []byte, sv jsonValue) error {
				if !oa.firstKey(sub) {
					r.Extra = append(r.Extra, dlr.Field{Key: "attributes." + string(sub), Value: sv.extra()})
					return nil
				}
				set("attributes."+string(sub), sv)
				return nil
			})
		}
		set(k, v)
		return nil
	})
	if err != nil {
		return r, err
	}
	if r.RawStatus == "" && strings.HasPrefix(event, "TEXT_") {
		r.RawStatus = event[len("TEXT_"):]
	}
	switch {
	case r.MessageID == "":
		if r.RawStatus == "" && event == "" && !isPinpoint {
			return r, d.fail(index, "eventType", ErrNotReceipt)
		}
		return r, d.fail(index, "messageId", ErrMissingID)
	case r.RawStatus == "":
		return r, d.fail(index, "messageStatus", ErrMissingStatus)
	}
	if carrier != "" {
		r.Network = carrier
		if mcc != "" || mnc != "" {
			r.Extra = append(r.Extra, dlr.Field{Key: "mcc", Value: mcc}, dlr.Field{Key: "mnc", Value: mnc})
		}
	} else {
		r.Network = mcc + mnc
	}
	s, ok := awsStatus(r.RawStatus)
	if !ok {
		d.unknownValue(index, "messageStatus", r.RawStatus)
	}
	r.Status = s
	if desc, ok := r.ExtraValue("messageStatusDescription"); ok && s != status.Delivered && s != status.Accepted && s != status.Enroute {
		r.ErrorMessage = desc
		r.Extra = dropKey(r.Extra, "messageStatusDescription")
	}
	r.Extra = append(r.Extra, envelope...)
	return r, nil
}

// dropKey returns fields without the first one named key (a repeat of a
// mapped field stays).
func dropKey(fields []dlr.Field, key string) []dlr.Field {
	out := fields[:0:0]
	dropped := false
	for _, f := range fields {
		if f.Key == key && !dropped {
			dropped = true
			continue
		}
		out = append(out, f)
	}
	return out
}

// awsStatus maps messageStatus (or record_status); see decodeAWS.
func awsStatus(word string) (status.Status, bool) {
	switch strings.ToUpper(word) {
	case "QUEUED":
		return status.Accepted, true
	case "PENDING", "SENT", "BUFFERED":
		return status.Enroute, true
	case "SUCCESSFUL", "DELIVERED":
		return status.Delivered, true
	case "UNREACHABLE", "CARRIER_UNREACHABLE":
		return status.Undeliverable, true
	case "INVALID", "INVALID_MESSAGE", "BLOCKED", "CARRIER_BLOCKED", "SPAM", "PROTECT_BLOCKED", "MAX_PRICE_EXCEEDED", "OPTED_OUT":
		return status.Rejected, true
	case "TTL_EXPIRED":
		return status.Expired, true
	case "UNKNOWN":
		return status.Unknown, true
	}
	return status.Unknown, false
}

// isAWS: an event record (eventType "TEXT_*"), an EventBridge event from
// source "aws.sms-voice", an SNS notification whose Message holds such a
// record, or a legacy Pinpoint "_SMS.*" event.
func isAWS(s *shape) bool {
	if s.format != "json" {
		return false
	}
	switch {
	case strings.HasPrefix(s.value("eventType"), "TEXT_") && s.has("messageId"):
		return true
	case s.value("source") == "aws.sms-voice" && s.has("detail"):
		return true
	case strings.HasPrefix(s.value("event_type"), "_SMS."):
		return true
	case s.value("Type") == "Notification" && s.has("TopicArn"):
		m := s.value("Message")
		return strings.Contains(m, `"eventType"`) && strings.Contains(m, `"TEXT_`)
	}
	return false
}
