package fuzz

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/smppfmt"
)

// The conditions below are a black-box reading of what smppfmt.AppendFormat
// documents as writable unambiguously, made stricter where that costs
// little, so that a failure of the round trip is a fault of the library and
// not of the generator:
//
//   - a scalar value (id, sub, dlvrd, the dates, stat, err, a keyed Extra
//     value) holds no ASCII whitespace, ';' or NUL and is not a placeholder
//     ("null" in any case, "...");
//   - text does not begin with a space or tab and does not end with
//     whitespace, ';' or NUL; after whitespace or ';' it holds no key of
//     an absent field: no "k:" for k one of id, sub, dlvrd, stat, err,
//     submit_date, done_date (any case) whose field is absent, no text:
//     or txt:, and no word beginning with "submit" or "done" (any case)
//     unless both dates are present (whatever follows; stricter than the
//     documentation, which also asks for a value of the field's shape);
//   - an Extra key is a name (a letter, then letters, digits, '_', '-', '.')
//     that is not, ignoring case, one of the receipt keys or their aliases
//     (id, sub, dlvrd, submit_date, done_date, stat, err, text, txt) nor
//     the first word of a two-word key (submit, done);
//   - an Extra value without a key is not empty, holds no ':' and no NUL,
//     neither begins nor ends with whitespace or ';', has no word that is a
//     status word (statusWords, or all digits), and follows neither another
//     keyless value nor a keyed one that is empty;
//   - at least one of the eight fields is present.
const separators = " \t\n\r\v\f;"

func scalarOK(v string) bool {
	if strings.ContainsAny(v, separators+"\x00") {
		return false
	}
	return !strings.EqualFold(v, "null") && v != "..."
}

// statusWords are the words smppfmt's package documentation lists as read
// for stat, besides the message_state numbers.
var statusWords = []string{
	"DELIVRD", "UNDELIV", "REJECTD", "EXPIRED", "DELETED", "ACCEPTD", "ENROUTE", "UNKNOWN",
	"DELIVERED", "UNDELIVERABLE", "REJECTED", "ACCEPTED", "SCHEDULED", "SKIPPED",
	"ACKED", "BUFFRED", "BUFFERD", "FAILED", "UNDELVRD", "DND_REJECTED",
}

func isStatusWord(w string) bool {
	if w != "" && strings.Trim(w, "0123456789") == "" {
		return true
	}
	for _, s := range statusWords {
		if strings.EqualFold(w, s) {
			return true
		}
	}
	return false
}

var receiptKeys = []string{"id", "sub", "dlvrd", "submit_date", "done_date", "stat", "err", "text", "txt", "submit", "done"}

func extraKeyOK(k string) bool {
	if k == "" {
		return false
	}
	for i, c := range []byte(k) {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if i == 0 && !letter || !letter && !(c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	for _, r := range receiptKeys {
		if strings.EqualFold(k, r) {
			return false
		}
	}
	return true
}

// textOK reports whether t holds no key that could end it early.
func textOK(f smppfmt.Fields, t string) bool {
	present := map[string]bool{
		"id": f.ID != "", "sub": f.Sub != "", "dlvrd": f.Dlvrd != "", "stat": f.Stat != "", "err": f.Err != "",
		"submit_date": f.SubmitDate != "", "done_date": f.DoneDate != "",
	}
	for i := 0; i < len(t); i++ {
		if i > 0 && !strings.ContainsRune(separators, rune(t[i-1])) {
			continue
		}
		rest := strings.ToLower(t[i:min(i+12, len(t))]) // longest key: "submit_date:"
		if (strings.HasPrefix(rest, "submit") || strings.HasPrefix(rest, "done")) && !(present["submit_date"] && present["done_date"]) {
			return false
		}
		if strings.HasPrefix(rest, "text:") || strings.HasPrefix(rest, "txt:") {
			return false
		}
		for k, ok := range present {
			if !ok && strings.HasPrefix(rest, k+":") {
				return false
			}
		}
	}
	return true
}

// writable reports whether f meets the conditions above.
func writable(f smppfmt.Fields) bool {
	scalars := []string{f.ID, f.Sub, f.Dlvrd, f.SubmitDate, f.DoneDate, f.Stat, f.Err}
	anyField := f.Text != ""
	for _, v := range scalars {
		if !scalarOK(v) {
			return false
		}
		anyField = anyField || v != ""
	}
	if !anyField {
		return false
	}
	if t := f.Text; t != "" {
		if strings.ContainsAny(t[:1], " \t") || strings.ContainsAny(t[len(t)-1:], separators+"\x00") {
			return false
		}
		if !textOK(f, t) {
			return false
		}
	}
	prevJunk, prevEmpty := false, false
	for _, x := range f.Extra {
		if x.Key == "" {
			v := x.Value
			if v == "" || prevJunk || prevEmpty || strings.ContainsAny(v, ":\x00") ||
				strings.ContainsAny(v[:1]+v[len(v)-1:], separators) {
				return false
			}
			for _, w := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune(separators, r) }) {
				if isStatusWord(w) {
					return false
				}
			}
			prevJunk, prevEmpty = true, false
			continue
		}
		if !extraKeyOK(x.Key) || !scalarOK(x.Value) {
			return false
		}
		prevJunk, prevEmpty = false, x.Value == ""
	}
	return true
}

// FuzzSMPPTextRoundTrip builds Fields from fuzz strings and checks, for
// every writable value, that ParseFields(Format(f)) is f, that formatting
// again gives the same bytes, and that Parse reads id, stat, err and text
// into MessageID, RawStatus, RawError and Text unchanged (and fails for
// nothing but a partial value when id and stat are present). For any other value it checks that the
// parser does not panic and that whatever it reads back, when writable,
// survives another round trip unchanged.
func FuzzSMPPTextRoundTrip(f *testing.F) {
	// The Appendix B example with every field (cloudhopper's
	// DeliveryReceiptTest.toShortMessage values) and one Extra pair.
	f.Add("0123456789", "001", "001", "1005232039", "1005242339", "DELIVRD", "012", "This is a sample mes", "mcc", "242", "")
	// Only id and stat, text without ':' (the usual minimal receipt).
	f.Add("1", "", "", "", "", "DELIVRD", "", "hello world", "", "", "")
	// All scalars present, so text may hold keys: "Re: stat: ok" stays text.
	f.Add("a1", "1", "1", "1005232039", "1005242339", "UNDELIV", "21b", "Re: stat:DELIVRD id:x", "", "", "")
	// A keyless run of words (Extra with an empty key) after a keyed pair.
	f.Add("x", "", "", "", "", "EXPIRED", "0000", "", "network", "ee-uk", "two words")
	// An empty keyed Extra value: the next field's key must end it.
	f.Add("7", "", "", "", "", "REJECTD", "", "t", "mnc", "", "")
	// Non-ASCII bytes kept as sent, a 16-character SMPP absolute time.
	f.Add("\xc3\xa9", "", "", "230101120000004+", "", "ACCEPTD", "", "\x84\x1b\xff", "", "", "")
	// Not writable: text with a key of an absent field; only no panic.
	f.Add("1", "", "", "", "", "DELIVRD", "", "a sub:1", "", "", "")
	// Not writable: a placeholder id.
	f.Add("null", "", "", "", "", "DELIVRD", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, id, sub, dlvrd, sd, dd, stat, errv, text, xk, xv, junk string) {
		in := smppfmt.Fields{ID: id, Sub: sub, Dlvrd: dlvrd, SubmitDate: sd, DoneDate: dd, Stat: stat, Err: errv, Text: text}
		if xk != "" || xv != "" {
			in.Extra = append(in.Extra, dlr.Field{Key: xk, Value: xv})
		}
		if junk != "" {
			in.Extra = append(in.Extra, dlr.Field{Value: junk})
		}
		b := smppfmt.Format(in)
		got, err := smppfmt.ParseFields(b)
		if !writable(in) {
			if err == nil && writable(got) {
				b2 := smppfmt.Format(got)
				again, err := smppfmt.ParseFields(b2)
				if err != nil {
					t.Fatalf("ParseFields(%q): %v", b2, err)
				}
				if d := cmp.Diff(got, again); d != "" {
					t.Fatalf("normal form %q not stable (-first +second):\n%s", b2, d)
				}
			}
			return
		}
		if err != nil {
			t.Fatalf("ParseFields(%q): %v", b, err)
		}
		if d := cmp.Diff(in, got); d != "" {
			t.Fatalf("ParseFields(%q) (-want +got):\n%s", b, d)
		}
		if b2 := smppfmt.Format(got); string(b2) != string(b) {
			t.Fatalf("Format again: %q, want %q", b2, b)
		}
		// Parse reads the same text into the receipt's raw fields.
		r, err := smppfmt.Parse(b)
		if err != nil && !smppfmt.IsPartial(err) {
			if in.ID != "" && in.Stat != "" {
				t.Fatalf("Parse(%q): %v", b, err)
			}
			return
		}
		if r.MessageID != in.ID || r.RawStatus != in.Stat || r.RawError != in.Err || r.Text != in.Text {
			t.Fatalf("Parse(%q): id %q stat %q err %q text %q, want %q %q %q %q",
				b, r.MessageID, r.RawStatus, r.RawError, r.Text, in.ID, in.Stat, in.Err, in.Text)
		}
	})
}
