package webhook

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// The strings Plivo V3 signs, written out by hand from
// plivo/plivo-python plivo/utils/signature_v3.py (construct_get_url,
// construct_post_url, get_signature_v3), to pin the cases plivo-go's
// published vectors (TestPlivoV3Vectors) do not cover.
func TestPlivoV3String(t *testing.T) {
	t.Parallel()
	params := url.Values{"To": {"14155550100"}, "Status": {"delivered"}, "MessageUUID": {"u-1"}}
	cases := []struct {
		name, method, url string
		params            url.Values
		want              string
	}{
		{"GET, no parameters", "GET", "https://a.example/cb", nil, "https://a.example/cb.N"},
		{"GET, query only", "GET", "https://a.example/cb?b=2&a=1", nil, "https://a.example/cb?a=1&b=2.N"},
		{"GET, query and callback parameters", "GET", "https://a.example/cb?z=9", params,
			"https://a.example/cb?MessageUUID=u-1&Status=delivered&To=14155550100&z=9.N"},
		{"GET, repeated value sorted", "GET", "https://a.example/cb?a=2&a=1", nil, "https://a.example/cb?a=1&a=2.N"},
		{"GET, query decoded", "GET", "https://a.example/cb?t=a%20b", nil, "https://a.example/cb?t=a b.N"},
		{"POST, no parameters", "POST", "https://a.example/cb", nil, "https://a.example/cb.N"},
		{"POST, body parameters", "POST", "https://a.example/cb", params,
			"https://a.example/cb?MessageUUIDu-1StatusdeliveredTo14155550100.N"},
		{"POST, query only", "POST", "https://a.example/cb?b=2&a=1", nil, "https://a.example/cb?a=1&b=2.N"},
		{"POST, query and body", "POST", "https://a.example/cb?b=2&a=1", params,
			"https://a.example/cb?a=1&b=2.MessageUUIDu-1StatusdeliveredTo14155550100.N"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := plivoV3String(tc.method, tc.url, "N", tc.params)
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestTwilioURLs(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want []string
	}{
		{"https://a.example/p?q=1", []string{"https://a.example:443/p?q=1", "https://a.example/p?q=1"}},
		{"http://a.example/p", []string{"http://a.example:80/p", "http://a.example/p"}},
		{"https://a.example:8443/p", []string{"https://a.example:8443/p", "https://a.example/p"}},
		{"https://a.example", []string{"https://a.example:443", "https://a.example"}},
		{"https://user:pw@a.example/p", []string{"https://user:pw@a.example:443/p", "https://user:pw@a.example/p"}},
		{"https://[::1]:8443/p", []string{"https://[::1]:8443/p", "https://[::1]/p"}},
		{"https://[::1]/p", []string{"https://[::1]:443/p", "https://[::1]/p"}},
		{"not a url", []string{"not a url"}},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, twilioURLs(tc.in), tc.in)
	}
}

func TestNumericDate(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"x", "NaN", "Inf", "1e300"} {
		_, ok := numericDate(json.Number(s))
		require.False(t, ok, s)
	}
	tm, ok := numericDate("1625479200.5")
	require.True(t, ok)
	require.Equal(t, int64(1625479200), tm.Unix())
	require.Equal(t, 500_000_000, tm.Nanosecond())
}
