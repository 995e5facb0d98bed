package smppfmt

import (
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
)

// slowParseFields is a reference for ParseFields, written for clarity, not
// speed: it first cuts the text into words at whitespace and ';', then
// walks the words, deciding for each whether it begins a key. The fuzz
// target FuzzParseFields checks that ParseFields agrees with it.
func slowParseFields(in string) (Fields, error) {
	var f Fields
	// Trailing NULs and whitespace are framing, not content.
	s := strings.TrimRight(in, "\x00 \t\n\r\v\f")

	type word struct{ start, end int }
	isSep := func(c byte) bool { return strings.IndexByte(" \t\n\r\v\f;", c) >= 0 }
	var words []word
	for i := 0; i < len(s); {
		if isSep(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !isSep(s[j]) {
			j++
		}
		words = append(words, word{i, j})
		i = j
	}
	text := func(w word) string { return s[w.start:w.end] }

	isName := func(name string) bool {
		if name == "" || !slowIsLetter(name[0]) {
			return false
		}
		for i := 0; i < len(name); i++ {
			c := name[i]
			if !slowIsLetter(c) && !('0' <= c && c <= '9') && c != '_' && c != '-' && c != '.' {
				return false
			}
		}
		return true
	}
	known := map[string]string{
		"id": "id", "sub": "sub", "dlvrd": "dlvrd", "submit date": "submit date", "submit_date": "submit date",
		"done date": "done date", "done_date": "done date", "stat": "stat", "err": "err", "text": "text", "txt": "text",
	}
	field := map[string]*string{
		"id": &f.ID, "sub": &f.Sub, "dlvrd": &f.Dlvrd, "submit date": &f.SubmitDate, "done date": &f.DoneDate,
		"stat": &f.Stat, "err": &f.Err, "text": &f.Text,
	}
	// keyAt reports whether words[w] begins a key: its name as sent, the
	// known field it names ("" if none), how many words the key takes, and
	// the offset after its colon.
	keyAt := func(w int) (name, canon string, n, after int, ok bool) {
		t := text(words[w])
		if c := strings.IndexByte(t, ':'); c >= 0 && isName(t[:c]) {
			return t[:c], known[slowLower(t[:c])], 1, words[w].start + c + 1, true
		}
		l := slowLower(t)
		if (l == "submit" || l == "done") && w+1 < len(words) && words[w+1].start == words[w].end+1 &&
			s[words[w].end] == ' ' && strings.HasPrefix(slowLower(text(words[w+1])), "date:") {
			return s[words[w].start : words[w+1].start+4], l + " date", 2, words[w+1].start + 5, true
		}
		return "", "", 0, 0, false
	}
	onlySpaces := func(g string) bool { return g != "" && strings.Trim(g, " \t") == "" }
	// scalarAt returns the value of the scalar key that takes n words from
	// words[w], its colon ending at after: the rest of the word, or else
	// the next word when only spaces or tabs stand between and it is not
	// a key itself.
	scalarAt := func(w, n, after int) string {
		last := w + n - 1
		if v := s[after:words[last].end]; v != "" {
			return v
		}
		if last+1 < len(words) && onlySpaces(s[words[last].end:words[last+1].start]) {
			if _, _, _, _, isKey := keyAt(last + 1); !isKey {
				return text(words[last+1])
			}
		}
		return ""
	}

	seen := map[string]bool{}
	var junk []word
	var bare []int // indexes in f.Extra of bare status words
	flush := func() {
		if len(junk) > 0 {
			f.Extra = append(f.Extra, dlr.Field{Value: s[junk[0].start:junk[len(junk)-1].end]})
			junk = nil
		}
	}
	for w := 0; w < len(words); {
		name, canon, n, after, ok := keyAt(w)
		if !ok {
			t := text(words[w])
			if slowBareStatus(t) {
				flush()
				bare = append(bare, len(f.Extra))
				f.Extra = append(f.Extra, dlr.Field{Value: t})
			} else {
				junk = append(junk, words[w])
			}
			w++
			continue
		}
		flush()
		if seen[canon] {
			canon = "" // a repeated key is an unknown one
		}
		last := w + n - 1
		rest := s[after:words[last].end]
		if canon == "text" {
			seen["text"] = true
			// The value begins after the colon and any spaces or tabs, and
			// runs to the first later word that is a known key not seen yet.
			start := after
			for start < len(s) && (s[start] == ' ' || s[start] == '\t') {
				start++
			}
			end, next := len(s), len(words)
			for v := last + 1; v < len(words); v++ {
				if words[v].start < start {
					continue
				}
				if _, c, n, after, ok := keyAt(v); ok && c != "" && !seen[c] && slowPlausible(c, scalarAt(v, n, after)) {
					end, next = words[v].start, v
					break
				}
			}
			f.Text = strings.TrimRight(s[start:end], " \t\n\r\v\f;")
			w = next
			continue
		}
		// A scalar: the rest of the word, or else the next word when only
		// spaces or tabs stand between and it is not a key itself.
		v := rest
		w = last + 1
		if v == "" && w < len(words) && onlySpaces(s[words[last].end:words[w].start]) {
			if _, _, _, _, isKey := keyAt(w); !isKey {
				v = text(words[w])
				w++
			}
		}
		if canon == "" {
			f.Extra = append(f.Extra, dlr.Field{Key: name, Value: v})
			continue
		}
		seen[canon] = true
		if slowLower(v) == "null" || v == "..." {
			v = ""
		}
		*field[canon] = v
	}
	flush()
	if len(bare) == 1 && !seen["stat"] {
		f.Stat = f.Extra[bare[0]].Value
		f.Extra = append(f.Extra[:bare[0]], f.Extra[bare[0]+1:]...)
		seen["stat"] = true
	}
	if len(f.Extra) == 0 {
		f.Extra = nil
	}
	if len(seen) == 0 {
		return f, ErrNotReceipt
	}
	return f, nil
}

func slowIsLetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

// slowBareStatus reports whether a word outside any field is a status word
// standing for stat:, by the list of words in the package documentation.
func slowBareStatus(w string) bool {
	switch slowLower(w) {
	case "delivrd", "undeliv", "rejectd", "expired", "deleted", "acceptd", "enroute", "unknown",
		"delivered", "undeliverable", "rejected", "accepted", "scheduled", "skipped",
		"failed", "acked", "buffred", "bufferd", "dnd_rejected", "undelvrd":
		return true
	}
	return false
}

// asciiLower folds ASCII letters only, as receipts are matched.
func slowLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// slowPlausible is the shape test for a known key found inside text, as
// the package documentation states it.
func slowPlausible(field, v string) bool {
	if v == "" {
		return false
	}
	if slowLower(v) == "null" || v == "..." {
		return true
	}
	allOf := func(v, set string) bool {
		for i := 0; i < len(v); i++ {
			if !strings.Contains(set, v[i:i+1]) {
				return false
			}
		}
		return true
	}
	const digitSet = "0123456789"
	const upperSet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	switch field {
	case "id":
		return true
	case "sub", "dlvrd":
		return len(v) <= 9 && allOf(v, digitSet)
	case "submit date", "done date":
		return len(v) >= 10 && allOf(v[:min(len(v), 15)], digitSet)
	case "stat":
		if _, ok := textStatus(v); ok {
			return true
		}
		return allOf(v, upperSet+digitSet+"_")
	case "err":
		return len(v) <= 8 && allOf(v, upperSet+strings.ToLower(upperSet)+digitSet)
	}
	return false
}
