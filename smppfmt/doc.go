// Package smppfmt reads and writes SMPP delivery receipts. The receipt
// text is read by [ParseFields] and [Parse] (settings in [Parser]) and
// written by [Format].
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
package smppfmt
