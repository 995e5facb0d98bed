package smppfmt

import "time"

// A date layout of a receipt's submit date and done date.
type layout uint8

const (
	layoutNone  layout = iota
	layoutYY10         // yyMMddHHmm (SMPP 3.4 Appendix B)
	layoutYY12         // yyMMddHHmmss (Clickatell, Kannel, Cloudhopper)
	layoutYYYY12       // yyyyMMddHHmm (Jasmin output, jookies/jasmin#753)
	layoutYYYY14       // yyyyMMddHHmmss
	layoutAbs16        // SMPP absolute time YYMMDDhhmmsstnnp (SMPP 3.4 §7.1.1)
)

// dateParts is a date read from its digits, not yet placed in a zone.
type dateParts struct {
	year, month, day, hour, min, sec, tenths int
	offset                                   int // seconds east of UTC, for layoutAbs16
	abs                                      bool
}

// digits reads s as a decimal number; ok is false if s has a non-digit.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		n = n*10 + int(c)
	}
	return n, true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(m, y int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// valid reports whether d names a real instant (no month 13, no 31 April,
// no second 60).
func (d dateParts) valid() bool {
	return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysIn(d.month, d.year) &&
		d.hour < 24 && d.min < 60 && d.sec < 60
}

// read fills d from s in layout l; all digits were checked by the caller.
func readLayout(s string, l layout) dateParts {
	n := func(i, j int) int { v, _ := digits(s[i:j]); return v }
	switch l {
	case layoutYY10:
		return dateParts{year: 2000 + n(0, 2), month: n(2, 4), day: n(4, 6), hour: n(6, 8), min: n(8, 10)}
	case layoutYY12:
		return dateParts{year: 2000 + n(0, 2), month: n(2, 4), day: n(4, 6), hour: n(6, 8), min: n(8, 10), sec: n(10, 12)}
	case layoutYYYY12:
		return dateParts{year: n(0, 4), month: n(4, 6), day: n(6, 8), hour: n(8, 10), min: n(10, 12)}
	case layoutYYYY14:
		return dateParts{year: n(0, 4), month: n(4, 6), day: n(6, 8), hour: n(8, 10), min: n(10, 12), sec: n(12, 14)}
	case layoutAbs16:
		d := dateParts{year: 2000 + n(0, 2), month: n(2, 4), day: n(4, 6), hour: n(6, 8), min: n(8, 10), sec: n(10, 12),
			tenths: n(12, 13), abs: true}
		d.offset = n(13, 15) * 15 * 60
		if s[15] == '-' {
			d.offset = -d.offset
		}
		return d
	}
	return dateParts{}
}

// dateCandidates reads a date field. It returns the readings that are
// valid, at most two (a 12-digit value may be yyMMddHHmmss or yyyyMMddHHmm),
// yyMMddHHmmss first. absent is true for "" and for all zeros. ok is false
// when the value is not a date in any layout.
func dateCandidates(s string) (c [2]dateParts, n int, absent, ok bool) {
	if s == "" {
		return c, 0, true, true
	}
	zeros := true
	for i := 0; i < len(s); i++ {
		if s[i] != '0' {
			zeros = false
			break
		}
	}
	if zeros {
		return c, 0, true, true
	}
	var ls [2]layout
	switch len(s) {
	case 10:
		ls[0] = layoutYY10
	case 12:
		ls[0], ls[1] = layoutYY12, layoutYYYY12
	case 14:
		ls[0] = layoutYYYY14
	case 16:
		// YYMMDDhhmmss, tenths, quarter hours from UTC, '+' or '-' (a
		// relative time, 'R', is no date).
		if p := s[15]; p != '+' && p != '-' {
			return c, 0, false, false
		}
		if _, dig := digits(s[:15]); !dig || s[13:15] > "48" {
			return c, 0, false, false
		}
		ls[0] = layoutAbs16
	default:
		return c, 0, false, false
	}
	if ls[0] != layoutAbs16 {
		if _, dig := digits(s); !dig {
			return c, 0, false, false
		}
	}
	for _, l := range ls {
		if l == layoutNone {
			continue
		}
		d := readLayout(s, l)
		if l == layoutYYYY12 && d.year < 2000 {
			// yyyyMMddHHmm before 2000 is no receipt date: "141023215253"
			// (Clickatell, jookies/jasmin#70) is 2014, not the year 1410.
			continue
		}
		if d.valid() {
			c[n] = d
			n++
		}
	}
	return c, n, false, n > 0
}

// at places d in loc (the SMSC's zone). An absolute time carries its own
// offset and is returned as that instant, shown in loc.
func (d dateParts) at(loc *time.Location) time.Time {
	if d.abs {
		t := time.Date(d.year, time.Month(d.month), d.day, d.hour, d.min, d.sec, d.tenths*100e6, time.UTC)
		return t.Add(-time.Duration(d.offset) * time.Second).In(loc)
	}
	return time.Date(d.year, time.Month(d.month), d.day, d.hour, d.min, d.sec, 0, loc)
}

// distance is |a-b| in seconds, ignoring zones (both dates come from one
// SMSC); absolute times are compared in UTC.
func distance(a, b dateParts) int64 {
	x := a.at(time.UTC).Unix() - b.at(time.UTC).Unix()
	if x < 0 {
		return -x
	}
	return x
}

// resolveDates picks one reading for each of two date fields, following the
// 12-digit rule in the package documentation: a reading that is not a valid
// date is dropped; if a field still has two readings, the one nearer the
// other field's date wins (when both fields are ambiguous, the layout that
// puts them nearer each other, the same for both); a tie, or no other date,
// gives yyMMddHHmmss.
func resolveDates(a [2]dateParts, na int, b [2]dateParts, nb int) (int, int) {
	switch {
	case na == 2 && nb == 1:
		return nearer(a, b[0]), 0
	case na == 1 && nb == 2:
		return 0, nearer(b, a[0])
	case na == 2 && nb == 2:
		if distance(a[1], b[1]) < distance(a[0], b[0]) {
			return 1, 1
		}
	}
	return 0, 0
}

func nearer(c [2]dateParts, other dateParts) int {
	if distance(c[1], other) < distance(c[0], other) {
		return 1
	}
	return 0
}
