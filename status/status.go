package status

import (
	"errors"
	"strconv"
)

// Status is the normalized state of a short message as a delivery receipt
// reports it. The zero value, [None], means nothing is known yet.
//
// The numeric values are the lifecycle order: a larger value is later news.
// Intermediate states come first (SCHEDULED < ACCEPTD < ENROUTE), then the
// final states, UNKNOWN lowest among them (a definite receipt resolves it) and
// DELIVRD highest (nothing replaces a delivery). [Next] is the maximum over
// this order; see the package documentation for the reasons behind it.
type Status uint8

// The statuses, in lifecycle order. Do not rely on the numbers across
// versions; use [Status.MessageState] for the SMPP wire value.
const (
	None Status = iota // nothing known yet; not a receipt's word

	// Intermediate states.
	Scheduled // SCHEDULED: held for deferred delivery (SMPP 5.0)
	Accepted  // ACCEPTD: taken by the SMSC or provider, not yet sent on
	Enroute   // ENROUTE: on its way to the handset

	// Final states, least definite first.
	Unknown       // UNKNOWN: final, but the outcome is not known
	Skipped       // SKIPPED: dropped by the SMSC before submission (SMPP 5.0)
	Deleted       // DELETED: removed by the sender or the SMSC operator
	Expired       // EXPIRED: validity period ran out before delivery
	Undeliverable // UNDELIV: the network reported non-delivery
	Rejected      // REJECTD: refused by the SMSC, provider or network
	Delivered     // DELIVRD: reached the handset

	numStatuses // keep last
)

// words are the SMPP 3.4 Appendix B receipt words, indexed by Status.
var words = [numStatuses]string{
	None:          "",
	Scheduled:     "SCHEDULED",
	Accepted:      "ACCEPTD",
	Enroute:       "ENROUTE",
	Unknown:       "UNKNOWN",
	Skipped:       "SKIPPED",
	Deleted:       "DELETED",
	Expired:       "EXPIRED",
	Undeliverable: "UNDELIV",
	Rejected:      "REJECTD",
	Delivered:     "DELIVRD",
}

// names are the message_state names of SMPP 3.4 §5.3.2.35 / 5.0 §4.8.4.37.
var names = [numStatuses]string{
	Scheduled:     "SCHEDULED",
	Accepted:      "ACCEPTED",
	Enroute:       "ENROUTE",
	Unknown:       "UNKNOWN",
	Skipped:       "SKIPPED",
	Deleted:       "DELETED",
	Expired:       "EXPIRED",
	Undeliverable: "UNDELIVERABLE",
	Rejected:      "REJECTED",
	Delivered:     "DELIVERED",
}

// ErrSyntax is returned (wrapped in a [*ParseError]) for a word that is not
// a status word.
var ErrSyntax = errors.New("not a status word")

// ParseError reports a word [Parse] or [Status.UnmarshalText] did not know.
type ParseError struct {
	Word string // the input, as given
	Err  error  // ErrSyntax
}

func (e *ParseError) Error() string {
	return "status: " + strconv.Quote(e.Word) + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Valid reports whether s is one of the named statuses or None.
func (s Status) Valid() bool { return s < numStatuses }

// String returns the 7-letter SMPP receipt word (DELIVRD, UNDELIV, …), the
// empty string for None, and "Status(N)" for a value out of range.
func (s Status) String() string {
	if s < numStatuses {
		return words[s]
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// Name returns the full SMPP message_state name (DELIVERED, UNDELIVERABLE, …).
func (s Status) Name() string {
	if s < numStatuses {
		return names[s]
	}
	return s.String()
}

// AppendText appends the receipt word of s to b. It fails for a value out of
// range, so that marshaling never writes what Parse cannot read back.
func (s Status) AppendText(b []byte) ([]byte, error) {
	if s >= numStatuses {
		return b, errors.New("status: cannot marshal " + s.String())
	}
	return append(b, words[s]...), nil
}

// MarshalText implements encoding.TextMarshaler. None marshals as the
// empty string.
func (s Status) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler with [Parse]; the empty
// text gives None.
func (s *Status) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*s = None
		return nil
	}
	v, err := parse(text)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Parse reads a status word, ignoring ASCII case: the 7-letter receipt words
// (DELIVRD, UNDELIV, ACCEPTD, REJECTD, ENROUTE, EXPIRED, DELETED, UNKNOWN),
// the full message_state names (DELIVERED, UNDELIVERABLE, ACCEPTED, REJECTED,
// SCHEDULED, SKIPPED) and the message_state numbers 0–9 in decimal.
// Provider vocabularies (Twilio "undelivered", Infobip "PENDING", …) are not
// read here; the carrier package maps them.
func Parse(word string) (Status, error) {
	return parse([]byte(word))
}

func parse(word []byte) (Status, error) {
	if s, ok := Lookup(word); ok {
		return s, nil
	}
	return None, &ParseError{Word: string(word), Err: ErrSyntax}
}

// Lookup is Parse without the error value, for hot paths: it does not
// allocate.
func Lookup(word []byte) (Status, bool) {
	switch len(word) {
	case 1:
		if c := word[0]; c >= '0' && c <= '9' {
			return FromMessageState(c - '0')
		}
		return None, false
	case 7, 8, 9, 13:
	default:
		return None, false
	}
	// Fold to upper case into a small array: no allocation.
	var buf [13]byte
	for i, c := range word {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	w := string(buf[:len(word)]) // does not escape: the compiler keeps it on the stack
	for s := Scheduled; s < numStatuses; s++ {
		if w == words[s] || w == names[s] {
			return s, true
		}
	}
	return None, false
}

// messageStates maps the SMPP message_state TLV (0x0427) values to statuses.
var messageStates = [...]Status{
	0: Scheduled, // SMPP 5.0; 3.4 reserves 0
	1: Enroute,
	2: Delivered,
	3: Expired,
	4: Deleted,
	5: Undeliverable,
	6: Accepted,
	7: Unknown,
	8: Rejected,
	9: Skipped, // SMPP 5.0
}

// FromMessageState converts an SMPP message_state value (SMPP 3.4
// §5.3.2.35, 5.0 §4.8.4.37). It reports false for values the
// specifications do not define.
func FromMessageState(v uint8) (Status, bool) {
	if int(v) < len(messageStates) {
		return messageStates[v], true
	}
	return None, false
}

// MessageState returns the SMPP message_state value of s; false for None
// and values out of range.
func (s Status) MessageState() (uint8, bool) {
	for v, m := range messageStates {
		if m == s && s != None {
			return uint8(v), true
		}
	}
	return 0, false
}

// Final reports whether s ends the message's lifecycle: DELIVRD, UNDELIV,
// EXPIRED, REJECTD, DELETED, UNKNOWN or SKIPPED.
func (s Status) Final() bool { return s >= Unknown && s < numStatuses }

// Definite reports whether s is a final status with a known outcome: every
// final status except UNKNOWN.
func (s Status) Definite() bool { return s > Unknown && s < numStatuses }

// Succeeded reports whether the message reached the handset.
func (s Status) Succeeded() bool { return s == Delivered }

// Failed reports whether s is a definite final status other than DELIVRD.
func (s Status) Failed() bool { return s.Definite() && s != Delivered }

// Pending reports whether s is an intermediate state: more news may come.
func (s Status) Pending() bool { return s >= Scheduled && s <= Enroute }
