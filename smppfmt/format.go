package smppfmt

// AppendFormat appends f to b in the SMPP 3.4 Appendix B layout:
//
//	id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:…
//
// Fields are written in that order, one space apart, values as given; an
// absent ("") field is left out; Extra pairs follow err as key:value (a
// pair with no key as its value alone), and text comes last.
//
// ParseFields reads the result back to f whenever f can be written
// unambiguously: the scalar fields and Extra values contain no whitespace,
// ';' or NUL and are not a placeholder (null, ...); Text does not begin
// with a space or tab, does not end with whitespace, ';' or NUL, and holds
// no key of an absent field (followed by a value of its shape) after
// whitespace or ';';
// Extra keys are key names and name no known field except a present one
// (and never text); Extra values without a key hold no ':' and no status
// word, and none follows another or follows an empty value; and at least
// one known field is present. AppendFormat does not check this.
func AppendFormat(b []byte, f Fields) []byte {
	n := len(b)
	add := func(key, v string) {
		if v == "" {
			return
		}
		if len(b) > n {
			b = append(b, ' ')
		}
		b = append(b, key...)
		b = append(b, ':')
		b = append(b, v...)
	}
	add("id", f.ID)
	add("sub", f.Sub)
	add("dlvrd", f.Dlvrd)
	add("submit date", f.SubmitDate)
	add("done date", f.DoneDate)
	add("stat", f.Stat)
	add("err", f.Err)
	for _, x := range f.Extra {
		if len(b) > n {
			b = append(b, ' ')
		}
		if x.Key != "" {
			b = append(b, x.Key...)
			b = append(b, ':')
		}
		b = append(b, x.Value...)
	}
	add("text", f.Text)
	return b
}

// Format returns f in the SMPP 3.4 Appendix B layout; see AppendFormat.
func Format(f Fields) []byte {
	return AppendFormat(make([]byte, 0, 128+len(f.Text)), f)
}
