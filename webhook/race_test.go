//go:build race

package webhook_test

// The race detector slows the loopback load test about tenfold; it then
// sends fewer receipts.
const raceEnabled = true
