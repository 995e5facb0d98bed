// Package smppfmt reads and writes SMPP delivery receipts. The receipt
// text is read by [ParseFields] and [Parse] (settings in [Parser]) and
// written by [Format]; whole deliver_sm and data_sm PDUs are read by
// [DecodePDU], or from an SMPP library's decoded fields by
// [Parser.DecodeParts]; [SameID] matches the decimal and hexadecimal forms
// of a message id. Receipts come back as dlr.Receipt values (package dlr);
// error codes are errcode.Code values, read as 3GPP MAP codes unless
// [Parser.Namespace] says otherwise.
//
// # The receipt text
//
// An SMSC reports the fate of a message in the short_message (or
// message_payload) of a deliver_sm or data_sm, as text laid out in SMPP 3.4
// Appendix B:
//
//	id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:…
//
// The appendix calls the layout vendor specific, and SMSCs differ. [ParseFields]
// returns the fields exactly as sent ([Fields]); [Parse] returns a
// normalized [dlr.Receipt] with Source.Format [dlr.FormatSMPPText]: MessageID
// from id, Status and RawStatus from stat, Error and RawError from err,
// SubmittedAt and DoneAt from the dates, Submitted and Delivered from sub
// and dlvrd, Text from text, and every other pair in Extra.
//
// # What is accepted
//
// The text is read in one pass over its bytes. A key is recognized at the
// start of the text or after whitespace or ';', in any ASCII case and in any
// order: id, sub, dlvrd, submit date, done date, stat, err, text, and the
// aliases submit_date, done_date and txt (CNGP/SMGP gateways). A value may
// follow its colon after spaces or tabs ("err: 0"); if a key follows them
// instead, the value is empty ("sub: dlvrd:1").
//
//   - Scalar values end at whitespace or ';'. A value null (any case) or
//     ... is a placeholder and reads as absent (Vumi's tests send both).
//   - text runs to the end of the text, or to the first key after
//     whitespace or ';' that names a field not read yet and is followed by
//     a value of that field's shape: any id; digits for sub and dlvrd; ten
//     or more characters starting with digits for the dates; a status word, or capitals,
//     digits and '_', for stat; up to 8 letters and digits for err; or a
//     placeholder. Text is normally last, so "text:Re: stat: ok" after a
//     stat field, or "your sub: none" in a receipt without sub, stays text,
//     while "text: stat:DELIVRD" (fields out of order) ends at stat.
//   - Only id and stat are required ([Parse] reports [ErrMissing] for
//     them); every other field may be absent.
//   - A key seen again is kept in Extra under its name as sent, the first
//     value winning. Other name:value pairs (a name begins with a letter
//     and holds letters, digits, '_', '-', '.') go to Extra in order; so do
//     runs of words outside any field, with an empty Key.
//   - A status word without its stat: label ("done date:180903120816
//     DELIVRD err:000", ksmppd #108) is the stat when it is the only such
//     word and no stat field exists.
//   - Trailing NULs and whitespace are dropped (a C-octet string's
//     terminator left in short_message); bytes are kept as sent, so text in
//     any coding survives.
//
// # Status words
//
// stat is read, ignoring ASCII case, as: the Appendix B words DELIVRD,
// UNDELIV, REJECTD, EXPIRED, DELETED, ACCEPTD, ENROUTE, UNKNOWN; the
// message_state names DELIVERED, UNDELIVERABLE, REJECTED, ACCEPTED and the
// SMPP 5.0 SCHEDULED and SKIPPED; the message_state numbers 1–9 (SMPP 3.4
// §5.2.28); and words whose meaning is documented elsewhere: ACKED →
// ACCEPTD, BUFFRED and BUFFERD → ENROUTE (Kannel's handle_dlr counts them as
// buffered; Mblox, jsmpp#9), FAILED and UNDELVRD → UNDELIV, DND_REJECTED →
// REJECTD. Any other word, and "0" (SCHEDULED in SMPP 5.0 but "delivered"
// from Yo!), gives status UNKNOWN with RawStatus kept and an
// [ErrUnknownStatus] error returned with the receipt.
//
// # err
//
// RawError keeps err exactly ("000", "0000", "21b", "00B"). When it is all
// decimal digits, Error holds its value in [Parser.Namespace] (3GPP MAP,
// TS 29.002 §17.6.6, by default). A non-zero err does not change a DELIVRD
// status.
//
// # Dates
//
// Receipt dates carry no zone: they are the SMSC's wall-clock time, read in
// [Parser.Location], which is UTC when nil. The layout follows the length:
//
//   - 10 digits: yyMMddHHmm (Appendix B);
//   - 12 digits: yyMMddHHmmss (Clickatell, Kannel) or yyyyMMddHHmm (Jasmin);
//   - 14 digits: yyyyMMddHHmmss;
//   - 16 characters: SMPP absolute time YYMMDDhhmmsstnnp (SMPP 3.4 §7.1.1),
//     whose offset nn quarter hours ahead (p '+') or behind ('-') UTC gives
//     the instant; Location then only sets how it is shown.
//
// Two-digit years are 2000–2099. All zeros means absent. Done before submit
// is accepted.
//
// The 12-digit rule: a reading that is not a real date (month 13, 31 April,
// second 60) or, for yyyyMMddHHmm, a year outside 2000–2099, is dropped.
// If both readings remain, the one nearer the other date field wins; if
// both date fields are ambiguous, the layout (the same for both) that puts
// them nearer each other; on a tie, or with no other date, yyMMddHHmmss.
// So 141023215253 is 2014-10-23 21:52:53, 201506201641 is 2015-06-20 16:41,
// and 200101010030 beside 200101020030 is 2020-01-01 01:00:30.
//
// # Errors
//
// Errors are [*ParseError] values with the byte offset, the field, the
// offending value and one of the sentinel causes ([ErrTooLarge],
// [ErrNotReceipt], [ErrMissing], [ErrUnknownStatus], [ErrCount],
// [ErrDate], [ErrStrict]) for [errors.Is]. Their text reads
// "smppfmt: byte N (field): cause". [Parse] returns the receipt with every
// error, filled as far as the text allowed; for [ErrUnknownStatus],
// [ErrCount] and [ErrDate] ([IsPartial]) the receipt is complete and the
// raw value kept. No input makes a parser panic; text over [Parser.MaxSize]
// ([DefaultMaxSize] by default) is refused.
//
// # Strict mode
//
// [Parser.Strict] rejects what Cloudhopper's
// DeliveryReceipt.parseShortMessage rejects with checkMissingFields: a
// missing id, sub, dlvrd, submit date, done date, stat or err; a stat
// outside the 8 Appendix B words; an err longer than 3 characters; a date
// that is not 10, 12 or 14 digits, or all zeros; a count that is not a
// number. The aliases, and words or keys outside the format (which
// Cloudhopper glues to the previous value), are rejected with [ErrStrict].
//
// # Writing
//
// [AppendFormat] and [Format] write [Fields] in the Appendix B layout, for
// simulators and tests; [ParseFields] reads the result back to the same
// Fields under the conditions AppendFormat documents.
//
// # PDUs and TLVs
//
// [DecodePDU] reads a whole deliver_sm (command_id 0x00000005) or data_sm
// (0x00000103) PDU, its 16-octet header included, and returns the receipt it
// carries. [Parser.DecodeParts] does the same from the fields an SMPP
// library has already decoded (esm_class, data_coding, short_message, TLVs
// by tag), so that users of such libraries need no raw bytes.
//
// A PDU is a receipt when its esm_class message type (bits 5–2, mask 0x3C)
// is 0x04, an SMSC delivery receipt, or 0x20, an intermediate delivery
// notification (SMPP 3.4 §5.2.12); any other type is [ErrNotReceipt]. The
// receipt text is the short_message, or the message_payload TLV (0x0424)
// when short_message is empty; it is decoded to UTF-8 by data_coding (see
// [DecodeText]) and then read with [Parser.Parse], except that text in the
// GSM codings (0, 1) made only of printable ASCII, tab, CR and LF is read as
// ASCII: SMSCs write receipts in ASCII, and the GSM table would turn '_' into
// '§' (stat:DND_REJECTED, submit_date:, ids) and '@' into '¡'. The TLVs
// receipted_message_id (0x001E), message_state (0x0427) and
// network_error_code (0x0423, see [NetworkErrorCode]) (SMPP 3.4 §5.3.2.12,
// §5.3.2.35, §5.3.2.31; message_payload §5.3.2.32) take precedence over the
// text, as in Kannel, Jasmin, Vumi and telenordigital/sms-smpp:
//
//   - MessageID is receipted_message_id when present. When the text id
//     differs from it as a string (decimal text ids against hex TLV ids are
//     common: "0059113978" and "38601fa"), the text id is kept in Extra
//     under "text_id". This is not an error; [SameID] compares the two.
//   - Status is message_state when present and defined (0–9). When the
//     text's status differs, RawStatus becomes the message_state number and
//     the text's word is kept in Extra under "text_stat". Without a text
//     status word, RawStatus is the message_state number ("2").
//   - Error is read from network_error_code when it is readable. RawError
//     stays the text's err: when there is one, and network_error_code is
//     then kept in Extra under "network_error_code" (hex, or the ASCII
//     digits); otherwise RawError is that form.
//
// A receipt carried only by TLVs (an empty short_message, or one that is
// not receipt text, as Sicap MMG sends) is valid when both
// receipted_message_id and message_state are present; text that could not
// be read is then kept in Extra under "short_message". Receipt text
// without stat: (or without id: and stat:) is read when the TLVs supply
// them. With [Parser.Strict], text that does not parse on its own is an
// error even then.
//
// Addresses. A receipt is addressed to the originator of the message, so
// the SMSC writes the original message's addresses swapped: source_addr is
// the handset the message went to and destination_addr is the original
// sender (the real PDUs in testdata/pdu show it: source_addr 4791846826,
// destination_addr "Telenor"). So Receipt.To is source_addr and
// Receipt.From is destination_addr. Source.Format is [dlr.FormatSMPPPDU].
//
// Other fields: a non-empty service_type is kept in Extra under
// "service_type"; an intermediate notification carries Extra
// "receipt_type" = "intermediate"; TLVs with other tags are kept in Extra
// in wire order as "tlv:0x1454" with the value in lower-case hex; if the
// text had octets outside its character set, the undecoded octets are kept
// in Extra under "short_message_hex".
//
// Malformed PDUs are errors, never a wrong receipt: a command_length that
// is not the input's length, a C-octet string without its NUL (or longer
// than 65 octets), an sm_length past the end, a TLV cut short or a stray
// octet after the last TLV, a repeated receipt TLV, a message_state that
// is not one octet. The errors are *[PDUError] values wrapping one of
// [ErrTruncated], [ErrLength], [ErrPDUTooLarge], [ErrCommand], [ErrCString],
// [ErrTLV], [ErrNotReceipt], [ErrNoReceiptData], or the text parser's error.
// A message_state value SMPP does not define (above 9) is not a syntax
// error: without a text status the receipt comes back with status
// UNKNOWN, RawStatus the number, and an error wrapping [ErrMessageState].
// PDUs longer than the text limit ([Parser.MaxSize]) plus 4096 octets are
// [ErrPDUTooLarge].
//
// Message ids. [SameID] reports whether two ids can name the same message:
// equal strings, decimal with or without zero padding, hexadecimal in either
// case, and decimal against hexadecimal (the text id "0059113978" and the
// TLV id "38601fa" are the same number). Ids are compared as numbers of up
// to 128 digits (no overflow above 2⁶³); ids that are not numbers are compared
// exactly (UUIDs ignoring case), never with zeros stripped. Two all-digit
// ids may be decimal or hexadecimal, so SameID("16", "10") is true (16 =
// 0x10): that is the point of the function, and also its false positives.
// When a connection's forms are known, [IDTypes] (like Kannel's
// msg-id-type) compares without guessing. [CanonicalID] gives a map key.
//
// # Notable divergences
//
//   - Cloudhopper finds each label anywhere in the text (even inside a
//     value) and lets every value run to the next label; here keys count
//     only at word starts and scalar values end at whitespace, so trailing
//     words never corrupt err or a date. Cloudhopper throws for FAILED and
//     for err longer than 3 characters outside strict mode too.
//   - jsmpp ignores key case only for text, misreads 14-digit dates and
//     throws for stat words outside its enum.
//   - Kannel reads the fields with sscanf in a fixed order, truncates err
//     to 3 characters and ignores text; Jasmin's \w{1,3} turns 0000 into
//     000 and \w{7} misses FAILED and cuts DND_REJECTED.
//   - Vumi requires text; php-smpp requires every field in a fixed order.
//   - None of them reads an SMPP absolute time or resolves the 12-digit
//     ambiguity by validity.
//   - PDUs: data_coding 1 (IA5) is read with the GSM table like
//     0, since SMSCs write both that way and the receipt keys are the same,
//     but receipt text of printable ASCII alone is read as ASCII in both; a
//     trailing 0x00 in GSM text is taken as a C terminator, not '@'; C-octet
//     strings may be up to 65 octets everywhere (SMPP 3.4 allows 21 for
//     deliver_sm addresses, but alphanumeric senders overrun it); the SMPP 5.0
//     message_state values 0 (SCHEDULED) and 9 (SKIPPED) are read;
//     command_status and sequence_number are not checked; esm_class types 0x08
//     (SME delivery acknowledgement) and 0x10 (manual/user acknowledgement) are
//     not delivery receipts.
package smppfmt
