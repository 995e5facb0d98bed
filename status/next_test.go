package status_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/status"
)

// all returns every named status and None.
func all() []status.Status {
	var out []status.Status
	for i := 0; i < 256; i++ {
		if s := status.Status(i); s.Valid() {
			out = append(out, s)
		}
	}
	return out
}

func next(a, b status.Status) status.Status {
	s, _ := status.Next(a, b)
	return s
}

func TestNextLaws(t *testing.T) {
	t.Parallel()
	ss := all()
	require.Len(t, ss, 11)
	for _, a := range ss {
		require.Equal(t, a, next(a, a), "idempotent %v", a)
		require.Equal(t, a, next(a, status.None), "None is the identity")
		for _, b := range ss {
			ab := next(a, b)
			require.Equal(t, ab, next(b, a), "commutative %v %v", a, b)
			require.True(t, ab == a || ab == b, "result is one of the inputs")
			if a.Final() {
				require.True(t, ab.Final(), "final %v never goes back (%v)", a, b)
			}
			if a == status.Delivered {
				require.Equal(t, status.Delivered, ab, "DELIVRD is never replaced")
			}
			if a == status.Unknown && b.Definite() {
				res, tr := status.Next(a, b)
				require.Equal(t, b, res)
				require.Equal(t, status.Resolved, tr)
			}
			for _, c := range ss {
				require.Equal(t, next(next(a, b), c), next(a, next(b, c)), "associative %v %v %v", a, b, c)
			}
		}
	}
}

func TestNextTransitions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cur, in, want status.Status
		tr            status.Transition
	}{
		{status.None, status.Accepted, status.Accepted, status.Advanced},
		{status.Accepted, status.Enroute, status.Enroute, status.Advanced},
		{status.Enroute, status.Delivered, status.Delivered, status.Advanced},
		{status.Delivered, status.Delivered, status.Delivered, status.Duplicate},
		{status.Delivered, status.Enroute, status.Delivered, status.Stale},
		{status.Delivered, status.Unknown, status.Delivered, status.Stale},
		{status.Unknown, status.Undeliverable, status.Undeliverable, status.Resolved},
		{status.Undeliverable, status.Delivered, status.Delivered, status.Conflict},
		{status.Delivered, status.Undeliverable, status.Delivered, status.Conflict},
		{status.Expired, status.Rejected, status.Rejected, status.Conflict},
		{status.Rejected, status.Expired, status.Rejected, status.Conflict},
		{status.None, status.None, status.None, status.Stale},
		{status.Enroute, status.None, status.Enroute, status.Stale},
		{status.Enroute, status.Status(200), status.Enroute, status.Stale},
	}
	for _, tt := range tests {
		got, tr := status.Next(tt.cur, tt.in)
		require.Equal(t, tt.want, got, "%v+%v", tt.cur, tt.in)
		require.Equal(t, tt.tr, tr, "%v+%v", tt.cur, tt.in)
	}
}

func TestTransitionString(t *testing.T) {
	t.Parallel()
	for i := 0; i < 256; i++ {
		_ = status.Transition(i).String()
	}
	require.Equal(t, "conflict", status.Conflict.String())
}
