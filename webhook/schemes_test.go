package webhook_test

import (
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/webhook"
)

// Constructed requests: signed here with the package's own Sign functions
// (whose output the vector tests pin), then altered one thing at a time.

func TestSignKnownValue(t *testing.T) {
	t.Parallel()
	// RFC 4231 §4.3, test case 2: HMAC-SHA-256 with key "Jefe".
	got := webhook.Sign([]byte("Jefe"), []byte("what do ya want for nothing?"))
	require.Equal(t, "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", got)
}

func TestVerifyBSR(t *testing.T) {
	t.Parallel()
	body := []byte(`{"message_id":"m1","status":"DELIVRD"}`)
	cur, old := []byte("current-secret"), []byte("old-secret")
	good := webhook.Sign(cur, body)
	oldSig := webhook.Sign(old, body)
	cases := []struct {
		name    string
		header  string
		body    []byte
		secrets [][]byte
		want    error
	}{
		{"good", good, body, [][]byte{cur}, nil},
		{"upper-case hex", "sha256=" + strings.ToUpper(strings.TrimPrefix(good, "sha256=")), body, [][]byte{cur}, nil},
		{"spaces around", " " + good + " ", body, [][]byte{cur}, nil},
		{"signed with the old secret while rotating", oldSig, body, [][]byte{cur, old}, nil},
		{"old secret after rotation", oldSig, body, [][]byte{cur}, webhook.ErrSignatureMismatch},
		{"missing", "", body, [][]byte{cur}, webhook.ErrNoSignature},
		{"blank", "   ", body, [][]byte{cur}, webhook.ErrNoSignature},
		{"no prefix", strings.TrimPrefix(good, "sha256="), body, [][]byte{cur}, webhook.ErrMalformedSignature},
		{"other algorithm", "sha1=" + strings.TrimPrefix(good, "sha256="), body, [][]byte{cur}, webhook.ErrMalformedSignature},
		{"short", good[:len(good)-2], body, [][]byte{cur}, webhook.ErrMalformedSignature},
		{"not hex", good[:len(good)-1] + "g", body, [][]byte{cur}, webhook.ErrMalformedSignature},
		{"body changed", good, append([]byte(nil), append(body, ' ')...), [][]byte{cur}, webhook.ErrSignatureMismatch},
		{"no secret", good, body, nil, webhook.ErrNoSecret},
		{"only an empty secret", good, body, [][]byte{{}}, webhook.ErrNoSecret},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := webhook.Verify(tc.header, tc.body, tc.secrets...)
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
			var ve *webhook.VerifyError
			require.ErrorAs(t, err, &ve)
			require.Equal(t, "bsr", ve.Scheme)
			require.True(t, strings.HasPrefix(err.Error(), "webhook: bsr: "), err.Error())
		})
	}
	require.Regexp(t, `^sha256=[0-9a-f]{64}$`, good)
}

func header(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

func TestTwilioVerifier(t *testing.T) {
	t.Parallel()
	tw := webhook.Twilio{AuthTokens: [][]byte{[]byte("token-a"), []byte("token-b")}}
	form := url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"delivered"}, "To": {"+15550001111"}}
	body := []byte(form.Encode())
	const u = "https://dlr.example.com/twilio?tag=x"
	formHdr := "application/x-www-form-urlencoded"
	jsonBody := []byte(`{"MessageSid":"SM1"}`)
	jsonURL, jsonSig := tw.SignBody(u, jsonBody)
	second := webhook.Twilio{AuthTokens: [][]byte{[]byte("token-b")}}
	cases := []struct {
		name string
		req  webhook.Request
		want error
	}{
		{"form POST", webhook.Request{Method: "POST", URL: u, Body: body,
			Header: header("Content-Type", formHdr, webhook.TwilioHeader, tw.Sign(u, form))}, nil},
		{"form POST signed with the secondary token", webhook.Request{Method: "POST", URL: u, Body: body,
			Header: header("Content-Type", formHdr, webhook.TwilioHeader, second.Sign(u, form))}, nil},
		{"form POST with the default port in the URL", webhook.Request{Method: "POST", URL: "https://dlr.example.com:443/twilio?tag=x", Body: body,
			Header: header("Content-Type", formHdr, webhook.TwilioHeader, tw.Sign(u, form))}, nil},
		{"GET", webhook.Request{Method: "GET", URL: u + "&MessageSid=SM1",
			Header: header(webhook.TwilioHeader, tw.Sign(u+"&MessageSid=SM1", nil))}, nil},
		{"JSON", webhook.Request{Method: "POST", URL: jsonURL, Body: jsonBody,
			Header: header("Content-Type", "application/json", webhook.TwilioHeader, jsonSig)}, nil},
		{"JSON body changed", webhook.Request{Method: "POST", URL: jsonURL, Body: []byte(`{"MessageSid":"SM2"}`),
			Header: header("Content-Type", "application/json", webhook.TwilioHeader, jsonSig)}, webhook.ErrBodyMismatch},
		{"form parameter added", webhook.Request{Method: "POST", URL: u, Body: append(body, "&x=1"...),
			Header: header("Content-Type", formHdr, webhook.TwilioHeader, tw.Sign(u, form))}, webhook.ErrSignatureMismatch},
		{"other path", webhook.Request{Method: "POST", URL: "https://dlr.example.com/other?tag=x", Body: body,
			Header: header("Content-Type", formHdr, webhook.TwilioHeader, tw.Sign(u, form))}, webhook.ErrSignatureMismatch},
		{"no header", webhook.Request{Method: "POST", URL: u, Body: body, Header: header("Content-Type", formHdr)}, webhook.ErrNoSignature},
		{"nil header", webhook.Request{Method: "POST", URL: u, Body: body}, webhook.ErrNoSignature},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tw.Verify(tc.req, time.Time{})
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
	require.ErrorIs(t, webhook.Twilio{}.VerifyParams(tw.Sign(u, form), u, form), webhook.ErrNoSecret)
}

func TestVonageVerifier(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_700_000_000, 0)
	v := webhook.Vonage{Secrets: [][]byte{[]byte("sig-secret")}, Method: webhook.VonageHMACSHA256}
	params := func(ts time.Time) url.Values {
		p := url.Values{"messageId": {"0A0000001234"}, "status": {"delivered"}, "err-code": {"0"},
			"msisdn": {"447700900000"}, "timestamp": {strconv.FormatInt(ts.Unix(), 10)}, "nonce": {"n-1"}}
		p.Set("sig", v.Sign(p))
		return p
	}
	get := func(p url.Values) webhook.Request {
		return webhook.Request{Method: "GET", URL: "https://dlr.example.com/vonage?" + p.Encode()}
	}
	fresh := params(now)
	jsonBody := []byte(`{"messageId":"0A0000001234","status":"delivered","err-code":"0","msisdn":"447700900000","timestamp":"` +
		fresh.Get("timestamp") + `","nonce":"n-1","sig":"` + fresh.Get("sig") + `"}`)
	noTS := url.Values{"messageId": {"x"}}
	noTS.Set("sig", v.Sign(noTS))
	cases := []struct {
		name string
		v    webhook.Vonage
		req  webhook.Request
		want error
	}{
		{"GET", v, get(fresh), nil},
		{"form POST", v, webhook.Request{Method: "POST", URL: "https://dlr.example.com/vonage", Body: []byte(fresh.Encode()),
			Header: header("Content-Type", "application/x-www-form-urlencoded")}, nil},
		{"JSON POST", v, webhook.Request{Method: "POST", URL: "https://dlr.example.com/vonage", Body: jsonBody,
			Header: header("Content-Type", "application/json")}, nil},
		{"at the edge of the window (old)", v, get(params(now.Add(-webhook.DefaultTolerance))), nil},
		{"at the edge of the window (new)", v, get(params(now.Add(webhook.DefaultTolerance))), nil},
		{"too old", v, get(params(now.Add(-webhook.DefaultTolerance - time.Second))), webhook.ErrTooOld},
		{"too new", v, get(params(now.Add(webhook.DefaultTolerance + time.Second))), webhook.ErrTooNew},
		{"no sig", v, webhook.Request{Method: "GET", URL: "https://dlr.example.com/vonage?messageId=x"}, webhook.ErrNoSignature},
		{"no timestamp", v, get(noTS), webhook.ErrMalformedSignature},
		{"method not set", webhook.Vonage{Secrets: v.Secrets}, get(fresh), webhook.ErrAlgorithm},
		{"other method", webhook.Vonage{Secrets: v.Secrets, Method: webhook.VonageHMACSHA512}, get(fresh), webhook.ErrMalformedSignature},
		{"wrong secret", webhook.Vonage{Secrets: [][]byte{[]byte("x")}, Method: webhook.VonageHMACSHA256}, get(fresh), webhook.ErrSignatureMismatch},
		{"no secret", webhook.Vonage{Method: webhook.VonageHMACSHA256}, get(fresh), webhook.ErrNoSecret},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.v.Verify(tc.req, now)
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
}

// hsToken builds a JWT by hand, so that tests can make tokens the package
// would never sign (other algorithms, broken parts).
func hsToken(alg string, key []byte, claims string) string {
	enc := base64.RawURLEncoding
	s := enc.EncodeToString([]byte(`{"alg":"`+alg+`","typ":"JWT"}`)) + "." + enc.EncodeToString([]byte(claims))
	var m = hmac.New(sha256.New, key)
	switch alg {
	case "HS384":
		m = hmac.New(sha512.New384, key)
	case "HS512":
		m = hmac.New(sha512.New, key)
	}
	m.Write([]byte(s))
	return s + "." + enc.EncodeToString(m.Sum(nil))
}

func TestVonageMessagesVerifier(t *testing.T) {
	t.Parallel()
	key := []byte("0123456789abcdef0123456789abcdef")
	v := webhook.VonageMessages{Secrets: [][]byte{key}}
	now := time.Unix(1_700_000_000, 0)
	body := []byte(`{"message_uuid":"aaaaaaaa-bbbb-cccc-dddd-0123456789ab","status":"delivered"}`)
	tok := v.Sign(body, now.Add(-time.Minute), "jti-1", "abcd1234")
	bodyHash := sha256.Sum256(body)
	claims := `{"iat":` + strconv.FormatInt(now.Unix(), 10) + `,"payload_hash":"` + hexOf(bodyHash[:]) + `"}`
	cases := []struct {
		name  string
		auth  string
		body  []byte
		want  error
		clock time.Time
	}{
		{"good", "Bearer " + tok, body, nil, now},
		{"lower-case bearer", "bearer " + tok, body, nil, now},
		{"bare token", tok, body, nil, now},
		{"body changed", "Bearer " + tok, []byte(`{}`), webhook.ErrBodyMismatch, now},
		{"too old", "Bearer " + tok, body, webhook.ErrTooOld, now.Add(webhook.DefaultTolerance)},
		{"from the future", "Bearer " + tok, body, webhook.ErrTooNew, now.Add(-2 * time.Minute)},
		{"no header", "", body, webhook.ErrNoSignature, now},
		{"two parts", "Bearer a.b", body, webhook.ErrMalformedSignature, now},
		{"four parts", "Bearer " + tok + ".x", body, webhook.ErrMalformedSignature, now},
		{"HS512 is not Vonage's", "Bearer " + hsToken("HS512", key, claims), body, webhook.ErrAlgorithm, now},
		{"alg none", "Bearer " + strings.TrimRight(hsToken("none", key, claims), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"), body, webhook.ErrAlgorithm, now},
		{"hand-made HS256", "Bearer " + hsToken("HS256", key, claims), body, nil, now},
		{"iat not a number", "Bearer " + hsToken("HS256", key, `{"iat":"soon","payload_hash":"x"}`), body, webhook.ErrMalformedSignature, now},
		{"no iat", "Bearer " + hsToken("HS256", key, `{"payload_hash":"`+hexOf(bodyHash[:])+`"}`), body, webhook.ErrClaims, now},
		{"expired by exp", "Bearer " + hsToken("HS256", key, `{"iat":`+strconv.FormatInt(now.Unix(), 10)+`,"exp":`+strconv.FormatInt(now.Unix()-1, 10)+`,"payload_hash":"`+hexOf(bodyHash[:])+`"}`), body, webhook.ErrTooOld, now},
		{"not yet valid by nbf", "Bearer " + hsToken("HS256", key, `{"iat":`+strconv.FormatInt(now.Unix(), 10)+`,"nbf":`+strconv.FormatInt(now.Unix()+1, 10)+`,"payload_hash":"`+hexOf(bodyHash[:])+`"}`), body, webhook.ErrTooNew, now},
		{"wrong key", "Bearer " + hsToken("HS256", []byte("other"), claims), body, webhook.ErrSignatureMismatch, now},
		{"claims not JSON", "Bearer " + hsToken("HS256", key, `not json`), body, webhook.ErrMalformedSignature, now},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := v.Verify(webhook.Request{Method: "POST", URL: "https://x/", Body: tc.body,
				Header: header("Authorization", tc.auth)}, tc.clock)
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func hexOf(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

func TestPlivoVerifier(t *testing.T) {
	t.Parallel()
	p := webhook.Plivo{AuthTokens: [][]byte{[]byte("MAXXXXXXXXXXXXXXXXXX-token")}}
	other := webhook.Plivo{AuthTokens: [][]byte{[]byte("another-token")}}
	form := url.Values{"MessageUUID": {"u-1"}, "Status": {"delivered"}, "To": {"14155550100"}}
	const u = "https://dlr.example.com/plivo?acct=7"
	formHdr := "application/x-www-form-urlencoded"
	sig := p.SignV3("POST", u, "nonce-1", form)
	cases := []struct {
		name string
		req  webhook.Request
		want error
	}{
		{"V3 form POST", webhook.Request{Method: "POST", URL: u, Body: []byte(form.Encode()),
			Header: header("Content-Type", formHdr, webhook.PlivoV3Header, sig, webhook.PlivoV3NonceHeader, "nonce-1")}, nil},
		{"V3 several signatures", webhook.Request{Method: "POST", URL: u, Body: []byte(form.Encode()),
			Header: header("Content-Type", formHdr, webhook.PlivoV3Header, other.SignV3("POST", u, "nonce-1", form)+","+sig, webhook.PlivoV3NonceHeader, "nonce-1")}, nil},
		{"V3 GET", webhook.Request{Method: "GET", URL: u + "&" + form.Encode(),
			Header: header(webhook.PlivoV3Header, p.SignV3("GET", u+"&"+form.Encode(), "n2", nil), webhook.PlivoV3NonceHeader, "n2")}, nil},
		{"V3 other nonce", webhook.Request{Method: "POST", URL: u, Body: []byte(form.Encode()),
			Header: header("Content-Type", formHdr, webhook.PlivoV3Header, sig, webhook.PlivoV3NonceHeader, "nonce-2")}, webhook.ErrSignatureMismatch},
		{"V3 no nonce", webhook.Request{Method: "POST", URL: u, Body: []byte(form.Encode()),
			Header: header("Content-Type", formHdr, webhook.PlivoV3Header, sig)}, webhook.ErrMalformedSignature},
		{"V3 parameter changed", webhook.Request{Method: "POST", URL: u, Body: []byte(strings.Replace(form.Encode(), "delivered", "failed", 1)),
			Header: header("Content-Type", formHdr, webhook.PlivoV3Header, sig, webhook.PlivoV3NonceHeader, "nonce-1")}, webhook.ErrSignatureMismatch},
		{"V3 garbled", webhook.Request{Method: "POST", URL: u, Body: []byte(form.Encode()),
			Header: header("Content-Type", formHdr, webhook.PlivoV3Header, "abc", webhook.PlivoV3NonceHeader, "nonce-1")}, webhook.ErrMalformedSignature},
		{"V2", webhook.Request{Method: "POST", URL: u,
			Header: header(webhook.PlivoV2Header, p.SignV2(u, "n3"), webhook.PlivoV2NonceHeader, "n3")}, nil},
		{"V2 other path", webhook.Request{Method: "POST", URL: "https://dlr.example.com/x",
			Header: header(webhook.PlivoV2Header, p.SignV2(u, "n3"), webhook.PlivoV2NonceHeader, "n3")}, webhook.ErrSignatureMismatch},
		{"no signature", webhook.Request{Method: "POST", URL: u}, webhook.ErrNoSignature},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := p.Verify(tc.req, time.Time{})
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
}

// Telnyx publishes no key pair or signature, so the keys are generated here
// from fixed seeds.
func TestTelnyxVerifier(t *testing.T) {
	t.Parallel()
	priv := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))
	seed2 := make([]byte, ed25519.SeedSize)
	seed2[0] = 1
	priv2 := ed25519.NewKeyFromSeed(seed2)
	pub := priv.Public().(ed25519.PublicKey)
	pubB64 := base64.StdEncoding.EncodeToString(pub)
	parsed, err := webhook.ParseTelnyxKey(pubB64)
	require.NoError(t, err)
	require.Equal(t, pub, parsed)
	_, err = webhook.ParseTelnyxKey("AAAA")
	require.Error(t, err)
	_, err = webhook.ParseTelnyxKey("!!")
	require.Error(t, err)

	tx := webhook.Telnyx{PublicKeys: []ed25519.PublicKey{parsed}}
	now := time.Unix(1_700_000_000, 0)
	body := []byte(`{"data":{"event_type":"message.finalized","payload":{"id":"40385f64-5717-4562-b3fc-2c963f66afa6"}}}`)
	req := func(sig, ts string, b []byte) webhook.Request {
		return webhook.Request{Method: "POST", URL: "https://x/", Body: b,
			Header: header(webhook.TelnyxSignatureHeader, sig, webhook.TelnyxTimestampHeader, ts)}
	}
	at := func(d time.Duration) string { return strconv.FormatInt(now.Add(d).Unix(), 10) }
	ts := at(0)
	cases := []struct {
		name string
		tx   webhook.Telnyx
		req  webhook.Request
		want error
	}{
		{"good", tx, req(webhook.SignTelnyx(priv, ts, body), ts, body), nil},
		{"edge of the window (old)", tx, req(webhook.SignTelnyx(priv, at(-300*time.Second), body), at(-300*time.Second), body), nil},
		{"edge of the window (new)", tx, req(webhook.SignTelnyx(priv, at(300*time.Second), body), at(300*time.Second), body), nil},
		{"too old", tx, req(webhook.SignTelnyx(priv, at(-301*time.Second), body), at(-301*time.Second), body), webhook.ErrTooOld},
		{"too new", tx, req(webhook.SignTelnyx(priv, at(301*time.Second), body), at(301*time.Second), body), webhook.ErrTooNew},
		{"timestamp changed", tx, req(webhook.SignTelnyx(priv, ts, body), at(time.Second), body), webhook.ErrSignatureMismatch},
		{"body changed", tx, req(webhook.SignTelnyx(priv, ts, body), ts, append([]byte(nil), append(body, ' ')...)), webhook.ErrSignatureMismatch},
		{"other key", tx, req(webhook.SignTelnyx(priv2, ts, body), ts, body), webhook.ErrSignatureMismatch},
		{"rotated keys", webhook.Telnyx{PublicKeys: []ed25519.PublicKey{priv2.Public().(ed25519.PublicKey), pub}}, req(webhook.SignTelnyx(priv, ts, body), ts, body), nil},
		{"no signature", tx, req("", ts, body), webhook.ErrNoSignature},
		{"signature not base64", tx, req("***", ts, body), webhook.ErrMalformedSignature},
		{"signature short", tx, req(base64.StdEncoding.EncodeToString(make([]byte, 63)), ts, body), webhook.ErrMalformedSignature},
		{"timestamp missing", tx, req(webhook.SignTelnyx(priv, ts, body), "", body), webhook.ErrMalformedSignature},
		{"timestamp not a number", tx, req(webhook.SignTelnyx(priv, "soon", body), "soon", body), webhook.ErrMalformedSignature},
		{"no key", webhook.Telnyx{}, req(webhook.SignTelnyx(priv, ts, body), ts, body), webhook.ErrNoSecret},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.tx.Verify(tc.req, now)
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func TestMessageBirdSign(t *testing.T) {
	t.Parallel()
	mb := webhook.MessageBird{SigningKeys: [][]byte{[]byte("signing-key")}}
	now := time.Unix(1_700_000_000, 0)
	const u = "https://dlr.example.com/mb?id=abc&status=delivered"
	tok := mb.Sign(u, nil, now, "jti-1")
	req := webhook.Request{Method: "GET", URL: u, Header: header(webhook.MessageBirdHeader, tok)}
	require.NoError(t, mb.Verify(req, now))
	require.NoError(t, mb.Verify(req, now.Add(61*time.Second)))                                  // exp + 1 s skew
	require.ErrorIs(t, mb.Verify(req, now.Add(62*time.Second)), webhook.ErrTooOld)               //
	require.ErrorIs(t, mb.Verify(req, now.Add(-2*time.Second)), webhook.ErrTooNew)               //
	require.ErrorIs(t, mb.VerifyToken(tok, u+"&x=1", nil, now), webhook.ErrBodyMismatch)         // url_hash
	require.NoError(t, mb.VerifyToken(mb.Sign(u, []byte("b"), now, "j"), u, []byte("b"), now))   //
	require.ErrorIs(t, mb.VerifyToken(mb.Sign(u, nil, now, ""), u, nil, now), webhook.ErrClaims) // jti
	require.ErrorIs(t, mb.VerifyToken(hsToken("HS256", []byte("signing-key"), `{"iss":"Other","nbf":1700000000,"exp":1700000060,"jti":"j"}`), u, nil, now), webhook.ErrClaims)
	require.ErrorIs(t, mb.VerifyToken(hsToken("HS256", []byte("signing-key"), `{"iss":"MessageBird","nbf":1700000000,"jti":"j"}`), u, nil, now), webhook.ErrClaims) // no exp
	require.ErrorIs(t, mb.Verify(webhook.Request{Method: "GET", URL: u}, now), webhook.ErrNoSignature)
}
