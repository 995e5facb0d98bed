package webhook_test

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/status"
	"github.com/dlrkit/dlrkit/webhook"
)

// These tests decode with the real carrier.Parse (Handler.Decode nil).

func TestCarrierTwilioForm(t *testing.T) {
	t.Parallel()
	// Constructed from the parameters Twilio documents for status
	// callbacks (twilio.com/docs/messaging/guides/track-outbound-message-status).
	form := url.Values{
		"MessageSid":    {"SM0123456789abcdef0123456789abcdef"},
		"SmsSid":        {"SM0123456789abcdef0123456789abcdef"},
		"AccountSid":    {"AC0123456789abcdef0123456789abcdef"},
		"MessageStatus": {"delivered"},
		"SmsStatus":     {"delivered"},
		"From":          {"+15017122661"},
		"To":            {"+15558675310"},
		"ApiVersion":    {"2010-04-01"},
	}
	body := []byte(form.Encode())
	const ctype = "application/x-www-form-urlencoded"

	tw := webhook.Twilio{AuthTokens: [][]byte{[]byte("twilio-token")}}
	rec := &recorder{}
	h := &webhook.Handler{Provider: "twilio", Verifier: tw, Sink: rec.sink, Reject: rec.reject, PublicURL: "https://dlr.example.com/twilio"}
	r := httptest.NewRequest("POST", "http://10.0.0.1/twilio", strings.NewReader(string(body)))
	r.Header.Set("Content-Type", ctype)
	r.Header.Set(webhook.TwilioHeader, tw.Sign("https://dlr.example.com/twilio", form))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	require.Equal(t, 200, w.Code, "%v", rec.rejected)
	require.Len(t, rec.stored, 1)
	require.Equal(t, "SM0123456789abcdef0123456789abcdef", rec.stored[0].MessageID)
	require.Equal(t, status.Delivered, rec.stored[0].Status)
}

func TestCarrierJasminGet(t *testing.T) {
	t.Parallel()
	// Constructed from the level-2 DLR fields Jasmin documents
	// (jookies/jasmin misc/doc/sources/apis/http/index.rst); Jasmin signs
	// nothing and wants the body "ACK/Jasmin".
	q := url.Values{
		"id":             {"16fd2706-8baf-433b-82eb-8c7fada847da"},
		"id_smsc":        {"2201154"},
		"message_status": {"DELIVRD"},
		"level":          {"2"},
		"connector":      {"smsc01"},
		"subdate":        {"1311022338"},
		"donedate":       {"1311022338"},
		"sub":            {"1"},
		"dlvrd":          {"1"},
		"err":            {"000"},
		"text":           {"Hello foo bar"},
	}

	rec := &recorder{}
	h := &webhook.Handler{Provider: "jasmin", Verifier: webhook.Unsigned{}, Sink: rec.sink, Reject: rec.reject,
		Response: []byte("ACK/Jasmin"), Clock: func() time.Time { return time.Unix(0, 0) }}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "http://dlr.internal/jasmin?"+q.Encode(), nil))
	require.Equal(t, 200, w.Code, "%v", rec.rejected)
	require.Equal(t, "ACK/Jasmin", w.Body.String())
	require.Len(t, rec.stored, 1)
	require.Equal(t, status.Delivered, rec.stored[0].Status)
}

func TestCarrierVonageGet(t *testing.T) {
	t.Parallel()
	// Constructed from the DeliveryReceipt fields of
	// Nexmo/api-specification definitions/sms.yml, signed with md5hash.
	now := time.Unix(1_700_000_000, 0)
	q := url.Values{
		"msisdn":            {"447700900000"},
		"to":                {"AcmeInc"},
		"network-code":      {"12345"},
		"messageId":         {"0A0000001234567B"},
		"price":             {"0.03330000"},
		"status":            {"delivered"},
		"scts":              {"2001011400"},
		"err-code":          {"0"},
		"api-key":           {"abcd1234"},
		"message-timestamp": {"2020-01-01 12:00:00"},
		"timestamp":         {"1700000000"},
		"nonce":             {"ec11dd3e-1e7f-4db5-9467-82b02cd223b9"},
	}
	v := webhook.Vonage{Secrets: [][]byte{[]byte("sig-secret")}, Method: webhook.VonageMD5Hash}
	q.Set("sig", v.Sign(q))

	rec := &recorder{}
	h := &webhook.Handler{Provider: "vonage", Verifier: v, Sink: rec.sink, Reject: rec.reject, Clock: func() time.Time { return now }}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "http://dlr.internal/vonage?"+q.Encode(), nil))
	require.Equal(t, 200, w.Code, "%v", rec.rejected)
	require.Len(t, rec.stored, 1)
	require.Equal(t, "0A0000001234567B", rec.stored[0].MessageID)
	require.Equal(t, status.Delivered, rec.stored[0].Status)
}
