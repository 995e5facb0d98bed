package carrier_test

import (
	"fmt"

	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

func TestClickatellStatusCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code  int
		want  status.Status
		isErr bool // the code is kept as RawError and Error
	}{
		{1, status.Unknown, true},
		{2, status.Accepted, false},
		{3, status.Enroute, false},
		{4, status.Delivered, false},
		{5, status.Rejected, true},
		{6, status.Deleted, true},
		{7, status.Undeliverable, true},
		{8, status.Accepted, false},
		{9, status.Rejected, true},
		{10, status.Expired, true},
		{11, status.Accepted, false},
		{12, status.Rejected, true},
		{14, status.Rejected, true},
	}
	for _, tt := range tests {
		c := strconv.Itoa(tt.code)
		rs, err := carrier.Parse([]byte(`{"messageId":"m","statusCode":`+c+`}`), carrier.Meta{Provider: carrier.Clickatell})
		require.NoError(t, err, c)
		require.Equal(t, tt.want, rs[0].Status, c)
		require.Equal(t, c, rs[0].RawStatus)
		if tt.isErr {
			require.Equal(t, c, rs[0].RawError)
			info, ok := rs[0].ErrorInfo()
			require.True(t, ok, c)
			require.Equal(t, tt.want, info.Implies, c)
		} else {
			require.Empty(t, rs[0].RawError, c)
		}
	}
	rs, err := carrier.Parse([]byte(`{"messageId":"m","statusCode":13}`), carrier.Meta{Provider: carrier.Clickatell})
	require.ErrorIs(t, err, carrier.ErrUnknownValue)
	require.Equal(t, status.Unknown, rs[0].Status)
}

func TestClickatellOneAPIWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word string
		code int
		want status.Status
	}{
		{"QUEUED", 2, status.Accepted},
		{"SCHEDULED", 3, status.Accepted},
		{"SENT_TO_SUPPLIER", 4, status.Enroute},
		{"DEVICE_ACK", 5, status.Delivered},
		{"READ", 6, status.Delivered},
		{"EXPIRED", 20, status.Expired},
		{"STOPPED_BY_USER", 21, status.Deleted},
		{"DELIVERY_FAILURE", 23, status.Undeliverable},
		{"INSUFFICIENT_ACCOUNT_BALANCE", 25, status.Rejected},
		{"RECIPIENT_DOES_NOT_EXIST", 29, status.Rejected},
		{"ROUTING_ERROR", 100, status.Rejected},
	}
	for _, tt := range tests {
		c := strconv.Itoa(tt.code)
		body := `{"messageId":"m","statusCode":` + c + `,"status":"` + tt.word + `"}`
		rs, err := carrier.Parse([]byte(body), carrier.Meta{Provider: carrier.Clickatell})
		require.NoError(t, err, body)
		require.Equal(t, tt.want, rs[0].Status, body)
		require.Equal(t, tt.word, rs[0].RawStatus)
		if tt.code >= 20 {
			require.Equal(t, errcode.Code{Namespace: errcode.Clickatell, Value: uint32(tt.code)}, rs[0].Error)
		} else {
			require.True(t, rs[0].Error.IsZero(), body)
		}
	}
}

func TestClickatellErrors(t *testing.T) {
	t.Parallel()
	meta := carrier.Meta{Provider: carrier.Clickatell}
	tests := []struct {
		body     string
		sentinel error
		field    string
	}{
		{`{"messageId":"m"}`, carrier.ErrMissingStatus, "statusCode"},
		{`{"statusCode":4}`, carrier.ErrMissingID, "messageId"},
		{`{"event":{"messageStatusUpdate":[]}}`, carrier.ErrNotReceipt, "event.messageStatusUpdate"},
		{`{"event":{"messageStatusUpdate":[1]}}`, carrier.ErrNotReceipt, "event.messageStatusUpdate"},
		{`[{"messageId":"m","statusCode":4},{"statusCode":4}]`, carrier.ErrMissingID, "messageId"},
	}
	for _, tt := range tests {
		rs, err := carrier.Parse([]byte(tt.body), meta)
		require.Nil(t, rs, tt.body)
		require.ErrorIs(t, err, tt.sentinel, tt.body)
		var pe *carrier.ParseError
		require.ErrorAs(t, err, &pe)
		require.Equal(t, tt.field, pe.Field, tt.body)
	}
	_, err := carrier.Parse([]byte("messageId=m&statusCode=4"), carrier.Meta{Provider: carrier.Clickatell, ContentType: "application/x-www-form-urlencoded"})
	require.ErrorIs(t, err, carrier.ErrWrongFormat)

	// The batch bound counts updates inside the wrapped form too.
	p := carrier.Parser{MaxBatch: 1}
	_, err = p.Parse([]byte(`{"event":{"messageStatusUpdate":[{"messageId":"a","statusCode":4},{"messageId":"b","statusCode":4}]}}`), meta)
	require.ErrorIs(t, err, carrier.ErrTooLarge)
}

func TestClickatellDetect(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`{"messageId":"m","statusCode":4}`,
		`[{"messageId":"m","statusCode":4}]`,
		`{"integrationId":"x","event":{"messageStatusUpdate":[{"messageId":"m","statusCode":4}]}}`,
	} {
		name, err := carrier.Detect([]byte(body), carrier.Meta{})
		require.NoError(t, err, body)
		require.Equal(t, carrier.Clickatell, name, body)
	}
}

func FuzzClickatell(f *testing.F) {
	addFixtureSeeds(f, carrier.Clickatell)
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		checkFuzzParse(t, carrier.Clickatell, body, contentType)
	})
}

// A placeholder or unreadable timestamp does not fail the receipt: the text
// stays in Extra and is reported as an unknown value.
func TestClickatellPlaceholderTime(t *testing.T) {
	t.Parallel()
	rs, err := carrier.Parse([]byte(`{"messageId":"m","statusCode":4,"timestamp":"date-time"}`), carrier.Meta{Provider: carrier.Clickatell})
	require.ErrorIs(t, err, carrier.ErrUnknownValue)
	require.Len(t, rs, 1)
	require.Equal(t, status.Delivered, rs[0].Status)
	require.True(t, rs[0].DoneAt.IsZero())
	v, ok := rs[0].ExtraValue("timestamp")
	require.True(t, ok)
	require.Equal(t, "date-time", v)
}

// A Clickatell batch gives one receipt per recipient; requestId groups them.
func ExampleParse_clickatellBatch() {
	body := []byte(`[{"messageId":"msg1","requestId":"req-1","to":"27820000001","statusCode":4},` +
		`{"messageId":"msg2","requestId":"req-1","to":"27820000002","statusCode":12}]`)
	rs, _ := carrier.Parse(body, carrier.Meta{ContentType: "application/json"})
	for _, r := range rs {
		line := fmt.Sprint(r.Source.Provider, " ", r.ParentID, " ", r.MessageID, " ", r.To, " ", r.Status)
		if info, ok := r.ErrorInfo(); ok {
			line += " (" + info.Name + ")"
		}
		fmt.Println(line)
	}
	// Output:
	// clickatell req-1 msg1 27820000001 DELIVRD
	// clickatell req-1 msg2 27820000002 REJECTD (Out of credit)
}
