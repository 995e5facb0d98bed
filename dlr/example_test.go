package dlr_test

import (
	"fmt"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

func ExampleMerge() {
	// The delivery receipt overtook the "sent" notice.
	delivered := dlr.Receipt{MessageID: "m1", Status: status.Delivered, RawStatus: "delivered"}
	sent := dlr.Receipt{MessageID: "m1", Status: status.Enroute, RawStatus: "sent", To: "+447700900000"}
	m := dlr.Merge(delivered, sent)
	fmt.Println(m.Status, m.RawStatus, m.To)
	// Output: DELIVRD delivered +447700900000
}
