package carrier

import (
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

// genRole is the receipt field a generic field name maps to.
type genRole uint8

const (
	genOther genRole = iota
	genID
	genParent
	genPart
	genStatus
	genError
	genErrorMessage
	genTo
	genFrom
	genSubmitted
	genDone
	genNetwork
	genCountry
	genPrice
	genCurrency
	genSegments
	genText
	genSub
	genDlvrd
	numGenRoles
)

// genNames lists, per role, the field names the generic adapter knows,
// folded as normKey folds them, best first: when several are present the
// first listed wins and the others stay in Extra (for the message id,
// different values are ErrAmbiguous instead).
var genNames = [numGenRoles][]string{
	genID:           {"messageid", "msgid", "messagesid", "smssid", "smsid", "messageuuid", "deliverymessageid", "id", "uuid"},
	genParent:       {"parentid", "parentmessageid", "parentmessageuuid", "batchid", "bulkid"},
	genPart:         {"part", "partnumber"},
	genStatus:       {"status", "stat", "messagestatus", "deliverystatus", "smsstatus", "dlrstatus", "state"},
	genError:        {"errorcode", "errcode", "err", "error", "deliveryerrorcode"},
	genErrorMessage: {"errormessage", "errordescription", "errortext", "statusdescription", "failurereason", "statusreason", "reason", "description"},
	genTo:           {"to", "msisdn", "recipient", "destination", "destinationaddress", "destaddr", "phone", "phonenumber", "receiver", "da"},
	genFrom:         {"from", "sender", "senderid", "source", "sourceaddress", "sourceaddr", "originator", "oa"},
	genSubmitted:    {"submittedat", "submitdate", "subdate", "sentat", "senttime", "sentdate", "datesent", "submittime"},
	genDone:         {"doneat", "donedate", "deliveredat", "deliverydate", "deliverytime", "donetime", "statusdate", "timestamp"},
	genNetwork:      {"network", "operator", "networkcode", "mccmnc", "carrier"},
	genCountry:      {"country", "countrycode"},
	genPrice:        {"price", "cost"},
	genCurrency:     {"currency"},
	genSegments:     {"segments", "parts", "numparts", "segmentcount", "smscount", "messageparts"},
	genText:         {"text"},
	genSub:          {"sub"},
	genDlvrd:        {"dlvrd"},
}

// genRoleOf returns the role of a folded field name and its rank among
// the role's names (0 is best).
func genRoleOf(folded string) (genRole, int) {
	for role := genID; role < numGenRoles; role++ {
		for rank, n := range genNames[role] {
			if n == folded {
				return role, rank
			}
		}
	}
	return genOther, 0
}

// genericWords is the generic adapter's status vocabulary, folded as
// normKey folds. The SMPP words and message_state names (DELIVRD,
// UNDELIVERABLE, …) are read too, before this table.
//
// The words Queued, Sent, Submitted, Pending, Received, Failed, Frozen,
// Rejected, Expired, Deficient and Unknown are the vocabulary of a gateway
// family seen at New Zealand providers, whose meanings decide the mapping:
//
//	queued      ACCEPTD  still in the provider's gateway
//	sent        ENROUTE  left the gateway, not yet acknowledged by the carrier
//	submitted   ENROUTE  the carrier acknowledged it (a system status, not a handset one)
//	pending     ENROUTE  the carrier has it, the handset not yet reached
//	received    DELIVRD  delivered to the handset
//	failed      ACCEPTD  could not be handed to the carrier and WILL BE RETRIED by
//	                     the gateway: not final, so it must not end the message's
//	                     lifecycle; RawStatus keeps "Failed" for reports
//	frozen      REJECTD  failed 50 times; the gateway gave up before the carrier (final)
//	rejected    REJECTD  the carrier refused the number as invalid on its network
//	expired     EXPIRED  not delivered within the validity period
//	deficient   REJECTD  the account's credit is exhausted; refused by the provider
//	unknown     UNKNOWN  no final status came back
//
// Other providers use "failed" for a final failure; set Parser.Vocabulary
// {"failed": status.Undeliverable} for them. Numbers are never read as
// status words here (their meaning differs between providers).
var genericWords = map[string]status.Status{
	"queued":         status.Accepted,
	"accepted":       status.Accepted,
	"failed":         status.Accepted,
	"scheduled":      status.Scheduled,
	"sent":           status.Enroute,
	"submitted":      status.Enroute,
	"pending":        status.Enroute,
	"sending":        status.Enroute,
	"dispatched":     status.Enroute,
	"buffered":       status.Enroute,
	"received":       status.Delivered,
	"delivered":      status.Delivered,
	"success":        status.Delivered,
	"successful":     status.Delivered,
	"read":           status.Delivered,
	"frozen":         status.Rejected,
	"rejected":       status.Rejected,
	"blocked":        status.Rejected,
	"deficient":      status.Rejected,
	"expired":        status.Expired,
	"undelivered":    status.Undeliverable,
	"undeliverable":  status.Undeliverable,
	"deliveryfailed": status.Undeliverable,
	"notdelivered":   status.Undeliverable,
	"deleted":        status.Deleted,
	"cancelled":      status.Deleted,
	"canceled":       status.Deleted,
	"unknown":        status.Unknown,
}

func (p *Parser) genericStatus(word string) (status.Status, bool) {
	folded := normKey(word)
	for k, s := range p.Vocabulary {
		if normKey(k) == folded {
			return s, true
		}
	}
	if !allDigits(word) {
		if s, ok := status.Lookup([]byte(word)); ok {
			return s, true
		}
	}
	if s, ok := genericWords[folded]; ok {
		return s, true
	}
	return status.Unknown, false
}

// genField is one input field of a generic receipt.
type genField struct {
	key, value, extra string
	role              genRole
	rank              int
}

// decodeGeneric reads receipts from providers without an adapter: a JSON
// object or array of objects, a form or a query. Field names are matched
// ignoring case, '_', '-', '.' and spaces against the names in genNames;
// nested JSON objects are not looked into (they stay in Extra as JSON
// text). Status words are read with genericStatus. Error codes are kept as
// RawError only (no namespace is known). Timestamps: RFC 3339, ISO 8601
// without a zone, SMPP 10/12/14 digits, Unix seconds (10 digits) or
// milliseconds (13); zone-less ones in Parser.Location.
func decodeGeneric(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format != dlr.FormatJSON {
		fields := make([]genField, 0, len(req.pairs))
		for _, f := range req.pairs {
			fields = append(fields, newGenField(f.key, f.value, f.value))
		}
		r, err := d.generic(0, fields)
		if err != nil {
			return nil, err
		}
		return []dlr.Receipt{r}, nil
	}
	var out []dlr.Receipt
	err := d.objects(req.body, func(index int, obj []byte) error {
		var fields []genField
		err := d.fields(index, obj, func(key []byte, v jsonValue) error {
			fields = append(fields, newGenField(string(key), d.str(v), v.extra()))
			return nil
		})
		if err != nil {
			return err
		}
		r, err := d.generic(index, fields)
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

func newGenField(key, value, extra string) genField {
	role, rank := genRoleOf(normKey(key))
	return genField{key: key, value: value, extra: extra, role: role, rank: rank}
}

func (d *decoder) generic(index int, fields []genField) (dlr.Receipt, error) {
	r := d.receipt()
	// Pick the best-ranked field of each role.
	var best [numGenRoles]int
	for i := range best {
		best[i] = -1
	}
	for i, f := range fields {
		if f.role == genOther || f.value == "" && f.role != genID {
			continue
		}
		if b := best[f.role]; b < 0 || f.rank < fields[b].rank {
			best[f.role] = i
		}
	}
	if b := best[genID]; b >= 0 {
		for _, f := range fields {
			if f.role == genID && f.value != "" && f.value != fields[b].value {
				return r, d.fail(index, fields[b].key+", "+f.key, ErrAmbiguous)
			}
		}
	}
	for i, f := range fields {
		if f.role == genOther || best[f.role] != i {
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.extra})
			continue
		}
		switch f.role {
		case genID:
			r.MessageID = f.value
		case genParent:
			r.ParentID = f.value
		case genPart:
			r.Part = d.count(&r, index, f.key, f.value)
		case genStatus:
			r.RawStatus = f.value
			s, ok := d.p.genericStatus(f.value)
			if !ok {
				d.unknownValue(index, f.key, f.value)
			}
			r.Status = s
		case genError:
			r.RawError = f.value
		case genErrorMessage:
			r.ErrorMessage = f.value
		case genTo:
			r.To = f.value
		case genFrom:
			r.From = f.value
		case genSubmitted:
			r.SubmittedAt = d.when(&r, index, f.key, f.value, timeISO|timeSMPP|timeEpoch)
		case genDone:
			r.DoneAt = d.when(&r, index, f.key, f.value, timeISO|timeSMPP|timeEpoch)
		case genNetwork:
			r.Network = f.value
		case genCountry:
			r.Country = f.value
		case genPrice:
			r.Price = f.value
		case genCurrency:
			r.Currency = f.value
		case genSegments:
			r.Segments = d.count(&r, index, f.key, f.value)
		case genText:
			r.Text = f.value
		case genSub:
			r.Submitted = d.count(&r, index, f.key, f.value)
		case genDlvrd:
			r.Delivered = d.count(&r, index, f.key, f.value)
		}
	}
	if r.MessageID == "" {
		return r, d.fail(index, "", ErrMissingID)
	}
	if r.RawStatus == "" {
		return r, d.fail(index, "", ErrMissingStatus)
	}
	return r, nil
}
