package dlr_test

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

// The receipts are constructed.

func ExampleReceipt_Key() {
	done := time.Date(2026, 3, 1, 9, 0, 5, 0, time.UTC)
	r := dlr.Receipt{MessageID: "m1", Status: status.Delivered, RawStatus: "DELIVRD", DoneAt: done,
		Source: dlr.Source{Format: dlr.FormatJSON, Provider: "bulksmsrates"}}
	retry := r // the provider sent the same receipt again
	later := r // a different receipt about the same message
	later.Status, later.RawStatus = status.Undeliverable, "UNDELIV"

	seen := map[string]bool{} // a unique index in a real store
	for _, x := range []dlr.Receipt{r, retry, later} {
		k := x.Key()
		fmt.Println(len(k), x.RawStatus, "new:", !seen[k])
		seen[k] = true
	}
	// Output:
	// 32 DELIVRD new: true
	// 32 DELIVRD new: false
	// 32 UNDELIV new: true
}

func ExampleTracker_Summarize() {
	var tr dlr.Tracker
	sent := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, id := range []string{"m1", "m2", "m3", "m4"} {
		_ = tr.Expect(dlr.Message{ID: id, SentAt: sent})
	}
	for _, r := range []dlr.Receipt{
		{MessageID: "m1", Status: status.Delivered},
		{MessageID: "m2", Status: status.Delivered},
		{MessageID: "m3", Status: status.Undeliverable, RawError: "001"},
		{MessageID: "m1", Status: status.Enroute}, // late: does not undo the delivery
	} {
		_, _ = tr.Observe(r)
	}
	s, err := tr.Summarize()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d messages, %d final, %d delivered, %.1f%% of final (%s)\n",
		s.Messages, s.Final, s.Delivered, s.DeliveryRate, s.Grade)
	for _, c := range s.Statuses {
		fmt.Printf("%q %d\n", c.Status, c.Count)
	}
	// Output:
	// 4 messages, 3 final, 2 delivered, 66.7% of final (poor)
	// "" 1
	// "UNDELIV" 1
	// "DELIVRD" 2
}

func ExampleSummary_WriteText() {
	s := dlr.Summarize([]dlr.Receipt{
		{MessageID: "m1", Status: status.Delivered},
		{MessageID: "m2", Status: status.Delivered},
		{MessageID: "m3", Status: status.Delivered},
		{MessageID: "m4", Status: status.Enroute},
	})
	_ = s.WriteText(os.Stdout)
	// Output:
	// Messages: 4   final: 3   delivered: 3
	// Delivery rate: 100.0% of final, 75.0% of all
	// Grade: excellent (healthy list)
	//
	// STATUS     COUNT   SHARE
	// ENROUTE        1   25.0%  ##########
	// DELIVRD        3   75.0%  ##############################
}

func ExampleSummary_json() {
	s := dlr.Summarize([]dlr.Receipt{
		{MessageID: "m1", Status: status.Delivered},
		{MessageID: "m2", Status: status.Expired, RawError: "027"},
	})
	b, _ := json.Marshal(s)
	fmt.Println(string(b))
	// Output:
	// {"messages":2,"final":2,"delivered":1,"statuses":[{"status":"EXPIRED","count":1},{"status":"DELIVRD","count":1}],"delivery_rate":50,"delivery_rate_all":50,"grade":"poor","top_errors":[{"raw":"027","count":1}],"hints":[{"kind":"expired","count":1,"share":50,"text":"many EXPIRED: handsets off or out of coverage, or prepaid numbers out of credit; consider scheduling by time of day"}]}
}

func ExampleGradeOf() {
	for _, n := range []int{96, 95, 90, 85, 79} {
		fmt.Println(n, "of 100:", dlr.GradeOf(n, 100))
	}
	// Output:
	// 96 of 100: excellent
	// 95 of 100: good
	// 90 of 100: good
	// 85 of 100: fair
	// 79 of 100: poor
}
