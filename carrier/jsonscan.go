package carrier

// A small JSON scanner over []byte. It validates what it reads (RFC 8259
// grammar), bounds nesting, and hands adapters each field of an object as
// raw bytes, so that numbers keep their exact text (a cost of 0.0300 stays
// "0.0300") and strings are unescaped only when they contain escapes or
// non-ASCII bytes. It allocates nothing but the strings it returns.

import (
	"unicode/utf16"
	"unicode/utf8"
)

type jsonKind uint8

const (
	jsonString jsonKind = iota + 1
	jsonNumber
	jsonBool
	jsonNull
	jsonObject
	jsonArray
)

// jsonValue is one JSON value as it appears in the input.
type jsonValue struct {
	raw  []byte // the value's text; strings include their quotes
	kind jsonKind
	esc  bool // a string with escapes or non-ASCII bytes: unquote slowly
}

// text returns the value for mapping onto a receipt field: a string's
// content, a number's or boolean's text, "" for null, and the JSON text of
// an object or array.
func (v jsonValue) text() string {
	switch v.kind {
	case jsonString:
		return unquote(v.raw, v.esc)
	case jsonNull:
		return ""
	}
	return string(v.raw)
}

// extra returns the value as Extra keeps it: a string's content, or the
// JSON text of anything else (null stays "null").
func (v jsonValue) extra() string {
	if v.kind == jsonString {
		return unquote(v.raw, v.esc)
	}
	return string(v.raw)
}

// jsonError is a syntax or bounds error; rest is the input from the point
// of failure, so the caller can compute a byte offset against the body.
type jsonError struct {
	rest []byte
	err  error // ErrMalformed or ErrTooLarge
}

func (e *jsonError) Error() string { return e.err.Error() }

func jsonErr(d []byte, i int, err error) error {
	if i > len(d) {
		i = len(d)
	}
	return &jsonError{rest: d[i:], err: err}
}

func skipSpace(d []byte, i int) int {
	for i < len(d) {
		switch d[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// eachField calls fn for every member of the JSON object in obj, in input
// order, with the key unescaped and the value raw. obj may have surrounding
// whitespace and nothing else. depth is the nesting of obj itself (1 for a
// top-level object); values nested deeper than maxDepth are an error. It
// stops at the first error fn returns.
func eachField(obj []byte, depth, maxDepth int, fn func(key []byte, v jsonValue) error) error {
	i := skipSpace(obj, 0)
	if i >= len(obj) || obj[i] != '{' {
		return jsonErr(obj, i, ErrMalformed)
	}
	if depth > maxDepth {
		return jsonErr(obj, i, ErrTooLarge)
	}
	i = skipSpace(obj, i+1)
	if i < len(obj) && obj[i] == '}' {
		return trailing(obj, i+1)
	}
	for {
		if i >= len(obj) || obj[i] != '"' {
			return jsonErr(obj, i, ErrMalformed)
		}
		end, esc, err := scanString(obj, i)
		if err != nil {
			return err
		}
		key := obj[i+1 : end-1]
		if esc {
			key = []byte(unquote(obj[i:end], true))
		}
		i = skipSpace(obj, end)
		if i >= len(obj) || obj[i] != ':' {
			return jsonErr(obj, i, ErrMalformed)
		}
		i = skipSpace(obj, i+1)
		vstart := i
		vend, kind, vesc, err := scanValue(obj, i, depth+1, maxDepth)
		if err != nil {
			return err
		}
		if err := fn(key, jsonValue{raw: obj[vstart:vend], kind: kind, esc: vesc}); err != nil {
			return err
		}
		i = skipSpace(obj, vend)
		if i >= len(obj) {
			return jsonErr(obj, i, ErrMalformed)
		}
		switch obj[i] {
		case ',':
			i = skipSpace(obj, i+1)
		case '}':
			return trailing(obj, i+1)
		default:
			return jsonErr(obj, i, ErrMalformed)
		}
	}
}

// eachElement calls fn for every element of the JSON array in arr, which
// is at nesting depth (1 for a top-level array). At most max elements are
// accepted.
func eachElement(arr []byte, depth, maxDepth, max int, fn func(i int, v jsonValue) error) error {
	i := skipSpace(arr, 0)
	if i >= len(arr) || arr[i] != '[' {
		return jsonErr(arr, i, ErrMalformed)
	}
	if depth > maxDepth {
		return jsonErr(arr, i, ErrTooLarge)
	}
	i = skipSpace(arr, i+1)
	if i < len(arr) && arr[i] == ']' {
		return trailing(arr, i+1)
	}
	for n := 0; ; n++ {
		if n >= max {
			return jsonErr(arr, i, ErrTooLarge)
		}
		start := i
		end, kind, esc, err := scanValue(arr, i, depth+1, maxDepth)
		if err != nil {
			return err
		}
		if err := fn(n, jsonValue{raw: arr[start:end], kind: kind, esc: esc}); err != nil {
			return err
		}
		i = skipSpace(arr, end)
		if i >= len(arr) {
			return jsonErr(arr, i, ErrMalformed)
		}
		switch arr[i] {
		case ',':
			i = skipSpace(arr, i+1)
		case ']':
			return trailing(arr, i+1)
		default:
			return jsonErr(arr, i, ErrMalformed)
		}
	}
}

func trailing(d []byte, i int) error {
	if i = skipSpace(d, i); i != len(d) {
		return jsonErr(d, i, ErrMalformed)
	}
	return nil
}

// validJSON reports whether d is one well-formed JSON value within maxDepth.
func validJSON(d []byte, maxDepth int) error {
	i := skipSpace(d, 0)
	end, _, _, err := scanValue(d, i, 1, maxDepth)
	if err != nil {
		return err
	}
	return trailing(d, end)
}

// scanValue validates the value that starts at d[i] and returns its end.
// depth is the nesting the value would have if it is an object or array.
func scanValue(d []byte, i, depth, maxDepth int) (end int, kind jsonKind, esc bool, err error) {
	if i >= len(d) {
		return i, 0, false, jsonErr(d, i, ErrMalformed)
	}
	switch c := d[i]; {
	case c == '"':
		end, esc, err = scanString(d, i)
		return end, jsonString, esc, err
	case c == '{':
		if depth > maxDepth {
			return i, 0, false, jsonErr(d, i, ErrTooLarge)
		}
		end, err = scanComposite(d, i, depth, maxDepth, '}')
		return end, jsonObject, false, err
	case c == '[':
		if depth > maxDepth {
			return i, 0, false, jsonErr(d, i, ErrTooLarge)
		}
		end, err = scanComposite(d, i, depth, maxDepth, ']')
		return end, jsonArray, false, err
	case c == 't':
		return scanLiteral(d, i, "true", jsonBool)
	case c == 'f':
		return scanLiteral(d, i, "false", jsonBool)
	case c == 'n':
		return scanLiteral(d, i, "null", jsonNull)
	case c == '-' || '0' <= c && c <= '9':
		end, err = scanNumber(d, i)
		return end, jsonNumber, false, err
	}
	return i, 0, false, jsonErr(d, i, ErrMalformed)
}

func scanLiteral(d []byte, i int, lit string, kind jsonKind) (int, jsonKind, bool, error) {
	if len(d)-i < len(lit) || string(d[i:i+len(lit)]) != lit {
		return i, 0, false, jsonErr(d, i, ErrMalformed)
	}
	return i + len(lit), kind, false, nil
}

// scanComposite validates an object (close '}') or array (close ']') that
// starts at d[i].
func scanComposite(d []byte, i, depth, maxDepth int, close byte) (int, error) {
	i = skipSpace(d, i+1)
	if i < len(d) && d[i] == close {
		return i + 1, nil
	}
	for {
		if close == '}' {
			if i >= len(d) || d[i] != '"' {
				return i, jsonErr(d, i, ErrMalformed)
			}
			end, _, err := scanString(d, i)
			if err != nil {
				return i, err
			}
			i = skipSpace(d, end)
			if i >= len(d) || d[i] != ':' {
				return i, jsonErr(d, i, ErrMalformed)
			}
			i = skipSpace(d, i+1)
		}
		end, _, _, err := scanValue(d, i, depth+1, maxDepth)
		if err != nil {
			return i, err
		}
		i = skipSpace(d, end)
		if i >= len(d) {
			return i, jsonErr(d, i, ErrMalformed)
		}
		switch d[i] {
		case ',':
			i = skipSpace(d, i+1)
		case close:
			return i + 1, nil
		default:
			return i, jsonErr(d, i, ErrMalformed)
		}
	}
}

// scanString validates the string that starts at d[i] (a quote) and
// returns the index after its closing quote. esc reports escapes or bytes
// above 0x7F.
func scanString(d []byte, i int) (end int, esc bool, err error) {
	j := i + 1
	for j < len(d) {
		c := d[j]
		switch {
		case c == '"':
			return j + 1, esc, nil
		case c == '\\':
			esc = true
			if j+1 >= len(d) {
				return j, esc, jsonErr(d, j, ErrMalformed)
			}
			switch d[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if len(d)-j < 6 || !isHex4(d[j+2:j+6]) {
					return j, esc, jsonErr(d, j, ErrMalformed)
				}
				j += 6
			default:
				return j, esc, jsonErr(d, j, ErrMalformed)
			}
		case c < 0x20:
			return j, esc, jsonErr(d, j, ErrMalformed)
		default:
			if c >= 0x80 {
				esc = true
			}
			j++
		}
	}
	return j, esc, jsonErr(d, j, ErrMalformed)
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// scanNumber validates the number that starts at d[i].
func scanNumber(d []byte, i int) (int, error) {
	j := i
	if d[j] == '-' {
		j++
	}
	switch {
	case j < len(d) && d[j] == '0':
		j++
	case j < len(d) && '1' <= d[j] && d[j] <= '9':
		j = digits(d, j)
	default:
		return j, jsonErr(d, j, ErrMalformed)
	}
	if j < len(d) && d[j] == '.' {
		k := digits(d, j+1)
		if k == j+1 {
			return k, jsonErr(d, k, ErrMalformed)
		}
		j = k
	}
	if j < len(d) && (d[j] == 'e' || d[j] == 'E') {
		j++
		if j < len(d) && (d[j] == '+' || d[j] == '-') {
			j++
		}
		k := digits(d, j)
		if k == j {
			return k, jsonErr(d, k, ErrMalformed)
		}
		j = k
	}
	return j, nil
}

func digits(d []byte, j int) int {
	for j < len(d) && '0' <= d[j] && d[j] <= '9' {
		j++
	}
	return j
}

// unquote returns the content of the JSON string raw (quotes included),
// which scanString has validated. Invalid UTF-8 and lone surrogates become
// U+FFFD, as encoding/json does.
func unquote(raw []byte, esc bool) string {
	s := raw[1 : len(raw)-1]
	if !esc {
		return string(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			switch s[i+1] {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := rune(hex4(s[i+2 : i+6]))
				i += 6
				if utf16.IsSurrogate(r) {
					r2 := utf8.RuneError
					if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
						r2 = utf16.DecodeRune(r, rune(hex4(s[i+2:i+6])))
						if r2 != utf8.RuneError {
							i += 6
						}
					}
					r = r2
				}
				b = utf8.AppendRune(b, r)
				continue
			default: // '"', '\\', '/'
				b = append(b, s[i+1])
			}
			i += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, n := utf8.DecodeRune(s[i:])
			b = utf8.AppendRune(b, r) // RuneError for invalid bytes
			i += n
		}
	}
	return string(b)
}

func hex4(b []byte) uint16 {
	var v uint16
	for _, c := range b[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		v = v<<4 | uint16(c)
	}
	return v
}
