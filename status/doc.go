// Package status defines the normalized delivery status of a short message
// and the rule by which receipts move it forward.
//
// # Words
//
// [Status.String] gives the 7-letter receipt words of SMPP 3.4 Appendix B
// (DELIVRD, UNDELIV, ACCEPTD, REJECTD, ENROUTE, EXPIRED, DELETED, UNKNOWN)
// plus SCHEDULED and SKIPPED from SMPP 5.0. [Parse] also reads the full
// message_state names (DELIVERED, UNDELIVERABLE, …) and the message_state
// numbers, case-insensitively. Nothing provider-specific is read here: the
// same word ("failed", "sent") means different things at different
// providers, so the carrier package maps those.
//
// The zero value, [None], means nothing is known yet. It is not UNKNOWN,
// which a carrier sends (or a tracker assigns when no final receipt came in
// the validity period).
//
// # Lifecycle order
//
// The statuses are ordered, and [Next] keeps the greater of the held and the
// incoming status:
//
//	None < SCHEDULED < ACCEPTD < ENROUTE
//	     < UNKNOWN < SKIPPED < DELETED < EXPIRED < UNDELIV < REJECTD < DELIVRD
//
// The reasons:
//
//   - Intermediate states come in the order every provider documents them
//     (queued or scheduled, accepted by the SMSC, sent on to the network).
//   - Every final state is above every intermediate one, so a final status
//     never goes back: an ENROUTE arriving after a DELIVRD is stale news.
//   - UNKNOWN is the lowest final state: it says the lifecycle ended without
//     an outcome, and any definite receipt that arrives later resolves it.
//   - DELIVRD is the highest: once the handset has the message, no failure
//     report can take it back. Providers do send a failure and then a
//     delivery (an SMSC that retried), never the other way round in truth.
//   - Among the failures, the more specific verdict wins a conflict:
//     REJECTD (refused outright) over UNDELIV (the network said no) over
//     EXPIRED (tried until the validity period ran out) over DELETED and
//     SKIPPED (administrative). This choice is arbitrary but fixed, which is
//     what makes the result independent of arrival order.
//
// Because the result is a maximum over a total order, [Next] is commutative,
// associative and idempotent; property tests check these laws over every
// pair and triple of statuses. The [Transition] tells the caller what
// happened: [Advanced], [Duplicate], [Stale], [Resolved] (UNKNOWN superseded)
// or [Conflict] (two different definite finals met).
//
// # References
//
// SMPP 3.4 §5.3.2.35 and Appendix B; SMPP 5.0 §4.8.4.37 (message_state).
package status
