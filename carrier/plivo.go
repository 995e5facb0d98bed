package carrier

import (
	"strconv"
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodePlivo reads a Plivo message status callback: a form POST (or a GET
// query when the message was sent with method=GET) to the message's url.
// Source: plivo.com/docs/messaging/api/message/message-status-callbacks.
// Parameter names are matched case-insensitively (Plivo has sent both
// Status and status). Plivo calls back once per part of a long message:
//
//	MessageUUID              → MessageID: this part's id (required)
//	ParentMessageUUID        → ParentID, when the message has several parts or the
//	                           parent differs from MessageUUID (the id the send API returned)
//	PartInfo ("2 of 3")      → Part, when there are several parts; the text also stays in Extra
//	Status                   → Status, RawStatus (required; see below)
//	ErrorCode                → RawError, Error in errcode.Plivo ("" and "000" mean none)
//	To, From                 → To, From
//	Units                    → Segments
//	TotalAmount              → Price (exact text; Plivo bills in USD, not sent)
//	MCC, MNC                 → Network as MCC+MNC
//	MessageTime              → SubmittedAt; DeliveryReportTime → DoneAt; both
//	                           YYYY-mm-dd HH:MM:SS.SSSSSS with no zone, read in Parser.Location
//	anything else            → Extra (Type, TotalRate, Sequence, QueuedTime, SentTime, PowerpackUUID, …)
//
// Status mapping:
//
//	queued                   ACCEPTD
//	sent                     ENROUTE (the last status in countries without receipts)
//	delivered, read          DELIVRD (read: WhatsApp; RawStatus keeps it)
//	undelivered              UNDELIV
//	failed                   REJECTD: it never reached a carrier
//	rejected                 REJECTD (older docs)
func decodePlivo(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format == dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	r := d.receipt()
	var parent, partInfo, mcc, mnc string
	var o once
	for _, f := range req.pairs {
		name := strings.ToLower(f.key)
		if !o.firstName(name) {
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
			continue
		}
		switch name {
		case "messageuuid":
			r.MessageID = f.value
		case "parentmessageuuid":
			parent = f.value
		case "partinfo":
			partInfo = f.value
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
		case "status":
			r.RawStatus = f.value
		case "errorcode":
			r.RawError = f.value
		case "to":
			r.To = f.value
		case "from":
			r.From = f.value
		case "units":
			r.Segments = d.count(&r, 0, f.key, f.value)
		case "totalamount":
			r.Price = f.value
		case "mcc":
			mcc = f.value
		case "mnc":
			mnc = f.value
		case "messagetime":
			r.SubmittedAt = d.when(&r, 0, f.key, f.value, timeISO)
		case "deliveryreporttime":
			r.DoneAt = d.when(&r, 0, f.key, f.value, timeISO)
		default:
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
		}
	}
	switch {
	case r.MessageID == "":
		return nil, d.fail(0, "MessageUUID", ErrMissingID)
	case r.RawStatus == "":
		return nil, d.fail(0, "Status", ErrMissingStatus)
	}
	part, total := plivoPartInfo(partInfo)
	if parent != "" && (total > 1 || parent != r.MessageID) {
		r.ParentID = parent
	} else if parent != "" {
		r.Extra = append(r.Extra, dlr.Field{Key: "ParentMessageUUID", Value: parent})
	}
	if total > 1 {
		r.Part = part
	}
	r.Network = mcc + mnc
	s, ok := plivoStatus(r.RawStatus)
	if !ok {
		d.unknownValue(0, "Status", r.RawStatus)
	}
	r.Status = s
	if r.RawError != "" {
		if c, ok := errcode.Read(errcode.Plivo, r.RawError); ok {
			if c.Value != 0 {
				r.Error = c
			}
		} else {
			d.unknownValue(0, "ErrorCode", r.RawError)
		}
	}
	return []dlr.Receipt{r}, nil
}

// plivoPartInfo reads "N of M"; zeros when it is absent or unreadable.
func plivoPartInfo(s string) (part, total int) {
	a, b, ok := strings.Cut(s, " of ")
	if !ok {
		return 0, 0
	}
	p, err1 := strconv.Atoi(strings.TrimSpace(a))
	t, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || p < 1 || t < p || t > 255 {
		return 0, 0
	}
	return p, t
}

// plivoStatus maps Status; see decodePlivo.
func plivoStatus(word string) (status.Status, bool) {
	switch strings.ToLower(word) {
	case "queued":
		return status.Accepted, true
	case "sent":
		return status.Enroute, true
	case "delivered", "read":
		return status.Delivered, true
	case "undelivered":
		return status.Undeliverable, true
	case "failed", "rejected":
		return status.Rejected, true
	}
	return status.Unknown, false
}

// isPlivo: a form or query with MessageUUID (any case).
func isPlivo(s *shape) bool {
	if s.format == "json" {
		return false
	}
	for _, k := range s.keys {
		if strings.EqualFold(k, "MessageUUID") {
			return true
		}
	}
	return false
}
