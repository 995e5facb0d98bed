package errcode_test

import (
	"fmt"

	"github.com/dlrkit/dlrkit/errcode"
)

func ExampleParseNamespace() {
	// A namespace chosen by name, say from a configuration file: the err:
	// field of one SMSC's receipts holds SMPP command_status values.
	ns, ok := errcode.ParseNamespace("smpp")
	fmt.Println(ns, ok)
	c, _ := errcode.Read(ns, "0x00000058")
	info, _ := errcode.Lookup(c)
	fmt.Println(c, info.Name, info.Class)

	_, ok = errcode.ParseNamespace("klingon")
	fmt.Println(ok)
	// Output:
	// smpp true
	// smpp:88 ESME_RTHROTTLED temporary
	// false
}
