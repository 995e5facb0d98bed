package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/examples/internal/receiptjson"
	"github.com/dlrkit/dlrkit/status"
)

// fakeDecoder answers per line from a table, so that the processing of
// receipts can be tested apart from the parsers.
type fakeDecoder map[string]struct {
	rs  []dlr.Receipt
	err error
}

func (f fakeDecoder) decode(line []byte) ([]dlr.Receipt, error) {
	a, ok := f[string(line)]
	if !ok {
		return nil, errUnknownFormat
	}
	return a.rs, a.err
}

var errUnknownWord = errors.New("smppfmt: unknown status word")

var fake = fakeDecoder{
	"one":     {rs: []dlr.Receipt{{MessageID: "m1", Status: status.Enroute}}},
	"batch":   {rs: []dlr.Receipt{{MessageID: "m1", Status: status.Delivered}, {MessageID: "m2", Status: status.Expired}}},
	"partial": {rs: []dlr.Receipt{{MessageID: "m3", Status: status.Unknown, RawStatus: "DND_REJECTED"}}, err: errUnknownWord},
	"bad":     {err: errors.New("smppfmt: broken")},
	"empty":   {},
}

func process(t *testing.T, summary bool, in string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	p := &processor{
		opts:   options{dec: fake, summary: summary},
		enc:    receiptjson.NewEncoder(&stdout),
		stderr: &stderr,
	}
	require.NoError(t, p.file("-", strings.NewReader(in), false))
	if summary {
		require.NoError(t, p.writeSummary(&stdout))
	}
	require.Empty(t, stderr.String())
	return stdout.String()
}

func TestProcessReceipts(t *testing.T) {
	t.Parallel()
	objs := decodeLines(t, process(t, false, "one\nbatch\n\npartial\nbad\nempty\n"))
	require.Len(t, objs, 6)
	for i, want := range []struct {
		line   float64
		id     string
		status string
	}{
		{1, "m1", "ENROUTE"},
		{2, "m1", "DELIVRD"}, // an array: one object per receipt, same line
		{2, "m2", "EXPIRED"},
		{4, "m3", "UNKNOWN"},
	} {
		require.Equal(t, want.line, objs[i]["line"], i)
		require.Equal(t, want.id, objs[i]["message_id"], i)
		require.Equal(t, want.status, objs[i]["status"], i)
		require.NotContains(t, objs[i], "parse_error")
	}
	require.Equal(t, errUnknownWord.Error(), objs[3]["warning"], "a partial result keeps its error")
	require.Equal(t, "DND_REJECTED", objs[3]["raw_status"])
	require.Equal(t, float64(5), objs[4]["line"])
	require.Equal(t, "smppfmt: broken", objs[4]["parse_error"])
	require.Equal(t, float64(6), objs[5]["line"])
	require.Equal(t, "dlrparse: no receipts in this line", objs[5]["parse_error"])
}

func TestProcessSummary(t *testing.T) {
	t.Parallel()
	out := process(t, true, "one\nbatch\npartial\nbad\n")
	require.True(t, strings.HasPrefix(out, "Receipts: 4   unreadable lines: 1\nMessages: 3   final: 3   delivered: 1\n"), out)
	require.Contains(t, out, "\nDELIVRD        1   33.3%", "m1's ENROUTE and DELIVRD are one message")
	require.Contains(t, out, "\nUNKNOWN        1   33.3%", "m3's unknown word is counted")
	require.NotContains(t, out, "{", "no JSON lines with -summary")
}
