package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/status"
	"github.com/dlrkit/dlrkit/webhook"
)

const testSecret = "whsec_test"

// fixture reads a BulkSMSRates payload of the carrier package's fixtures
// (constructed from the shapes the BulkSMSRates webhook documentation
// describes; see carrier/testdata/bulksmsrates/SOURCE).
func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "carrier", "testdata", "bulksmsrates", name))
	require.NoError(t, err)
	return string(b)
}

// lateEnroute is constructed in the same shape: an intermediate receipt for
// msg_abc124 that arrives after its UNDELIV.
const lateEnroute = `{"message_id":"msg_abc124","to":"+447700900001","status":"ENROUTE","error_code":null,"submitted_at":"2024-01-15T10:29:55Z"}`

// TestSignVector pins the signature the tests send to a vector computed
// with `printf %s BODY | openssl dgst -sha256 -hmac whsec_test`.
func TestSignVector(t *testing.T) {
	t.Parallel()
	body := []byte(`{"message_id":"msg_abc123","status":"DELIVRD"}`)
	want := "sha256=d27e7826143829e5a3703ed9b91e4d227b9ace04caf822bf20a0dbda40463961"
	require.Equal(t, want, webhook.Sign([]byte(testSecret), body))
}

// startServer runs the program on 127.0.0.1:0 and returns its base URL; the
// server is stopped, and its exit code checked, at cleanup.
func startServer(t *testing.T, secret string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	done := make(chan int, 1)
	stderr := &syncBuffer{}
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, secret, stderr, ready) }()
	var addr net.Addr
	select {
	case addr = <-ready:
	case code := <-done:
		t.Fatalf("server exited with %d: %s", code, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			require.Equal(t, 0, code, "stderr: %s", stderr.String())
		case <-time.After(15 * time.Second):
			t.Error("server did not shut down")
		}
	})
	return "http://" + addr.String(), stderr
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func request(t *testing.T, method, url, body, signature string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if signature != "" {
		req.Header.Set(webhook.BSRHeader, signature)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var b bytes.Buffer
	_, err = b.ReadFrom(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, b.String()
}

func post(t *testing.T, url, body, signature string) (int, string) {
	t.Helper()
	return request(t, http.MethodPost, url+"/webhooks/bulksmsrates", body, signature)
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	return request(t, http.MethodGet, url, "", "")
}

// TestRejects checks every refusal, over a real server on 127.0.0.1, and
// that nothing refused is tracked.
func TestRejects(t *testing.T) {
	t.Parallel()
	url, stderr := startServer(t, testSecret)
	secret := []byte(testSecret)
	documented := fixture(t, "event_delivery_report.json")

	cases := []struct {
		name, method, body, sig string
		want                    int
	}{
		{"no signature", http.MethodPost, documented, "", http.StatusUnauthorized},
		{"another secret", http.MethodPost, documented, webhook.Sign([]byte("wrong"), []byte(documented)), http.StatusUnauthorized},
		{"body changed after signing", http.MethodPost, documented + " ", webhook.Sign(secret, []byte(documented)), http.StatusUnauthorized},
		{"not sha256=", http.MethodPost, documented, strings.TrimPrefix(webhook.Sign(secret, []byte(documented)), "sha256="), http.StatusUnauthorized},
		{"over 1 MiB", http.MethodPost, strings.Repeat(" ", webhook.DefaultMaxBody+1), "", http.StatusRequestEntityTooLarge},
		{"PUT", http.MethodPut, documented, webhook.Sign(secret, []byte(documented)), http.StatusMethodNotAllowed},
		{"DELETE", http.MethodDelete, "", "", http.StatusMethodNotAllowed},
		{"not a receipt", http.MethodPost, "this is not a receipt", webhook.Sign(secret, []byte("this is not a receipt")), http.StatusBadRequest},
		{"no message id", http.MethodPost, fixture(t, "missing_id.json"), webhook.Sign(secret, []byte(fixture(t, "missing_id.json"))), http.StatusBadRequest},
	}
	for _, c := range cases {
		code, _ := request(t, c.method, url+"/webhooks/bulksmsrates", c.body, c.sig)
		require.Equal(t, c.want, code, c.name)
	}
	require.Contains(t, stderr.String(), "refused: webhook: 401 Unauthorized: bsr: signature mismatch")

	code, body := get(t, url+"/messages/msg_abc123")
	require.Equal(t, http.StatusNotFound, code, "nothing was tracked")
	require.JSONEq(t, `{"error":"no receipt for this message id"}`, body)

	code, body = get(t, url+"/report")
	require.Equal(t, http.StatusOK, code)
	var s dlr.Summary
	require.NoError(t, json.Unmarshal([]byte(body), &s))
	require.Equal(t, 0, s.Messages, "refused callbacks track nothing")

	code, _ = get(t, url+"/report?format=xml")
	require.Equal(t, http.StatusBadRequest, code)
}

func TestWarnsWithoutSecret(t *testing.T) {
	t.Parallel()
	url, stderr := startServer(t, "")
	require.Contains(t, stderr.String(), "warning: no secret")
	// Unsigned callbacks are accepted then.
	code, resp := post(t, url, fixture(t, "realtime_delivered.json"), "")
	require.Equal(t, http.StatusOK, code, resp)
}

// TestTracksSignedReceipts posts signed receipts — one of each documented
// shape, a batch, a late intermediate receipt and a duplicate — and reads
// back each message and the report.
func TestTracksSignedReceipts(t *testing.T) {
	t.Parallel()
	url, _ := startServer(t, testSecret)
	secret := []byte(testSecret)
	documented := fixture(t, "event_delivery_report.json")
	for _, body := range []string{
		documented,
		fixture(t, "realtime_delivered.json"),
		lateEnroute, // before the batch with its UNDELIV …
		fixture(t, "batch_mixed.json"),
		lateEnroute, // … and after it: stale
		documented,  // a provider's retry
	} {
		code, resp := post(t, url, body, webhook.Sign(secret, []byte(body)))
		require.Equal(t, http.StatusOK, code, "%s: %s", body, resp)
	}

	type failure struct {
		Part    int `json:"part"`
		Receipt struct {
			RawError     string `json:"raw_error"`
			ErrorMessage string `json:"error_message"`
		} `json:"receipt"`
	}
	type state struct {
		ID       string    `json:"id"`
		To       string    `json:"to"`
		Status   string    `json:"status"`
		Parts    []string  `json:"parts"`
		Failures []failure `json:"failures"`
	}
	undeliv := failure{Part: 1}
	undeliv.Receipt.RawError = "027"
	undeliv.Receipt.ErrorMessage = "Absent subscriber"
	for _, want := range []state{
		{ID: "msg_abc123", To: "+447700900000", Status: "DELIVRD", Parts: []string{"DELIVRD"}},
		{ID: "msg_550e8400e29b41d4", To: "+447700900000", Status: "DELIVRD", Parts: []string{"DELIVRD"}},
		{ID: "msg_abc124", To: "+447700900001", Status: "UNDELIV", Parts: []string{"UNDELIV"}, Failures: []failure{undeliv}},
		{ID: "msg_abc125", To: "+447700900002", Status: "ENROUTE", Parts: []string{"ENROUTE"}},
	} {
		code, body := get(t, url+"/messages/"+want.ID)
		require.Equal(t, http.StatusOK, code, want.ID)
		var got state
		require.NoError(t, json.Unmarshal([]byte(body), &got), body)
		require.Empty(t, cmp.Diff(want, got), body)
	}

	code, body := get(t, url+"/report")
	require.Equal(t, http.StatusOK, code)
	var s dlr.Summary
	require.NoError(t, json.Unmarshal([]byte(body), &s))
	require.Equal(t, 4, s.Messages)
	require.Equal(t, 3, s.Final)
	require.Equal(t, 2, s.Delivered)
	require.Equal(t, []dlr.StatusCount{{Status: status.Enroute, Count: 1}, {Status: status.Undeliverable, Count: 1}, {Status: status.Delivered, Count: 2}}, s.Statuses)
	require.Len(t, s.TopErrors, 1)
	require.Equal(t, dlr.ErrorCount{Code: "bulksmsrates:27", Count: 1}, dlr.ErrorCount{Code: s.TopErrors[0].Code, Count: s.TopErrors[0].Count})

	code, text := get(t, url+"/report?format=text")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, s.String(), text)
	require.Contains(t, text, "Messages: 4   final: 3   delivered: 2\n")
}

func TestUsage(t *testing.T) {
	t.Parallel()
	var stderr syncBuffer
	require.Equal(t, 2, run(context.Background(), []string{"-bogus"}, "", &stderr, nil))
	require.Equal(t, 2, run(context.Background(), []string{"extra"}, "", &stderr, nil))
	require.Equal(t, 1, run(context.Background(), []string{"-addr", "127.0.0.1:-1"}, "", &stderr, nil))
}

// TestSinkSkipsReceiptsWithoutID feeds the sink directly: a receipt the
// tracker cannot take is logged and skipped, the others are tracked.
func TestSinkSkipsReceiptsWithoutID(t *testing.T) {
	t.Parallel()
	var tr dlr.Tracker
	var logs bytes.Buffer
	err := track(&tr, []dlr.Receipt{
		{Status: status.Delivered, RawStatus: "DELIVRD"},
		{MessageID: "m1", Status: status.Delivered},
	}, &logger{w: &logs})
	require.NoError(t, err)
	require.Contains(t, logs.String(), "skipped a receipt without message id")
	st, ok, err := tr.Get("m1")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, status.Delivered, st.Status)

	rec := httptest.NewRecorder()
	routes(nil, &tr, &logs).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/messages/m1", nil))
	require.Equal(t, http.StatusMethodNotAllowed, rec.Code)
}
