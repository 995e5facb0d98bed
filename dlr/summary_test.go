package dlr_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// The receipts in these tests and examples are constructed.

func TestGradeOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		delivered, final int
		want             dlr.Grade
	}{
		{0, 0, dlr.GradeNone},
		{96, 100, dlr.GradeExcellent},
		{191, 200, dlr.GradeExcellent}, // 95.5%
		{95, 100, dlr.GradeGood},       // exactly 95%: not above it
		{19, 20, dlr.GradeGood},
		{90, 100, dlr.GradeGood},
		{899, 1000, dlr.GradeFair},
		{80, 100, dlr.GradeFair},
		{799, 1000, dlr.GradePoor},
		{0, 5, dlr.GradePoor},
		{1, 1, dlr.GradeExcellent},
	}
	for _, tc := range tests {
		require.Equal(t, tc.want, dlr.GradeOf(tc.delivered, tc.final), "%d/%d", tc.delivered, tc.final)
	}
	for g := dlr.GradeNone; g <= dlr.GradeExcellent; g++ {
		b, err := g.MarshalText()
		require.NoError(t, err)
		var back dlr.Grade
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, g, back)
		require.NotEmpty(t, g.Advice())
	}
	_, err := dlr.Grade(9).MarshalText()
	require.Error(t, err)
	var g dlr.Grade
	require.Error(t, g.UnmarshalText([]byte("great")))
}

// campaign returns n messages with the given statuses, one receipt each.
func campaign(counts map[status.Status]int) []dlr.Receipt {
	var rs []dlr.Receipt
	for _, s := range []status.Status{status.None, status.Enroute, status.Unknown, status.Expired, status.Undeliverable, status.Rejected, status.Delivered} {
		for i := 0; i < counts[s]; i++ {
			rs = append(rs, dlr.Receipt{MessageID: fmt.Sprintf("%s-%d", s, i), Status: s})
		}
	}
	return rs
}

func TestSummarizeHints(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		counts map[status.Status]int
		want   []string
	}{
		{"healthy", map[status.Status]int{status.Delivered: 100}, nil},
		{"undeliv at threshold", map[status.Status]int{status.Delivered: 95, status.Undeliverable: 5}, []string{"undeliverable"}},
		{"undeliv below", map[status.Status]int{status.Delivered: 96, status.Undeliverable: 4}, nil},
		{"expired", map[status.Status]int{status.Delivered: 19, status.Expired: 1}, []string{"expired"}},
		{"unknown", map[status.Status]int{status.Delivered: 9, status.Unknown: 1}, []string{"unknown"}},
		{"unknown below", map[status.Status]int{status.Delivered: 10, status.Unknown: 1}, nil},
		{"rejected", map[status.Status]int{status.Delivered: 49, status.Rejected: 1}, []string{"rejected"}},
		{"pending do not count", map[status.Status]int{status.Delivered: 10, status.Enroute: 90}, nil},
		{"all", map[status.Status]int{status.Delivered: 10, status.Undeliverable: 1, status.Expired: 1, status.Unknown: 2, status.Rejected: 1},
			[]string{"undeliverable", "expired", "unknown", "rejected"}},
	}
	for _, tc := range tests {
		s := dlr.Summarize(campaign(tc.counts))
		var got []string
		for _, h := range s.Hints {
			got = append(got, h.Kind)
			require.NotEmpty(t, h.Text)
		}
		require.Equal(t, tc.want, got, tc.name)
	}
}

func TestSummarizeCreditHint(t *testing.T) {
	t.Parallel()
	rs := campaign(map[status.Status]int{status.Delivered: 100})
	rs = append(rs,
		dlr.Receipt{MessageID: "d1", Status: status.Rejected, RawStatus: "Deficient"},
		dlr.Receipt{MessageID: "d2", Status: status.Undeliverable, ErrorMessage: "Insufficient balance"},
		dlr.Receipt{MessageID: "ok", Status: status.Delivered, RawStatus: "Deficient"}, // not a failure
	)
	s := dlr.Summarize(rs)
	var credit *dlr.Hint
	for i := range s.Hints {
		if s.Hints[i].Kind == "credit" {
			credit = &s.Hints[i]
		}
	}
	require.NotNil(t, credit)
	require.Equal(t, 2, credit.Count)
}

func TestSummarizeCounts(t *testing.T) {
	t.Parallel()
	mapErr := func(v uint32) errcode.Code { return errcode.Code{Namespace: errcode.MAP, Value: v} }
	rs := []dlr.Receipt{
		{MessageID: "a", Status: status.Enroute},
		{MessageID: "a", Status: status.Delivered},
		{MessageID: "b", Status: status.Undeliverable, Error: mapErr(1), RawError: "001"},
		{MessageID: "c", Status: status.Undeliverable, Error: mapErr(1), RawError: "1"},
		{MessageID: "d", Status: status.Expired, RawError: "21b"},
		{MessageID: "e", Status: status.Accepted},
		{MessageID: "f", Status: status.Unknown},
		{MessageID: "g", Status: status.Rejected, Error: mapErr(11)},
		{MessageID: "g", Status: status.Enroute},
		{MessageID: "h", Status: status.Status(200)}, // out of range: no news
		{Status: status.Delivered},                   // no id: a message of its own
		{Status: status.Delivered},
	}
	s := dlr.Summarize(rs)
	require.Equal(t, 10, s.Messages)
	require.Equal(t, 8, s.Final)
	require.Equal(t, 3, s.Delivered)
	require.InDelta(t, 100.0*3/8, s.DeliveryRate, 1e-9)
	require.InDelta(t, 100.0*3/10, s.DeliveryRateAll, 1e-9)
	require.Equal(t, dlr.GradePoor, s.Grade)
	require.Equal(t, []dlr.StatusCount{
		{Status: status.None, Count: 1},
		{Status: status.Accepted, Count: 1},
		{Status: status.Unknown, Count: 1},
		{Status: status.Expired, Count: 1},
		{Status: status.Undeliverable, Count: 2},
		{Status: status.Rejected, Count: 1},
		{Status: status.Delivered, Count: 3},
	}, s.Statuses)
	require.Len(t, s.TopErrors, 3)
	require.Equal(t, "map:1", s.TopErrors[0].Code)
	require.Equal(t, 2, s.TopErrors[0].Count)
	// Ties in code order; an unreadable code ("") first.
	require.Equal(t, dlr.ErrorCount{Raw: "21b", Count: 1}, s.TopErrors[1])
	require.Equal(t, "map:11", s.TopErrors[2].Code)
	for _, e := range []dlr.ErrorCount{s.TopErrors[0], s.TopErrors[2]} {
		var c errcode.Code
		_, err := fmt.Sscanf(strings.TrimPrefix(e.Code, "map:"), "%d", &c.Value)
		require.NoError(t, err)
		c.Namespace = errcode.MAP
		info, ok := errcode.Lookup(c)
		require.Equal(t, info.Name, e.Name, "the meaning is errcode's, whatever its tables hold")
		require.Equal(t, info.Description, e.Description)
		require.Equal(t, ok, e.Name != "" || e.Description != "")
	}

	// Any order and repetition of the receipts with ids gives the same
	// summary.
	rng := rand.New(rand.NewPCG(5, 6))
	withID := rs[:len(rs)-2]
	for round := 0; round < 50; round++ {
		rr := append([]dlr.Receipt(nil), rs...)
		rr = append(rr, withID[rng.IntN(len(withID))], withID[rng.IntN(len(withID))])
		rng.Shuffle(len(rr), func(i, j int) { rr[i], rr[j] = rr[j], rr[i] })
		if d := cmp.Diff(s, dlr.Summarize(rr)); d != "" {
			t.Fatalf("round %d:\n%s", round, d)
		}
	}
}

func TestSummarizeTopErrorsLimit(t *testing.T) {
	t.Parallel()
	var rs []dlr.Receipt
	for code := 0; code < 8; code++ {
		for i := 0; i <= code; i++ {
			rs = append(rs, dlr.Receipt{MessageID: fmt.Sprint(code, "-", i), Status: status.Undeliverable, RawError: fmt.Sprintf("x%d", code)})
		}
	}
	s := dlr.Summarize(rs)
	require.Len(t, s.TopErrors, dlr.TopErrors)
	for i, e := range s.TopErrors {
		require.Equal(t, fmt.Sprintf("x%d", 7-i), e.Raw)
		require.Equal(t, 8-i, e.Count)
	}
}

func TestSummarizeStates(t *testing.T) {
	t.Parallel()
	var tr dlr.Tracker
	store := new(dlr.MemoryStore)
	tr.Store = store
	require.NoError(t, tr.Expect(dlr.Message{ID: "m1", Parts: []string{"a", "b"}}))
	require.NoError(t, tr.Expect(dlr.Message{ID: "m2"}))
	require.NoError(t, tr.Expect(dlr.Message{ID: "m3"}))
	for _, r := range []dlr.Receipt{
		{MessageID: "a", Status: status.Delivered},
		{MessageID: "b", Status: status.Undeliverable, RawError: "21b"},
		{MessageID: "m2", Status: status.Delivered},
	} {
		_, err := tr.Observe(r)
		require.NoError(t, err)
	}
	var states []dlr.State
	require.NoError(t, store.Range(func(_ string, s dlr.State, _ uint64) bool {
		states = append(states, s)
		return true
	}))
	require.Len(t, states, 5, "three messages and two part links")
	s := dlr.SummarizeStates(states)
	require.Equal(t, 3, s.Messages)
	require.Equal(t, 2, s.Final)
	require.Equal(t, 1, s.Delivered)
	require.Equal(t, []dlr.ErrorCount{{Raw: "21b", Count: 1}}, s.TopErrors)

	fromTracker, err := tr.Summarize()
	require.NoError(t, err)
	require.Equal(t, s, fromTracker)
	_, err = (&dlr.Tracker{Store: hideRange{store}}).Summarize()
	require.ErrorIs(t, err, dlr.ErrCannotList)
}

// hideRange hides the Range method of the store it wraps.
type hideRange struct{ dlr.Store }

func TestSummaryJSON(t *testing.T) {
	t.Parallel()
	s := dlr.Summarize([]dlr.Receipt{
		{MessageID: "a", Status: status.Delivered},
		{MessageID: "b", Status: status.Rejected, RawError: "21b"},
		{MessageID: "c"},
	})
	b, err := json.Marshal(s)
	require.NoError(t, err)
	require.JSONEq(t, `{
		"messages": 3, "final": 2, "delivered": 1,
		"statuses": [{"status": "", "count": 1}, {"status": "REJECTD", "count": 1}, {"status": "DELIVRD", "count": 1}],
		"delivery_rate": 50, "delivery_rate_all": 33.333333333333336, "grade": "poor",
		"top_errors": [{"raw": "21b", "count": 1}],
		"hints": [{"kind": "rejected", "count": 1, "share": 50,
			"text": "REJECTD: sender ID not registered for the country, blocked keywords, or carrier content policy"}]
	}`, string(b))
	var back dlr.Summary
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, s, back)
}

func TestSummaryTextEmpty(t *testing.T) {
	t.Parallel()
	require.Equal(t, "Messages: 0   final: 0   delivered: 0\nDelivery rate: n/a (no final receipts yet)\n", dlr.Summarize(nil).String())
}

func ExampleSummarize() {
	var rs []dlr.Receipt
	add := func(n int, r dlr.Receipt) {
		for i := 0; i < n; i++ {
			r.MessageID = fmt.Sprintf("%s-%d", r.Status, i)
			rs = append(rs, r)
		}
	}
	add(15, dlr.Receipt{Status: status.Delivered})
	add(2, dlr.Receipt{Status: status.Undeliverable, RawError: "21b"})
	add(1, dlr.Receipt{Status: status.Expired})
	add(1, dlr.Receipt{Status: status.Rejected, RawStatus: "Deficient"})
	add(1, dlr.Receipt{Status: status.Enroute})

	s := dlr.Summarize(rs)
	_ = s.WriteText(os.Stdout)
	// Output:
	// Messages: 20   final: 19   delivered: 15
	// Delivery rate: 78.9% of final, 75.0% of all
	// Grade: poor (likely old or purchased lists; stop and clean the data)
	//
	// STATUS     COUNT   SHARE
	// ENROUTE        1    5.0%  ##
	// EXPIRED        1    5.0%  ##
	// UNDELIV        2   10.0%  ####
	// REJECTD        1    5.0%  ##
	// DELIVRD       15   75.0%  ##############################
	//
	// TOP ERRORS
	// CODE            COUNT  MEANING
	// raw 21b             2  -
	//
	// HINTS
	// - many UNDELIV: invalid or inactive numbers; clean the list and validate numbers before sending (2, 10.5% of final)
	// - many EXPIRED: handsets off or out of coverage, or prepaid numbers out of credit; consider scheduling by time of day (1, 5.3% of final)
	// - REJECTD: sender ID not registered for the country, blocked keywords, or carrier content policy (1, 5.3% of final)
	// - rejections for lack of funds: the account's credit is exhausted; top it up before resending (1, 5.3% of final)
}

// TestTopErrorsSkipNoError: "no error" codes on failed receipts (err:000
// beside stat:UNDELIV) say nothing about why, so they are not listed; a
// long code widens the column instead of shifting the counts.
func TestTopErrorsSkipNoError(t *testing.T) {
	t.Parallel()
	rs := []dlr.Receipt{
		{MessageID: "a", Status: status.Undeliverable, RawError: "000", Error: errcode.Code{Namespace: errcode.MAP, Value: 0}},
		{MessageID: "b", Status: status.Undeliverable, RawError: "125", Error: errcode.Code{Namespace: errcode.MessageCenter, Value: 125}},
	}
	s := dlr.Summarize(rs)
	require.Len(t, s.TopErrors, 1)
	require.Equal(t, "message-center:125", s.TopErrors[0].Code)
	var b strings.Builder
	require.NoError(t, s.WriteText(&b))
	require.Contains(t, b.String(), "CODE                COUNT")
	require.Contains(t, b.String(), "message-center:125      1")
}
