// Package fuzz holds the module's cross-package fuzz targets: properties
// that span packages (round trips between formatter and parser, the webhook
// handler end to end, the laws of status.Next, dlr.Merge and dlr.Tracker on
// random receipt sequences) and resource bounds on hostile input.
//
// Each package also has its own targets beside its tests. fuzz/run.sh runs
// every target in the module for a given time; CI runs each briefly.
// Failing inputs found by the fuzzer are committed under
// testdata/fuzz/<Target>/ as regression seeds and then run by every plain
// go test.
package fuzz
