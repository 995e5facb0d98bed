package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeSinch reads a Sinch SMS REST API delivery-report callback (JSON POST
// to the batch's callback_url). Sources: Sinch SMS REST docs ("Retrieve a
// delivery report", "Retrieve a recipient delivery report", "Delivery Report
// Statuses" and "Error Codes"), sinch/sinch-sdk-java test resources
// domains/sms/v1/deliveryreports, DeliveryStatus.java and
// DeliveryReceiptStatusCode.java. Two kinds, told apart by type:
//
// recipient_delivery_report_sms (and _mms): one recipient, one receipt.
//
//	batch_id                 → MessageID and ParentID (the id the send response gave;
//	                           a batch may have many recipients) (required)
//	recipient                → To
//	status                   → Status, RawStatus (required; see below)
//	code                     → RawError, Error in errcode.Sinch (400–418 Sinch's own,
//	                           others SMPP error codes; 0 with Delivered)
//	status_message           → ErrorMessage
//	operator_status_at       → DoneAt (the SMSC receipt's time); at (the report's time) → Extra
//	operator                 → Network
//	applied_originator       → From
//	number_of_message_parts  → Segments
//	anything else            → Extra (client_reference, encoding, at, type, …)
//
// delivery_report_sms (and _mms), summary or full: statuses[] buckets of
// {code, status, count, recipients[]}. A full report gives one receipt per
// recipient of each bucket; a summary report (no recipients) one receipt per
// bucket with To empty and Extra "count". Each has MessageID and ParentID
// set to batch_id and the report's other members (type, total_message_count,
// client_reference) in Extra.
//
// Status mapping (case-insensitive; an SDK test sends "DELIVERED"):
//
//	Queued                   ACCEPTD
//	Dispatched               ENROUTE
//	Delivered                DELIVRD
//	Failed                   UNDELIV
//	Rejected                 REJECTD (the SMSC refused it)
//	Aborted                  REJECTD (failed inside Sinch before reaching the SMSC)
//	Expired                  EXPIRED
//	Cancelled, Deleted       DELETED
//	Unknown                  UNKNOWN (delivered to the SMSC, no readable receipt)
//
// Assumed [U]: the per_recipient_final and summary/full report kinds share
// these shapes; only the ones above were seen.
func decodeSinch(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		var typ string
		var statuses jsonValue
		_ = d.fields(index, obj, func(key []byte, v jsonValue) error {
			switch string(key) {
			case "type":
				if typ == "" {
					typ = d.str(v)
				}
			case "statuses":
				if statuses.kind == 0 {
					statuses = v
				}
			}
			return nil
		})
		switch typ {
		case "recipient_delivery_report_sms", "recipient_delivery_report_mms":
			r, err := sinchRecipient(d, index, obj)
			if err != nil {
				return err
			}
			out = append(out, r)
			return nil
		case "delivery_report_sms", "delivery_report_mms":
			rs, err := sinchBatch(d, index, obj, statuses, len(out))
			if err != nil {
				return err
			}
			if len(out)+len(rs) > d.p.maxBatch() {
				return d.fail(index, "statuses", ErrTooLarge)
			}
			out = append(out, rs...)
			return nil
		case "":
			return d.fail(index, "type", ErrNotReceipt)
		}
		return d.fail(index, "type", ErrNotReceipt)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func sinchRecipient(d *decoder, index int, obj []byte) (dlr.Receipt, error) {
	r := d.receipt()
	var o once
	err := d.fields(index, obj, func(key []byte, v jsonValue) error {
		if !o.firstKey(key) {
			extraField(&r, key, v)
			return nil
		}
		switch k := string(key); k {
		case "batch_id":
			r.MessageID = d.str(v)
			r.ParentID = r.MessageID
		case "recipient":
			r.To = d.str(v)
		case "status":
			r.RawStatus = d.str(v)
		case "code":
			r.RawError = d.str(v)
		case "status_message":
			r.ErrorMessage = d.str(v)
		case "operator_status_at":
			r.DoneAt = d.when(&r, index, k, d.str(v), timeISO)
		case "operator":
			r.Network = d.str(v)
		case "applied_originator":
			r.From = d.str(v)
		case "number_of_message_parts":
			r.Segments = d.count(&r, index, k, d.str(v))
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
		return r, d.fail(index, "batch_id", ErrMissingID)
	case r.RawStatus == "":
		return r, d.fail(index, "status", ErrMissingStatus)
	}
	sinchFinish(d, index, &r)
	return r, nil
}

func sinchFinish(d *decoder, index int, r *dlr.Receipt) {
	s, ok := sinchStatus(r.RawStatus)
	if !ok {
		d.unknownValue(index, "status", r.RawStatus)
	}
	r.Status = s
	if r.RawError != "" {
		if c, ok := errcode.Read(errcode.Sinch, r.RawError); ok {
			r.Error = c
		} else {
			d.unknownValue(index, "code", r.RawError)
		}
	}
}

// sinchBatch expands a summary or full report; first is the index the
// first receipt will have in the result.
func sinchBatch(d *decoder, index int, obj []byte, statuses jsonValue, first int) ([]dlr.Receipt, error) {
	var batchID string
	var common []dlr.Field
	var o once
	err := d.fields(index, obj, func(key []byte, v jsonValue) error {
		if !o.firstKey(key) {
			common = append(common, dlr.Field{Key: string(key), Value: v.extra()})
			return nil
		}
		switch string(key) {
		case "batch_id":
			batchID = d.str(v)
		case "statuses":
		default:
			common = append(common, dlr.Field{Key: string(key), Value: v.extra()})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if batchID == "" {
		return nil, d.fail(index, "batch_id", ErrMissingID)
	}
	if statuses.kind != jsonArray {
		return nil, d.fail(index, "statuses", ErrMissingStatus)
	}
	var out []dlr.Receipt
	err = eachElement(statuses.raw, 2, d.p.maxDepth(), d.p.maxBatch(), func(_ int, b jsonValue) error {
		if b.kind != jsonObject {
			return d.fail(index, "statuses", ErrMalformed)
		}
		tmpl := d.receipt()
		tmpl.MessageID, tmpl.ParentID = batchID, batchID
		var recipients []string
		var hasRecipients bool
		var ob once
		err := d.fields(index, b.raw, func(key []byte, v jsonValue) error {
			if !ob.firstKey(key) {
				extraField(&tmpl, key, v)
				return nil
			}
			switch k := string(key); k {
			case "status":
				tmpl.RawStatus = d.str(v)
			case "code":
				tmpl.RawError = d.str(v)
			case "recipients":
				if v.kind != jsonArray {
					extraField(&tmpl, key, v)
					return nil
				}
				hasRecipients = true
				err := eachElement(v.raw, 3, d.p.maxDepth(), d.p.maxBatch(), func(_ int, rv jsonValue) error {
					recipients = append(recipients, d.str(rv))
					return nil
				})
				if err != nil {
					return d.fail(index, "statuses", err)
				}
				return nil
			default:
				extraField(&tmpl, key, v)
			}
			return nil
		})
		if err != nil {
			return d.fail(index, "statuses", err)
		}
		if tmpl.RawStatus == "" {
			return d.fail(index, "statuses.status", ErrMissingStatus)
		}
		tmpl.Extra = append(tmpl.Extra, common...)
		if !hasRecipients {
			sinchFinish(d, first+len(out), &tmpl)
			out = append(out, tmpl)
			return nil
		}
		for _, to := range recipients {
			r := tmpl
			r.To = to
			r.Extra = append([]dlr.Field(nil), tmpl.Extra...)
			sinchFinish(d, first+len(out), &r)
			out = append(out, r)
			if len(out) > d.p.maxBatch() {
				return d.fail(index, "statuses", ErrTooLarge)
			}
		}
		return nil
	})
	if err != nil {
		return nil, d.fail(index, "statuses", err)
	}
	if len(out) == 0 {
		// No bucket, or buckets with empty recipient lists: nothing is reported.
		return nil, d.fail(index, "statuses", ErrMissingStatus)
	}
	return out, nil
}

// sinchStatus maps status; see decodeSinch.
func sinchStatus(word string) (status.Status, bool) {
	switch strings.ToLower(word) {
	case "queued":
		return status.Accepted, true
	case "dispatched":
		return status.Enroute, true
	case "delivered":
		return status.Delivered, true
	case "failed":
		return status.Undeliverable, true
	case "rejected", "aborted":
		return status.Rejected, true
	case "expired":
		return status.Expired, true
	case "cancelled", "deleted":
		return status.Deleted, true
	case "unknown":
		return status.Unknown, true
	}
	return status.Unknown, false
}

// isSinch: JSON whose type is a Sinch delivery-report type.
func isSinch(s *shape) bool {
	if s.format != "json" {
		return false
	}
	switch s.value("type") {
	case "delivery_report_sms", "delivery_report_mms", "recipient_delivery_report_sms", "recipient_delivery_report_mms":
		return true
	}
	return false
}
