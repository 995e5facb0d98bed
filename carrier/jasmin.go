package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeJasmin reads a Jasmin SMS gateway HTTP DLR, a GET query or a POST
// form per the message's dlr-method (Jasmin docs, "HTTP API" › "Receiving
// DLR"; fields as jasmin/routing/throwers.py sends them).
//
// The endpoint must answer 200 with the exact body "ACK/Jasmin"; otherwise
// Jasmin retries (30 s apart, 3 times by default). Parse does not answer
// anything: the HTTP handler must.
//
//	id              → MessageID (Jasmin's UUID, as its send response gave it; required)
//	message_status  → Status, RawStatus (required). Level 1: a submit_sm_resp
//	                  command status, ESME_ROK → ACCEPTD, any other ESME_R* →
//	                  REJECTD with RawError = the word. Levels 2, 3: the SMSC
//	                  receipt's stat word (DELIVRD, UNDELIV, …; SMPP words).
//	err             → RawError, Error (in Parser.SMPP.Namespace; MAP when unset)
//	subdate, donedate → SubmittedAt, DoneAt (YYMMDDhhmm, no zone: Parser.SMPP.Location or Parser.Location)
//	sub, dlvrd      → Submitted, Delivered
//	text            → Text
//	level, connector, id_smsc and anything else → Extra
func decodeJasmin(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format == dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	r := d.receipt()
	ns := d.p.smppNamespace()
	var once seen
	for _, f := range req.pairs {
		if i := jasminField(f.key); i < 0 || !once.first(i) {
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
			continue
		}
		switch f.key {
		case "id":
			r.MessageID = f.value
		case "message_status":
			r.RawStatus = f.value
			word := f.value
			switch {
			case strings.EqualFold(word, "ESME_ROK"):
				r.Status = status.Accepted
			case len(word) > 6 && strings.EqualFold(word[:6], "ESME_R"):
				r.Status = status.Rejected
				if r.RawError == "" {
					r.RawError = word
				}
			default:
				if s, ok := status.Lookup([]byte(word)); ok && !allDigits(word) {
					r.Status = s
				} else {
					r.Status = status.Unknown
					d.unknownValue(0, f.key, word)
				}
			}
		case "err":
			if f.value == "" {
				continue // level 2/3 send err= when the receipt had none
			}
			r.RawError = f.value
			if c, ok := errcode.Read(ns, f.value); ok {
				r.Error = c
			} else {
				d.unknownValue(0, f.key, f.value)
			}
		case "subdate":
			r.SubmittedAt = d.smppWhen(&r, 0, f.key, f.value)
		case "donedate":
			r.DoneAt = d.smppWhen(&r, 0, f.key, f.value)
		case "sub":
			r.Submitted = d.count(&r, 0, f.key, f.value)
		case "dlvrd":
			r.Delivered = d.count(&r, 0, f.key, f.value)
		case "text":
			r.Text = f.value
		}
	}
	if r.MessageID == "" {
		return nil, d.fail(0, "id", ErrMissingID)
	}
	if r.RawStatus == "" {
		return nil, d.fail(0, "message_status", ErrMissingStatus)
	}
	return []dlr.Receipt{r}, nil
}

// jasminField numbers the fields decodeJasmin maps; -1 for others.
func jasminField(key string) int {
	switch key {
	case "id":
		return 0
	case "message_status":
		return 1
	case "err":
		return 2
	case "subdate":
		return 3
	case "donedate":
		return 4
	case "sub":
		return 5
	case "dlvrd":
		return 6
	case "text":
		return 7
	}
	return -1
}
