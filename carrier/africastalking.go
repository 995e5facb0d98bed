package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

// decodeAfricasTalking reads an Africa's Talking SMS delivery report: a form
// POST to the delivery-report callback URL set in the dashboard
// (https://docs.africastalking.com/sms/deliveryreports and
// https://docs.africastalking.com/sms/notifications). A GET query with the
// same fields is read too.
//
//	id             → MessageID: the messageId the send response gave, "ATXid_…" (required)
//	status         → Status, RawStatus (required; see below)
//	phoneNumber    → To
//	networkCode    → Network (the telco's MCC-MNC, "63902")
//	failureReason  → RawError (a word such as "UserInBlackList"; sent only
//	                 with Rejected or Failed)
//	retryCount and anything else → Extra, and so are the repeats of a mapped field
//
// Status mapping (words matched ignoring case):
//
//	Sent       ENROUTE   sent by Africa's Talking's network
//	Submitted  ENROUTE   submitted to the mobile service provider (MSP)
//	Buffered   ENROUTE   queued by the MSP
//	Success    DELIVRD   delivered to the handset (final)
//	Failed     UNDELIV   could not be delivered to the handset (final)
//	Rejected   REJECTD   rejected by the MSP (final)
//	Expired    EXPIRED   not in the docs; seen in integrations (nyaruka/courier)
//	AbsentSubscriber UNDELIV  not in the docs; reported seen in practice (secondary sources)
//	other      UNKNOWN   reported as an unknown value
//
// Assumed, not documented: Expired and AbsentSubscriber (see above), and retryCount, which
// secondary sources list but the docs read do not. failureReason is a word,
// not a number, so there is no errcode namespace for it: RawError keeps the
// word and Error stays zero. Africa's Talking documents no signature.
func decodeAfricasTalking(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format == dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	r := d.receipt()
	var once seen
	for _, f := range req.pairs {
		if i := fieldIndex(f.key, africasTalkingFields[:]); i < 0 || !once.first(i) {
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
			continue
		}
		switch f.key {
		case "id":
			r.MessageID = f.value
		case "status":
			r.RawStatus = f.value
			s, ok := africasTalkingStatus(f.value)
			if !ok {
				d.unknownValue(0, f.key, f.value)
			}
			r.Status = s
		case "phoneNumber":
			r.To = f.value
		case "networkCode":
			r.Network = f.value
		case "failureReason":
			r.RawError = f.value
		}
	}
	if r.MessageID == "" {
		return nil, d.fail(0, "id", ErrMissingID)
	}
	if r.RawStatus == "" {
		return nil, d.fail(0, "status", ErrMissingStatus)
	}
	return []dlr.Receipt{r}, nil
}

// africasTalkingFields are the fields decodeAfricasTalking maps.
var africasTalkingFields = [...]string{"id", "status", "phoneNumber", "networkCode", "failureReason"}

// fieldIndex returns the position of key in fields, -1 if it is not there;
// with seen, it keeps a repeated field's repeats in Extra.
func fieldIndex(key string, fields []string) int {
	for i, f := range fields {
		if f == key {
			return i
		}
	}
	return -1
}

func africasTalkingStatus(word string) (status.Status, bool) {
	switch strings.ToLower(word) {
	case "sent", "submitted", "buffered":
		return status.Enroute, true
	case "success":
		return status.Delivered, true
	case "failed", "absentsubscriber":
		return status.Undeliverable, true
	case "rejected":
		return status.Rejected, true
	case "expired":
		return status.Expired, true
	}
	return status.Unknown, false
}

// Africa's Talking: a form or query with id and status whose id has the
// "ATXid_" prefix of Africa's Talking message ids, or that carries
// networkCode or failureReason.
func isAfricasTalking(s *shape) bool {
	return s.format != "json" && s.has("id") && s.has("status") &&
		(strings.HasPrefix(s.value("id"), "ATXid_") || s.has("networkCode") || s.has("failureReason"))
}
