package smppfmt

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestDecodeText(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		dc    byte
		in    string
		want  string
		lossy bool
	}{
		{"GSM ASCII-identical", 0, "id:1 stat:DELIVRD", "id:1 stat:DELIVRD", false},
		{"GSM escape", 0, "H\x1bello", "H€llo", false},
		{"GSM trailing NUL is a terminator, not @", 0, "abc\x00\x00", "abc", false},
		{"GSM inner NUL is @", 0, "a\x00b", "a@b", false},
		{"IA5 read with the GSM table", 1, "\x00", "", false},
		{"IA5 @", 1, "a\x00b", "a@b", false},
		{"Latin-1", 3, "caf\xe9 \xa3 \xff", "café £ ÿ", false},
		{"Latin-1 ASCII", 3, "plain", "plain", false},
		{"UCS-2", 8, "\x00i\x00d\x00:\x00\x31", "id:1", false},
		{"UCS-2 euro", 8, "\x20\xac", "€", false},
		{"UCS-2 trailing NUL octet", 8, "\x00a\x00", "a", false},
		{"UCS-2 odd length", 8, "\x00a\x41", "a\uFFFD", true},
		{"UCS-2 lone low surrogate", 8, "\xdc\x00", "\uFFFD", true},
		{"UCS-2 high surrogate at the end", 8, "\x00a\xd8\x3d", "a\uFFFD", true},
		{"UCS-2 pair", 8, "\xd8\x3d\xde\x00", "😀", false},
		{"UCS-2 BOM removed", 8, "\xfe\xff\x00i\x00d", "id", false},
		{"UCS-2 little-endian BOM", 8, "\xff\xfei\x00d\x00", "id", false},
		{"UCS-2 little-endian lone surrogate", 8, "\xff\xfe\x00\xdc", "\uFFFD", true},
		{"8-bit binary kept", 2, "\xff\x00", "\xff\x00", false},
		{"8-bit binary kept (4)", 4, "\xff", "\xff", false},
		{"Cyrillic kept raw", 6, "\xb0", "\xb0", false},
		{"DCS F0 GSM class 0", 0xF0, "\x1b\x65", "€", false},
		{"DCS F5 8-bit", 0xF5, "\x1b\x65", "\x1b\x65", false},
		{"DCS 0x11 GSM with class", 0x11, "\x1b\x65", "€", false},
		{"DCS 0x18 UCS-2 with class", 0x18, "\x20\xac", "€", false},
		{"DCS 0x14 8-bit with class", 0x14, "\x20\xac", "\x20\xac", false},
		{"DCS 0x30 compressed", 0x30, "\x1b\x65", "\x1b\x65", false},
		{"DCS 0xC0 message waiting", 0xC0, "\x1b\x65", "\x1b\x65", false},
	}
	for _, c := range cases {
		got, lossy := DecodeText(c.dc, []byte(c.in))
		require.Equal(t, c.want, got, c.name)
		require.Equal(t, c.lossy, lossy, c.name)
	}
}

func TestCodingOfAllValues(t *testing.T) {
	t.Parallel()
	counts := map[textCoding]int{}
	for dc := range 256 {
		counts[codingOf(byte(dc))]++
	}
	// GSM: 0, 1, 0x10–0x13, 0xF0–0xF3, 0xF8–0xFB. UCS-2: 8, 0x18–0x1B.
	// Latin-1: 3. Pinned so that a change is deliberate.
	require.Equal(t, map[textCoding]int{codingGSM7: 14, codingLatin1: 1, codingUCS2: 5, codingRaw: 236}, counts)
}

func FuzzDecodeText(f *testing.F) {
	f.Add(byte(0), []byte("H\x1bello"))    // GSM escape
	f.Add(byte(0), []byte("\x84A\x89O"))   // Jasmin #937: octets above 0x7F
	f.Add(byte(3), []byte("caf\xe9"))      // Latin-1
	f.Add(byte(8), []byte("\xd8\x3d\x00")) // UCS-2 cut inside a surrogate pair
	f.Add(byte(0xF0), []byte("\x1b"))      // DCS group, lone escape
	f.Fuzz(func(t *testing.T, dc byte, b []byte) {
		out, _ := decodeSMText(nil, dc, b)
		if codingOf(dc) != codingRaw && !utf8.Valid(out) {
			t.Fatalf("data_coding %#x: invalid UTF-8 %q from %q", dc, out, b)
		}
	})
}
