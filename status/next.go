package status

import "strconv"

// Transition says what [Next] made of an incoming status.
type Transition uint8

const (
	// Stale: the incoming status is older news than what is held (or is
	// None); the held status stays.
	Stale Transition = iota
	// Duplicate: the incoming status equals the held one.
	Duplicate
	// Advanced: the message moved forward in its lifecycle.
	Advanced
	// Resolved: a definite final status superseded UNKNOWN.
	Resolved
	// Conflict: two different definite final statuses met. The result is
	// the greater of the two in the lifecycle order (DELIVRD wins over any
	// failure); callers that care should log or inspect both receipts.
	Conflict

	numTransitions
)

var transitionNames = [numTransitions]string{"stale", "duplicate", "advanced", "resolved", "conflict"}

// String returns the lower-case name of t.
func (t Transition) String() string {
	if t < numTransitions {
		return transitionNames[t]
	}
	return "Transition(" + strconv.Itoa(int(t)) + ")"
}

// Next returns the status to hold after incoming arrives while cur is held,
// and what happened.
//
// The result is the maximum of cur and incoming in the lifecycle order, so it
// is commutative, associative and idempotent: the status of a message does
// not depend on the order or repetition of its receipts. Values out of range
// are treated as None.
//
// A conflict is reported whichever status was held first; the result is the
// same either way.
func Next(cur, incoming Status) (Status, Transition) {
	if cur >= numStatuses {
		cur = None
	}
	if incoming >= numStatuses {
		incoming = None
	}
	switch {
	case incoming == cur:
		if cur == None {
			return None, Stale
		}
		return cur, Duplicate
	case cur.Definite() && incoming.Definite():
		return max(cur, incoming), Conflict
	case incoming < cur:
		return cur, Stale
	case cur == Unknown: // incoming is a definite final
		return incoming, Resolved
	default:
		return incoming, Advanced
	}
}
