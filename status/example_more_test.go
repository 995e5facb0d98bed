package status_test

import (
	"encoding/json"
	"fmt"

	"github.com/dlrkit/dlrkit/status"
)

func ExampleFromMessageState() {
	// The message_state TLV (0x0427) of a receipt PDU.
	for _, v := range []uint8{2, 5, 9, 42} {
		s, ok := status.FromMessageState(v)
		fmt.Println(v, s, ok)
	}
	// Output:
	// 2 DELIVRD true
	// 5 UNDELIV true
	// 9 SKIPPED true
	// 42  false
}

func ExampleStatus() {
	// A Status marshals as its SMPP word and reads back from any accepted
	// spelling; the zero value is None: nothing known yet.
	var r struct {
		Status status.Status `json:"status"`
	}
	_ = json.Unmarshal([]byte(`{"status":"delivered"}`), &r)
	b, _ := json.Marshal(r)
	fmt.Println(string(b), r.Status.Final(), r.Status.Failed())

	var none status.Status
	fmt.Printf("%q %v\n", none, none == status.None)
	// Output:
	// {"status":"DELIVRD"} true false
	// "" true
}
