package smppfmt

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestGSMTable pins code points listed in errcodes notes §5.3 (3GPP TS
// 23.038, checked against Wireshark and gosmpp).
func TestGSMTable(t *testing.T) {
	t.Parallel()
	pins := map[byte]rune{
		0x00: '@', 0x01: 0x00A3, 0x02: '$', 0x03: 0x00A5, 0x09: 0x00C7, 0x0A: '\n', 0x0D: '\r',
		0x10: 0x0394, 0x11: '_', 0x12: 0x03A6, 0x13: 0x0393, 0x14: 0x039B, 0x15: 0x03A9,
		0x16: 0x03A0, 0x17: 0x03A8, 0x18: 0x03A3, 0x19: 0x0398, 0x1A: 0x039E,
		0x20: ' ', 0x24: 0x00A4, 0x3A: ':', 0x40: 0x00A1, 0x41: 'A', 0x5F: 0x00A7,
		0x60: 0x00BF, 0x61: 'a', 0x7F: 0x00E0,
	}
	for septet, want := range pins {
		got, lossy := appendGSM7(nil, []byte{septet})
		require.False(t, lossy)
		require.Equal(t, string(want), string(got), "septet 0x%02X", septet)
	}
	ext := map[byte]rune{0x0A: '\f', 0x14: '^', 0x28: '{', 0x29: '}', 0x2F: '\\',
		0x3C: '[', 0x3D: '~', 0x3E: ']', 0x40: '|', 0x65: 0x20AC}
	n := 0
	for septet := range 128 {
		if gsmExt[septet] != 0 {
			n++
			require.Equal(t, ext[byte(septet)], gsmExt[septet], "extension 0x%02X", septet)
		}
	}
	require.Equal(t, len(ext), n, "extension table size")
	// The receipt keys are the same in GSM and ASCII.
	require.True(t, gsmIsASCII([]byte("id:123 sub:001 dlvrd:001 submit date:2101041522 done date:2101041522 stat:DELIVRD err:000 text:Hi")))
}

func TestAppendGSM7(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		in    string
		want  string
		lossy bool
	}{
		{"escape to euro", "H\x1bello", "H€llo", false}, // the smpp-receipts edge case
		{"all extension characters", "\x1b\x0a\x1b\x14\x1b\x28\x1b\x29\x1b\x2f\x1b\x3c\x1b\x3d\x1b\x3e\x1b\x40\x1b\x65", "\f^{}\\[~]|€", false},
		{"escape then undefined septet gives the base character", "\x1bA", "A", false},
		{"escape at the end", "ab\x1b", "ab\u00A0", false},
		{"escape escape", "\x1b\x1b\x65", "€", false},
		{"escape then octet above 0x7F", "\x1b\x80", "\uFFFD", true},
		{"octets above 0x7F", "\x84A\x89", "\uFFFDA\uFFFD", true},
		{"telenordigital MO text", "\x40\x24\x23\x21\x25\x26\x2f\x3a", "¡¤#!%&/:", false},
		{"empty", "", "", false},
	}
	for _, c := range cases {
		got, lossy := appendGSM7(nil, []byte(c.in))
		require.Equal(t, c.want, string(got), c.name)
		require.Equal(t, c.lossy, lossy, c.name)
	}
}

func TestAppendGSM7AllOctets(t *testing.T) {
	t.Parallel()
	// Every octet pair decodes to valid UTF-8 without panicking.
	for a := range 256 {
		for b := range 256 {
			out, _ := appendGSM7(nil, []byte{byte(a), byte(b)})
			require.True(t, utf8.Valid(out))
		}
	}
}
