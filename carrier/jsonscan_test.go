package carrier

import (
	"encoding/json"
	"testing"
)

var jsonSeeds = []string{
	`{}`, `[]`, `{"a":1}`, ` {"a" : [1, 2.5e-3, -0, true, false, null, "x\u00e9\n"]} `,
	`{"a":01}`, `{"a":1.}`, `{"a":-}`, `{"a":1e}`, `{"a":"\x"}`, `{"a":"\u12"}`, "{\"a\":\"\x01\"}",
	`{"a":1,}`, `[1,]`, `{"a" 1}`, `{1:2}`, `"str"`, `tru`, `nul`, `{"a":[}`, `{"a":{"b":{"c":{}}}}`,
	`{"\ud83d\ude00":"\ud800x"}`, "\"\xff\"", `{"a":1}x`, `[[[[[[]]]]]]`,
}

// FuzzScanner checks the scanner against encoding/json: the same inputs
// are valid, and string values unquote to the same text.
func FuzzScanner(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := validJSON(data, 100000)
		if got, want := err == nil, json.Valid(data); got != want {
			t.Fatalf("validJSON(%q) = %v, json.Valid = %v", data, err, want)
		}
		if err != nil {
			return
		}
		_ = eachField(data, 1, 100000, func(key []byte, v jsonValue) error {
			if v.kind == jsonString {
				var s string
				if err := json.Unmarshal(v.raw, &s); err != nil {
					t.Fatalf("%s: %v", v.raw, err)
				}
				if got := v.text(); got != s {
					t.Fatalf("unquote(%s) = %q, encoding/json %q", v.raw, got, s)
				}
			}
			return nil
		})
	})
}

func TestScannerSeeds(t *testing.T) {
	t.Parallel()
	for _, s := range jsonSeeds {
		if got, want := validJSON([]byte(s), 100) == nil, json.Valid([]byte(s)); got != want {
			t.Errorf("validJSON(%q) = %v, json.Valid = %v", s, got, want)
		}
	}
}

func TestScannerDepth(t *testing.T) {
	t.Parallel()
	if err := validJSON([]byte(`[[[1]]]`), 3); err != nil {
		t.Errorf("depth 3 within 3: %v", err)
	}
	err := validJSON([]byte(`[[[[1]]]]`), 3)
	je, ok := err.(*jsonError)
	if !ok || je.err != ErrTooLarge {
		t.Errorf("depth 4 within 3: %v", err)
	}
}

// TestScanAllocs pins the scanner: walking an object allocates nothing
// but the strings a caller asks for.
func TestScanAllocs(t *testing.T) {
	obj := []byte(`{"message_id":"msg_1","status":"DELIVRD","cost":0.0300,"n":[1,{"a":null}]}`)
	n := testing.AllocsPerRun(100, func() {
		_ = eachField(obj, 1, 32, func(key []byte, v jsonValue) error { return nil })
	})
	if n != 0 {
		t.Errorf("eachField allocates %v times", n)
	}
}
