package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeBandwidth reads Bandwidth Messaging v2 callbacks: a JSON POST of an
// array of events (a single object is accepted too). Sources:
// Bandwidth/api-docs site/docs/messaging/webhooks.mdx and errors.mdx, and
// the StatusCallbackTypeEnum and Callback models of Bandwidth/node-sdk
// (message-read, eventTime, carrierName). Each
// event is about one recipient, so one receipt per array element:
//
//	message.id               → MessageID (required); also ParentID when message.to lists
//	                           several recipients (group messages get one callback each)
//	type                     → RawStatus and Status (required; see below)
//	errorCode                → RawError, Error in errcode.Bandwidth
//	description              → ErrorMessage for message-failed, else Extra
//	to                       → To: the recipient this event is about
//	carrierName              → Network (the messaging provider that handled it, when enabled)
//	message.from             → From
//	time                     → DoneAt; message.time → SubmittedAt
//	message.segmentCount     → Segments
//	anything else            → Extra (message.owner, message.applicationId, message.direction,
//	                           message.to, message.tag, message.media, message.text, …)
//
// message-received (and other inbound events, message.direction "in") are
// ErrNotReceipt.
//
// Status mapping (type, then errorCode for message-failed), after the
// code's digits (errors.mdx): the first digit is 4 client, 5 server, 9
// ambiguous; the second 1/3/4 Bandwidth-rejected, 7 carrier-rejected.
//
//	message-sending          ENROUTE (MMS with receipts enabled only)
//	message-delivered        DELIVRD (for SMS without a handset receipt: handed to the carrier)
//	message-read             DELIVRD (RBM read receipt; RawStatus keeps it; eventTime in Extra)
//	message-failed 4360      EXPIRED (expiration date passed before sending)
//	message-failed 4701, 4702 UNDELIV (destination or subscriber unavailable)
//	message-failed other 4xxx REJECTD
//	message-failed 5xxx      UNDELIV
//	message-failed 9902      UNKNOWN (timed out waiting for a receipt: not proof of non-delivery)
//	message-failed 9999, none UNDELIV
func decodeBandwidth(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		r := d.receipt()
		var description, direction string
		var recipients int
		var o, om once
		err := d.fields(index, obj, func(key []byte, v jsonValue) error {
			if !o.firstKey(key) {
				extraField(&r, key, v)
				return nil
			}
			switch k := string(key); k {
			case "type":
				r.RawStatus = d.str(v)
			case "errorCode":
				r.RawError = d.str(v)
			case "description":
				description = d.str(v)
			case "to":
				r.To = d.str(v)
			case "carrierName":
				r.Network = d.str(v)
			case "time":
				r.DoneAt = d.when(&r, index, k, d.str(v), timeISO)
			case "message":
				if v.kind != jsonObject {
					extraField(&r, key, v)
					return nil
				}
				return d.fields(index, v.raw, func(sub []byte, sv jsonValue) error {
					if !om.firstKey(sub) {
						r.Extra = append(r.Extra, dlr.Field{Key: "message." + string(sub), Value: sv.extra()})
						return nil
					}
					switch name := "message." + string(sub); name {
					case "message.id":
						r.MessageID = d.str(sv)
					case "message.from":
						r.From = d.str(sv)
					case "message.time":
						r.SubmittedAt = d.when(&r, index, name, d.str(sv), timeISO)
					case "message.segmentCount":
						r.Segments = d.count(&r, index, name, d.str(sv))
					case "message.direction":
						direction = d.str(sv)
						r.Extra = append(r.Extra, dlr.Field{Key: name, Value: sv.extra()})
					case "message.to":
						if sv.kind == jsonArray {
							_ = eachElement(sv.raw, 3, d.p.maxDepth(), d.p.maxBatch(), func(int, jsonValue) error {
								recipients++
								return nil
							})
						}
						r.Extra = append(r.Extra, dlr.Field{Key: name, Value: sv.extra()})
					default:
						r.Extra = append(r.Extra, dlr.Field{Key: name, Value: sv.extra()})
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
		switch {
		case r.RawStatus == "":
			return d.fail(index, "type", ErrMissingStatus)
		case direction == "in" || r.RawStatus == "message-received":
			return d.fail(index, "type", ErrNotReceipt)
		case r.MessageID == "":
			return d.fail(index, "message.id", ErrMissingID)
		}
		if recipients > 1 {
			r.ParentID = r.MessageID
		}
		s, ok := bandwidthStatus(r.RawStatus, r.RawError)
		if !ok {
			d.unknownValue(index, "type", r.RawStatus)
		}
		r.Status = s
		if description != "" {
			if r.RawStatus == "message-failed" {
				r.ErrorMessage = description
			} else {
				r.Extra = append(r.Extra, dlr.Field{Key: "description", Value: description})
			}
		}
		if r.RawError != "" {
			if c, ok := errcode.Read(errcode.Bandwidth, r.RawError); ok {
				r.Error = c
			} else {
				d.unknownValue(index, "errorCode", r.RawError)
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

// bandwidthStatus maps type and errorCode; see decodeBandwidth.
func bandwidthStatus(typ, code string) (status.Status, bool) {
	switch typ {
	case "message-sending":
		return status.Enroute, true
	case "message-delivered", "message-read":
		return status.Delivered, true
	case "message-failed":
	default:
		return status.Unknown, false
	}
	switch {
	case code == "4360":
		return status.Expired, true
	case code == "4701" || code == "4702":
		return status.Undeliverable, true
	case code == "9902":
		return status.Unknown, true
	case len(code) == 4 && code[0] == '4':
		return status.Rejected, true
	}
	return status.Undeliverable, true
}

// isBandwidth: JSON (an array, as Bandwidth always sends) whose first
// event has a "message-*" type and a message object.
func isBandwidth(s *shape) bool {
	return s.format == "json" && strings.HasPrefix(s.value("type"), "message-") &&
		strings.HasPrefix(s.value("message"), "{")
}
