package carrier_test

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

var fuzzContentTypes = []string{"", "application/json", "application/x-www-form-urlencoded", "text/plain", "application/xml", "application/vnd.x+json; charset=utf-8"}

// fuzzProviders are the names Parse is tried with: every adapter, detection
// (""), and an unknown name.
var fuzzProviders = append(carrier.Providers(), "", "nope")

var sentinels = []error{
	carrier.ErrMalformed, carrier.ErrTooLarge, carrier.ErrUnknownProvider, carrier.ErrAmbiguous,
	carrier.ErrWrongFormat, carrier.ErrNotReceipt, carrier.ErrMissingID, carrier.ErrMissingStatus,
}

// FuzzParse: any bytes, with any content type, as a body or a query, for
// any provider name, never panic; results are receipts or a typed error.
func FuzzParse(f *testing.F) {
	// Seeds: every fixture body (the shapes the adapters know).
	for _, fx := range loadFixtures(f) {
		body := fx.body
		if fx.meta.RawQuery != "" {
			body = []byte(fx.meta.RawQuery)
		}
		f.Add(body, uint8(0), uint8(0), fx.meta.RawQuery != "")
	}
	f.Add([]byte(`[{"a":[1,{"b":null}],"message_id":"\ud800","status":"DELIVRD"}]`), uint8(1), uint8(0), false)
	f.Add([]byte("id=%zz&a;b"), uint8(2), uint8(4), false)
	f.Fuzz(func(t *testing.T, data []byte, ct, prov uint8, asQuery bool) {
		meta := carrier.Meta{
			ContentType: fuzzContentTypes[int(ct)%len(fuzzContentTypes)],
			Provider:    fuzzProviders[int(prov)%len(fuzzProviders)],
		}
		body := data
		if asQuery {
			meta.RawQuery, body = string(data), nil
		}
		p := carrier.Parser{MaxBatch: 50, MaxDepth: 8}
		rs, err := p.Parse(body, meta)
		checkResult(t, rs, err)
		if meta.Provider == "" {
			name, derr := carrier.Detect(body, meta)
			if derr == nil {
				meta.Provider = name
				rs2, err2 := p.Parse(body, meta)
				if (err == nil) != (err2 == nil) {
					t.Fatalf("detected %s: errors differ: %v / %v", name, err, err2)
				}
				if diff := cmp.Diff(rs, rs2); diff != "" {
					t.Fatalf("detected %s: results differ:\n%s", name, diff)
				}
			}
		}
	})
}

func checkResult(t *testing.T, rs []dlr.Receipt, err error) {
	t.Helper()
	var ve *carrier.ValueError
	if err != nil && !errors.As(err, &ve) {
		if rs != nil {
			t.Fatalf("receipts with a failure: %v", err)
		}
		known := false
		for _, s := range sentinels {
			known = known || errors.Is(err, s)
		}
		if !known || !strings.HasPrefix(err.Error(), "carrier: ") {
			t.Fatalf("error without a sentinel or prefix: %v", err)
		}
		return
	}
	if len(rs) == 0 {
		t.Fatalf("no receipts and no error (err %v)", err)
	}
	if ve != nil && len(ve.Values) == 0 {
		t.Fatal("empty ValueError")
	}
	for _, r := range rs {
		if !r.IsValid() || r.Source.Provider == "" || r.Source.Format == "" {
			t.Fatalf("incomplete receipt %+v", r)
		}
	}
}

// encodeBulkSMSRates writes r in the BulkSMSRates real-time shape.
func encodeBulkSMSRates(r dlr.Receipt) []byte {
	q := strconv.Quote // valid JSON for valid UTF-8 without control characters
	var b strings.Builder
	b.WriteString(`{"message_id":` + q(r.MessageID) + `,"status":` + q(r.RawStatus))
	if r.RawError != "" {
		b.WriteString(`,"error_code":` + q(r.RawError))
	} else {
		b.WriteString(`,"error_code":null`)
	}
	b.WriteString(`,"to":` + q(r.To))
	if !r.DoneAt.IsZero() {
		b.WriteString(`,"delivered_at":` + q(r.DoneAt.Format(time.RFC3339Nano)))
	}
	b.WriteString(`,"segments":` + strconv.Itoa(r.Segments))
	if r.Price != "" {
		b.WriteString(`,"cost":` + r.Price + `,"currency":` + q(r.Currency))
	}
	for _, f := range r.Extra {
		b.WriteString("," + q(f.Key) + ":" + q(f.Value))
	}
	b.WriteString("}")
	return []byte(b.String())
}

var smppWords = []string{"DELIVRD", "UNDELIV", "EXPIRED", "DELETED", "UNKNOWN", "REJECTD", "ENROUTE", "ACCEPTD"}

func plainText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r > 0xFFFF { // strconv.Quote escapes these differently from JSON
			return false
		}
	}
	return true
}

// FuzzRoundTripBulkSMSRates: a receipt written in BulkSMSRates's shape
// parses back equal.
func FuzzRoundTripBulkSMSRates(f *testing.F) {
	f.Add("msg_550e8400e29b41d4", "+447700900000", uint8(0), uint16(0), int64(1739529002), uint16(300), uint8(1), "event", "delivery_report")
	f.Add("m", "", uint8(1), uint16(27), int64(0), uint16(0), uint8(0), "", "")
	f.Fuzz(func(t *testing.T, id, to string, word uint8, code uint16, unix int64, cents uint16, segments uint8, ek, ev string) {
		if id == "" || !plainText(id) || !plainText(to) || !plainText(ek) || !plainText(ev) {
			return
		}
		switch ek {
		case "message_id", "status", "error_code", "error_message", "to", "from", "submitted_at", "delivered_at",
			"network", "country", "segments", "cost", "currency":
			return // a mapped name is not an extra field
		}
		want := dlr.Receipt{
			MessageID: id, To: to, RawStatus: smppWords[int(word)%len(smppWords)],
			Segments: int(segments), Source: dlr.Source{Format: dlr.FormatJSON, Provider: carrier.BulkSMSRates},
		}
		want.Status, _ = status.Parse(want.RawStatus)
		if code != 0 {
			want.RawError = strconv.Itoa(int(code))
			want.Error = errcode.Code{Namespace: errcode.BulkSMSRates, Value: uint32(code)}
		}
		if unix != 0 {
			want.DoneAt = time.Unix(unix%(1<<33), 0).UTC()
		}
		if cents != 0 {
			want.Price = strconv.Itoa(int(cents)/100) + "." + strconv.Itoa(int(cents)%100 + 100)[1:] + "0"
			want.Currency = "GBP"
		}
		if ek != "" {
			want.Extra = []dlr.Field{{Key: ek, Value: ev}}
		}
		body := encodeBulkSMSRates(want)
		rs, err := carrier.Parse(body, carrier.Meta{ContentType: "application/json", Provider: carrier.BulkSMSRates})
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if diff := cmp.Diff([]dlr.Receipt{want}, rs); diff != "" {
			t.Fatalf("%s (-want +got):\n%s", body, diff)
		}
	})
}

// encodeJasmin writes r as Jasmin's DLR thrower does for level 2.
func encodeJasmin(r dlr.Receipt, idSMSC string) string {
	v := []string{
		"id=" + url.QueryEscape(r.MessageID), "level=2", "message_status=" + url.QueryEscape(r.RawStatus),
		"id_smsc=" + url.QueryEscape(idSMSC),
		"sub=" + pad3(r.Submitted), "dlvrd=" + pad3(r.Delivered),
		"subdate=" + r.SubmittedAt.Format("0601021504"), "donedate=" + r.DoneAt.Format("0601021504"),
		"err=" + url.QueryEscape(r.RawError), "text=" + url.QueryEscape(r.Text),
	}
	return strings.Join(v, "&")
}

func pad3(n int) string { return strconv.Itoa(n + 1000)[1:] }

// FuzzRoundTripJasmin: a receipt written as Jasmin's level-2 DLR parses
// back equal, as a query and as a form.
func FuzzRoundTripJasmin(f *testing.F) {
	f.Add("16fd2706-8baf-433b-82eb-8c7fada847da", uint8(0), uint16(0), int64(1383435480), uint16(60), uint8(1), uint8(1), "Hello foo bar", "2567")
	f.Fuzz(func(t *testing.T, id string, word uint8, code uint16, unix int64, took uint16, sub, dlvrd uint8, text, idSMSC string) {
		if id == "" || !utf8.ValidString(id) || !utf8.ValidString(text) || !utf8.ValidString(idSMSC) {
			return
		}
		sub, dlvrd = sub%100, dlvrd%100
		sdate := time.Unix(946684800+unix%(3155760000-60*60*24*2), 0).UTC().Truncate(time.Minute) // 2000–2099
		want := dlr.Receipt{
			MessageID: id, RawStatus: smppWords[int(word)%len(smppWords)], RawError: pad3(int(code % 1000)),
			SubmittedAt: sdate, DoneAt: sdate.Add(time.Duration(took) * time.Minute),
			Submitted: int(sub), Delivered: int(dlvrd), Text: text,
			Extra: []dlr.Field{{Key: "level", Value: "2"}, {Key: "id_smsc", Value: idSMSC}},
		}
		want.Status, _ = status.Parse(want.RawStatus)
		want.Error = errcode.Code{Namespace: errcode.MAP, Value: uint32(code % 1000)}
		if want.DoneAt.Year() > 2099 {
			return
		}
		q := encodeJasmin(want, idSMSC)
		for _, meta := range []carrier.Meta{{RawQuery: q}, {ContentType: "application/x-www-form-urlencoded"}} {
			meta.Provider = carrier.Jasmin
			body := []byte(nil)
			want.Source = dlr.Source{Format: dlr.FormatQuery, Provider: carrier.Jasmin}
			if meta.RawQuery == "" {
				body = []byte(q)
				want.Source.Format = dlr.FormatForm
			}
			rs, err := carrier.Parse(body, meta)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if diff := cmp.Diff([]dlr.Receipt{want}, rs); diff != "" {
				t.Fatalf("%s (-want +got):\n%s", q, diff)
			}
		}
	})
}

var tsgWords = []struct {
	word string
	s    status.Status
}{{"delivered", status.Delivered}, {"undelivered", status.Undeliverable}, {"rejected", status.Rejected}, {"expired", status.Expired}}

// FuzzRoundTripTSG: a receipt written in TSG Global's sms_dlr / mms_dlr
// shape parses back equal.
func FuzzRoundTripTSG(f *testing.F) {
	f.Add("a4c56a01-4daf-4ae1-9732-025b427add13", "a2692312-2050-4a50-9123-ca7b4cde0db7", "18574914340", "14252437709", uint8(0), uint16(0), int64(1649885700), false)
	f.Fuzz(func(t *testing.T, id, receiptID, to, from string, word uint8, code uint16, unix int64, mms bool) {
		if id == "" || !plainText(id) || !plainText(receiptID) || !plainText(to) || !plainText(from) {
			return
		}
		kind := "sms"
		if mms {
			kind = "mms"
		}
		w := tsgWords[int(word)%len(tsgWords)]
		done := time.Unix(unix%(1<<33), 0).UTC()
		want := dlr.Receipt{
			MessageID: id, Status: w.s, RawStatus: w.word, RawError: pad3(int(code % 1000)),
			Error: errcode.Code{Namespace: errcode.TSG, Value: uint32(code % 1000)},
			To:    to, From: from, SubmittedAt: done, DoneAt: done,
			Source: dlr.Source{Format: dlr.FormatJSON, Provider: carrier.TSG},
			Extra:  []dlr.Field{{Key: "id", Value: receiptID}, {Key: "type", Value: "inbound"}},
		}
		q := strconv.Quote
		stamp := q(done.Format("2006-01-02T15:04:05"))
		body := `{"delivery_error_code":` + q(want.RawError) + `,"delivery_status":` + q(w.word) +
			`,"done_at":` + stamp + `,"from":` + q(from) + `,"id":` + q(receiptID) +
			`,"object":"` + kind + `_dlr","` + kind + `":{"id":` + q(id) + `},"submitted_at":` + stamp +
			`,"to":` + q(to) + `,"type":"inbound"}`
		rs, err := carrier.Parse([]byte(body), carrier.Meta{ContentType: "application/json"})
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if diff := cmp.Diff([]dlr.Receipt{want}, rs); diff != "" {
			t.Fatalf("%s (-want +got):\n%s", body, diff)
		}
	})
}
