package carrier

import (
	"errors"
	"testing"
)

// TestDecoderElements covers the helper adapters use for nested arrays
// (results[], to[]): order, bound and error position.
func TestDecoderElements(t *testing.T) {
	t.Parallel()
	body := []byte(`{"results":[{"id":"a"},{"id":"b"}],"bad":[1,}`)
	d := decoder{p: &Parser{MaxBatch: 2}, provider: "test", body: body}
	var ids []string
	var bad []byte
	err := d.fields(0, body, func(key []byte, v jsonValue) error {
		if string(key) != "results" {
			bad = v.raw
			return nil
		}
		return d.elements(0, v.raw, func(i int, e jsonValue) error {
			return d.fields(i, e.raw, func(k []byte, x jsonValue) error {
				ids = append(ids, d.str(x))
				return nil
			})
		})
	})
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrMalformed) {
		t.Fatalf("want a malformed error, got %v", err)
	}
	if bad != nil {
		t.Fatalf("fn saw an invalid value %q", bad)
	}
	if pe.Offset != len(body)-1 {
		t.Errorf("offset %d, want %d", pe.Offset, len(body)-1)
	}
	if len(ids) != 2 || ids[0] != "a" || ids[1] != "b" {
		t.Errorf("ids %q", ids)
	}

	d.p.MaxBatch = 1
	err = d.elements(0, []byte(`[1,2]`), func(int, jsonValue) error { return nil })
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("batch bound: %v", err)
	}
}
