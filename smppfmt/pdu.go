package smppfmt

import (
	"errors"
	"strconv"
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// SMPP command_id values of the PDUs that carry receipts.
const (
	CommandDeliverSM uint32 = 0x00000005 // deliver_sm (SMPP 3.4 §4.6.1)
	CommandDataSM    uint32 = 0x00000103 // data_sm (SMPP 3.4 §4.7.1)
)

const (
	pduHeaderLen = 16   // command_length, command_id, command_status, sequence_number
	maxCString   = 65   // longest C-octet string accepted, NUL included (data_sm addresses)
	pduSlack     = 4096 // header, mandatory fields and TLVs beyond the text limit
)

// esm_class message types (SMPP 3.4 §5.2.12, bits 5–2).
const (
	esmTypeMask         = 0x3C
	esmDeliveryReceipt  = 0x04
	esmIntermediateNote = 0x20
	esmUDHI             = 0x40
)

// These are the errors a *PDUError wraps in its Err field, besides
// ErrNotReceipt (a PDU whose esm_class is not a receipt) and the text
// parser's errors. Test for them with errors.Is.
var (
	ErrTruncated     = errors.New("pdu ends inside a field")
	ErrLength        = errors.New("lengths do not add up")
	ErrPDUTooLarge   = errors.New("pdu too large")
	ErrCommand       = errors.New("not a deliver_sm or data_sm")
	ErrCString       = errors.New("no NUL terminator in a C-octet string")
	ErrTLV           = errors.New("bad TLV")
	ErrNoReceiptData = errors.New("no receipt text and no receipt TLVs")
	ErrMessageState  = errors.New("message_state value not defined")
)

// PDUError reports a PDU that could not be read as a receipt.
type PDUError struct {
	// Offset is the position in the PDU (0 is the first octet of
	// command_length) where the problem was found, or -1 when the input
	// came as [Parts] rather than bytes.
	Offset int
	Field  string // the PDU field or TLV: "command_length", "short_message", "tlv:0x1454"
	Err    error  // one of the Err* values above (possibly with detail), or the text parser's error
}

func (e *PDUError) Error() string {
	cause := "<nil>"
	if e.Err != nil {
		cause = strings.TrimPrefix(e.Err.Error(), "smppfmt: ")
	}
	if e.Offset < 0 {
		return "smppfmt: pdu (" + e.Field + "): " + cause
	}
	return "smppfmt: pdu byte " + strconv.Itoa(e.Offset) + " (" + e.Field + "): " + cause
}

func (e *PDUError) Unwrap() error { return e.Err }

// detailError adds detail to a sentinel without hiding it from errors.Is.
type detailError struct {
	err    error
	detail string
}

func (e *detailError) Error() string { return e.err.Error() + ": " + e.detail }
func (e *detailError) Unwrap() error { return e.err }

func withDetail(err error, detail string) error { return &detailError{err, detail} }

// DecodePDU reads a whole deliver_sm or data_sm PDU, header included, with
// the zero Parser's settings. See [Parser.DecodePDU].
func DecodePDU(pdu []byte) (dlr.Receipt, error) { return (&Parser{}).DecodePDU(pdu) }

// message holds the fields of a deliver_sm or data_sm that a receipt uses.
type pduFields struct {
	serviceType  []byte
	source, dest []byte
	esmClass     byte
	esmOff       int
	dataCoding   byte
	shortMessage []byte
	smOff        int
	dataSM       bool // data_sm: the text can only be in message_payload
	end          int  // length of the PDU, or -1
}

// DecodePDU reads a whole deliver_sm or data_sm PDU, header included, into
// a receipt, reading the receipt text with p's settings. It returns an
// error for a PDU that is malformed or not a receipt. A receipt whose text
// has an unknown value (a status word) comes with the text parser's error
// wrapped in a *PDUError, as [Parser.Parse] gives it.
func (p *Parser) DecodePDU(pdu []byte) (dlr.Receipt, error) {
	if len(pdu) > p.maxPDU() {
		return dlr.Receipt{}, &PDUError{Offset: 0, Field: "command_length", Err: withDetail(ErrPDUTooLarge,
			strconv.Itoa(len(pdu))+" octets, limit "+strconv.Itoa(p.maxPDU()))}
	}
	if len(pdu) < pduHeaderLen {
		return dlr.Receipt{}, &PDUError{Offset: len(pdu), Field: "header", Err: withDetail(ErrTruncated,
			strconv.Itoa(len(pdu))+" octets, the header has 16")}
	}
	if n := pduUint32(pdu); n != uint32(len(pdu)) {
		return dlr.Receipt{}, &PDUError{Offset: 0, Field: "command_length", Err: withDetail(ErrLength,
			"command_length "+strconv.FormatUint(uint64(n), 10)+", PDU has "+strconv.Itoa(len(pdu))+" octets")}
	}
	cmd := pduUint32(pdu[4:])
	if cmd != CommandDeliverSM && cmd != CommandDataSM {
		return dlr.Receipt{}, &PDUError{Offset: 4, Field: "command_id", Err: withDetail(ErrCommand,
			"command_id 0x"+hexUint32(cmd))}
	}
	r := pduReader{b: pdu, off: pduHeaderLen}
	m := pduFields{dataSM: cmd == CommandDataSM, end: len(pdu)}
	var err error
	if m.serviceType, err = r.cstring("service_type"); err != nil {
		return dlr.Receipt{}, err
	}
	r.skip(2) // source_addr_ton, source_addr_npi
	if m.source, err = r.cstring("source_addr"); err != nil {
		return dlr.Receipt{}, err
	}
	r.skip(2) // dest_addr_ton, dest_addr_npi
	if m.dest, err = r.cstring("destination_addr"); err != nil {
		return dlr.Receipt{}, err
	}
	m.esmOff = r.off
	if m.esmClass, err = r.octet("esm_class"); err != nil {
		return dlr.Receipt{}, err
	}
	if cmd == CommandDataSM {
		r.skip(1) // registered_delivery
		if m.dataCoding, err = r.octet("data_coding"); err != nil {
			return dlr.Receipt{}, err
		}
		m.smOff = -1
	} else {
		r.skip(2) // protocol_id, priority_flag
		if _, err = r.cstring("schedule_delivery_time"); err != nil {
			return dlr.Receipt{}, err
		}
		if _, err = r.cstring("validity_period"); err != nil {
			return dlr.Receipt{}, err
		}
		r.skip(2) // registered_delivery, replace_if_present_flag
		if m.dataCoding, err = r.octet("data_coding"); err != nil {
			return dlr.Receipt{}, err
		}
		r.skip(1) // sm_default_msg_id
		n, err := r.octet("sm_length")
		if err != nil {
			return dlr.Receipt{}, err
		}
		if int(n) > len(pdu)-r.off {
			return dlr.Receipt{}, &PDUError{Offset: r.off - 1, Field: "sm_length", Err: withDetail(ErrLength,
				"sm_length "+strconv.Itoa(int(n))+", "+strconv.Itoa(len(pdu)-r.off)+" octets left")}
		}
		m.smOff = r.off
		m.shortMessage = pdu[r.off : r.off+int(n)]
		r.off += int(n)
	}
	if r.off > len(pdu) { // a skipped octet past the end
		return dlr.Receipt{}, &PDUError{Offset: len(pdu), Field: "header", Err: withDetail(ErrTruncated,
			"the mandatory fields end past the PDU")}
	}
	var t tlvs
	if err := readTLVs(pdu, r.off, &t); err != nil {
		return dlr.Receipt{}, err
	}
	return p.receipt(&m, &t)
}

// Parts are the fields of a deliver_sm or data_sm as an SMPP library
// decodes them, for [Parser.DecodeParts]. With github.com/linxGnu/gosmpp
// v0.3.1, for a *pdu.DeliverSM d: SourceAddr d.SourceAddr.Address(),
// DestAddr d.DestAddr.Address(), ShortMessage from d.Message.GetMessageData(),
// DataCoding from d.Message.Encoding().DataCoding() (Encoding is nil for
// data_coding values gosmpp does not know: guard it), TLVs from
// d.OptionalParameters (uint16(tag) → field.Data). gosmpp has already
// removed the user data header from the message, so pass its esm_class
// without the UDHI bit: byte(d.EsmClass) &^ 0x40.
type Parts struct {
	ServiceType  string
	SourceAddr   string // source_addr: in a receipt, the handset the message went to
	DestAddr     string // destination_addr: in a receipt, the original sender
	EsmClass     byte   // with UDHI (0x40) set, ShortMessage starts with a user data header
	DataCoding   byte
	ShortMessage []byte            // short_message as sent (undecoded); empty for data_sm
	TLVs         map[uint16][]byte // TLV values by tag, as sent
}

// DecodeParts is [Parser.DecodePDU] for a PDU an SMPP library has already
// split into fields, with the same size limit. Errors have Offset -1. TLVs other than the receipt
// ones go to Extra in tag order (a map has no wire order).
func (p *Parser) DecodeParts(parts Parts) (dlr.Receipt, error) {
	m := pduFields{
		serviceType:  []byte(parts.ServiceType),
		source:       []byte(parts.SourceAddr),
		dest:         []byte(parts.DestAddr),
		esmClass:     parts.EsmClass,
		esmOff:       -1,
		dataCoding:   parts.DataCoding,
		shortMessage: parts.ShortMessage,
		smOff:        -1,
		end:          -1,
	}
	size := len(parts.ServiceType) + len(parts.SourceAddr) + len(parts.DestAddr) + len(parts.ShortMessage)
	tags := make([]uint16, 0, len(parts.TLVs))
	for tag, v := range parts.TLVs {
		tags = append(tags, tag)
		size += 4 + len(v)
	}
	if size > p.maxPDU() {
		return dlr.Receipt{}, &PDUError{Offset: -1, Field: "parts", Err: withDetail(ErrPDUTooLarge,
			strconv.Itoa(size)+" octets, limit "+strconv.Itoa(p.maxPDU()))}
	}
	sortTLVTags(tags)
	var t tlvs
	for _, tag := range tags {
		if err := t.add(tag, parts.TLVs[tag], -1); err != nil {
			return dlr.Receipt{}, err
		}
	}
	return p.receipt(&m, &t)
}

func sortTLVTags(a []uint16) { // insertion sort: a PDU has a handful of TLVs
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// receipt builds the receipt from the decoded fields.
func (p *Parser) receipt(m *pduFields, t *tlvs) (dlr.Receipt, error) {
	kind := m.esmClass & esmTypeMask
	if kind != esmDeliveryReceipt && kind != esmIntermediateNote {
		return dlr.Receipt{}, &PDUError{Offset: m.esmOff, Field: "esm_class", Err: withDetail(ErrNotReceipt,
			"esm_class 0x"+hexOctet(m.esmClass))}
	}

	body, bodyOff, bodyField := m.shortMessage, m.smOff, "short_message"
	if m.dataSM {
		bodyOff, bodyField = m.end, "message_payload"
	}
	if len(body) == 0 && t.hasPayload {
		body, bodyOff, bodyField = t.payload, t.payloadOff, "message_payload"
	} else if t.hasPayload {
		// Both sent (SMPP forbids it): the short_message is read, the
		// payload kept.
		t.other = append(t.other, tlvField{TagMessagePayload, t.payload})
	}
	if m.esmClass&esmUDHI != 0 && len(body) > 0 {
		// A user data header comes first: its length octet, then itself.
		n := int(body[0]) + 1
		if n > len(body) {
			return dlr.Receipt{}, &PDUError{Offset: bodyOff, Field: bodyField, Err: withDetail(ErrLength,
				"user data header of "+strconv.Itoa(n)+" octets, "+strconv.Itoa(len(body))+" sent")}
		}
		body = body[n:]
		if bodyOff >= 0 {
			bodyOff += n
		}
	}
	var buf [512]byte
	var text []byte
	var lossy bool
	if codingOf(m.dataCoding) == codingGSM7 && printableASCII(trimTrailingNULs(body)) {
		// SMSCs write receipt text in ASCII: read as GSM 03.38, '_' would
		// become '§' (stat:DND_REJECTED, submit_date:, ids) and '@' '¡'.
		// Unpacked GSM text with '@', '$' or '_' has octets below 0x20,
		// so it still takes the GSM path.
		text = trimTrailingNULs(body)
	} else {
		text, lossy = decodeSMText(buf[:0], m.dataCoding, body)
	}

	var r dlr.Receipt
	var textErr error
	textOK := false
	if len(trimPDUText(text)) > 0 {
		r, textErr = p.Parse(text)
		if textErr != nil && !p.Strict {
			if r2, ok := p.parseWithTLVs(text, t, r); ok {
				r, textErr = r2, nil
			}
		}
		textOK = textErr == nil
		if textErr != nil {
			if r.MessageID == "" && r.Status == status.None {
				r = dlr.Receipt{} // nothing usable
			}
			if r.MessageID == "" {
				// Parse needs id and stat; the TLVs may bring the
				// stat, so take the id from the fields as sent.
				if f, err := p.ParseFields(text); err == nil && f.ID != "" {
					r.MessageID = f.ID
					if r.RawError == "" {
						r.RawError = f.Err
					}
					if r.Text == "" {
						r.Text = f.Text
					}
				}
			}
		}
	}
	// Text that gave nothing (not receipt text, or none this parser
	// reads) is kept in Extra.
	keepText := !textOK && r.MessageID == "" && r.Status == status.None && r.Text == ""
	shown := trimPDUText(text)
	if !keepText {
		shown = nil
	}

	// Every string taken from the PDU shares one allocation.
	size := len(t.id) + len(m.source) + len(m.dest) + len(m.serviceType) + 2*len(t.nec) + len(shown)
	if lossy {
		size += 2 * len(body)
	}
	for _, f := range t.other {
		size += len("tlv:0x0000") + 2*len(f.value)
	}
	var a strArena
	a.Grow(size)

	var extra []dlr.Field
	add := func(key, value string) {
		if extra == nil { // one allocation, sized for the most there can be
			extra = make([]dlr.Field, 0, len(r.Extra)+len(t.other)+8)
		}
		extra = append(extra, dlr.Field{Key: key, Value: value})
	}
	if len(m.serviceType) > 0 {
		add("service_type", a.str(m.serviceType))
	}
	for _, f := range r.Extra {
		add(f.Key, f.Value)
	}

	if t.hasID {
		id := a.str(t.id)
		if r.MessageID != "" && r.MessageID != id {
			add("text_id", r.MessageID)
		}
		r.MessageID = id
	}
	stateOK := false // a defined message_state decided the status
	if t.hasState {
		raw := strconv.Itoa(int(t.state)) // no allocation below 100
		st, ok := status.FromMessageState(t.state)
		switch {
		case !ok && r.Status != status.None:
			// Undefined value: the text's status stands; keep the value.
			add("message_state", raw)
		case !ok:
			r.Status, r.RawStatus = status.Unknown, raw
		default:
			stateOK = true
			if r.Status != status.None && r.Status != st {
				if r.RawStatus != "" {
					add("text_stat", r.RawStatus)
				}
				r.RawStatus = raw
			}
			if r.RawStatus == "" {
				r.RawStatus = raw
			}
			r.Status = st
		}
	}
	if t.hasNEC {
		ns := p.Namespace
		if ns == errcode.NoNamespace {
			ns = errcode.MAP
		}
		code, ascii, ok := readNetworkErrorCode(t.nec, ns)
		var raw string
		if ascii {
			raw = a.str(t.nec)
		} else {
			raw = a.hex(t.nec)
		}
		if ok {
			r.Error = code
		}
		if r.RawError == "" && ok {
			r.RawError = raw
		} else {
			add("network_error_code", raw)
		}
	}
	if kind == esmIntermediateNote {
		add("receipt_type", "intermediate")
	}
	if len(shown) > 0 {
		add("short_message", a.str(shown))
	}
	if lossy {
		add("short_message_hex", a.hex(body))
	}
	for _, f := range t.other {
		add(a.tlvKey(f.tag), a.hex(f.value))
	}
	r.Extra = extra
	if len(r.Extra) == 0 {
		r.Extra = nil
	}
	r.To = a.str(m.source)
	r.From = a.str(m.dest)
	r.Source = dlr.Source{Format: dlr.FormatSMPPPDU}

	if textOK && r.IsValid() {
		return r, nil
	}
	// The text gave no receipt: the TLVs must.
	var stateErr error
	if t.hasState && !stateOK && r.Status == status.Unknown {
		stateErr = &PDUError{Offset: t.stateOff, Field: "message_state", Err: withDetail(ErrMessageState, r.RawStatus)}
	}
	switch {
	case textErr != nil && p.Strict:
		return dlr.Receipt{}, &PDUError{Offset: bodyOff, Field: bodyField, Err: textErr}
	case t.hasID && t.hasState:
		return r, stateErr
	case textErr != nil && r.IsValid():
		// A partial result: an unknown value in the text.
		return r, &PDUError{Offset: bodyOff, Field: bodyField, Err: textErr}
	case textErr != nil:
		return dlr.Receipt{}, &PDUError{Offset: bodyOff, Field: bodyField, Err: textErr}
	}
	return dlr.Receipt{}, &PDUError{Offset: bodyOff, Field: bodyField, Err: ErrNoReceiptData}
}

// parseWithTLVs reads receipt text that lacks stat: (and perhaps id:)
// because the TLVs carry them: it parses the text with the TLV values
// added, so that its other fields (dates, counts, err:) are still read.
// Status and id then come from the TLVs. partial is what Parse gave.
func (p *Parser) parseWithTLVs(text []byte, t *tlvs, partial dlr.Receipt) (dlr.Receipt, bool) {
	if !t.hasState || partial.Status != status.None || !hasReceiptKey(text) {
		return dlr.Receipt{}, false
	}
	st, ok := status.FromMessageState(t.state)
	if !ok {
		return dlr.Receipt{}, false
	}
	text = trimPDUText(text)
	try := func(withID bool) (dlr.Receipt, bool) {
		b := make([]byte, 0, len(text)+len(" stat:SCHEDULED id:")+len(t.id))
		b = append(b, text...)
		b = append(b, " stat:"...)
		b = append(b, st.String()...)
		if withID {
			b = append(b, " id:"...)
			b = append(b, t.id...)
		}
		r, err := p.Parse(b)
		if err != nil {
			return dlr.Receipt{}, false
		}
		r.RawStatus = "" // not sent: the message_state number goes here
		if withID {
			r.MessageID = "" // not sent: the TLV id goes here
		}
		return r, true
	}
	if r, ok := try(false); ok {
		return r, true
	}
	if t.hasID {
		return try(true)
	}
	return dlr.Receipt{}, false
}

// hasReceiptKey reports whether text has one of the receipt keys besides
// id: and stat: (sub:, dlvrd:, submit date:, done date:, err:), in any
// case: text without them is not receipt text, and is not completed from
// the TLVs.
func hasReceiptKey(text []byte) bool {
	for i := 0; i < len(text); i++ {
		if text[i] != ':' {
			continue
		}
		var w [6]byte // the letters before the colon, lower case
		n := 0
		for j := i - 1; j >= 0 && n < len(w); j-- {
			c := text[j] | 0x20
			if c < 'a' || c > 'z' {
				break
			}
			w[len(w)-1-n] = c
			n++
		}
		switch string(w[len(w)-n:]) { // a 6-letter word matches none
		case "sub", "dlvrd", "date", "err":
			return true
		}
	}
	return false
}

func (p *Parser) maxPDU() int {
	n := p.MaxSize
	if n <= 0 {
		n = DefaultMaxSize
	}
	return n + pduSlack
}

// pduReader walks the mandatory fields of a PDU body.
type pduReader struct {
	b   []byte
	off int
}

func (r *pduReader) skip(n int) { r.off += n }

func (r *pduReader) octet(field string) (byte, error) {
	if r.off >= len(r.b) {
		return 0, &PDUError{Offset: len(r.b), Field: field, Err: ErrTruncated}
	}
	c := r.b[r.off]
	r.off++
	return c, nil
}

// cstring reads a C-octet string (up to and including its NUL) and returns
// it without the NUL.
func (r *pduReader) cstring(field string) ([]byte, error) {
	if r.off >= len(r.b) {
		return nil, &PDUError{Offset: len(r.b), Field: field, Err: ErrTruncated}
	}
	end := min(len(r.b), r.off+maxCString)
	for i := r.off; i < end; i++ {
		if r.b[i] == 0 {
			s := r.b[r.off:i]
			r.off = i + 1
			return s, nil
		}
	}
	if end == len(r.b) {
		return nil, &PDUError{Offset: r.off, Field: field, Err: withDetail(ErrCString, "the PDU ends first")}
	}
	return nil, &PDUError{Offset: r.off, Field: field, Err: withDetail(ErrCString, "no NUL in 65 octets")}
}

func pduUint32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

const lowerHexDigits = "0123456789abcdef"

func hexUint32(v uint32) string {
	var b [8]byte
	for i := 7; i >= 0; i-- {
		b[i] = lowerHexDigits[v&0xF]
		v >>= 4
	}
	return string(b[:])
}

func hexOctet(v byte) string { return string([]byte{lowerHexDigits[v>>4], lowerHexDigits[v&0xF]}) }

// strArena hands out strings that share one allocation: Grow it to the total
// size first. Bytes once written are never changed, so the strings stay
// valid even if it grows again.
type strArena struct{ strings.Builder }

func (a *strArena) str(b []byte) string {
	start := a.Len()
	a.Write(b)
	return a.String()[start:]
}

func (a *strArena) hex(b []byte) string {
	start := a.Len()
	for _, c := range b {
		a.WriteByte(lowerHexDigits[c>>4])
		a.WriteByte(lowerHexDigits[c&0xF])
	}
	return a.String()[start:]
}

// tlvKey writes the Extra key of an unmapped TLV: "tlv:0x1454".
func (a *strArena) tlvKey(tag uint16) string {
	start := a.Len()
	a.WriteString("tlv:0x")
	for shift := 12; shift >= 0; shift -= 4 {
		a.WriteByte(lowerHexDigits[tag>>shift&0xF])
	}
	return a.String()[start:]
}

// printableASCII reports whether b holds only printable ASCII, tab, CR and
// LF: receipt text whose GSM 03.38 reading would differ from its ASCII one
// only in the characters ASCII prints ('@' '$' '_' '[' …).
func printableASCII(b []byte) bool {
	for _, c := range b {
		if (c < 0x20 || c > 0x7E) && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// trimPDUText removes leading and trailing ASCII white space and NULs.
func trimPDUText(b []byte) []byte {
	isSpace := func(c byte) bool { return c == 0 || c == ' ' || c == '\t' || c == '\r' || c == '\n' }
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}
