package carrier_test

import (
	"fmt"
	"net/url"
	"slices"

	"github.com/dlrkit/dlrkit/carrier"
)

func ExampleProviders() {
	// The names are what Meta.Provider takes; generic comes last.
	ps := carrier.Providers()
	fmt.Println(slices.Contains(ps, carrier.BulkSMSRates), slices.Contains(ps, carrier.TSG), ps[len(ps)-1])
	// Output:
	// true true generic
}

// A Jasmin level-2 receipt, posted as a form (values from the level-2/3
// table of Jasmin's HTTP API documentation; the body is constructed).
func ExampleParse_form() {
	body := []byte("id=16fd2706-8baf-433b-82eb-8c7fada847da&level=2&message_status=DELIVRD&connector=demo_cid" +
		"&id_smsc=2567&sub=001&dlvrd=001&subdate=1311022338&donedate=1311022339&err=000&text=Hello+foo+bar")
	rs, err := carrier.Parse(body, carrier.Meta{ContentType: "application/x-www-form-urlencoded"})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := rs[0]
	fmt.Println(r.Source.Provider, r.MessageID, r.Status, r.RawError, r.DoneAt)
	id, _ := r.ExtraValue("id_smsc")
	fmt.Println("SMSC id:", id)
	// Output:
	// jasmin 16fd2706-8baf-433b-82eb-8c7fada847da DELIVRD 000 2013-11-02 23:39:00 +0000 UTC
	// SMSC id: 2567
}

// A Kannel dlr-url callback (GET): the query names nothing that marks it
// as Kannel's, so the provider is given. From nyaruka/courier's Kannel
// handler tests.
func ExampleParse_query() {
	q, _ := url.ParseQuery("id=12345&status=1")
	rs, err := carrier.Parse(nil, carrier.Meta{Query: q, Provider: carrier.Kannel})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rs[0].MessageID, rs[0].Status, rs[0].RawStatus)

	_, err = carrier.Parse(nil, carrier.Meta{Query: q})
	fmt.Println(err)
	// Output:
	// 12345 DELIVRD 1
	// carrier: detect: unknown provider
}
