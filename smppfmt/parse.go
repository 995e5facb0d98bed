package smppfmt

import "github.com/dlrkit/dlrkit/dlr"

// Byte classes, so that the scanner needs no strings.ToLower and no
// unicode tables: one table load per byte.
const (
	cSep   = 1 << iota // ends a scalar value and starts a key: whitespace and ';'
	cSpace             // skipped between a key's colon and its value: space, tab
	cName              // may appear in a key name: letters, digits, '_', '-', '.'
	cAlpha             // may start a key name: letters
)

var class = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\r\v\f;") {
		t[c] |= cSep
	}
	t[' '] |= cSpace
	t['\t'] |= cSpace
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= cName | cAlpha
		t[c-'a'+'A'] |= cName | cAlpha
	}
	for c := '0'; c <= '9'; c++ {
		t[c] |= cName
	}
	t['_'] |= cName
	t['-'] |= cName
	t['.'] |= cName
	return t
}()

// lower folds ASCII letters to lower case and leaves every other byte alone.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// eqFold reports whether s equals the lower-case ASCII word w, ignoring
// ASCII case.
func eqFold(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lower(s[i]) != w[i] {
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
		if eqFold(name, "id") {
			return keyID
		}
	case 3:
		switch lower(name[0]) {
		case 's':
			if eqFold(name, "sub") {
				return keySub
			}
		case 'e':
			if eqFold(name, "err") {
				return keyErr
			}
		case 't':
			if !strict && eqFold(name, "txt") {
				return keyText
			}
		}
	case 4:
		switch lower(name[0]) {
		case 's':
			if eqFold(name, "stat") {
				return keyStat
			}
		case 't':
			if eqFold(name, "text") {
				return keyText
			}
		}
	case 5:
		if eqFold(name, "dlvrd") {
			return keyDlvrd
		}
	case 9:
		if !strict && eqFold(name, "done_date") {
			return keyDoneDate
		}
	case 11:
		if !strict && eqFold(name, "submit_date") {
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
	if i >= len(s) || class[s[i]]&cAlpha == 0 {
		return keyNone, i, i
	}
	j := i + 1
	for j < len(s) && class[s[j]]&cName != 0 {
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
		if j+6 <= len(s) && s[j+5] == ':' && eqFold(s[j+1:j+5], "date") {
			if eqFold(n, "submit") {
				return keySubmitDate, j + 5, j + 6
			}
			if eqFold(n, "done") {
				return keyDoneDate, j + 5, j + 6
			}
		}
	}
	return keyNone, i, i
}

// positions records where each known field's value starts in the input, for
// error offsets; at index numKeys, 1 + the offset of the first Extra entry
// (0 if none).
type positions [numKeys + 1]int32

// scanner splits one receipt text. It is the single pass behind ParseFields
// and Parse.
type scanner struct {
	s      string
	f      Fields
	pos    positions
	seen   uint16 // bit k set once key k was read
	strict bool

	// A run of words outside any field, not yet flushed into Extra.
	junkStart, junkEnd int
	// Bare status words outside any field: how many, and the Extra index
	// of the first.
	bare, bareAt, barePos int
}

// isPlaceholder reports whether v stands for "no value": null or ... (Vumi
// tests send "sub:null dlvrd:null … err:null" and "sub:... dlvrd:...").
func isPlaceholder(v string) bool {
	return v == "..." || eqFold(v, "null")
}

// extra appends x, found at offset at, to Extra.
func (sc *scanner) extra(x dlr.Field, at int) {
	if len(sc.f.Extra) == 0 {
		sc.pos[numKeys] = int32(at) + 1
	}
	sc.f.Extra = append(sc.f.Extra, x)
}

func (sc *scanner) flushJunk() {
	if sc.junkEnd > sc.junkStart {
		sc.extra(dlr.Field{Value: sc.s[sc.junkStart:sc.junkEnd]}, sc.junkStart)
	}
	sc.junkStart, sc.junkEnd = 0, 0
}

// run scans s. It reports whether any known key was found.
func (sc *scanner) run() bool {
	s := sc.s
	i := 0
	for {
		for i < len(s) && class[s[i]]&cSep != 0 {
			i++
		}
		if i >= len(s) {
			break
		}
		k, nameEnd, vs := matchKey(s, i, sc.strict)
		if k == keyNone {
			// A word outside any field.
			j := i + 1
			for j < len(s) && class[s[j]]&cSep == 0 {
				j++
			}
			if !sc.strict && isBareStatus(s[i:j]) {
				sc.flushJunk()
				if sc.bare == 0 {
					sc.bareAt, sc.barePos = len(sc.f.Extra), i
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
			sc.f.Text = s[start:end]
			sc.pos[keyText] = int32(start)
			i = next
			continue
		}
		start, end := scalarValue(s, vs, sc.strict)
		v := s[start:end]
		if k == keyUnknown {
			sc.extra(dlr.Field{Key: s[i:nameEnd], Value: v}, i)
		} else {
			sc.seen |= 1 << k
			if isPlaceholder(v) {
				v = ""
			}
			*sc.f.ptr(k) = v
			sc.pos[k] = int32(start)
		}
		i = end
	}
	sc.flushJunk()
	if sc.bare == 1 && sc.seen&(1<<keyStat) == 0 {
		// A status word without its label (ksmppd #108:
		// "done date:180903120816 DELIVRD err:000"): unambiguous when it is
		// the only one and no stat: field exists.
		// (Strict mode never gets here, so pos[numKeys], used only there,
		// needs no update.)
		x := sc.f.Extra[sc.bareAt]
		sc.f.Stat = x.Value
		sc.pos[keyStat] = int32(sc.barePos)
		sc.f.Extra = append(sc.f.Extra[:sc.bareAt], sc.f.Extra[sc.bareAt+1:]...)
		if len(sc.f.Extra) == 0 {
			sc.f.Extra = nil
		}
		sc.seen |= 1 << keyStat
	}
	return sc.seen != 0
}

// scalarValue returns the bounds of the value of a scalar field whose colon
// ends at vs. The value ends at whitespace or ';'. Spaces after the colon
// are skipped ("err: 0", onlinecity/php-smpp#29) unless a key follows them,
// in which case the value is empty ("sub: dlvrd:1").
func scalarValue(s string, vs int, strict bool) (start, end int) {
	j := vs
	for j < len(s) && class[s[j]]&cSpace != 0 {
		j++
	}
	if j > vs {
		if k, _, _ := matchKey(s, j, strict); k != keyNone {
			return j, j
		}
	}
	end = j
	for end < len(s) && class[s[end]]&cSep == 0 {
		end++
	}
	return j, end
}

// textValue returns the bounds of the text value whose colon ends at vs and
// where scanning goes on. Text runs to the next known key that was not read
// yet, or to the end; trailing whitespace is not part of it. A key already
// read ends nothing: text is normally last, and "text:Re: stat: ok" after a
// stat field is the message's own words.
func (sc *scanner) textValue(vs int) (start, end, next int) {
	s := sc.s
	start = vs
	for start < len(s) && class[s[start]]&cSpace != 0 {
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
			if class[s[p]]&cSep != 0 && sc.endsText(p+1) {
				end = p + 1
				break
			}
		}
	}
	next = end
	for end > start && class[s[end-1]]&cSep != 0 {
		end--
	}
	return start, end, next
}

// endsText reports whether a known key not read yet starts at s[i].
func (sc *scanner) endsText(i int) bool {
	k, _, _ := matchKey(sc.s, i, sc.strict)
	return k >= 0 && sc.seen&(1<<k) == 0
}
