package smppfmt

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dlrkit/dlrkit/status"
	"github.com/google/go-cmp/cmp"
)

// The word-at-a-time helpers against byte-by-byte readings of the same
// rule.

func TestFirstSep(t *testing.T) {
	t.Parallel()
	// Bytes around the edges of the classes: below and at 0x21, ';' and
	// its neighbours, high bytes.
	alphabet := []byte{0, '\t', '\n', 0x1f, ' ', '!', ':', ';', '<', '0', 'a', 0x7f, 0x80, 0xff}
	var w [8]byte
	for n := 0; n < 20000; n++ {
		x := n * 2654435761
		for i := range w {
			w[i] = alphabet[(x>>(3*i))%len(alphabet)]
		}
		s := string(w[:])
		want := 8
		for i := 0; i < 8; i++ {
			if s[i] < 0x21 || s[i] == ';' {
				want = i
				break
			}
		}
		got, space := firstSep(loadWord(s, 0))
		if got != want || space != (want < 8 && s[want] == ' ') {
			t.Fatalf("firstSep(%q) = %d, %v; want %d", s, got, space, want)
		}
	}
}

func TestTextStatusSevenLetters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word string
		want status.Status
		ok   bool
	}{
		{"DELIVRD", status.Delivered, true},
		{"delivrd", status.Delivered, true},
		{"DeLiVrD", status.Delivered, true},
		{"undeliv", status.Undeliverable, true},
		{"REJECTD", status.Rejected, true},
		{"Expired", status.Expired, true},
		{"DELETED", status.Deleted, true},
		{"acceptd", status.Accepted, true},
		{"ENROUTE", status.Enroute, true},
		{"UNKNOWN", status.Unknown, true},
		{"SKIPPED", status.Skipped, true},
		// Bytes that fold onto a letter only by clearing bit 5 are not
		// letters: no match.
		{"DELIVR\x04", status.None, false},
		{"DELI\x16RD", status.None, false},
		{"DELIVRX", status.None, false},
		{"1234567", status.None, false},
	}
	for _, tt := range tests {
		got, ok := textStatus(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("textStatus(%q) = %v, %v; want %v, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

// TestLayoutPrefixes cuts the Appendix B receipt at every byte and changes
// every byte in turn, so that the straight pass stops at every place it can
// stop, and compares with the reference reader.
func TestLayoutPrefixes(t *testing.T) {
	t.Parallel()
	check := func(s string) {
		got, gerr := ParseFields([]byte(s))
		want, werr := slowParseFields(s)
		if (gerr == nil) != (werr == nil) || !fieldsEqual(got, want) {
			t.Fatalf("ParseFields(%q) = %+v, %v; reference %+v, %v", s, got, gerr, want, werr)
		}
		// Parse takes its own way to the same values.
		r, err := Parse([]byte(s))
		if r.MessageID != want.ID || r.RawStatus != want.Stat || r.RawError != want.Err || r.Text != want.Text {
			t.Fatalf("Parse(%q) = %+v; reference %+v", s, r, want)
		}
		// A leading space keeps a receipt off the fixed-layout path and
		// changes nothing else but the error offsets: both ways agree.
		for _, p := range []*Parser{{}, {Strict: true}} {
			if p.Strict {
				r, err = p.Parse([]byte(s))
			}
			r2, err2 := p.Parse([]byte(" " + s))
			var pe, pe2 *ParseError
			if errors.As(err2, &pe2) && pe2.Offset > 0 {
				pe2.Offset--
			}
			if errors.As(err, &pe) != errors.As(err2, &pe2) || pe != nil && *pe != *pe2 {
				t.Fatalf("Parse(%q) error %v; key by key %v", s, err, err2)
			}
			if d := cmp.Diff(r2, r); d != "" {
				t.Fatalf("Parse(%q), strict %v (-key by key +as read):\n%s", s, p.Strict, d)
			}
		}
	}
	for _, in := range []string{
		receiptBenchInputs[0].in + " " + strings.ToUpper(receiptBenchInputs[1].in),
		// The fixed layout with 12-digit dates, upper-case keys and
		// placeholders in the three-wide fields.
		receiptBenchInputs[1].in,
		"ID:7 SUB:... DLVRD:... SUBMIT DATE:2502141030 DONE DATE:2502141030 STAT:DELIVRD ERR:... TEXT:",
		"id:7 sub:... dlvrd:..x submit date:2502141030 done date:250214103012 stat:ACCEPTD err:..! text:x",
		// Values too long to pack into packMax bytes, and a text with
		// spaces after its colon and a ';' at the end.
		"id:" + strings.Repeat("7", 40) + " sub:001 dlvrd:001 submit date:2502141030 done date:2502141030 stat:DELIVRD err:000 text: " + strings.Repeat("x y ", 20) + ";",
	} {
		for n := 0; n <= len(in); n++ {
			check(in[:n])
		}
		for i := 0; i < len(in); i++ {
			for _, c := range []byte{' ', '\t', ';', ':', 'x', '0', '\n', '.', '!', 0x01, 0xff, 'A'} {
				b := []byte(in)
				b[i] = c
				check(string(b))
			}
		}
	}
}

func fieldsEqual(a, b Fields) bool {
	if a.ID != b.ID || a.Sub != b.Sub || a.Dlvrd != b.Dlvrd || a.SubmitDate != b.SubmitDate ||
		a.DoneDate != b.DoneDate || a.Stat != b.Stat || a.Err != b.Err || a.Text != b.Text ||
		len(a.Extra) != len(b.Extra) {
		return false
	}
	for i := range a.Extra {
		if a.Extra[i] != b.Extra[i] {
			return false
		}
	}
	return true
}

// TestReadDateReference reads pseudo-random digit strings in every layout
// and compares with time.Date and the layout's own field limits.
func TestReadDateReference(t *testing.T) {
	t.Parallel()
	layouts := []struct {
		l      dateLayout
		n      int
		yyyy   bool
		second bool
	}{
		{layoutYY10, 10, false, false},
		{layoutYY12, 12, false, true},
		{layoutYYYY12, 12, true, false},
		{layoutYYYY14, 14, true, true},
	}
	x := uint64(0x9E3779B97F4A7C15)
	for n := 0; n < 200000; n++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		var b [14]byte
		// Mostly plausible dates, sometimes anything.
		lim := [14]uint64{10, 10, 10, 10, 2, 10, 4, 10, 3, 10, 6, 10, 7, 10}
		for i := range b {
			m := lim[i]
			if x>>(60-i)&1 == 1 && n%4 == 0 {
				m = 10
			}
			b[i] = '0' + byte((x>>(4*i))%m)
		}
		for _, lt := range layouts {
			s := string(b[:lt.n])
			if lt.yyyy && n%2 == 0 {
				s = "20" + s[2:] // years a receipt can name
			}
			d := func(i int) int { return int(s[i]-'0')*10 + int(s[i+1]-'0') }
			var y, i int
			if lt.yyyy {
				y, i = d(0)*100+d(2), 4
			} else {
				y, i = 2000+d(0), 2
			}
			mo, dd, hh, mm, ss := d(i), d(i+2), d(i+4), d(i+6), 0
			if lt.second {
				ss = d(i + 8)
			}
			want := time.Date(y, time.Month(mo), dd, hh, mm, ss, 0, time.UTC)
			wantOK := mo >= 1 && mo <= 12 && dd >= 1 && hh <= 23 && mm <= 59 && ss <= 59 &&
				want.Day() == dd && (!lt.yyyy || lt.second || 2000 <= y && y <= 2099)
			r, ok := readDate(s, lt.l)
			if ok != wantOK || ok && r.wall != want.Unix() {
				t.Fatalf("readDate(%q, %d) = %d, %v; want %d, %v", s, lt.l, r.wall, ok, want.Unix(), wantOK)
			}
		}
	}
}

// TestFixedLayouts checks the compiled layouts against the offsets that
// packFixed writes as constants.
func TestFixedLayouts(t *testing.T) {
	t.Parallel()
	for i := range fixedLayouts {
		l := &fixedLayouts[i]
		w := l.w
		want := [keyText][2]int32{
			keySub:        {4, 7},
			keyDlvrd:      {14, 17},
			keySubmitDate: {30, int32(30 + w)},
			keyDoneDate:   {int32(41 + w), int32(41 + 2*w)},
			keyStat:       {int32(47 + 2*w), int32(54 + 2*w)},
			keyErr:        {int32(59 + 2*w), int32(62 + 2*w)},
		}
		for k := keySub; k < keyText; k++ {
			if got := [2]int32{l.start[k], l.end[k]}; got != want[k] {
				t.Errorf("layout %d, %s: value at %v, packFixed reads %v", i, keyNames[k], got, want[k])
			}
		}
		if l.n != 68+2*w {
			t.Errorf("layout %d: %d bytes, packFixed reads %d", i, l.n, 68+2*w)
		}
	}
	if fixedLayouts[0].w != 10 || fixedLayouts[1].w != 12 {
		t.Errorf("date widths %d, %d; pack expects 10, 12", fixedLayouts[0].w, fixedLayouts[1].w)
	}
}
