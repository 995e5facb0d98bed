package carrier

import (
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// decodeBulkSMSRates reads the BulkSMSRates delivery webhook: a JSON
// object, or a JSON array of them (batched mode). Two object shapes are
// documented; both, and any mix of their fields, are read:
//
//	message_id               → MessageID (required)
//	status                   → Status (SMPP words: DELIVRD, UNDELIV, …), RawStatus
//	error_code               → RawError, Error in errcode.BulkSMSRates; null = no error
//	error_message            → ErrorMessage; null = none
//	to, from                 → To, From
//	submitted_at             → SubmittedAt (RFC 3339; zone-less in Parser.Location)
//	delivered_at             → DoneAt
//	network, country         → Network, Country
//	segments                 → Segments
//	cost, currency           → Price (exact decimal text), Currency
//	anything else            → Extra (event, status_code, …)
func decodeBulkSMSRates(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		r := d.receipt()
		var once seen
		err := d.fields(index, obj, func(key []byte, v jsonValue) error {
			i := bsrField(key)
			if i < 0 || !once.first(i) {
				extraField(&r, key, v)
				return nil
			}
			switch string(key) {
			case "message_id":
				r.MessageID = d.str(v)
			case "status":
				r.RawStatus = d.str(v)
				if s, ok := status.Lookup([]byte(r.RawStatus)); ok && r.RawStatus != "" && !allDigits(r.RawStatus) {
					r.Status = s
				} else {
					r.Status = status.Unknown
					d.unknownValue(index, "status", r.RawStatus)
				}
			case "error_code":
				r.RawError = d.str(v)
				if r.RawError != "" {
					if c, ok := errcode.Read(errcode.BulkSMSRates, r.RawError); ok {
						r.Error = c
					} else {
						d.unknownValue(index, "error_code", r.RawError)
					}
				}
			case "error_message":
				r.ErrorMessage = d.str(v)
			case "to":
				r.To = d.str(v)
			case "from":
				r.From = d.str(v)
			case "submitted_at":
				r.SubmittedAt = d.when(&r, index, "submitted_at", d.str(v), timeISO)
			case "delivered_at":
				r.DoneAt = d.when(&r, index, "delivered_at", d.str(v), timeISO)
			case "network":
				r.Network = d.str(v)
			case "country":
				r.Country = d.str(v)
			case "segments":
				r.Segments = d.count(&r, index, "segments", d.str(v))
			case "cost":
				r.Price = d.str(v)
			case "currency":
				r.Currency = d.str(v)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if r.MessageID == "" {
			return d.fail(index, "message_id", ErrMissingID)
		}
		if r.RawStatus == "" {
			return d.fail(index, "status", ErrMissingStatus)
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// bsrField numbers the fields decodeBulkSMSRates maps; -1 for others.
func bsrField(key []byte) int {
	switch string(key) {
	case "message_id":
		return 0
	case "status":
		return 1
	case "error_code":
		return 2
	case "error_message":
		return 3
	case "to":
		return 4
	case "from":
		return 5
	case "submitted_at":
		return 6
	case "delivered_at":
		return 7
	case "network":
		return 8
	case "country":
		return 9
	case "segments":
		return 10
	case "cost":
		return 11
	case "currency":
		return 12
	}
	return -1
}
