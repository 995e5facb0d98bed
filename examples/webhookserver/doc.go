// Webhookserver receives BulkSMSRates delivery-receipt callbacks over HTTP,
// tracks the status of every message, and answers questions about them.
//
// Usage:
//
//	DLRKIT_WEBHOOK_SECRET=… go run ./examples/webhookserver [-addr 127.0.0.1:8080]
//
// Flags:
//
//	-addr    listen address (default 127.0.0.1:8080)
//	-secret  webhook secret; default $DLRKIT_WEBHOOK_SECRET. Without one the
//	         server warns and accepts unsigned callbacks.
//
// Routes:
//
//	POST /webhooks/bulksmsrates   a callback: one receipt object or a batched array
//	GET  /messages/{id}           the tracked message (a dlr.State) as JSON
//	GET  /report                  the delivery report (dlr.Summary) as JSON; ?format=text for text
//
// The callback endpoint is a webhook.Handler with the webhook.BSR verifier:
// a callback must carry X-BSR-Signature: sha256=<lowercase hex of
// HMAC-SHA256(body) with the secret> (webhook.Sign makes one), checked in
// constant time before the body is parsed. The answers are 200 once the
// receipts are tracked, 401 for a missing or wrong signature, 400 for a
// body that is not a receipt, 405 for another method, 413 for a body over
// 1 MiB, 503 if they could not be stored. BulkSMSRates retries a callback
// that does not get 200, so nothing is acknowledged before it is stored.
// Refused callbacks are logged to stderr.
//
// Receipts go to a dlr.Tracker, so duplicates, retries and out-of-order
// arrivals converge on one status per message; /report is its
// dlr.Summary. State is kept in memory (dlr.MemoryStore); give the Tracker
// another dlr.Store to keep it elsewhere.
//
// SIGINT or SIGTERM stops accepting connections and lets requests in
// flight finish (up to 10 s) before exiting.
//
// Try it:
//
//	body='{"message_id":"msg_abc123","to":"+447700900000","status":"DELIVRD","error_code":"000"}'
//	sig=$(printf %s "$body" | openssl dgst -sha256 -hmac "$DLRKIT_WEBHOOK_SECRET" | sed 's/^.* //')
//	curl -H "X-BSR-Signature: sha256=$sig" -H "Content-Type: application/json" -d "$body" localhost:8080/webhooks/bulksmsrates
//	curl localhost:8080/messages/msg_abc123
//	curl 'localhost:8080/report?format=text'
package main
