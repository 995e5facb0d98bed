package smppfmt

import (
	"regexp"
	"testing"
)

var receiptBenchInputs = []struct{ name, in string }{
	// The Appendix B receipt of the recipe's documentation.
	{"short", "id:1234567890 sub:001 dlvrd:001 submit date:2502141030 done date:2502141030 stat:DELIVRD err:000 text:Hello World"},
	// constructed: a 36-character id, 12-digit dates, text holding ": " and "stat:".
	{"uuid", "id:0e999f21-5bd5-4c6f-9a5b-8e8c3f2b7a10 sub:001 dlvrd:001 submit date:250214103015 done date:250214103512 stat:DELIVRD err:000 text:Re: your stat: ok"},
}

// The recipe a provider's documentation gives for reading receipts: five
// case-insensitive regular expressions, compiled once.
var (
	reID    = regexp.MustCompile(`(?i)id:([\S]+)`)
	reStat  = regexp.MustCompile(`(?i)stat:(\w+)`)
	reErr   = regexp.MustCompile(`(?i)err:(\d+)`)
	reDone  = regexp.MustCompile(`(?i)done date:(\d+)`)
	reDlvrd = regexp.MustCompile(`(?i)dlvrd:(\d+)`)
)

type regexpResult struct{ id, stat, err, done, dlvrd string }

func regexpRecipe(b []byte) regexpResult {
	var r regexpResult
	sub := func(re *regexp.Regexp) string {
		if m := re.FindSubmatch(b); m != nil {
			return string(m[1])
		}
		return ""
	}
	r.id = sub(reID)
	r.stat = sub(reStat)
	r.err = sub(reErr)
	r.done = sub(reDone)
	r.dlvrd = sub(reDlvrd)
	return r
}

func BenchmarkParse(b *testing.B) {
	for _, in := range receiptBenchInputs {
		text := []byte(in.in)
		b.Run("impl=dlrkit/in="+in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				r, err := Parse(text)
				if err != nil || r.MessageID == "" {
					b.Fatal(err)
				}
			}
		})
		b.Run("impl=regexp/in="+in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if r := regexpRecipe(text); r.id == "" {
					b.Fatal("no id")
				}
			}
		})
	}
}

func BenchmarkParseFields(b *testing.B) {
	for _, in := range receiptBenchInputs {
		text := []byte(in.in)
		b.Run("in="+in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				f, err := ParseFields(text)
				if err != nil || f.ID == "" {
					b.Fatal(err)
				}
			}
		})
	}
}
