package dlr

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// Summary is a delivery report over a set of messages: how many ended how,
// the delivery rate and its grade, the commonest errors, and hints on what
// to fix. [Summary.WriteText] renders it for a terminal; it marshals to
// JSON as is.
type Summary struct {
	Messages  int `json:"messages"`  // messages counted
	Final     int `json:"final"`     // messages with a final status (UNKNOWN included)
	Delivered int `json:"delivered"` // messages with status DELIVRD

	// Statuses counts the messages by status, in lifecycle order, leaving
	// out statuses no message has. Status None ("") counts messages with
	// no news yet.
	Statuses []StatusCount `json:"statuses"`

	// DeliveryRate is Delivered / Final in percent, 0 when Final is 0;
	// DeliveryRateAll is Delivered / Messages in percent.
	DeliveryRate    float64 `json:"delivery_rate"`
	DeliveryRateAll float64 `json:"delivery_rate_all"`
	// Grade grades DeliveryRate.
	Grade Grade `json:"grade"`

	// TopErrors are the commonest error codes of failed messages, at most
	// TopErrors of them, most frequent first.
	TopErrors []ErrorCount `json:"top_errors,omitempty"`
	// Hints say what the numbers suggest doing; see [Hint].
	Hints []Hint `json:"hints,omitempty"`
}

// TopErrors is how many error codes a Summary lists.
const TopErrors = 5

// StatusCount is the number of messages with one status.
type StatusCount struct {
	Status status.Status `json:"status"`
	Count  int           `json:"count"`
}

// ErrorCount is the number of failed messages with one error code.
type ErrorCount struct {
	// Code is the code in its namespace ("map:1"); empty when the code
	// could not be read, and Raw is all there is.
	Code  string `json:"code,omitempty"`
	Raw   string `json:"raw,omitempty"` // the code as sent, when Code is empty
	Count int    `json:"count"`
	// Name and Description come from errcode.Lookup; empty when the tables
	// do not know the code.
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
}

// Grade is the band a delivery rate falls in, as SMS providers grade
// campaigns by their DELIVRD percentage.
type Grade uint8

// The grades. The bands, on DeliveryRate (delivered of final):
//
//	Excellent  above 95%
//	Good       90% to 95%, both included
//	Fair       80% (included) to 90% (excluded)
//	Poor       below 80%
//
// The comparisons are made on the integer counts (100·delivered against
// 95·final), so a rate that prints as 95.0% but is a hair above is still
// Excellent, and no rounding moves a message across a band.
const (
	GradeNone      Grade = iota // no message has a final status yet
	GradePoor                   // < 80%
	GradeFair                   // 80–90%
	GradeGood                   // 90–95%
	GradeExcellent              // > 95%

	numGrades
)

var gradeNames = [numGrades]string{"", "poor", "fair", "good", "excellent"}

var gradeAdvice = [numGrades]string{
	GradeNone:      "no final receipts yet",
	GradePoor:      "likely old or purchased lists; stop and clean the data",
	GradeFair:      "significant invalid or inactive numbers; run an HLR lookup",
	GradeGood:      "some invalid numbers; clean the list",
	GradeExcellent: "healthy list",
}

// String returns "excellent", "good", "fair", "poor", or "" for GradeNone.
func (g Grade) String() string {
	if g < numGrades {
		return gradeNames[g]
	}
	return "Grade(" + strconv.Itoa(int(g)) + ")"
}

// Advice says what the grade usually means and what to do.
func (g Grade) Advice() string {
	if g < numGrades {
		return gradeAdvice[g]
	}
	return ""
}

// MarshalText implements encoding.TextMarshaler.
func (g Grade) MarshalText() ([]byte, error) {
	if g >= numGrades {
		return nil, errors.New("dlr: cannot marshal " + g.String())
	}
	return []byte(g.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (g *Grade) UnmarshalText(b []byte) error {
	for i, n := range gradeNames {
		if string(b) == n {
			*g = Grade(i)
			return nil
		}
	}
	return errors.New("dlr: unknown grade " + strconv.Quote(string(b)))
}

// GradeOf grades delivered out of final messages; see [Grade].
func GradeOf(delivered, final int) Grade {
	switch {
	case final <= 0:
		return GradeNone
	case 100*delivered > 95*final:
		return GradeExcellent
	case 100*delivered >= 90*final:
		return GradeGood
	case 100*delivered >= 80*final:
		return GradeFair
	default:
		return GradePoor
	}
}

// Hint is advice the numbers trigger.
type Hint struct {
	// Kind names the trigger: "undeliverable", "expired", "unknown",
	// "rejected" or "credit".
	Kind  string  `json:"kind"`
	Count int     `json:"count"` // messages that triggered it
	Share float64 `json:"share"` // Count / Final, in percent
	Text  string  `json:"text"`
}

// The hint thresholds, as shares of the messages with a final status. A
// hint needs at least one message; the credit hint needs only that.
// The comparison is on integers: 100·count >= threshold·final.
const (
	HintUndeliverable = 5  // % UNDELIV
	HintExpired       = 5  // % EXPIRED
	HintUnknown       = 10 // % UNKNOWN
	HintRejected      = 2  // % REJECTD
)

// hintRules in the order hints are listed.
var hintRules = []struct {
	kind      string
	status    status.Status
	threshold int
	text      string
}{
	{"undeliverable", status.Undeliverable, HintUndeliverable,
		"many UNDELIV: invalid or inactive numbers; clean the list and validate numbers before sending"},
	{"expired", status.Expired, HintExpired,
		"many EXPIRED: handsets off or out of coverage, or prepaid numbers out of credit; consider scheduling by time of day"},
	{"unknown", status.Unknown, HintUnknown,
		"many UNKNOWN: carriers on indirect routes send no final receipts; prefer direct routes"},
	{"rejected", status.Rejected, HintRejected,
		"REJECTD: sender ID not registered for the country, blocked keywords, or carrier content policy"},
}

const creditHint = "rejections for lack of funds: the account's credit is exhausted; top it up before resending"

// creditWords are the words, lower case, that mark a failure for lack of
// funds in a receipt's raw status, error message or code description (the
// "Deficient" status word of some gateways, "insufficient balance", "no
// credit").
var creditWords = []string{"deficient", "insufficient", "credit", "balance", "funds"}

// Summarize reports on receipts. Receipts with the same MessageID are one
// message, merged with [Merge], so the result does not depend on their
// order or repetition; a receipt without a MessageID counts as a message of
// its own. The parts of a concatenated message count as separate messages
// here; [SummarizeStates] counts tracked messages.
func Summarize(rs []Receipt) Summary {
	byID := make(map[string]int, len(rs))
	var msgs []Receipt
	for _, r := range rs {
		if r.MessageID == "" {
			msgs = append(msgs, r)
			continue
		}
		if i, ok := byID[r.MessageID]; ok {
			msgs[i] = Merge(msgs[i], r)
			continue
		}
		byID[r.MessageID] = len(msgs)
		msgs = append(msgs, r)
	}
	var a summer
	for _, r := range msgs {
		a.add(r.Status, r)
	}
	return a.summary()
}

// SummarizeStates reports on tracked messages, such as a Store's records.
// Part links are skipped. A failed message counts with the receipt of the
// part that decided it. A message settled on a network without handset
// receipts counts as ENROUTE: its outcome is not known.
func SummarizeStates(ss []State) Summary {
	var a summer
	for _, s := range ss {
		a.addState(&s)
	}
	return a.summary()
}

// Summarize reports on every message t holds, as [SummarizeStates] does.
// Its store must be a [Ranger].
func (t *Tracker) Summarize() (Summary, error) {
	rg, ok := t.store().(Ranger)
	if !ok {
		return Summary{}, &TrackError{Op: "summarize", Err: ErrCannotList}
	}
	var a summer
	err := rg.Range(func(_ string, s State, _ uint64) bool {
		a.addState(&s)
		return true
	})
	if err != nil {
		return Summary{}, &TrackError{Op: "summarize", Err: err}
	}
	return a.summary(), nil
}

// summer accumulates a Summary.
type summer struct {
	counts [256]int
	total  int
	errs   map[errKey]int
	credit int
}

type errKey struct {
	code errcode.Code
	raw  string // only when code is zero
}

func (a *summer) addState(s *State) {
	if s.PartOf != "" {
		return
	}
	f, _ := s.Failure()
	a.add(s.Status, f.Receipt)
}

func (a *summer) add(s status.Status, r Receipt) {
	if !s.Valid() {
		s = status.None // as status.Next reads it
	}
	a.total++
	a.counts[s]++
	if !s.Failed() {
		return
	}
	if k := (errKey{code: r.Error}); !r.Error.IsZero() || r.RawError != "" {
		if r.Error.IsZero() {
			k.raw = r.RawError
		}
		if a.errs == nil {
			a.errs = map[errKey]int{}
		}
		a.errs[k]++
	}
	if lacksFunds(r) {
		a.credit++
	}
}

func lacksFunds(r Receipt) bool {
	texts := [3]string{r.RawStatus, r.ErrorMessage}
	if info, ok := r.ErrorInfo(); ok {
		texts[2] = info.Name + " " + info.Description
	}
	for _, t := range texts {
		t = strings.ToLower(t)
		for _, w := range creditWords {
			if strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}

func (a *summer) summary() Summary {
	s := Summary{Messages: a.total, Delivered: a.counts[status.Delivered]}
	for st, n := range a.counts {
		if n == 0 {
			continue
		}
		s.Statuses = append(s.Statuses, StatusCount{Status: status.Status(st), Count: n})
		if status.Status(st).Final() {
			s.Final += n
		}
	}
	s.DeliveryRate = percent(s.Delivered, s.Final)
	s.DeliveryRateAll = percent(s.Delivered, s.Messages)
	s.Grade = GradeOf(s.Delivered, s.Final)

	for k, n := range a.errs {
		e := ErrorCount{Raw: k.raw, Count: n}
		if !k.code.IsZero() {
			e.Code = k.code.String()
			if info, ok := errcode.Lookup(k.code); ok {
				if info.Class == errcode.ClassNone {
					continue // "no error" (err:000 on a failed receipt) says nothing about why
				}
				e.Name, e.Description = info.Name, info.Description
			}
		}
		s.TopErrors = append(s.TopErrors, e)
	}
	sort.Slice(s.TopErrors, func(i, j int) bool {
		x, y := s.TopErrors[i], s.TopErrors[j]
		if x.Count != y.Count {
			return x.Count > y.Count
		}
		if x.Code != y.Code {
			return x.Code < y.Code
		}
		return x.Raw < y.Raw
	})
	if len(s.TopErrors) > TopErrors {
		s.TopErrors = s.TopErrors[:TopErrors]
	}

	for _, h := range hintRules {
		n := a.counts[h.status]
		if n > 0 && 100*n >= h.threshold*s.Final {
			s.Hints = append(s.Hints, Hint{Kind: h.kind, Count: n, Share: percent(n, s.Final), Text: h.text})
		}
	}
	if a.credit > 0 {
		s.Hints = append(s.Hints, Hint{Kind: "credit", Count: a.credit, Share: percent(a.credit, s.Final), Text: creditHint})
	}
	return s
}

func percent(n, of int) float64 {
	if of <= 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}
