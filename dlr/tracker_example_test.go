package dlr_test

import (
	"fmt"
	"time"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

// The receipts are constructed.

func ExampleTracker() {
	var tr dlr.Tracker // in memory; 48 h validity for every network
	sent := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

	// A message sent in three parts; each part has its own SMSC id.
	_ = tr.Expect(dlr.Message{ID: "order-17", Parts: []string{"a1", "a2", "a3"}, To: "+64210000000", SentAt: sent})

	// Receipts arrive per part, out of order and duplicated. A part with no
	// news yet holds the message at none; a failed part decides it.
	for _, r := range []dlr.Receipt{
		{MessageID: "a1", Status: status.Enroute},
		{MessageID: "a3", Status: status.Enroute},
		{MessageID: "a2", Status: status.Delivered},
		{MessageID: "a2", Status: status.Delivered},
		{MessageID: "a1", Status: status.Delivered},
		{MessageID: "a1", Status: status.Enroute},
		{MessageID: "a3", Status: status.Undeliverable, RawError: "001"},
	} {
		c, _ := tr.Observe(r)
		fmt.Printf("part %d %s %-9s message %s -> %s\n", c.Part, r.Status, c.Transition, word(c.Previous), word(c.Status))
	}
	st, _, _ := tr.Get("order-17")
	f, _ := st.Failure()
	fmt.Printf("%s: %s, part %d failed with err %s\n", st.ID, st.Status, f.Part, f.Receipt.RawError)
	// Output:
	// part 1 ENROUTE advanced  message (none) -> (none)
	// part 3 ENROUTE advanced  message (none) -> (none)
	// part 2 DELIVRD advanced  message (none) -> ENROUTE
	// part 2 DELIVRD duplicate message ENROUTE -> ENROUTE
	// part 1 DELIVRD advanced  message ENROUTE -> ENROUTE
	// part 1 ENROUTE stale     message ENROUTE -> ENROUTE
	// part 3 UNDELIV advanced  message ENROUTE -> UNDELIV
	// order-17: UNDELIV, part 3 failed with err 001
}

func ExampleTracker_Sweep() {
	tr := dlr.Tracker{Grace: time.Hour}
	sent := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	_ = tr.Expect(dlr.Message{ID: "m1", SentAt: sent})
	_, _ = tr.Observe(dlr.Receipt{MessageID: "m1", Status: status.Enroute})

	// No final receipt within 48 h plus the grace hour.
	changes, _ := tr.Sweep(sent.Add(49 * time.Hour))
	st, _, _ := tr.Get("m1")
	fmt.Println(len(changes), st.Status, "-", st.Reason())

	// The carrier's EXPIRED receipt comes after all: it still counts.
	c, _ := tr.Observe(dlr.Receipt{MessageID: "m1", Status: status.Expired})
	fmt.Println(c.Transition, c.Status)
	// Output:
	// 1 UNKNOWN - no delivery receipt received from the carrier within the timeout window
	// resolved EXPIRED
}

// word names a status for printing: "(none)" for None.
func word(s status.Status) string {
	if s == status.None {
		return "(none)"
	}
	return s.String()
}
