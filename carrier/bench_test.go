package carrier_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/dlrkit/dlrkit/carrier"
)

// bsrSingle is the BulkSMSRates real-time object (see
// testdata/bulksmsrates/realtime_delivered.json).
var bsrSingle = []byte(`{"message_id":"msg_550e8400e29b41d4","to":"+447700900000","status":"DELIVRD","error_code":"000",` +
	`"submitted_at":"2025-02-14T10:30:00Z","delivered_at":"2025-02-14T10:30:02Z","network":"EE UK",` +
	`"segments":1,"cost":0.0300,"currency":"GBP"}`)

// bsrTyped is the baseline: the same fields decoded by encoding/json into a
// typed struct, with json.Number so that cost keeps its text as ours does.
type bsrTyped struct {
	MessageID   string      `json:"message_id"`
	To          string      `json:"to"`
	Status      string      `json:"status"`
	ErrorCode   *string     `json:"error_code"`
	SubmittedAt time.Time   `json:"submitted_at"`
	DeliveredAt time.Time   `json:"delivered_at"`
	Network     string      `json:"network"`
	Segments    int         `json:"segments"`
	Cost        json.Number `json:"cost"`
	Currency    string      `json:"currency"`
}

func BenchmarkBulkSMSRatesSingle(b *testing.B) {
	b.Run("impl=carrier", func(b *testing.B) {
		meta := carrier.Meta{ContentType: "application/json", Provider: carrier.BulkSMSRates}
		b.ReportAllocs()
		b.SetBytes(int64(len(bsrSingle)))
		for i := 0; i < b.N; i++ {
			rs, err := carrier.Parse(bsrSingle, meta)
			if err != nil || len(rs) != 1 {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(bsrSingle)))
		for i := 0; i < b.N; i++ {
			var v bsrTyped
			if err := json.Unmarshal(bsrSingle, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestParseAllocs pins the allocations of the hot path: one copy of the
// body that the receipt's strings share, the result slice, and the
// decoder's bookkeeping.
func TestParseAllocs(t *testing.T) {
	meta := carrier.Meta{ContentType: "application/json", Provider: carrier.BulkSMSRates}
	n := testing.AllocsPerRun(200, func() {
		if _, err := carrier.Parse(bsrSingle, meta); err != nil {
			t.Fatal(err)
		}
	})
	if n > 3 {
		t.Errorf("carrier.Parse allocates %v times per call, want at most 3", n)
	}
}
