package smppfmt

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// A fixedLayout is the rest of a receipt after its id when it is written
// with the fixed widths of SMPP 3.4 Appendix B ("sub:SSS dlvrd:DDD submit
// date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E Text: ...", with
// err three wide as SMSCs write it), compiled into 64-bit words so that
// whole runs of keys and values are checked at once.
type fixedLayout struct {
	n int // bytes, up to the text key's colon
	w int // the dates' width
	// words[j] covers bytes 8j to 8j+7, except the last, which covers the
	// last 8 bytes (and may overlap the one before): only n bytes are read.
	words [fixedWords]layoutWord
	// Each field's value, as offsets from the start of the layout.
	start, end [keyText]int32
}

// fixedWords is the number of words in a layout: enough for fixedMax
// bytes.
const (
	fixedMin   = 88 // the shortest layout
	fixedMax   = 96 // the longest layout a fixedLayout can hold
	fixedWords = fixedMax / 8
)

// match reads exactly twelve words, eleven from the first fixedMin bytes.
const _ = uint(fixedWords-12) + uint(12-fixedWords) + uint(fixedMin-88) + uint(88-fixedMin)

// layoutWord is 8 bytes of a fixed layout: the key and separator bytes
// (word, under and, letters folded by fold), and the top bit of every value
// byte (high).
type layoutWord struct{ word, and, fold, high uint64 }

// The fixed layouts: the widths of Appendix B, and the same with the
// 12-digit dates (yyMMddHHmmss) that Kannel, Clickatell and Cloudhopper
// write. '#' is a value byte: anything but a separator.
var fixedLayouts = [2]fixedLayout{
	compileLayout("sub:### dlvrd:### submit date:########## done date:########## stat:####### err:### text:"),
	compileLayout("sub:### dlvrd:### submit date:############ done date:############ stat:####### err:### text:"),
}

// fixedPick is where the two layouts first differ: the submit date's
// eleventh byte, a space in the first.
const fixedPick = len("sub:### dlvrd:### submit date:") + 10

func compileLayout(t string) (l fixedLayout) {
	if len(t) < fixedMin || len(t) > fixedMax {
		panic("smppfmt: layout of " + t)
	}
	l.n = len(t)
	for j := range l.words {
		off := 8 * j
		if off+8 > len(t) || j == len(l.words)-1 {
			off = len(t) - 8
		}
		w := &l.words[j]
		for x := 0; x < 8; x++ {
			c, sh := uint64(t[off+x]), 8*x
			switch {
			case c == '#':
				w.high |= 0x80 << sh
				continue
			case 'a' <= c && c <= 'z':
				w.fold |= 0x20 << sh
			}
			w.word |= c << sh
			w.and |= 0xFF << sh
		}
	}
	k := keySub
	for i := 0; i < len(t); i++ {
		if t[i] != '#' {
			continue
		}
		if t[i-1] != '#' {
			l.start[k] = int32(i)
		}
		if t[i+1] != '#' {
			l.end[k] = int32(i + 1)
			k++
		}
	}
	l.w = int(l.end[keySubmitDate] - l.start[keySubmitDate])
	return l
}

// check returns zero if u (8 bytes of input, little-endian) is written as
// w: key bytes equal, and value bytes from 0x21 up.
//
// The value bytes are tested as in firstSep, on u itself: a byte below 0x21
// sets its top bit in (u-0x21…)&^u. A borrow from such a byte can flag the
// byte above it too, but in a layout a byte below 0x21 is either a value
// byte (u is refused anyway) or a space, and a space is always followed by
// a key letter, which takes the borrow without passing it on or being
// flagged. So a flagged value byte is a real one.
func (w *layoutWord) check(u uint64) uint64 {
	return u&w.and | w.fold ^ w.word | (u-0x21*swarOnes)&^u&w.high
}

// fixedReceipt reports whether b, a whole receipt text without its trailing
// framing, is written exactly as SMPP 3.4 Appendix B shows it: "id:" at
// the start, an id that ends at a space, then one of the fixed layouts.
// It returns where the id ends and the layout, or nil for anything else
// (which the key-by-key scanner reads, to the same result).
//
// This is the receipt nearly every SMSC sends, so it is read from the
// caller's bytes before they are copied, with no dispatch at all.
func fixedReceipt(b []byte) (idEnd int, l *fixedLayout) {
	if len(b) < len("id:x ")+fixedMin {
		return 0, nil
	}
	id := &keyPatterns[keyID]
	if binary.LittleEndian.Uint64(b)&id.and|id.fold != id.word {
		return 0, nil
	}
	// The id runs to the first separator, which must be a space. Only
	// bytes below 0x21 are looked for here: a ';' in the id is found with
	// the ones in the layout, below.
	i := id.n
	for {
		if len(b)-i < 8 {
			return 0, nil
		}
		u := binary.LittleEndian.Uint64(b[i:])
		if low := (u - 0x21*swarOnes) &^ u & swarHighs; low != 0 {
			// The lowest flagged byte is exact (see firstSep).
			tz := bits.TrailingZeros64(low)
			if byte(u>>(tz&^7)) != ' ' {
				return 0, nil
			}
			i += tz >> 3
			break
		}
		i += 8
	}
	if n := i - id.n; n == 0 || n <= 4 && isPlaceholderBytes(b[id.n:i]) {
		return 0, nil
	}
	r := b[i+1:]
	if len(r) < fixedMin {
		return 0, nil
	}
	l = &fixedLayouts[1]
	if r[fixedPick] == ' ' {
		l = &fixedLayouts[0]
	}
	// No key byte is a ';', so one anywhere is in the id or a value.
	if len(r) < l.n || !l.match((*[fixedMin]byte)(r), binary.LittleEndian.Uint64(r[l.n-8:])) ||
		bytes.IndexByte(b[id.n:i+1+l.n], ';') >= 0 {
		return 0, nil
	}
	return i, l
}

// match reports whether a, and last, the last 8 bytes of the layout, are
// written in layout l. It does not test for ';', which ends a value too:
// the caller does.
func (l *fixedLayout) match(a *[fixedMin]byte, last uint64) bool {
	// Unrolled (for twelve words: see fixedWords): the loop's counting was
	// a third of the work.
	w, le := &l.words, binary.LittleEndian
	bad := w[0].check(le.Uint64(a[0:])) | w[1].check(le.Uint64(a[8:])) |
		w[2].check(le.Uint64(a[16:])) | w[3].check(le.Uint64(a[24:])) |
		w[4].check(le.Uint64(a[32:])) | w[5].check(le.Uint64(a[40:])) |
		w[6].check(le.Uint64(a[48:])) | w[7].check(le.Uint64(a[56:])) |
		w[8].check(le.Uint64(a[64:])) | w[9].check(le.Uint64(a[72:])) |
		w[10].check(le.Uint64(a[80:])) | w[11].check(last)
	return bad == 0
}

// isPlaceholderBytes is isPlaceholder for bytes.
func isPlaceholderBytes(v []byte) bool {
	return len(v) == 3 && v[0] == '.' && v[1] == '.' && v[2] == '.' ||
		len(v) == 4 && v[0]|0x20 == 'n' && v[1]|0x20 == 'u' && v[2]|0x20 == 'l' && v[3]|0x20 == 'l'
}

// fixedText returns the bounds of the text whose key's colon ends at
// s[start-1], after every other key was read: the rest of s, without the
// spaces after the colon and the separators at the end (textValue's first
// case).
func fixedText[T string | []byte](s T, start int) (int, int) {
	end := len(s)
	for start < end && keyByteClass[s[start]]&bSpace != 0 {
		start++
	}
	for end > start && keyByteClass[s[end-1]]&bSep != 0 {
		end--
	}
	return start, end
}

// pack is packFixed for layout l.
func (l *fixedLayout) pack(b []byte, idEnd int) (string, bool) {
	if l.w == 10 {
		return packFixed[[10]byte](b, idEnd)
	}
	return packFixed[[12]byte](b, idEnd)
}

// packMax bounds the values of a receipt that scan packs into one string
// of their own; a longer one keeps the whole text instead.
const packMax = 128

// packFixed copies the values of a receipt that fixedReceipt matched in b,
// with the id ending at idEnd, in the layout whose dates are as wide as D,
// into one string: sub, dlvrd, stat and err (16 bytes: the values of fixed
// width first, so that their offsets are constants), the two dates, the
// id, then the text. Only the values are kept, about half of the text, so
// the one allocation is half as large. ok is false if they would take more
// than packMax bytes.
//
// D is only a width: [10]byte and [12]byte are types of different shapes,
// so each gets its own code, in which w is a constant and every load and
// store below has a constant offset and no bounds check.
func packFixed[D [10]byte | [12]byte](b []byte, idEnd int) (s string, ok bool) {
	var d D
	w := len(d)
	r := b[idEnd+1:]
	r = r[:68+2*w]
	start, end := fixedText(b, idEnd+1+len(r))
	id, text := b[len("id:"):idEnd], b[start:end]
	n := 16 + 2*w + len(id) + len(text)
	if n > packMax {
		return "", false
	}
	var buf [packMax]byte
	// Each value as whole words, in order: the bytes a word carries past
	// its value (r has a word's worth after every value) are overwritten
	// by the next. A date takes two words, the second ending where it ends.
	le := binary.LittleEndian
	le.PutUint64(buf[0:], le.Uint64(r[4:]))          // sub, 3
	le.PutUint64(buf[3:], le.Uint64(r[14:]))         // dlvrd, 3
	le.PutUint64(buf[6:], le.Uint64(r[47+2*w:]))     // stat, 7
	le.PutUint64(buf[13:], le.Uint64(r[59+2*w:]))    // err, 3
	le.PutUint64(buf[16:], le.Uint64(r[30:]))        // submit date, w
	le.PutUint64(buf[8+w:], le.Uint64(r[22+w:]))     // its last 8 bytes
	le.PutUint64(buf[16+w:], le.Uint64(r[41+w:]))    // done date, w
	le.PutUint64(buf[8+2*w:], le.Uint64(r[33+2*w:])) // its last 8 bytes
	copy(buf[16+2*w+len(id):], text)
	copy(buf[16+2*w:], id)
	return string(buf[:n]), true
}

// noDots returns v, or "" for the "..." placeholder.
func noDots(v string) string {
	if v == "..." {
		return ""
	}
	return v
}

// readFixed records the fields of a receipt that fixedReceipt matched, with the
// id ending at idEnd and l after it.
func (sc *textScanner) readFixed(idEnd int, l *fixedLayout) {
	s, at := sc.s, int32(idEnd+1)
	p, e := &sc.pos, &sc.ends
	p[keyID], e[keyID] = int32(keyPatterns[keyID].n), int32(idEnd)
	for k := keySub; k < keyText; k++ {
		p[k], e[k] = at+l.start[k], at+l.end[k]
		if s[p[k]] == '.' && s[p[k]:e[k]] == "..." {
			e[k] = p[k]
		}
	}
	sc.seen = 1<<numKeys - 1
	start, end := fixedText(s, int(at)+l.n)
	sc.set(keyText, start, end)
}
