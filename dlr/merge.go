package dlr

import (
	"sort"
	"time"

	"github.com/dlrkit/dlrkit/status"
)

// Merge combines two receipts about the same message into one.
//
// The status is status.Next of the two. The fields that describe the status
// (RawStatus, Error, RawError, ErrorMessage, DoneAt and Source) come from the
// receipt whose status won; when both carry that status, from the greater
// of the two by a fixed comparison. Every other field is filled from
// whichever receipt has it and never blanked; when both have different
// values, the greater value is kept (the later time, the larger count, the
// lexicographically greater text). Extra is the union by key.
//
// A status out of range is read as None. These rules make Merge commutative, associative and idempotent, like
// status.Next: merging a message's receipts gives the same result in any
// order and with any repetition.
func Merge(a, b Receipt) Receipt {
	// status.Next reads a value out of range as None; so does Merge, or the
	// winner below would depend on the order.
	if !a.Status.Valid() {
		a.Status = status.None
	}
	if !b.Status.Valid() {
		b.Status = status.None
	}
	st, _ := status.Next(a.Status, b.Status)
	win := a
	switch {
	case b.Status == st && a.Status != st:
		win = b
	case a.Status == st && b.Status == st && statusFieldsLess(a, b):
		win = b
	}
	out := Receipt{
		Status:       st,
		RawStatus:    win.RawStatus,
		Error:        win.Error,
		RawError:     win.RawError,
		ErrorMessage: win.ErrorMessage,
		DoneAt:       win.DoneAt,
		Source:       win.Source,

		MessageID:   maxString(a.MessageID, b.MessageID),
		ParentID:    maxString(a.ParentID, b.ParentID),
		Part:        max(a.Part, b.Part),
		To:          maxString(a.To, b.To),
		From:        maxString(a.From, b.From),
		SubmittedAt: maxTime(a.SubmittedAt, b.SubmittedAt),
		Submitted:   max(a.Submitted, b.Submitted),
		Delivered:   max(a.Delivered, b.Delivered),
		Segments:    max(a.Segments, b.Segments),
		Network:     maxString(a.Network, b.Network),
		Country:     maxString(a.Country, b.Country),
		Text:        maxString(a.Text, b.Text),
		Extra:       mergeExtra(a.Extra, b.Extra),
	}
	// Price and currency belong together: take the pair, not the parts.
	if pairLess(a.Price, a.Currency, b.Price, b.Currency) {
		out.Price, out.Currency = b.Price, b.Currency
	} else {
		out.Price, out.Currency = a.Price, a.Currency
	}
	return out
}

// statusFieldsLess orders two receipts with the same status by the fields
// Merge takes from the winner, so that ties are broken the same way in any
// order.
func statusFieldsLess(a, b Receipt) bool {
	switch {
	case a.RawStatus != b.RawStatus:
		return a.RawStatus < b.RawStatus
	case a.Error != b.Error:
		if a.Error.Namespace != b.Error.Namespace {
			return a.Error.Namespace < b.Error.Namespace
		}
		return a.Error.Value < b.Error.Value
	case a.RawError != b.RawError:
		return a.RawError < b.RawError
	case a.ErrorMessage != b.ErrorMessage:
		return a.ErrorMessage < b.ErrorMessage
	case !a.DoneAt.Equal(b.DoneAt):
		return a.DoneAt.Before(b.DoneAt)
	case a.Source.Provider != b.Source.Provider:
		return a.Source.Provider < b.Source.Provider
	default:
		return a.Source.Format < b.Source.Format
	}
}

func pairLess(p1, c1, p2, c2 string) bool {
	if p1 != p2 {
		return p1 < p2
	}
	return c1 < c2
}

func maxString(a, b string) string {
	if b > a {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// mergeExtra returns the union of a and b by key, sorted by key; for a key
// both have with different values, the greater value. Nil when both are
// empty.
func mergeExtra(a, b []Field) []Field {
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	m := make(map[string]string, len(a)+len(b))
	for _, fs := range [2][]Field{a, b} {
		for _, f := range fs {
			if v, ok := m[f.Key]; !ok || f.Value > v {
				m[f.Key] = f.Value
			}
		}
	}
	out := make([]Field, 0, len(m))
	for k, v := range m {
		out = append(out, Field{Key: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
