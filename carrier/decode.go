package carrier

import (
	"errors"
	"time"

	"github.com/dlrkit/dlrkit/dlr"
)

// decoder carries one Parse call's settings and findings to an adapter.
//
// Adding an adapter:
//
//  1. A file <provider>.go with a plain function
//
//     func decodeX(d *decoder, req *request) ([]dlr.Receipt, error)
//
//     whose doc comment is the field mapping and status table (and says
//     what is assumed where the provider's docs are silent).
//
//  2. A case in the switch in Parser.Parse, the name in Providers (the
//     constant already exists) and in the list in doc.go.
//
//  3. A rule isX(*shape) bool in detect.go, called from Parser.detect.
//
//  4. Fixtures in testdata/<provider>/ named in its SOURCE file; golden
//     outputs with go test -run Golden -update.
//
// Inside the adapter: check req.format (d.fail(0, "", ErrWrongFormat) for
// one the provider does not send); build receipts with d.receipt; walk JSON
// with d.objects (top-level object or batch array), d.fields (members of
// an object, nested ones too) and d.elements (a nested array such as
// results[] or to[]); read values with d.str (strings, exact number text),
// d.when / d.smppWhen (timestamps), d.count (small integers); range over
// req.pairs for forms and queries (keys as sent; normKey folds them);
// read error codes with errcode.Read in the provider's namespace; report
// bad input with d.fail(index, field, ErrX) and values outside the
// vocabulary with d.unknownValue (the receipt keeps the raw text and
// status.Unknown); put every field not mapped into Extra (extraField for
// JSON) in input order. Never panic, never drop a field.
type decoder struct {
	p        *Parser
	provider string
	format   dlr.Format
	body     []byte // the JSON body, for error offsets and shared strings
	shared   string // a copy of a small body that string values slice; see str
	unknown  []UnknownValue
}

// shareLimit is the largest body whose string values share one copy of the
// body (one allocation instead of one per field). Larger bodies (batches)
// get a string per value, so that keeping one receipt does not keep the
// whole batch in memory.
const shareLimit = 4 << 10

// str returns the text of a JSON value, as jsonValue.text does.
func (d *decoder) str(v jsonValue) string {
	switch {
	case v.kind == jsonNull:
		return ""
	case v.kind == jsonString && v.esc:
		return unquote(v.raw, true)
	case len(d.body) > shareLimit || cap(v.raw) > cap(d.body):
		return v.text()
	}
	if d.shared == "" {
		d.shared = string(d.body)
	}
	start := cap(d.body) - cap(v.raw)
	end := start + len(v.raw)
	if v.kind == jsonString {
		start, end = start+1, end-1
	}
	return d.shared[start:end]
}

// receipt returns an empty receipt with its Source set.
func (d *decoder) receipt() dlr.Receipt {
	return dlr.Receipt{Source: dlr.Source{Format: d.format, Provider: d.provider}}
}

// fail returns a *ParseError for the receipt at index. err is a sentinel, or
// an error from the JSON scanner (its offset is kept).
func (d *decoder) fail(index int, field string, err error) error {
	pe := &ParseError{Provider: d.provider, Index: index, Offset: -1, Field: field, Err: err}
	var je *jsonError
	if errors.As(err, &je) {
		pe.Err = je.err
		if d.body != nil && cap(je.rest) <= cap(d.body) {
			pe.Offset = cap(d.body) - cap(je.rest)
		}
	}
	var inner *ParseError
	if errors.As(err, &inner) {
		return err
	}
	return pe
}

// unknownValue records a value the adapter did not understand; Parse
// returns the receipts with a *ValueError listing them.
func (d *decoder) unknownValue(index int, field, value string) {
	d.unknown = append(d.unknown, UnknownValue{Index: index, Field: field, Value: value})
}

// objects calls fn with the body's object, or with each object of its
// top-level array (a batch), in order; index is the position in the batch.
// An empty array is ErrNotReceipt; an element that is not an object too.
func (d *decoder) objects(body []byte, fn func(index int, obj []byte) error) error {
	d.body = body
	i := skipSpace(body, 0)
	if i < len(body) && body[i] == '[' {
		n := 0
		err := eachElement(body, 1, d.p.maxDepth(), d.p.maxBatch(), func(index int, v jsonValue) error {
			n++
			if v.kind != jsonObject {
				return d.fail(index, "", ErrNotReceipt)
			}
			return fn(index, v.raw)
		})
		if err != nil {
			return d.fail(0, "", err)
		}
		if n == 0 {
			return d.fail(0, "", ErrNotReceipt)
		}
		return nil
	}
	if i < len(body) && body[i] != '{' {
		if err := validJSON(body, d.p.maxDepth()); err != nil {
			return d.fail(0, "", err)
		}
		return d.fail(0, "", ErrNotReceipt)
	}
	return fn(0, body)
}

// elements calls fn for each element of a nested JSON array (arr from
// d.fields), in order; at most Parser.MaxBatch elements.
func (d *decoder) elements(index int, arr []byte, fn func(i int, v jsonValue) error) error {
	if err := eachElement(arr, 1, d.p.maxDepth(), d.p.maxBatch(), fn); err != nil {
		return d.fail(index, "", err)
	}
	return nil
}

// fields calls fn for each member of the JSON object obj (from objects, or
// a nested object value), and turns scanner errors into *ParseError.
func (d *decoder) fields(index int, obj []byte, fn func(key []byte, v jsonValue) error) error {
	if err := eachField(obj, 1, d.p.maxDepth(), fn); err != nil {
		return d.fail(index, "", err)
	}
	return nil
}

// extraField appends an unmapped JSON field to r.Extra.
func extraField(r *dlr.Receipt, key []byte, v jsonValue) {
	r.Extra = append(r.Extra, dlr.Field{Key: string(key), Value: v.extra()})
}

// when reads a timestamp field. Text in no allowed layout stays in Extra
// and is reported as an unknown value; the receipt's time stays zero.
func (d *decoder) when(r *dlr.Receipt, index int, key, raw string, allow timeLayouts) time.Time {
	if raw == "" {
		return time.Time{}
	}
	t, ok := parseTime(raw, d.p.location(), allow)
	if !ok {
		r.Extra = append(r.Extra, dlr.Field{Key: key, Value: raw})
		d.unknownValue(index, key, raw)
	}
	return t
}

// count reads a small non-negative integer field (segments, sub, dlvrd).
// Anything else stays in Extra and is reported as an unknown value.
func (d *decoder) count(r *dlr.Receipt, index int, key, raw string) int {
	if raw == "" {
		return 0
	}
	n, ok := smallInt(raw)
	if !ok {
		r.Extra = append(r.Extra, dlr.Field{Key: key, Value: raw})
		d.unknownValue(index, key, raw)
	}
	return n
}

// smppWhen reads an SMPP receipt date (10, 12 or 14 digits) in the SMSC's
// zone: Parser.SMPP.Location, else Parser.Location, else UTC.
func (d *decoder) smppWhen(r *dlr.Receipt, index int, key, raw string) time.Time {
	if raw == "" {
		return time.Time{}
	}
	t, ok := parseTime(raw, d.p.smppLocation(), timeSMPP)
	if !ok {
		r.Extra = append(r.Extra, dlr.Field{Key: key, Value: raw})
		d.unknownValue(index, key, raw)
	}
	return t
}

// seen tracks which mapped fields a receipt has had: a repeated field is
// kept in Extra instead of overwriting the first, so nothing is dropped.
// It suits adapters that look their fields up in a fixed table (index i);
// once, below, does the same by name for adapters that switch on keys.
type seen uint64

// first reports whether field i (0–63) is seen for the first time.
func (s *seen) first(i int) bool {
	b := seen(1) << uint(i)
	if *s&b != 0 {
		return false
	}
	*s |= b
	return true
}

// once tracks which field names a receipt (or one nested object of it) has
// had, for the SMS API adapters: a repeated field (a duplicate JSON key, a
// repeated form parameter) is mapped from its first occurrence and its
// repeats go to Extra, as the package documentation says. JSON keys are
// kept as slices of the body and form keys as the strings they already
// are, so tracking allocates nothing for the first 16 names of each kind.
type once struct {
	nb, ns int
	b      [16][]byte
	s      [16]string
	moreB  [][]byte
	moreS  []string
}

// firstKey reports whether the JSON key is seen for the first time.
func (o *once) firstKey(key []byte) bool {
	for i := 0; i < o.nb; i++ {
		if string(o.b[i]) == string(key) {
			return false
		}
	}
	for _, k := range o.moreB {
		if string(k) == string(key) {
			return false
		}
	}
	if o.nb < len(o.b) {
		o.b[o.nb] = key
		o.nb++
	} else {
		o.moreB = append(o.moreB, key)
	}
	return true
}

// firstName reports whether the form or query name is seen for the first
// time.
func (o *once) firstName(name string) bool {
	for i := 0; i < o.ns; i++ {
		if o.s[i] == name {
			return false
		}
	}
	for _, k := range o.moreS {
		if k == name {
			return false
		}
	}
	if o.ns < len(o.s) {
		o.s[o.ns] = name
		o.ns++
	} else {
		o.moreS = append(o.moreS, name)
	}
	return true
}
