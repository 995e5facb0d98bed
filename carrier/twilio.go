package carrier

import (
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeTwilio reads a Twilio Programmable Messaging status callback: a form
// POST to the message's StatusCallback URL (a GET query is read the same
// way). Sources: twilio.com/docs/messaging/guides/track-outbound-message-status,
// the MessageEnumStatus list of Twilio's OpenAPI description, and the
// RawDlrDoneDate changelog entry of 2023-02-14.
//
//	MessageSid (or SmsSid)           → MessageID (required)
//	MessageStatus (or SmsStatus)     → Status, RawStatus (required; see below)
//	ErrorCode                        → RawError, Error in errcode.Twilio
//	ErrorMessage                     → ErrorMessage
//	To, From                         → To, From
//	RawDlrDoneDate                   → DoneAt; the carrier receipt's YYMMDDhhmm with no zone (Twilio: the
//	                                   offset varies by carrier), read in Parser.SMPP.Location, else Parser.Location
//	NumSegments                      → Segments
//	anything else                    → Extra (AccountSid, ApiVersion, MessagingServiceSid, SmsSid, SmsStatus, …)
//
// Status mapping (MessageStatus):
//
//	queued, accepted, scheduled      ACCEPTD
//	sending, sent                    ENROUTE
//	delivered, read                  DELIVRD (RawStatus keeps "read")
//	undelivered                      UNDELIV  the carrier reported non-delivery
//	failed                           REJECTD  Twilio could not send it
//	canceled                         DELETED
//	partially_delivered              UNKNOWN  a multi-recipient state with no per-recipient detail
//	receiving, received              ErrNotReceipt: an inbound message, not a receipt
//
// Twilio documents no price or segment count in the callback [U]; when
// NumSegments is present it is read. Twilio adds parameters without notice:
// they all land in Extra.
func decodeTwilio(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format == dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	r := d.receipt()
	var smsSid, smsStatus string
	var o once
	for _, f := range req.pairs {
		if !o.firstName(f.key) {
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
			continue
		}
		switch f.key {
		case "MessageSid":
			r.MessageID = f.value
		case "SmsSid":
			smsSid = f.value
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
		case "MessageStatus":
			r.RawStatus = f.value
		case "SmsStatus":
			smsStatus = f.value
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
		case "ErrorCode":
			r.RawError = f.value
		case "ErrorMessage":
			r.ErrorMessage = f.value
		case "To":
			r.To = f.value
		case "From":
			r.From = f.value
		case "RawDlrDoneDate":
			r.DoneAt = d.smppWhen(&r, 0, f.key, f.value)
		case "NumSegments":
			r.Segments = d.count(&r, 0, f.key, f.value)
		default:
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
		}
	}
	if r.MessageID == "" {
		r.MessageID = smsSid
	}
	if r.RawStatus == "" {
		r.RawStatus = smsStatus
	}
	switch {
	case r.MessageID == "":
		return nil, d.fail(0, "MessageSid", ErrMissingID)
	case r.RawStatus == "":
		return nil, d.fail(0, "MessageStatus", ErrMissingStatus)
	case r.RawStatus == "receiving" || r.RawStatus == "received":
		return nil, d.fail(0, "MessageStatus", ErrNotReceipt)
	}
	s, ok := twilioStatus(r.RawStatus)
	if !ok {
		d.unknownValue(0, "MessageStatus", r.RawStatus)
	}
	r.Status = s
	if r.RawError != "" {
		if c, ok := errcode.Read(errcode.Twilio, r.RawError); ok {
			r.Error = c
		} else {
			d.unknownValue(0, "ErrorCode", r.RawError)
		}
	}
	return []dlr.Receipt{r}, nil
}

// twilioStatus maps MessageStatus; see decodeTwilio.
func twilioStatus(word string) (status.Status, bool) {
	switch word {
	case "queued", "accepted", "scheduled":
		return status.Accepted, true
	case "sending", "sent":
		return status.Enroute, true
	case "delivered", "read":
		return status.Delivered, true
	case "undelivered":
		return status.Undeliverable, true
	case "failed":
		return status.Rejected, true
	case "canceled":
		return status.Deleted, true
	case "partially_delivered":
		return status.Unknown, true
	}
	return status.Unknown, false
}

// isTwilio: a form or query with MessageSid (or SmsSid) and MessageStatus
// (or SmsStatus); the names are Twilio's own.
func isTwilio(s *shape) bool {
	return s.format != "json" && (s.has("MessageSid") || s.has("SmsSid")) &&
		(s.has("MessageStatus") || s.has("SmsStatus"))
}
