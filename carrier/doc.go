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
//	twilio          POST form (or GET query)      Twilio Programmable Messaging status callback
//	vonage          GET query, POST form or JSON  Vonage SMS API delivery receipt (one per part)
//	vonage-messages JSON object                   Vonage Messages API status webhook
//	plivo           POST form (or GET query)      Plivo message status callback (one per part)
//	sinch           JSON object                   Sinch SMS REST recipient or batch delivery report
//	infobip         JSON {"results":[…]}          Infobip SMS delivery reports
//	telnyx          JSON event                    Telnyx message.* webhook, one receipt per to[] entry
//	messagebird     GET query                     MessageBird (Bird legacy SMS) status report
//	aws             JSON record or envelope       AWS End User Messaging SMS event (bare, EventBridge, SNS, legacy Pinpoint)
//	clickatell      JSON object                   Clickatell status callback (REST, or wrapped messageStatusUpdate)
//	africastalking  POST form                     Africa's Talking delivery report
//	bandwidth       JSON array                    Bandwidth Messaging v2 message-* callbacks
//	bsg             JSON object or array          BSG status callback
//	generic         JSON, form or query           common field names, documented vocabulary
//
// Each adapter's documentation (decodeTwilio, decodeVonage, …) lists its
// field mapping and its status table. A multi-part or multi-recipient
// callback gives one receipt per part or recipient; the id that groups them
// (Plivo ParentMessageUUID, Sinch batch_id, Infobip bulkId, the shared
// Telnyx or Bandwidth message id) is in Receipt.ParentID, the part number,
// where known, in Receipt.Part.
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
//	twilio         form or query with MessageSid (or SmsSid) and MessageStatus (or SmsStatus)
//	vonage         messageId and status, and err-code, msisdn, network-code or scts; or (form, query)
//	               a status from Vonage's vocabulary (accepted, buffered, delivered, …)
//	vonage-messages JSON with message_uuid and status
//	plivo          form or query with MessageUUID (any case)
//	sinch          JSON whose type is (recipient_)delivery_report_sms or _mms
//	infobip        JSON whose results array holds objects with messageId and status
//	telnyx         JSON whose data has record_type "event" and an event_type "message.*"
//	messagebird    form or query with id, status, and statusDatetime or recipient and reference
//	aws            JSON with eventType "TEXT_*" and messageId, an EventBridge event from
//	               aws.sms-voice, an SNS Notification whose Message is such a record, or
//	               a Pinpoint "_SMS.*" event
//	clickatell     JSON with messageId and statusCode, or integrationName and event.messageStatusUpdate
//	africastalking form or query with id and status, and an "ATXid_" id, or phoneNumber or
//	               failureReason with a status from its vocabulary
//	bandwidth      JSON (array) whose first event has a "message-*" type and a message object
//	bsg            JSON with id, status and time_in, time_sent or time_dr
//
// APIs that copy another provider's callback are indistinguishable from it
// and are detected as that provider: SignalWire's compatibility API sends
// Twilio's parameters (twilio), and Sinch's former Mblox and CLX APIs send
// Sinch's reports (sinch). Minimal callbacks without their distinctive
// fields (a Vonage GET callback with only messageId and a status word
// outside Vonage's vocabulary, a Clickatell body without statusCode) are
// not detected: name the provider.
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
