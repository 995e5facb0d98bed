package carrier_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/status"
)

// vendorProviders are the adapters for the big SMS APIs.
var vendorProviders = []string{
	carrier.Twilio, carrier.Vonage, carrier.VonageMessages, carrier.Plivo, carrier.Sinch,
	carrier.Infobip, carrier.Telnyx, carrier.MessageBird, carrier.AWS, carrier.Clickatell,
	carrier.AfricasTalking, carrier.Bandwidth, carrier.BSG,
}

// TestDetectShare measures detection over every fixture: the share whose
// detected provider is the directory they are in. Fixtures of the vendor
// adapters must all be detected.
func TestDetectShare(t *testing.T) {
	t.Parallel()
	total, right := 0, 0
	vendorTotal, vendorRight := 0, 0
	isVendor := map[string]bool{}
	for _, p := range vendorProviders {
		isVendor[p] = true
	}
	for _, fx := range loadFixtures(t) {
		name, err := carrier.Detect(fx.body, fx.meta)
		ok := err == nil && name == fx.provider
		total++
		if ok {
			right++
		}
		named := fx.meta
		named.Provider = fx.provider
		if rs, _ := carrier.Parse(fx.body, named); len(rs) == 0 {
			continue // a fixture of a malformed callback: nothing to detect
		}
		if isVendor[fx.provider] {
			vendorTotal++
			if ok {
				vendorRight++
			} else {
				t.Errorf("%s: detected %q, %v", fx.path, name, err)
			}
		}
	}
	t.Logf("detection: %d/%d fixtures (%.1f%%); vendor adapters %d/%d", right, total, 100*float64(right)/float64(total), vendorRight, vendorTotal)
	require.NotZero(t, vendorTotal)
}

func TestDetectVendors(t *testing.T) {
	t.Parallel()
	form := "application/x-www-form-urlencoded"
	tests := []struct {
		name, body, contentType, query string
		want                           string // provider, or "" for ErrUnknownProvider
	}{
		{"twilio form", "MessageSid=SM1&MessageStatus=sent", form, "", carrier.Twilio},
		{"twilio legacy names", "SmsSid=SM1&SmsStatus=sent", form, "", carrier.Twilio},
		{"twilio as JSON is not twilio", `{"MessageSid":"SM1","MessageStatus":"sent"}`, "", "", ""},
		{"vonage query", "", "", "messageId=1&status=delivered&err-code=0", carrier.Vonage},
		{"vonage bare query", "", "", "messageId=1&status=buffered", carrier.Vonage},
		{"vonage bare query, foreign word", "", "", "messageId=1&status=DONE", ""},
		{"vonage json", `{"messageId":"1","status":"delivered","msisdn":"447700900000"}`, "", "", carrier.Vonage},
		{"vonage json without its fields", `{"messageId":"1","status":"delivered"}`, "", "", ""},
		{"vonage messages", `{"message_uuid":"u","status":"submitted"}`, "", "", carrier.VonageMessages},
		{"plivo lower case", "messageuuid=1&status=sent", form, "", carrier.Plivo},
		{"sinch recipient", `{"type":"recipient_delivery_report_sms","batch_id":"b","status":"Delivered"}`, "", "", carrier.Sinch},
		{"sinch other type", `{"type":"mo_text","batch_id":"b"}`, "", "", ""},
		{"infobip", `{"results":[{"messageId":"1","status":{"groupName":"PENDING"}}]}`, "", "", carrier.Infobip},
		{"infobip inbound", `{"results":[{"messageId":"1","text":"hi"}]}`, "", "", ""},
		{"telnyx", `{"data":{"record_type":"event","event_type":"message.finalized","payload":{}}}`, "", "", carrier.Telnyx},
		{"telnyx bare event", `{"record_type":"event","event_type":"message.sent","payload":{}}`, "", "", carrier.Telnyx},
		{"telnyx call event", `{"data":{"record_type":"event","event_type":"call.initiated","payload":{}}}`, "", "", ""},
		{"messagebird", "", "", "id=1&status=sent&statusDatetime=2023-07-28T17:57:12%2B00:00", carrier.MessageBird},
		{"aws record", `{"eventType":"TEXT_SENT","messageId":"m"}`, "", "", carrier.AWS},
		{"aws eventbridge", `{"source":"aws.sms-voice","detail":{}}`, "", "", carrier.AWS},
		{"aws pinpoint", `{"event_type":"_SMS.FAILURE"}`, "", "", carrier.AWS},
		{"aws sns", `{"Type":"Notification","TopicArn":"arn","Message":"{\"eventType\":\"TEXT_SENT\",\"messageId\":\"m\"}"}`, "", "", carrier.AWS},
		{"sns of something else", `{"Type":"Notification","TopicArn":"arn","Message":"hello"}`, "", "", ""},
		{"clickatell", `{"messageId":"m","statusCode":4}`, "", "", carrier.Clickatell},
		{"clickatell wrapped", `{"integrationName":"x","event":{"messageStatusUpdate":[]}}`, "", "", carrier.Clickatell},
		{"africastalking id", "id=ATXid_1&status=Success", form, "", carrier.AfricasTalking},
		{"africastalking fields", "id=1&status=Failed&failureReason=UserInBlackList", form, "", carrier.AfricasTalking},
		{"id and status alone", "id=1&status=Success", form, "", ""},
		{"bandwidth", `[{"type":"message-delivered","message":{"id":"m"}}]`, "", "", carrier.Bandwidth},
		{"bsg", `{"id":"1","status":"delivered","time_dr":"2024-05-14 10:15:09"}`, "", "", carrier.BSG},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := carrier.Detect([]byte(tt.body), carrier.Meta{ContentType: tt.contentType, RawQuery: tt.query})
			if tt.want == "" {
				require.ErrorIs(t, err, carrier.ErrUnknownProvider, "detected %q", got)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

// TestVendorStatus runs every status word of every vendor vocabulary
// through Parse and checks the mapping each adapter documents.
func TestVendorStatus(t *testing.T) {
	t.Parallel()
	type word struct {
		raw  string
		want status.Status
	}
	vocab := map[string][]word{
		carrier.Twilio: {{"queued", status.Accepted}, {"accepted", status.Accepted}, {"scheduled", status.Accepted},
			{"sending", status.Enroute}, {"sent", status.Enroute}, {"delivered", status.Delivered}, {"read", status.Delivered},
			{"undelivered", status.Undeliverable}, {"failed", status.Rejected}, {"canceled", status.Deleted},
			{"partially_delivered", status.Unknown}},
		carrier.Vonage: {{"accepted", status.Accepted}, {"buffered", status.Enroute}, {"delivered", status.Delivered},
			{"failed", status.Undeliverable}, {"rejected", status.Rejected}, {"expired", status.Expired},
			{"unknown", status.Unknown}, {"DELIVRD", status.Delivered}, {"UNDELIV", status.Undeliverable}},
		carrier.VonageMessages: {{"submitted", status.Enroute}, {"delivered", status.Delivered}, {"read", status.Delivered},
			{"rejected", status.Rejected}, {"undeliverable", status.Rejected}},
		carrier.Plivo: {{"queued", status.Accepted}, {"sent", status.Enroute}, {"delivered", status.Delivered},
			{"read", status.Delivered}, {"undelivered", status.Undeliverable}, {"failed", status.Rejected},
			{"rejected", status.Rejected}},
		carrier.Sinch: {{"Queued", status.Accepted}, {"Dispatched", status.Enroute}, {"Delivered", status.Delivered},
			{"DELIVERED", status.Delivered}, {"Failed", status.Undeliverable}, {"Rejected", status.Rejected},
			{"Aborted", status.Rejected}, {"Expired", status.Expired}, {"Cancelled", status.Deleted},
			{"Deleted", status.Deleted}, {"Unknown", status.Unknown}},
		carrier.Infobip: {{"ACCEPTED", status.Accepted}, {"PENDING", status.Enroute}, {"DELIVERED", status.Delivered},
			{"UNDELIVERABLE", status.Undeliverable}, {"REJECTED", status.Rejected}, {"EXPIRED", status.Expired}},
		carrier.Telnyx: {{"queued", status.Accepted}, {"scheduled", status.Accepted}, {"sending", status.Enroute},
			{"sent", status.Enroute}, {"delivered", status.Delivered}, {"read", status.Delivered}, {"delivery_failed", status.Undeliverable},
			{"sending_failed", status.Rejected}, {"expired", status.Expired}, {"cancelled", status.Deleted},
			{"delivery_unconfirmed", status.Unknown}},
		carrier.MessageBird: {{"scheduled", status.Accepted}, {"sent", status.Enroute}, {"buffered", status.Enroute},
			{"delivered", status.Delivered}, {"delivery_failed", status.Undeliverable}, {"expired", status.Expired}},
		carrier.AWS: {{"QUEUED", status.Accepted}, {"PENDING", status.Enroute}, {"SENT", status.Enroute},
			{"SUCCESSFUL", status.Delivered}, {"DELIVERED", status.Delivered}, {"UNREACHABLE", status.Undeliverable},
			{"CARRIER_UNREACHABLE", status.Undeliverable}, {"INVALID", status.Rejected}, {"INVALID_MESSAGE", status.Rejected},
			{"BLOCKED", status.Rejected}, {"CARRIER_BLOCKED", status.Rejected}, {"SPAM", status.Rejected},
			{"PROTECT_BLOCKED", status.Rejected}, {"TTL_EXPIRED", status.Expired}, {"UNKNOWN", status.Unknown}},
		carrier.Clickatell: {{"1", status.Unknown}, {"2", status.Accepted}, {"3", status.Enroute}, {"4", status.Delivered},
			{"5", status.Rejected}, {"6", status.Deleted}, {"7", status.Undeliverable}, {"8", status.Accepted},
			{"9", status.Rejected}, {"10", status.Expired}, {"11", status.Accepted}, {"12", status.Rejected},
			{"14", status.Rejected}},
		carrier.AfricasTalking: {{"Sent", status.Enroute}, {"Submitted", status.Enroute}, {"Buffered", status.Enroute},
			{"Success", status.Delivered}, {"Failed", status.Undeliverable}, {"Rejected", status.Rejected},
			{"Expired", status.Expired}, {"AbsentSubscriber", status.Undeliverable}},
		carrier.BSG: {{"scheduled", status.Accepted}, {"moderation", status.Accepted}, {"accepted", status.Accepted},
			{"sending", status.Enroute}, {"sent", status.Enroute}, {"delivered", status.Delivered}, {"read", status.Delivered},
			{"undelivered", status.Undeliverable}, {"failed", status.Undeliverable}, {"not_viber_user", status.Rejected},
			{"not_service_user", status.Rejected}, {"expired", status.Expired}, {"unknown", status.Unknown}},
		carrier.Bandwidth: {{"message-sending", status.Enroute}, {"message-delivered", status.Delivered}, {"message-read", status.Delivered},
			{"message-failed", status.Undeliverable}},
	}
	body := func(provider, w string) (string, carrier.Meta) {
		form := carrier.Meta{Provider: provider, ContentType: "application/x-www-form-urlencoded"}
		json := carrier.Meta{Provider: provider, ContentType: "application/json"}
		switch provider {
		case carrier.Twilio:
			return "MessageSid=SM1&MessageStatus=" + w, form
		case carrier.Vonage:
			return "", carrier.Meta{Provider: provider, RawQuery: "messageId=1&status=" + w}
		case carrier.VonageMessages:
			return `{"message_uuid":"u","status":"` + w + `"}`, json
		case carrier.Plivo:
			return "MessageUUID=1&Status=" + w, form
		case carrier.Sinch:
			return `{"type":"recipient_delivery_report_sms","batch_id":"b","status":"` + w + `"}`, json
		case carrier.Infobip:
			return `{"results":[{"messageId":"1","status":{"groupName":"` + w + `"}}]}`, json
		case carrier.Telnyx:
			return `{"data":{"record_type":"event","event_type":"message.finalized","payload":{"id":"m","to":[{"phone_number":"+1","status":"` + w + `"}]}}}`, json
		case carrier.MessageBird:
			return "", carrier.Meta{Provider: provider, RawQuery: "id=1&status=" + w}
		case carrier.AWS:
			return `{"eventType":"TEXT_` + w + `","messageId":"m","messageStatus":"` + w + `"}`, json
		case carrier.Clickatell:
			return `{"messageId":"m","statusCode":` + w + `}`, json
		case carrier.AfricasTalking:
			return "id=ATXid_1&status=" + w, form
		case carrier.BSG:
			return `{"id":"1","status":"` + w + `"}`, json
		case carrier.Bandwidth:
			return `[{"type":"` + w + `","message":{"id":"m"}}]`, json
		}
		panic(provider)
	}
	for _, provider := range vendorProviders {
		words := vocab[provider]
		require.NotEmpty(t, words, provider)
		for _, w := range append(words, word{"no-such-word", status.Unknown}) {
			t.Run(provider+"/"+w.raw, func(t *testing.T) {
				t.Parallel()
				b, meta := body(provider, w.raw)
				rs, err := carrier.Parse([]byte(b), meta)
				if w.raw == "no-such-word" && provider != carrier.Clickatell {
					var ve *carrier.ValueError
					require.ErrorAs(t, err, &ve)
					require.ErrorIs(t, err, carrier.ErrUnknownValue)
				} else if w.raw != "no-such-word" {
					require.NoError(t, err)
				}
				if provider == carrier.Clickatell && w.raw == "no-such-word" {
					require.ErrorIs(t, err, carrier.ErrMalformed) // statusCode is a JSON number
					return
				}
				require.Len(t, rs, 1)
				require.Equal(t, w.want, rs[0].Status, rs[0].RawStatus)
				require.Equal(t, w.raw, rs[0].RawStatus)
				require.Equal(t, provider, rs[0].Source.Provider)
			})
		}
	}
}

func TestVendorStatusDetails(t *testing.T) {
	t.Parallel()
	json := func(p string) carrier.Meta { return carrier.Meta{Provider: p, ContentType: "application/json"} }
	tests := []struct {
		name string
		body string
		meta carrier.Meta
		want status.Status
	}{
		{"bandwidth expired", `[{"type":"message-failed","errorCode":4360,"message":{"id":"m"}}]`, json(carrier.Bandwidth), status.Expired},
		{"bandwidth unavailable", `[{"type":"message-failed","errorCode":4702,"message":{"id":"m"}}]`, json(carrier.Bandwidth), status.Undeliverable},
		{"bandwidth rejected", `[{"type":"message-failed","errorCode":4470,"message":{"id":"m"}}]`, json(carrier.Bandwidth), status.Rejected},
		{"bandwidth carrier rejected", `[{"type":"message-failed","errorCode":4720,"message":{"id":"m"}}]`, json(carrier.Bandwidth), status.Rejected},
		{"bandwidth server", `[{"type":"message-failed","errorCode":5600,"message":{"id":"m"}}]`, json(carrier.Bandwidth), status.Undeliverable},
		{"bandwidth receipt timeout", `[{"type":"message-failed","errorCode":9902,"message":{"id":"m"}}]`, json(carrier.Bandwidth), status.Unknown},
		{"vonage messages TTL", `{"message_uuid":"u","status":"rejected","error":{"code":1360,"reason":"TTL was activated"}}`, json(carrier.VonageMessages), status.Expired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rs, err := carrier.Parse([]byte(tt.body), tt.meta)
			require.NoError(t, err)
			require.Len(t, rs, 1)
			require.Equal(t, tt.want, rs[0].Status)
		})
	}
}

func TestVendorErrors(t *testing.T) {
	t.Parallel()
	form := func(p string) carrier.Meta {
		return carrier.Meta{Provider: p, ContentType: "application/x-www-form-urlencoded"}
	}
	json := func(p string) carrier.Meta { return carrier.Meta{Provider: p, ContentType: "application/json"} }
	many := func(n int, item string) string {
		return strings.TrimSuffix(strings.Repeat(item+",", n), ",")
	}
	tests := []struct {
		name     string
		body     string
		meta     carrier.Meta
		p        carrier.Parser
		sentinel error
		field    string
	}{
		{"twilio no sid", "MessageStatus=sent", form(carrier.Twilio), carrier.Parser{}, carrier.ErrMissingID, "MessageSid"},
		{"twilio no status", "MessageSid=SM1", form(carrier.Twilio), carrier.Parser{}, carrier.ErrMissingStatus, "MessageStatus"},
		{"twilio inbound", "MessageSid=SM1&SmsStatus=received", form(carrier.Twilio), carrier.Parser{}, carrier.ErrNotReceipt, "MessageStatus"},
		{"vonage no id", "status=delivered", form(carrier.Vonage), carrier.Parser{}, carrier.ErrMissingID, "messageId"},
		{"vonage messages form", "message_uuid=u", form(carrier.VonageMessages), carrier.Parser{}, carrier.ErrWrongFormat, ""},
		{"plivo json", `{"MessageUUID":"1"}`, json(carrier.Plivo), carrier.Parser{}, carrier.ErrWrongFormat, ""},
		{"sinch inbound", `{"type":"mo_text","id":"x"}`, json(carrier.Sinch), carrier.Parser{}, carrier.ErrNotReceipt, "type"},
		{"sinch full report too long", `{"type":"delivery_report_sms","batch_id":"b","statuses":[{"code":0,"status":"Delivered","count":3,"recipients":["1","2","3"]}]}`, json(carrier.Sinch), carrier.Parser{MaxBatch: 2}, carrier.ErrTooLarge, "statuses"},
		{"sinch no buckets", `{"type":"delivery_report_sms","batch_id":"b","statuses":[]}`, json(carrier.Sinch), carrier.Parser{}, carrier.ErrMissingStatus, "statuses"},
		{"sinch empty recipient list", `{"type":"delivery_report_sms","batch_id":"b","statuses":[{"code":0,"status":"Delivered","count":0,"recipients":[]}]}`, json(carrier.Sinch), carrier.Parser{}, carrier.ErrMissingStatus, "statuses"},
		{"sinch bucket without status", `{"type":"delivery_report_sms","batch_id":"b","statuses":[{"code":0}]}`, json(carrier.Sinch), carrier.Parser{}, carrier.ErrMissingStatus, "statuses.status"},
		{"infobip no results", `{"messageId":"1"}`, json(carrier.Infobip), carrier.Parser{}, carrier.ErrNotReceipt, "results"},
		{"infobip empty results", `{"results":[]}`, json(carrier.Infobip), carrier.Parser{}, carrier.ErrNotReceipt, "results"},
		{"infobip too many", `{"results":[` + many(3, `{"messageId":"1","status":{"groupName":"PENDING"}}`) + `]}`, json(carrier.Infobip), carrier.Parser{MaxBatch: 2}, carrier.ErrTooLarge, "results"},
		{"infobip no group", `{"results":[{"messageId":"1","status":{"name":"X"}}]}`, json(carrier.Infobip), carrier.Parser{}, carrier.ErrMissingStatus, "status.groupName"},
		{"telnyx inbound", `{"data":{"event_type":"message.received","payload":{"id":"m","to":[]}}}`, json(carrier.Telnyx), carrier.Parser{}, carrier.ErrNotReceipt, "data.event_type"},
		{"telnyx no recipients", `{"data":{"event_type":"message.sent","payload":{"id":"m","to":[]}}}`, json(carrier.Telnyx), carrier.Parser{}, carrier.ErrMissingStatus, "data.payload.to"},
		{"telnyx too many recipients", `{"data":{"event_type":"message.sent","payload":{"id":"m","to":[` + many(3, `{"status":"sent"}`) + `]}}}`, json(carrier.Telnyx), carrier.Parser{MaxBatch: 2}, carrier.ErrTooLarge, "data.payload.to"},
		{"bandwidth inbound", `[{"type":"message-received","message":{"id":"m","direction":"in"}}]`, json(carrier.Bandwidth), carrier.Parser{}, carrier.ErrNotReceipt, "type"},
		{"bandwidth no id", `[{"type":"message-delivered","message":{}}]`, json(carrier.Bandwidth), carrier.Parser{}, carrier.ErrMissingID, "message.id"},
		{"aws not an event", `{"hello":"world"}`, json(carrier.AWS), carrier.Parser{}, carrier.ErrNotReceipt, "eventType"},
		{"aws sns bad message", `{"Type":"Notification","Message":"{oops"}`, json(carrier.AWS), carrier.Parser{}, carrier.ErrMalformed, "Message"},
		{"aws sns text message", `{"Type":"Notification","Message":"\"text\""}`, json(carrier.AWS), carrier.Parser{}, carrier.ErrNotReceipt, "Message"},
		{"messagebird json", `{"id":"1"}`, json(carrier.MessageBird), carrier.Parser{}, carrier.ErrWrongFormat, ""},
		{"clickatell no code", `{"messageId":"m"}`, json(carrier.Clickatell), carrier.Parser{}, carrier.ErrMissingStatus, "statusCode"},
		{"clickatell empty updates", `{"event":{"messageStatusUpdate":[]}}`, json(carrier.Clickatell), carrier.Parser{}, carrier.ErrNotReceipt, "event.messageStatusUpdate"},
		{"africastalking no status", "id=ATXid_1", form(carrier.AfricasTalking), carrier.Parser{}, carrier.ErrMissingStatus, "status"},
		{"bsg no id", `{"status":"sent"}`, json(carrier.BSG), carrier.Parser{}, carrier.ErrMissingID, "id"},
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
			require.Equal(t, tt.meta.Provider, pe.Provider)
		})
	}
}

// TestVendorPlaceholderTime checks that Telnyx's literal "date-time"
// placeholder keeps the receipt: the text goes to Extra and a ValueError
// comes with the receipts.
func TestVendorPlaceholderTime(t *testing.T) {
	t.Parallel()
	body := `{"data":{"record_type":"event","event_type":"message.sent","occurred_at":"date-time","payload":{"id":"m","to":[{"phone_number":"+1","status":"sent"}]}}}`
	rs, err := carrier.Parse([]byte(body), carrier.Meta{})
	var ve *carrier.ValueError
	require.ErrorAs(t, err, &ve)
	require.Len(t, rs, 1)
	require.Equal(t, status.Enroute, rs[0].Status)
	require.True(t, rs[0].DoneAt.IsZero())
	v, ok := rs[0].ExtraValue("occurred_at")
	require.True(t, ok)
	require.Equal(t, "date-time", v)
	require.Equal(t, []carrier.UnknownValue{{Index: 0, Field: "occurred_at", Value: "date-time"}}, ve.Values)
}

// FuzzVendors feeds every vendor fixture, and whatever the fuzzer makes of
// it, to Parse with each vendor name and with none. Parse must not panic,
// must return receipts or an error that starts with "carrier: ", and every
// receipt it returns must name a message and carry a status.
func FuzzVendors(f *testing.F) {
	isVendor := map[string]bool{}
	for _, p := range vendorProviders {
		isVendor[p] = true
	}
	for _, fx := range loadFixtures(f) {
		if !isVendor[fx.provider] {
			continue
		}
		// Seeds: each published (or constructed) fixture as sent; the
		// provider hint is chosen by the fuzzer from all vendor names.
		body := fx.body
		if fx.meta.RawQuery != "" {
			body = []byte(fx.meta.RawQuery)
		}
		for i := range vendorProviders {
			f.Add(body, fx.meta.ContentType, fx.meta.RawQuery != "", uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType string, asQuery bool, hint uint8) {
		meta := carrier.Meta{ContentType: contentType}
		if asQuery {
			meta.RawQuery, body = string(body), nil
		}
		if int(hint) < len(vendorProviders) {
			meta.Provider = vendorProviders[hint]
		}
		rs, err := carrier.Parse(body, meta)
		if err != nil && !strings.HasPrefix(err.Error(), "carrier: ") {
			t.Fatalf("error text %q", err.Error())
		}
		var ve *carrier.ValueError
		if err != nil && !errors.As(err, &ve) && rs != nil {
			t.Fatalf("receipts with a %T", err)
		}
		for i, r := range rs {
			if r.MessageID == "" || r.Status == status.None {
				t.Fatalf("receipt %d: %s", i, fmt.Sprint(r))
			}
			if meta.Provider != "" && r.Source.Provider != meta.Provider {
				t.Fatalf("receipt %d from %q, asked %q", i, r.Source.Provider, meta.Provider)
			}
		}
	})
}

// TestVendorLocation checks that zone-less timestamps are read in the
// Parser's Location (carrier receipt dates in Parser.SMPP.Location when set)
// and in UTC by default.
func TestVendorLocation(t *testing.T) {
	t.Parallel()
	tokyo := time.FixedZone("JST", 9*3600)
	lima := time.FixedZone("PET", -5*3600)
	form := "application/x-www-form-urlencoded"
	tests := []struct {
		name string
		body string
		meta carrier.Meta
		want time.Time // in Location tokyo; the SMPP location is lima when smpp is set
		smpp bool
	}{
		{"plivo DeliveryReportTime", "MessageUUID=1&Status=delivered&DeliveryReportTime=2024-03-01+10%3A00%3A05.5",
			carrier.Meta{Provider: carrier.Plivo, ContentType: form}, time.Date(2024, 3, 1, 10, 0, 5, 5e8, tokyo), false},
		{"bsg time_dr", `{"id":"1","status":"delivered","time_dr":"2024-05-14 10:15:09"}`,
			carrier.Meta{Provider: carrier.BSG, ContentType: "application/json"}, time.Date(2024, 5, 14, 10, 15, 9, 0, tokyo), false},
		{"twilio RawDlrDoneDate", "MessageSid=SM1&MessageStatus=delivered&RawDlrDoneDate=2302172359",
			carrier.Meta{Provider: carrier.Twilio, ContentType: form}, time.Date(2023, 2, 17, 23, 59, 0, 0, tokyo), false},
		{"twilio RawDlrDoneDate, SMSC zone", "MessageSid=SM1&MessageStatus=delivered&RawDlrDoneDate=2302172359",
			carrier.Meta{Provider: carrier.Twilio, ContentType: form}, time.Date(2023, 2, 17, 23, 59, 0, 0, lima), true},
		{"vonage scts", "", carrier.Meta{Provider: carrier.Vonage, RawQuery: "messageId=1&status=delivered&scts=1810251310"},
			time.Date(2018, 10, 25, 13, 10, 0, 0, tokyo), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := carrier.Parser{Location: tokyo}
			if tt.smpp {
				p.SMPP.Location = lima
			}
			rs, err := p.Parse([]byte(tt.body), tt.meta)
			require.NoError(t, err)
			require.True(t, tt.want.Equal(rs[0].DoneAt), "%v, want %v", rs[0].DoneAt, tt.want)

			rs, err = carrier.Parse([]byte(tt.body), tt.meta)
			require.NoError(t, err)
			utc := time.Date(tt.want.Year(), tt.want.Month(), tt.want.Day(), tt.want.Hour(), tt.want.Minute(), tt.want.Second(), tt.want.Nanosecond(), time.UTC)
			require.True(t, utc.Equal(rs[0].DoneAt), "default: %v, want %v", rs[0].DoneAt, utc)
		})
	}
}

// BenchmarkVendors parses one published fixture per vendor adapter, with
// the provider named and detected.
func BenchmarkVendors(b *testing.B) {
	pick := map[string]string{
		carrier.Twilio:         "testdata/twilio/sent_messaging_service.form.txt",
		carrier.Vonage:         "testdata/vonage/delivered_json.json",
		carrier.Infobip:        "testdata/infobip/delivered_webhook_sample.json",
		carrier.Sinch:          "testdata/sinch/recipient_delivered.json",
		carrier.Telnyx:         "testdata/telnyx/finalized_delivery_failed_constructed.json",
		carrier.Bandwidth:      "testdata/bandwidth/failed_forbidden_country.json",
		carrier.AWS:            "testdata/aws/delivered_eventbridge.json",
		carrier.Plivo:          "testdata/plivo/delivered_captured.form.txt",
		carrier.AfricasTalking: "testdata/africastalking/success.form.txt",
	}
	fixtures := map[string]fixture{}
	for _, fx := range loadFixtures(b) {
		fixtures[fx.path] = fx
	}
	for _, provider := range vendorProviders {
		path, ok := pick[provider]
		if !ok {
			continue
		}
		fx, ok := fixtures[path]
		if !ok {
			b.Fatalf("no fixture %s", path)
		}
		for _, named := range []bool{true, false} {
			meta := fx.meta
			name := provider + "/detect"
			if named {
				meta.Provider = provider
				name = provider + "/named"
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(fx.body) + len(meta.RawQuery)))
				for i := 0; i < b.N; i++ {
					if _, err := carrier.Parse(fx.body, meta); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestVendorRepeatedFields: a repeated field is mapped from its first
// occurrence and the repeat stays in Extra, as for the other adapters.
func TestVendorRepeatedFields(t *testing.T) {
	t.Parallel()
	form := func(p string) carrier.Meta {
		return carrier.Meta{Provider: p, ContentType: "application/x-www-form-urlencoded"}
	}
	json := func(p string) carrier.Meta { return carrier.Meta{Provider: p, ContentType: "application/json"} }
	tests := []struct {
		body     string
		meta     carrier.Meta
		extraKey string
	}{
		{"MessageSid=a&MessageStatus=sent&MessageSid=b", form(carrier.Twilio), "MessageSid"},
		{"messageId=a&status=delivered&messageId=b", form(carrier.Vonage), "messageId"},
		{`{"messageId":"a","status":"delivered","err-code":"0","messageId":"b"}`, json(carrier.Vonage), "messageId"},
		{`{"message_uuid":"a","status":"submitted","message_uuid":"b"}`, json(carrier.VonageMessages), "message_uuid"},
		{"MessageUUID=a&Status=sent&messageuuid=b", form(carrier.Plivo), "messageuuid"},
		{`{"type":"recipient_delivery_report_sms","batch_id":"a","status":"Delivered","batch_id":"b"}`, json(carrier.Sinch), "batch_id"},
		{`{"results":[{"messageId":"a","status":{"groupName":"PENDING"},"messageId":"b"}]}`, json(carrier.Infobip), "messageId"},
		{`{"data":{"event_type":"message.sent","payload":{"id":"a","to":[{"status":"sent"}],"id":"b"}}}`, json(carrier.Telnyx), "id"},
		{"", carrier.Meta{Provider: carrier.MessageBird, RawQuery: "id=a&status=sent&id=b"}, "id"},
		{`{"eventType":"TEXT_SENT","messageId":"a","messageId":"b"}`, json(carrier.AWS), "messageId"},
		{`{"messageId":"a","statusCode":4,"messageId":"b"}`, json(carrier.Clickatell), "messageId"},
		{"id=a&status=Success&id=b", form(carrier.AfricasTalking), "id"},
		{`[{"type":"message-delivered","message":{"id":"a","id":"b"}}]`, json(carrier.Bandwidth), "message.id"},
		{`{"id":"a","status":"sent","id":"b"}`, json(carrier.BSG), "id"},
	}
	for _, tt := range tests {
		t.Run(tt.meta.Provider, func(t *testing.T) {
			t.Parallel()
			rs, err := carrier.Parse([]byte(tt.body), tt.meta)
			require.NoError(t, err)
			require.Len(t, rs, 1)
			require.Equal(t, "a", rs[0].MessageID)
			v, ok := rs[0].ExtraValue(tt.extraKey)
			require.True(t, ok, "%+v", rs[0].Extra)
			require.Equal(t, "b", v)
		})
	}
}
