// Package dlrkit turns SMS delivery receipts (DLRs) from SMPP and from
// providers' webhooks into one typed, normalized model.
//
// The module's packages, in import order:
//
//   - status: the normalized Status and the transition rule Next.
//   - errcode: error-code namespaces and their generated tables.
//   - dlr: the Receipt value, Merge, the lifecycle Tracker and Summary.
//   - smppfmt: SMPP receipt text and PDUs.
//   - carrier: providers' webhook payloads, and detection.
//   - webhook: signature schemes and an http.Handler.
//
// This root package holds no code; it documents the module.
package dlrkit
