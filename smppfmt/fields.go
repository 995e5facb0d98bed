package smppfmt

import "github.com/dlrkit/dlrkit/dlr"

// Fields is a receipt text split into its fields, values exactly as sent.
// An absent field is "". A value written as a placeholder (null, ...) is
// absent too, except in Text, which is kept as sent.
type Fields struct {
	ID, Sub, Dlvrd, SubmitDate, DoneDate, Stat, Err, Text string
	// Extra holds, in input order, key:value pairs whose key the format does
	// not define (Key as sent), repeated keys, and runs of words outside
	// any field (Key "", Value the words as sent).
	Extra []dlr.Field
}

// The field names used in ParseError.Field, as SMPP 3.4 Appendix B spells
// them.
const (
	FieldID         = "id"
	FieldSub        = "sub"
	FieldDlvrd      = "dlvrd"
	FieldSubmitDate = "submit date"
	FieldDoneDate   = "done date"
	FieldStat       = "stat"
	FieldErr        = "err"
	FieldText       = "text"
)

// The known keys, in Appendix B order. The order is the order Format
// writes them in.
const (
	keyID = iota
	keySub
	keyDlvrd
	keySubmitDate
	keyDoneDate
	keyStat
	keyErr
	keyText
	numKeys

	keyNone    = -1 // not a key: a word
	keyUnknown = -2 // a name: the format does not define
)

var keyNames = [numKeys]string{
	FieldID, FieldSub, FieldDlvrd, FieldSubmitDate, FieldDoneDate, FieldStat, FieldErr, FieldText,
}

// ptr returns the Fields member for key k.
func (f *Fields) ptr(k int) *string {
	switch k {
	case keyID:
		return &f.ID
	case keySub:
		return &f.Sub
	case keyDlvrd:
		return &f.Dlvrd
	case keySubmitDate:
		return &f.SubmitDate
	case keyDoneDate:
		return &f.DoneDate
	case keyStat:
		return &f.Stat
	case keyErr:
		return &f.Err
	default:
		return &f.Text
	}
}
