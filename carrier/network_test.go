package carrier

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
)

func TestValidity(t *testing.T) {
	t.Parallel()
	const day = 24 * time.Hour
	tests := []struct {
		network string
		want    time.Duration
		ok      bool
	}{
		{"2degrees", 3 * day, true},
		{"2 Degrees", 3 * day, true},
		{"2DEGREES", 3 * day, true},
		{"530-24", 3 * day, true},
		{"53024", 3 * day, true},
		{"Spark", 5 * day, true},
		{"Spark NZ", 5 * day, true},
		{"530 05", 5 * day, true},
		{"Skinny", 5 * day, true},
		{"530-06", 5 * day, true},
		{"Vodafone NZ", day, true},
		{"vodafone-new-zealand", day, true},
		{"One NZ", day, true},
		{"53001", day, true},
		{"Vodafone", 0, false}, // which country?
		{"Vodafone UK", 0, false},
		{"Orange Dominicana", 0, false}, // no validity figure
		{"", 0, false},
		{"---", 0, false},
		{strings.Repeat("2degrees", 9), 0, false},
	}
	for _, tc := range tests {
		got, ok := Validity(tc.network)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Validity(%q) = %v, %v; want %v, %v", tc.network, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNoHandsetReceipt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		network string
		want    bool
	}{
		{"Orange Dominicana", true},
		{"orange dominican republic", true},
		{"Orange-DO", true},
		{"370-01", true},
		{"37001", true},
		{"Orange", false},
		{"Orange FR", false},
		{"370-02", false},
		{"2degrees", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := NoHandsetReceipt(tc.network); got != tc.want {
			t.Errorf("NoHandsetReceipt(%q) = %v; want %v", tc.network, got, tc.want)
		}
	}
}

func TestNetworkNamesNormalized(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, nw := range networks {
		for _, k := range nw.names {
			if got, ok := findNetwork(k); !ok || got.names[0] != nw.names[0] {
				t.Errorf("name %q does not find its own row", k)
			}
			if seen[k] {
				t.Errorf("name %q appears twice", k)
			}
			seen[k] = true
		}
	}
}

func TestNetworkNoAllocs(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		_, _ = Validity("Spark New Zealand")
		_ = NoHandsetReceipt("Orange Dominicana")
	})
	if n != 0 {
		t.Fatalf("%v allocations", n)
	}
}

func ExampleValidity() {
	tr := dlr.Tracker{Validity: Validity, NoHandsetReceipt: NoHandsetReceipt}
	sent := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	_ = tr.Expect(dlr.Message{ID: "nz-1", Network: "Vodafone NZ", SentAt: sent})
	_ = tr.Expect(dlr.Message{ID: "nz-2", Network: "2degrees", SentAt: sent})
	_ = tr.Expect(dlr.Message{ID: "do-1", Network: "Orange Dominicana", SentAt: sent})
	_, _ = tr.Observe(dlr.Receipt{MessageID: "do-1", Status: status.Enroute})

	// Two days later: One NZ gives up after one day, Orange in the
	// Dominican Republic never sends a handset receipt, and 2degrees keeps
	// trying for three days.
	changes, _ := tr.Sweep(sent.Add(48 * time.Hour))
	sort.Slice(changes, func(i, j int) bool { return changes[i].MessageID < changes[j].MessageID })
	for _, c := range changes {
		st, _, _ := tr.Get(c.MessageID)
		fmt.Printf("%s %s: %s\n", c.MessageID, st.Status, st.Reason())
	}
	// Output:
	// do-1 ENROUTE: carrier accepted, no handset receipt expected
	// nz-1 UNKNOWN: no delivery receipt received from the carrier within the timeout window
}
