// Package webhook receives providers' delivery-receipt webhooks: it checks
// that a request comes from the provider (signature schemes, pure functions
// usable without net/http) and offers an http.Handler that verifies,
// decodes through the carrier package, hands the receipts to your sink and
// acknowledges only after the sink succeeded.
//
// # Signatures
//
// [Sign] and [Verify] are the BulkSMSRates X-BSR-Signature scheme:
// "sha256=" and the lower-case hex HMAC-SHA256 of the raw body. Verify
// compares in constant time and accepts several secrets, so a secret can be
// rotated without downtime.
//
// Every provider scheme is a plain settings struct with its keys, a Verify
// method (the [Verifier] interface, over a [Request] of plain values) and
// pure methods to sign and check the scheme's own inputs:
//
//	scheme          type              signed                                             replay window
//	BulkSMSRates    [BSR]             HMAC-SHA256 of the body                            none
//	Twilio          [Twilio]          HMAC-SHA1 of URL + sorted params; bodySHA256       none
//	Vonage SMS      [Vonage]          md5hash or HMAC-MD5/SHA1/SHA256/SHA512 of params   timestamp, ±Tolerance (5 min)
//	Vonage Messages [VonageMessages]  JWT HS256 with payload_hash                        iat, MaxAge (5 min)
//	Plivo           [Plivo]           V3: HMAC-SHA256 of URL + params + nonce; V2        none (nonce only)
//	Telnyx          [Telnyx]          Ed25519 of timestamp|body                          timestamp, ±300 s
//	MessageBird     [MessageBird]     JWT HS256/384/512 with url_hash and payload_hash   nbf/exp, ±1 s
//
// Nothing here reads the clock: the time is a parameter, and windows are
// checked on both sides (a signed time too far in the past is [ErrTooOld],
// too far in the future [ErrTooNew]). Every refusal is a *[VerifyError]
// whose Err is one of the sentinel causes ([ErrNoSignature],
// [ErrMalformedSignature], [ErrSignatureMismatch], [ErrBodyMismatch],
// [ErrTooOld], [ErrTooNew], [ErrAlgorithm], [ErrClaims], [ErrNoSecret]), for
// errors.Is. JWTs are verified with the standard library: the header's alg
// must be exactly one the scheme allows ("none" never is), the MAC is
// compared in constant time, then exp, nbf and iat are checked.
//
// The schemes follow the providers' SDKs and are tested against the vectors
// those SDKs publish (twilio-go, the Vonage PHP, Python and Ruby SDKs,
// plivo-go, MessageBird's shared reference table). Notable divergences:
//
//   - Twilio: a repeated parameter name is signed with its distinct values
//     sorted (as twilio-python); twilio-go sorts name+value strings and keeps
//     repeated equal values, which differs only for a name that is a prefix
//     of another or a value sent twice.
//   - Plivo V3 follows plivo-python's construction (sorted keys), which the
//     current plivo-go test vectors confirm; the older plivo-go vector made
//     before keys were sorted does not verify. Plivo V1 (HMAC-SHA1) is not
//     implemented.
//   - Vonage Messages tokens without payload_hash are refused unless
//     AllowMissingPayloadHash is set; Vonage's SDKs check only the MAC.
//   - Vonage SMS signatures are accepted in either hex case.
//   - Telnyx and Twilio sign no nonce, Plivo no time: replaying a captured
//     request within (or, for Twilio and Plivo, at any) time is not detected
//     by the signature. Store receipts idempotently (dlr.Receipt.Key).
//
// # Handler
//
// [Handler] is the only net/http code in the library. For each request it:
//
//   - answers 405 (with Allow) to methods other than GET and POST; HEAD gets
//     an empty 200, for providers that check the URL with it;
//   - answers 500 if Verifier or Sink is nil (fail closed: use [Unsigned]
//     for providers that sign nothing);
//   - reads the body through http.MaxBytesReader, never more than MaxBody
//     ([DefaultMaxBody], 1 MiB, when zero) plus one byte, and answers 413
//     beyond it (at once when Content-Length says so);
//   - verifies the signature with Verifier at the time Clock gives, and
//     answers 401 without calling the sink if it fails;
//   - decodes with carrier.Parse (or Decode), passing the Content-Type, the
//     query, the provider name and the headers; a body that yields no
//     receipts and an error gets 400;
//   - calls Sink with the request's context and the receipts; an error gets
//     503 with Retry-After, so that the provider sends them again;
//   - answers 200, with the Response body (Jasmin wants "ACK/Jasmin"), only
//     after Sink returned nil. A body that decodes to no receipts and no
//     error (nothing to store) gets 200 without a Sink call.
//
// GET callbacks (the receipt in the query string), form POSTs and JSON
// POSTs are all handled; the decoder sees the raw body and the query.
//
// Bodies refused with 401, 400 or 413 go to Reject with a *[RequestError]
// (Status and a cause: a *[VerifyError], [ErrBodyTooLarge], [ErrBodyRead] or
// [ErrDecode] wrapping the decoder's error), so that nothing is lost even
// then. When the decoder returns receipts together with an error (a
// well-formed receipt with a status word it does not know, say), the
// receipts are delivered all the same — UNKNOWN, with the raw word kept —
// and, once Sink accepted them, the error goes to OnWarning.
//
// The Handler keeps no state between requests and starts no goroutines; one
// value serves any number of concurrent requests. Providers deliver at
// least once and retry what was not answered 200: store receipts under
// dlr.Receipt.Key to drop duplicates.
//
// # Behind a proxy
//
// Most schemes sign the URL the provider called (Twilio, Plivo,
// MessageBird) and a TLS-terminating proxy or load balancer changes what
// the handler sees: the scheme becomes http, the host and port are internal,
// a path prefix may be stripped. Set PublicURL to the URL the provider is
// configured with ("https://dlr.example.com/hooks/twilio"); the handler
// appends the request's query string. The handler does not trust
// X-Forwarded-* headers, which anyone can send. Without PublicURL the URL is
// rebuilt from the request (http or https by r.TLS, r.Host, the path and
// query as received), which is right only when nothing rewrites them.
//
// Limit body sizes at the proxy too, and keep MaxBody at least as large as
// the largest batch your provider sends. TLS is the proxy's job: the handler
// serves whatever connection it is given. The handler reads the raw body; a
// proxy or middleware must not re-encode it (signatures cover exact bytes).
package webhook
