package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		line string
		want format
	}{
		{"json object", `{"message_id":"m1","status":"DELIVRD"}`, formatJSON},
		{"json array", `[{"message_id":"m1"}]`, formatJSON},
		{"receipt text", "id:1 sub:001 dlvrd:001 submit date:2302231414 done date:2302231415 stat:DELIVRD err:000 text:x", formatText},
		{"receipt text, keys in capitals", "ID:1 STAT:DELIVRD", formatText},
		{"receipt text, stat only", "stat:DELIVRD", formatText},
		{"receipt text, ;-separated", "msg;stat:DELIVRD", formatText},
		{"deliver_sm hex", "0000001000000005000000000000000a", formatPDU},
		{"data_sm hex, lower case", "0000001000000103000000000000000a", formatPDU},
		{"form", "id=abc&message_status=DELIVRD&level=2", formatForm},
		{"query with ?", "?id=abc&status=1", formatQuery},
		{"callback URL", "https://example.com/dlr?id=abc&type=1", formatQuery},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := detect([]byte(tt.line))
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestDetectUnknown(t *testing.T) {
	t.Parallel()
	for _, line := range []string{
		"",
		"hello world",
		"=",
		"a = b",
		// Hex, but not a receipt PDU.
		"0000001080000005000000000000000a", // deliver_sm_resp
		"0000001100000005000000000000000a", // command_length says 17
		"0000001000000005000000000000000",  // odd length
		"0000001000000005000000000000",     // shorter than a header
		"zz00001000000005000000000000000a",
		"paid:1 textid:2", // keys must start a word
	} {
		_, err := detect([]byte(line))
		require.ErrorIs(t, err, errUnknownFormat, "%q", line)
	}
}

// TestDetectSample checks the detection of every line of the sample day
// against the form SOURCES.md gives it.
func TestDetectSample(t *testing.T) {
	t.Parallel()
	want := map[int]string{}
	src, err := os.ReadFile("testdata/SOURCES.md")
	require.NoError(t, err)
	for _, row := range strings.Split(string(src), "\n") {
		cells := strings.Split(row, "|")
		if len(cells) < 4 {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(cells[1]))
		if err != nil {
			continue
		}
		want[n] = strings.TrimSpace(cells[2])
	}
	forms := map[format]string{formatJSON: "JSON", formatPDU: "PDU (hex)", formatText: "SMPP text", formatForm: "form", formatQuery: "query"}

	f, err := os.Open("testdata/day.txt")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, maxLine)
	n := 0
	for sc.Scan() {
		n++
		got, err := detect([]byte(strings.TrimSpace(sc.Text())))
		require.NoError(t, err, "line %d", n)
		require.Equal(t, want[n], forms[got], "line %d", n)
	}
	require.NoError(t, sc.Err())
	require.Len(t, want, n, "SOURCES.md names every line of day.txt")
}

func TestParseFormat(t *testing.T) {
	t.Parallel()
	for _, f := range formats {
		got, err := parseFormat(string(f))
		require.NoError(t, err)
		require.Equal(t, f, got)
	}
	_, err := parseFormat("xml")
	require.Error(t, err)
}
