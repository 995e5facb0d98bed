package smppfmt

import "unicode/utf8"

// gsmBasic is the GSM 03.38 / 3GPP TS 23.038 §6.2.1 default alphabet,
// septet → Unicode. 0x1B is the escape to the extension table; it is decoded
// separately. Source: 3GPP TS 23.038; the same table is in Wireshark
// (epan/dissectors/packet-gsm_sms.c, gsm_default_alphabet) and gosmpp
// (data/7bit.go).
var gsmBasic = [128]rune{
	'@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å',
	'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', 0x1B, 'Æ', 'æ', 'ß', 'É',
	' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
	'¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
	'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§',
	'¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à',
}

// gsmExt is the extension table (TS 23.038 §6.2.1.1): the septet after an
// escape (0x1B) → Unicode; 0 where the table has no character.
var gsmExt = [128]rune{
	0x0A: '\f',
	0x14: '^',
	0x28: '{',
	0x29: '}',
	0x2F: '\\',
	0x3C: '[',
	0x3D: '~',
	0x3E: ']',
	0x40: '|',
	0x65: '€',
}

const gsmEscape = 0x1B

// gsmIsASCII reports whether src decodes to itself: every octet is a septet
// whose GSM character is the ASCII character with the same code. A receipt
// text without '@', '$', '_' and the like takes this path and is not copied.
func gsmIsASCII(src []byte) bool {
	for _, c := range src {
		if c >= 0x80 || c == gsmEscape || gsmBasic[c] != rune(c) {
			return false
		}
	}
	return true
}

// appendGSM7 appends the UTF-8 form of src, GSM 03.38 septets one per octet
// (the unpacked form SMPP uses), to dst. It reports whether anything was
// lost: an octet above 0x7F is not a septet and becomes U+FFFD.
//
// An escape followed by a septet the extension table does not define gives
// the base-table character of that septet, as TS 23.038 asks of receivers;
// an escape at the very end gives U+00A0 (no-break space), as Wireshark does.
func appendGSM7(dst, src []byte) (out []byte, lossy bool) {
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c >= 0x80:
			dst = utf8.AppendRune(dst, utf8.RuneError)
			lossy = true
		case c == gsmEscape:
			if i+1 == len(src) {
				dst = utf8.AppendRune(dst, '\u00A0')
				continue
			}
			if n := src[i+1]; n < 0x80 && gsmExt[n] != 0 {
				dst = utf8.AppendRune(dst, gsmExt[n])
				i++
			}
			// Otherwise the next septet is read on its own.
		default:
			dst = utf8.AppendRune(dst, gsmBasic[c])
		}
	}
	return dst, lossy
}
