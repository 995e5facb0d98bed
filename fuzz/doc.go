// Package fuzz holds the module's cross-package fuzz targets: properties
// that span packages (round trips between formatter and parser, the webhook
// handler end to end, the laws of status.Next, dlr.Merge and dlr.Tracker on
// random receipt sequences) and resource bounds on hostile input.
//
// The targets:
//
//   - FuzzSMPPTextRoundTrip: smppfmt.Format, ParseFields, Format again, and
//     Parse, for the Fields that Format can write unambiguously;
//   - FuzzDecodePDUMutated: smppfmt.DecodePDU on the PDU fixtures of
//     smppfmt/testdata/pdu with lengths, TLVs, esm_class and data_coding
//     changed, truncated or extended: no receipt from inconsistent lengths;
//   - FuzzCarrierAnyBytes: carrier.Parse on any body and query with every
//     content type and provider name: receipts or a typed error;
//   - FuzzWebhookEndToEnd: webhook.Handler with random requests, signed or
//     not: no 2xx unless the sink stored the receipts, no sink call for a
//     signature that does not verify;
//   - FuzzNextLaws, FuzzMergeLaws, FuzzTrackerLaws: order and repetition of
//     receipts never change the result.
//
// TestBounds* check that a 10 MiB body, a 10⁶-element array, 10⁵-deep
// nesting and a 10 MiB line are refused with the size error while
// allocating no more than about twice the bound. TestRegression* tests
// record known faults; they are skipped until the fault is fixed.
//
// Each package also has its own targets beside its tests. fuzz/run.sh runs
// every target in the module for a given time; CI runs each briefly.
// Failing inputs found by the fuzzer are committed under
// testdata/fuzz/<Target>/ as regression seeds and then run by every plain
// go test.
package fuzz
