package webhook_test

// Published test vectors. Each table names the file it was taken from; the
// values are copied unchanged.

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/webhook"
)

// Source: twilio/twilio-go client/request_validator_test.go.
func TestTwilioVectors(t *testing.T) {
	t.Parallel()
	const testURL = "https://mycompany.com/myapp.php?foo=1&bar=2"
	const bodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
	body := []byte(`{"property": "value", "boolean": true}`)
	params := url.Values{
		"Digits":  {"1234"},
		"CallSid": {"CA1234567890ABCDE"},
		"To":      {"+18005551212"},
		"Caller":  {"+14158675309"},
		"From":    {"+14158675309"},
	}
	tw := webhook.Twilio{AuthTokens: [][]byte{[]byte("12345")}}

	paramCases := []struct {
		name, url, sig string
		want           error
	}{
		{"as signed", testURL, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", nil},
		{"https with a port, signed without", strings.Replace(testURL, ".com", ".com:1234", 1), "RSOYDt4T1cUTdK1PDd93/VVr8B8=", nil},
		{"https, signed with the default port", testURL, "kvajT1Ptam85bY51eRf/AJRuM3w=", nil},
		{"http, signed without a port", strings.Replace(testURL, "https", "http", 1), "0ZXoZLH/DfblKGATFgpif+LLRf4=", nil},
		{"http with a port, signed with it", strings.Replace(strings.Replace(testURL, ".com", ".com:1234", 1), "https", "http", 1), "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", nil},
		{"wrong signature", testURL, "WRONG SIGNATURE", webhook.ErrMalformedSignature},
		{"another URL", testURL + "&x=1", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", webhook.ErrSignatureMismatch},
	}
	for _, tc := range paramCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tw.VerifyParams(tc.sig, tc.url, params)
			if tc.want == nil {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, tc.want)
			}
		})
	}
	require.Equal(t, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", tw.Sign(testURL, params))

	bodyCases := []struct {
		name, url, sig string
		want           error
	}{
		{"body hash in the URL", testURL + "&bodySHA256=" + bodyHash, "a9nBmqA0ju/hNViExpshrM61xv4=", nil},
		{"only the body hash", "https://mycompany.com/myapp.php?bodySHA256=" + bodyHash, "y77kIzt2vzLz71DgmJGsen2scGs=", nil},
		{"no body hash", testURL, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", webhook.ErrMalformedSignature},
	}
	for _, tc := range bodyCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tw.VerifyBody(tc.sig, tc.url, body)
			if tc.want == nil {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, tc.want)
			}
		})
	}
	// The signature is good but the body was changed.
	err := tw.VerifyBody("a9nBmqA0ju/hNViExpshrM61xv4=", testURL+"&bodySHA256="+bodyHash, []byte(`{}`))
	require.ErrorIs(t, err, webhook.ErrBodyMismatch)
	signedURL, sig := tw.SignBody("https://mycompany.com/myapp.php", body)
	require.Equal(t, "https://mycompany.com/myapp.php?bodySHA256="+bodyHash, signedURL)
	require.Equal(t, "y77kIzt2vzLz71DgmJGsen2scGs=", sig)
}

// Source: Vonage/vonage-php-sdk-core test/Client/SignatureTest.php
// (testSignature and testHmacSignature).
func TestVonageVectors(t *testing.T) {
	t.Parallel()
	inbound := map[string]string{
		"message-timestamp": "2013-11-21 15:27:30",
		"messageId":         "020000001B0FE827",
		"msisdn":            "14843472194",
		"text":              "Test again",
		"timestamp":         "1385047698",
		"to":                "13239877404",
		"type":              "text",
	}
	with := func(m map[string]string, kv ...string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			out[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	const key = "my_secret_key_for_testing"
	hmacData := map[string]string{
		"api_key":   "fake_api_key",
		"to":        "14155550100",
		"from":      "AcmeInc",
		"text":      "Test From Nexmo",
		"type":      "text",
		"timestamp": "1540924779",
	}
	const hmacKey = "71efab63122f1d179f51c46bac838fb5"
	cases := []struct {
		method webhook.VonageMethod
		sig    string
		params map[string]string
		secret string
	}{
		{webhook.VonageMD5Hash, "d2e7b1dc968737c5998ad624e02f90b7", inbound, key},
		{webhook.VonageHMACMD5, "DDEBD46008C2D4E93CCE578A332A52D5", inbound, key},
		{webhook.VonageHMACSHA1, "27D0D05C2876C7CB1720DBCDBA4D492E1E55C09A", inbound, key},
		{webhook.VonageHMACSHA256, "DDB8397C2B90AAC7F3882D306475C9A5058C92322EEF43C92B298B6E0FC0D330", inbound, key},
		{webhook.VonageHMACSHA512, "E0D3C650F8C9D1A5C174D10DDDBFB003E561F59B265616208B0487C5D819481CD3C311D59CF6165ECD1139622D5BA3A256C0D763AC4A9AD9144B5A426B94FE82", inbound, key},
		{webhook.VonageMD5Hash, "d2e7b1dc968737c5998ad624e02f90b7", with(inbound, "sig", "d2e7b1dc968737c5998ad624e02f90b7"), key},
		{webhook.VonageMD5Hash, "f0bfad43bd90cf1ea1f1525c18ba4dab", map[string]string{
			"message-timestamp": "2013-11-21 17:31:42", "messageId": "030000002A264B8B", "msisdn": "14843472194",
			"text": "Message test", "timestamp": "1385055102", "to": "14849970568", "type": "text",
			"sig": "f0bfad43bd90cf1ea1f1525c18ba4dab"}, ""},
		{webhook.VonageMD5Hash, "83c052a82906ec7c116e16f6d92f7eee", map[string]string{
			"message-timestamp": "2013-11-21 17:37:31", "messageId": "030000002A267DBB", "msisdn": "14843472194",
			"text": "One more time", "timestamp": "1385055451", "to": "14849970568", "type": "text",
			"sig": "83c052a82906ec7c116e16f6d92f7eee"}, key},
		{webhook.VonageMD5Hash, "ff933bf31c79ab3fc6a38d100191c48f", map[string]string{
			"keyword": "TESTINGS", "message-timestamp": "2017-04-04 23:05:22", "messageId": "0C00000027217D5B",
			"msisdn": "14843472194", "nonce": "c4ab6ed2-9bf5-48a0-af91-107e29bdd399", "sig": "ff933bf31c79ab3fc6a38d100191c48f",
			"text": "Testings", "timestamp": "1491347122", "to": "12192259404", "type": "text"}, key},
		{webhook.VonageMD5Hash, "e06d9763e3fd0b9c31beb5fc2fcb011c", map[string]string{
			"keyword": "TEST", "message-timestamp": "2017-04-04 22:57:47", "messageId": "0B00000042AC53BD",
			"msisdn": "14843472194", "nonce": "929d6744-bd28-42c8-b6cf-31d5b4f43732", "sig": "e06d9763e3fd0b9c31beb5fc2fcb011c",
			"text": "Test with & and =", "timestamp": "1491346667", "to": "12192259404", "type": "text"}, key},
		// The PHP array literal repeats "text"; the later value wins.
		{webhook.VonageMD5Hash, "17f5e3b22f778ec73464c01d180e9d0f", map[string]string{
			"api_key": "not_a_key", "from": "12192259404", "text": "Test&test=something",
			"timestamp": "1490638615", "to": "14843472194"}, key},
		{webhook.VonageHMACMD5, "51CDAFEBB4BBCE9525B195C1617CB8D2", hmacData, hmacKey},
		{webhook.VonageHMACSHA1, "0162AEC64BC183B2E1256545951FE5639DC98020", hmacData, hmacKey},
		{webhook.VonageHMACSHA256, "9FEC5EF6D0F2B3D2BB7558B6E4042569823CAB9EA0DD30503472B7B304601975", hmacData, hmacKey},
		{webhook.VonageHMACSHA512, "40BD12B9A4B6000AD1138EEFD24FFE9FBD72AEE13C3FA04B32BB69DBC256AD0A04A463B1A9AF6660D10F6E1E769EE14B9CFF6A635502E93AFCD0BFAB29F38F87", hmacData, hmacKey},
	}
	for _, tc := range cases {
		t.Run(string(tc.method)+"/"+tc.sig[:8], func(t *testing.T) {
			t.Parallel()
			params := url.Values{}
			for k, v := range tc.params {
				params.Set(k, v)
			}
			v := webhook.Vonage{Secrets: [][]byte{[]byte(tc.secret)}, Method: tc.method}
			require.Equal(t, tc.sig, v.Sign(params))
			if tc.secret == "" {
				return // an empty secret is refused by Verify
			}
			params.Set("sig", tc.sig)
			now := time.Unix(mustInt(t, params.Get("timestamp")), 0).Add(time.Minute)
			require.NoError(t, v.VerifyParams(params, now))
			// Lower case is accepted too (the PHP SDK compares case-insensitively).
			params.Set("sig", strings.ToLower(tc.sig))
			require.NoError(t, v.VerifyParams(params, now))
			params.Set("text", "changed")
			require.ErrorIs(t, v.VerifyParams(params, now), webhook.ErrSignatureMismatch)
		})
	}
}

// Source: the Vonage Python SDK's tests (test_signature,
// test_check_signature) and Vonage/vonage-ruby-sdk
// test/nexmo/signature_test.rb, md5hash. The Ruby file's md5/sha1/sha256/
// sha512 values are not used: they were made by an old Ruby implementation
// that appended the secret to a plain hash instead of using an HMAC.
func TestVonageMD5HashVector(t *testing.T) {
	t.Parallel()
	params := url.Values{"a": {"1"}, "b": {"2"}, "timestamp": {"1461605396"}}
	v := webhook.Vonage{Secrets: [][]byte{[]byte("secret")}, Method: webhook.VonageMD5Hash}
	require.Equal(t, "6af838ef94998832dbfc29020b564830", v.Sign(params))
	params.Set("sig", "6af838ef94998832dbfc29020b564830")
	require.NoError(t, v.VerifyParams(params, time.Unix(1461605396, 0)))
	params.Set("sig", "xxx")
	require.ErrorIs(t, v.VerifyParams(params, time.Unix(1461605396, 0)), webhook.ErrMalformedSignature)
}

// Source: Vonage/vonage-python-sdk jwt/tests/test_verify_jwt.py. The token
// carries iat 1697634680 and no payload_hash.
func TestVonageMessagesVector(t *testing.T) {
	t.Parallel()
	const token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJPbmxpbmUgSldUIEJ1aWxkZXIiLCJpYXQiOjE2OTc2MzQ2ODAsImV4cCI6MzMyNTQ1NDA4MjgsImF1ZCI6IiIsInN1YiI6IiJ9.88vJc3I2HhuqEDixHXVhc9R30tA6U_HQHZTC29y6CGM"
	now := time.Unix(1697634680, 0).Add(10 * time.Second)
	good := webhook.VonageMessages{Secrets: [][]byte{[]byte("qwertyuiopasdfghjklzxcvbnm123456")}, AllowMissingPayloadHash: true}
	require.NoError(t, good.VerifyToken("Bearer "+token, nil, now))
	bad := good
	bad.Secrets = [][]byte{[]byte("asdf")}
	require.ErrorIs(t, bad.VerifyToken("Bearer "+token, nil, now), webhook.ErrSignatureMismatch)
	require.ErrorIs(t, good.VerifyToken("Bearer asdf", nil, now), webhook.ErrMalformedSignature)
	// The default refuses a token that does not vouch for the body.
	strict := good
	strict.AllowMissingPayloadHash = false
	require.ErrorIs(t, strict.VerifyToken("Bearer "+token, nil, now), webhook.ErrClaims)
	// iat is checked against the clock on both sides.
	require.ErrorIs(t, good.VerifyToken(token, nil, now.Add(time.Hour)), webhook.ErrTooOld)
	require.ErrorIs(t, good.VerifyToken(token, nil, now.Add(-time.Hour)), webhook.ErrTooNew)
}

// Source: plivo/plivo-go utils_test.go (TestValidateSignatureV2Pass/Fail);
// the same vector is in plivo/plivo-ruby spec/signature_spec.rb and
// plivo/plivo-dotnet TestSignature.cs.
func TestPlivoV2Vector(t *testing.T) {
	t.Parallel()
	p := webhook.Plivo{AuthTokens: [][]byte{[]byte("my_auth_token")}}
	const sig = "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc="
	require.NoError(t, p.VerifyV2(sig, "https://answer.url", "12345"))
	require.Equal(t, sig, p.SignV2("https://answer.url", "12345"))
	bad := webhook.Plivo{AuthTokens: [][]byte{[]byte("my_auth_tokens")}}
	require.ErrorIs(t, bad.VerifyV2(sig, "https://answer.url", "12345"), webhook.ErrSignatureMismatch)
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	for _, c := range s {
		require.True(t, '0' <= c && c <= '9', "not a number: %q", s)
		n = n*10 + int64(c-'0')
	}
	return n
}

// Source: plivo/plivo-go utils_test.go, TestValidateSignatureV3Pass1–4 (the
// newer tests; the same values are in plivo/plivo-dotnet's TestSignature.cs,
// whose copy of Pass2 lost the URL's query). The older test's vector
// rXj4UwTSVxH6Kj+W0qX8LaCvVOOvmzPGzY8sQVn3d1I= matches only the construction
// of plivo-go before it sorted keys, and is not used.
func TestPlivoV3Vectors(t *testing.T) {
	t.Parallel()
	params := url.Values{}
	for k, v := range map[string]string{
		"Direction":       "outbound",
		"From":            "19792014278",
		"ALegUUID":        "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
		"CallStatus":      "in-progress",
		"BillRate":        "0.002",
		"ParentAuthID":    "MANWVLYTK4ZWU1YTY4QA",
		"To":              "sip:PlivoSignature382029104058171078704104@phone-qa.voice.plivodev.com",
		"ALegRequestUUID": "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
		"CallUUID":        "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
		"RequestUUID":     "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
		"SIP-H-To":        "<sip:PlivoSignature382029104058171078704104@52.9.11.55;transport=udp>;tag=1",
		"SessionStart":    "2020-04-08 11:34:33.238707",
		"Event":           "StartApp",
	} {
		params.Set(k, v)
	}
	p := webhook.Plivo{AuthTokens: [][]byte{[]byte("Y2Q2ZDgxZmY5YWRiOTI5YmQ1Njg0MTAxZWIyOTc4")}}
	const nonce = "31627761595286130198"
	cases := []struct{ name, method, url, sig string }{
		{"POST with a query", "POST", "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml/?a=b&c=d", "k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c="},
		{"GET with a query", "GET", "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml/?a=b&c=d", "UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ="},
		{"POST", "POST", "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml", "iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0="},
		{"GET", "GET", "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml", "i/MQsaQSAd6fiKhOh2qeeeLHZ9faldADSb3/7+Akfbc="},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.sig, p.SignV3(tc.method, tc.url, nonce, params))
			require.NoError(t, p.VerifyV3(tc.sig, tc.method, tc.url, nonce, params))
			require.NoError(t, p.VerifyV3("AAAA"+tc.sig[4:]+","+tc.sig, tc.method, tc.url, nonce, params))
			require.ErrorIs(t, p.VerifyV3(tc.sig, tc.method, tc.url, "1"+nonce, params), webhook.ErrSignatureMismatch)
		})
	}
	// The old vector does not verify under the current construction.
	old := webhook.Plivo{AuthTokens: [][]byte{[]byte("my_auth_token")}}
	require.ErrorIs(t, old.VerifyV3("rXj4UwTSVxH6Kj+W0qX8LaCvVOOvmzPGzY8sQVn3d1I=", "GET", "https://answer.url", "12345",
		url.Values{"CallUUID": {"97ceeb52-58b6-11e1-86da-77300b68f8bb"}, "Duration": {"300"}}), webhook.ErrSignatureMismatch)
}
