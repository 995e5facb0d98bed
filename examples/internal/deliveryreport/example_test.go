package deliveryreport_test

import (
	"os"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/examples/internal/deliveryreport"
	"github.com/dlrkit/dlrkit/status"
)

func Example() {
	rep := deliveryreport.New()
	for _, r := range []dlr.Receipt{
		{MessageID: "a", Status: status.Enroute},
		{MessageID: "a", Status: status.Delivered}, // merged with the receipt above
		{MessageID: "b", Status: status.Delivered},
		{MessageID: "c", Status: status.Delivered},
		{MessageID: "d", Status: status.Expired},
	} {
		rep.Add(r)
	}
	_ = rep.Summary().WriteText(os.Stdout)
	// Output:
	// Delivery report: 5 receipts, 4 messages, 0 unreadable lines
	//
	//   DELIVRD        3   75.0%  ########################################
	//   EXPIRED        1   25.0%  ##############
	//
	// Delivery rate: 75.0% of messages with a final status (3/4), 75.0% of all (3/4)
	// Grade: Poor (likely old or purchased lists; stop and clean the data)
	//
	// Hints:
	//   - many EXPIRED: handsets off or out of coverage, or prepaid numbers out of credit; consider time-of-day scheduling
}
