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
package dlr
