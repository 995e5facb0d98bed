package carrier

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

// decodeAfricasTalking reads an Africa's Talking SMS delivery report: a form
// POST to the URL set in the dashboard (docs.africastalking.com/sms/deliveryreports).
// A GET query is read the same way.
//
//	id                       → MessageID (required; Africa's Talking ids start "ATXid_")
//	status                   → Status, RawStatus (required; see below)
//	failureReason            → RawError (a word such as "UserInBlackList"; there is no
//	                           numeric code, so Error stays zero) and ErrorMessage
//	phoneNumber              → To
//	networkCode              → Network
//	anything else            → Extra (retryCount, …)
//
// Status mapping (case-insensitive):
//
//	Sent, Submitted, Buffered ENROUTE
//	Success                  DELIVRD
//	Failed                   UNDELIV
//	Rejected                 REJECTD
//	Expired                  EXPIRED [S: seen in practice, not in the docs' list]
//	AbsentSubscriber         UNDELIV [U: seen in practice]
//
// Assumed [U]: retryCount and the failureReason list beyond the words the
// docs show; no signature is documented.
func decodeAfricasTalking(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format == dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	r := d.receipt()
	var o once
	for _, f := range req.pairs {
		if !o.firstName(f.key) {
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
			continue
		}
		switch f.key {
		case "id":
			r.MessageID = f.value
		case "status":
			r.RawStatus = f.value
		case "failureReason":
			r.RawError = f.value
			r.ErrorMessage = f.value
		case "phoneNumber":
			r.To = f.value
		case "networkCode":
			r.Network = f.value
		default:
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
		}
	}
	switch {
	case r.MessageID == "":
		return nil, d.fail(0, "id", ErrMissingID)
	case r.RawStatus == "":
		return nil, d.fail(0, "status", ErrMissingStatus)
	}
	s, ok := africasTalkingStatus(r.RawStatus)
	if !ok {
		d.unknownValue(0, "status", r.RawStatus)
	}
	r.Status = s
	return []dlr.Receipt{r}, nil
}

// africasTalkingStatus maps status; see decodeAfricasTalking.
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

// isAfricasTalking: a form or query with id and status where the id has
// Africa's Talking's "ATXid_" prefix, or with phoneNumber or failureReason
// beside a status word from its vocabulary.
func isAfricasTalking(s *shape) bool {
	if s.format == "json" || !s.has("id") || !s.has("status") {
		return false
	}
	if strings.HasPrefix(s.value("id"), "ATXid_") {
		return true
	}
	if !s.has("phoneNumber") && !s.has("failureReason") {
		return false
	}
	_, ok := africasTalkingStatus(s.value("status"))
	return ok
}
