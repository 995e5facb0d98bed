package smppfmt

import (
	"errors"
	"strconv"
)

// Message ids are compared as numbers of up to maxIDDigits digits; longer ids
// are compared as strings only. 128 hexadecimal digits are 512 bits.
const (
	maxIDDigits = 128
	idLimbs     = 16 // 32-bit limbs: 512 bits
)

// SameID reports whether two message ids can name the same message: equal
// strings; decimal ids equal as numbers (zero padding ignored: "0059113978"
// and "59113978"); hexadecimal ids equal as numbers in either case
// ("38601FA" and "38601fa"); or one id's decimal value equal to the other's
// hexadecimal value ("0059113978" and "38601fa", as carriers write the
// receipt text id and the receipted_message_id TLV). Numbers of any length
// up to 128 digits are compared exactly (no overflow above 2⁶³). Ids that
// are not numbers are compared as strings, UUIDs ignoring case; zeros are
// never stripped from them. Surrounding spaces and NULs are ignored; an
// empty id names no message and matches nothing.
//
// An id of digits alone may be decimal or hexadecimal, and SameID accepts
// either reading: SameID("16", "10") is true, because 16 is 0x10. That is
// what lets a decimal text id match a hexadecimal TLV id that happens to
// have no letters, and it is also the price: two decimal ids from the same
// source can match by accident (SameID("100", "256") is true, since 0x100
// is 256). When a connection's id forms are known, use [IDTypes], which
// does not guess.
//
// SameID is symmetric. SameID(a, b) holds whenever CanonicalID(a) ==
// CanonicalID(b) and neither is empty.
func SameID(a, b string) bool {
	a, b = trimMessageID(a), trimMessageID(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	ka, kb := classifyMessageID(a), classifyMessageID(b)
	if ka&idUUID != 0 && kb&idUUID != 0 {
		return idEqualFold(a, b)
	}
	if ka&idHex == 0 || kb&idHex == 0 {
		return false // at least one is not a number
	}
	if len(a) > maxIDDigits || len(b) > maxIDDigits {
		return idEqualFold(a, b)
	}
	if len(a) <= 16 && len(b) <= 16 { // every reading fits in 64 bits
		ha, hb := parseUint64(a, 16), parseUint64(b, 16)
		if ha == hb {
			return true
		}
		decA, decB := ka&idDec != 0, kb&idDec != 0
		var da, db uint64
		if decA {
			da = parseUint64(a, 10)
		}
		if decB {
			db = parseUint64(b, 10)
		}
		return decA && da == hb || decB && ha == db || decA && decB && da == db
	}
	var ha, hb idNum
	ha.setHex(a)
	hb.setHex(b)
	if ha == hb {
		return true
	}
	var da, db idNum
	if ka&idDec != 0 {
		da.setDec(a)
		if da == hb {
			return true
		}
	}
	if kb&idDec != 0 {
		db.setDec(b)
		if ha == db {
			return true
		}
	}
	return ka&idDec != 0 && kb&idDec != 0 && da == db
}

// CanonicalID returns a form of id for use as a map key when nothing is
// known about how ids are written: an id of decimal digits becomes its
// value in lower-case hexadecimal without padding ("0059113978" →
// "38601fa"), an id of hexadecimal digits its value the same way ("38601FA"
// → "38601fa"), a UUID lower case, and any other id stays as it is
// (trimmed of surrounding spaces and NULs).
//
// It reads an id of digits alone as decimal, so a hexadecimal id without
// letters ("6000123") gets a key that its decimal twin does not: for ids
// of n hex digits that happens with probability (10/16)ⁿ, about 2% for 8
// digits. [SameID] catches those; [IDTypes.Canonical] avoids the guess.
func CanonicalID(id string) string {
	id = trimMessageID(id)
	k := classifyMessageID(id)
	switch {
	case id == "":
		return ""
	case k&idDec != 0:
		return IDDecimal.Canonical(id)
	case k&idHex != 0:
		return IDHex.Canonical(id)
	case k&idUUID != 0:
		return idLower(id)
	}
	return id
}

// IDType says how a connection writes message ids, like the bits of
// Kannel's msg-id-type setting.
type IDType uint8

// The id types.
const (
	IDAuto    IDType = iota // not known: decimal or hexadecimal, as SameID guesses
	IDDecimal               // decimal digits, zero padding allowed
	IDHex                   // hexadecimal digits, either case
	IDText                  // an opaque string (UUID, base36, vendor forms): compared exactly

	numIDTypes
)

var idTypeNames = [numIDTypes]string{"auto", "decimal", "hex", "text"}

// String returns "auto", "decimal", "hex" or "text".
func (t IDType) String() string {
	if t < numIDTypes {
		return idTypeNames[t]
	}
	return "IDType(" + strconv.Itoa(int(t)) + ")"
}

// MarshalText implements encoding.TextMarshaler.
func (t IDType) MarshalText() ([]byte, error) {
	if t >= numIDTypes {
		return nil, errors.New("smppfmt: cannot marshal " + t.String())
	}
	return []byte(idTypeNames[t]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler for the names String
// gives.
func (t *IDType) UnmarshalText(b []byte) error {
	for i, name := range idTypeNames {
		if string(b) == name {
			*t = IDType(i)
			return nil
		}
	}
	return errors.New("smppfmt: unknown id type " + strconv.Quote(string(b)))
}

// Canonical returns the form of id under t: the number in lower-case
// hexadecimal without padding for IDDecimal and IDHex (an id that is not
// such a number, or longer than 128 digits, stays as it is), the id
// itself for IDText, and [CanonicalID] for IDAuto. Surrounding spaces and
// NULs are removed.
func (t IDType) Canonical(id string) string {
	id = trimMessageID(id)
	k := classifyMessageID(id)
	switch t {
	case IDAuto:
		return CanonicalID(id)
	case IDDecimal:
		if k&idDec == 0 || len(id) > maxIDDigits {
			return id
		}
		var n idNum
		n.setDec(id)
		return n.hex()
	case IDHex:
		if k&idHex == 0 || len(id) > maxIDDigits {
			return id
		}
		var n idNum
		n.setHex(id)
		return n.hex()
	}
	return id
}

// IDTypes is the known relation between the ids a connection uses, like
// Kannel's msg-id-type: Submit is the form of the submit_sm_resp
// message_id (and, on the same SMSC, of receipted_message_id), Receipt the
// form of the receipt text's id:. Kannel's 0x01 (submit_sm_resp hex,
// receipt decimal) is IDTypes{Submit: IDHex, Receipt: IDDecimal}. The zero
// value guesses both, as [SameID] does.
type IDTypes struct {
	Submit  IDType
	Receipt IDType
}

// Same reports whether submitID (as the submit response gave it) and
// receiptID (as a receipt gave it) name the same message under t.
func (t IDTypes) Same(submitID, receiptID string) bool {
	switch {
	case t.Submit == IDAuto && t.Receipt == IDAuto:
		return SameID(submitID, receiptID)
	case t.Submit == IDAuto:
		return sameAuto(receiptID, t.Receipt, submitID)
	case t.Receipt == IDAuto:
		return sameAuto(submitID, t.Submit, receiptID)
	}
	a, b := t.Submit.Canonical(submitID), t.Receipt.Canonical(receiptID)
	return a != "" && a == b
}

// sameAuto compares an id of known type with one of unknown type, which
// may be read as decimal, hexadecimal or text.
func sameAuto(known string, kt IDType, other string) bool {
	c := kt.Canonical(known)
	if c == "" || trimMessageID(other) == "" {
		return false
	}
	return c == IDDecimal.Canonical(other) || c == IDHex.Canonical(other) || c == IDText.Canonical(other)
}

// parseUint64 reads s, at most 16 digits of the base (10 or 16), which
// classifyMessageID has checked.
func parseUint64(s string, base uint64) uint64 {
	var v uint64
	for i := 0; i < len(s); i++ {
		v = v*base + uint64(idHexVal(s[i]))
	}
	return v
}

// idNum is a non-negative integer in little-endian 32-bit limbs. Leading
// zero limbs are zero, so == compares values.
type idNum [idLimbs]uint32

// setHex sets n to the value of s, hexadecimal digits (len ≤ maxIDDigits).
func (n *idNum) setHex(s string) {
	*n = idNum{}
	for i := 0; i < len(s); i++ {
		d := uint32(idHexVal(s[len(s)-1-i]))
		n[i/8] |= d << (4 * (i % 8))
	}
}

// setDec sets n to the value of s, decimal digits (len ≤ maxIDDigits).
func (n *idNum) setDec(s string) {
	*n = idNum{}
	for i := 0; i < len(s); i++ {
		carry := uint64(s[i] - '0')
		for j := range n {
			v := uint64(n[j])*10 + carry
			n[j] = uint32(v)
			carry = v >> 32
		}
	}
}

// hex returns n in lower-case hexadecimal without leading zeros.
func (n *idNum) hex() string {
	var b [idLimbs * 8]byte
	i := len(b)
	for _, limb := range n {
		for k := 0; k < 8; k++ {
			i--
			b[i] = lowerHexDigits[limb&0xF]
			limb >>= 4
		}
	}
	for i < len(b)-1 && b[i] == '0' {
		i++
	}
	return string(b[i:])
}

func idHexVal(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

const (
	idDec  = 1 << iota // only decimal digits
	idHex              // only hexadecimal digits (set for decimal ids too)
	idUUID             // 8-4-4-4-12 hexadecimal digits
)

func classifyMessageID(s string) int {
	if s == "" {
		return 0
	}
	k := idDec | idHex
	for i := 0; i < len(s) && k != 0; i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
		case 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F':
			k &^= idDec
		default:
			k = 0
		}
	}
	if k == 0 && isUUIDForm(s) {
		k = idUUID
	}
	return k
}

func isUUIDForm(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
			continue
		}
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// trimMessageID removes surrounding ASCII spaces, tabs and NULs.
func trimMessageID(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == 0) {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == 0) {
		s = s[:len(s)-1]
	}
	return s
}

func idEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if idLowerByte(a[i]) != idLowerByte(b[i]) {
			return false
		}
	}
	return true
}

func idLowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func idLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = idLowerByte(c)
	}
	return string(b)
}
