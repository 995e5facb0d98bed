package dlr

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/status"
)

func TestMemoryStore(t *testing.T) {
	t.Parallel()
	var s MemoryStore
	_, v, ok, err := s.Get("a")
	require.NoError(t, err)
	require.False(t, ok)
	require.Zero(t, v)

	steps := []struct {
		old  uint64
		want bool
		ver  uint64 // version after
	}{
		{1, false, 0}, // no record: only 0 creates
		{0, true, 1},
		{0, false, 1}, // exists
		{2, false, 1}, // wrong version
		{1, true, 2},
		{1, false, 2}, // stale version
		{2, true, 3},
	}
	for i, st := range steps {
		ok, err := s.CompareAndSwap("a", st.old, State{ID: fmt.Sprint(i)})
		require.NoError(t, err)
		require.Equal(t, st.want, ok, "step %d", i)
		_, v, _, _ := s.Get("a")
		require.Equal(t, st.ver, v, "step %d", i)
	}
	got, _, _, _ := s.Get("a")
	require.Equal(t, "6", got.ID)
	require.Equal(t, 1, s.Len())

	for i := 0; i < 100; i++ {
		ok, err := s.CompareAndSwap(fmt.Sprint("k", i), 0, State{})
		require.NoError(t, err)
		require.True(t, ok)
	}
	n := 0
	require.NoError(t, s.Range(func(string, State, uint64) bool { n++; return true }))
	require.Equal(t, 101, n)
	n = 0
	require.NoError(t, s.Range(func(string, State, uint64) bool { n++; return n < 10 }))
	require.Equal(t, 10, n, "Range stops when fn returns false")
}

// TestMemoryStoreCounter checks that compare-and-swap loops from several
// goroutines lose no update (run with -race).
func TestMemoryStoreCounter(t *testing.T) {
	t.Parallel()
	var s MemoryStore
	const workers, each = 4, 500
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				for {
					cur, v, _, _ := s.Get("n")
					cur.Parts = newParts(1)
					cur.Sweep = 0
					cur.To += "x"
					if ok, _ := s.CompareAndSwap("n", v, cur); ok {
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	got, v, _, _ := s.Get("n")
	require.Len(t, got.To, workers*each)
	require.Equal(t, uint64(workers*each), v)
}

// BenchmarkMemoryPerMessage tracks 1,000,000 messages and reports the heap
// they take, without their ids (which the caller owns anyway), as B/msg.
// It runs only with -bench: it takes a few seconds and about half a
// gigabyte.
func BenchmarkMemoryPerMessage(b *testing.B) {
	n := memMessages()
	ids := make([]string, n)
	parts := make([][]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%016x", i)
		parts[i] = []string{ids[i] + "-1", ids[i] + "-2"}
	}
	cases := []struct {
		name string
		msg  func(i int) Message
		rcpt func(i int) Receipt
	}{
		{"single-part", func(i int) Message { return Message{ID: ids[i], To: "+64210000000", Network: "Spark", SentAt: t0} },
			func(i int) Receipt { return rcpt(ids[i], status.Enroute) }},
		{"two-part", func(i int) Message {
			return Message{ID: ids[i], Parts: parts[i], To: "+64210000000", Network: "Spark", SentAt: t0}
		}, func(i int) Receipt { return rcpt(parts[i][1], status.Enroute) }},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			for k := 0; k < b.N; k++ {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				tr := new(Tracker)
				for i := 0; i < n; i++ {
					if err := tr.Expect(tc.msg(i)); err != nil {
						b.Fatal(err)
					}
					if _, err := tr.Observe(tc.rcpt(i)); err != nil {
						b.Fatal(err)
					}
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(n), "B/msg")
				runtime.KeepAlive(tr)
			}
		})
	}
}

// BenchmarkMemoryStore is the baseline for BenchmarkObserve: the store's own
// Get, and Get plus CompareAndSwap, over the same number of messages.
func BenchmarkMemoryStore(b *testing.B) {
	const k = 1 << 14
	ids := make([]string, k)
	var s MemoryStore
	for i := range ids {
		ids[i] = fmt.Sprintf("msg-%08d", i)
		if ok, err := s.CompareAndSwap(ids[i], 0, State{ID: ids[i], Parts: newParts(1), Expected: true, SentAt: t0}); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
	b.Run("get", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, _, ok, _ := s.Get(ids[i%k]); !ok {
				b.Fatal("missing")
			}
		}
	})
	b.Run("get+cas", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			st, v, _, _ := s.Get(ids[i%k])
			if ok, _ := s.CompareAndSwap(ids[i%k], v, st); !ok {
				b.Fatal("lost")
			}
		}
	})
}

// memMessages is how many messages BenchmarkMemoryPerMessage tracks:
// 1,000,000 unless DLRKIT_MEM_MESSAGES says otherwise.
func memMessages() int {
	if v, err := strconv.Atoi(os.Getenv("DLRKIT_MEM_MESSAGES")); err == nil && v > 0 {
		return v
	}
	return 1_000_000
}
