package receiptjson

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

func TestEncode(t *testing.T) {
	t.Parallel()
	r := dlr.Receipt{
		MessageID:   "0123456789",
		Status:      status.Undeliverable,
		RawStatus:   "UNDELIV",
		Error:       errcode.Code{Namespace: errcode.MAP, Value: 1},
		RawError:    "001",
		To:          "447700900123",
		SubmittedAt: time.Date(2010, 5, 23, 20, 39, 0, 0, time.UTC),
		DoneAt:      time.Date(2010, 5, 24, 23, 39, 0, 0, time.FixedZone("", 3600)),
		Text:        "a<b>&c",
		Source:      dlr.Source{Format: dlr.FormatSMPPText},
		Extra:       []dlr.Field{{Key: "x", Value: "1"}},
	}
	o := New(r, errors.New("smppfmt: something partial"))
	o.Line = 3
	var b strings.Builder
	require.NoError(t, NewEncoder(&b).Encode(o))
	got := b.String()
	require.True(t, strings.HasSuffix(got, "}\n"), "one object per line")
	require.Equal(t, 1, strings.Count(got, "\n"))
	for _, want := range []string{
		`{"line":3,"message_id":"0123456789",`,
		`"status":"UNDELIV"`,
		`"raw_error":"001"`,
		`"submitted_at":"2010-05-23T20:39:00Z"`,
		`"done_at":"2010-05-24T23:39:00+01:00"`,
		`"text":"a<b>&c"`, // no HTML escaping
		`"source":{"format":"smpp-text"}`,
		`"extra":[{"key":"x","value":"1"}]`,
		`"final":true`,
		`"error":{"code":"map:1",`,
		`"retryable":`,
		`"warning":"smppfmt: something partial"`,
	} {
		require.Contains(t, got, want)
	}
	require.NotContains(t, got, `"file"`)
}

func TestNoErrorCode(t *testing.T) {
	t.Parallel()
	o := New(dlr.Receipt{MessageID: "m", Status: status.Enroute}, nil)
	require.Nil(t, o.ErrorInfo)
	require.False(t, o.Final)
	require.Empty(t, o.Warning)
}

func TestProblemCutsInput(t *testing.T) {
	t.Parallel()
	in := strings.Repeat("a", maxInput-1) + "é" + "tail"
	p := NewProblem(7, []byte(in), errors.New("dlrparse: bad"))
	require.Equal(t, strings.Repeat("a", maxInput-1)+"…", p.Input, "a character is not cut in two")
	require.Equal(t, 7, p.Line)
	require.Equal(t, "dlrparse: bad", p.ParseError)

	short := NewProblem(1, []byte("short"), errors.New("x"))
	require.Equal(t, "short", short.Input)
}
