package carrier

import (
	"fmt"
	"strings"

	"github.com/dlrkit/dlrkit/errcode"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

// KannelParams names the query parameters of a Kannel dlr-url template.
// Kannel's smsbox fetches the template with its escapes substituted (Kannel
// user guide, "Delivery reports"; e.g. ?id=42&type=%d&answer=%A&to=%P&from=%p),
// so the names are the application's choice. An empty field means: accept
// the default names listed, matched ignoring case, '-' and '_'.
type KannelParams struct {
	Type    string // %d, the DLR value; default: type, status, dlr, dlrtype, dlrstatus, dlrvalue
	Reply   string // %A, the SMSC's reply; default: answer, reply, smscreply, dlrreply, dlranswer
	ID      string // the application's own message id; default: id, msgid, messageid, uuid, ref
	Foreign string // %F, the SMSC's message id; default: foreignid, fid, smscmsgid, smscmessageid
	To      string // %P, the receiver; default: to, receiver, da, destination
	From    string // %p, the sender; default: from, sender, oa, source
	Time    string // %T (Unix time) or %t ("YYYY-MM-DD HH:MM"); default: ts, time, timestamp
}

type kannelRole uint8

const (
	kannelOther kannelRole = iota
	kannelType
	kannelReply
	kannelID
	kannelForeign
	kannelTo
	kannelFrom
	kannelTime
)

func (k *KannelParams) role(key string) kannelRole {
	named := []struct {
		name string
		role kannelRole
	}{
		{k.Type, kannelType}, {k.Reply, kannelReply}, {k.ID, kannelID}, {k.Foreign, kannelForeign},
		{k.To, kannelTo}, {k.From, kannelFrom}, {k.Time, kannelTime},
	}
	for _, n := range named {
		if n.name != "" && n.name == key {
			return n.role
		}
	}
	var def kannelRole
	switch normKey(key) {
	case "type", "status", "dlr", "dlrtype", "dlrstatus", "dlrvalue":
		def = kannelType
	case "answer", "reply", "smscreply", "dlrreply", "dlranswer":
		def = kannelReply
	case "id", "msgid", "messageid", "uuid", "ref":
		def = kannelID
	case "foreignid", "fid", "smscmsgid", "smscmessageid":
		def = kannelForeign
	case "to", "receiver", "da", "destination":
		def = kannelTo
	case "from", "sender", "oa", "source":
		def = kannelFrom
	case "ts", "time", "timestamp":
		def = kannelTime
	}
	// A role the application named explicitly takes no default names.
	for _, n := range named {
		if n.role == def && n.name != "" {
			return kannelOther
		}
	}
	return def
}

// decodeKannel reads a Kannel dlr-url callback (a GET query; a form body is
// accepted too). Parameter names come from Parser.Kannel.
//
//	%d type  → Status, RawStatus (bit flags, see kannelStatus)
//	%A reply → Extra (as sent); "NACK/0x…" (a refused submit_sm) gives
//	           RawError and Error in errcode.SMPP; when it is SMPP receipt text ("id:… stat:…")
//	           it is read with smppfmt: its err, dates, sub, dlvrd and text
//	           fill the receipt, its id is the MessageID when the template
//	           has no id, and its stat is the status when there is no %d.
//	id       → MessageID (else %F, else the receipt text's id)
//	%F       → MessageID when there is no id, else Extra
//	%P, %p   → To, From
//	%T / %t  → DoneAt unless the receipt text gives a done date (%t in Parser.Location)
//	anything else (%i smsc, %n, %c…) → Extra
//
// Kannel sends no signature: secure the template with a secret parameter.
func decodeKannel(d *decoder, req *request) ([]dlr.Receipt, error) {
	if req.format == dlr.FormatJSON {
		return nil, d.fail(0, "", ErrWrongFormat)
	}
	r := d.receipt()
	var id, foreign, foreignKey, typ, typeKey, reply, replyKey string
	var done, doneKey string
	var once seen
	for _, f := range req.pairs {
		role := d.p.Kannel.role(f.key)
		if role != kannelOther && !once.first(int(role)) {
			role = kannelOther // a repeated parameter stays in Extra
		}
		switch role {
		case kannelType:
			typ, typeKey = f.value, f.key
		case kannelReply:
			reply, replyKey = f.value, f.key
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
		case kannelID:
			id = f.value
		case kannelForeign:
			foreign, foreignKey = f.value, f.key
		case kannelTo:
			r.To = f.value
		case kannelFrom:
			r.From = f.value
		case kannelTime:
			done, doneKey = f.value, f.key
			if t, ok := parseTime(f.value, d.p.location(), timeEpoch|timeISO); ok {
				r.DoneAt = t
			} else {
				r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
				d.unknownValue(0, f.key, f.value)
			}
		default:
			r.Extra = append(r.Extra, dlr.Field{Key: f.key, Value: f.value})
		}
	}
	r.MessageID = id
	if id == "" {
		r.MessageID = foreign
	} else if foreign != "" {
		r.Extra = append(r.Extra, dlr.Field{Key: foreignKey, Value: foreign})
	}
	if typ != "" {
		r.RawStatus = typ
		s, ok := kannelStatus(typ)
		if !ok {
			d.unknownValue(0, typeKey, typ)
		}
		r.Status = s
	}
	if code, ok := strings.CutPrefix(reply, "NACK/"); ok {
		// Kannel's reply for a refused submit_sm: "NACK/0x%08lx" and
		// possibly more text after another '/'.
		code, _, _ = strings.Cut(code, "/")
		if c, ok := errcode.Read(errcode.SMPP, code); ok {
			r.RawError, r.Error = code, c
		}
	}
	if looksLikeReceiptText(reply) {
		t, err := d.p.smppParser().Parse([]byte(reply))
		switch {
		case err == nil:
		case t.MessageID != "" || t.Status != status.None:
			// smppfmt read the text but not every value (an unknown
			// stat word, say): keep what it read, report the text.
			d.unknownValue(0, replyKey, reply)
		default:
			return nil, d.fail(0, replyKey, fmt.Errorf("%w: %w", ErrMalformed, err))
		}
		if r.MessageID == "" {
			r.MessageID = t.MessageID
		}
		if r.RawStatus == "" {
			r.Status, r.RawStatus = t.Status, t.RawStatus
		}
		r.Error, r.RawError, r.ErrorMessage = t.Error, t.RawError, t.ErrorMessage
		r.SubmittedAt = t.SubmittedAt
		if !t.DoneAt.IsZero() {
			if !r.DoneAt.IsZero() {
				// The receipt's own done date wins; keep the template's time.
				r.Extra = append(r.Extra, dlr.Field{Key: doneKey, Value: done})
			}
			r.DoneAt = t.DoneAt
		}
		r.Submitted, r.Delivered, r.Text = t.Submitted, t.Delivered, t.Text
	}
	if r.MessageID == "" {
		return nil, d.fail(0, "id", ErrMissingID)
	}
	if r.RawStatus == "" {
		return nil, d.fail(0, "type", ErrMissingStatus)
	}
	return []dlr.Receipt{r}, nil
}

// kannelStatus maps Kannel's %d DLR value (gw/dlr.h: 0x01 DLR_SUCCESS,
// 0x02 DLR_FAIL, 0x04 DLR_BUFFERED, 0x08 DLR_SMSC_SUCCESS, 0x10
// DLR_SMSC_FAIL), read as bit flags:
//
//	1        delivered to the phone        DELIVRD
//	2        not delivered to the phone    UNDELIV
//	34 (0x22) failed, expired              EXPIRED
//	66 (0x42) failed, state unknown        UNKNOWN
//	4        queued (buffered) on the SMSC ENROUTE
//	8        accepted by the SMSC          ACCEPTD
//	16       rejected by the SMSC          REJECTD
//	12       buffered and accepted         ENROUTE
//
// 34 and 66 are the values some Kannel builds send for expired and unknown
// receipts (secondary sources only). Anything else (0, several of 1, 2
// and 16, 32 or 64 without 2, higher bits, not a number) is UNKNOWN and
// reported as an unknown value.
func kannelStatus(raw string) (status.Status, bool) {
	v, ok := smallInt(raw)
	if !ok || v == 0 || v > 0x7F {
		return status.Unknown, false
	}
	finals := 0
	for _, bit := range []int{1, 2, 16} {
		if v&bit != 0 {
			finals++
		}
	}
	if finals > 1 || v&0x60 != 0 && v&0x02 == 0 || v&0x60 == 0x60 {
		return status.Unknown, false
	}
	switch {
	case v&1 != 0:
		return status.Delivered, true
	case v&0x22 == 0x22:
		return status.Expired, true
	case v&0x42 == 0x42:
		return status.Unknown, true
	case v&2 != 0:
		return status.Undeliverable, true
	case v&16 != 0:
		return status.Rejected, true
	case v&4 != 0:
		return status.Enroute, true
	}
	return status.Accepted, true // 8
}
