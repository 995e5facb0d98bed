package status_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/status"
)

func TestAll256(t *testing.T) {
	t.Parallel()
	for i := 0; i < 256; i++ {
		s := status.Status(i)
		str := s.String() // must not panic
		if !s.Valid() {
			require.Equal(t, fmt.Sprintf("Status(%d)", i), str)
			_, err := s.MarshalText()
			require.Error(t, err)
			continue
		}
		text, err := s.MarshalText()
		require.NoError(t, err)
		var back status.Status
		require.NoError(t, back.UnmarshalText(text))
		require.Equal(t, s, back, "round trip of %q", text)
		// UnmarshalText over every one-byte input never panics.
		_ = back.UnmarshalText([]byte{byte(i)})
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want status.Status
	}{
		{"DELIVRD", status.Delivered},
		{"delivrd", status.Delivered},
		{"Delivered", status.Delivered},
		{"UNDELIV", status.Undeliverable},
		{"undeliverable", status.Undeliverable},
		{"ACCEPTD", status.Accepted},
		{"accepted", status.Accepted},
		{"REJECTD", status.Rejected},
		{"REJECTED", status.Rejected},
		{"ENROUTE", status.Enroute},
		{"EXPIRED", status.Expired},
		{"DELETED", status.Deleted},
		{"UNKNOWN", status.Unknown},
		{"SCHEDULED", status.Scheduled},
		{"skipped", status.Skipped},
		{"2", status.Delivered},
		{"5", status.Undeliverable},
		{"0", status.Scheduled},
	}
	for _, tt := range tests {
		got, err := status.Parse(tt.in)
		require.NoError(t, err, tt.in)
		require.Equal(t, tt.want, got, tt.in)
	}
	for _, bad := range []string{"", "FAILED", "DELIVRD ", "10", "delivered!", "undelivered", "UNDELIVERABLES", "\x00"} {
		_, err := status.Parse(bad)
		require.Error(t, err, bad)
		require.True(t, errors.Is(err, status.ErrSyntax), bad)
		var pe *status.ParseError
		require.True(t, errors.As(err, &pe))
		require.Equal(t, bad, pe.Word)
	}
}

func TestMessageState(t *testing.T) {
	t.Parallel()
	want := []status.Status{status.Scheduled, status.Enroute, status.Delivered, status.Expired,
		status.Deleted, status.Undeliverable, status.Accepted, status.Unknown, status.Rejected, status.Skipped}
	for v := 0; v < 256; v++ {
		s, ok := status.FromMessageState(uint8(v))
		if v < len(want) {
			require.True(t, ok)
			require.Equal(t, want[v], s)
			back, ok := s.MessageState()
			require.True(t, ok)
			require.Equal(t, uint8(v), back)
		} else {
			require.False(t, ok, v)
		}
	}
	_, ok := status.None.MessageState()
	require.False(t, ok)
}

func TestJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(map[string]status.Status{"s": status.Undeliverable})
	require.NoError(t, err)
	require.JSONEq(t, `{"s":"UNDELIV"}`, string(b))
	var m map[string]status.Status
	require.NoError(t, json.Unmarshal([]byte(`{"s":"delivered"}`), &m))
	require.Equal(t, status.Delivered, m["s"])
}

func TestPredicates(t *testing.T) {
	t.Parallel()
	for i := 0; i < 256; i++ {
		s := status.Status(i)
		// Exactly one of: none/out of range, pending, final.
		n := 0
		for _, b := range []bool{s == status.None || !s.Valid(), s.Pending(), s.Final()} {
			if b {
				n++
			}
		}
		require.Equal(t, 1, n, "%v", s)
		if s.Definite() {
			require.True(t, s.Final())
			require.NotEqual(t, s.Succeeded(), s.Failed(), "%v", s)
		}
	}
	require.True(t, status.Unknown.Final())
	require.False(t, status.Unknown.Definite())
	require.False(t, status.Unknown.Failed())
}

func TestLookupAllocs(t *testing.T) {
	w := []byte("undeliv")
	n := testing.AllocsPerRun(100, func() {
		if _, ok := status.Lookup(w); !ok {
			t.Fatal("not found")
		}
	})
	require.Zero(t, n)
}
