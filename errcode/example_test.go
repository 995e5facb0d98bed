package errcode_test

import (
	"fmt"

	"github.com/dlrkit/dlrkit/errcode"
)

func ExampleLookup() {
	// The same number means different things in different namespaces.
	for _, c := range []errcode.Code{
		{Namespace: errcode.MAP, Value: 32},
		{Namespace: errcode.BulkSMSRates, Value: 32},
		{Namespace: errcode.MAP, Value: 27},
		{Namespace: errcode.SMPP, Value: 0x58},
	} {
		info, ok := errcode.Lookup(c)
		fmt.Printf("%-15s %v %s, %s, implies %s, retry: %v\n", c, ok, info.Name, info.Class, info.Implies, info.Class.Retryable())
	}
	_, ok := errcode.Lookup(errcode.Code{Namespace: errcode.MAP, Value: 999})
	fmt.Println("map:999 known:", ok)
	// Output:
	// map:32          true sm-DeliveryFailure, unknown, implies UNDELIV, retry: true
	// bulksmsrates:32 true SMS barred, permanent, implies UNDELIV, retry: false
	// map:27          true absentSubscriber, temporary, implies UNDELIV, retry: true
	// smpp:88         true ESME_RTHROTTLED, temporary, implies REJECTD, retry: true
	// map:999 known: false
}

func ExampleRead() {
	// err: values as receipts carry them; a non-number keeps only its raw text.
	for _, raw := range []string{"000", "027", "0000", "0x00000045", "21b", ""} {
		c, ok := errcode.Read(errcode.MAP, raw)
		fmt.Printf("%q -> %q %v\n", raw, c, ok)
	}
	// Output:
	// "000" -> "map:0" true
	// "027" -> "map:27" true
	// "0000" -> "map:0" true
	// "0x00000045" -> "map:69" true
	// "21b" -> "" false
	// "" -> "" false
}

func ExampleFromNetworkErrorCode() {
	// network_error_code TLV 0x0423 = 03 00 22: GSM (read as MAP), code 34.
	tlv := []byte{0x03, 0x00, 0x22}
	c, _ := errcode.FromNetworkErrorCode(tlv[0], uint16(tlv[1])<<8|uint16(tlv[2]))
	info, _ := errcode.Lookup(c)
	fmt.Println(c, info.Name, info.Class)
	// Output:
	// map:34 systemFailure temporary
}
