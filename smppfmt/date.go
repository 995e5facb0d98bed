package smppfmt

import "time"

// A date layout of a receipt's submit date and done date.
type dateLayout uint8

const (
	layoutYY10   dateLayout = iota // yyMMddHHmm (SMPP 3.4 Appendix B)
	layoutYY12                     // yyMMddHHmmss (Clickatell, Kannel, Cloudhopper)
	layoutYYYY12                   // yyyyMMddHHmm (Jasmin output, jookies/jasmin#753)
	layoutYYYY14                   // yyyyMMddHHmmss
	layoutAbs16                    // SMPP absolute time YYMMDDhhmmsstnnp (SMPP 3.4 §7.1.1)
)

// dateReading is a date read in one layout, not yet placed in a zone.
type dateReading struct {
	wall   int64 // the wall-clock time as seconds since 1970, counted as if UTC
	nsec   int32 // tenths of an SMPP absolute time
	offset int32 // seconds east of UTC of an SMPP absolute time
	abs    bool  // an SMPP absolute time: offset applies
}

// instant is the reading's time as seconds since 1970 when its zone is
// known (absolute times), or as if UTC.
func (r dateReading) instant() int64 { return r.wall - int64(r.offset) }

// decimalValue reads s as a decimal number; ok is false if s has a non-digit.
func decimalValue(s string) (int, bool) {
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

func leapYear(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func monthDays(m, y int) int {
	switch m {
	case 2:
		if leapYear(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysTo2000 is the days from 1970-01-01 to 2000-01-01.
const daysTo2000 = 10957

// yearDays[i] is the days from 2000-01-01 to January 1 of year 2000+i.
var yearDays = func() (t [100]int32) {
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] + 365
		if (i-1)%4 == 0 {
			t[i]++ // year 2000+i-1 was a leap year
		}
	}
	return t
}()

// monthLen[m] is the days in month m (1–12) of a common year.
var monthLen = [13]uint8{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// monthDaysBefore[m] is the days in a common year before month m (1–12).
var monthDaysBefore = [13]int32{0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}

// digitPairs reads the 8 digit values of u (each byte 0–9, the first digit
// lowest) as four 2-digit numbers, the first in the low 16 bits. Each
// pair is tens*10 + ones, computed in all lanes at once (no lane exceeds
// 99, so none carries into the next).
func digitPairs(u uint64) uint64 { return (u*10 + u>>8) & 0x00FF00FF00FF00FF }

// pairAt reads the two digit values at bytes i and i+1 of v.
func pairAt(v uint64, i uint) int { return int(v>>(8*i)&0xFF)*10 + int(v>>(8*i+8)&0xFF) }

// civilSeconds returns the seconds since 1970 of a UTC date and time (days
// from the civil date as in Howard Hinnant's days_from_civil; proleptic
// Gregorian, any year from 0).
func civilSeconds(y, m, d, hh, mm, ss int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400 // floor, for January and February of year 0
	}
	yoe := y - era*400
	mp := m + 9
	if mp >= 12 {
		mp -= 12
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := int64(era)*146097 + int64(doe) - 719468
	return days*86400 + int64(hh*3600+mm*60+ss)
}

// wallSeconds returns the seconds since 1970, counted as if UTC, of a
// date and time whose month, hour, minute and second are in range; ok is
// false when the day is not in the month.
func wallSeconds(y, mo, d, hh, mm, ss int) (int64, bool) {
	if uint(y-2000) >= 100 {
		if d < 1 || d > monthDays(mo, y) {
			return 0, false
		}
		return civilSeconds(y, mo, d, hh, mm, ss), true
	}
	// The years a receipt names, without divisions: every fourth one is a
	// leap year (2000 too), and the days come from two tables.
	leap := 0
	if y&3 == 0 {
		leap = 1
	}
	n := int(monthLen[mo])
	if mo == 2 {
		n += leap
	}
	if uint(d-1) >= uint(n) {
		return 0, false
	}
	days := int64(daysTo2000) + int64(yearDays[y-2000]) + int64(monthDaysBefore[mo]) + int64(d) - 1
	if mo > 2 {
		days += int64(leap)
	}
	return days*86400 + int64(hh*3600+mm*60+ss), true
}

// readYY10 reads s, 10 bytes, as yyMMddHHmm, the layout of SMPP 3.4
// Appendix B, straight to its wall-clock seconds. ok is false for anything
// that is not a real date in that layout, all zeros included:
// dateCandidates then gives the full answer. When ok, the reading is the
// one dateCandidates returns.
func readYY10(s string) (wall int64, ok bool) {
	u := loadWord(s, 0) - '0'*swarOnes
	v := loadWord(s, 2) - '0'*swarOnes
	if !allDigits(u, v) || u|v == 0 {
		return 0, false
	}
	r, ok := readDigits(s, layoutYY10, u, v)
	return r.wall, ok
}

// allDigits reports whether every byte of u and v, bytes minus '0', was a
// digit: a byte 0–9 stays below 0x80 when 0x76 is added; anything else
// (and a borrow from a byte below '0') sets a high bit.
func allDigits(u, v uint64) bool {
	return (u|(u+0x76*swarOnes)|v|(v+0x76*swarOnes))&swarHighs == 0
}

// readDate reads s, all digits (but for an absolute time's last character), in
// layout l. ok is false when the digits name no real time (month 13, 31
// April, second 60), or for yyyyMMddHHmm, a year outside 2000–2099.
func readDate(s string, l dateLayout) (r dateReading, ok bool) {
	d := s
	if l == layoutAbs16 {
		d = s[:15]
	}
	return readDigits(s, l, loadWord(d, 0)-'0'*swarOnes, loadWord(d, len(d)-8)-'0'*swarOnes)
}

// readDigits is readDate with the digits already loaded: u holds the values
// of the first 8 digits and v those of the last 8 (of the first 15 for an
// absolute time), one per byte, first lowest.
func readDigits(s string, l dateLayout, u, v uint64) (r dateReading, ok bool) {
	// The first 8 digits as four 2-digit numbers at once; the rest from v,
	// where digit j of an n-digit date is byte j-(n-8).
	p := digitPairs(u)
	var y, mo, d, hh, mm, ss int
	switch l {
	case layoutYY10:
		y, mo, d, hh = 2000+int(p&0xFF), int(p>>16&0xFF), int(p>>32&0xFF), int(p>>48)
		mm = pairAt(v, 6)
	case layoutYY12:
		y, mo, d, hh = 2000+int(p&0xFF), int(p>>16&0xFF), int(p>>32&0xFF), int(p>>48)
		mm, ss = pairAt(v, 4), pairAt(v, 6)
	case layoutAbs16:
		y, mo, d, hh = 2000+int(p&0xFF), int(p>>16&0xFF), int(p>>32&0xFF), int(p>>48)
		mm, ss = pairAt(v, 1), pairAt(v, 3)
	case layoutYYYY12:
		y, mo, d = int(p&0xFF)*100+int(p>>16&0xFF), int(p>>32&0xFF), int(p>>48)
		if y < 2000 || y > 2099 {
			// yyyyMMddHHmm outside the years yy can name is no receipt
			// date: "141023215253" (Clickatell, jookies/jasmin#70) is
			// 2014, not the year 1410.
			return r, false
		}
		hh, mm = pairAt(v, 4), pairAt(v, 6)
	default: // layoutYYYY14
		y, mo, d = int(p&0xFF)*100+int(p>>16&0xFF), int(p>>32&0xFF), int(p>>48)
		hh, mm, ss = pairAt(v, 2), pairAt(v, 4), pairAt(v, 6)
	}
	if uint(mo-1) >= 12 || hh > 23 || mm > 59 || ss > 59 {
		return r, false
	}
	if r.wall, ok = wallSeconds(y, mo, d, hh, mm, ss); !ok {
		return r, false
	}
	if l == layoutAbs16 {
		r.abs = true
		r.nsec = int32(v>>40&0xFF) * 100e6
		r.offset = int32(pairAt(v, 6)) * 15 * 60
		if s[15] == '-' {
			r.offset = -r.offset
		}
	}
	return r, true
}

// dateCandidates reads a date field. It returns the valid readings, at
// most two (a 12-digit value may be yyMMddHHmmss or yyyyMMddHHmm),
// yyMMddHHmmss first. absent is true for "" and for all zeros. ok is false
// when the value is not a date in any layout.
func dateCandidates(s string, c *[2]dateReading) (n int, absent, ok bool) {
	if s == "" {
		return 0, true, true
	}
	var l dateLayout
	d := s
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
			return 0, false, false
		}
		l, d = layoutAbs16, s[:15]
	default:
		if _, dig := decimalValue(s); dig && s != "" {
			// All zeros in any length still means "no date".
			var or byte
			for i := 0; i < len(s); i++ {
				or |= s[i] ^ '0'
			}
			return 0, or == 0, or == 0
		}
		return 0, false, false
	}
	// All digits, and whether all are zeros: the first 8 bytes and the
	// last 8 (d has 10 to 15), as two words.
	u := loadWord(d, 0) - '0'*swarOnes
	v := loadWord(d, len(d)-8) - '0'*swarOnes
	nonzero := u|v != 0
	if !allDigits(u, v) {
		return 0, false, false
	}
	if !nonzero {
		return 0, true, true
	}
	if l == layoutAbs16 && s[13:15] > "48" {
		return 0, false, false
	}
	if r, valid := readDigits(s, l, u, v); valid {
		c[n] = r
		n++
	}
	if l == layoutYY12 {
		if r, valid := readDigits(s, layoutYYYY12, u, v); valid {
			c[n] = r
			n++
		}
	}
	return n, false, n > 0
}

// at places r in loc (the SMSC's zone). An absolute time carries its own
// offset and is returned as that instant, shown in loc.
func (r dateReading) at(loc *time.Location) time.Time {
	t := time.Unix(r.instant(), int64(r.nsec)).UTC()
	switch {
	case loc == time.UTC:
		return t
	case r.abs:
		return t.In(loc)
	}
	// Wall-clock time in loc: let the zone rules place it.
	y, mo, d := t.Date()
	hh, mm, ss := t.Clock()
	return time.Date(y, mo, d, hh, mm, ss, 0, loc)
}

// distance is |a-b| in seconds, ignoring zones (both dates come from one
// SMSC); absolute times are compared in UTC.
func distance(a, b dateReading) int64 {
	x := a.instant() - b.instant()
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
func resolveDates(a *[2]dateReading, na int, b *[2]dateReading, nb int) (int, int) {
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

func nearer(c *[2]dateReading, other dateReading) int {
	if distance(c[1], other) < distance(c[0], other) {
		return 1
	}
	return 0
}

// readYY10Pair reads a submit date and a done date that are both real dates
// in the Appendix B layout (see readYY10); ok is false otherwise.
func readYY10Pair(submit, done string) (wall [2]int64, ok bool) {
	if len(submit) != 10 || len(done) != 10 {
		return wall, false
	}
	if wall[0], ok = readYY10(submit); !ok {
		return wall, false
	}
	if done == submit {
		// Delivered within the minute of submission, as most messages
		// are: one reading.
		wall[1] = wall[0]
		return wall, true
	}
	wall[1], ok = readYY10(done)
	return wall, ok
}
