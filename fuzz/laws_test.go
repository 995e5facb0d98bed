package fuzz

import (
	"testing"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// receiptsFrom turns fuzz bytes into a short sequence of receipts about one
// message, with fields drawn from small sets so that ties are common.
func receiptsFrom(data []byte) []dlr.Receipt {
	var out []dlr.Receipt
	for len(data) >= 3 && len(out) < 16 {
		a, b, c := data[0], data[1], data[2]
		data = data[3:]
		r := dlr.Receipt{
			MessageID: "m",
			Status:    status.Status(a % 12), // includes one value out of range
			RawStatus: string(rune('a' + b%3)),
			RawError:  []string{"", "000", "027"}[c%3],
			To:        []string{"", "+1", "+2"}[(b/3)%3],
			Segments:  int(c/3) % 3,
		}
		if c&0x80 != 0 {
			r.Error = errcode.Code{Namespace: errcode.MAP, Value: uint32(c % 5)}
		}
		out = append(out, r)
	}
	return out
}

// FuzzNextLaws checks that folding status.Next over a sequence gives the
// same status for the sequence reversed and rotated, and with every element
// repeated: order and repetition of receipts never matter.
func FuzzNextLaws(f *testing.F) {
	f.Add([]byte{3, 2, 1})                         // DELIVRD, ENROUTE, ACCEPTD: newest first
	f.Add([]byte{4, 10, 6, 9})                     // UNKNOWN resolved by a definite final, two failures conflicting
	f.Add([]byte{11, 0, 200})                      // out-of-range values are treated as None
	f.Add([]byte{1, 1, 1, 1, 10, 10, 8, 8, 2, 12}) // duplicates
	f.Fuzz(func(t *testing.T, data []byte) {
		fold := func(xs []byte) status.Status {
			cur := status.None
			for _, x := range xs {
				next, tr := status.Next(cur, status.Status(x))
				if cur.Final() && !next.Final() {
					t.Fatalf("%v went back to %v", cur, next)
				}
				switch tr {
				case status.Advanced, status.Resolved:
					if next == cur {
						t.Fatalf("transition %v but %v stayed", tr, cur)
					}
				case status.Stale, status.Duplicate:
					if next != cur {
						t.Fatalf("transition %v but %v -> %v", tr, cur, next)
					}
				}
				cur = next
			}
			return cur
		}
		want := fold(data)
		rev := make([]byte, len(data))
		for i, x := range data {
			rev[len(data)-1-i] = x
		}
		if got := fold(rev); got != want {
			t.Fatalf("reversed: %v, want %v", got, want)
		}
		if len(data) > 1 {
			rot := append(append([]byte{}, data[1:]...), data[0])
			if got := fold(rot); got != want {
				t.Fatalf("rotated: %v, want %v", got, want)
			}
		}
		twice := append(append([]byte{}, data...), data...)
		if got := fold(twice); got != want {
			t.Fatalf("repeated: %v, want %v", got, want)
		}
	})
}

// FuzzMergeLaws checks that dlr.Merge over a receipt sequence is independent
// of order and repetition.
func FuzzMergeLaws(f *testing.F) {
	f.Add([]byte{3, 0, 0, 2, 1, 129})             // DELIVRD then ENROUTE with an error code
	f.Add([]byte{4, 2, 2, 9, 1, 1, 4, 2, 2})      // UNKNOWN resolved, then repeated
	f.Add([]byte{8, 0, 130, 9, 1, 131, 10, 2, 3}) // three conflicting failures
	f.Fuzz(func(t *testing.T, data []byte) {
		rs := receiptsFrom(data)
		if len(rs) == 0 {
			return
		}
		fold := func(xs []dlr.Receipt) dlr.Receipt {
			acc := xs[0]
			for _, x := range xs[1:] {
				acc = dlr.Merge(acc, x)
			}
			return dlr.Merge(acc, acc) // normal form: Extra sorted, values settled
		}
		want := fold(rs)
		rev := make([]dlr.Receipt, len(rs))
		for i, r := range rs {
			rev[len(rs)-1-i] = r
		}
		if got := fold(rev); got.Key() != want.Key() || got.Status != want.Status || got.To != want.To || got.Segments != want.Segments || got.Error != want.Error {
			t.Fatalf("reversed:\n got %+v\nwant %+v", got, want)
		}
		if got := fold(append(append([]dlr.Receipt{}, rs...), rs...)); got.Key() != want.Key() {
			t.Fatalf("repeated:\n got %+v\nwant %+v", got, want)
		}
	})
}
