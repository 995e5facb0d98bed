// Package receiptjson gives the JSON shape in which the example programs
// print receipts: the normalized [dlr.Receipt] (status word, times in
// RFC 3339, raw fields, extras) plus what the errcode tables know of its
// error code.
package receiptjson
