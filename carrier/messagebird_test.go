package carrier_test

import (
	"net/url"
	"os"
	"strings"

	"time"

	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

func TestMessageBirdStatuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word string
		want status.Status
		ok   bool
	}{
		{"scheduled", status.Accepted, true},
		{"sent", status.Enroute, true},
		{"buffered", status.Enroute, true},
		{"delivered", status.Delivered, true},
		{"delivery_failed", status.Undeliverable, true},
		{"expired", status.Expired, true},
		{"queued", status.Unknown, false},
	}
	for _, tt := range tests {
		rs, err := carrier.Parse(nil, carrier.Meta{RawQuery: "id=m&recipient=31612345678&status=" + tt.word, Provider: carrier.MessageBird})
		require.Len(t, rs, 1, tt.word)
		require.Equal(t, tt.want, rs[0].Status, tt.word)
		if tt.ok {
			require.NoError(t, err, tt.word)
		} else {
			require.ErrorIs(t, err, carrier.ErrUnknownValue, tt.word)
		}
	}
}

func TestMessageBirdFields(t *testing.T) {
	t.Parallel()
	// A POST form is read like the query; an unknown error code keeps its text.
	rs, err := carrier.Parse([]byte("id=m&recipient=31612345678&status=delivery_failed&statusErrorCode=1&statusReason=unknown+subscriber"),
		carrier.Meta{ContentType: "application/x-www-form-urlencoded", Provider: carrier.MessageBird})
	require.NoError(t, err)
	require.Equal(t, errcode.Code{Namespace: errcode.MessageBird, Value: 1}, rs[0].Error)
	require.Equal(t, "unknown subscriber", rs[0].ErrorMessage)
	info, ok := rs[0].ErrorInfo()
	require.True(t, ok)
	require.Equal(t, errcode.ClassPermanent, info.Class)

	rs, err = carrier.Parse(nil, carrier.Meta{RawQuery: "id=m&status=sent&statusErrorCode=x1&statusDatetime=yesterday", Provider: carrier.MessageBird})
	require.ErrorIs(t, err, carrier.ErrUnknownValue)
	require.Equal(t, "x1", rs[0].RawError)
	require.True(t, rs[0].DoneAt.IsZero())
	v, _ := rs[0].ExtraValue("statusDatetime")
	require.Equal(t, "yesterday", v)

	_, err = carrier.Parse(nil, carrier.Meta{RawQuery: "recipient=1&status=sent", Provider: carrier.MessageBird})
	require.ErrorIs(t, err, carrier.ErrMissingID)
	_, err = carrier.Parse(nil, carrier.Meta{RawQuery: "id=m", Provider: carrier.MessageBird})
	require.ErrorIs(t, err, carrier.ErrMissingStatus)
	_, err = carrier.Parse([]byte(`{"id":"m","status":"sent"}`), carrier.Meta{Provider: carrier.MessageBird})
	require.ErrorIs(t, err, carrier.ErrWrongFormat)
}

// TestMessageBirdStatusReason: Bird sends statusReason with every status
// ("successfully delivered", "pending DLR"); it is an error message only
// for a failure, and otherwise stays in Extra where it was sent.
// Constructed queries; the reasons are Bird's documented words.
func TestMessageBirdStatusReason(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		query, errMsg string
		extra         []dlr.Field
	}{
		{"id=m&statusReason=successfully+delivered&status=delivered&ported=0", "",
			[]dlr.Field{{Key: "statusReason", Value: "successfully delivered"}, {Key: "ported", Value: "0"}}},
		{"id=m&status=sent&statusReason=pending+DLR", "", []dlr.Field{{Key: "statusReason", Value: "pending DLR"}}},
		{"id=m&status=delivery_failed&statusReason=unknown+subscriber&ported=0", "unknown subscriber",
			[]dlr.Field{{Key: "ported", Value: "0"}}},
		{"id=m&status=expired&statusReason=DLR+not+received", "DLR not received", nil},
	} {
		rs, err := carrier.Parse(nil, carrier.Meta{RawQuery: tt.query, Provider: carrier.MessageBird})
		require.NoError(t, err, tt.query)
		require.Equal(t, tt.errMsg, rs[0].ErrorMessage, tt.query)
		require.Equal(t, tt.extra, rs[0].Extra, tt.query)
	}
}

func TestMessageBirdDetect(t *testing.T) {
	t.Parallel()
	name, err := carrier.Detect(nil, carrier.Meta{RawQuery: "id=m&recipient=1&status=sent&statusDatetime=2023-07-28T17%3A57%3A12%2B00%3A00"})
	require.NoError(t, err)
	require.Equal(t, carrier.MessageBird, name)
	// Without statusDatetime and recipient, id and status say nothing.
	_, err = carrier.Detect(nil, carrier.Meta{RawQuery: "id=m&status=sent"})
	require.ErrorIs(t, err, carrier.ErrUnknownProvider)
}

func FuzzMessageBird(f *testing.F) {
	addFixtureSeeds(f, carrier.MessageBird)
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		checkFuzzParse(t, carrier.MessageBird, body, contentType)
	})
}

func TestMessageBirdZonelessTime(t *testing.T) {
	t.Parallel()
	q := "id=m&recipient=1&status=delivered&statusDatetime=2023-07-28T17%3A57%3A12"
	rs, err := carrier.Parse(nil, carrier.Meta{RawQuery: q, Provider: carrier.MessageBird})
	require.NoError(t, err)
	require.Equal(t, time.Date(2023, 7, 28, 17, 57, 12, 0, time.UTC), rs[0].DoneAt)
	p := carrier.Parser{Location: time.FixedZone("UTC+2", 2*3600)}
	rs, err = p.Parse(nil, carrier.Meta{RawQuery: q, Provider: carrier.MessageBird})
	require.NoError(t, err)
	require.True(t, rs[0].DoneAt.Equal(time.Date(2023, 7, 28, 15, 57, 12, 0, time.UTC)), rs[0].DoneAt)
}

func BenchmarkMessageBirdQuery(b *testing.B) {
	q, err := os.ReadFile("testdata/messagebird/delivery_failed_stop.query.txt")
	if err != nil {
		b.Fatal(err)
	}
	query := strings.TrimSpace(string(q))
	b.Run("impl=carrier", func(b *testing.B) {
		meta := carrier.Meta{RawQuery: query, Provider: carrier.MessageBird}
		b.ReportAllocs()
		b.SetBytes(int64(len(query)))
		for i := 0; i < b.N; i++ {
			rs, err := carrier.Parse(nil, meta)
			if err != nil || len(rs) != 1 {
				b.Fatal(err)
			}
		}
	})
	// Baseline: only splitting the query into url.Values, no mapping.
	b.Run("impl=url-parsequery", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(query)))
		for i := 0; i < b.N; i++ {
			if _, err := url.ParseQuery(query); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestQueryPlusOffset: an offset written unescaped in a query string
// ("+00:00", as in the statusDatetime examples of Bird's docs) reaches the
// adapter as " 00:00" and is still read as UTC+0. Constructed queries.
func TestQueryPlusOffset(t *testing.T) {
	t.Parallel()
	for _, q := range []string{
		"id=m&status=delivered&statusDatetime=2016-05-04T07:32:46+00:00",
		"id=m&status=delivered&statusDatetime=2016-05-04T07%3A32%3A46%2B00%3A00",
		"id=m&status=delivered&statusDatetime=2016-05-04T09:32:46+02:00",
		"id=m&status=delivered&statusDatetime=2016-05-04T07:32:46.000+0000",
	} {
		rs, err := carrier.Parse(nil, carrier.Meta{RawQuery: q, Provider: carrier.MessageBird})
		require.NoError(t, err, q)
		require.True(t, rs[0].DoneAt.Equal(time.Date(2016, 5, 4, 7, 32, 46, 0, time.UTC)), "%s: %v", q, rs[0].DoneAt)
		_, ok := rs[0].ExtraValue("statusDatetime")
		require.False(t, ok, q)
	}
	// A space that is not an offset's sign is still an unknown value.
	rs, err := carrier.Parse(nil, carrier.Meta{RawQuery: "id=m&status=delivered&statusDatetime=2016-05-04T07:32:46+00", Provider: carrier.MessageBird})
	require.ErrorIs(t, err, carrier.ErrUnknownValue)
	require.True(t, rs[0].DoneAt.IsZero())
}
