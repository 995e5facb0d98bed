package carrier_test

import (
	"encoding/json"
	"os"

	"fmt"
	"time"

	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/status"
)

func TestAWSStatuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word string
		want status.Status
	}{
		{"QUEUED", status.Accepted},
		{"PENDING", status.Enroute},
		{"SENT", status.Enroute},
		{"SUCCESSFUL", status.Delivered},
		{"DELIVERED", status.Delivered},
		{"UNREACHABLE", status.Undeliverable},
		{"CARRIER_UNREACHABLE", status.Undeliverable},
		{"INVALID", status.Rejected},
		{"INVALID_MESSAGE", status.Rejected},
		{"BLOCKED", status.Rejected},
		{"CARRIER_BLOCKED", status.Rejected},
		{"SPAM", status.Rejected},
		{"PROTECT_BLOCKED", status.Rejected},
		{"TTL_EXPIRED", status.Expired},
		{"UNKNOWN", status.Unknown},
	}
	for _, tt := range tests {
		// With messageStatus, and with only the eventType.
		for _, body := range []string{
			`{"eventType":"TEXT_` + tt.word + `","messageId":"m","messageStatus":"` + tt.word + `"}`,
			`{"eventType":"TEXT_` + tt.word + `","messageId":"m"}`,
		} {
			rs, err := carrier.Parse([]byte(body), carrier.Meta{Provider: carrier.AWS})
			require.NoError(t, err, body)
			require.Equal(t, tt.want, rs[0].Status, body)
		}
	}
	rs, err := carrier.Parse([]byte(`{"eventType":"TEXT_PARKED","messageId":"m"}`), carrier.Meta{Provider: carrier.AWS})
	require.ErrorIs(t, err, carrier.ErrUnknownValue)
	require.Equal(t, status.Unknown, rs[0].Status)
	require.Equal(t, "TEXT_PARKED", rs[0].RawStatus)
}

func TestAWSLegacyEvents(t *testing.T) {
	t.Parallel()
	tests := []struct {
		eventType string
		want      status.Status
	}{
		{"_SMS.SEND", status.Accepted},
		{"_SMS.BUFFERED", status.Enroute},
		{"_SMS.SUCCESS", status.Delivered},
		{"_SMS.FAILURE", status.Undeliverable},
		{"_SMS.OPTOUT", status.Delivered},
	}
	for _, tt := range tests {
		body := `{"event_type":"` + tt.eventType + `","attributes":{"message_id":"m"}}`
		rs, err := carrier.Parse([]byte(body), carrier.Meta{Provider: carrier.AWS})
		require.NoError(t, err, body)
		require.Equal(t, tt.want, rs[0].Status, body)
		require.Equal(t, tt.eventType, rs[0].RawStatus)
	}
	// record_status decides over event_type.
	rs, err := carrier.Parse([]byte(`{"event_type":"_SMS.FAILURE","attributes":{"message_id":"m","record_status":"TTL_EXPIRED"}}`), carrier.Meta{Provider: carrier.AWS})
	require.NoError(t, err)
	require.Equal(t, status.Expired, rs[0].Status)
}

func TestAWSErrors(t *testing.T) {
	t.Parallel()
	meta := carrier.Meta{Provider: carrier.AWS}
	tests := []struct {
		name     string
		body     string
		sentinel error
		field    string
	}{
		{"voice event", `{"eventType":"VOICE_COMPLETED","messageId":"m"}`, carrier.ErrNotReceipt, "eventType"},
		{"no id", `{"eventType":"TEXT_DELIVERED"}`, carrier.ErrMissingID, "messageId"},
		{"no status", `{"eventType":"TEXT_","messageId":"m"}`, carrier.ErrMissingStatus, "messageStatus"},
		{"other object", `{"hello":"world"}`, carrier.ErrNotReceipt, "eventType"},
		{"sns bad message", `{"Type":"Notification","TopicArn":"t","Message":"{\"eventType\":"}`, carrier.ErrMalformed, "Message"},
		{"sns text message", `{"Type":"Notification","TopicArn":"t","Message":"hello"}`, carrier.ErrMalformed, "Message"},
		{"sns array message", `{"Type":"Notification","TopicArn":"t","Message":"[1]"}`, carrier.ErrNotReceipt, "Message"},
		{"sns in sns", `{"Type":"Notification","Message":"{\"Type\":\"Notification\",\"Message\":\"{}\"}"}`, carrier.ErrNotReceipt, "eventType"},
		{"legacy no id", `{"event_type":"_SMS.SUCCESS","attributes":{}}`, carrier.ErrMissingID, "attributes.message_id"},
		{"legacy email", `{"event_type":"_email.send","attributes":{"message_id":"m"}}`, carrier.ErrNotReceipt, "event_type"},
	}
	for _, tt := range tests {
		rs, err := carrier.Parse([]byte(tt.body), meta)
		require.Nil(t, rs, tt.name)
		require.ErrorIs(t, err, tt.sentinel, tt.name)
		var pe *carrier.ParseError
		require.ErrorAs(t, err, &pe, tt.name)
		require.Equal(t, tt.field, pe.Field, tt.name)
	}
	_, err := carrier.Parse([]byte("eventType=TEXT_DELIVERED&messageId=m"), carrier.Meta{Provider: carrier.AWS, ContentType: "application/x-www-form-urlencoded"})
	require.ErrorIs(t, err, carrier.ErrWrongFormat)

	// The nesting bound applies to the SNS message as well.
	deep := `{"eventType":"TEXT_DELIVERED","messageId":"m","context":` + nested(40) + `}`
	_, err = carrier.Parse([]byte(`{"Type":"Notification","TopicArn":"t","Message":`+strconv.Quote(deep)+`}`), meta)
	require.ErrorIs(t, err, carrier.ErrTooLarge)
}

func nested(n int) string {
	s := "1"
	for i := 0; i < n; i++ {
		s = `{"a":` + s + `}`
	}
	return s
}

func TestAWSDetect(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`{"eventType":"TEXT_DELIVERED","messageId":"m"}`,
		`[{"eventType":"TEXT_DELIVERED","messageId":"m"}]`,
		`{"source":"aws.sms-voice","detail":{"eventType":"TEXT_DELIVERED","messageId":"m"}}`,
		`{"event_type":"_SMS.SUCCESS","attributes":{"message_id":"m"}}`,
		`{"Type":"Notification","TopicArn":"t","Message":"{\"eventType\":\"TEXT_DELIVERED\",\"messageId\":\"m\"}"}`,
	} {
		name, err := carrier.Detect([]byte(body), carrier.Meta{})
		require.NoError(t, err, body)
		require.Equal(t, carrier.AWS, name, body)
	}
	// An SNS notification about something else is not AWS SMS.
	_, err := carrier.Detect([]byte(`{"Type":"Notification","TopicArn":"t","Message":"hello"}`), carrier.Meta{})
	require.ErrorIs(t, err, carrier.ErrUnknownProvider)
}

func FuzzAWS(f *testing.F) {
	addFixtureSeeds(f, carrier.AWS)
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		checkFuzzParse(t, carrier.AWS, body, contentType)
	})
}

// An AWS End User Messaging SMS event that reached an HTTP endpoint through
// an SNS subscription: the record is the notification's Message.
func ExampleParse_awsSNS() {
	body := []byte(`{"Type":"Notification","TopicArn":"arn:aws:sns:us-west-2:123456789012:MyTopic",` +
		`"Message":"{\"eventType\":\"TEXT_CARRIER_UNREACHABLE\",\"messageId\":\"862a8790\",` +
		`\"destinationPhoneNumber\":\"+14255550156\",\"eventTimestamp\":1686975103470,` +
		`\"messageStatus\":\"CARRIER_UNREACHABLE\",\"messageStatusDescription\":\"Carrier unreachable\"}"}`)
	rs, err := carrier.Parse(body, carrier.Meta{ContentType: "text/plain"})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := rs[0]
	fmt.Println(r.Source.Provider, r.MessageID, r.Status, r.ErrorMessage, r.DoneAt.Format(time.RFC3339Nano))
	// Output:
	// aws 862a8790 UNDELIV Carrier unreachable 2023-06-17T04:11:43.47Z
}

// awsTyped is the benchmark baseline: the documented record's fields
// decoded by encoding/json into a typed struct (numbers kept as text, as
// ours are).
type awsTyped struct {
	EventType                string          `json:"eventType"`
	EventVersion             string          `json:"eventVersion"`
	EventTimestamp           int64           `json:"eventTimestamp"`
	IsFinal                  bool            `json:"isFinal"`
	OriginationPhoneNumber   string          `json:"originationPhoneNumber"`
	DestinationPhoneNumber   string          `json:"destinationPhoneNumber"`
	IsoCountryCode           string          `json:"isoCountryCode"`
	MCC                      string          `json:"mcc"`
	MNC                      string          `json:"mnc"`
	MessageID                string          `json:"messageId"`
	MessageRequestTimestamp  int64           `json:"messageRequestTimestamp"`
	MessageEncoding          string          `json:"messageEncoding"`
	MessageType              string          `json:"messageType"`
	MessageStatus            string          `json:"messageStatus"`
	MessageStatusDescription string          `json:"messageStatusDescription"`
	Context                  json.RawMessage `json:"context"`
	TotalMessageParts        int             `json:"totalMessageParts"`
	TotalMessagePrice        json.Number     `json:"totalMessagePrice"`
	TotalCarrierFee          json.Number     `json:"totalCarrierFee"`
}

func BenchmarkAWSRecord(b *testing.B) {
	body, err := os.ReadFile("testdata/aws/successful_record.json")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("impl=carrier", func(b *testing.B) {
		meta := carrier.Meta{ContentType: "application/json", Provider: carrier.AWS}
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for i := 0; i < b.N; i++ {
			rs, err := carrier.Parse(body, meta)
			if err != nil || len(rs) != 1 {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for i := 0; i < b.N; i++ {
			var v awsTyped
			if err := json.Unmarshal(body, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}
