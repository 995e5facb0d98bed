package smppfmt

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCivil checks the seconds arithmetic against time.Date over every
// day of the years a receipt can name and some around them: the tables of
// wallSeconds for 2000–2099, civilSeconds outside.
func TestCivil(t *testing.T) {
	t.Parallel()
	for day := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() < 2110; day = day.AddDate(0, 0, 1) {
		got, ok := wallSeconds(day.Year(), int(day.Month()), day.Day(), 23, 59, 58)
		require.True(t, ok, day)
		require.Equal(t, day.Unix()+86398, got, day)
		require.Equal(t, got, civilSeconds(day.Year(), int(day.Month()), day.Day(), 23, 59, 58), day)
		require.LessOrEqual(t, day.Day(), monthDays(int(day.Month()), day.Year()))
	}
}

func TestDateCandidates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		want   []time.Time // readings, yyMMddHHmmss first
		absent bool
		ok     bool
	}{
		{"", nil, true, true},
		{"0000000000", nil, true, true},
		{"000000000000", nil, true, true},
		{"00000000000000", nil, true, true},
		{"2502141030", []time.Time{utcTime(2025, 2, 14, 10, 30, 0)}, false, true},
		// Clickatell (jookies/jasmin#70): yyyy 1410 is no receipt year.
		{"141023215253", []time.Time{utcTime(2014, 10, 23, 21, 52, 53)}, false, true},
		// Jasmin (jookies/jasmin#753): month 15 rules out yyMMddHHmmss.
		{"201506201641", []time.Time{utcTime(2015, 6, 20, 16, 41, 0)}, false, true},
		// smpp-receipts reference: valid both ways.
		{"200101010030", []time.Time{utcTime(2020, 1, 1, 1, 0, 30), utcTime(2001, 1, 1, 0, 30, 0)}, false, true},
		{"20110314181534", []time.Time{utcTime(2011, 3, 14, 18, 15, 34)}, false, true},
		{"180711070003912+", []time.Time{time.Date(2018, 7, 11, 4, 0, 3, 900e6, time.UTC)}, false, true},
		{"180711070003900-", []time.Time{time.Date(2018, 7, 11, 7, 0, 3, 900e6, time.UTC)}, false, true},
		{"2402291200", []time.Time{utcTime(2024, 2, 29, 12, 0, 0)}, false, true}, // leap day
		{"2302291200", nil, false, false}, // no 29 Feb 2023
		{"2504311200", nil, false, false}, // no 31 April
		{"2501012400", nil, false, false},
		{"250101120060", nil, false, false}, // second 60, and 2501-01-01 12:00:60 is no yyyy reading either
		{"25010112300", nil, false, false},  // 11 digits
		{"25O1011230", nil, false, false},   // a letter O
		{"180711070003912R", nil, false, false},
		{"180711070003949+", nil, false, false}, // offset over 48 quarter hours
	}
	for _, tt := range tests {
		var c [2]dateReading
		n, absent, ok := dateCandidates(tt.in, &c)
		require.Equal(t, tt.absent, absent, tt.in)
		require.Equal(t, tt.ok, ok, tt.in)
		require.Equal(t, len(tt.want), n, tt.in)
		for i, w := range tt.want {
			got := c[i].at(time.UTC)
			require.True(t, w.Equal(got), "%s: reading %d: got %v want %v", tt.in, i, got, w)
		}
	}
}

func TestAtLocation(t *testing.T) {
	t.Parallel()
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zoneinfo")
	}
	var c [2]dateReading
	dateCandidates("2503091230", &c) // the day DST starts in New York
	got := c[0].at(ny)
	require.Equal(t, time.Date(2025, 3, 9, 12, 30, 0, 0, ny), got)
	require.Equal(t, ny, got.Location())
}

// FuzzDates checks dateCandidates against time.Parse for the digit
// layouts: the readings returned are exactly the layouts time.Parse
// accepts (two-digit years taken as 20yy, yyyyMMddHHmm only for 2000–2099).
func FuzzDates(f *testing.F) {
	f.Add("2502141030")       // Appendix B
	f.Add("141023215253")     // Clickatell seconds (jookies/jasmin#70)
	f.Add("201506201641")     // Jasmin yyyyMMddHHmm (jookies/jasmin#753)
	f.Add("200101010030")     // valid both ways (Vumi tests)
	f.Add("20110314181534")   // 14 digits (cloudhopper test)
	f.Add("2402291200")       // a leap day
	f.Add("0000000000")       // no date
	f.Add("180711070003912+") // SMPP absolute time (funbox/smppex#46)
	f.Add("00000111100200")   // year 0, January: found by this target (floor division in civilSeconds)
	f.Fuzz(func(t *testing.T, s string) {
		var c [2]dateReading
		n, absent, ok := dateCandidates(s, &c)
		if n > 2 || (n > 0) != (ok && !absent) {
			t.Fatalf("%q: n=%d absent=%v ok=%v", s, n, absent, ok)
		}
		if len(s) == 10 {
			// The straight Appendix B reading agrees with the full one
			// and misses no date the full one reads.
			wall, ok10 := readYY10(s)
			if ok10 != (n == 1) || ok10 && wall != c[0].wall {
				t.Fatalf("%q: readYY10 = %d, %v; dateCandidates %d readings %+v", s, wall, ok10, n, c)
			}
		}
		var layouts []string
		switch len(s) {
		case 10:
			layouts = []string{"0601021504"}
		case 12:
			layouts = []string{"060102150405", "200601021504"}
		case 14:
			layouts = []string{"20060102150405"}
		default:
			return
		}
		if _, dig := decimalValue(s); !dig || strings.Trim(s, "0") == "" {
			return
		}
		var want []time.Time
		for _, l := range layouts {
			tm, err := time.Parse(l, s)
			if err != nil {
				continue
			}
			if strings.HasPrefix(l, "06") && tm.Year() < 2000 {
				tm = tm.AddDate(100, 0, 0) // time.Parse puts 69–99 in the 1900s
			}
			if l == "200601021504" && (tm.Year() < 2000 || tm.Year() > 2099) {
				continue
			}
			want = append(want, tm)
		}
		if len(want) != n {
			t.Fatalf("%q: %d readings, time.Parse %d (%v)", s, n, len(want), want)
		}
		for i, w := range want {
			if got := c[i].at(time.UTC); !got.Equal(w) {
				t.Fatalf("%q: reading %d = %v, time.Parse %v", s, i, got, w)
			}
		}
	})
}
