package fuzz

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/smppfmt"
	"github.com/dlrkit/dlrkit/status"
)

// trackerIDs are the ids whose States are compared: the expected message's
// own id, its two part ids, the decimal and hexadecimal spellings of one
// number (equal under smppfmt.CanonicalID), and a stray id. Receipts carry
// any of them, the message's own id included
// (TestRegressionTrackerMessageIDReceipt).
var trackerIDs = []string{"m", "16", "p2", "0016", "10", "x"}

var trackedMessage = dlr.Message{
	ID: "m", Parts: []string{"16", "p2"}, To: "+447700900000", Network: "EE",
	SentAt: time.Date(2025, 2, 14, 10, 30, 0, 0, time.UTC),
}

// trackerEvent is a receipt, or Expect when expect is set.
type trackerEvent struct {
	expect bool
	r      dlr.Receipt
}

// trackerEvents reads three bytes per receipt: the id and the status, then
// the error code, raw status, recipient and network.
func trackerEvents(data []byte) []trackerEvent {
	var out []trackerEvent
	for len(data) >= 3 && len(out) < 24 {
		a, b, c := data[0], data[1], data[2]
		data = data[3:]
		r := dlr.Receipt{
			MessageID: trackerIDs[int(a)%len(trackerIDs)],
			Status:    status.Status(b % 12), // 11 is out of range
			RawStatus: []string{"", "DELIVRD", "x"}[(a/8)%3],
			RawError:  []string{"", "000", "027", "21b"}[c%4],
			To:        []string{"", "+447700900000", "+447700900001"}[(c/4)%3],
			Network:   []string{"", "EE", "Vodafone"}[(c/16)%3],
		}
		if c&0x80 != 0 {
			r.Error = errcode.Code{Namespace: errcode.MAP, Value: uint32(b % 5)}
		}
		out = append(out, trackerEvent{r: r})
	}
	return out
}

func runTracker(t *testing.T, canonical bool, evs []trackerEvent) map[string]dlr.State {
	t.Helper()
	var tr dlr.Tracker
	if canonical {
		tr.CanonicalID = smppfmt.CanonicalID
	}
	for _, e := range evs {
		if e.expect {
			if err := tr.Expect(trackedMessage); err != nil {
				t.Fatalf("Expect: %v", err)
			}
			continue
		}
		if _, err := tr.Observe(e.r); err != nil {
			t.Fatalf("Observe(%+v): %v", e.r, err)
		}
	}
	out := map[string]dlr.State{}
	for _, id := range trackerIDs {
		st, ok, err := tr.Get(id)
		if err != nil {
			t.Fatalf("Get(%q): %v", id, err)
		}
		if ok {
			out[id] = st
		}
	}
	return out
}

var stateOpts = cmp.Options{cmp.AllowUnexported(dlr.Parts{}), cmpopts.EquateEmpty()}

// FuzzTrackerLaws observes a random receipt sequence into a dlr.Tracker
// (with Expect of one two-part message at a random place) in the input
// order and in a second, fuzz-chosen order with some receipts repeated and
// Expect elsewhere, with and without smppfmt.CanonicalID; the States of
// every id must be identical, compared field by field and as JSON.
func FuzzTrackerLaws(f *testing.F) {
	// DELIVRD for one part, ENROUTE then UNDELIV for the other (map error).
	f.Add([]byte{1, 3, 0, 2, 2, 1, 2, 10, 0x81}, []byte{2, 1, 0}, uint8(0), uint8(3), false)
	// The two spellings of part 16 (decimal, hex) with CanonicalID.
	f.Add([]byte{3, 3, 0, 4, 10, 0x82, 1, 8, 0x83}, []byte{0, 0, 0}, uint8(3), uint8(0), true)
	// Receipts for a stray id and the hex spelling of part 16 (a stray
	// without CanonicalID), UNKNOWN resolved by a final, two conflicting finals.
	f.Add([]byte{4, 2, 0, 3, 4, 0, 3, 10, 5, 3, 8, 6, 4, 9, 2}, []byte{4, 3, 2, 1, 0}, uint8(1), uint8(5), false)
	// Failures on both parts with different recipients and networks.
	f.Add([]byte{1, 10, 0x95, 2, 8, 0xa6, 1, 9, 0x07, 2, 10, 0x00}, []byte{1, 3, 0, 2}, uint8(2), uint8(4), true)
	// Out-of-range status values and repeats only.
	f.Add([]byte{1, 11, 0, 1, 11, 0, 2, 0, 0}, []byte{}, uint8(0), uint8(0), false)
	f.Fuzz(func(t *testing.T, data, perm []byte, expA, expB uint8, canonical bool) {
		rs := trackerEvents(data)
		withExpect := func(evs []trackerEvent, at uint8) []trackerEvent {
			i := int(at) % (len(evs) + 1)
			out := append(append([]trackerEvent(nil), evs[:i]...), trackerEvent{expect: true})
			return append(out, evs[i:]...)
		}
		a := withExpect(rs, expA)

		// A second order: a Fisher-Yates shuffle driven by perm, then
		// the receipts perm's remaining bytes pick appended again.
		b := append([]trackerEvent(nil), rs...)
		for i := len(b) - 1; i > 0 && len(perm) > 0; i-- {
			j := int(perm[0]) % (i + 1)
			perm = perm[1:]
			b[i], b[j] = b[j], b[i]
		}
		for _, p := range perm {
			if len(rs) > 0 && len(b) < 48 {
				b = append(b, rs[int(p)%len(rs)])
			}
		}
		b = withExpect(b, expB)

		want := runTracker(t, canonical, a)
		got := runTracker(t, canonical, b)
		if d := cmp.Diff(want, got, stateOpts); d != "" {
			t.Fatalf("states differ (-first order +second):\n%s", d)
		}
		wj, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		gj, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		if string(wj) != string(gj) {
			t.Fatalf("JSON differs:\n%s\n%s", wj, gj)
		}
	})
}

// TestRegressionTrackerMessageIDReceipt: a receipt whose MessageID is the id
// of an expected multi-part message (not one of its part ids) was refused
// with ErrUnknownPart after Expect but folded into part 1 before it, so the
// State depended on whether Expect came first (found by FuzzTrackerLaws).
// Both orders now count it for the first part.
func TestRegressionTrackerMessageIDReceipt(t *testing.T) {
	t.Parallel()
	for _, part := range []int{0, 2} {
		r := dlr.Receipt{MessageID: "m", Part: part, Status: status.Delivered}
		var first, last dlr.Tracker
		require.NoError(t, first.Expect(trackedMessage))
		_, errFirst := first.Observe(r)
		_, errLast := last.Observe(r)
		require.NoError(t, last.Expect(trackedMessage))
		a, _, _ := first.Get("m")
		b, _, _ := last.Get("m")
		if (errFirst == nil) != (errLast == nil) {
			t.Errorf("Part %d: Observe after Expect: %v; before Expect: %v", part, errFirst, errLast)
		}
		if d := cmp.Diff(a, b, stateOpts); d != "" {
			t.Errorf("Part %d: Expect first vs last (-first +last):\n%s", part, d)
		}
	}
}
