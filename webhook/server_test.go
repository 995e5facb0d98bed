package webhook_test

import (
	"crypto/ed25519"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/webhook"
)

// Every scheme end to end through a real net/http server on 127.0.0.1:
// a signed request is stored and answered 200; the same request altered
// after signing is answered 401 and stores nothing.
func TestServerEveryScheme(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_700_000_000, 0)
	ts := strconv.FormatInt(now.Unix(), 10)
	telnyxKey := ed25519.NewKeyFromSeed([]byte("0123456789abcdef0123456789abcdef"))
	var (
		bsr   = webhook.BSR{Secrets: [][]byte{[]byte("bsr")}}
		tw    = webhook.Twilio{AuthTokens: [][]byte{[]byte("twilio-token")}}
		vo    = webhook.Vonage{Secrets: [][]byte{[]byte("vonage-secret")}, Method: webhook.VonageHMACSHA512}
		vm    = webhook.VonageMessages{Secrets: [][]byte{[]byte("vonage-messages-secret-0123456789")}}
		pl    = webhook.Plivo{AuthTokens: [][]byte{[]byte("plivo-token")}}
		tx    = webhook.Telnyx{PublicKeys: []ed25519.PublicKey{telnyxKey.Public().(ed25519.PublicKey)}}
		mb    = webhook.MessageBird{SigningKeys: [][]byte{[]byte("mb-key")}}
		recs  = map[string]*recorder{}
		mux   = http.NewServeMux()
		names = []string{"bsr", "twilio", "twilio-json", "vonage", "vonage-messages", "plivo-v3", "plivo-v2", "telnyx", "messagebird"}
	)
	verifiers := map[string]webhook.Verifier{"bsr": bsr, "twilio": tw, "twilio-json": tw, "vonage": vo,
		"vonage-messages": vm, "plivo-v3": pl, "plivo-v2": pl, "telnyx": tx, "messagebird": mb}
	for _, n := range names {
		rec := &recorder{}
		recs[n] = rec
		mux.Handle("/"+n, &webhook.Handler{Provider: n, Verifier: verifiers[n], Sink: rec.sink, Reject: rec.reject,
			Decode: testDecode, Clock: func() time.Time { return now }})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base := srv.URL
	require.True(t, strings.HasPrefix(base, "http://127.0.0.1:"), base)

	jsonBody := func(id string) []byte {
		return []byte(`{"receipts":[{"message_id":"` + id + `","status":"DELIVRD"}]}`)
	}
	form := func(id string) url.Values { return url.Values{"message_id": {id}, "status": {"DELIVRD"}} }
	post := func(u, ctype string, body []byte, kv ...string) *http.Request {
		r, err := http.NewRequest("POST", u, strings.NewReader(string(body)))
		require.NoError(t, err)
		r.Header.Set("Content-Type", ctype)
		for i := 0; i+1 < len(kv); i += 2 {
			r.Header.Set(kv[i], kv[i+1])
		}
		return r
	}
	get := func(u string, kv ...string) *http.Request {
		r, err := http.NewRequest("GET", u, nil)
		require.NoError(t, err)
		for i := 0; i+1 < len(kv); i += 2 {
			r.Header.Set(kv[i], kv[i+1])
		}
		return r
	}
	const jsonType, formType = "application/json", "application/x-www-form-urlencoded"
	tamper := func(b []byte) []byte { return []byte(strings.Replace(string(b), "DELIVRD", "UNDELIV", 1)) }

	// build returns the signed request and the same request altered after
	// signing.
	build := map[string]func() (good, bad *http.Request){
		"bsr": func() (*http.Request, *http.Request) {
			b := jsonBody("bsr-1")
			sig := webhook.Sign(bsr.Secrets[0], b)
			return post(base+"/bsr", jsonType, b, webhook.BSRHeader, sig), post(base+"/bsr", jsonType, tamper(b), webhook.BSRHeader, sig)
		},
		"twilio": func() (*http.Request, *http.Request) {
			f := form("tw-1")
			u := base + "/twilio"
			sig := tw.Sign(u, f)
			b := []byte(f.Encode())
			return post(u, formType, b, webhook.TwilioHeader, sig), post(u, formType, tamper(b), webhook.TwilioHeader, sig)
		},
		"twilio-json": func() (*http.Request, *http.Request) {
			b := jsonBody("twj-1")
			u, sig := tw.SignBody(base+"/twilio-json", b)
			return post(u, jsonType, b, webhook.TwilioHeader, sig), post(u, jsonType, tamper(b), webhook.TwilioHeader, sig)
		},
		"vonage": func() (*http.Request, *http.Request) {
			p := form("vo-1")
			p.Set("timestamp", ts)
			p.Set("sig", vo.Sign(p))
			return get(base + "/vonage?" + p.Encode()), get(base + "/vonage?" + string(tamper([]byte(p.Encode()))))
		},
		"vonage-messages": func() (*http.Request, *http.Request) {
			b := jsonBody("vm-1")
			auth := "Bearer " + vm.Sign(b, now, "jti-1", "key")
			return post(base+"/vonage-messages", jsonType, b, "Authorization", auth), post(base+"/vonage-messages", jsonType, tamper(b), "Authorization", auth)
		},
		"plivo-v3": func() (*http.Request, *http.Request) {
			f := form("pl-1")
			u := base + "/plivo-v3"
			sig := pl.SignV3("POST", u, "nonce-9", f)
			b := []byte(f.Encode())
			return post(u, formType, b, webhook.PlivoV3Header, sig, webhook.PlivoV3NonceHeader, "nonce-9"),
				post(u, formType, tamper(b), webhook.PlivoV3Header, sig, webhook.PlivoV3NonceHeader, "nonce-9")
		},
		"plivo-v2": func() (*http.Request, *http.Request) {
			// V2 signs only the URL and nonce: alter the nonce instead.
			f := form("pl2-1")
			u := base + "/plivo-v2"
			sig := pl.SignV2(u, "n-1")
			b := []byte(f.Encode())
			return post(u, formType, b, webhook.PlivoV2Header, sig, webhook.PlivoV2NonceHeader, "n-1"),
				post(u, formType, b, webhook.PlivoV2Header, sig, webhook.PlivoV2NonceHeader, "n-2")
		},
		"telnyx": func() (*http.Request, *http.Request) {
			b := jsonBody("tx-1")
			sig := webhook.SignTelnyx(telnyxKey, ts, b)
			return post(base+"/telnyx", jsonType, b, webhook.TelnyxSignatureHeader, sig, webhook.TelnyxTimestampHeader, ts),
				post(base+"/telnyx", jsonType, tamper(b), webhook.TelnyxSignatureHeader, sig, webhook.TelnyxTimestampHeader, ts)
		},
		"messagebird": func() (*http.Request, *http.Request) {
			u := base + "/messagebird?" + form("mb-1").Encode()
			tok := mb.Sign(u, nil, now, "jti-7")
			return get(u, webhook.MessageBirdHeader, tok), get(string(tamper([]byte(u))), webhook.MessageBirdHeader, tok)
		},
	}
	client := srv.Client()
	for _, n := range names {
		good, bad := build[n]()
		res, err := client.Do(bad)
		require.NoError(t, err)
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		require.Equal(t, 401, res.StatusCode, n+": altered request")
		require.Empty(t, recs[n].stored, n)
		require.Len(t, recs[n].rejected, 1, n)

		res, err = client.Do(good)
		require.NoError(t, err)
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		require.Equal(t, 200, res.StatusCode, fmt.Sprintf("%s: %v", n, recs[n].rejected))
		require.Len(t, recs[n].stored, 1, n)
	}
}

// Every failure path through a real server on 127.0.0.1.
func TestServerFailurePaths(t *testing.T) {
	t.Parallel()
	rec := &recorder{}
	failing := &recorder{sinkErr: errStoreDown}
	h := newBSRHandler(rec)
	h.Response = []byte("ACK/Jasmin")
	hf := newBSRHandler(failing)
	mux := http.NewServeMux()
	mux.Handle("/ok", h)
	mux.Handle("/failing", hf)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	sign := func(b string) string { return webhook.Sign(bsrSecret, []byte(b)) }
	big := strings.Repeat("x", int(h.MaxBody)+1)
	cases := []struct {
		name, method, path, body, sig string
		chunked                       bool
		want                          int
		wantHeader                    [2]string
		wantBody                      string
	}{
		{name: "200 with the response body", method: "POST", path: "/ok", body: oneReceipt, sig: sign(oneReceipt), want: 200, wantBody: "ACK/Jasmin"},
		{name: "405", method: "PATCH", path: "/ok", body: oneReceipt, sig: sign(oneReceipt), want: 405, wantHeader: [2]string{"Allow", "GET, HEAD, POST"}},
		{name: "413 by Content-Length", method: "POST", path: "/ok", body: big, sig: sign(big), want: 413},
		{name: "413 chunked", method: "POST", path: "/ok", body: big, sig: sign(big), chunked: true, want: 413},
		{name: "401 missing", method: "POST", path: "/ok", body: oneReceipt, want: 401},
		{name: "401 garbled", method: "POST", path: "/ok", body: oneReceipt, sig: "sha256=xyz", want: 401},
		{name: "401 mismatch", method: "POST", path: "/ok", body: oneReceipt, sig: sign("other"), want: 401},
		{name: "400 undecodable", method: "POST", path: "/ok", body: "[1,2", sig: sign("[1,2"), want: 400},
		{name: "503 sink failure", method: "POST", path: "/failing", body: oneReceipt, sig: sign(oneReceipt), want: 503, wantHeader: [2]string{"Retry-After", "30"}},
	}
	for _, tc := range cases {
		var body io.Reader = strings.NewReader(tc.body)
		if tc.chunked {
			body = io.MultiReader(strings.NewReader(tc.body)) // hides the length: sent chunked
		}
		req, err := http.NewRequest(tc.method, srv.URL+tc.path, body)
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		if tc.sig != "" {
			req.Header.Set(webhook.BSRHeader, tc.sig)
		}
		res, err := srv.Client().Do(req)
		require.NoError(t, err, tc.name)
		got, _ := io.ReadAll(res.Body)
		res.Body.Close()
		require.Equal(t, tc.want, res.StatusCode, tc.name)
		if tc.wantHeader[0] != "" {
			require.Equal(t, tc.wantHeader[1], res.Header.Get(tc.wantHeader[0]), tc.name)
		}
		if tc.wantBody != "" {
			require.Equal(t, tc.wantBody, string(got), tc.name)
		}
	}
	require.Len(t, rec.stored, 1, "only the good request was stored")
	require.Empty(t, failing.stored)
	require.Len(t, rec.rejected, 6) // two 413, three 401, one 400
}
