package carrier

import (
	"time"
)

// timeLayouts says which timestamp forms a field may hold.
type timeLayouts uint8

const (
	timeISO   timeLayouts = 1 << iota // RFC 3339, or ISO 8601 date-time without a zone ('T' or ' ' separator, optional fraction, or minutes only)
	timeSMPP                          // SMPP receipt dates: 10, 12 or 14 digits, no zone
	timeEpoch                         // Unix time: 10 digits seconds, 13 digits milliseconds
)

// parseTime reads raw in one of the allowed forms. Zone-less forms are read
// in loc. It reports false for anything else; the caller keeps the text.
func parseTime(raw string, loc *time.Location, allow timeLayouts) (time.Time, bool) {
	if raw == "" {
		return time.Time{}, false
	}
	if allow&timeISO != 0 && len(raw) == 16 && raw[4] == '-' && (raw[10] == ' ' || raw[10] == 'T') {
		// Minutes only: Kannel's %t "YYYY-MM-DD HH:MM".
		if t, err := time.ParseInLocation("2006-01-02 15:04", raw[:10]+" "+raw[11:], loc); err == nil {
			return t, true
		}
		return time.Time{}, false
	}
	if allow&timeISO != 0 && len(raw) >= 19 && raw[4] == '-' {
		if t, err := time.Parse(time.RFC3339Nano, raw); err == nil {
			return t, true
		}
		layout := "2006-01-02T15:04:05.999999999"
		if raw[10] == ' ' {
			layout = "2006-01-02 15:04:05.999999999"
		}
		if t, err := time.ParseInLocation(layout, raw, loc); err == nil {
			return t, true
		}
		if t, err := time.Parse(layout+"Z07:00", raw); err == nil {
			return t, true // "2006-01-02 15:04:05+01:00"
		}
		if t, err := time.Parse(layout+"Z0700", raw); err == nil {
			return t, true // Infobip's "+0000"
		}
		// A "+hh:mm" or "+hhmm" offset sent unescaped in a query string or
		// form ("...T10:00:05+00:00") arrives with a space for the '+'.
		if n := len(raw); n >= 24 && (raw[n-6] == ' ' && raw[n-3] == ':' || raw[n-5] == ' ' && allDigits(raw[n-4:])) {
			i := n - 6
			if raw[n-5] == ' ' {
				i = n - 5
			}
			return parseTime(raw[:i]+"+"+raw[i+1:], loc, timeISO)
		}
		return time.Time{}, false
	}
	if !allDigits(raw) {
		return time.Time{}, false
	}
	if allow&timeSMPP != 0 {
		if allZeros(raw) {
			return time.Time{}, true // SMPP: all zeros means absent
		}
		if t, ok := parseSMPPDate(raw, loc); ok {
			return t, true
		}
	}
	if allow&timeEpoch != 0 {
		switch len(raw) {
		case 10:
			return time.Unix(atoi64(raw), 0).UTC(), true
		case 13:
			return time.UnixMilli(atoi64(raw)).UTC(), true
		}
	}
	return time.Time{}, false
}

// parseSMPPDate reads SMPP receipt dates (SMPP 3.4 Appendix B): yyMMddHHmm
// (10 digits), yyMMddHHmmss (12), yyyyMMddHHmmss (14). Twelve digits that are
// not a valid yyMMddHHmmss are tried as yyyyMMddHHmm (Jasmin writes its own
// receipts' dates so). Two-digit years are 2000–2099.
func parseSMPPDate(s string, loc *time.Location) (time.Time, bool) {
	switch len(s) {
	case 10, 12:
		if t, ok := smppDate(2000+atoi(s[:2]), s[2:], loc); ok || len(s) == 10 {
			return t, ok
		}
		return smppDate(atoi(s[:4]), s[4:]+"00", loc)
	case 14:
		return smppDate(atoi(s[:4]), s[4:], loc)
	}
	return time.Time{}, false
}

// smppDate reads MMddHHmm or MMddHHmmss after the year.
func smppDate(year int, s string, loc *time.Location) (time.Time, bool) {
	month, day, hour, min := atoi(s[0:2]), atoi(s[2:4]), atoi(s[4:6]), atoi(s[6:8])
	sec := 0
	if len(s) == 10 {
		sec = atoi(s[8:10])
	}
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, min, sec, 0, loc)
	if t.Day() != day { // 31 February
		return time.Time{}, false
	}
	return t, true
}

func allZeros(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '0' {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// atoi reads at most 9 decimal digits that allDigits has checked.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func atoi64(s string) int64 {
	var n int64
	for i := 0; i < len(s); i++ {
		n = n*10 + int64(s[i]-'0')
	}
	return n
}

// smallInt reads a count such as segments or sub: digits, at most 9 of
// them; false for anything else (JSON numbers like 1.0 included).
func smallInt(s string) (int, bool) {
	if !allDigits(s) || len(s) > 9 {
		return 0, false
	}
	return atoi(s), true
}
