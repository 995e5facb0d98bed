package smppfmt

import (
	"time"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// Parser holds the settings for reading receipt text. The zero Parser reads
// dates in UTC and error codes as 3GPP MAP codes, and is lenient.
type Parser struct {
	// Location is the SMSC's time zone: receipt dates carry none (SMPP 3.4
	// Appendix B), so they are read as wall-clock time in Location. Nil
	// means UTC, which is only right if the SMSC runs on UTC.
	Location *time.Location
	// Namespace is the numbering scheme of err:. NoNamespace means MAP
	// (3GPP TS 29.002 §17.6.6), the common reading.
	Namespace errcode.Namespace
	// Strict rejects what Cloudhopper's DeliveryReceipt.parseShortMessage
	// rejects with checkMissingFields: see the package documentation.
	Strict bool
	// MaxSize is the largest text accepted, in bytes; 0 or less means
	// DefaultMaxSize, and more than 1 GiB means 1 GiB.
	MaxSize int
}

// DefaultMaxSize bounds receipt text (short_message is at most 254 octets;
// message_payload at most 64 KiB).
const DefaultMaxSize = 64 << 10

const maxMaxSize = 1 << 30

// ParseFields splits a receipt text into its fields, exactly as sent. See
// the package documentation for what is accepted.
func ParseFields(text []byte) (Fields, error) { return (*Parser)(nil).ParseFields(text) }

// Parse reads a receipt text into a normalized receipt. See the package
// documentation for what is accepted and how values are normalized.
func Parse(text []byte) (dlr.Receipt, error) { return (*Parser)(nil).Parse(text) }

// ParseFields is like the package function, with p's settings. It fails
// only for text over the size limit (ErrTooLarge) and for text with no
// receipt field at all (ErrNotReceipt, returned with what was read).
func (p *Parser) ParseFields(text []byte) (f Fields, err error) {
	// f is the result itself, filled in place: there is no copy and no
	// write barrier.
	var sc textScanner
	s, idEnd, l, err := p.scan(text, &sc)
	if s != "" {
		// The values as packFixed packs them.
		w, id := l.w, 16+2*l.w
		txt := id + idEnd - len("id:")
		f.Sub, f.Dlvrd, f.Stat, f.Err = noDots(s[0:3]), noDots(s[3:6]), s[6:13], noDots(s[13:16])
		f.SubmitDate, f.DoneDate = s[16:16+w], s[16+w:16+2*w]
		f.ID, f.Text = s[id:txt], s[txt:]
		return f, nil
	}
	f.ID, f.Sub, f.Dlvrd, f.SubmitDate = sc.val(keyID), sc.val(keySub), sc.val(keyDlvrd), sc.val(keySubmitDate)
	f.DoneDate, f.Stat, f.Err, f.Text = sc.val(keyDoneDate), sc.val(keyStat), sc.val(keyErr), sc.val(keyText)
	f.Extra = sc.extras
	return f, err
}

// maxSize returns the size limit p sets.
func (p *Parser) maxSize() int {
	if p == nil || p.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return min(p.MaxSize, maxMaxSize) // offsets are kept in 32 bits
}

// trimFraming returns the length of text without trailing NULs and whitespace
// (a C-octet string's terminator left in short_message: the gosmpp
// simulator, Telenor SE, Jasmin's message_payload).
func trimFraming(text []byte) int {
	n := len(text)
	for n > 0 && (text[n-1] == 0 || keyByteClass[text[n-1]]&bSep != 0 && text[n-1] != ';') {
		n--
	}
	return n
}

// scan reads text into sc. A receipt in one of the fixed layouts of
// Appendix B (see fixedReceipt) whose values fit in packMax bytes is
// packed instead (see packFixed): scan returns the packed string, where
// the id ends and the layout, and leaves sc as it was. Otherwise the
// scanner holds the fields by value so that it stays on the caller's
// stack, and the one allocation is its copy of the text.
func (p *Parser) scan(text []byte, sc *textScanner) (packed string, idEnd int, l *fixedLayout, err error) {
	if p == nil {
		p = &Parser{}
	}
	if max := p.maxSize(); len(text) > max {
		return "", 0, nil, &ParseError{Offset: max, Err: ErrTooLarge}
	}
	b := text[:trimFraming(text)]
	if idEnd, l = fixedReceipt(b); l != nil {
		if s, ok := l.pack(b, idEnd); ok {
			return s, idEnd, l, nil
		}
	}
	// One string for the whole text; every field is a slice of it.
	sc.s = string(b)
	sc.strict = p.Strict
	if l != nil {
		sc.readFixed(idEnd, l) // too long to pack
		return "", 0, nil, nil
	}
	if !sc.run() {
		return "", 0, nil, &ParseError{Offset: 0, Err: ErrNotReceipt}
	}
	return "", 0, nil, nil
}

// Parse is like the package function, with p's settings.
//
// The receipt is returned even with an error, filled as far as the text
// allowed. Errors for which IsPartial is true (an unknown status word, a
// count or date that cannot be read) come with a complete receipt.
func (p *Parser) Parse(text []byte) (r dlr.Receipt, err error) {
	// r is the result itself (named), so the receipt is built in place,
	// on the stack: no write barriers.
	if p == nil {
		p = &Parser{} // a nil *Parser reads like the zero Parser
	}
	var sc textScanner
	var vals [numKeys]string
	r.Source = dlr.Source{Format: dlr.FormatSMPPText}
	end := 0 // where the text ends, for the errors of missing fields
	s, idEnd, l, err := p.scan(text, &sc)
	switch {
	case s != "":
		// Values from the packed string, as in ParseFields; offsets, for
		// errors, from the layout.
		w, id := l.w, 16+2*l.w
		txt := id + idEnd - len("id:")
		v := &vals
		v[keySub], v[keyDlvrd], v[keyStat], v[keyErr] = noDots(s[0:3]), noDots(s[3:6]), s[6:13], noDots(s[13:16])
		v[keySubmitDate], v[keyDoneDate] = s[16:16+w], s[16+w:16+2*w]
		v[keyID], v[keyText] = s[id:txt], s[txt:]
		for k := keySub; k < keyText; k++ {
			sc.pos[k] = int32(idEnd+1) + l.start[k]
		}
		end = trimFraming(text)
	case err != nil:
		r.Extra = sc.extras
		return r, err
	default:
		vals[keyID], vals[keySub], vals[keyDlvrd], vals[keySubmitDate] = sc.val(keyID), sc.val(keySub), sc.val(keyDlvrd), sc.val(keySubmitDate)
		vals[keyDoneDate], vals[keyStat], vals[keyErr], vals[keyText] = sc.val(keyDoneDate), sc.val(keyStat), sc.val(keyErr), sc.val(keyText)
		end = len(sc.s)
	}
	v, pos := &vals, &sc.pos
	var first errorSlot
	report := first.report
	r.MessageID = v[keyID]
	r.RawStatus = v[keyStat]
	r.RawError = v[keyErr]
	r.Text = v[keyText]
	r.Extra = sc.extras

	if v[keyID] == "" {
		report(&ParseError{Offset: end, Field: FieldID, Err: ErrMissing})
	}
	if v[keyStat] == "" {
		report(&ParseError{Offset: end, Field: FieldStat, Err: ErrMissing})
	}
	if p.Strict {
		p.strictCheck(&sc, v, end, report)
	}

	if v[keyStat] != "" {
		s, ok := textStatus(v[keyStat])
		if ok && p.Strict && !appendixB(v[keyStat]) {
			ok = false
		}
		if ok {
			r.Status = s
		} else {
			r.Status = status.Unknown
			report(&ParseError{Offset: int(pos[keyStat]), Field: FieldStat, Value: v[keyStat], Err: ErrUnknownStatus})
		}
	}

	if v[keyErr] != "" {
		ns := p.Namespace
		if ns == errcode.NoNamespace {
			ns = errcode.MAP
		}
		if n, dig := decimalValue(v[keyErr]); dig && len(v[keyErr]) <= 9 {
			// What errcode.Read gives for up to 9 digits, without reading
			// them again.
			r.Error = errcode.Code{Namespace: ns, Value: uint32(n)}
		}
	}

	var ok bool
	if r.Submitted, ok = readCount(v[keySub]); !ok {
		r.Extra = append(r.Extra, dlr.Field{Key: FieldSub, Value: v[keySub]})
		report(&ParseError{Offset: int(pos[keySub]), Field: FieldSub, Value: v[keySub], Err: ErrCount})
	}
	if r.Delivered, ok = readCount(v[keyDlvrd]); !ok {
		r.Extra = append(r.Extra, dlr.Field{Key: FieldDlvrd, Value: v[keyDlvrd]})
		report(&ParseError{Offset: int(pos[keyDlvrd]), Field: FieldDlvrd, Value: v[keyDlvrd], Err: ErrCount})
	}

	loc := p.Location
	if loc == nil {
		loc = time.UTC
	}
	if sw, ok := readYY10Pair(v[keySubmitDate], v[keyDoneDate]); ok {
		// Both dates in the Appendix B layout, read straight.
		r.SubmittedAt = dateReading{wall: sw[0]}.at(loc)
		r.DoneAt = r.SubmittedAt
		if sw[1] != sw[0] {
			r.DoneAt = dateReading{wall: sw[1]}.at(loc)
		}
	} else {
		var sCand, dCand [2]dateReading
		sn, sAbsent, sOK := dateCandidates(v[keySubmitDate], &sCand)
		dn, dAbsent, dOK := dateCandidates(v[keyDoneDate], &dCand)
		if p.Strict {
			// Cloudhopper reads 10, 12 and 14 digits only, and no zero date.
			if v[keySubmitDate] != "" && (sAbsent || len(v[keySubmitDate]) == 16) {
				sOK, sn = false, 0
			}
			if v[keyDoneDate] != "" && (dAbsent || len(v[keyDoneDate]) == 16) {
				dOK, dn = false, 0
			}
		}
		si, di := 0, 0
		if sn+dn > 2 {
			si, di = resolveDates(&sCand, sn, &dCand, dn) // a 12-digit date read two ways
		}
		if sn > 0 {
			r.SubmittedAt = sCand[si].at(loc)
		} else if !sOK {
			r.Extra = append(r.Extra, dlr.Field{Key: FieldSubmitDate, Value: v[keySubmitDate]})
			report(&ParseError{Offset: int(pos[keySubmitDate]), Field: FieldSubmitDate, Value: v[keySubmitDate], Err: ErrDate})
		}
		if dn > 0 {
			r.DoneAt = dCand[di].at(loc)
		} else if !dOK {
			r.Extra = append(r.Extra, dlr.Field{Key: FieldDoneDate, Value: v[keyDoneDate]})
			report(&ParseError{Offset: int(pos[keyDoneDate]), Field: FieldDoneDate, Value: v[keyDoneDate], Err: ErrDate})
		}
	}
	if first.e != nil {
		err = first.e
	}
	return r, err
}

// errorSlot keeps the error Parse returns: one that makes the receipt
// unusable before one IsPartial accepts, then the first in the text.
type errorSlot struct{ e *ParseError }

func (s *errorSlot) report(e *ParseError) {
	if s.e == nil {
		s.e = e
		return
	}
	hard, oldHard := !IsPartial(e.Err), !IsPartial(s.e.Err)
	if hard && !oldHard || hard == oldHard && e.Offset < s.e.Offset {
		s.e = e
	}
}

// readCount reads a sub: or dlvrd: count: decimal digits, any zero padding; ""
// is 0.
func readCount(s string) (int, bool) {
	if len(s) > 9 {
		return 0, false
	}
	return decimalValue(s)
}

// strictCheck applies Cloudhopper's checkMissingFields rules: every field
// but text present, and err at most 3 characters (FIELD_ERR_MAX_LEN).
func (p *Parser) strictCheck(sc *textScanner, v *[numKeys]string, end int, report func(*ParseError)) {
	pos := &sc.pos
	for _, k := range [...]int{keySub, keyDlvrd, keySubmitDate, keyDoneDate, keyErr} {
		if v[k] == "" {
			report(&ParseError{Offset: end, Field: keyNames[k], Err: ErrMissing})
		}
	}
	if len(v[keyErr]) > 3 {
		report(&ParseError{Offset: int(pos[keyErr]), Field: FieldErr, Value: v[keyErr], Err: ErrStrict})
	}
	// Cloudhopper glues anything it does not know onto the field before
	// it, which then fails to convert (a count, a date, stat, err): reject
	// words and keys outside the format.
	if len(sc.extras) > 0 {
		x := sc.extras[0]
		report(&ParseError{Offset: int(pos[numKeys]) - 1, Field: x.Key, Value: x.Value, Err: ErrStrict})
	}
}
