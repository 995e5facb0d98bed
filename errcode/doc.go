// Package errcode names the error codes that delivery receipts carry, in
// their namespaces, with meaning, permanence and the status they imply.
//
// A receipt's err: field is not standardized (SMPP 3.4 Appendix B says only
// "network specific error code or an SMSC error code"): the same three digits
// are read as 3GPP MAP codes by Kannel, as vendor codes by most providers.
// A [Code] therefore always carries its [Namespace]; [MAP] (3GPP TS 29.002
// §17.6.6) is the default reading of an SMPP receipt.
//
// [Lookup] finds a code's [Info]: name, description, [Class] (permanent,
// temporary, none), the status it implies in a final receipt, and the
// source of the row. The tables are generated from the data files under
// data/ by gen.go (go generate); each row names its source.
package errcode
