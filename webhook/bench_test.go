package webhook_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/webhook"
)

// The handler (verify + decode + a no-op sink) against a bare handler that
// only reads the body, on the same signed request. Compare with
//
//	go test -run '^$' -bench 'Handler' -benchmem -count 6 ./webhook > out.txt
//	benchstat -col /h out.txt
//
// BenchmarkHandlerPaired alternates the two on every iteration, so that the
// load of a shared machine falls on both alike, and reports the overhead.
//
// The full handler decodes with carrier.Parse. The body is a BulkSMSRates
// single receipt in the documented shape (constructed values, as in
// carrier/testdata/bulksmsrates).

var benchBody = []byte(`{"message_id":"msg_550e8400e29b41d4","to":"+447700900000","status":"DELIVRD","error_code":"000","submitted_at":"2025-02-14T10:30:00Z","delivered_at":"2025-02-14T10:30:02Z","network":"EE UK","segments":1,"cost":0.0300,"currency":"GBP"}`)

func benchHandlers() map[string]http.Handler {
	secret := []byte("bench-secret")
	return map[string]http.Handler{
		"bare": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			w.WriteHeader(http.StatusOK)
		}),
		"full": &webhook.Handler{
			Provider: "bulksmsrates",
			Verifier: webhook.BSR{Secrets: [][]byte{secret}},
			Sink:     func(context.Context, []dlr.Receipt) error { return nil },
		},
		// The handler without the decoder's cost: what verification and the
		// handler's own work add.
		"nodecode": &webhook.Handler{
			Provider: "bulksmsrates",
			Verifier: webhook.BSR{Secrets: [][]byte{secret}},
			Sink:     func(context.Context, []dlr.Receipt) error { return nil },
			Decode:   func([]byte, carrier.Meta) ([]dlr.Receipt, error) { return fixed, nil },
		},
	}
}

var fixed = []dlr.Receipt{{MessageID: "b7a1c2d3-0000-4000-8000-00000000abcd"}}

func benchSig() string { return webhook.Sign([]byte("bench-secret"), benchBody) }

type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *discardWriter) WriteHeader(code int)        { w.code = code }

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

// BenchmarkHandler calls ServeHTTP directly: the handler's own cost.
func BenchmarkHandler(b *testing.B) {
	hs := benchHandlers()
	for _, name := range []string{"bare", "nodecode", "full"} {
		b.Run("h="+name, func(b *testing.B) {
			h := hs[name]
			r := httptest.NewRequest("POST", "http://dlr.example.com/bsr", nil)
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set(webhook.BSRHeader, benchSig())
			rd := bytes.NewReader(benchBody)
			r.Body = readCloser{rd}
			r.ContentLength = int64(len(benchBody))
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			b.SetBytes(int64(len(benchBody)))
			for b.Loop() {
				rd.Reset(benchBody)
				clear(w.h)
				h.ServeHTTP(w, r)
				if w.code != http.StatusOK {
					b.Fatalf("status %d", w.code)
				}
			}
		})
	}
}

// BenchmarkHandlerLoopback sends the request through a real server on
// 127.0.0.1 with a keep-alive client: what a provider's request costs end
// to end.
func BenchmarkHandlerLoopback(b *testing.B) {
	hs := benchHandlers()
	for _, name := range []string{"bare", "full"} {
		b.Run("h="+name, func(b *testing.B) {
			srv := httptest.NewServer(hs[name])
			defer srv.Close()
			client := srv.Client()
			sig := benchSig()
			b.ReportAllocs()
			b.SetBytes(int64(len(benchBody)))
			for b.Loop() {
				req, _ := http.NewRequest("POST", srv.URL+"/bsr", bytes.NewReader(benchBody))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set(webhook.BSRHeader, sig)
				res, err := client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					b.Fatalf("status %d", res.StatusCode)
				}
			}
		})
	}
}

// BenchmarkHandlerPaired sends the same request through three real servers
// on 127.0.0.1 — bare, nodecode and full — rotating which goes first, and
// reports the median time of each and the overheads against bare in
// percent.
func BenchmarkHandlerPaired(b *testing.B) {
	hs := benchHandlers()
	names := []string{"bare", "nodecode", "full"}
	urls := make([]string, len(names))
	for i, n := range names {
		srv := httptest.NewServer(hs[n])
		defer srv.Close()
		urls[i] = srv.URL
	}
	tr := &http.Transport{MaxIdleConnsPerHost: 2}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	sig := benchSig()
	send := func(u string) time.Duration {
		start := time.Now()
		req, _ := http.NewRequest("POST", u+"/bsr", bytes.NewReader(benchBody))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(webhook.BSRHeader, sig)
		res, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			b.Fatalf("status %d", res.StatusCode)
		}
		return time.Since(start)
	}
	for _, u := range urls {
		send(u) // open the connections before timing
	}
	times := make([][]time.Duration, len(names))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		for j := range names {
			k := (i + j) % len(names)
			times[k] = append(times[k], send(urls[k]))
		}
	}
	// Medians: a noisy neighbour's pause hits single requests, not the
	// typical one.
	med := make([]time.Duration, len(names))
	for k, n := range names {
		med[k] = median(times[k])
		b.ReportMetric(float64(med[k].Nanoseconds()), n+"-ns/req")
	}
	b.ReportMetric(100*float64(med[1]-med[0])/float64(med[0]), "nodecode-overhead-%")
	b.ReportMetric(100*float64(med[2]-med[0])/float64(med[0]), "full-overhead-%")
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}
