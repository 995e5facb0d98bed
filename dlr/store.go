package dlr

import (
	"encoding/json"
	"errors"
	"hash/maphash"
	"strconv"
	"sync"
	"time"

	"github.com/dlrkit/dlrkit/status"
)

// Store holds the tracker's records, one [State] per key, each with a
// version number. It is all a [Tracker] needs to run on one machine or many.
//
// Versions start at 1 for a stored record; 0 stands for "no record".
//
// # Many machines
//
// Every Tracker write is a read, a pure computation, and a compare-and-swap
// on the version read, retried when another writer got there first. So no
// update is lost; and since each update joins one receipt into the record by
// order-independent rules, the record ends up the same whichever machine
// applied which receipt in which order. Any store with an atomic
// compare-and-swap will do. Two sketches, keeping the State as JSON (it
// marshals to JSON and back):
//
// A SQL table with a version column:
//
//	CREATE TABLE dlr_state (id text PRIMARY KEY, version bigint NOT NULL, state jsonb NOT NULL);
//
//	-- Get
//	SELECT state, version FROM dlr_state WHERE id = $1;
//	-- CompareAndSwap(id, 0, s): create only
//	INSERT INTO dlr_state (id, version, state) VALUES ($1, 1, $2) ON CONFLICT (id) DO NOTHING;
//	-- CompareAndSwap(id, v, s): swapped when one row changed
//	UPDATE dlr_state SET state = $3, version = version + 1 WHERE id = $1 AND version = $2;
//
// Redis, with optimistic locking (WATCH) on a hash {v: version, s: state},
// all on one connection:
//
//	WATCH dlr:{id}
//	HGET dlr:{id} v          -- compare with oldVersion (nil is 0); on mismatch UNWATCH, report false
//	MULTI
//	HSET dlr:{id} v {oldVersion+1} s {state JSON}
//	EXEC                     -- nil reply: the key changed since WATCH, report false
//
// Such stores need not implement [Ranger]: select the ids of messages
// without a final status sent before now minus the validity period, and
// call [Tracker.Settle] for each.
type Store interface {
	// Get returns the record under key, its version and true; or the zero
	// State, 0 and false when there is none.
	Get(key string) (s State, version uint64, ok bool, err error)
	// CompareAndSwap stores s under key if the record's version is still
	// oldVersion (0: only if there is no record yet), giving it a new
	// version. It reports false, without error, when the version moved.
	CompareAndSwap(key string, oldVersion uint64, s State) (bool, error)
}

// Ranger is implemented by stores that can list their records, which
// [Tracker.Sweep] needs. A store that cannot (or should not, such as a large
// SQL table) is swept by selecting candidate ids itself and calling
// [Tracker.Settle] for each.
type Ranger interface {
	// Range calls fn for every record until fn returns false. Records
	// changed while Range runs may or may not be seen.
	Range(fn func(key string, s State, version uint64) bool) error
}

// memShards is the number of independently locked parts of a [MemoryStore]:
// enough that two cores rarely contend, few enough to stay small when empty.
const memShards = 64

// MemoryStore is the in-memory [Store] and [Ranger], safe for concurrent
// use. The zero value is ready to use.
//
// Its records are spread over 64 shards, each two maps under one mutex:
// messages, whose entries are updated in place (a write does not allocate),
// and part links, kept small (an id and a version) because a concatenated
// message has one per part. See [Tracker] for the memory a
// message takes.
type MemoryStore struct {
	once   sync.Once
	seed   maphash.Seed
	shards [memShards]memShard
}

type memShard struct {
	mu    sync.Mutex
	m     map[string]*memEntry
	links map[string]linkEntry
	_     [40]byte // keep shards on separate cache lines
}

type memEntry struct {
	version uint64
	state   State
}

type linkEntry struct {
	version uint64
	partOf  string
}

// isLink reports whether s, stored under key, is a bare part link.
func isLink(key string, s *State) bool {
	return s.PartOf != "" && s.ID == key && s.To == "" && s.Network == "" && s.SentAt.IsZero() &&
		s.PartIDs == nil && s.Parts == (Parts{}) && s.Status == status.None && s.Sweep == SweepNone &&
		!s.Expected && !s.Conflict && s.Failures == nil
}

func (s *MemoryStore) shard(key string) *memShard {
	s.once.Do(func() { s.seed = maphash.MakeSeed() })
	return &s.shards[maphash.String(s.seed, key)%memShards]
}

// Get implements [Store].
func (s *MemoryStore) Get(key string) (State, uint64, bool, error) {
	sh := s.shard(key)
	sh.mu.Lock()
	if e, ok := sh.m[key]; ok {
		st, v := e.state, e.version
		sh.mu.Unlock()
		return st, v, true, nil
	}
	l, ok := sh.links[key]
	sh.mu.Unlock()
	if !ok {
		return State{}, 0, false, nil
	}
	return State{ID: key, PartOf: l.partOf}, l.version, true, nil
}

// CompareAndSwap implements [Store].
func (s *MemoryStore) CompareAndSwap(key string, oldVersion uint64, st State) (bool, error) {
	sh := s.shard(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	var cur uint64 // 0: no record
	var inLinks bool
	e, inM := sh.m[key]
	if inM {
		cur = e.version
	} else if l, ok := sh.links[key]; ok {
		cur, inLinks = l.version, true
	}
	if cur != oldVersion {
		return false, nil
	}
	if isLink(key, &st) {
		if inM {
			delete(sh.m, key)
		}
		if sh.links == nil {
			sh.links = make(map[string]linkEntry)
		}
		sh.links[key] = linkEntry{version: cur + 1, partOf: st.PartOf}
		return true, nil
	}
	if inLinks {
		delete(sh.links, key)
	}
	if inM {
		e.version, e.state = cur+1, st // in place: no allocation
		return true, nil
	}
	if sh.m == nil {
		sh.m = make(map[string]*memEntry)
	}
	sh.m[key] = &memEntry{version: cur + 1, state: st}
	return true, nil
}

// observe is Tracker.Observe for a receipt about a stored message, done
// under the shard's lock. It reports false, having changed nothing, when
// the receipt needs the general path: no record yet, or no part matches.
func (s *MemoryStore) observe(id string, r *Receipt) (Change, bool) {
	key := id
	sh := s.shard(key)
	sh.mu.Lock()
	e, ok := sh.m[key]
	viaLink := false
	if !ok {
		l, isLink := sh.links[key]
		sh.mu.Unlock()
		if !isLink {
			return Change{}, false
		}
		key, viaLink = l.partOf, true
		sh = s.shard(key)
		sh.mu.Lock()
		if e, ok = sh.m[key]; !ok {
			sh.mu.Unlock()
			return Change{}, false
		}
	}
	// A receipt by the message's own id counts for the part with that id,
	// or the first part (see Tracker.Observe).
	part := max(indexOf(e.state.PartIDs, id), 0)
	if viaLink {
		part = indexOf(e.state.PartIDs, id)
	}
	if part < 0 {
		sh.mu.Unlock()
		return Change{}, false
	}
	// In place: readers copy the state under this lock, and apply does not
	// change what the state's strings and slices refer to.
	ch, write := apply(&e.state, false, key, part, r)
	if write {
		e.version++
	}
	sh.mu.Unlock()
	return ch, true
}

// Range implements [Ranger]. It copies one shard at a time and calls fn
// without holding a lock, so fn may use the store.
func (s *MemoryStore) Range(fn func(key string, st State, version uint64) bool) error {
	type kv struct {
		key     string
		version uint64
		state   State
	}
	var buf []kv
	for i := range s.shards {
		sh := &s.shards[i]
		buf = buf[:0]
		sh.mu.Lock()
		for k, e := range sh.m {
			buf = append(buf, kv{k, e.version, e.state})
		}
		for k, l := range sh.links {
			buf = append(buf, kv{k, l.version, State{ID: k, PartOf: l.partOf}})
		}
		sh.mu.Unlock()
		for _, x := range buf {
			if !fn(x.key, x.state, x.version) {
				return nil
			}
		}
	}
	return nil
}

// Len returns the number of records (messages and part links).
func (s *MemoryStore) Len() int {
	n := 0
	for i := range s.shards {
		sh := &s.shards[i]
		sh.mu.Lock()
		n += len(sh.m) + len(sh.links)
		sh.mu.Unlock()
	}
	return n
}

// State is what the [Tracker] holds for one message: its parts' statuses,
// the message's status made from them, and the receipts of failed parts.
// A record whose PartOf is set is only a link from a part id to its
// message; it holds nothing else.
//
// A State is a value; its slices and strings are never changed in place,
// so a store may keep and hand out copies freely. It marshals to JSON and
// back for stores that keep bytes (the receipts in Failures lose their
// Error code, which Receipt does not marshal; RawError is kept).
type State struct {
	ID     string `json:"id"`
	PartOf string `json:"part_of,omitempty"` // for a part link: the message's id

	To      string    `json:"to,omitempty"`
	Network string    `json:"network,omitempty"`
	SentAt  time.Time `json:"sent_at,omitzero"`
	// PartIDs are the part ids given to Expect, canonical; nil for a
	// single-part message (whose part id is ID).
	PartIDs []string `json:"part_ids,omitempty"`
	Parts   Parts    `json:"parts"`

	// Status is the message's status: DELIVRD when every part is
	// delivered; the failure of a part when one failed (the greatest in
	// status order if several did); otherwise the least advanced status of
	// its parts.
	Status status.Status `json:"status"`
	// Sweep says whether and how a sweep settled the message.
	Sweep Sweep `json:"sweep,omitempty"`
	// Expected is true for a message given to Expect, false for one known
	// only from receipts.
	Expected bool `json:"expected,omitempty"`
	// Conflict is true when some part received two different definite
	// final statuses (status.Conflict).
	Conflict bool `json:"conflict,omitempty"`
	// Failures holds, per part that received a failure receipt, those
	// receipts merged with Merge, in part order.
	Failures []PartFailure `json:"failures,omitempty"`
}

// PartFailure is the failure receipt of one part.
type PartFailure struct {
	Part    int     `json:"part"` // 1-based
	Receipt Receipt `json:"receipt"`
}

// Failure returns the failure that decides the message's status: the
// receipt of the lowest-numbered part whose status is the message's. It
// reports false when the message has not failed.
func (s State) Failure() (PartFailure, bool) {
	if !s.Status.Failed() {
		return PartFailure{}, false
	}
	for i := 0; i < s.Parts.Len(); i++ {
		if s.Parts.At(i) != s.Status {
			continue
		}
		for _, f := range s.Failures {
			if f.Part == i+1 {
				return f, true
			}
		}
	}
	return PartFailure{}, false
}

// Settled reports whether no more news is expected: the status is final,
// or the message was settled on a network that sends no handset receipts.
func (s State) Settled() bool {
	return s.Status.Final() || s.Sweep == SweepNoHandsetReceipt && s.Status == status.Enroute
}

// Reason explains a status a sweep gave: [ReasonTimedOut] for a message
// made UNKNOWN, [ReasonNoHandsetReceipt] for one settled as ENROUTE. It is
// empty otherwise, including once a later receipt resolved the message.
func (s State) Reason() string {
	switch {
	case s.Sweep == SweepTimedOut && s.Status == status.Unknown:
		return ReasonTimedOut
	case s.Sweep == SweepNoHandsetReceipt && s.Status == status.Enroute:
		return ReasonNoHandsetReceipt
	}
	return ""
}

// Sweep is the verdict of [Tracker.Settle] on a message.
type Sweep uint8

const (
	SweepNone             Sweep = iota // not settled by a sweep
	SweepTimedOut                      // no final receipt in time: UNKNOWN
	SweepNoHandsetReceipt              // accepted by a carrier that sends no handset receipt: ENROUTE, settled

	numSweeps
)

var sweepNames = [numSweeps]string{"", "timed-out", "no-handset-receipt"}

// String returns "timed-out", "no-handset-receipt" or "" for SweepNone.
func (w Sweep) String() string {
	if w < numSweeps {
		return sweepNames[w]
	}
	return "Sweep(" + strconv.Itoa(int(w)) + ")"
}

// MarshalText implements encoding.TextMarshaler.
func (w Sweep) MarshalText() ([]byte, error) {
	if w >= numSweeps {
		return nil, errors.New("dlr: cannot marshal " + w.String())
	}
	return []byte(w.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (w *Sweep) UnmarshalText(b []byte) error {
	for i, n := range sweepNames {
		if string(b) == n {
			*w = Sweep(i)
			return nil
		}
	}
	return errors.New("dlr: unknown sweep " + strconv.Quote(string(b)))
}

// withFailure returns fs with r merged into part's entry, as a new slice:
// the old one may be shared with other copies of the State.
func withFailure(fs []PartFailure, part int, r Receipt) []PartFailure {
	out := make([]PartFailure, 0, len(fs)+1)
	done := false
	for _, f := range fs {
		switch {
		case f.Part == part:
			f.Receipt = Merge(f.Receipt, r)
			done = true
		case f.Part > part && !done:
			out = append(out, PartFailure{Part: part, Receipt: r})
			done = true
		}
		out = append(out, f)
	}
	if !done {
		out = append(out, PartFailure{Part: part, Receipt: r})
	}
	return out
}

// Parts holds the status of each part of a message in 4 bits: the first 15
// inline, the rest in an immutable string, one byte each. Its zero value has
// no parts.
type Parts struct {
	// low holds parts 0–14 in bits 0–59 and, in bits 60–63, the number of
	// parts when it is 1–15 (0 when there are none or more than 15, and
	// then there are 15 + len(high)).
	low  uint64
	high string
}

const partsInline = 15

func newParts(n int) Parts {
	if n <= partsInline {
		return Parts{low: uint64(n) << 60}
	}
	return Parts{high: string(make([]byte, n-partsInline))}
}

// Len returns the number of parts.
func (p Parts) Len() int {
	if n := p.low >> 60; n != 0 {
		return int(n)
	}
	if p.high != "" {
		return partsInline + len(p.high)
	}
	return 0
}

// At returns the status of the 0-based part i; None when out of range.
func (p Parts) At(i int) status.Status {
	switch {
	case i < 0 || i >= p.Len():
		return status.None
	case i < partsInline:
		return status.Status(p.low >> (4 * i) & 0xf)
	default:
		return status.Status(p.high[i-partsInline])
	}
}

// with returns p with part i set to s (a valid status, so below 16).
func (p Parts) with(i int, s status.Status) Parts {
	if i < 0 || i >= p.Len() {
		return p
	}
	if i < partsInline {
		p.low = p.low&^(0xf<<(4*i)) | uint64(s&0xf)<<(4*i)
		return p
	}
	b := []byte(p.high)
	b[i-partsInline] = byte(s)
	p.high = string(b)
	return p
}

// aggregate is the message status of State.Status.
func (p Parts) aggregate() status.Status {
	n := p.Len()
	if n == 0 {
		return status.None
	}
	fail, least := status.None, status.Delivered
	for i := 0; i < n; i++ {
		s := p.At(i)
		if s.Failed() && s > fail {
			fail = s
		}
		least = min(least, s)
	}
	if fail != status.None {
		return fail
	}
	return least
}

// MarshalJSON writes the parts' statuses as an array of receipt words ("" for
// a part with no news).
func (p Parts) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i := 0; i < p.Len(); i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, p.At(i).String())
	}
	return append(b, ']'), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (p *Parts) UnmarshalJSON(b []byte) error {
	var words []status.Status
	if err := json.Unmarshal(b, &words); err != nil {
		return err
	}
	if len(words) > MaxParts {
		return errors.New("dlr: too many parts")
	}
	q := newParts(len(words))
	for i, s := range words {
		q = q.with(i, s)
	}
	*p = q
	return nil
}
