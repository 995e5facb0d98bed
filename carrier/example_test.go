package carrier_test

import (
	"errors"
	"fmt"
	"time"
	_ "time/tzdata" // the examples must not depend on the system zone database

	"github.com/dlrkit/dlrkit/carrier"
)

func ExampleParse() {
	body := []byte(`{"message_id":"msg_550e8400e29b41d4","to":"+447700900000","status":"DELIVRD",` +
		`"error_code":"000","submitted_at":"2025-02-14T10:30:00Z","delivered_at":"2025-02-14T10:30:02Z",` +
		`"network":"EE UK","segments":1,"cost":0.0300,"currency":"GBP"}`)
	rs, err := carrier.Parse(body, carrier.Meta{ContentType: "application/json", Provider: carrier.BulkSMSRates})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rs {
		fmt.Println(r.MessageID, r.Status, r.Status.Final(), r.Price, r.Currency, r.DoneAt.Sub(r.SubmittedAt))
	}
	// Output:
	// msg_550e8400e29b41d4 DELIVRD true 0.0300 GBP 2s
}

// An unknown status word is not a failure: the receipt comes back with
// status UNKNOWN and the word kept, and the error says what was not
// understood.
func ExampleParse_unknownStatus() {
	body := []byte(`{"message_id":"msg_1","status":"PARKED","delivered_at":"2025-02-14T10:30:02Z"}`)
	rs, err := carrier.Parse(body, carrier.Meta{Provider: carrier.BulkSMSRates})
	var ve *carrier.ValueError
	if errors.As(err, &ve) {
		fmt.Println(err)
	}
	fmt.Println(rs[0].MessageID, rs[0].Status, rs[0].RawStatus)
	// Output:
	// carrier: bulksmsrates: status "PARKED": value not recognized
	// msg_1 UNKNOWN PARKED
}

func ExampleDetect() {
	tsg := []byte(`{"delivery_status":"delivered","object":"sms_dlr","sms":{"id":"a4c56a01"}}`)
	name, err := carrier.Detect(tsg, carrier.Meta{ContentType: "application/json"})
	fmt.Println(name, err)

	_, err = carrier.Detect([]byte(`{"hello":"world"}`), carrier.Meta{})
	fmt.Println(errors.Is(err, carrier.ErrUnknownProvider))
	// Output:
	// tsg <nil>
	// true
}

// TSG Global timestamps carry no zone; a Parser reads them in its Location.
func ExampleParser() {
	body := []byte(`{"delivery_status":"delivered","done_at":"2022-04-13T21:35:00","object":"sms_dlr","sms":{"id":"a4c56a01"}}`)
	nyc, err := time.LoadLocation("America/New_York")
	if err != nil {
		fmt.Println(err)
		return
	}
	p := carrier.Parser{Location: nyc}
	rs, err := p.Parse(body, carrier.Meta{ContentType: "application/json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rs[0].MessageID, rs[0].Status, rs[0].DoneAt.UTC())
	// Output:
	// a4c56a01 DELIVRD 2022-04-14 01:35:00 +0000 UTC
}
