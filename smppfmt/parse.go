package smppfmt

import (
	"math/bits"

	"github.com/dlrkit/dlrkit/dlr"
)

// Byte classes, so that the scanner needs no strings.ToLower and no
// unicode tables: one table load per byte.
const (
	bSep   = 1 << iota // ends a scalar value and starts a key: whitespace and ';'
	bSpace             // skipped between a key's colon and its value: space, tab
	bName              // may appear in a key name: letters, digits, '_', '-', '.'
	bAlpha             // may start a key name: letters
)

var keyByteClass = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\r\v\f;") {
		t[c] |= bSep
	}
	t[' '] |= bSpace
	t['\t'] |= bSpace
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= bName | bAlpha
		t[c-'a'+'A'] |= bName | bAlpha
	}
	for c := '0'; c <= '9'; c++ {
		t[c] |= bName
	}
	t['_'] |= bName
	t['-'] |= bName
	t['.'] |= bName
	return t
}()

// lowerByte folds ASCII letters to lower case and leaves every other byte alone.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// eqFoldWord reports whether s equals the lower-case ASCII word w, ignoring
// ASCII case.
func eqFoldWord(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != w[i] {
			return false
		}
	}
	return true
}

// knownKey returns the key named by name (the bytes before the colon), or
// keyUnknown. Only the spellings of SMPP 3.4 Appendix B are known in strict
// mode; otherwise also submit_date, done_date and txt, as CNGP/SMGP
// gateways write them.
func knownKey(name string, strict bool) int {
	switch len(name) {
	case 2:
		if eqFoldWord(name, "id") {
			return keyID
		}
	case 3:
		switch lowerByte(name[0]) {
		case 's':
			if eqFoldWord(name, "sub") {
				return keySub
			}
		case 'e':
			if eqFoldWord(name, "err") {
				return keyErr
			}
		case 't':
			if !strict && eqFoldWord(name, "txt") {
				return keyText
			}
		}
	case 4:
		switch lowerByte(name[0]) {
		case 's':
			if eqFoldWord(name, "stat") {
				return keyStat
			}
		case 't':
			if eqFoldWord(name, "text") {
				return keyText
			}
		}
	case 5:
		if eqFoldWord(name, "dlvrd") {
			return keyDlvrd
		}
	case 9:
		if !strict && eqFoldWord(name, "done_date") {
			return keyDoneDate
		}
	case 11:
		if !strict && eqFoldWord(name, "submit_date") {
			return keySubmitDate
		}
	}
	return keyUnknown
}

// matchKey reports whether a key starts at s[i]: a name (a letter, then
// letters, digits, '_', '-', '.') followed by ':', or one of the two-word
// keys "submit date:" and "done date:". It returns the key (a known key,
// keyUnknown or keyNone), the end of the name and the offset just past the
// colon.
func matchKey(s string, i int, strict bool) (k, nameEnd, colonEnd int) {
	if i >= len(s) || keyByteClass[s[i]]&bAlpha == 0 {
		return keyNone, i, i
	}
	j := i + 1
	for j < len(s) && keyByteClass[s[j]]&bName != 0 {
		j++
	}
	if j >= len(s) {
		return keyNone, i, i
	}
	switch s[j] {
	case ':':
		return knownKey(s[i:j], strict), j, j + 1
	case ' ':
		n := s[i:j]
		if j+6 <= len(s) && s[j+5] == ':' && eqFoldWord(s[j+1:j+5], "date") {
			if eqFoldWord(n, "submit") {
				return keySubmitDate, j + 5, j + 6
			}
			if eqFoldWord(n, "done") {
				return keyDoneDate, j + 5, j + 6
			}
		}
	}
	return keyNone, i, i
}

// fieldOffsets records where each known field's value starts in the input, for
// error offsets; at index numKeys, 1 + the offset of the first Extra entry
// (0 if none).
type fieldOffsets [numKeys + 1]int32

// textScanner splits one receipt text. It is the single pass behind ParseFields
// and Parse.
type textScanner struct {
	s      string
	extras []dlr.Field
	// The known fields' values, by key, are s[pos[k]:ends[k]]: offsets,
	// not strings, so that scanning stores no pointers (no write
	// barriers).
	pos    fieldOffsets
	ends   [numKeys]int32
	seen   uint16 // bit k set once key k was read
	strict bool

	// A run of words outside any field, not yet flushed into Extra.
	junkStart, junkEnd int
	// Bare status words outside any field: how many, and the Extra index
	// of the first.
	bare, bareAt, barePos int
}

// The placeholders as little-endian words: "...", and "null" in lower case.
const (
	wordDots = '.' | '.'<<8 | '.'<<16
	wordNull = 'n' | 'u'<<8 | 'l'<<16 | 'l'<<24
)

// isPlaceholder reports whether v stands for "no value": null or ... (Vumi
// tests send "sub:null dlvrd:null … err:null" and "sub:... dlvrd:...").
func isPlaceholder(v string) bool {
	return v == "..." || eqFoldWord(v, "null")
}

// extra appends x, found at offset at, to Extra.
func (sc *textScanner) extra(x dlr.Field, at int) {
	if len(sc.extras) == 0 {
		sc.pos[numKeys] = int32(at) + 1
	}
	sc.extras = append(sc.extras, x)
}

func (sc *textScanner) flushJunk() {
	if sc.junkEnd > sc.junkStart {
		sc.extra(dlr.Field{Value: sc.s[sc.junkStart:sc.junkEnd]}, sc.junkStart)
	}
	sc.junkStart, sc.junkEnd = 0, 0
}

// run scans s. It reports whether any known key was found.
func (sc *textScanner) run() bool {
	s := sc.s
	i, expect := sc.runLayout()
	for {
		for i < len(s) && keyByteClass[s[i]]&bSep != 0 {
			i++
		}
		if i >= len(s) {
			break
		}
		var k, nameEnd, vs int
		if p := &keyPatterns[expect&7]; len(s)-i >= 8 && expect < numKeys && p.match(s, i, loadWord(s, i)) {
			k, nameEnd, vs = expect, i+p.n-1, i+p.n // the next key of Appendix B order
		} else {
			k, nameEnd, vs = fastKey(s, i, numKeys)
		}
		if k == keyNone {
			k, nameEnd, vs = matchKey(s, i, sc.strict)
		}
		if k == keyNone {
			// A word outside any field.
			j := toSep(s, i+1)
			if !sc.strict && isBareStatus(s[i:j]) {
				sc.flushJunk()
				if sc.bare == 0 {
					sc.bareAt, sc.barePos = len(sc.extras), i
				}
				sc.bare++
				sc.extra(dlr.Field{Value: s[i:j]}, i)
			} else {
				if sc.junkEnd == 0 {
					sc.junkStart = i
				}
				sc.junkEnd = j
			}
			i = j
			continue
		}
		sc.flushJunk()
		if k >= 0 && sc.seen&(1<<k) != 0 {
			k = keyUnknown // a repeated key is kept in Extra, first one wins
		}
		if k == keyText {
			sc.seen |= 1 << keyText
			start, end, next := sc.textValue(vs)
			sc.set(keyText, start, end)
			i = next
			continue
		}
		var start, end, next int
		if vs < len(s) && keyByteClass[s[vs]]&bSpace == 0 {
			// The usual "key:value": s[end] is a separator, or end is len(s).
			start, end = vs, toSep(s, vs)
			next = end + 1
		} else {
			start, end = scalarValue(s, vs, sc.strict)
			next = end
		}
		v := s[start:end]
		if k == keyUnknown {
			sc.extra(dlr.Field{Key: s[i:nameEnd], Value: v}, i)
		} else {
			sc.seen |= 1 << k
			expect = k + 1
			if isPlaceholder(v) {
				sc.set(k, start, start)
			} else {
				sc.set(k, start, end)
			}
		}
		i = next
	}
	sc.flushJunk()
	if sc.bare == 1 && sc.seen&(1<<keyStat) == 0 {
		// A status word without its label (ksmppd #108:
		// "done date:180903120816 DELIVRD err:000"): unambiguous when it is
		// the only one and no stat: field exists.
		// (Strict mode never gets here, so pos[numKeys], used only there,
		// needs no update.)
		x := sc.extras[sc.bareAt]
		sc.set(keyStat, sc.barePos, sc.barePos+len(x.Value))
		sc.extras = append(sc.extras[:sc.bareAt], sc.extras[sc.bareAt+1:]...)
		if len(sc.extras) == 0 {
			sc.extras = nil
		}
		sc.seen |= 1 << keyStat
	}
	return sc.seen != 0
}

// runLayout reads the fields of s that are spelled and ordered as in
// Appendix B, from the start: the common receipt, with no dispatch. It
// stops at the first thing that needs more care (a different key, a
// separator right after a colon or after a value's separator, fewer than
// 16 bytes after a key) and returns where run goes on from, and the key run
// expects next. Each step is exactly what run does for the same bytes, so
// stopping anywhere changes nothing.
func (sc *textScanner) runLayout() (i, expect int) {
	s := sc.s
	for k := range keyText {
		p := &keyPatterns[k]
		n := p.n
		if len(s)-i < n+16 {
			return i, k
		}
		r := s[i:] // at least n+16 bytes
		if loadWord(r, 0)&p.and|p.fold != p.word ||
			n > 8 && loadWord(r, 8)&p.tailAnd|p.tailFold != p.tailWord {
			return i, k
		}
		// Most values (counts, stat, err, dates) end at a space within 16
		// bytes: find it in registers.
		u := loadWord(r, n)
		c, space := firstSep(u)
		if c == 8 {
			c, space = firstSep(loadWord(r, n+8))
			c += 8
		}
		if c == 0 {
			return i, k // "err: 0", "sub:;": run knows those
		}
		vs := i + n
		end := vs + c
		if !space {
			end = toSep(s, end)
		}
		// isPlaceholder, on the word already loaded.
		if vn := end - vs; vn == 3 && u&0xFFFFFF == wordDots || vn == 4 && u&0xFFFFFFFF|0x20202020 == wordNull {
			sc.set(k, vs, vs)
		} else {
			sc.set(k, vs, end)
		}
		sc.seen |= 1 << k
		i = end + 1
	}
	return sc.layoutText(i)
}

// layoutText reads the text key at s[i] after every other key was read in
// Appendix B order, and the text, which is then the rest.
func (sc *textScanner) layoutText(i int) (next, expect int) {
	s := sc.s
	if len(s)-i < 8 || loadWord(s, i)&keyPatterns[keyText].and|keyPatterns[keyText].fold != keyPatterns[keyText].word {
		return i, keyText
	}
	sc.seen |= 1 << keyText
	start, end, next := sc.textValue(i + len("text:"))
	sc.set(keyText, start, end)
	return next, numKeys
}

// scalarValue returns the bounds of the value of a scalar field whose colon
// ends at vs. The value ends at whitespace or ';'. Spaces after the colon
// are skipped ("err: 0", onlinecity/php-smpp#29) unless a key follows them,
// in which case the value is empty ("sub: dlvrd:1").
func scalarValue(s string, vs int, strict bool) (start, end int) {
	j := vs
	for j < len(s) && keyByteClass[s[j]]&bSpace != 0 {
		j++
	}
	if j > vs {
		if k, _, _ := matchKey(s, j, strict); k != keyNone {
			return j, j
		}
	}
	return j, toSep(s, j)
}

// textValue returns the bounds of the text value whose colon ends at vs and
// where scanning goes on. Text runs to the end, or to the next key that can
// only be a field of the receipt (see endsText); trailing whitespace is not
// part of it.
func (sc *textScanner) textValue(vs int) (start, end, next int) {
	s := sc.s
	start = vs
	for start < len(s) && keyByteClass[s[start]]&bSpace != 0 {
		start++
	}
	end = len(s)
	switch {
	case sc.seen|1<<keyText == 1<<numKeys-1:
		// Every key was read: the rest is text.
	case start > vs && sc.endsText(start):
		end = start // "text: stat:DELIVRD"
	default:
		for p := start; p < len(s); p++ {
			if keyByteClass[s[p]]&bSep != 0 && sc.endsText(p+1) {
				end = p + 1
				break
			}
		}
	}
	next = end
	for end > start && keyByteClass[s[end-1]]&bSep != 0 {
		end--
	}
	return start, end, next
}

// endsText reports whether a key at s[i] ends a text value: a known key
// not read yet, whose value has the shape of that field. Text is normally
// last (Appendix B), so "Re: stat: ok" after a stat field is the message's
// own words, and so is "your sub: none" in a receipt without sub; but
// "text: stat:DELIVRD" (Cloudhopper's out-of-order test) ends at stat.
func (sc *textScanner) endsText(i int) bool {
	k, _, vs := matchKey(sc.s, i, sc.strict)
	if k < 0 || sc.seen&(1<<k) != 0 {
		return false
	}
	start, end := scalarValue(sc.s, vs, sc.strict)
	return plausible(k, sc.s[start:end])
}

// plausible reports whether v has the shape of a value of known key k:
// a non-empty id; digits for the counts; ten or more digits (or an SMPP
// absolute time) for the dates; a status word or a word of capitals,
// digits and '_' for stat; up to 8 letters and digits for err. A
// placeholder fits every field.
func plausible(k int, v string) bool {
	if v == "" {
		return false
	}
	if isPlaceholder(v) {
		return true
	}
	switch k {
	case keyID:
		return true
	case keySub, keyDlvrd:
		_, ok := readCount(v)
		return ok
	case keySubmitDate, keyDoneDate:
		_, ok := decimalValue(v[:min(len(v), 15)])
		return ok && len(v) >= 10
	case keyStat:
		if _, ok := textStatus(v); ok {
			return true
		}
		for i := 0; i < len(v); i++ {
			if c := v[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
				return false
			}
		}
		return true
	case keyErr:
		if len(v) > 8 {
			return false
		}
		for i := 0; i < len(v); i++ {
			if keyByteClass[v[i]]&bName == 0 || v[i] == '_' || v[i] == '-' || v[i] == '.' {
				return false
			}
		}
		return true
	}
	return false
}

// set records s[start:end] as the value of key k.
func (sc *textScanner) set(k, start, end int) {
	sc.pos[k], sc.ends[k] = int32(start), int32(end)
}

// val returns the value of key k ("" if absent).
func (sc *textScanner) val(k int) string { return sc.s[sc.pos[k]:sc.ends[k]] }

// loadWord reads 8 bytes of s from i, little-endian; the compiler makes it
// one load.
func loadWord(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// keyPattern is the Appendix B spelling of a known key as a 64-bit word:
// the first min(8, n) bytes of it, lower case (word), the bytes that count
// (and), the letter bytes to fold (fold: bit 5 set), and for the two-word
// keys the rest after 8 bytes (tail).
type keyPattern struct {
	word, and, fold uint64
	n               int    // bytes up to and including the colon
	tail            string // bytes 8..n-1, lower case
	// The tail as a word, as for the first 8 bytes.
	tailWord, tailAnd, tailFold uint64
}

var keyPatterns = func() (t [numKeys]keyPattern) {
	for k, name := range keyNames {
		spelled := name + ":"
		var p keyPattern
		p.n = len(spelled)
		for i := 0; i < 8 && i < len(spelled); i++ {
			c := uint64(spelled[i])
			p.word |= c << (8 * i)
			p.and |= 0xFF << (8 * i)
			if 'a' <= c && c <= 'z' {
				p.fold |= 0x20 << (8 * i)
			}
		}
		if len(spelled) > 8 {
			p.tail = spelled[8:]
			for i := 0; i < len(p.tail); i++ {
				c := uint64(p.tail[i])
				p.tailWord |= c << (8 * i)
				p.tailAnd |= 0xFF << (8 * i)
				if 'a' <= c && c <= 'z' {
					p.tailFold |= 0x20 << (8 * i)
				}
			}
		}
		t[k] = p
	}
	return t
}()

// match reports whether the key spelled as p starts at s[i]; s[i:] has at
// least 8 bytes and u is their loadWord.
func (p *keyPattern) match(s string, i int, u uint64) bool {
	if u&p.and|p.fold != p.word {
		return false
	}
	if p.tail == "" {
		return true
	}
	j := i + 8
	if len(s)-j >= 8 {
		return loadWord(s, j)&p.tailAnd|p.tailFold == p.tailWord
	}
	if len(s)-j < len(p.tail) {
		return false
	}
	for x := 0; x < len(p.tail); x++ {
		if lowerByte(s[j+x]) != p.tail[x] {
			return false
		}
	}
	return true
}

// fastKey recognizes the Appendix B spellings of the known keys at s[i]
// with 64-bit compares, trying first the key that follows the last one read
// in Appendix B order (the usual layout costs one compare per key). It
// returns keyNone for anything else, which matchKey then reads byte by
// byte.
func fastKey(s string, i, expect int) (k, nameEnd, colonEnd int) {
	if len(s)-i < 8 {
		return keyNone, i, i
	}
	u := loadWord(s, i)
	if expect < numKeys {
		if p := &keyPatterns[expect]; p.match(s, i, u) {
			return expect, i + p.n - 1, i + p.n
		}
	}
	for k := range keyPatterns {
		if p := &keyPatterns[k]; p.match(s, i, u) {
			return k, i + p.n - 1, i + p.n
		}
	}
	return keyNone, i, i
}

const (
	swarOnes  = 0x0101010101010101
	swarHighs = 0x8080808080808080
)

// firstSep returns the index in u (8 bytes of text, little-endian) of the
// first byte that may be a separator (below 0x21, or ';'), 8 if there is
// none, and whether that byte is a space, which certainly is one. Only
// bytes after the first flagged one can be flagged wrongly.
func firstSep(u uint64) (n int, space bool) {
	low := (u - 0x21*swarOnes) &^ u & swarHighs
	semi := u ^ (';' * swarOnes)
	semi = (semi - swarOnes) &^ semi & swarHighs
	tz := bits.TrailingZeros64(low | semi) // 64 if none
	return tz >> 3, tz < 64 && byte(u>>(tz&^7)) == ' '
}

// toSep returns the offset of the first separator (whitespace or ';') in s
// at or after i, or len(s). It tests 8 bytes at a time for a byte below
// 0x21 or a ';' (the lowest flagged byte of each test is exact), then
// checks the candidate against the class table.
func toSep(s string, i int) int {
	for len(s)-i >= 8 {
		u := loadWord(s, i)
		low := (u - 0x21*swarOnes) &^ u & swarHighs
		semi := u ^ (';' * swarOnes)
		semi = (semi - swarOnes) &^ semi & swarHighs
		m := low | semi
		if m == 0 {
			i += 8
			continue
		}
		tz := bits.TrailingZeros64(m)
		j := i + tz/8
		// The candidate byte is in u already: no load from s.
		if c := byte(u >> (tz &^ 7)); c == ' ' || keyByteClass[c]&bSep != 0 {
			return j
		}
		i = j + 1
	}
	for i < len(s) && keyByteClass[s[i]]&bSep == 0 {
		i++
	}
	return i
}
