package carrier_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/status"
)

func TestParseErrors(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat(`{"a":`, 40) + `1` + strings.Repeat(`}`, 40)
	tests := []struct {
		name     string
		body     string
		meta     carrier.Meta
		p        carrier.Parser
		sentinel error
		field    string
		index    int
	}{
		{"unknown provider", `{}`, carrier.Meta{Provider: "nope"}, carrier.Parser{}, carrier.ErrUnknownProvider, "", 0},
		{"JSON to a form provider", `{}`, carrier.Meta{Provider: carrier.Twilio}, carrier.Parser{}, carrier.ErrWrongFormat, "", 0},
		{"malformed", `{"message_id":`, carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{}, carrier.ErrMalformed, "", 0},
		{"trailing garbage", `{"message_id":"a","status":"DELIVRD"} x`, carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{}, carrier.ErrMalformed, "", 0},
		{"too deep", deep, carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{}, carrier.ErrTooLarge, "", 0},
		{"body too large", `{"message_id":"a","status":"DELIVRD"}`, carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{MaxBody: 10}, carrier.ErrTooLarge, "", 0},
		{"batch too long", `[{"message_id":"a","status":"DELIVRD"},{"message_id":"b","status":"DELIVRD"}]`, carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{MaxBatch: 1}, carrier.ErrTooLarge, "", 0},
		{"missing id in batch", `[{"message_id":"a","status":"DELIVRD"},{"status":"DELIVRD"}]`, carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{}, carrier.ErrMissingID, "message_id", 1},
		{"missing status", `{"message_id":"a"}`, carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{}, carrier.ErrMissingStatus, "status", 0},
		{"empty batch", `[]`, carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{}, carrier.ErrNotReceipt, "", 0},
		{"array of strings", `["a"]`, carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{}, carrier.ErrNotReceipt, "", 0},
		{"form to a JSON provider", `message_id=a&status=DELIVRD`, carrier.Meta{Provider: carrier.BulkSMSRates, ContentType: "application/x-www-form-urlencoded"}, carrier.Parser{}, carrier.ErrWrongFormat, "", 0},
		{"multipart", `--x`, carrier.Meta{Provider: carrier.Jasmin, ContentType: "multipart/form-data; boundary=x"}, carrier.Parser{}, carrier.ErrWrongFormat, "Content-Type", 0},
		{"too many form fields", "id=a&level=1&message_status=ESME_ROK", carrier.Meta{Provider: carrier.Jasmin}, carrier.Parser{MaxBatch: 2}, carrier.ErrTooLarge, "", 0},
		{"unsupported content type", `<xml/>`, carrier.Meta{Provider: carrier.BulkSMSRates, ContentType: "application/xml"}, carrier.Parser{}, carrier.ErrWrongFormat, "Content-Type", 0},
		{"tsg not a receipt", `{"object":"sms","id":"x"}`, carrier.Meta{Provider: carrier.TSG}, carrier.Parser{}, carrier.ErrNotReceipt, "object", 0},
		{"bad escape", `{"message_id":"a\x","status":"DELIVRD"}`, carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{}, carrier.ErrMalformed, "", 0},
		{"control char", "{\"message_id\":\"a\x01\",\"status\":\"DELIVRD\"}", carrier.Meta{Provider: carrier.BulkSMSRates}, carrier.Parser{}, carrier.ErrMalformed, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rs, err := tt.p.Parse([]byte(tt.body), tt.meta)
			require.Error(t, err)
			require.Nil(t, rs)
			require.ErrorIs(t, err, tt.sentinel)
			require.True(t, strings.HasPrefix(err.Error(), "carrier: "), err.Error())
			var pe *carrier.ParseError
			require.ErrorAs(t, err, &pe)
			require.Equal(t, tt.field, pe.Field)
			require.Equal(t, tt.index, pe.Index)
		})
	}
}

func TestParseErrorOffset(t *testing.T) {
	t.Parallel()
	body := "\n  " + `{"message_id":"a", "cost": 0.03.00}`
	_, err := carrier.Parse([]byte(body), carrier.Meta{Provider: carrier.BulkSMSRates})
	var pe *carrier.ParseError
	require.ErrorAs(t, err, &pe)
	require.Equal(t, strings.Index(body, ".00}"), pe.Offset)
}

func TestValueError(t *testing.T) {
	t.Parallel()
	body := `[{"message_id":"a","status":"DELIVRD"},{"message_id":"b","status":"PARKED","segments":"two"}]`
	rs, err := carrier.Parse([]byte(body), carrier.Meta{Provider: carrier.BulkSMSRates})
	require.Len(t, rs, 2)
	require.ErrorIs(t, err, carrier.ErrUnknownValue)
	var ve *carrier.ValueError
	require.ErrorAs(t, err, &ve)
	require.Equal(t, []carrier.UnknownValue{
		{Index: 1, Field: "status", Value: "PARKED"},
		{Index: 1, Field: "segments", Value: "two"},
	}, ve.Values)
	require.Equal(t, status.Unknown, rs[1].Status)
	require.Equal(t, "PARKED", rs[1].RawStatus)
	v, ok := rs[1].ExtraValue("segments")
	require.True(t, ok)
	require.Equal(t, "two", v)
}

func TestJSONStrings(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`"plain"`, "plain"},
		{`"a\"b\\c\/d\n\t"`, "a\"b\\c/d\n\t"},
		{`"\u00e9\u20ac"`, "é€"},
		{`"\ud83d\ude00"`, "😀"},
		{`"\ud83d"`, "\uFFFD"},
		{`"caf\u00e9 caf` + "\xc3\xa9" + `"`, "café café"},
		{"\"bad \xff\"", "bad \uFFFD"},
	}
	for _, tt := range tests {
		body := `{"message_id":` + tt.in + `,"status":"DELIVRD"}`
		rs, err := carrier.Parse([]byte(body), carrier.Meta{Provider: carrier.BulkSMSRates})
		require.NoError(t, err, tt.in)
		require.Equal(t, tt.want, rs[0].MessageID, tt.in)
	}
}

func TestLocation(t *testing.T) {
	t.Parallel()
	body := []byte(`{"delivery_status":"delivered","object":"sms_dlr","sms":{"id":"x"},"done_at":"2022-04-13T21:35:00"}`)
	rs, err := carrier.Parse(body, carrier.Meta{})
	require.NoError(t, err)
	require.Equal(t, time.Date(2022, 4, 13, 21, 35, 0, 0, time.UTC), rs[0].DoneAt)

	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	p := carrier.Parser{Location: ny}
	rs, err = p.Parse(body, carrier.Meta{})
	require.NoError(t, err)
	require.True(t, rs[0].DoneAt.Equal(time.Date(2022, 4, 14, 1, 35, 0, 0, time.UTC)), rs[0].DoneAt)
}

func TestDetectErrors(t *testing.T) {
	t.Parallel()
	_, err := carrier.Detect([]byte(`{"a":1}`), carrier.Meta{})
	require.ErrorIs(t, err, carrier.ErrUnknownProvider)
	var de *carrier.DetectError
	require.ErrorAs(t, err, &de)
	require.Empty(t, de.Candidates)

	_, err = carrier.Detect([]byte(`{"a":`), carrier.Meta{})
	require.ErrorIs(t, err, carrier.ErrMalformed)
	require.False(t, errors.Is(err, carrier.ErrUnknownProvider))
}

// TestRepeatedFields: a repeated field does not overwrite the first; the
// repeat stays in Extra, so nothing is dropped.
func TestRepeatedFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		meta carrier.Meta
	}{
		{"bulksmsrates", `{"message_id":"a","status":"DELIVRD","message_id":"b"}`, carrier.Meta{Provider: carrier.BulkSMSRates}},
		{"tsg", `{"object":"sms_dlr","sms":{"id":"a"},"delivery_status":"delivered","message_id":"x","sms":{"id":"b"}}`, carrier.Meta{Provider: carrier.TSG}},
		{"jasmin", `id=a&level=1&message_status=ESME_ROK&id=b`, carrier.Meta{Provider: carrier.Jasmin}},
		{"kannel", `id=a&type=1&id=b`, carrier.Meta{Provider: carrier.Kannel}},
		{"generic", `{"msgid":"a","status":"DELIVRD","msgid":"a","stat":"x"}`, carrier.Meta{Provider: carrier.Generic}},
	}
	for _, tt := range tests {
		rs, err := carrier.Parse([]byte(tt.body), tt.meta)
		require.NoError(t, err, tt.name)
		require.Equal(t, "a", rs[0].MessageID, tt.name)
		require.NotEmpty(t, rs[0].Extra, tt.name)
	}
}
