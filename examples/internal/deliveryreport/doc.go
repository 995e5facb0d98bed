// Package deliveryreport merges receipts per message and reports on them:
// counts by status, delivery rate, grade band, top error codes and hints,
// as text with a bar chart in plain characters or as JSON.
package deliveryreport
