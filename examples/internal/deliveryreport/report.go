package deliveryreport

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// Report collects receipts. Receipts are merged per message with
// dlr.Merge; a message is a provider and a message id as sent, and a
// receipt without an id stands alone. A Report is not safe for concurrent
// use.
type Report struct {
	receipts int
	problems int
	messages map[string]dlr.Receipt
	order    []string // message keys in first-seen order
}

// New returns an empty Report.
func New() *Report { return &Report{messages: map[string]dlr.Receipt{}} }

func key(provider, id string) string { return provider + "\x00" + id }

// Add merges r into its message and returns the message as it now stands.
func (rep *Report) Add(r dlr.Receipt) dlr.Receipt {
	rep.receipts++
	k := key(r.Source.Provider, r.MessageID)
	if r.MessageID == "" {
		k = fmt.Sprintf("\x01%d", rep.receipts)
	}
	if m, ok := rep.messages[k]; ok {
		m = dlr.Merge(m, r)
		rep.messages[k] = m
		return m
	}
	rep.messages[k] = r
	rep.order = append(rep.order, k)
	return r
}

// AddProblem counts an input that gave no receipt.
func (rep *Report) AddProblem() { rep.problems++ }

// Message returns the merged receipts of one message.
func (rep *Report) Message(provider, id string) (dlr.Receipt, bool) {
	m, ok := rep.messages[key(provider, id)]
	return m, ok
}

// Summary is the report's content.
type Summary struct {
	Receipts   int           `json:"receipts"`
	Messages   int           `json:"messages"`
	Unreadable int           `json:"unreadable"`
	Counts     []StatusCount `json:"counts"` // statuses with messages, in report order
	Final      int           `json:"final"`  // messages with a final status
	Delivered  int           `json:"delivered"`
	// RateFinal is the percentage of messages with a final status that
	// were delivered; RateAll of all messages.
	RateFinal float64      `json:"rate_final"`
	RateAll   float64      `json:"rate_all"`
	Grade     string       `json:"grade,omitempty"` // empty while no message is final
	Advice    string       `json:"advice,omitempty"`
	TopErrors []ErrorCount `json:"top_errors,omitempty"`
	Hints     []string     `json:"hints,omitempty"`
}

// StatusCount is the number of messages in one status.
type StatusCount struct {
	Status string  `json:"status"` // the SMPP word; "(none)" for messages with no status
	Count  int     `json:"count"`
	Share  float64 `json:"share"` // percent of all messages
}

// ErrorCount is the number of undelivered messages with one error code.
type ErrorCount struct {
	Code        string `json:"code"` // namespace:value
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	Class       string `json:"class"`
	Count       int    `json:"count"`
}

// topErrors is how many error codes a summary lists.
const topErrors = 5

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

// Grade returns the band of a delivery rate in percent, as SMS providers
// describe them: above 95 Excellent, 90 to 95 Good, 80 to 90 Fair, below
// 80 Poor; and what the band suggests.
func Grade(rate float64) (name, advice string) {
	switch {
	case rate > 95:
		return "Excellent", "a healthy list"
	case rate >= 90:
		return "Good", "some invalid numbers; clean the list"
	case rate >= 80:
		return "Fair", "significant invalid or inactive numbers; run an HLR lookup"
	}
	return "Poor", "likely old or purchased lists; stop and clean the data"
}

// Summary computes the report.
func (rep *Report) Summary() Summary {
	s := Summary{Receipts: rep.receipts, Messages: len(rep.order), Unreadable: rep.problems}
	counts := map[status.Status]int{}
	errs := map[errcode.Code]int{}
	for _, k := range rep.order {
		m := rep.messages[k]
		counts[m.Status]++
		if m.Status.Final() {
			s.Final++
		}
		if !m.Error.IsZero() && m.Status != status.Delivered {
			errs[m.Error]++
		}
	}
	s.Delivered = counts[status.Delivered]
	for _, st := range statusOrder {
		if n := counts[st]; n > 0 {
			name := st.String()
			if st == status.None {
				name = "(none)"
			}
			s.Counts = append(s.Counts, StatusCount{Status: name, Count: n, Share: pct(n, s.Messages)})
		}
	}
	s.RateFinal, s.RateAll = pct(s.Delivered, s.Final), pct(s.Delivered, s.Messages)
	if s.Final > 0 {
		s.Grade, s.Advice = Grade(s.RateFinal)
	}
	codes := make([]errcode.Code, 0, len(errs))
	for c := range errs {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if errs[codes[i]] != errs[codes[j]] {
			return errs[codes[i]] > errs[codes[j]]
		}
		return codes[i].String() < codes[j].String()
	})
	for _, c := range codes[:min(len(codes), topErrors)] {
		info, _ := errcode.Lookup(c) // an unknown code has class unknown
		s.TopErrors = append(s.TopErrors, ErrorCount{
			Code: c.String(), Name: info.Name, Description: info.Description,
			Class: info.Class.String(), Count: errs[c],
		})
	}
	for _, h := range hints {
		if s.Final > 0 && float64(counts[h.status]) > hintShare*float64(s.Final) {
			s.Hints = append(s.Hints, h.text)
		}
	}
	return s
}

// barWidth is the length of the longest bar.
const barWidth = 40

// WriteText renders s for a terminal.
func (s Summary) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Delivery report: %d receipts, %d messages, %d unreadable lines\n\n", s.Receipts, s.Messages, s.Unreadable)
	if s.Messages == 0 {
		b.WriteString("No receipts.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	largest := 0
	for _, c := range s.Counts {
		largest = max(largest, c.Count)
	}
	for _, c := range s.Counts {
		bar := strings.Repeat("#", (c.Count*barWidth+largest-1)/largest)
		fmt.Fprintf(&b, "  %-9s %6d %6.1f%%  %s\n", c.Status, c.Count, c.Share, bar)
	}
	b.WriteString("\n")
	if s.Final > 0 {
		fmt.Fprintf(&b, "Delivery rate: %.1f%% of messages with a final status (%d/%d), %.1f%% of all (%d/%d)\n",
			s.RateFinal, s.Delivered, s.Final, s.RateAll, s.Delivered, s.Messages)
		fmt.Fprintf(&b, "Grade: %s (%s)\n", s.Grade, s.Advice)
	} else {
		fmt.Fprintf(&b, "Delivery rate: no message has a final status yet (%d in flight)\n", s.Messages)
	}
	if len(s.TopErrors) > 0 {
		b.WriteString("\nTop errors:\n")
		for _, e := range s.TopErrors {
			desc := "not in the tables"
			if e.Name != "" {
				desc = e.Name
				if e.Description != "" {
					desc += ": " + e.Description
				}
				desc += " (" + e.Class + ")"
			}
			fmt.Fprintf(&b, "  %-20s %6d  %s\n", e.Code, e.Count, desc)
		}
	}
	if len(s.Hints) > 0 {
		b.WriteString("\nHints:\n")
		for _, h := range s.Hints {
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
