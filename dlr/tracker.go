package dlr

import (
	"errors"
	"sync"
	"time"

	"github.com/dlrkit/dlrkit/status"
)

// DefaultValidity is the validity period the [Tracker] assumes when it has
// no better figure for a network: 48 hours, the most common SMSC default.
const DefaultValidity = 48 * time.Hour

// The reasons a swept [State] gives; see [State.Reason].
const (
	ReasonTimedOut         = "no delivery receipt received from the carrier within the timeout window"
	ReasonNoHandsetReceipt = "carrier accepted, no handset receipt expected"
)

// These are the errors the Tracker returns (wrapped in a [*TrackError]),
// besides those of its [Store].
var (
	ErrNoID         = errors.New("no message id")
	ErrUnknownPart  = errors.New("receipt matches no part of the message")
	ErrIDTaken      = errors.New("id already belongs to another message")
	ErrTooManyParts = errors.New("too many parts")
	ErrRetries      = errors.New("store kept changing; gave up after many compare-and-swap attempts")
	ErrCannotList   = errors.New("store cannot list its records")
)

// TrackError is the error type of [Tracker] methods.
type TrackError struct {
	Op  string // "expect", "observe", "get", "sweep", "settle", "summarize"
	ID  string // the message or part id concerned
	Err error  // one of the Err values above, or the store's error
}

func (e *TrackError) Error() string {
	s := "dlr: " + e.Op
	if e.ID != "" {
		s += " " + e.ID
	}
	return s + ": " + e.Err.Error()
}

func (e *TrackError) Unwrap() error { return e.Err }

// MaxParts bounds the parts of one message: a concatenated SMS has at most
// 255 (the UDH part count is one octet).
const MaxParts = 255

// maxAttempts bounds compare-and-swap retries of one operation. Contention
// on one message is brief (its receipts), so hitting this means a broken
// store.
const maxAttempts = 1000

// Message is a sent message the [Tracker] should expect receipts for.
type Message struct {
	ID string // the message id; for a single-part message, the id receipts carry
	// Parts are the ids of the parts of a concatenated message, in order,
	// as the submit responses gave them. Empty: one part, whose id is ID.
	Parts   []string
	To      string
	Network string    // operator name or MCC-MNC, as the Validity and NoHandsetReceipt funcs read it
	SentAt  time.Time // when it was submitted; the validity period runs from here
}

// Tracker follows messages through their receipts and answers, per message,
// one status that does not depend on the order or repetition of the
// receipts. The zero Tracker is ready to use, with an in-memory store.
// Its methods are safe for concurrent use, provided the store is.
//
// # Parts and the message's status
//
// Each part's status moves by status.Next. The message's status is made
// from its parts' ([State].Status):
//
//   - DELIVRD when every part is delivered;
//   - when a part failed (a definite final status other than DELIVRD), that
//     failure — the greatest in status order if several parts failed — and
//     [State.Failure] gives the part and its receipt (a part's failure
//     receipts are combined with [Merge]);
//   - otherwise the least advanced status of the parts: a part with no news
//     yet holds the message at None, a part still ENROUTE holds it there.
//
// Each part's status is a join, the message's is a function of the parts',
// and Merge is order-independent; so the State reached does not depend on
// the order or repetition of the receipts, nor on whether Expect came before
// or after them. A sweep is the one input that depends on the clock.
//
// # Receipts for ids never expected
//
// A receipt whose id matches no expected message or part starts a
// single-part message under its MessageID, known only from receipts
// (State.Expected is false; To, Network and SentAt come from the receipts).
// If Expect names that id later, as a message or one of its parts, the
// receipts are folded into it.
//
// # Timeouts
//
// [Tracker.Sweep] (or [Tracker.Settle] for one message) gives up on
// messages without a final status once SentAt + Validity(network) + Grace
// has passed: they become UNKNOWN, with [ReasonTimedOut]. On networks that
// never send a handset receipt (NoHandsetReceipt), a message that reached
// ENROUTE stays ENROUTE and is marked settled instead (State.Sweep is
// SweepNoHandsetReceipt, [State.Settled] is true, [State.Reason] is
// [ReasonNoHandsetReceipt]): "sent to carrier" is all such a route ever
// says, so it is reported as the final word rather than as an unknown
// outcome. A later definite receipt still resolves either.
//
// # Memory
//
// With the [MemoryStore] on 64-bit machines a tracked message takes about
// 230 bytes (one part) or 465 bytes (two parts: one more small link record
// per part), besides its id strings and the receipts of failed parts;
// BenchmarkMemoryPerMessage measures it over 1,000,000 messages.
type Tracker struct {
	// Store holds the records; nil means a MemoryStore created on first
	// use. Set it before the first call.
	Store Store

	// Validity returns the validity period of a network; nil, or false,
	// means DefaultValidity. carrier.Validity fits.
	Validity func(network string) (time.Duration, bool)
	// Grace is added to the validity period before [Tracker.Sweep] gives up
	// on a receipt: carriers send the EXPIRED receipt at the end of the
	// period, and it takes time to arrive.
	Grace time.Duration
	// NoHandsetReceipt reports the networks that never send a handset
	// receipt, whose last word is "sent to carrier"; nil means none.
	// carrier.NoHandsetReceipt fits.
	NoHandsetReceipt func(network string) bool

	// CanonicalID maps a message id to the form ids are stored and compared
	// in; nil keeps ids as they are. smppfmt offers one that makes the
	// decimal and hexadecimal forms of an SMPP id equal.
	CanonicalID func(id string) string

	memOnce sync.Once
	mem     *MemoryStore
}

func (t *Tracker) store() Store {
	if t.Store != nil {
		return t.Store
	}
	t.memOnce.Do(func() { t.mem = new(MemoryStore) })
	return t.mem
}

func (t *Tracker) canon(id string) string {
	if t.CanonicalID == nil || id == "" {
		return id
	}
	return t.CanonicalID(id)
}

func (t *Tracker) validity(network string) time.Duration {
	if t.Validity != nil {
		if d, ok := t.Validity(network); ok {
			return d
		}
	}
	return DefaultValidity
}

// Change says what one receipt, or one sweep, did to a message.
type Change struct {
	MessageID string // the message's id (canonical)
	// Part is the 1-based part the receipt was about; 0 for a sweep.
	Part int
	// PartStatus is the part's status after the receipt.
	PartStatus status.Status
	// Previous and Status are the message's status before and after.
	Previous, Status status.Status
	// Transition is what status.Next made of the receipt for its part. For a
	// sweep: Advanced when the message became UNKNOWN, Duplicate when it was
	// settled as ENROUTE on a network without handset receipts.
	Transition status.Transition
	// Sweep is the sweep's verdict, for a sweep.
	Sweep Sweep
}

// Changed reports whether the message's status moved.
func (c Change) Changed() bool { return c.Previous != c.Status }

// Expect registers a sent message and its part ids. Receipts that arrived
// before Expect (as separate single-part messages) are folded into it. It is
// idempotent; expecting the same id with other parts is an error.
func (t *Tracker) Expect(m Message) error {
	id := t.canon(m.ID)
	if id == "" {
		return &TrackError{Op: "expect", Err: ErrNoID}
	}
	if len(m.Parts) > MaxParts {
		return &TrackError{Op: "expect", ID: id, Err: ErrTooManyParts}
	}
	var partIDs []string
	if len(m.Parts) > 1 || len(m.Parts) == 1 && t.canon(m.Parts[0]) != id {
		partIDs = make([]string, len(m.Parts))
		for i, p := range m.Parts {
			partIDs[i] = t.canon(p)
			if partIDs[i] == "" {
				return &TrackError{Op: "expect", ID: id, Err: ErrNoID}
			}
		}
	}
	n := max(1, len(partIDs))
	st := t.store()

	// The message record first, so that a part link never points nowhere.
	for attempt := 0; ; attempt++ {
		if attempt == maxAttempts {
			return &TrackError{Op: "expect", ID: id, Err: ErrRetries}
		}
		cur, ver, ok, err := st.Get(id)
		if err != nil {
			return &TrackError{Op: "expect", ID: id, Err: err}
		}
		if ok && (cur.PartOf != "" || cur.Expected) {
			if cur.Expected && equalIDs(cur.PartIDs, partIDs) {
				break // already expected
			}
			return &TrackError{Op: "expect", ID: id, Err: ErrIDTaken}
		}
		next := State{
			ID:       id,
			To:       m.To,
			Network:  m.Network,
			SentAt:   m.SentAt,
			PartIDs:  partIDs,
			Parts:    newParts(n),
			Expected: true,
		}
		if ok {
			// Receipts came before Expect, keyed by the message id.
			i := indexOf(partIDs, id)
			if i < 0 {
				i = 0
			}
			next = fold(next, i, cur)
		}
		done, err := st.CompareAndSwap(id, ver, next)
		if err != nil {
			return &TrackError{Op: "expect", ID: id, Err: err}
		}
		if done {
			break
		}
	}

	// Then one link per part id, folding any receipts that came first.
	for i, pid := range partIDs {
		if pid == id {
			continue
		}
		if err := t.link(id, i, pid); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tracker) link(msgID string, i int, pid string) error {
	st := t.store()
	for attempt := 0; ; attempt++ {
		if attempt == maxAttempts {
			return &TrackError{Op: "expect", ID: pid, Err: ErrRetries}
		}
		cur, ver, ok, err := st.Get(pid)
		if err != nil {
			return &TrackError{Op: "expect", ID: pid, Err: err}
		}
		if ok {
			if cur.PartOf == msgID {
				return nil
			}
			if cur.PartOf != "" || cur.Expected {
				return &TrackError{Op: "expect", ID: pid, Err: ErrIDTaken}
			}
			// A receipt for this part came before Expect: fold it into the
			// message. Folding is a join, so doing it again after a failed
			// swap below is harmless.
			if err := t.update(msgID, func(s State) (State, bool) { return fold(s, i, cur), true }); err != nil {
				return err
			}
		}
		done, err := st.CompareAndSwap(pid, ver, State{ID: pid, PartOf: msgID})
		if err != nil {
			return &TrackError{Op: "expect", ID: pid, Err: err}
		}
		if done {
			return nil
		}
	}
}

// update applies f to the record under key until the swap succeeds.
func (t *Tracker) update(key string, f func(State) (State, bool)) error {
	st := t.store()
	for attempt := 0; attempt < maxAttempts; attempt++ {
		cur, ver, ok, err := st.Get(key)
		if err != nil {
			return &TrackError{Op: "expect", ID: key, Err: err}
		}
		if !ok {
			return &TrackError{Op: "expect", ID: key, Err: ErrUnknownPart}
		}
		next, write := f(cur)
		if !write {
			return nil
		}
		done, err := st.CompareAndSwap(key, ver, next)
		if err != nil {
			return &TrackError{Op: "expect", ID: key, Err: err}
		}
		if done {
			return nil
		}
	}
	return &TrackError{Op: "expect", ID: key, Err: ErrRetries}
}

// fold joins the single-part record d (receipts that came before Expect)
// into part i of s.
func fold(s State, i int, d State) State {
	p, tr := status.Next(s.Parts.At(i), d.Parts.At(0))
	s.Parts = s.Parts.with(i, p)
	s.Conflict = s.Conflict || d.Conflict || tr == status.Conflict
	for _, f := range d.Failures {
		if f.Part == 1 {
			s.Failures = withFailure(s.Failures, i+1, f.Receipt)
		}
	}
	s.Status = s.Parts.aggregate()
	return s
}

// Observe applies a receipt. The receipt is matched by its MessageID to a
// part id or a message id given to Expect (after CanonicalID); failing
// that, by its ParentID to a message id, with its Part number when the
// MessageID is not one of the message's part ids. A receipt for an id never
// expected starts a single-part message under its MessageID (so a receipt
// that overtakes Expect is not lost: Expect folds it in). The exception: a
// receipt that only its ParentID and Part tie to a message, arriving before
// Expect, stays a message of its own, since Expect knows only the part ids
// it is given. A receipt addressed to a multipart message's own id (not one
// of its part ids) counts for its first part, whether it comes before
// Expect or after.
//
// It returns what changed. A receipt for a message whose status it does not
// move is not an error: the Change's Transition says Duplicate or Stale.
func (t *Tracker) Observe(r Receipt) (Change, error) {
	id := t.canon(r.MessageID)
	if id == "" {
		return Change{}, &TrackError{Op: "observe", Err: ErrNoID}
	}
	st := t.store()
	if ms, ok := st.(*MemoryStore); ok {
		// The same computation under the shard's lock: one lookup instead
		// of a Get and a CompareAndSwap.
		if ch, ok := ms.observe(id, &r); ok {
			return ch, nil
		}
	}
	for attempt := 0; attempt < maxAttempts; attempt++ {
		key, cur, ver, part, err := t.locate(st, id, r)
		if err != nil {
			return Change{}, err
		}
		ch, write := apply(&cur, ver == 0, key, part, &r)
		if !write {
			return ch, nil
		}
		done, err := st.CompareAndSwap(key, ver, cur)
		if err != nil {
			return Change{}, &TrackError{Op: "observe", ID: id, Err: err}
		}
		if done {
			return ch, nil
		}
	}
	return Change{}, &TrackError{Op: "observe", ID: id, Err: ErrRetries}
}

// apply is the pure part of Observe: it changes s, the record of the
// message stored under key (isNew when not stored yet), as receipt r about
// its 0-based part requires, and reports what changed and whether s must be
// written. It changes s only when it reports a write, and never changes the
// strings and slices s refers to (they are shared with other copies).
func apply(s *State, isNew bool, key string, part int, r *Receipt) (ch Change, write bool) {
	prevPart := s.Parts.At(part)
	newPart, tr := status.Next(prevPart, r.Status)
	ch = Change{
		MessageID:  key,
		Part:       part + 1,
		PartStatus: newPart,
		Previous:   s.Status,
		Status:     s.Status,
		Transition: tr,
	}
	if !isNew && newPart == prevPart && (tr != status.Conflict || s.Conflict) && !r.Status.Failed() &&
		(s.Expected || r.To <= s.To && r.Network <= s.Network && !earlier(r.SubmittedAt, s.SentAt)) {
		return ch, false // the common duplicate or stale receipt
	}
	if newPart != prevPart {
		s.Parts = s.Parts.with(part, newPart)
	}
	if tr == status.Conflict {
		s.Conflict = true
	}
	if r.Status.Failed() {
		// The failure's details (error code, raw texts) may differ between
		// copies of a receipt, so merge even a duplicate.
		s.Failures = withFailure(s.Failures, part+1, *r)
	}
	if !s.Expected {
		// A message known only from receipts: take what they say, by the
		// same fixed rules as Merge.
		s.To = maxString(s.To, r.To)
		s.Network = maxString(s.Network, r.Network)
		s.SentAt = minTime(s.SentAt, r.SubmittedAt)
	}
	s.Status = s.Parts.aggregate()
	ch.Status = s.Status
	return ch, true
}

// earlier reports whether submit time t would move sentAt (the earliest
// non-zero submit time) back.
func earlier(t, sentAt time.Time) bool {
	return !t.IsZero() && (sentAt.IsZero() || t.Before(sentAt))
}

// locate finds the record a receipt is about: its key, the record, its
// version (0 when there is none yet: a new single-part message) and the
// 0-based part.
func (t *Tracker) locate(st Store, id string, r Receipt) (key string, s State, ver uint64, part int, err error) {
	s, ver, ok, err := st.Get(id)
	if err != nil {
		return "", State{}, 0, 0, &TrackError{Op: "observe", ID: id, Err: err}
	}
	if ok && s.PartOf != "" {
		key = s.PartOf
		s, ver, ok, err = st.Get(key)
		if err != nil {
			return "", State{}, 0, 0, &TrackError{Op: "observe", ID: key, Err: err}
		}
		if !ok || indexOf(s.PartIDs, id) < 0 {
			return "", State{}, 0, 0, &TrackError{Op: "observe", ID: id, Err: ErrUnknownPart}
		}
		return key, s, ver, indexOf(s.PartIDs, id), nil
	}
	if ok {
		// A receipt addressed to the message id itself (not one of its
		// part ids) counts for the part with that id, or the first part:
		// the same place Expect folds such receipts that came before it,
		// so the result does not depend on which came first. Its Part
		// number is not used: before Expect there is nothing to read it
		// against.
		part := max(indexOf(s.PartIDs, id), 0)
		return id, s, ver, part, nil
	}
	if r.ParentID != "" {
		pid := t.canon(r.ParentID)
		ps, pver, pok, err := st.Get(pid)
		if err != nil {
			return "", State{}, 0, 0, &TrackError{Op: "observe", ID: pid, Err: err}
		}
		if pok && ps.PartOf == "" && ps.Expected {
			part, err := partOf(&ps, id, r.Part)
			return pid, ps, pver, part, err
		}
	}
	return id, State{ID: id, Parts: newParts(1)}, 0, 0, nil
}

// partOf returns the 0-based part of s that receipt id (with part number
// n, 1-based, 0 if unknown) is about.
func partOf(s *State, id string, n int) (int, error) {
	if len(s.PartIDs) == 0 {
		return 0, nil
	}
	if i := indexOf(s.PartIDs, id); i >= 0 {
		return i, nil
	}
	if n >= 1 && n <= len(s.PartIDs) {
		return n - 1, nil
	}
	return 0, &TrackError{Op: "observe", ID: id, Err: ErrUnknownPart}
}

// Get returns the state of the message with the given id (a message id or
// one of its part ids).
func (t *Tracker) Get(id string) (State, bool, error) {
	id = t.canon(id)
	st := t.store()
	s, _, ok, err := st.Get(id)
	if err == nil && ok && s.PartOf != "" {
		id = s.PartOf
		s, _, ok, err = st.Get(id)
	}
	if err != nil {
		return State{}, false, &TrackError{Op: "get", ID: id, Err: err}
	}
	return s, ok, nil
}

// Sweep settles every message whose validity period plus Grace has passed
// at now without a final status; see [Tracker.Settle]. The store must be a
// [Ranger]. It returns the changes it made.
func (t *Tracker) Sweep(now time.Time) ([]Change, error) {
	rg, ok := t.store().(Ranger)
	if !ok {
		return nil, &TrackError{Op: "sweep", Err: ErrCannotList}
	}
	var (
		changes []Change
		ferr    error
	)
	err := rg.Range(func(key string, s State, _ uint64) bool {
		if !t.due(s, now) {
			return true
		}
		c, err := t.Settle(key, now)
		if err != nil {
			ferr = err
			return false
		}
		if c.Sweep != SweepNone {
			changes = append(changes, c)
		}
		return true
	})
	if err == nil {
		err = ferr
	}
	if err != nil {
		var te *TrackError
		if !errors.As(err, &te) {
			err = &TrackError{Op: "sweep", Err: err}
		}
	}
	return changes, err
}

// due reports whether s is a message past its deadline with no settled
// answer.
func (t *Tracker) due(s State, now time.Time) bool {
	if s.PartOf != "" || s.Status.Final() || s.Sweep != SweepNone || s.SentAt.IsZero() {
		return false
	}
	return !now.Before(s.SentAt.Add(t.validity(s.Network) + t.Grace))
}

// Settle settles the message with the given id if its validity period plus
// Grace has passed at now without a final status:
//
//   - on a network without handset receipts (NoHandsetReceipt) whose
//     status is ENROUTE, the status stays ENROUTE and the state's Sweep
//     becomes SweepNoHandsetReceipt: the carrier accepted the message and
//     nothing more will come;
//   - otherwise every part without a final status becomes UNKNOWN, and so
//     does the message, with Sweep set to SweepTimedOut.
//
// A message known only from receipts, with no submit time, has no deadline
// and is never settled. A definite receipt that arrives later still
// resolves the message. Settle returns a zero Change (Sweep SweepNone) when
// there was nothing to do.
func (t *Tracker) Settle(id string, now time.Time) (Change, error) {
	id = t.canon(id)
	st := t.store()
	for attempt := 0; attempt < maxAttempts; attempt++ {
		s, ver, ok, err := st.Get(id)
		if err != nil {
			return Change{}, &TrackError{Op: "settle", ID: id, Err: err}
		}
		if ok && s.PartOf != "" {
			id = s.PartOf
			continue
		}
		if !ok || !t.due(s, now) {
			return Change{MessageID: id, Previous: s.Status, Status: s.Status, Transition: status.Stale}, nil
		}
		ch := Change{MessageID: id, Previous: s.Status}
		next := s
		if s.Status == status.Enroute && t.NoHandsetReceipt != nil && t.NoHandsetReceipt(s.Network) {
			next.Sweep = SweepNoHandsetReceipt
			ch.Transition = status.Duplicate
		} else {
			for i := 0; i < s.Parts.Len(); i++ {
				if !s.Parts.At(i).Final() {
					next.Parts = next.Parts.with(i, status.Unknown)
				}
			}
			next.Sweep = SweepTimedOut
			ch.Transition = status.Advanced
		}
		next.Status = next.Parts.aggregate()
		ch.Status, ch.Sweep = next.Status, next.Sweep
		done, err := st.CompareAndSwap(id, ver, next)
		if err != nil {
			return Change{}, &TrackError{Op: "settle", ID: id, Err: err}
		}
		if done {
			return ch, nil
		}
	}
	return Change{}, &TrackError{Op: "settle", ID: id, Err: ErrRetries}
}

func indexOf(ids []string, id string) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

func equalIDs(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func minTime(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero() || !b.Before(a):
		return a
	default:
		return b
	}
}
