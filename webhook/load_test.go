package webhook_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/webhook"
)

// flakyStore is a sink that fails a seeded tenth of its calls, before
// storing anything, like a database that is briefly unavailable.
type flakyStore struct {
	mu       sync.Mutex
	rng      *rand.Rand
	stored   map[string]int // Receipt.Key → times stored
	calls    int
	failures int
}

var errStoreDown = errors.New("store unavailable")

func (s *flakyStore) sink(_ context.Context, rs []dlr.Receipt) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if s.rng.IntN(10) == 0 {
		s.failures++
		return errStoreDown
	}
	for _, r := range rs {
		s.stored[r.Key()]++
	}
	return nil
}

// TestLoadAndFault sends at least 10,000 signed receipts (fewer under the
// race detector) from 32 concurrent keep-alive clients to a real server on
// 127.0.0.1 while the sink fails 10% of its calls. A client retries
// immediately on any non-2xx answer (a provider waits; Retry-After is
// checked but not honoured, to keep the test fast), and one receipt in 20
// is delivered twice, as providers do. At the end every receipt is stored,
// exactly once after dedupe by Receipt.Key, and only receipts whose request
// was answered 200.
func TestLoadAndFault(t *testing.T) {
	t.Parallel()
	n := 10_000
	if raceEnabled || testing.Short() {
		n = 2_000
	}
	const workers = 32
	secret := []byte("load-secret")
	store := &flakyStore{rng: rand.New(rand.NewPCG(2024, 11)), stored: map[string]int{}}
	var oks atomic.Int64
	h := &webhook.Handler{
		Provider: "bulksmsrates",
		Verifier: webhook.BSR{Secrets: [][]byte{secret}},
		Sink:     store.sink,
		Decode:   testDecode,
		Response: []byte("OK"),
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	tr := &http.Transport{MaxIdleConns: workers, MaxIdleConnsPerHost: workers, IdleConnTimeout: time.Minute}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	type job struct{ id string }
	jobs := make(chan job)
	var (
		mu      sync.Mutex
		acked   = map[string]int{} // Receipt.Key → 200 answers
		retries atomic.Int64
		badRA   atomic.Int64
	)
	keyOf := func(body []byte) string {
		rs, err := testDecode(body, carrier.Meta{ContentType: "application/json", Provider: "bulksmsrates"})
		if err != nil || len(rs) != 1 {
			return "undecodable"
		}
		return rs[0].Key()
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				body := []byte(`{"receipts":[{"message_id":"` + j.id + `","status":"DELIVRD","to":"447700900123"}]}`)
				sig := webhook.Sign(secret, body)
				for attempt := 0; ; attempt++ {
					if attempt == 50 || ctx.Err() != nil {
						errs <- fmt.Errorf("%s: gave up after %d attempts", j.id, attempt)
						return
					}
					req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL, bytes.NewReader(body))
					req.Header.Set("Content-Type", "application/json")
					req.Header.Set(webhook.BSRHeader, sig)
					res, err := client.Do(req)
					if err != nil {
						retries.Add(1)
						continue
					}
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode == http.StatusOK {
						oks.Add(1)
						mu.Lock()
						acked[keyOf(body)]++
						mu.Unlock()
						break
					}
					if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
						badRA.Add(1)
					}
					retries.Add(1)
				}
			}
		}()
	}
	sent := 0
	for i := range n {
		id := fmt.Sprintf("load-%05d", i)
		copies := 1
		if i%20 == 0 {
			copies = 2 // the provider delivers this one twice
		}
		for range copies {
			select {
			case jobs <- job{id}:
				sent++
			case err := <-errs:
				t.Fatal(err)
			}
		}
	}
	close(jobs)
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	require.Len(t, store.stored, n, "every receipt stored (after dedupe by key)")
	dups := 0
	for k, c := range store.stored {
		require.Positive(t, acked[k], "stored without a 200: %s", k)
		dups += c - 1
	}
	require.Len(t, acked, n, "every receipt acknowledged")
	require.Equal(t, n/20, dups, "only the provider's duplicates are stored twice")
	require.EqualValues(t, sent, oks.Load(), "one 200 per delivery")
	require.Equal(t, store.calls-store.failures, int(oks.Load()), "a 200 for every successful sink call and no other")
	require.Positive(t, store.failures)
	require.Zero(t, badRA.Load(), "every refusal is a 503 with Retry-After")
	t.Logf("%d receipts (%d deliveries) in %v: %d sink calls, %d failed (%.1f%%), %d retries",
		n, sent, elapsed.Round(time.Millisecond), store.calls, store.failures,
		100*float64(store.failures)/float64(store.calls), retries.Load())
}
