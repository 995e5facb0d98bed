package status_test

import (
	"fmt"

	"github.com/dlrkit/dlrkit/status"
)

func ExampleNext() {
	// Receipts arrive out of order: the delivery first, then a late ENROUTE.
	cur := status.None
	for _, in := range []status.Status{status.Delivered, status.Enroute, status.Delivered} {
		var tr status.Transition
		cur, tr = status.Next(cur, in)
		fmt.Println(in, "->", cur, tr)
	}
	// Output:
	// DELIVRD -> DELIVRD advanced
	// ENROUTE -> DELIVRD stale
	// DELIVRD -> DELIVRD duplicate
}

func ExampleParse() {
	s, err := status.Parse("undeliverable")
	fmt.Println(s, s.Final(), s.Failed(), err)
	_, err = status.Parse("FAILED")
	fmt.Println(err)
	// Output:
	// UNDELIV true true <nil>
	// status: "FAILED": not a status word
}
