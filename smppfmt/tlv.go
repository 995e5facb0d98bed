package smppfmt

import (
	"encoding/hex"
	"strconv"

	"github.com/dlrkit/dlrkit/errcode"
)

// TLV tags this package reads (SMPP 3.4 §5.3.2, SMPP 5.0 §4.8.4).
const (
	TagReceiptedMessageID uint16 = 0x001E // receipted_message_id: C-octet string, the message's id
	TagNetworkErrorCode   uint16 = 0x0423 // network_error_code: type octet + 16-bit code
	TagMessagePayload     uint16 = 0x0424 // message_payload: the text when short_message is empty
	TagMessageState       uint16 = 0x0427 // message_state: one octet, 0–9
)

// maxReceiptedIDLen bounds receipted_message_id (a C-octet string of at most 65
// octets, the NUL included).
const maxReceiptedIDLen = 65

// tlvs holds what was read from the receipt TLVs. Offsets are the positions
// of the values in the PDU, or -1 when the TLVs came without bytes (Parts).
type tlvs struct {
	id         []byte
	hasID      bool
	state      byte
	hasState   bool
	stateOff   int
	nec        []byte
	hasNEC     bool
	payload    []byte
	hasPayload bool
	payloadOff int
	// other holds the TLVs with other tags, in the order read, as Extra
	// fields "tlv:0xTTTT" with the value in lower-case hex.
	other []tlvField
}

type tlvField struct {
	tag   uint16
	value []byte
}

// add records one TLV. off is the offset of the TLV (its tag) in the PDU,
// or -1. Its error is a *PDUError.
func (t *tlvs) add(tag uint16, value []byte, off int) error {
	field := func() string { return tlvName(tag) }
	valueOff := off
	if off >= 0 {
		valueOff = off + 4
	}
	dup := func() error { return &PDUError{Offset: off, Field: field(), Err: withDetail(ErrTLV, "repeated")} }
	switch tag {
	case TagReceiptedMessageID:
		if t.hasID {
			return dup()
		}
		if len(value) > maxReceiptedIDLen {
			return &PDUError{Offset: valueOff, Field: field(), Err: withDetail(ErrTLV, "longer than 65 octets")}
		}
		id := trimTrailingNULs(value)
		if len(id) == 0 {
			return nil // an empty id says nothing
		}
		for _, c := range id {
			if c == 0 {
				return &PDUError{Offset: valueOff, Field: field(), Err: withDetail(ErrTLV, "NUL inside the id")}
			}
		}
		t.id, t.hasID = id, true
	case TagMessageState:
		if t.hasState {
			return dup()
		}
		if len(value) != 1 {
			return &PDUError{Offset: valueOff, Field: field(), Err: withDetail(ErrTLV, "length "+strconv.Itoa(len(value))+", want 1")}
		}
		t.state, t.hasState, t.stateOff = value[0], true, valueOff
	case TagNetworkErrorCode:
		if t.hasNEC {
			return dup()
		}
		t.nec, t.hasNEC = value, true
	case TagMessagePayload:
		if t.hasPayload {
			return dup()
		}
		t.payload, t.hasPayload, t.payloadOff = value, true, valueOff
	default:
		t.other = append(t.other, tlvField{tag, value})
	}
	return nil
}

// tlvName names a TLV for errors and Extra keys.
func tlvName(tag uint16) string {
	switch tag {
	case TagReceiptedMessageID:
		return "receipted_message_id"
	case TagMessageState:
		return "message_state"
	case TagNetworkErrorCode:
		return "network_error_code"
	case TagMessagePayload:
		return "message_payload"
	}
	return tlvKey(tag)
}

// tlvKey is the Extra key of a TLV this package does not map: "tlv:0x1454".
func tlvKey(tag uint16) string {
	const digits = "0123456789abcdef"
	b := [10]byte{'t', 'l', 'v', ':', '0', 'x',
		digits[tag>>12], digits[tag>>8&0xF], digits[tag>>4&0xF], digits[tag&0xF]}
	return string(b[:])
}

// readTLVs reads the TLVs that fill pdu[off:] to its end. A TLV header or
// value cut short (a stray octet, a length past the end) is an error.
func readTLVs(pdu []byte, off int, t *tlvs) error {
	for off < len(pdu) {
		if len(pdu)-off < 4 {
			return &PDUError{Offset: off, Field: "tlv", Err: withDetail(ErrTruncated, strconv.Itoa(len(pdu)-off)+" octets left, a TLV header needs 4")}
		}
		tag := uint16(pdu[off])<<8 | uint16(pdu[off+1])
		n := int(pdu[off+2])<<8 | int(pdu[off+3])
		if n > len(pdu)-off-4 {
			return &PDUError{Offset: off + 2, Field: tlvName(tag), Err: withDetail(ErrTruncated, "length "+strconv.Itoa(n)+", "+strconv.Itoa(len(pdu)-off-4)+" octets left")}
		}
		if err := t.add(tag, pdu[off+4:off+4+n], off); err != nil {
			return err
		}
		off += 4 + n
	}
	return nil
}

// NetworkErrorCode reads a network_error_code TLV value (tag 0x0423).
// The standard form is 3 octets: a network type and a big-endian 16-bit
// code (SMPP 3.4 §5.3.2.31), read with [errcode.FromNetworkErrorCode]; raw
// is then the 6 hex digits ("030020"). Some SMSCs send the code as ASCII
// digits instead ("000" as 30 30 30, which Kannel accepts); a value whose
// octets are all digits is read that way, in namespace ns (the type octet
// of the standard form is never a digit character), and raw is the digits.
// ok is false when the value is neither (a reserved network type, another
// length); raw is then the value in hex.
func NetworkErrorCode(value []byte, ns errcode.Namespace) (code errcode.Code, raw string, ok bool) {
	code, ascii, ok := readNetworkErrorCode(value, ns)
	if ascii {
		return code, string(value), ok
	}
	return code, hex.EncodeToString(value), ok
}

// readNetworkErrorCode is NetworkErrorCode without the raw string; ascii
// reports the ASCII-digits form.
func readNetworkErrorCode(value []byte, ns errcode.Namespace) (code errcode.Code, ascii, ok bool) {
	if octetsAreDigits(value) && len(value) > 0 && len(value) <= 10 {
		v, ok := errcode.ParseValue(string(value)) // no allocation: the conversion does not escape
		if !ok {
			return errcode.Code{}, true, false
		}
		return errcode.Code{Namespace: ns, Value: v}, true, true
	}
	if len(value) != 3 {
		return errcode.Code{}, false, false
	}
	code, ok = errcode.FromNetworkErrorCode(value[0], uint16(value[1])<<8|uint16(value[2]))
	return code, false, ok
}

func octetsAreDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
