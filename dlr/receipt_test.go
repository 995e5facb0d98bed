package dlr_test

import (
	"encoding/json"
	"math/rand"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

func TestIsValid(t *testing.T) {
	t.Parallel()
	require.False(t, dlr.Receipt{}.IsValid())
	require.False(t, dlr.Receipt{MessageID: "1"}.IsValid())
	require.False(t, dlr.Receipt{Status: status.Delivered}.IsValid())
	require.True(t, dlr.Receipt{MessageID: "1", Status: status.Delivered}.IsValid())
}

func TestKey(t *testing.T) {
	t.Parallel()
	base := dlr.Receipt{MessageID: "abc", Status: status.Delivered, RawStatus: "DELIVRD",
		DoneAt: time.Date(2025, 2, 14, 10, 30, 0, 0, time.UTC), Source: dlr.Source{Provider: "bulksmsrates"}}
	k := base.Key()
	require.Len(t, k, 32)
	same := base
	same.DoneAt = base.DoneAt.In(time.FixedZone("X", 3600)) // same instant
	same.Network = "EE"                                     // not part of the event's identity
	require.Equal(t, k, same.Key())
	for _, mut := range []func(*dlr.Receipt){
		func(r *dlr.Receipt) { r.MessageID = "abd" },
		func(r *dlr.Receipt) { r.Status = status.Undeliverable },
		func(r *dlr.Receipt) { r.RawStatus = "delivered" },
		func(r *dlr.Receipt) { r.RawError = "000" },
		func(r *dlr.Receipt) { r.DoneAt = r.DoneAt.Add(time.Second) },
		func(r *dlr.Receipt) { r.Source.Provider = "tsg" },
		func(r *dlr.Receipt) { r.Part = 2 },
		// Field boundaries cannot shift: "ab"+"c" differs from "a"+"bc".
		func(r *dlr.Receipt) { r.MessageID, r.ParentID = "ab", "c" },
	} {
		r := base
		mut(&r)
		require.NotEqual(t, k, r.Key(), "%+v", r)
	}
}

func TestJSONShape(t *testing.T) {
	t.Parallel()
	r := dlr.Receipt{MessageID: "m1", Status: status.Undeliverable, RawStatus: "undelivered",
		Extra: []dlr.Field{{Key: "k", Value: "v"}}}
	b, err := json.Marshal(r)
	require.NoError(t, err)
	require.JSONEq(t, `{"message_id":"m1","status":"UNDELIV","raw_status":"undelivered",
		"source":{},"extra":[{"key":"k","value":"v"}]}`, string(b))
	var back dlr.Receipt
	require.NoError(t, json.Unmarshal(b, &back))
	require.Empty(t, cmp.Diff(r, back))

	// The error code travels as "namespace:value".
	r.Error = errcode.Code{Namespace: errcode.MAP, Value: 27}
	b, err = json.Marshal(r)
	require.NoError(t, err)
	require.Contains(t, string(b), `"error":"map:27"`)
	back = dlr.Receipt{}
	require.NoError(t, json.Unmarshal(b, &back))
	require.Empty(t, cmp.Diff(r, back))
}

var statuses = []status.Status{status.None, status.Accepted, status.Enroute, status.Delivered,
	status.Undeliverable, status.Expired, status.Rejected, status.Unknown, status.Status(200)}

// randomReceipt makes receipts whose fields collide often, so that the merge
// rules for ties are exercised.
func randomReceipt(r *rand.Rand) dlr.Receipt {
	pick := func(xs ...string) string { return xs[r.Intn(len(xs))] }
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	rc := dlr.Receipt{
		MessageID:    pick("", "m1"),
		Status:       statuses[r.Intn(len(statuses))],
		RawStatus:    pick("", "a", "b"),
		RawError:     pick("", "000", "001"),
		ErrorMessage: pick("", "x"),
		To:           pick("", "+1", "+2"),
		Network:      pick("", "EE", "O2"),
		Price:        pick("", "0.03", "0.04"),
		Currency:     pick("", "GBP", "EUR"),
		Segments:     r.Intn(3),
		Source:       dlr.Source{Provider: pick("", "p", "q")},
	}
	if r.Intn(2) == 0 {
		rc.Error = errcode.Code{Namespace: errcode.MAP, Value: uint32(r.Intn(3))}
	}
	if r.Intn(2) == 0 {
		rc.DoneAt = t0.Add(time.Duration(r.Intn(3)) * time.Minute)
	}
	if r.Intn(2) == 0 {
		rc.SubmittedAt = t0.Add(-time.Duration(r.Intn(3)) * time.Minute)
	}
	for i := r.Intn(3); i > 0; i-- {
		rc.Extra = append(rc.Extra, dlr.Field{Key: pick("k1", "k2"), Value: pick("1", "2")})
	}
	return rc
}

func TestMergeLaws(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		a, b, c := randomReceipt(r), randomReceipt(r), randomReceipt(r)
		ab := dlr.Merge(a, b)
		require.Empty(t, cmp.Diff(ab, dlr.Merge(b, a)), "commutative")
		require.Empty(t, cmp.Diff(dlr.Merge(ab, c), dlr.Merge(a, dlr.Merge(b, c))), "associative")
		require.Empty(t, cmp.Diff(ab, dlr.Merge(ab, ab)), "idempotent")
		require.Empty(t, cmp.Diff(ab, dlr.Merge(ab, a)), "absorbs its inputs")
		want, _ := status.Next(a.Status, b.Status)
		require.Equal(t, want, ab.Status)
	}
}

func TestMergeNeverBlanks(t *testing.T) {
	t.Parallel()
	full := dlr.Receipt{MessageID: "m", Status: status.Enroute, To: "+44", Network: "EE", Segments: 2,
		Price: "0.0300", Currency: "GBP", Extra: []dlr.Field{{Key: "a", Value: "1"}}}
	later := dlr.Receipt{MessageID: "m", Status: status.Delivered, RawStatus: "DELIVRD"}
	got := dlr.Merge(full, later)
	want := full
	want.Status, want.RawStatus = status.Delivered, "DELIVRD"
	require.Empty(t, cmp.Diff(want, got))
}
