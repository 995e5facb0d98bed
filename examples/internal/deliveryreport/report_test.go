package deliveryreport

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

func TestGrade(t *testing.T) {
	t.Parallel()
	tests := []struct {
		rate float64
		want string
	}{
		{100, "Excellent"},
		{95.1, "Excellent"},
		{95, "Good"},
		{90, "Good"},
		{89.9, "Fair"},
		{80, "Fair"},
		{79.9, "Poor"},
		{0, "Poor"},
	}
	for _, tt := range tests {
		name, advice := Grade(tt.rate)
		require.Equal(t, tt.want, name, "rate %v", tt.rate)
		require.NotEmpty(t, advice)
	}
}

// TestReport renders the report of constructed receipts: one message with
// an intermediate and a final receipt, a duplicate, failures with error
// codes, and a receipt without an id.
func TestReport(t *testing.T) {
	t.Parallel()
	at := time.Date(2025, 2, 14, 10, 30, 0, 0, time.UTC)
	bsr := dlr.Source{Format: dlr.FormatJSON, Provider: "bulksmsrates"}
	smpp := dlr.Source{Format: dlr.FormatSMPPText}
	rep := New()
	for _, r := range []dlr.Receipt{
		{MessageID: "m1", Status: status.Enroute, Source: bsr, DoneAt: at},
		{MessageID: "m1", Status: status.Delivered, Source: bsr, DoneAt: at.Add(time.Second)},
		{MessageID: "m2", Status: status.Undeliverable, Error: errcode.Code{Namespace: errcode.MAP, Value: 1}, Source: smpp},
		{MessageID: "m2", Status: status.Undeliverable, Error: errcode.Code{Namespace: errcode.MAP, Value: 1}, Source: smpp},
		{MessageID: "m3", Status: status.Expired, Error: errcode.Code{Namespace: errcode.MAP, Value: 27}, Source: smpp},
		{MessageID: "m4", Status: status.Delivered, Source: smpp},
		{MessageID: "m4", Status: status.Delivered, Source: bsr}, // same id, other provider: another message
		{Status: status.Unknown, Source: smpp},
	} {
		rep.Add(r)
	}
	rep.AddProblem()
	rep.AddProblem()

	var b strings.Builder
	require.NoError(t, rep.Summary().WriteText(&b))
	got := b.String()
	lines := strings.Split(got, "\n")

	require.Equal(t, "Delivery report: 8 receipts, 6 messages, 2 unreadable lines", lines[0])
	for _, want := range []string{
		"  DELIVRD        3   50.0%  ########################################",
		"  UNDELIV        1   16.7%  ##############",
		"  EXPIRED        1   16.7%  ##############",
		"  UNKNOWN        1   16.7%  ##############",
		"Delivery rate: 50.0% of messages with a final status (3/6), 50.0% of all (3/6)",
		"Grade: Poor (likely old or purchased lists; stop and clean the data)",
		"Top errors:",
		"  - many UNDELIV: invalid numbers; clean the list and validate numbers before sending",
		"  - many EXPIRED: handsets off or out of coverage, or prepaid numbers out of credit; consider time-of-day scheduling",
		"  - many UNKNOWN: carriers on indirect routes send no final receipts; prefer direct routes",
	} {
		require.Contains(t, lines, want, "report:\n%s", got)
	}
	// The error lines name the code and its count; the description comes
	// from the errcode tables.
	require.Contains(t, got, "\n  map:1                     1  ")
	require.Contains(t, got, "\n  map:27                    1  ")
	require.NotContains(t, got, "REJECTD", "statuses without messages are not listed")
	require.NotContains(t, got, "many REJECTD")
}

func TestReportEmpty(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	require.NoError(t, New().Summary().WriteText(&b))
	require.Equal(t, "Delivery report: 0 receipts, 0 messages, 0 unreadable lines\n\nNo receipts.\n", b.String())
}

func TestReportInFlight(t *testing.T) {
	t.Parallel()
	rep := New()
	rep.Add(dlr.Receipt{MessageID: "m1", Status: status.Enroute})
	var b strings.Builder
	require.NoError(t, rep.Summary().WriteText(&b))
	require.Contains(t, b.String(), "Delivery rate: no message has a final status yet (1 in flight)")
	require.NotContains(t, b.String(), "Grade:")
}
