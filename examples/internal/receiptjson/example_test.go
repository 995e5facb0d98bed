package receiptjson_test

import (
	"os"
	"time"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/examples/internal/receiptjson"
	"github.com/dlrkit/dlrkit/status"
)

func Example() {
	r := dlr.Receipt{
		MessageID: "0059113978",
		Status:    status.Delivered,
		RawStatus: "DELIVRD",
		RawError:  "000",
		DoneAt:    time.Date(2010, 2, 10, 17, 31, 0, 0, time.UTC),
		Source:    dlr.Source{Format: dlr.FormatSMPPText},
	}
	o := receiptjson.New(r, nil)
	o.Line = 1
	_ = receiptjson.NewEncoder(os.Stdout).Encode(o)
	// Output:
	// {"line":1,"message_id":"0059113978","status":"DELIVRD","raw_status":"DELIVRD","raw_error":"000","done_at":"2010-02-10T17:31:00Z","source":{"format":"smpp-text"},"final":true}
}
