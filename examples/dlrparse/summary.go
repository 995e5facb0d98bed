package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// report is the delivery report -summary prints: receipts are merged per
// message (dlr.Merge), and the messages' statuses counted.
type report struct {
	Receipts int // receipts read
	Problems int // lines that gave no receipt
	messages map[string]dlr.Receipt
	order    []string // message keys in first-seen order
}

func newReport() *report { return &report{messages: map[string]dlr.Receipt{}} }

// add merges r into its message. Receipts are grouped by provider and
// message id as sent; a receipt without an id stands alone.
func (rep *report) add(r dlr.Receipt) {
	rep.Receipts++
	key := r.Source.Provider + "\x00" + r.MessageID
	if r.MessageID == "" {
		key = fmt.Sprintf("\x01%d", rep.Receipts)
	}
	if m, ok := rep.messages[key]; ok {
		rep.messages[key] = dlr.Merge(m, r)
		return
	}
	rep.messages[key] = r
	rep.order = append(rep.order, key)
}

// grade is a delivery-rate band as SMS providers describe them.
type grade struct{ name, advice string }

// gradeOf returns the band of a delivery rate in percent: above 95
// Excellent, 90 to 95 Good, 80 to 90 Fair, below 80 Poor.
func gradeOf(rate float64) grade {
	switch {
	case rate > 95:
		return grade{"Excellent", "a healthy list"}
	case rate >= 90:
		return grade{"Good", "some invalid numbers; clean the list"}
	case rate >= 80:
		return grade{"Fair", "significant invalid or inactive numbers; run an HLR lookup"}
	}
	return grade{"Poor", "likely old or purchased lists; stop and clean the data"}
}

// hintShare is the share of final messages above which a status gets a hint.
const hintShare = 0.10

var hints = []struct {
	status status.Status
	text   string
}{
	{status.Undeliverable, "many UNDELIV: invalid numbers; clean the list and validate numbers before sending"},
	{status.Expired, "many EXPIRED: handsets off or out of coverage, or prepaid numbers out of credit; consider time-of-day scheduling"},
	{status.Unknown, "many UNKNOWN: carriers on indirect routes send no final receipts; prefer direct routes"},
	{status.Rejected, "many REJECTD: sender ID not registered for the country, blocked keywords or carrier content policy"},
}

// statusOrder lists the statuses in the order the report shows them.
var statusOrder = []status.Status{
	status.Delivered, status.Undeliverable, status.Expired, status.Rejected, status.Deleted,
	status.Skipped, status.Unknown, status.Enroute, status.Accepted, status.Scheduled, status.None,
}

type errorCount struct {
	code  errcode.Code
	count int
}

// write renders the report in plain characters.
func (rep *report) write(w io.Writer) error {
	counts := map[status.Status]int{}
	errs := map[errcode.Code]int{}
	final := 0
	for _, k := range rep.order {
		m := rep.messages[k]
		counts[m.Status]++
		if m.Status.Final() {
			final++
		}
		if !m.Error.IsZero() && m.Status != status.Delivered {
			errs[m.Error]++
		}
	}
	total := len(rep.order)
	var b strings.Builder
	fmt.Fprintf(&b, "Delivery report: %d receipts, %d messages, %d unreadable lines\n\n", rep.Receipts, total, rep.Problems)
	if total == 0 {
		b.WriteString("No receipts.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	largest := 0
	for _, n := range counts {
		largest = max(largest, n)
	}
	const width = 40
	for _, s := range statusOrder {
		n := counts[s]
		if n == 0 {
			continue
		}
		name := s.String()
		if s == status.None {
			name = "(none)"
		}
		bar := strings.Repeat("#", (n*width+largest-1)/largest)
		fmt.Fprintf(&b, "  %-9s %6d %6.1f%%  %s\n", name, n, pct(n, total), bar)
	}
	delivered := counts[status.Delivered]
	b.WriteString("\n")
	if final > 0 {
		rate := pct(delivered, final)
		g := gradeOf(rate)
		fmt.Fprintf(&b, "Delivery rate: %.1f%% of messages with a final status (%d/%d), %.1f%% of all (%d/%d)\n",
			rate, delivered, final, pct(delivered, total), delivered, total)
		fmt.Fprintf(&b, "Grade: %s (%s)\n", g.name, g.advice)
	} else {
		fmt.Fprintf(&b, "Delivery rate: no message has a final status yet (%d in flight)\n", total)
	}
	if len(errs) > 0 {
		list := make([]errorCount, 0, len(errs))
		for c, n := range errs {
			list = append(list, errorCount{c, n})
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].count != list[j].count {
				return list[i].count > list[j].count
			}
			return list[i].code.String() < list[j].code.String()
		})
		b.WriteString("\nTop errors:\n")
		for _, e := range list[:min(len(list), 5)] {
			desc := "not in the tables"
			if info, ok := errcode.Lookup(e.code); ok {
				desc = info.Name
				if info.Description != "" {
					desc += ": " + info.Description
				}
				desc += " (" + info.Class.String() + ")"
			}
			fmt.Fprintf(&b, "  %-20s %6d  %s\n", e.code.String(), e.count, desc)
		}
	}
	var hs []string
	for _, h := range hints {
		if final > 0 && float64(counts[h.status]) > hintShare*float64(final) {
			hs = append(hs, h.text)
		}
	}
	if len(hs) > 0 {
		b.WriteString("\nHints:\n")
		for _, h := range hs {
			b.WriteString("  - " + h + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}
