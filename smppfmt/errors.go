package smppfmt

import (
	"errors"
	"strconv"
)

// These are the errors that can be returned in ParseError.Err.
//
// ErrUnknownStatus, ErrCount and ErrDate report a value that could not be
// normalized in an otherwise readable receipt: Parse returns them with the
// complete receipt, the raw value kept (RawStatus with Status UNKNOWN, or the
// value in Receipt.Extra). The others mean the text is not a usable receipt.
var (
	ErrTooLarge      = errors.New("text too large")
	ErrNotReceipt    = errors.New("not a delivery receipt")
	ErrMissing       = errors.New("missing field")
	ErrUnknownStatus = errors.New("unknown status word")
	ErrCount         = errors.New("count is not a decimal number")
	ErrDate          = errors.New("bad date")
	ErrStrict        = errors.New("not allowed in strict mode")
)

// ParseError reports a problem at a byte offset of a receipt text.
type ParseError struct {
	// Offset is the byte offset in the input of the offending value or
	// key; for a missing field, the length of the text without its
	// trailing NULs and whitespace; for ErrTooLarge, the size limit.
	Offset int
	Field  string // the field as SMPP 3.4 Appendix B names it ("stat", "submit date"); "" if none
	Value  string // the offending value as sent, if any
	Err    error  // one of the Err… values above
}

func (e *ParseError) Error() string {
	b := make([]byte, 0, 64)
	b = append(b, "smppfmt: byte "...)
	b = strconv.AppendInt(b, int64(e.Offset), 10)
	if e.Field != "" {
		b = append(b, " ("...)
		b = append(b, e.Field...)
		b = append(b, ')')
	}
	b = append(b, ": "...)
	if e.Err != nil {
		b = append(b, e.Err.Error()...)
	} else {
		b = append(b, "error"...)
	}
	if e.Value != "" {
		b = append(b, ' ')
		b = strconv.AppendQuote(b, e.Value)
	}
	return string(b)
}

func (e *ParseError) Unwrap() error { return e.Err }

// IsPartial reports whether err (as returned by Parse) is a value that could
// not be normalized while the receipt itself was read: the receipt returned
// with it is complete and usable.
func IsPartial(err error) bool {
	return errors.Is(err, ErrUnknownStatus) || errors.Is(err, ErrCount) || errors.Is(err, ErrDate)
}
