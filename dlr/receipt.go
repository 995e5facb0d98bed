package dlr

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// Format names the wire form a receipt was read from.
type Format string

// The formats.
const (
	FormatSMPPText Format = "smpp-text" // SMPP receipt text (SMPP 3.4 Appendix B)
	FormatSMPPPDU  Format = "smpp-pdu"  // a whole deliver_sm or data_sm PDU
	FormatJSON     Format = "json"      // a JSON webhook body
	FormatForm     Format = "form"      // an application/x-www-form-urlencoded body
	FormatQuery    Format = "query"     // a GET callback's query string
)

// Source says where a receipt came from.
type Source struct {
	Format   Format `json:"format,omitempty"`
	Provider string `json:"provider,omitempty"` // carrier package name: "twilio", "bulksmsrates", …; "" for plain SMPP
}

// Field is one input field that was not mapped onto a Receipt field, kept
// with its name as sent. Value is the text as sent; for a JSON value that is
// not a string it is the JSON text (`12`, `true`, `{"a":1}`).
type Field struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Receipt is one delivery receipt, normalized. It is a value: copy it
// freely. The zero Receipt is empty; see [Receipt.IsValid].
//
// Normalized fields are read from the input; RawStatus, RawError and Extra
// keep what was sent, so nothing the sender put in a receipt is lost.
type Receipt struct {
	// MessageID is the id of the message the receipt is about, as the
	// sender's submit response gave it (for SMPP, the text id or the
	// receipted_message_id TLV).
	MessageID string `json:"message_id"`
	// ParentID groups receipts: the id of the logical message whose part
	// this is (Plivo ParentMessageUUID), or the batch a recipient belongs
	// to (Sinch batch_id). Empty when the message stands alone.
	ParentID string `json:"parent_id,omitempty"`
	// Part is the 1-based part number of a concatenated message, 0 when
	// unknown or not split.
	Part int `json:"part,omitempty"`

	Status    status.Status `json:"status"`
	RawStatus string        `json:"raw_status,omitempty"` // the status word as sent

	Error        errcode.Code `json:"error,omitzero"`          // the code in its namespace ("map:27"); zero if none or unreadable
	RawError     string       `json:"raw_error,omitempty"`     // the error code as sent ("000", "0000", "21b")
	ErrorMessage string       `json:"error_message,omitempty"` // the sender's text for the error, if any

	To   string `json:"to,omitempty"`   // recipient (destination address)
	From string `json:"from,omitempty"` // sender (source address or sender id)

	SubmittedAt time.Time `json:"submitted_at,omitzero"`
	DoneAt      time.Time `json:"done_at,omitzero"` // when the final (or reported) state was reached

	// Submitted and Delivered are the sub: and dlvrd: counts of an SMPP
	// receipt (0 when absent). Segments is the number of SMS parts billed.
	Submitted int `json:"submitted,omitempty"`
	Delivered int `json:"delivered,omitempty"`
	Segments  int `json:"segments,omitempty"`

	Network string `json:"network,omitempty"` // operator name or MCC-MNC
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2 when known

	Price    string `json:"price,omitempty"`    // exact decimal text as sent ("0.0300"), never a float
	Currency string `json:"currency,omitempty"` // ISO 4217

	Text string `json:"text,omitempty"` // the receipt's text: field (often the start of the message)

	Source Source `json:"source"`

	// Extra holds every input field that was not mapped, in input order.
	Extra []Field `json:"extra,omitempty"`
}

// IsValid reports whether r identifies a message and says something about
// it: a MessageID and a status other than None.
func (r Receipt) IsValid() bool {
	return r.MessageID != "" && r.Status != status.None
}

// ExtraValue returns the value of the first Extra field named key.
func (r Receipt) ExtraValue(key string) (string, bool) {
	for _, f := range r.Extra {
		if f.Key == key {
			return f.Value, true
		}
	}
	return "", false
}

// ErrorInfo looks up r.Error in the errcode tables.
func (r Receipt) ErrorInfo() (errcode.Info, bool) {
	if r.Error.IsZero() {
		return errcode.Info{}, false
	}
	return errcode.Lookup(r.Error)
}

// Key returns an idempotency key for r: equal for two deliveries of the same
// receipt (a provider's retry, a duplicate), different when anything a
// receipt reports differs (provider, message, part, status word, error, done
// time). A sink can store receipts under a unique index on Key to drop exact
// duplicates. It is 32 lower-case hex digits.
func (r Receipt) Key() string {
	h := sha256.New()
	write := func(s string) {
		// Length-prefixed, so that field boundaries cannot shift.
		var n [8]byte
		b := strconv.AppendInt(n[:0], int64(len(s)), 10)
		h.Write(b)
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	write(r.Source.Provider)
	write(string(r.Source.Format))
	write(r.MessageID)
	write(r.ParentID)
	write(strconv.Itoa(r.Part))
	write(r.To)
	write(r.Status.String())
	write(r.RawStatus)
	write(r.RawError)
	if r.DoneAt.IsZero() {
		write("")
	} else {
		write(r.DoneAt.UTC().Format(time.RFC3339Nano))
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:16])
}
