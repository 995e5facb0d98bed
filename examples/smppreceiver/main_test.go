package main

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/examples/internal/receiptjson"
	"github.com/dlrkit/dlrkit/status"
)

func TestOutput(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	enc := receiptjson.NewEncoder(&b)
	require.NoError(t, enc.Encode(output(result{
		Sequence: 7, Command: "deliver_sm", Raw: []byte{0, 1},
		Receipt: dlr.Receipt{MessageID: "38601fa", Status: status.Delivered},
	})))
	require.NoError(t, enc.Encode(output(result{
		Sequence: 8, Command: "data_sm", Raw: []byte{0xab},
		Err: errors.New("smppfmt: not a receipt"),
	})))
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	require.Len(t, lines, 2)
	require.True(t, strings.HasPrefix(lines[0], `{"command":"deliver_sm","sequence":7,"message_id":"38601fa","status":"DELIVRD",`), lines[0])
	require.Equal(t, `{"command":"data_sm","sequence":8,"parse_error":"smppfmt: not a receipt","pdu_hex":"ab"}`, lines[1])
}

func TestUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"-bogus"},
		{"extra"},
		{"-bind", "tx"},
		{"-tz", "Mars/Olympus"},
		{"-errns", "klingon"},
	} {
		var stdout, stderr strings.Builder
		require.Equal(t, 2, run(context.Background(), args, &stdout, &stderr), "%q", args)
		require.NotEmpty(t, stderr.String())
		require.Empty(t, stdout.String())
	}
}
