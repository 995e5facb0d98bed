// Smppreceiver binds to an SMSC as an SMPP receiver and prints every
// delivery receipt it gets (deliver_sm or data_sm) as one JSON object per
// line, normalized by dlrkit's smppfmt package.
//
// Usage:
//
//	go run ./examples/smppreceiver -addr smsc.example.net:2775 -system-id ID -password PW
//
// Flags:
//
//	-addr        SMSC host:port (default 127.0.0.1:2775)
//	-system-id   bind system_id
//	-password    bind password; or set SMPP_PASSWORD
//	-system-type bind system_type
//	-bind        rx (receiver, the default) or trx (transceiver)
//	-tz          the SMSC's time zone for receipt dates (IANA name; default UTC)
//	-errns       namespace of the receipt text's err: field (default map)
//	-rebind      wait between rebinds after the SMSC drops the session; 0 exits instead
//
// Each line is the receipt as dlrkit normalizes it (message_id, status,
// raw_status, raw_error, error with its meaning and class, to, from,
// submitted_at, done_at, text, extra, …) plus the PDU's "command" and
// "sequence". A PDU that is not a receipt, or that smppfmt cannot read,
// gives a line with "parse_error" and the PDU in hex ("pdu_hex").
//
// The program is built on github.com/linxGnu/gosmpp v0.3.1. That library
// answers deliver_sm_resp/data_sm_resp itself before the program sees the
// PDU, and hands over parsed structs only; to give smppfmt the exact bytes
// from the wire (TLV order, data_coding and empty TLVs intact) the program
// wraps the connection and keeps each deliver_sm and data_sm by sequence
// number. SIGINT or SIGTERM unbinds and exits.
//
// The test in this directory runs the program's receiver against a real SMSC
// peer, node-smpp (npm smpp 0.5.1), started from smsc/smsc.js, and compares
// every field the SMSC put in each of its 24 receipt PDUs with what smppfmt
// decoded. It needs node and `npm ci` in smsc/; it skips with a message
// when node is missing, or when smsc/node_modules is missing outside CI
// (with CI set, missing dependencies fail the test).
package main
