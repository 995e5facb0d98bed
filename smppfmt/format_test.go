package smppfmt

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
)

func TestFormat(t *testing.T) {
	t.Parallel()
	// cloudhopper DeliveryReceiptTest.toShortMessage writes the same layout.
	f := Fields{ID: "0123456789", Sub: "001", Dlvrd: "001", SubmitDate: "1005232039", DoneDate: "1005242339",
		Stat: "DELIVRD", Err: "012", Text: "This is a sample mes"}
	want := "id:0123456789 sub:001 dlvrd:001 submit date:1005232039 done date:1005242339 stat:DELIVRD err:012 text:This is a sample mes"
	require.Equal(t, want, string(Format(f)))
	require.Equal(t, "x"+want, string(AppendFormat([]byte("x"), f)))

	f = Fields{ID: "1", Stat: "DELIVRD", Extra: []dlr.Field{{Key: "mcc", Value: "242"}, {Value: "a b"}}, Text: "hi"}
	require.Equal(t, "id:1 stat:DELIVRD mcc:242 a b text:hi", string(Format(f)))
}

// formattable reports whether f meets the conditions AppendFormat
// documents for ParseFields to read it back unchanged.
func formattable(f Fields) bool {
	scalar := func(v string) bool {
		return !strings.ContainsAny(v, " \t\n\r\v\f;\x00") && !isPlaceholder(v)
	}
	present := map[string]bool{}
	any := false
	for k := 0; k < numKeys; k++ {
		v := *f.ptr(k)
		present[keyNames[k]] = v != ""
		any = any || v != ""
		if k != keyText && !scalar(v) {
			return false
		}
	}
	if !any {
		return false
	}
	if t := f.Text; t != "" {
		if strings.ContainsRune(" \t", rune(t[0])) || strings.ContainsRune(" \t\n\r\v\f;\x00", rune(t[len(t)-1])) {
			return false
		}
		// No key of an absent field, with a value of its shape, after a
		// separator.
		for i := 0; i < len(t); i++ {
			if keyByteClass[t[i]]&bSep != 0 {
				k, _, vs := matchKey(t, i+1, false)
				if k < 0 || present[keyNames[k]] {
					continue
				}
				if st, en := scalarValue(t, vs, false); plausible(k, t[st:en]) {
					return false
				}
			}
		}
	}
	prevJunk, prevEmpty := false, false
	for _, x := range f.Extra {
		if strings.ContainsRune(x.Value, 0) {
			return false
		}
		if x.Key == "" {
			if x.Value == "" || prevJunk || prevEmpty || strings.ContainsRune(x.Value, ':') ||
				strings.ContainsAny(x.Value[:1]+x.Value[len(x.Value)-1:], " \t\n\r\v\f;") {
				return false
			}
			for _, w := range strings.FieldsFunc(x.Value, func(r rune) bool { return r < 0x80 && keyByteClass[r]&bSep != 0 }) {
				if slowBareStatus(w) {
					return false
				}
			}
			prevJunk, prevEmpty = true, false
			continue
		}
		if !scalar(x.Value) {
			return false
		}
		k, nameEnd, _ := matchKey(x.Key+":", 0, false)
		if k == keyNone || nameEnd != len(x.Key) || k == keyText || k >= 0 && !present[keyNames[k]] {
			return false
		}
		prevJunk, prevEmpty = false, x.Value == ""
	}
	return true
}

func TestFormatRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tt := range fieldsTests {
		if !formattable(tt.want) {
			continue
		}
		got, err := ParseFields(Format(tt.want))
		require.NoError(t, err)
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s: ParseFields(Format(f)) (-want +got):\n%s", tt.name, d)
		}
	}
}

func FuzzFormatRoundTrip(f *testing.F) {
	// Seeds: a full Appendix B receipt (cloudhopper toShortMessage).
	f.Add("0123456789", "001", "001", "1005232039", "1005242339", "DELIVRD", "012", "This is a sample mes", "mcc", "242", "junk")
	// Only the required fields, text with ": " after all fields.
	f.Add("1", "", "", "", "", "DELIVRD", "", "Re: stat: ok", "", "", "")
	// Text holding the key of an absent field: not formattable, skipped.
	f.Add("1", "", "", "", "", "DELIVRD", "", "a sub:1", "", "", "")
	// A repeated key in Extra.
	f.Add("1", "1", "", "", "", "UNDELIV", "21b", "", "sub", "2", "")
	// Case and aliases in keys of Extra.
	f.Add("x", "", "", "", "", "FAILED", "0000", "\x84\x1b", "Submit_Date", "", "two words")
	f.Fuzz(func(t *testing.T, id, sub, dlvrd, sd, dd, stat, errv, text, xk, xv, junk string) {
		fl := Fields{ID: id, Sub: sub, Dlvrd: dlvrd, SubmitDate: sd, DoneDate: dd, Stat: stat, Err: errv, Text: text}
		if xk != "" || xv != "" {
			fl.Extra = append(fl.Extra, dlr.Field{Key: xk, Value: xv})
		}
		if junk != "" {
			fl.Extra = append(fl.Extra, dlr.Field{Value: junk})
		}
		if !formattable(fl) {
			return
		}
		got, err := ParseFields(Format(fl))
		if err != nil {
			t.Fatalf("ParseFields(%q): %v", Format(fl), err)
		}
		if d := cmp.Diff(fl, got); d != "" {
			t.Fatalf("ParseFields(%q) (-want +got):\n%s", Format(fl), d)
		}
	})
}
