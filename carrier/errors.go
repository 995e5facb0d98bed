package carrier

import (
	"errors"
	"strconv"
	"strings"
)

// These are the errors that can be returned in [ParseError].Err and
// [DetectError].Err. Test for them with errors.Is.
var (
	ErrMalformed       = errors.New("malformed input")                  // bad JSON, form or query syntax
	ErrTooLarge        = errors.New("input too large")                  // body, batch or nesting over the Parser's bounds
	ErrUnknownProvider = errors.New("unknown provider")                 // Meta.Provider names no adapter, or detection found none
	ErrAmbiguous       = errors.New("ambiguous input")                  // several providers or several fields fit equally well
	ErrWrongFormat     = errors.New("format not sent by this provider") // e.g. a JSON body for a GET-only gateway
	ErrNotReceipt      = errors.New("not a delivery receipt")           // well-formed, but another kind of event or object
	ErrMissingID       = errors.New("no message id")                    // a receipt names no message
	ErrMissingStatus   = errors.New("no status")                        // a receipt carries no status at all
	ErrUnknownValue    = errors.New("value not recognized")             // only in a ValueError: see there
)

// ParseError reports input that could not be turned into receipts. Parse
// returns no receipts with it.
type ParseError struct {
	Provider string // the adapter that failed; "" before one was chosen
	Index    int    // position in a batch (0 for a single object or a form)
	Offset   int    // byte offset in the body where the problem was found; -1 if not known
	Field    string // the field concerned, as sent; "" if none
	Err      error  // one of the Err* values above
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("carrier: ")
	if e.Provider != "" {
		b.WriteString(e.Provider)
		b.WriteString(": ")
	}
	if e.Index > 0 {
		b.WriteString("item ")
		b.WriteString(strconv.Itoa(e.Index))
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString("field ")
		b.WriteString(strconv.Quote(e.Field))
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	if e.Offset >= 0 {
		b.WriteString(" at offset ")
		b.WriteString(strconv.Itoa(e.Offset))
	}
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// DetectError reports that [Detect] could not name one provider.
type DetectError struct {
	// Candidates are the providers the input fits, in the order of the
	// provider list; empty when none fits.
	Candidates []string
	Err        error // ErrAmbiguous or ErrUnknownProvider
}

func (e *DetectError) Error() string {
	s := "carrier: detect: " + e.Err.Error()
	if len(e.Candidates) > 0 {
		s += ": could be " + strings.Join(e.Candidates, " or ") + "; name the provider in Meta.Provider"
	}
	return s
}

func (e *DetectError) Unwrap() error { return e.Err }

// ValueError is returned together with receipts when the input was
// well-formed but some values were not understood: a status word outside the
// provider's vocabulary, a timestamp in no known layout, a Kannel type with
// unknown bits. The receipts are complete and usable: an unknown status
// word gives status UNKNOWN with RawStatus keeping the word, an unreadable
// timestamp stays as text in Extra. Callers that only want syntax errors
// can test for it:
//
//	rs, err := carrier.Parse(body, meta)
//	var ve *carrier.ValueError
//	if err != nil && !errors.As(err, &ve) {
//		return err // nothing usable
//	}
//	// use rs; ve (if not nil) lists what was not understood
type ValueError struct {
	Provider string
	Values   []UnknownValue // in input order
}

// UnknownValue is one value a [ValueError] reports.
type UnknownValue struct {
	Index int    // the receipt's position in the result
	Field string // the field as sent ("status", "%d", "delivered_at")
	Value string // the value as sent
}

func (e *ValueError) Error() string {
	var b strings.Builder
	b.WriteString("carrier: ")
	b.WriteString(e.Provider)
	b.WriteString(": ")
	for i, v := range e.Values {
		if i == 3 {
			b.WriteString(", and ")
			b.WriteString(strconv.Itoa(len(e.Values) - 3))
			b.WriteString(" more")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if v.Index > 0 {
			b.WriteString("item ")
			b.WriteString(strconv.Itoa(v.Index))
			b.WriteString(" ")
		}
		b.WriteString(v.Field)
		b.WriteString(" ")
		b.WriteString(strconv.Quote(v.Value))
	}
	b.WriteString(": ")
	b.WriteString(ErrUnknownValue.Error())
	return b.String()
}

func (e *ValueError) Unwrap() error { return ErrUnknownValue }
