package carrier_test

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/status"
)

func TestAfricasTalkingStatuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word string
		want status.Status
		ok   bool
	}{
		{"Sent", status.Enroute, true},
		{"Submitted", status.Enroute, true},
		{"Buffered", status.Enroute, true},
		{"Success", status.Delivered, true},
		{"success", status.Delivered, true},
		{"Failed", status.Undeliverable, true},
		{"Rejected", status.Rejected, true},
		{"Expired", status.Expired, true},
		{"AbsentSubscriber", status.Undeliverable, true},
	}
	for _, tt := range tests {
		body := "id=ATXid_1&status=" + url.QueryEscape(tt.word)
		rs, err := carrier.Parse([]byte(body), carrier.Meta{ContentType: "application/x-www-form-urlencoded", Provider: carrier.AfricasTalking})
		require.Len(t, rs, 1, tt.word)
		require.Equal(t, tt.want, rs[0].Status, tt.word)
		require.Equal(t, tt.word, rs[0].RawStatus)
		if tt.ok {
			require.NoError(t, err, tt.word)
		} else {
			require.ErrorIs(t, err, carrier.ErrUnknownValue, tt.word)
		}
	}
}

func TestAfricasTalkingErrors(t *testing.T) {
	t.Parallel()
	form := carrier.Meta{ContentType: "application/x-www-form-urlencoded", Provider: carrier.AfricasTalking}
	_, err := carrier.Parse([]byte("status=Success"), form)
	require.ErrorIs(t, err, carrier.ErrMissingID)
	_, err = carrier.Parse([]byte(`{"id":"ATXid_1","status":"Success"}`), carrier.Meta{Provider: carrier.AfricasTalking})
	require.ErrorIs(t, err, carrier.ErrWrongFormat)
	// A GET query with the same fields is read too.
	rs, err := carrier.Parse(nil, carrier.Meta{RawQuery: "id=ATXid_1&status=Buffered", Provider: carrier.AfricasTalking})
	require.NoError(t, err)
	require.Equal(t, status.Enroute, rs[0].Status)
}

func TestAfricasTalkingDetect(t *testing.T) {
	t.Parallel()
	form := carrier.Meta{ContentType: "application/x-www-form-urlencoded"}
	for _, body := range []string{
		"id=ATXid_1&status=Success",
		"id=42&status=Failed&phoneNumber=%2B254711000000&networkCode=63902",
	} {
		name, err := carrier.Detect([]byte(body), form)
		require.NoError(t, err, body)
		require.Equal(t, carrier.AfricasTalking, name, body)
	}
	// id and status alone are not distinctive.
	_, err := carrier.Detect([]byte("id=42&status=Success"), form)
	require.ErrorIs(t, err, carrier.ErrUnknownProvider)
}

func FuzzAfricasTalking(f *testing.F) {
	addFixtureSeeds(f, carrier.AfricasTalking)
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		checkFuzzParse(t, carrier.AfricasTalking, body, contentType)
	})
}

// addFixtureSeeds adds every fixture of provider as a fuzz seed: the body
// and the content type the golden test uses (a query as a form body).
func addFixtureSeeds(f *testing.F, provider string) {
	f.Helper()
	dir := filepath.Join("testdata", provider)
	files, err := os.ReadDir(dir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range files {
		name := e.Name()
		var ct string
		switch {
		case strings.HasSuffix(name, ".golden.json"), name == "SOURCE":
			continue
		case strings.HasSuffix(name, ".json"):
			ct = "application/json"
		case strings.HasSuffix(name, ".form.txt"), strings.HasSuffix(name, ".query.txt"):
			ct = "application/x-www-form-urlencoded"
		default:
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, ct)
	}
}

// checkFuzzParse parses body as provider, and without a provider, and
// checks the contract: no panic; either receipts with an id, the provider's
// name and a status, or no receipts and a *ParseError or *DetectError; a
// *ValueError comes only with receipts.
func checkFuzzParse(t *testing.T, provider string, body []byte, contentType string) {
	for _, name := range []string{provider, ""} {
		rs, err := carrier.Parse(body, carrier.Meta{ContentType: contentType, Provider: name})
		var ve *carrier.ValueError
		var pe *carrier.ParseError
		var de *carrier.DetectError
		switch {
		case err == nil, errors.As(err, &ve):
			if len(rs) == 0 {
				t.Fatalf("%q: no receipts and error %v", name, err)
			}
			for _, r := range rs {
				if r.MessageID == "" || r.Status == status.None || r.Source.Provider == "" {
					t.Fatalf("%q: incomplete receipt %+v", name, r)
				}
				if name != "" && r.Source.Provider != name {
					t.Fatalf("%q: receipt from %q", name, r.Source.Provider)
				}
			}
		case errors.As(err, &pe), errors.As(err, &de):
			if rs != nil {
				t.Fatalf("%q: receipts with error %v", name, err)
			}
			if !strings.HasPrefix(err.Error(), "carrier: ") {
				t.Fatalf("error text %q", err)
			}
		default:
			t.Fatalf("%q: untyped error %T %v", name, err, err)
		}
	}
}

// A repeated mapped field is mapped once; its repeats stay in Extra.
func TestRepeatedFieldsKept(t *testing.T) {
	t.Parallel()
	tests := []struct {
		provider, body, rawQuery, extraKey, extraValue string
		want                                           status.Status
	}{
		{carrier.AfricasTalking, "id=ATXid_1&status=Success&status=Failed", "", "status", "Failed", status.Delivered},
		{carrier.MessageBird, "", "id=m&recipient=1&status=delivered&status=expired", "status", "expired", status.Delivered},
		{carrier.Clickatell, `{"messageId":"m","statusCode":4,"statusCode":7}`, "", "statusCode", "7", status.Delivered},
		{carrier.AWS, `{"eventType":"TEXT_DELIVERED","messageId":"m","messageStatus":"DELIVERED","messageStatus":"BLOCKED"}`, "", "messageStatus", "BLOCKED", status.Delivered},
		{carrier.AWS, `{"event_type":"_SMS.SUCCESS","attributes":{"message_id":"m","record_status":"DELIVERED","record_status":"SPAM"}}`, "", "attributes.record_status", "SPAM", status.Delivered},
	}
	for _, tt := range tests {
		meta := carrier.Meta{Provider: tt.provider, RawQuery: tt.rawQuery}
		if tt.body != "" && tt.body[0] != '{' {
			meta.ContentType = "application/x-www-form-urlencoded"
		}
		rs, err := carrier.Parse([]byte(tt.body), meta)
		require.NoError(t, err, tt.provider)
		require.Equal(t, tt.want, rs[0].Status, tt.provider)
		v, ok := rs[0].ExtraValue(tt.extraKey)
		require.True(t, ok, tt.provider)
		require.Equal(t, tt.extraValue, v, tt.provider)
	}
}
