// Dlrparse reads SMS delivery receipts in any form dlrkit knows, one per
// line, and writes each as one normalized JSON object.
//
// Usage:
//
//	go run ./examples/dlrparse [flags] [file ...]
//	go run ./examples/dlrparse examples/dlrparse/testdata/day.txt
//	go run ./examples/dlrparse -summary examples/dlrparse/testdata/day.txt
//
// With no file, or the file "-", it reads standard input. Each line is one
// of:
//
//   - SMPP receipt text: id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…
//     (read by smppfmt.Parser.Parse)
//   - the hex of a whole deliver_sm or data_sm PDU, header included
//     (smppfmt.Parser.DecodePDU)
//   - a provider's JSON webhook body, an object or an array (carrier.Parse)
//   - a form body (a=1&b=2) or a callback URL / query string (carrier.Parse)
//
// The form is detected per line; -format forces one. Blank lines and lines
// starting with '#' are skipped. Lines are at most 1 MiB.
//
// Flags:
//
//	-format auto|text|pdu|json|form|query   input form (default auto)
//	-provider NAME   provider of JSON, form and query lines (bulksmsrates, tsg, …); empty detects
//	-tz ZONE         the SMSC's time zone for SMPP receipt dates, an IANA name (default UTC)
//	-errns NS        error-code namespace of SMPP err: fields (default map: 3GPP MAP codes)
//	-summary         print the delivery report instead of the receipts
//
// Each receipt becomes one JSON object: the fields of dlr.Receipt
// (message_id, status as the SMPP word, raw_status, raw_error, to, from,
// submitted_at and done_at in RFC 3339, counts, network, price, text, source,
// extra), "final", "error" with the code's namespace:value, name,
// description and class from the errcode tables, the input "line" number
// (and "file" when there are several inputs), and a "warning" when the
// parser returned a partial result (an unknown status word, …). A JSON
// array yields one object per element, all with the same line number.
//
// A line that yields no receipt gives {"line":N,"parse_error":"…","input":"…"}
// and reading goes on. The exit status is 0 unless the flags are wrong (2)
// or an input cannot be opened or read (1).
//
// With -summary it prints, instead of the receipts, the number of receipts
// and of unreadable lines, then the report of dlr.Summarize written by
// Summary.WriteText: receipts with the same message id are one message
// (merged with dlr.Merge, so order and duplicates do not matter); the
// report shows the count of each status with a bar chart in plain
// characters, the delivery rate over messages with a final status and over
// all, the grade band (above 95% excellent, 90–95% good, 80–90% fair, below
// 80% poor), the most frequent error codes with their meanings and hints
// drawn from the data. All receipts are held in memory for it.
//
// When standard error is a terminal, a progress line is kept there every
// 10,000 lines.
package main
