package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeInfobip reads an Infobip SMS delivery report: a JSON POST of
// {"results":[…]} to the message's notifyUrl or a subscription, up to 100
// reports per request by default. Sources: infobip.com/docs/api/channels/sms
// ("Receive outbound SMS message report"), infobip.com/docs/essentials/
// response-status-and-error-codes, and infobip/infobip-api-java-client
// (SmsApiTest.java, MessageGeneralStatus.java). One receipt per result:
//
//	messageId                → MessageID (required)
//	bulkId                   → ParentID (the request's id when several messages were sent)
//	status.groupName         → Status, RawStatus (required; see below)
//	status.name, .id, .groupId, .description → Extra "status.<key>"
//	error.id                 → RawError, Error in errcode.Infobip (0 is NO_ERROR)
//	error.description        → ErrorMessage, when error.id is not 0
//	error.name, .groupName, .groupId, .permanent → Extra "error.<key>"
//	to, from (or sender)     → To, From
//	sentAt, doneAt           → SubmittedAt, DoneAt (yyyy-MM-dd'T'HH:mm:ss.SSS+0000)
//	smsCount or messageCount → Segments
//	mccMnc                   → Network
//	price.pricePerMessage, price.currency → Price (exact text, per message), Currency
//	anything else            → Extra (callbackData, entityId, applicationId, …; an object such as
//	                           platform stays one field holding its JSON text)
//
// Status mapping, on the status group (case-insensitive):
//
//	ACCEPTED                 ACCEPTD
//	PENDING                  ENROUTE
//	DELIVERED                DELIVRD
//	UNDELIVERABLE            UNDELIV
//	REJECTED                 REJECTD
//	EXPIRED                  EXPIRED
//
// Only the no-error row of Infobip's error ids is in errcode.Infobip; the
// report itself says whether an error is permanent (error.permanent, kept
// in Extra). A report without a status object (some test payloads carry
// only groupName) is read the same way.
func decodeInfobip(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var results jsonValue
	var top []dlr.Field
	err := d.objects(req.body, func(index int, obj []byte) error {
		if index > 0 {
			return d.fail(index, "", ErrNotReceipt)
		}
		return d.fields(index, obj, func(key []byte, v jsonValue) error {
			if string(key) == "results" && results.kind == 0 {
				results = v
			} else {
				top = append(top, dlr.Field{Key: string(key), Value: v.extra()})
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	if results.kind != jsonArray {
		return nil, d.fail(0, "results", ErrNotReceipt)
	}
	var out []dlr.Receipt
	n := 0
	err = eachElement(results.raw, 2, d.p.maxDepth(), d.p.maxBatch(), func(index int, v jsonValue) error {
		n++
		if v.kind != jsonObject {
			return d.fail(index, "results", ErrNotReceipt)
		}
		r, err := infobipResult(d, index, v.raw)
		if err != nil {
			return err
		}
		r.Extra = append(r.Extra, top...)
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, d.fail(0, "results", err)
	}
	if n == 0 {
		return nil, d.fail(0, "results", ErrNotReceipt)
	}
	return out, nil
}

func infobipResult(d *decoder, index int, obj []byte) (dlr.Receipt, error) {
	r := d.receipt()
	var errID, errDesc string
	var o once
	err := d.fields(index, obj, func(key []byte, v jsonValue) error {
		if !o.firstKey(key) {
			extraField(&r, key, v)
			return nil
		}
		switch k := string(key); k {
		case "messageId":
			r.MessageID = d.str(v)
		case "bulkId":
			r.ParentID = d.str(v)
		case "to":
			r.To = d.str(v)
		case "from", "sender":
			r.From = d.str(v)
		case "sentAt":
			r.SubmittedAt = d.when(&r, index, k, d.str(v), timeISO)
		case "doneAt":
			r.DoneAt = d.when(&r, index, k, d.str(v), timeISO)
		case "smsCount", "messageCount":
			r.Segments = d.count(&r, index, k, d.str(v))
		case "mccMnc":
			r.Network = d.str(v)
		case "status", "error", "price":
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
				switch name := k + "." + string(sub); name {
				case "status.groupName":
					r.RawStatus = d.str(sv)
				case "error.id":
					errID = d.str(sv)
				case "error.description":
					errDesc = d.str(sv)
				case "price.pricePerMessage":
					r.Price = d.str(sv)
				case "price.currency":
					r.Currency = d.str(sv)
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
		return r, err
	}
	switch {
	case r.MessageID == "":
		return r, d.fail(index, "messageId", ErrMissingID)
	case r.RawStatus == "":
		return r, d.fail(index, "status.groupName", ErrMissingStatus)
	}
	s, ok := infobipStatus(r.RawStatus)
	if !ok {
		d.unknownValue(index, "status.groupName", r.RawStatus)
	}
	r.Status = s
	if errID != "" {
		r.RawError = errID
		if c, ok := errcode.Read(errcode.Infobip, errID); ok {
			r.Error = c
			if c.Value != 0 {
				r.ErrorMessage = errDesc
			}
		} else {
			d.unknownValue(index, "error.id", errID)
		}
	}
	if errDesc != "" && r.ErrorMessage == "" {
		r.Extra = append(r.Extra, dlr.Field{Key: "error.description", Value: errDesc})
	}
	return r, nil
}

// infobipStatus maps status.groupName; see decodeInfobip.
func infobipStatus(word string) (status.Status, bool) {
	switch strings.ToUpper(word) {
	case "ACCEPTED":
		return status.Accepted, true
	case "PENDING":
		return status.Enroute, true
	case "DELIVERED":
		return status.Delivered, true
	case "UNDELIVERABLE":
		return status.Undeliverable, true
	case "REJECTED":
		return status.Rejected, true
	case "EXPIRED":
		return status.Expired, true
	}
	return status.Unknown, false
}

// isInfobip: a JSON object whose "results" array holds objects with
// messageId and a status object.
func isInfobip(s *shape) bool {
	if s.format != "json" || !s.has("results") {
		return false
	}
	v := s.value("results")
	return strings.HasPrefix(v, "[") && strings.Contains(v, `"messageId"`) && strings.Contains(v, `"status"`)
}
