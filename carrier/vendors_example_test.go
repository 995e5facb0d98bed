package carrier_test

import (
	"fmt"

	"github.com/dlrkit/dlrkit/carrier"
)

// A Twilio status callback is a form; with no provider named, Parse detects
// it from MessageSid and MessageStatus. "failed" means Twilio could not send
// the message: REJECTD.
func ExampleParse_twilio() {
	body := []byte("ErrorCode=21610&MessageSid=SMe287d7109a5a925f182f0e07fe5b223b&MessageStatus=failed&To=%2B12028831111")
	rs, err := carrier.Parse(body, carrier.Meta{ContentType: "application/x-www-form-urlencoded"})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := rs[0]
	fmt.Println(r.Source.Provider, r.MessageID, r.Status, r.RawStatus, r.Error)
	// Output:
	// twilio SMe287d7109a5a925f182f0e07fe5b223b REJECTD failed twilio:21610
}

// A Sinch full batch report lists recipients per status; Parse returns one
// receipt per recipient, with the batch id in ParentID so that they can be
// aggregated.
func ExampleParse_sinchBatch() {
	body := []byte(`{"type":"delivery_report_sms","batch_id":"01FC66621XXXXX119Z8PMV1QPQ","total_message_count":3,
		"statuses":[{"code":400,"status":"Queued","count":1,"recipients":["123456789"]},
		{"code":0,"status":"Delivered","count":2,"recipients":["987654321","123459876"]}]}`)
	rs, err := carrier.Parse(body, carrier.Meta{ContentType: "application/json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rs {
		fmt.Println(r.ParentID, r.To, r.Status, r.RawStatus)
	}
	// Output:
	// 01FC66621XXXXX119Z8PMV1QPQ 123456789 ACCEPTD Queued
	// 01FC66621XXXXX119Z8PMV1QPQ 987654321 DELIVRD Delivered
	// 01FC66621XXXXX119Z8PMV1QPQ 123459876 DELIVRD Delivered
}
