// Package carrier turns what an SMS provider sends to a delivery-receipt
// webhook into [dlr.Receipt] values.
//
// # Contract
//
//	rs, err := carrier.Parse(body, carrier.Meta{ContentType: ct, RawQuery: q, Provider: "tsg"})
//
// Parse is a pure function of the body and [Meta] (no *http.Request, no
// clock, no globals). It returns one receipt per message, part or
// recipient the callback reports, in input order. A [Parser] holds the
// settings (time zone for zone-less timestamps, bounds); the zero Parser,
// which the package-level functions use, reads zone-less times in UTC.
//
// Every receipt has Source.Provider set to the adapter's name and
// Source.Format to json, form or query. RawStatus and RawError keep the
// provider's own words; Price keeps the exact decimal text ("0.0300"); every
// field the adapter does not map is kept in Extra, in input order (JSON
// values that are not strings as their JSON text).
//
// # Providers
//
//	name            transport                     adapter
//	bulksmsrates    JSON object or array          BulkSMSRates webhook
//	tsg             JSON object (or array)        TSG Global sms_dlr / mms_dlr
//	kannel          GET query                     Kannel dlr-url callback
//	jasmin          GET query or POST form        Jasmin HTTP DLR, levels 1, 2, 3
//	generic         JSON, form or query           common field names, documented vocabulary
//
// These names are reserved for adapters to come and give
// ErrUnknownProvider today: twilio, vonage, vonage-messages, plivo, sinch,
// infobip, telnyx, messagebird, aws, clickatell, africastalking, bandwidth,
// bsg.
//
// # Formats
//
// An empty (or all-space) body means a GET callback: the fields are read
// from Meta.RawQuery, or from Meta.Query when RawQuery is empty (url.Values
// has no order, so Extra is then sorted by key). Otherwise the body is JSON
// when Content-Type is application/json, text/json or +json, a form when it
// is application/x-www-form-urlencoded or text/plain; with no Content-Type
// a body starting with '{' or '[' is JSON and anything else a form. Other
// types are ErrWrongFormat. Forms follow url.ParseQuery's rules ('&'
// separators, '+' is a space; ';' and bad escapes are ErrMalformed).
//
// # Detection
//
// With Meta.Provider empty, Parse calls [Detect]. Detection looks at the
// fields of the body's object (the first element of an array) or of the
// form or query, and applies one rule per provider:
//
//	bulksmsrates   JSON with message_id and status, and delivered_at, submitted_at or event "delivery_report"
//	tsg            JSON with object "sms_dlr" or "mms_dlr"
//	kannel         form or query with a value that is SMPP receipt text (starts "id:", has " stat:"), and no "level"
//	jasmin         form or query with id, message_status and level
//
// Exactly one match names the provider. No match is ErrUnknownProvider;
// several are ErrAmbiguous; both come in a [*DetectError] listing the
// candidates. Detection never picks generic: name it in Meta.Provider.
//
// # Bounds
//
// Body and query string: Parser.MaxBody bytes (default 1 MiB). Receipts or
// form fields in one body: Parser.MaxBatch (default 1000). JSON nesting:
// Parser.MaxDepth (default 32). Exceeding any is ErrTooLarge.
//
// # Errors
//
// Parse returns either receipts or a [*ParseError] (or [*DetectError])
// whose Err is one of ErrMalformed, ErrTooLarge, ErrUnknownProvider,
// ErrAmbiguous, ErrWrongFormat, ErrNotReceipt, ErrMissingID,
// ErrMissingStatus; test with errors.Is. A ParseError names the provider,
// the position in a batch, the field and, for JSON syntax, the byte offset.
//
// Well-formed input with a value the adapter does not understand (a status
// word outside the vocabulary, a timestamp in no known layout) is not a
// failure: Parse returns the complete receipts AND a [*ValueError] listing
// the values (errors.Is(err, ErrUnknownValue)). An unknown status word
// gives status UNKNOWN with RawStatus kept.
//
// # Notable divergences
//
//   - JSON numbers are never converted to floats; cost 0.0300 is "0.0300".
//   - Invalid UTF-8 in JSON strings becomes U+FFFD, as in encoding/json;
//     duplicate keys are all seen (the last mapped one wins, as in
//     encoding/json).
package carrier
