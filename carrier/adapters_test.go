package carrier_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/status"
)

func TestKannelType(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ     string
		want    status.Status
		unknown bool
	}{
		{"1", status.Delivered, false},
		{"2", status.Undeliverable, false},
		{"4", status.Enroute, false},
		{"8", status.Accepted, false},
		{"16", status.Rejected, false},
		{"12", status.Enroute, false},
		{"34", status.Expired, false},
		{"66", status.Unknown, false},
		{"0", status.Unknown, true},
		{"3", status.Unknown, true},   // delivered and not delivered
		{"18", status.Unknown, true},  // phone failure and SMSC reject
		{"32", status.Unknown, true},  // expiry flag without failure
		{"98", status.Unknown, true},  // 0x62: expired and unknown
		{"128", status.Unknown, true}, // undefined bit
		{"x", status.Unknown, true},
		{"-1", status.Unknown, true},
	}
	for _, tt := range tests {
		rs, err := carrier.Parse(nil, carrier.Meta{Provider: carrier.Kannel, RawQuery: "id=7&type=" + url.QueryEscape(tt.typ)})
		require.Len(t, rs, 1, tt.typ)
		require.Equal(t, tt.want, rs[0].Status, tt.typ)
		require.Equal(t, tt.typ, rs[0].RawStatus)
		if tt.unknown {
			require.ErrorIs(t, err, carrier.ErrUnknownValue, tt.typ)
		} else {
			require.NoError(t, err, tt.typ)
		}
	}
}

func TestKannelParams(t *testing.T) {
	t.Parallel()
	p := carrier.Parser{Kannel: carrier.KannelParams{Type: "report", ID: "ref"}}
	rs, err := p.Parse(nil, carrier.Meta{Provider: carrier.Kannel, RawQuery: "ref=a1&report=2&status=1&id=zz"})
	require.NoError(t, err)
	require.Equal(t, "a1", rs[0].MessageID)
	require.Equal(t, status.Undeliverable, rs[0].Status)
	// The default names of a role named explicitly are ordinary fields.
	v, ok := rs[0].ExtraValue("status")
	require.True(t, ok)
	require.Equal(t, "1", v)
	v, _ = rs[0].ExtraValue("id")
	require.Equal(t, "zz", v)
}

func TestKannelForeignID(t *testing.T) {
	t.Parallel()
	rs, err := carrier.Parse(nil, carrier.Meta{Provider: carrier.Kannel, RawQuery: "fid=0A1B&type=8"})
	require.NoError(t, err)
	require.Equal(t, "0A1B", rs[0].MessageID)
	require.Equal(t, status.Accepted, rs[0].Status)

	rs, err = carrier.Parse(nil, carrier.Meta{Provider: carrier.Kannel, RawQuery: "id=9&fid=0A1B&type=8&ts=1739529060"})
	require.NoError(t, err)
	require.Equal(t, "9", rs[0].MessageID)
	v, _ := rs[0].ExtraValue("fid")
	require.Equal(t, "0A1B", v)
	require.Equal(t, int64(1739529060), rs[0].DoneAt.Unix())

	// %t: "YYYY-MM-DD HH:MM", no zone.
	rs, err = carrier.Parse(nil, carrier.Meta{Provider: carrier.Kannel, RawQuery: "id=9&type=1&time=2025-02-14+10%3A31"})
	require.NoError(t, err)
	require.Equal(t, "2025-02-14T10:31:00Z", rs[0].DoneAt.Format(time.RFC3339))
}

func TestGenericVocabularyOverride(t *testing.T) {
	t.Parallel()
	body := []byte(`{"messageId":"x","status":"Failed"}`)
	rs, err := carrier.Parse(body, carrier.Meta{Provider: carrier.Generic})
	require.NoError(t, err)
	require.Equal(t, status.Accepted, rs[0].Status, "failed is retried by the gateway: not final")
	require.False(t, rs[0].Status.Final())

	p := carrier.Parser{Vocabulary: map[string]status.Status{"FAILED": status.Undeliverable, "parked": status.Enroute}}
	rs, err = p.Parse(body, carrier.Meta{Provider: carrier.Generic})
	require.NoError(t, err)
	require.Equal(t, status.Undeliverable, rs[0].Status)
	require.Equal(t, "Failed", rs[0].RawStatus)
}

func TestGenericNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, query string
		id, raw     string
	}{
		{"snake", "message_id=a&delivery_status=delivered", "a", "delivered"},
		{"camel", "messageId=a&deliveryStatus=delivered", "a", "delivered"},
		{"pascal", "MessageSid=a&MessageStatus=delivered", "a", "delivered"},
		{"kebab", "msg-id=a&stat=DELIVRD", "a", "DELIVRD"},
		{"upper", "MSGID=a&STATUS=DELIVRD", "a", "DELIVRD"},
		{"id ranks below message_id", "id=a&message_id=a&status=sent", "a", "sent"},
	}
	for _, tt := range tests {
		rs, err := carrier.Parse(nil, carrier.Meta{Provider: carrier.Generic, RawQuery: tt.query})
		require.NoError(t, err, tt.name)
		require.Equal(t, tt.id, rs[0].MessageID, tt.name)
		require.Equal(t, tt.raw, rs[0].RawStatus, tt.name)
	}
}

func TestGenericTimes(t *testing.T) {
	t.Parallel()
	tests := []struct{ raw, want string }{
		{"2024-03-01T10:15:07Z", "2024-03-01T10:15:07Z"},
		{"2024-03-01T10:15:07+02:00", "2024-03-01T08:15:07Z"},
		{"2024-03-01 10:15:07", "2024-03-01T10:15:07Z"},
		{"2024-03-01 10:15:07.250", "2024-03-01T10:15:07.25Z"},
		{"2019-11-09T16:00:00.000+0000", "2019-11-09T16:00:00Z"},
		{"2403011015", "2024-03-01T10:15:00Z"},
		{"240301101507", "2024-03-01T10:15:07Z"},
		{"20240301101507", "2024-03-01T10:15:07Z"},
		{"1709288107", "2024-03-01T10:15:07Z"},
		{"1709288107250", "2024-03-01T10:15:07.25Z"},
	}
	for _, tt := range tests {
		q := url.Values{"id": {"a"}, "status": {"DELIVRD"}, "done_date": {tt.raw}}
		rs, err := carrier.Parse(nil, carrier.Meta{Provider: carrier.Generic, Query: q})
		require.NoError(t, err, tt.raw)
		require.Equal(t, tt.want, rs[0].DoneAt.UTC().Format("2006-01-02T15:04:05.999999999Z07:00"), tt.raw)
	}
	_, err := carrier.Parse(nil, carrier.Meta{Provider: carrier.Generic, RawQuery: "id=a&status=DELIVRD&done_date=date-time"})
	require.ErrorIs(t, err, carrier.ErrUnknownValue, "a placeholder stays as text")
}

func TestForms(t *testing.T) {
	t.Parallel()
	rs, err := carrier.Parse([]byte("id=a+b&status=DELIVRD&z=1&y=%C3%A9&z=2&flag"),
		carrier.Meta{Provider: carrier.Generic, ContentType: "application/x-www-form-urlencoded; charset=utf-8"})
	require.NoError(t, err)
	require.Equal(t, "a b", rs[0].MessageID)
	require.Equal(t, "form", string(rs[0].Source.Format))
	var keys []string
	for _, f := range rs[0].Extra {
		keys = append(keys, f.Key+"="+f.Value)
	}
	require.Equal(t, []string{"z=1", "y=é", "z=2", "flag="}, keys, "input order kept")

	for _, bad := range []string{"id=a;status=DELIVRD", "id=%zz&status=DELIVRD"} {
		_, err := carrier.Parse([]byte(bad), carrier.Meta{Provider: carrier.Generic, ContentType: "application/x-www-form-urlencoded"})
		require.ErrorIs(t, err, carrier.ErrMalformed, bad)
	}
}

func TestDetectAmbiguous(t *testing.T) {
	t.Parallel()
	body := []byte(`{"object":"sms_dlr","message_id":"m","status":"DELIVRD","delivered_at":"2025-02-14T10:30:02Z","sms":{"id":"x"},"delivery_status":"delivered"}`)
	_, err := carrier.Detect(body, carrier.Meta{})
	require.ErrorIs(t, err, carrier.ErrAmbiguous)
	var de *carrier.DetectError
	require.ErrorAs(t, err, &de)
	require.Equal(t, []string{carrier.BulkSMSRates, carrier.TSG}, de.Candidates)
	require.Contains(t, err.Error(), "bulksmsrates or tsg")

	_, err = carrier.Parse(body, carrier.Meta{})
	require.ErrorIs(t, err, carrier.ErrAmbiguous)
	rs, err := carrier.Parse(body, carrier.Meta{Provider: carrier.TSG})
	require.NoError(t, err)
	require.Equal(t, "x", rs[0].MessageID)
}

func TestDetectFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		meta carrier.Meta
		want string
	}{
		{"jasmin GET", "", carrier.Meta{RawQuery: "id=u&level=1&message_status=ESME_ROK"}, carrier.Jasmin},
		{"jasmin POST sniffed", "id=u&level=2&message_status=DELIVRD", carrier.Meta{}, carrier.Jasmin},
		{"jasmin url.Values", "", carrier.Meta{Query: url.Values{"id": {"u"}, "level": {"2"}, "message_status": {"DELIVRD"}}}, carrier.Jasmin},
		{"kannel receipt text", "", carrier.Meta{RawQuery: "id=9&type=1&answer=" + url.QueryEscape("id:1 sub:001 dlvrd:001 submit date:2502141030 done date:2502141031 stat:DELIVRD err:000 text:x")}, carrier.Kannel},
		{"bsr batch", `[{"message_id":"a","status":"DELIVRD","delivered_at":"2025-02-14T10:30:02Z"}]`, carrier.Meta{ContentType: "application/json"}, carrier.BulkSMSRates},
		{"tsg mms", `{"object":"mms_dlr","mms":{"id":"a"},"delivery_status":"delivered"}`, carrier.Meta{ContentType: "application/json; charset=utf-8"}, carrier.TSG},
		{"JSON sent as text/plain", `{"object":"sms_dlr","sms":{"id":"a"},"delivery_status":"delivered"}`, carrier.Meta{ContentType: "text/plain"}, carrier.TSG},
		{"form sent as text/plain", "id=u&level=1&message_status=ESME_ROK", carrier.Meta{ContentType: "Text/Plain; charset=utf-8"}, carrier.Jasmin},
	}
	for _, tt := range tests {
		got, err := carrier.Detect([]byte(tt.body), tt.meta)
		require.NoError(t, err, tt.name)
		require.Equal(t, tt.want, got, tt.name)
	}
}

// TestKannelReceiptText checks how %A receipt text fills a Kannel receipt.
func TestKannelReceiptText(t *testing.T) {
	t.Parallel()
	text := "id:0A1B sub:001 dlvrd:000 submit date:2502141030 done date:2502141100 stat:EXPIRED err:027 text:Hi"
	rs, err := carrier.Parse(nil, carrier.Meta{Provider: carrier.Kannel, RawQuery: "answer=" + url.QueryEscape(text) + "&smsc=x"})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	r := rs[0]
	require.Equal(t, "0A1B", r.MessageID, "no template id: the receipt text's id")
	require.Equal(t, status.Expired, r.Status, "no %d: the receipt text's stat")
	require.Equal(t, "EXPIRED", r.RawStatus)
	require.Equal(t, "027", r.RawError)
	require.Equal(t, "map:27", r.Error.String())
	require.Equal(t, 1, r.Submitted)
	require.Equal(t, 0, r.Delivered)
	require.Equal(t, "Hi", r.Text)

	// Receipt text that smppfmt rejects is a ParseError naming the field.
	_, err = carrier.Parse(nil, carrier.Meta{Provider: carrier.Kannel, RawQuery: "id=1&type=1&answer=" + url.QueryEscape("id: stat:")})
	if err != nil {
		require.ErrorIs(t, err, carrier.ErrMalformed)
	}
}
