package smppfmt

import (
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// textCoding is how a data_coding value's octets are turned into text.
type textCoding uint8

const (
	codingRaw    textCoding = iota // kept as sent
	codingGSM7                     // GSM 03.38 default alphabet, one septet per octet
	codingLatin1                   // ISO-8859-1
	codingUCS2                     // UCS-2 / UTF-16, big-endian
)

// codingOf maps an SMPP data_coding value (SMPP 3.4 §5.2.19) to a textCoding.
//
// 0 (SMSC default alphabet) and 1 (IA5) are read as the GSM 03.38 default
// alphabet: on the receipt keys the two agree with ASCII, and SMSCs and
// SMPP stacks (node-smpp, for one) write both with the GSM table. 3 is
// Latin-1 and 8 UCS-2. Values that SMPP reserves are read as a 3GPP TS
// 23.038 data coding scheme, as Kannel does: the general data coding group
// (0x10–0x3F: bits 3–2 give the alphabet, bit 5 compression) and the
// 0xF0–0xFF group (bit 2: 8-bit data, else GSM). Everything else (binary,
// JIS, Cyrillic, Hebrew, pictograms, …) is kept as raw octets.
func codingOf(dc byte) textCoding {
	switch dc {
	case 0, 1:
		return codingGSM7
	case 3:
		return codingLatin1
	case 8:
		return codingUCS2
	}
	switch {
	case dc&0xF0 == 0xF0:
		if dc&0x04 != 0 {
			return codingRaw
		}
		return codingGSM7
	case dc >= 0x10 && dc <= 0x3F:
		if dc&0x20 != 0 { // compressed
			return codingRaw
		}
		switch (dc >> 2) & 3 {
		case 0:
			return codingGSM7
		case 2:
			return codingUCS2
		}
	}
	return codingRaw
}

// DecodeText returns the UTF-8 text of a short_message or message_payload
// written in the given data_coding, and whether anything was lost: octets
// outside the character set become U+FFFD (they never cause a panic or an
// error). Codings this package does not decode are returned as sent, and
// not reported as lossy.
//
// Trailing NUL octets that SMSCs add as a C terminator are removed before
// decoding: in GSM 03.38, 0x00 is '@', so a terminator would otherwise show
// up as a trailing '@'. UCS-2 is read big-endian; a leading byte order
// mark is removed (and a little-endian one honoured).
func DecodeText(dataCoding byte, b []byte) (text string, lossy bool) {
	out, lossy := decodeSMText(nil, dataCoding, b)
	return string(out), lossy
}

// decodeSMText is DecodeText into dst's storage. When the octets already are
// their own UTF-8 form, it returns b itself and copies nothing.
func decodeSMText(dst []byte, dc byte, b []byte) ([]byte, bool) {
	switch codingOf(dc) {
	case codingGSM7:
		b = trimTrailingNULs(b)
		if gsmIsASCII(b) {
			return b, false
		}
		return appendGSM7(dst[:0], b)
	case codingLatin1:
		if allBelow0x80(b) {
			return b, false
		}
		out, err := charmap.ISO8859_1.NewDecoder().Bytes(b)
		if err != nil { // not reached: every octet is a Latin-1 character
			return b, true
		}
		return out, false
	case codingUCS2:
		lossy := false
		if len(b)%2 == 1 {
			if b[len(b)-1] == 0 {
				b = b[:len(b)-1] // a C terminator after the last code unit
			} else {
				lossy = true
			}
		}
		// SMPP's UCS-2 is big-endian; a byte order mark, rare as it is,
		// is honoured and removed, so that the text starts with its key.
		order := unicode.BigEndian
		if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
			b = b[2:]
		} else if len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE {
			b, order = b[2:], unicode.LittleEndian
		}
		lossy = lossy || hasLoneSurrogate(b, order == unicode.LittleEndian)
		out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
		if err != nil {
			return b, true
		}
		return out, lossy
	}
	return b, false
}

// trimTrailingNULs removes trailing NUL octets.
func trimTrailingNULs(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}

func allBelow0x80(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// hasLoneSurrogate reports whether UTF-16 code units b hold a surrogate
// that is not part of a pair; the decoder turns it into U+FFFD.
func hasLoneSurrogate(b []byte, littleEndian bool) bool {
	unit := func(i int) uint16 {
		if littleEndian {
			return uint16(b[i+1])<<8 | uint16(b[i])
		}
		return uint16(b[i])<<8 | uint16(b[i+1])
	}
	for i := 0; i+1 < len(b); i += 2 {
		u := unit(i)
		switch {
		case u >= 0xD800 && u < 0xDC00: // high surrogate: a low one must follow
			if i+3 >= len(b) {
				return true
			}
			v := unit(i + 2)
			if v < 0xDC00 || v >= 0xE000 {
				return true
			}
			i += 2
		case u >= 0xDC00 && u < 0xE000:
			return true
		}
	}
	return false
}
