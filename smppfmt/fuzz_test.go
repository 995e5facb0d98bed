package smppfmt

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzParseFields checks ParseFields against the slow reference parser and
// that Parse never panics and keeps its allocation-free promises on any
// input.
func FuzzParseFields(f *testing.F) {
	for _, tt := range fieldsTests {
		f.Add(tt.in) // every tolerance of the table (sources there)
	}
	// Keys split by a NUL or a tab instead of a space: not two-word keys.
	f.Add("submit\x00date:1 done\tdate:2 stat:x")
	// A key at the very end, with no value and no colon space.
	f.Add("id:1 stat:")
	// Text first, then keys it must stop at, then a repeated text key.
	f.Add("text:a b id:1 stat:DELIVRD text:c")
	// Separators only, and ';' right after a colon.
	f.Add(" ; \t;")
	f.Add("id:;stat:;err: ;text:;")
	// Placeholders in every case, and in Extra where they stay.
	f.Add("id:NULL sub:Null x:null stat:...")
	// Bare status words in odd places, with and without a label.
	f.Add("DELIVRD id:1 text:DELIVRD")
	f.Add("id:1 dnd_rejected")
	// Keys that look like keys but are not (digit first, slash inside).
	f.Add("1d:1 a/b:2 id:3 stat:ok")
	// 8-bit bytes around keys.
	f.Add("\xffid:1 \xc3\xa9stat:2 stat:\xff")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseFields([]byte(in))
		want, werr := slowParseFields(in)
		if (err == nil) != (werr == nil) {
			t.Fatalf("ParseFields(%q) error %v, slow error %v", in, err, werr)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("ParseFields(%q) (-slow +fast):\n%s", in, d)
		}
		// Parse must not panic, and must return the same raw values.
		r, _ := Parse([]byte(in))
		if r.MessageID != got.ID || r.RawStatus != got.Stat || r.RawError != got.Err || r.Text != got.Text {
			t.Fatalf("Parse(%q) = %+v, fields %+v", in, r, got)
		}
		_, _ = (&Parser{Strict: true}).Parse([]byte(in))
	})
}
