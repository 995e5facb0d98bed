package smppfmt

import "time"

// A date layout of a receipt's submit date and done date.
type layout uint8

const (
	layoutNone   layout = iota
	layoutYY10          // yyMMddHHmm (SMPP 3.4 Appendix B)
	layoutYY12          // yyMMddHHmmss (Clickatell, Kannel, Cloudhopper)
	layoutYYYY12        // yyyyMMddHHmm (Jasmin output, jookies/jasmin#753)
	layoutYYYY14        // yyyyMMddHHmmss
	layoutAbs16         // SMPP absolute time YYMMDDhhmmsstnnp (SMPP 3.4 §7.1.1)
)

// dateParts is a date read from its digits, not yet placed in a zone.
type dateParts struct {
	year                              int16
	month, day, hour, min, sec, tenth int8
	abs                               bool  // an SMPP absolute time, with its own offset
	offset                            int32 // seconds east of UTC, when abs
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

func isLeap(y int16) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(m int8, y int16) int8 {
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

// two reads the two digits at s[i:i+2]; the caller checked they are digits.
func two(s string, i int) int8 { return int8(s[i]-'0')*10 + int8(s[i+1]-'0') }

// readLayout reads s in layout l; the caller checked the digits.
func readLayout(s string, l layout) dateParts {
	var d dateParts
	i := 0
	switch l {
	case layoutYYYY12, layoutYYYY14:
		d.year = int16(two(s, 0))*100 + int16(two(s, 2))
		i = 4
	default:
		d.year = 2000 + int16(two(s, 0))
		i = 2
	}
	d.month, d.day, d.hour, d.min = two(s, i), two(s, i+2), two(s, i+4), two(s, i+6)
	i += 8
	if l != layoutYY10 && l != layoutYYYY12 {
		d.sec = two(s, i)
	}
	if l == layoutAbs16 {
		d.abs = true
		d.tenth = int8(s[12] - '0')
		d.offset = int32(two(s, 13)) * 15 * 60
		if s[15] == '-' {
			d.offset = -d.offset
		}
	}
	return d
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
	var l layout
	switch len(s) {
	case 10:
		l = layoutYY10
	case 12:
		l = layoutYY12
	case 14:
		l = layoutYYYY14
	case 16:
		// YYMMDDhhmmss, tenths, quarter hours from UTC, '+' or '-' (a
		// relative time, 'R', is no date).
		if p := s[15]; p != '+' && p != '-' {
			return c, 0, false, false
		}
		if _, dig := digits(s[:15]); !dig || s[13:15] > "48" {
			return c, 0, false, false
		}
		l = layoutAbs16
	default:
		return c, 0, false, false
	}
	if l != layoutAbs16 {
		if _, dig := digits(s); !dig {
			return c, 0, false, false
		}
	}
	if d := readLayout(s, l); d.valid() {
		c[n] = d
		n++
	}
	if l == layoutYY12 {
		// yyyyMMddHHmm outside 2000–2099 (the years yy can name) is no
		// receipt date: "141023215253" (Clickatell, jookies/jasmin#70) is
		// 2014, not the year 1410.
		if d := readLayout(s, layoutYYYY12); d.year >= 2000 && d.year <= 2099 && d.valid() {
			c[n] = d
			n++
		}
	}
	return c, n, false, n > 0
}

// at places d in loc (the SMSC's zone). An absolute time carries its own
// offset and is returned as that instant, shown in loc.
func (d dateParts) at(loc *time.Location) time.Time {
	if d.abs || loc == time.UTC {
		// No zone rules to consult: count seconds, which is several times
		// cheaper than time.Date.
		t := time.Unix(d.unix()-int64(d.offset), int64(d.tenth)*100e6)
		if loc == time.UTC {
			return t.UTC()
		}
		return t.In(loc)
	}
	return time.Date(int(d.year), time.Month(d.month), int(d.day), int(d.hour), int(d.min), int(d.sec), 0, loc)
}

// unix returns the seconds since 1970 of d read as UTC (days from the civil
// date as in Howard Hinnant's days_from_civil).
func (d dateParts) unix() int64 {
	y, m := int64(d.year), int64(d.month)
	if m <= 2 {
		y--
	}
	era := y / 400 // years are ≥ 2000 here, so no negative division
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int64(d.day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 719468
	return days*86400 + int64(d.hour)*3600 + int64(d.min)*60 + int64(d.sec)
}

// distance is |a-b| in seconds, ignoring zones (both dates come from one
// SMSC); absolute times are compared in UTC.
func distance(a, b dateParts) int64 {
	x := a.unix() - int64(a.offset) - b.unix() + int64(b.offset)
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
