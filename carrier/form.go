package carrier

import (
	"net/url"
	"sort"
	"strings"
)

// pair is one form or query field, unescaped, in input order.
type pair struct {
	key, value string
}

// splitForm reads an application/x-www-form-urlencoded string (a form body
// or a query) with url.ParseQuery's rules, keeping the fields' order: fields
// are separated by '&', '+' is a space, %XX is a byte, a field without '='
// has the empty value, empty fields are skipped, and a ';' or a bad escape is
// malformed. At most max fields are accepted.
func splitForm(s string, max int) ([]pair, error) {
	n := strings.Count(s, "&") + 1
	if n > max {
		n = max
	}
	pairs := make([]pair, 0, n)
	offset := 0
	for s != "" {
		var field string
		field, s, _ = strings.Cut(s, "&")
		start := offset
		offset += len(field) + 1
		if field == "" {
			continue
		}
		if strings.Contains(field, ";") {
			return nil, &ParseError{Offset: start + strings.IndexByte(field, ';'), Err: ErrMalformed}
		}
		if len(pairs) == max {
			return nil, &ParseError{Offset: start, Err: ErrTooLarge}
		}
		k, v, _ := strings.Cut(field, "=")
		var err1, err2 error
		if needsUnescape(k) {
			k, err1 = url.QueryUnescape(k)
		}
		if needsUnescape(v) {
			v, err2 = url.QueryUnescape(v)
		}
		if err1 != nil || err2 != nil {
			return nil, &ParseError{Offset: start, Field: k, Err: ErrMalformed}
		}
		pairs = append(pairs, pair{k, v})
	}
	return pairs, nil
}

func needsUnescape(s string) bool { return strings.ContainsAny(s, "%+") }

// pairsFromValues lists v's fields by key (url.Values has no order), each
// key's values in order.
func pairsFromValues(v url.Values) []pair {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var pairs []pair
	for _, k := range keys {
		for _, x := range v[k] {
			pairs = append(pairs, pair{k, x})
		}
	}
	return pairs
}
