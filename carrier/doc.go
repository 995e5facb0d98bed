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
//	twilio          POST form (GET query too)   2xx (not verified)
//	vonage          GET query, POST form, JSON  200 or 204 fast (3 s connect, 15 s response; retried up to 72 h)
//	vonage-messages JSON object                 200 (429 and 5xx retried with backoff for 24 h)
//	plivo           POST form (GET query too)   2xx (not verified)
//	sinch           JSON object                 2xx (5xx and 429 retried from 5 s, doubling, for ~22 h; other 4xx not)
//	infobip         JSON {"results":[…]}        2xx (not verified)
//	telnyx          JSON event                  2xx within 2 s (3 attempts per URL, then the failover URL)
//	messagebird     GET query                   200 (not verified)
//	aws             JSON record or envelope     — (events go to Firehose, CloudWatch or SNS; SNS over HTTP wants 2xx)
//	clickatell      JSON object                 200 (not verified)
//	africastalking  POST form                   200 (not verified)
//	bandwidth       JSON array                  2xx within 10 s, body under 16 kB (retried for 24 h)
//	bsg             JSON object or array        200 (not verified)
//	generic         JSON, form or query         —
//
// "(not verified)": the provider's retry rules were not found; a 2xx is
// what webhooks generally expect. Parse never writes a response; the HTTP
// handler does. A multi-part or
// multi-recipient callback gives one receipt per part or recipient; the id
// that groups them (Plivo ParentMessageUUID, Sinch batch_id, Infobip
// bulkId, the shared Telnyx or Bandwidth message id of a group message) is
// in Receipt.ParentID, and the part number, where the provider says it
// (Plivo PartInfo), in Receipt.Part. Vonage SMS sends one receipt per part
// with no common id.
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
// The SMS APIs (each adapter's source comment, decodeTwilio and so on,
// has the full field mapping). "Failed inside the provider" is REJECTD,
// "the carrier reported non-delivery" UNDELIV, and read receipts DELIVRD
// with RawStatus keeping "read":
//
//	twilio MessageStatus     queued, accepted, scheduled ACCEPTD; sending, sent ENROUTE; delivered,
//	                         read DELIVRD; undelivered UNDELIV; failed REJECTD; canceled DELETED;
//	                         partially_delivered UNKNOWN; receiving, received: not a receipt
//	vonage status            accepted ACCEPTD; buffered ENROUTE; delivered DELIVRD; failed UNDELIV;
//	                         rejected REJECTD; expired EXPIRED; unknown UNKNOWN; SMPP words as such
//	vonage-messages status   submitted ENROUTE; delivered, read DELIVRD; rejected REJECTD (EXPIRED
//	                         with error 1360, TTL); undeliverable REJECTD (never left Vonage)
//	plivo Status             queued ACCEPTD; sent ENROUTE; delivered, read DELIVRD; undelivered
//	                         UNDELIV; failed, rejected REJECTD
//	sinch status             Queued ACCEPTD; Dispatched ENROUTE; Delivered DELIVRD; Failed UNDELIV;
//	                         Rejected, Aborted REJECTD; Expired EXPIRED; Cancelled, Deleted DELETED;
//	                         Unknown UNKNOWN
//	infobip status.groupName ACCEPTED ACCEPTD; PENDING ENROUTE; DELIVERED DELIVRD; UNDELIVERABLE
//	                         UNDELIV; REJECTED REJECTD; EXPIRED EXPIRED
//	telnyx to[].status       queued, scheduled ACCEPTD; sending, sent ENROUTE; delivered, read DELIVRD;
//	                         delivery_failed UNDELIV; sending_failed REJECTD; expired EXPIRED;
//	                         cancelled DELETED; delivery_unconfirmed UNKNOWN
//	messagebird status       scheduled ACCEPTD; sent, buffered ENROUTE; delivered DELIVRD;
//	                         delivery_failed UNDELIV; expired EXPIRED
//	aws messageStatus        QUEUED ACCEPTD; PENDING, SENT ENROUTE; SUCCESSFUL, DELIVERED DELIVRD;
//	                         UNREACHABLE, CARRIER_UNREACHABLE UNDELIV; INVALID, INVALID_MESSAGE,
//	                         BLOCKED, CARRIER_BLOCKED, SPAM, PROTECT_BLOCKED REJECTD; TTL_EXPIRED
//	                         EXPIRED; UNKNOWN UNKNOWN
//	clickatell statusCode    2, 8, 11 ACCEPTD; 3 ENROUTE; 4 DELIVRD; 7 UNDELIV; 5, 9, 12, 14 REJECTD;
//	                         10 EXPIRED; 6 DELETED; 1 UNKNOWN; a One API status word
//	                         (DEVICE_ACK, DELIVERY_FAILURE, …) decides over the number
//	                         (see the adapter's doc)
//	africastalking status    Sent, Submitted, Buffered ENROUTE; Success DELIVRD; Failed,
//	                         AbsentSubscriber UNDELIV; Rejected REJECTD; Expired EXPIRED
//	bandwidth type           message-sending ENROUTE; message-delivered, message-read DELIVRD; message-failed by
//	                         errorCode: 4360 EXPIRED, 4701/4702 UNDELIV, other 4xxx REJECTD, 5xxx
//	                         UNDELIV, 9902 UNKNOWN (receipt timeout), else UNDELIV
//	bsg status               scheduled, moderation, accepted ACCEPTD; sending, sent ENROUTE;
//	                         delivered, read DELIVRD; undelivered, failed UNDELIV; not_viber_user,
//	                         not_service_user REJECTD; expired EXPIRED; unknown UNKNOWN
//
// Their error codes are read in the errcode namespace of the same name
// (errcode.Twilio, errcode.Vonage, …); Africa's Talking sends a word
// (failureReason), kept in RawError, and AWS sends no code.
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
// Timestamps with a zone keep it; an offset whose '+' was sent unescaped
// in a query or form (and so arrived as a space) is read as '+'. Zone-less ones (TSG, the generic
// adapter, Kannel %t, Plivo, BSG) are read in Parser.Location; SMPP receipt
// dates (Jasmin subdate/donedate, Kannel %A text, Twilio RawDlrDoneDate,
// Vonage scts) in Parser.SMPP.Location, else Parser.Location; nil means
// UTC. Epoch numbers (AWS, Clickatell) are UTC. SMPP dates: 10 digits yyMMddHHmm, 12
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
//	twilio         form or query with MessageSid (or SmsSid) and MessageStatus (or SmsStatus)
//	vonage         messageId and status, and err-code, msisdn, network-code or scts; or (form,
//	               query) a status from Vonage's vocabulary (accepted, buffered, delivered, …)
//	vonage-messages JSON with message_uuid and status
//	plivo          form or query with MessageUUID (any case)
//	sinch          JSON whose type is (recipient_)delivery_report_sms or _mms
//	infobip        JSON whose results array holds objects with messageId and status
//	telnyx         JSON whose data (or the object itself) has record_type "event" and an
//	               event_type "message.*"
//	messagebird    form or query with id, status and statusDatetime
//	aws            JSON with eventType "TEXT_*" and messageId, an EventBridge event from
//	               aws.sms-voice, an SNS Notification whose Message is such a record, or
//	               a Pinpoint "_SMS.*" event
//	clickatell     JSON with messageId and statusCode, or integrationName and event.messageStatusUpdate
//	africastalking form or query with id and status, and an "ATXid_" id, networkCode or
//	               failureReason
//	bandwidth      JSON (array) whose first event has a "message-*" type and a message object
//	bsg            JSON with id, status and time_in, time_sent or time_dr
//
// Exactly one match names the provider. No match is ErrUnknownProvider;
// several are ErrAmbiguous; both come in a [*DetectError] listing the
// candidates. Detection never picks generic: name it in Meta.Provider.
// Kannel callbacks carry only the parameters the application's template
// names, so one without %A receipt text is not detected: name "kannel".
// APIs that copy another provider's callback cannot be told from it and
// are detected as that provider: SignalWire's compatibility API sends
// Twilio's parameters (twilio), Sinch's former Mblox and CLX APIs send
// Sinch's reports (sinch). Minimal callbacks without their distinctive
// fields (a Vonage GET with only messageId and a status outside Vonage's
// vocabulary, a Clickatell body without statusCode) are not detected: name
// the provider.
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
