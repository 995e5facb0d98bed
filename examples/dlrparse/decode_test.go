package main

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

func TestOne(t *testing.T) {
	t.Parallel()
	bad := errors.New("smppfmt: bad")
	rs, err := one(dlr.Receipt{}, bad)
	require.Empty(t, rs, "an error with nothing read is an unreadable line")
	require.ErrorIs(t, err, bad)

	partial := dlr.Receipt{MessageID: "1", Status: status.Unknown, RawStatus: "DND_REJECTED"}
	rs, err = one(partial, bad)
	require.Equal(t, []dlr.Receipt{partial}, rs, "a partial result is kept with its error")
	require.ErrorIs(t, err, bad)

	rs, err = one(partial, nil)
	require.NoError(t, err)
	require.Len(t, rs, 1)
}

func TestQueryOf(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"id=abc&type=1",
		"?id=abc&type=1",
		"https://example.com/dlr?id=abc&type=1",
	} {
		q, err := queryOf(in)
		require.NoError(t, err, in)
		require.Equal(t, "abc", q.Get("id"), in)
		require.Equal(t, "1", q.Get("type"), in)
	}
}
