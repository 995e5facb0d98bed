// Package carrier turns what an SMS provider sends to a delivery-receipt
// webhook into [dlr.Receipt] values.
//
// # Contract
//
//	rs, err := carrier.Parse(body, carrier.Meta{ContentType: ct, RawQuery: q, Provider: "tsg"})
//
// Parse is a pure function of the body and [Meta]: no *http.Request, no
// clock, no globals, no logging. It returns one receipt per message, part
// or recipient the callback reports, in input order. A [Parser] holds the
// settings (time zones, bounds, vocabulary additions); the zero Parser,
// which the package-level functions use, reads zone-less times in UTC.
//
// Every receipt has Source.Provider set to the adapter's name and
// Source.Format to json, form or query. RawStatus and RawError keep the
// provider's own words; Price keeps the exact decimal text ("0.0300", never
// a float); every field the adapter does not map is kept in Extra, in input
// order (JSON values that are not strings as their JSON text: 12, true,
// null, {"a":1}).
//
// # Providers
//
//	name            transport                   the endpoint must answer
//	bulksmsrates    JSON object or array        200 within 10 s (else retried after 1, 5, 15 min)
//	tsg             JSON object (array too)     200
//	kannel          GET query                   any 2xx
//	jasmin          GET query or POST form      200 with the exact body "ACK/Jasmin" (else retried)
//	generic         JSON, form or query         —
//
// Parse never writes a response; the HTTP handler does. These names are
// reserved for adapters to come and give ErrUnknownProvider today: twilio,
// vonage, vonage-messages, plivo, sinch, infobip, telnyx, messagebird, aws,
// clickatell, africastalking, bandwidth, bsg.
//
// # Status vocabularies
//
// BulkSMSRates "status" carries the SMPP words (DELIVRD, UNDELIV, EXPIRED,
// DELETED, UNKNOWN, REJECTD, ENROUTE, ACCEPTD), read with status.Lookup;
// "error_code" is read in errcode.BulkSMSRates (null = no error).
//
// TSG Global "delivery_status" ("delivered" is the only word its docs show;
// the others are assumed) and "delivery_error_code" in errcode.TSG:
//
//	delivered                DELIVRD
//	undelivered, failed      UNDELIV
//	rejected                 REJECTD
//	expired                  EXPIRED
//	accepted, queued         ACCEPTD
//	enroute, sent            ENROUTE
//	deleted                  DELETED
//	unknown, SMPP words      UNKNOWN, as the word says
//
// Kannel %d, read as bit flags (gw/dlr.h):
//
//	1  DELIVRD    2  UNDELIV    4  ENROUTE (buffered on the SMSC)
//	8  ACCEPTD    16 REJECTD    12 ENROUTE
//	34 EXPIRED    66 UNKNOWN    (0x20 and 0x40 qualify a failure)
//
// Jasmin message_status: level 1 is a submit_sm_resp command status,
// ESME_ROK → ACCEPTD, other ESME_R* → REJECTD (RawError keeps the name);
// levels 2 and 3 carry the receipt's SMPP stat word. Its err is read like a
// receipt's err: (Parser.SMPP.Namespace, MAP when unset).
//
// Generic: the SMPP words and message_state names, and
//
//	queued, accepted, failed*      ACCEPTD
//	scheduled                      SCHEDULED
//	sent, submitted, pending,
//	sending, dispatched, buffered  ENROUTE
//	received, delivered, success,
//	successful, read               DELIVRD
//	frozen, rejected, blocked,
//	deficient                      REJECTD
//	expired                        EXPIRED
//	undelivered, undeliverable,
//	delivery_failed, not_delivered UNDELIV
//	deleted, cancelled, canceled   DELETED
//	unknown                        UNKNOWN
//
// (*) The words Queued, Sent, Submitted, Pending, Received, Failed, Frozen,
// Rejected, Expired, Deficient and Unknown are a gateway vocabulary used by
// New Zealand providers. There Failed means "could not be handed to the
// carrier, will be retried" and Frozen "failed 50 times, given up", so
// Failed is NOT final (ACCEPTD, RawStatus "Failed") and Frozen is REJECTD.
// Providers whose "failed" is final need Parser.Vocabulary
// {"failed": status.Undeliverable}. Numbers are not status words in the
// generic vocabulary; an unknown word gives UNKNOWN and a ValueError.
//
// # Formats
//
// An empty (or all-space) body means a GET callback: the fields are read
// from Meta.RawQuery, or from Meta.Query when RawQuery is empty (url.Values
// has no order, so Extra is then sorted by key). Otherwise the body is JSON
// when Content-Type is application/json, text/json or +json, a form when it
// is application/x-www-form-urlencoded; with no Content-Type or text/plain,
// a body starting with '{' or '[' is JSON and anything else a form. Other
// types (multipart/form-data, XML) are ErrWrongFormat. A query string that
// comes with a body is not read (it often holds the application's own
// token, which does not belong in Extra). Forms follow url.ParseQuery's rules ('&'
// separators, '+' is a space; ';' and bad escapes are ErrMalformed).
// Field names are matched exactly by the provider adapters (they are
// documented) and ignoring case, '_', '-', '.' and spaces by the generic
// adapter and Kannel's default parameter names ([KannelParams]).
//
// # Times
//
// Timestamps with a zone keep it. Zone-less ones (TSG, the generic
// adapter, Kannel %t) are read in Parser.Location; SMPP receipt dates
// (Jasmin subdate/donedate, Kannel %A text) in Parser.SMPP.Location, else
// Parser.Location; nil means UTC. SMPP dates: 10 digits yyMMddHHmm, 12
// digits yyMMddHHmmss (or yyyyMMddHHmm when that reading is invalid), 14
// digits yyyyMMddHHmmss; all zeros means absent. A timestamp in no known
// layout (a placeholder such as "date-time") leaves the time zero, keeps
// the text in Extra and is reported in a ValueError.
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
// Kannel callbacks carry only the parameters the application's template
// names, so one without %A receipt text is not detected: name "kannel".
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
// word outside the vocabulary, a timestamp in no known layout, a count that
// is not a number) is not a failure: Parse returns the complete receipts
// AND a [*ValueError] listing the values (errors.Is(err, ErrUnknownValue)).
// An unknown status word gives status UNKNOWN with RawStatus kept.
//
// # Notable divergences
//
//   - JSON numbers are never converted to floats; cost 0.0300 is "0.0300".
//   - JSON is validated as RFC 8259 (what encoding/json accepts); invalid
//     UTF-8 in JSON strings becomes U+FFFD, as in encoding/json. Form and
//     query values are kept as sent, bytes and all.
//   - A repeated field (a duplicate JSON key, a repeated form parameter) is
//     mapped once, from its first occurrence; the repeats stay in Extra.
//     encoding/json would keep the last and drop the others.
//   - The strings of a receipt read from a body of at most 4 KiB share one
//     copy of the body (one allocation); larger bodies get a copy per value,
//     so that keeping one receipt of a batch does not keep the batch.
//   - Generic input with two different message ids (id and message_id) is
//     ErrAmbiguous rather than a guess.
package carrier
