// Package dlr holds the normalized delivery receipt, [Receipt], and what is
// built on it: [Merge] of receipts about one message, and the lifecycle and
// reporting tools.
//
// A Receipt is the same value whatever it was read from: the smppfmt package
// fills it from SMPP receipt text and PDUs, the carrier package from
// providers' webhooks. Normalized fields sit beside the raw ones (RawStatus,
// RawError, Extra) so that every normalization can be audited and nothing the
// sender put in a receipt is lost.
//
// [Merge] moves the status with status.Next and fills fields without ever
// blanking them; it is commutative, associative and idempotent, so receipts
// that arrive duplicated and out of order converge. [Receipt.Key] gives an
// idempotency key for storing receipts exactly once.
//
// # Tracking messages
//
// A [Tracker] follows sent messages ([Tracker.Expect]) through their receipts
// ([Tracker.Observe]) and holds, per message, one [State] whose status does not
// depend on the order or repetition of the receipts: each part moves by
// status.Next; the message is DELIVRD when every part is, failed when a part
// failed ([State.Failure] keeps which part and its receipt), and otherwise at its
// least advanced part. [Tracker.Sweep] settles messages whose validity period
// plus grace passed without a final receipt: UNKNOWN, or ENROUTE marked settled
// on networks that never send handset receipts (the carrier package knows some
// networks' validity periods and such routes). Records live in a [Store] (get
// and compare-and-swap), so trackers on many machines can share one SQL table or
// Redis; [MemoryStore] is the default.
//
// # Delivery reports
//
// [Summarize], [SummarizeStates] and [Tracker.Summarize] count messages by status,
// compute the delivery rate and its [Grade], list the commonest error codes with
// their errcode meanings, and give hints; [Summary.WriteText] renders a report
// for terminals, and a Summary marshals to JSON.
//
// # Notable divergences
//
//   - A part with no receipt yet holds a multipart message at None.
//   - Receipts for ids never expected are tracked as single-part messages.
//   - A message settled on a route without handset receipts keeps ENROUTE.
package dlr
