package dlr

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// The receipts in these tests are constructed.

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

var stateCmp = cmp.Options{cmp.AllowUnexported(Parts{}), cmpopts.EquateEmpty()}

func rcpt(id string, s status.Status) Receipt {
	return Receipt{MessageID: id, Status: s, RawStatus: s.String()}
}

func TestTrackerSinglePart(t *testing.T) {
	t.Parallel()
	var tr Tracker
	require.NoError(t, tr.Expect(Message{ID: "m1", To: "+6421000000", Network: "Spark", SentAt: t0}))

	steps := []struct {
		in         status.Status
		prev, want status.Status
		tr         status.Transition
	}{
		{status.Accepted, status.None, status.Accepted, status.Advanced},
		{status.Enroute, status.Accepted, status.Enroute, status.Advanced},
		{status.Accepted, status.Enroute, status.Enroute, status.Stale},
		{status.Delivered, status.Enroute, status.Delivered, status.Advanced},
		{status.Delivered, status.Delivered, status.Delivered, status.Duplicate},
		{status.Undeliverable, status.Delivered, status.Delivered, status.Conflict},
	}
	for i, s := range steps {
		c, err := tr.Observe(rcpt("m1", s.in))
		require.NoError(t, err, "step %d", i)
		want := Change{MessageID: "m1", Part: 1, PartStatus: s.want, Previous: s.prev, Status: s.want, Transition: s.tr}
		if d := cmp.Diff(want, c); d != "" {
			t.Fatalf("step %d (-want +got):\n%s", i, d)
		}
	}
	st, ok, err := tr.Get("m1")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, status.Delivered, st.Status)
	require.True(t, st.Conflict)
	require.True(t, st.Expected)
	require.Equal(t, "Spark", st.Network)
	_, failed := st.Failure()
	require.False(t, failed, "a delivered message has no deciding failure")
	require.Len(t, st.Failures, 1, "the conflicting failure receipt is kept")
}

func TestTrackerMultipart(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		receipts []Receipt
		want     status.Status
		failPart int // 0: none
	}{
		{"nothing yet", nil, status.None, 0},
		{"one part enroute", []Receipt{rcpt("p1", status.Enroute)}, status.None, 0},
		{"least advanced", []Receipt{rcpt("p1", status.Delivered), rcpt("p2", status.Enroute), rcpt("p3", status.Accepted)}, status.Accepted, 0},
		{"all delivered", []Receipt{rcpt("p1", status.Delivered), rcpt("p2", status.Delivered), rcpt("p3", status.Delivered)}, status.Delivered, 0},
		{"one failure decides", []Receipt{rcpt("p1", status.Delivered), rcpt("p2", status.Expired), rcpt("p3", status.Enroute)}, status.Expired, 2},
		{"greatest failure", []Receipt{rcpt("p3", status.Expired), rcpt("p2", status.Rejected), rcpt("p1", status.Rejected)}, status.Rejected, 1},
		{"unknown part is not an outcome", []Receipt{rcpt("p1", status.Delivered), rcpt("p2", status.Unknown), rcpt("p3", status.Delivered)}, status.Unknown, 0},
		{"unknown and pending", []Receipt{rcpt("p1", status.Unknown), rcpt("p2", status.Enroute), rcpt("p3", status.Delivered)}, status.Enroute, 0},
		{"by parent and part number", []Receipt{
			{MessageID: "x1", ParentID: "msg", Part: 1, Status: status.Delivered},
			{MessageID: "x2", ParentID: "msg", Part: 2, Status: status.Delivered},
			{MessageID: "x3", ParentID: "msg", Part: 3, Status: status.Delivered},
		}, status.Delivered, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var tr Tracker
			require.NoError(t, tr.Expect(Message{ID: "msg", Parts: []string{"p1", "p2", "p3"}, SentAt: t0}))
			for _, r := range tc.receipts {
				c, err := tr.Observe(r)
				require.NoError(t, err)
				require.Equal(t, "msg", c.MessageID)
			}
			st, ok, err := tr.Get("p2")
			require.NoError(t, err)
			require.True(t, ok)
			require.Equal(t, tc.want, st.Status)
			f, ok := st.Failure()
			require.Equal(t, tc.failPart != 0, ok)
			if ok {
				require.Equal(t, tc.failPart, f.Part)
				require.Equal(t, tc.want, f.Receipt.Status)
			}
		})
	}
}

func TestTrackerFailureKeepsReceipt(t *testing.T) {
	t.Parallel()
	var tr Tracker
	require.NoError(t, tr.Expect(Message{ID: "msg", Parts: []string{"a", "b"}}))
	r := Receipt{MessageID: "b", Status: status.Undeliverable, RawStatus: "UNDELIV", RawError: "001",
		Error: errcode.Code{Namespace: errcode.MAP, Value: 1}}
	c, err := tr.Observe(r)
	require.NoError(t, err)
	require.Equal(t, Change{MessageID: "msg", Part: 2, PartStatus: status.Undeliverable, Previous: status.None,
		Status: status.Undeliverable, Transition: status.Advanced}, c)
	st, _, _ := tr.Get("msg")
	f, ok := st.Failure()
	require.True(t, ok)
	require.Equal(t, 2, f.Part)
	require.Equal(t, r, f.Receipt)
}

func TestTrackerUnknownID(t *testing.T) {
	t.Parallel()
	var tr Tracker
	r := Receipt{MessageID: "zz", Status: status.Delivered, To: "+1", Network: "n", SubmittedAt: t0}
	c, err := tr.Observe(r)
	require.NoError(t, err)
	require.Equal(t, Change{MessageID: "zz", Part: 1, PartStatus: status.Delivered, Status: status.Delivered, Transition: status.Advanced}, c)
	st, ok, err := tr.Get("zz")
	require.NoError(t, err)
	require.True(t, ok)
	want := State{ID: "zz", To: "+1", Network: "n", SentAt: t0, Parts: newParts(1).with(0, status.Delivered), Status: status.Delivered}
	if d := cmp.Diff(want, st, stateCmp); d != "" {
		t.Fatal(d)
	}
}

func TestTrackerReceiptBeforeExpect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		msg   Message
		early []Receipt
		late  []Receipt
		want  []status.Status
	}{
		{"single part", Message{ID: "m"}, []Receipt{rcpt("m", status.Enroute)}, nil, []status.Status{status.Enroute}},
		{"parts", Message{ID: "m", Parts: []string{"a", "b", "c"}},
			[]Receipt{rcpt("c", status.Delivered), rcpt("a", status.Undeliverable)},
			[]Receipt{rcpt("b", status.Enroute)},
			[]status.Status{status.Undeliverable, status.Enroute, status.Delivered}},
		{"first part id is the message id", Message{ID: "a", Parts: []string{"a", "b"}},
			[]Receipt{rcpt("a", status.Delivered)},
			[]Receipt{rcpt("b", status.Delivered)},
			[]status.Status{status.Delivered, status.Delivered}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var tr Tracker
			for _, r := range tc.early {
				_, err := tr.Observe(r)
				require.NoError(t, err)
			}
			require.NoError(t, tr.Expect(tc.msg))
			require.NoError(t, tr.Expect(tc.msg), "Expect is idempotent")
			for _, r := range tc.late {
				_, err := tr.Observe(r)
				require.NoError(t, err)
			}
			st, ok, err := tr.Get(tc.msg.ID)
			require.NoError(t, err)
			require.True(t, ok)
			require.True(t, st.Expected)
			var got []status.Status
			for i := 0; i < st.Parts.Len(); i++ {
				got = append(got, st.Parts.At(i))
			}
			require.Equal(t, tc.want, got)
			require.Equal(t, st.Parts.aggregate(), st.Status)
			if tc.name == "parts" {
				f, ok := st.Failure()
				require.True(t, ok)
				require.Equal(t, 1, f.Part)
			}
		})
	}
}

func TestTrackerCanonicalID(t *testing.T) {
	t.Parallel()
	// A stand-in canonicalizer: lower case.
	tr := Tracker{CanonicalID: strings.ToLower}
	require.NoError(t, tr.Expect(Message{ID: "MSG", Parts: []string{"AB", "CD"}}))
	_, err := tr.Observe(rcpt("ab", status.Delivered))
	require.NoError(t, err)
	c, err := tr.Observe(rcpt("Cd", status.Delivered))
	require.NoError(t, err)
	require.Equal(t, "msg", c.MessageID)
	require.Equal(t, status.Delivered, c.Status)
}

func TestTrackerErrors(t *testing.T) {
	t.Parallel()
	var tr Tracker
	require.NoError(t, tr.Expect(Message{ID: "m", Parts: []string{"a", "b"}}))
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"observe without id", func() error { _, err := tr.Observe(Receipt{Status: status.Delivered}); return err }(), ErrNoID},
		{"expect without id", tr.Expect(Message{}), ErrNoID},
		{"expect with an empty part id", tr.Expect(Message{ID: "q", Parts: []string{"x", ""}}), ErrNoID},
		{"part id of another message", tr.Expect(Message{ID: "n", Parts: []string{"b", "c"}}), ErrIDTaken},
		{"message id that is a part", tr.Expect(Message{ID: "a"}), ErrIDTaken},
		{"same id, other parts", tr.Expect(Message{ID: "m", Parts: []string{"a"}}), ErrIDTaken},
		{"too many parts", tr.Expect(Message{ID: "big", Parts: make([]string, MaxParts+1)}), ErrTooManyParts},
		{"part number out of range", func() error {
			_, err := tr.Observe(Receipt{MessageID: "zz", ParentID: "m", Part: 3, Status: status.Delivered})
			return err
		}(), ErrUnknownPart},
	}
	for _, tc := range tests {
		require.ErrorIs(t, tc.err, tc.want, tc.name)
		var te *TrackError
		require.True(t, errors.As(tc.err, &te), tc.name)
		require.True(t, strings.HasPrefix(tc.err.Error(), "dlr: "), tc.err.Error())
	}
}

func TestTrackerSweep(t *testing.T) {
	t.Parallel()
	nz := map[string]time.Duration{"vodafone": 24 * time.Hour, "2degrees": 72 * time.Hour}
	tr := Tracker{
		Validity: func(n string) (time.Duration, bool) {
			d, ok := nz[n]
			return d, ok
		},
		Grace:            time.Hour,
		NoHandsetReceipt: func(n string) bool { return n == "orange-do" },
	}
	require.NoError(t, tr.Expect(Message{ID: "voda", Network: "vodafone", SentAt: t0}))
	require.NoError(t, tr.Expect(Message{ID: "2d", Network: "2degrees", SentAt: t0}))
	require.NoError(t, tr.Expect(Message{ID: "dflt", Network: "elsewhere", SentAt: t0, Parts: []string{"d1", "d2"}}))
	require.NoError(t, tr.Expect(Message{ID: "od", Network: "orange-do", SentAt: t0}))
	require.NoError(t, tr.Expect(Message{ID: "od-none", Network: "orange-do", SentAt: t0}))
	require.NoError(t, tr.Expect(Message{ID: "done", Network: "vodafone", SentAt: t0}))
	for _, r := range []Receipt{rcpt("od", status.Enroute), rcpt("done", status.Delivered), rcpt("d1", status.Delivered), rcpt("d2", status.Enroute)} {
		_, err := tr.Observe(r)
		require.NoError(t, err)
	}
	// Known only from a receipt without a submit time: never swept.
	_, err := tr.Observe(rcpt("stray", status.Enroute))
	require.NoError(t, err)

	sweep := func(at time.Duration) map[string]Change {
		cs, err := tr.Sweep(t0.Add(at))
		require.NoError(t, err)
		m := map[string]Change{}
		for _, c := range cs {
			m[c.MessageID] = c
		}
		return m
	}
	require.Empty(t, sweep(25*time.Hour-time.Nanosecond))
	require.Equal(t, map[string]Change{
		"voda": {MessageID: "voda", Previous: status.None, Status: status.Unknown, Transition: status.Advanced, Sweep: SweepTimedOut},
	}, sweep(25*time.Hour))
	require.Equal(t, map[string]Change{
		"dflt":    {MessageID: "dflt", Previous: status.Enroute, Status: status.Unknown, Transition: status.Advanced, Sweep: SweepTimedOut},
		"od":      {MessageID: "od", Previous: status.Enroute, Status: status.Enroute, Transition: status.Duplicate, Sweep: SweepNoHandsetReceipt},
		"od-none": {MessageID: "od-none", Previous: status.None, Status: status.Unknown, Transition: status.Advanced, Sweep: SweepTimedOut},
	}, sweep(49*time.Hour))
	require.Equal(t, map[string]Change{
		"2d": {MessageID: "2d", Previous: status.None, Status: status.Unknown, Transition: status.Advanced, Sweep: SweepTimedOut},
	}, sweep(73*time.Hour))
	require.Empty(t, sweep(1000*time.Hour), "a settled message is not swept again")

	st, _, _ := tr.Get("voda")
	require.Equal(t, ReasonTimedOut, st.Reason())
	require.True(t, st.Settled())
	st, _, _ = tr.Get("od")
	require.Equal(t, status.Enroute, st.Status)
	require.Equal(t, ReasonNoHandsetReceipt, st.Reason())
	require.True(t, st.Settled())
	st, _, _ = tr.Get("d1")
	require.Equal(t, []status.Status{status.Delivered, status.Unknown}, []status.Status{st.Parts.At(0), st.Parts.At(1)})

	// A definite receipt after the sweep still resolves the message.
	c, err := tr.Observe(rcpt("voda", status.Delivered))
	require.NoError(t, err)
	require.Equal(t, status.Resolved, c.Transition)
	require.Equal(t, status.Delivered, c.Status)
	st, _, _ = tr.Get("voda")
	require.Empty(t, st.Reason())
	c, err = tr.Observe(rcpt("d2", status.Expired))
	require.NoError(t, err)
	require.Equal(t, Change{MessageID: "dflt", Part: 2, PartStatus: status.Expired, Previous: status.Unknown,
		Status: status.Expired, Transition: status.Resolved}, c)
	c, err = tr.Observe(rcpt("od", status.Delivered))
	require.NoError(t, err)
	require.Equal(t, status.Delivered, c.Status)

	st, _, _ = tr.Get("stray")
	require.Equal(t, status.Enroute, st.Status)

	// Settle on a single id, and a store that cannot list.
	c, err = tr.Settle("nope", t0)
	require.NoError(t, err)
	require.Equal(t, SweepNone, c.Sweep)
	_, err = (&Tracker{Store: onlyStore{new(MemoryStore)}}).Sweep(t0)
	require.ErrorIs(t, err, ErrCannotList)
}

// onlyStore hides the Range method of the store it wraps.
type onlyStore struct{ s Store }

func (o onlyStore) Get(k string) (State, uint64, bool, error) { return o.s.Get(k) }
func (o onlyStore) CompareAndSwap(k string, v uint64, s State) (bool, error) {
	return o.s.CompareAndSwap(k, v, s)
}

func TestTrackerSettleByPartID(t *testing.T) {
	t.Parallel()
	tr := Tracker{Store: onlyStore{new(MemoryStore)}}
	require.NoError(t, tr.Expect(Message{ID: "m", Parts: []string{"a", "b"}, SentAt: t0}))
	c, err := tr.Settle("b", t0.Add(DefaultValidity))
	require.NoError(t, err)
	require.Equal(t, Change{MessageID: "m", Status: status.Unknown, Transition: status.Advanced, Sweep: SweepTimedOut}, c)
}

// history is a constructed set of receipts about one 3-part message and a
// stray id, with conflicts, duplicates' variants and failures with details.
func history() []Receipt {
	u1 := Receipt{MessageID: "p1", Status: status.Undeliverable, RawStatus: "UNDELIV", RawError: "001", Error: errcode.Code{Namespace: errcode.MAP, Value: 1}}
	u1b := u1
	u1b.RawError, u1b.Error = "005", errcode.Code{Namespace: errcode.MAP, Value: 5}
	return []Receipt{
		rcpt("p1", status.Accepted), rcpt("p1", status.Enroute), u1, u1b,
		rcpt("p2", status.Enroute), rcpt("p2", status.Unknown), rcpt("p2", status.Expired),
		{MessageID: "p3", Status: status.Delivered, DoneAt: t0},
		{MessageID: "p3", Status: status.Rejected, RawError: "0x45"},
		rcpt("stray", status.Enroute), {MessageID: "stray", Status: status.Rejected, To: "+2"}, {MessageID: "stray", Status: status.Accepted, To: "+1"},
	}
}

// TestTrackerOrderIndependence checks the laws of status.Next at the
// message level: any permutation and repetition of the same receipts ends
// in the same states.
func TestTrackerOrderIndependence(t *testing.T) {
	t.Parallel()
	rounds := 300
	if testing.Short() {
		rounds = 50
	}
	final := func(rs []Receipt, expectAt int) (State, State) {
		var tr Tracker
		if expectAt%2 == 0 {
			// The general Get and CompareAndSwap path, as any other
			// store takes.
			tr.Store = onlyStore{new(MemoryStore)}
		}
		for i, r := range rs {
			if i == expectAt {
				require.NoError(t, tr.Expect(Message{ID: "msg", Parts: []string{"p1", "p2", "p3"}, SentAt: t0}))
			}
			_, err := tr.Observe(r)
			require.NoError(t, err)
		}
		if expectAt >= len(rs) {
			require.NoError(t, tr.Expect(Message{ID: "msg", Parts: []string{"p1", "p2", "p3"}, SentAt: t0}))
		}
		a, _, err := tr.Get("msg")
		require.NoError(t, err)
		b, _, err := tr.Get("stray")
		require.NoError(t, err)
		return a, b
	}
	base := history()
	wantMsg, wantStray := final(base, 0)
	// p3's DELIVRD beats its REJECTD; of p1's UNDELIV and p2's EXPIRED the
	// greater decides.
	require.Equal(t, status.Undeliverable, wantMsg.Status)
	f, _ := wantMsg.Failure()
	require.Equal(t, 1, f.Part)
	require.Len(t, wantMsg.Failures, 3)

	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < rounds; round++ {
		rs := append([]Receipt(nil), base...)
		for n := rng.IntN(len(base)); n > 0; n-- { // repeat some
			rs = append(rs, base[rng.IntN(len(base))])
		}
		rng.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
		gotMsg, gotStray := final(rs, rng.IntN(len(rs)+1))
		if d := cmp.Diff(wantMsg, gotMsg, stateCmp); d != "" {
			t.Fatalf("round %d: message differs (-want +got):\n%s", round, d)
		}
		if d := cmp.Diff(wantStray, gotStray, stateCmp); d != "" {
			t.Fatalf("round %d: stray differs (-want +got):\n%s", round, d)
		}
	}
}

// TestTrackerConcurrent runs the receipts of many messages from several
// goroutines at once (run it with -race) and compares with a sequential run.
func TestTrackerConcurrent(t *testing.T) {
	t.Parallel()
	for _, general := range []bool{false, true} {
		t.Run(fmt.Sprint("general=", general), func(t *testing.T) {
			t.Parallel()
			testTrackerConcurrent(t, general)
		})
	}
}

func testTrackerConcurrent(t *testing.T, general bool) {
	const msgs = 200
	var rs []Receipt
	for m := 0; m < msgs; m++ {
		for _, r := range history() {
			if r.MessageID != "stray" {
				r.MessageID = fmt.Sprintf("%s-%d", r.MessageID, m)
			}
			rs = append(rs, r, r)
		}
	}
	expect := func(tr *Tracker, m int) {
		id := fmt.Sprint("msg-", m)
		require.NoError(t, tr.Expect(Message{ID: id, Parts: []string{fmt.Sprint("p1-", m), fmt.Sprint("p2-", m), fmt.Sprint("p3-", m)}}))
	}
	var seq Tracker
	for m := 0; m < msgs; m++ {
		expect(&seq, m)
	}
	for _, r := range rs {
		_, err := seq.Observe(r)
		require.NoError(t, err)
	}

	var conc Tracker
	if general {
		conc.Store = onlyStore{new(MemoryStore)}
	}
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
	var wg sync.WaitGroup
	const workers = 4
	errs := make(chan error, workers+1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for m := 0; m < msgs; m++ {
			id := fmt.Sprint("msg-", m)
			if err := conc.Expect(Message{ID: id, Parts: []string{fmt.Sprint("p1-", m), fmt.Sprint("p2-", m), fmt.Sprint("p3-", m)}}); err != nil {
				errs <- err
				return
			}
		}
	}()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(rs); i += workers {
				if _, err := conc.Observe(rs[i]); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for m := 0; m < msgs; m++ {
		id := fmt.Sprint("msg-", m)
		a, _, _ := seq.Get(id)
		b, _, _ := conc.Get(id)
		if d := cmp.Diff(a, b, stateCmp); d != "" {
			t.Fatalf("%s (-seq +conc):\n%s", id, d)
		}
	}
	a, _, _ := seq.Get("stray")
	b, _, _ := conc.Get("stray")
	if d := cmp.Diff(a, b, stateCmp); d != "" {
		t.Fatalf("stray (-seq +conc):\n%s", d)
	}
}

func TestParts(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 14, 15, 16, 17, MaxParts} {
		p := newParts(n)
		want := make([]status.Status, n)
		rng := rand.New(rand.NewPCG(uint64(n), 0))
		for k := 0; k < 3*n; k++ {
			i := rng.IntN(n)
			s := status.Status(rng.IntN(int(status.Delivered) + 1))
			q := p.with(i, s)
			want[i] = s
			p = q
		}
		for i := range want {
			require.Equal(t, want[i], p.At(i), "n=%d part %d", n, i)
		}
		require.Equal(t, status.None, p.At(-1))
		require.Equal(t, status.None, p.At(n))
		b, err := json.Marshal(p)
		require.NoError(t, err)
		var back Parts
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, p, back)
	}
	var q Parts
	require.Error(t, json.Unmarshal([]byte(`["NOPE"]`), &q))
	require.Error(t, json.Unmarshal([]byte(`[`+strings.Repeat(`"",`, MaxParts)+`""]`), &q))
}

func TestPartsCopyOnWrite(t *testing.T) {
	t.Parallel()
	p := newParts(20).with(18, status.Enroute)
	q := p.with(18, status.Delivered)
	require.Equal(t, status.Enroute, p.At(18), "the old value is unchanged")
	require.Equal(t, status.Delivered, q.At(18))
}

func TestStateJSON(t *testing.T) {
	t.Parallel()
	var tr Tracker
	require.NoError(t, tr.Expect(Message{ID: "m", Parts: []string{"a", "b"}, To: "+1", SentAt: t0}))
	_, err := tr.Observe(rcpt("a", status.Delivered))
	require.NoError(t, err)
	_, err = tr.Settle("m", t0.Add(DefaultValidity))
	require.NoError(t, err)
	_, err = tr.Observe(Receipt{MessageID: "b", Status: status.Rejected, RawError: "0x45"})
	require.NoError(t, err)
	st, _, _ := tr.Get("m")
	b, err := json.Marshal(st)
	require.NoError(t, err)
	var back State
	require.NoError(t, json.Unmarshal(b, &back))
	if d := cmp.Diff(st, back, stateCmp); d != "" {
		t.Fatalf("%s\n%s", b, d)
	}
	require.Contains(t, string(b), `"parts":["DELIVRD","REJECTD"]`)
	require.Contains(t, string(b), `"sweep":"timed-out"`)

	var w Sweep
	require.Error(t, w.UnmarshalText([]byte("later")))
	_, err = Sweep(9).MarshalText()
	require.Error(t, err)
	require.Equal(t, "Sweep(9)", Sweep(9).String())
}

func TestObserveAllocs(t *testing.T) {
	for _, general := range []bool{false, true} {
		t.Run(fmt.Sprint("general=", general), func(t *testing.T) { testObserveAllocs(t, general) })
	}
}

func testObserveAllocs(t *testing.T, general bool) {
	var tr Tracker
	if general {
		tr.Store = onlyStore{new(MemoryStore)}
	}
	require.NoError(t, tr.Expect(Message{ID: "m1", SentAt: t0}))
	require.NoError(t, tr.Expect(Message{ID: "m2", Parts: []string{"a", "b"}, SentAt: t0}))
	r1, r2 := rcpt("m1", status.Delivered), rcpt("b", status.Enroute)
	_, _ = tr.Observe(r1)
	_, _ = tr.Observe(r2)
	n := testing.AllocsPerRun(100, func() {
		_, _ = tr.Observe(r1)
		_, _ = tr.Observe(r2)
	})
	require.Zero(t, n)

	// A receipt that moves the status writes the record: still no
	// allocation.
	var adv Tracker
	if general {
		adv.Store = onlyStore{new(MemoryStore)}
	}
	const k = 200
	ids := make([]string, k)
	for i := range ids {
		ids[i] = fmt.Sprint("m", i)
		require.NoError(t, adv.Expect(Message{ID: ids[i]}))
	}
	i := 0
	n = testing.AllocsPerRun(k-1, func() {
		_, _ = adv.Observe(rcpt(ids[i], status.Enroute))
		i++
	})
	require.Zero(t, n)
}

// BenchmarkObserve measures Observe on receipts of known messages with the
// in-memory store: a duplicate (no write), a receipt that moves the status
// (a compare-and-swap write), and a part receipt found through its link.
func BenchmarkObserve(b *testing.B) {
	const k = 1 << 14
	ids := make([]string, k)
	for i := range ids {
		ids[i] = fmt.Sprintf("msg-%08d", i)
	}
	for _, general := range []bool{false, true} {
		suffix := ""
		newTracker := func() *Tracker { return new(Tracker) }
		if general {
			// Through the Store interface only: a Get and a
			// CompareAndSwap, as any other store takes.
			suffix = "-general"
			newTracker = func() *Tracker { return &Tracker{Store: onlyStore{new(MemoryStore)}} }
		}
		b.Run("duplicate"+suffix, func(b *testing.B) {
			tr := newTracker()
			for _, id := range ids {
				if err := tr.Expect(Message{ID: id, SentAt: t0}); err != nil {
					b.Fatal(err)
				}
				_, _ = tr.Observe(rcpt(id, status.Delivered))
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := tr.Observe(rcpt(ids[i%k], status.Delivered)); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("advance"+suffix, func(b *testing.B) {
			// Each message takes ACCEPTD, ENROUTE, DELIVRD in turn: every
			// receipt writes. A fresh set of messages every 3k receipts.
			var tr *Tracker
			seq := [3]status.Status{status.Accepted, status.Enroute, status.Delivered}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%(3*k) == 0 {
					b.StopTimer()
					tr = newTracker()
					for _, id := range ids {
						if err := tr.Expect(Message{ID: id, SentAt: t0}); err != nil {
							b.Fatal(err)
						}
					}
					b.StartTimer()
				}
				j := i % (3 * k)
				if _, err := tr.Observe(rcpt(ids[j%k], seq[j/k])); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("part", func(b *testing.B) {
		var tr Tracker
		for _, id := range ids[:k/2] {
			if err := tr.Expect(Message{ID: "p" + id, Parts: []string{id, id + "-2"}, SentAt: t0}); err != nil {
				b.Fatal(err)
			}
			_, _ = tr.Observe(rcpt(id, status.Enroute))
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := tr.Observe(rcpt(ids[i%(k/2)], status.Enroute)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("failure", func(b *testing.B) {
		// A failure receipt merges into the part's kept receipt: this
		// path allocates.
		var tr Tracker
		for _, id := range ids {
			if err := tr.Expect(Message{ID: id, SentAt: t0}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := tr.Observe(rcpt(ids[i%k], status.Undeliverable)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkObserveParallel is the duplicate case from all cores.
func BenchmarkObserveParallel(b *testing.B) {
	const k = 1 << 14
	ids := make([]string, k)
	var tr Tracker
	for i := range ids {
		ids[i] = fmt.Sprintf("msg-%08d", i)
		if err := tr.Expect(Message{ID: ids[i], SentAt: t0}); err != nil {
			b.Fatal(err)
		}
		_, _ = tr.Observe(rcpt(ids[i], status.Enroute))
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			_, _ = tr.Observe(rcpt(ids[i%k], status.Enroute))
			i++
		}
	})
}

func TestTrackerManyParts(t *testing.T) {
	t.Parallel()
	require.Zero(t, Parts{}.Len())
	require.Equal(t, status.None, Parts{}.aggregate())
	for _, n := range []int{15, 16, 40, MaxParts} {
		var tr Tracker
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprint("p", i)
		}
		require.NoError(t, tr.Expect(Message{ID: "m", Parts: ids}))
		order := rand.New(rand.NewPCG(uint64(n), 1)).Perm(n)
		for k, i := range order {
			c, err := tr.Observe(rcpt(ids[i], status.Delivered))
			require.NoError(t, err)
			require.Equal(t, i+1, c.Part)
			if k < n-1 {
				require.Equal(t, status.None, c.Status)
			} else {
				require.Equal(t, status.Delivered, c.Status, "n=%d: delivered when every part is", n)
			}
		}
		c, err := tr.Observe(rcpt(ids[n-1], status.Expired))
		require.NoError(t, err)
		require.Equal(t, status.Delivered, c.Status, "DELIVRD is never replaced")
		require.Equal(t, status.Conflict, c.Transition)
	}
}

// failingStore fails every call.
type failingStore struct{}

var errStore = errors.New("store down")

func (failingStore) Get(string) (State, uint64, bool, error)            { return State{}, 0, false, errStore }
func (failingStore) CompareAndSwap(string, uint64, State) (bool, error) { return false, errStore }

// racingStore's compare-and-swap always loses.
type racingStore struct{ MemoryStore }

func (*racingStore) CompareAndSwap(string, uint64, State) (bool, error) { return false, nil }

func TestTrackerStoreErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		store Store
		want  error
	}{{failingStore{}, errStore}, {new(racingStore), ErrRetries}} {
		tr := Tracker{Store: tc.store}
		_, err := tr.Observe(rcpt("m", status.Delivered))
		require.ErrorIs(t, err, tc.want)
		require.ErrorIs(t, tr.Expect(Message{ID: "m"}), tc.want)
		if tc.want == errStore {
			_, _, err = tr.Get("m")
			require.ErrorIs(t, err, tc.want)
			_, err = tr.Settle("m", t0)
			require.ErrorIs(t, err, tc.want)
		}
	}
}

// FuzzObserveOrder reads receipts from the input (two bytes each: the part
// and the status; the error code is derived from both) and checks that the
// tracker ends in the same state for the input order, the reverse order,
// and with the first half repeated; and, when no receipt is matched by its
// ParentID alone, whether Expect comes first or last.
func FuzzObserveOrder(f *testing.F) {
	f.Add([]byte{0, 3, 1, 10, 2, 8, 0, 10})            // advance, deliver, fail
	f.Add([]byte{0, 10, 0, 8, 1, 4, 1, 7, 2, 9, 2, 7}) // conflicts, UNKNOWN resolved
	f.Add([]byte{3, 10, 4, 10})                        // a stray id and a ParentID match
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64 {
			data = data[:64]
		}
		var rs []Receipt
		byParent := false
		for i := 0; i+1 < len(data); i += 2 {
			p, s := int(data[i]%5), status.Status(data[i+1]%12) // 11: out of range
			r := Receipt{Status: s, RawError: strconv.Itoa(int(data[i]) ^ int(data[i+1]))}
			switch p {
			case 3:
				r.MessageID = "stray"
			case 4:
				r.MessageID, r.ParentID, r.Part = "unlisted", "msg", 2
				byParent = true
			default:
				r.MessageID = fmt.Sprint("p", p+1)
			}
			rs = append(rs, r)
		}
		run := func(rs []Receipt, expectFirst bool) (State, State) {
			var tr Tracker
			msg := Message{ID: "msg", Parts: []string{"p1", "p2", "p3"}}
			if expectFirst {
				require.NoError(t, tr.Expect(msg))
			}
			for _, r := range rs {
				if _, err := tr.Observe(r); err != nil {
					t.Fatal(err)
				}
			}
			if !expectFirst {
				require.NoError(t, tr.Expect(msg))
			}
			a, _, _ := tr.Get("msg")
			b, _, _ := tr.Get("stray")
			return a, b
		}
		wantA, wantB := run(rs, true)
		rev := make([]Receipt, len(rs))
		for i, r := range rs {
			rev[len(rs)-1-i] = r
		}
		rep := append(append([]Receipt(nil), rs...), rs[:len(rs)/2]...)
		for k, in := range [][]Receipt{rev, rep, rs} {
			if k == 2 && byParent {
				break // see Tracker.Observe: such receipts must follow Expect
			}
			gotA, gotB := run(in, k != 2)
			if d := cmp.Diff(wantA, gotA, stateCmp); d != "" {
				t.Fatal(d)
			}
			if d := cmp.Diff(wantB, gotB, stateCmp); d != "" {
				t.Fatal(d)
			}
		}
	})
}
