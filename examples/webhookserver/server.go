package main

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/examples/internal/deliveryreport"
	"github.com/dlrkit/dlrkit/examples/internal/receiptjson"
)

// provider is the only provider this server receives from.
const provider = "bulksmsrates"

// tracker holds every message's merged receipts.
type tracker struct {
	mu  sync.Mutex
	rep *deliveryreport.Report
}

func newTracker() *tracker { return &tracker{rep: deliveryreport.New()} }

// observe stores receipts; it is the callback handler's sink.
func (t *tracker) observe(_ context.Context, receipts []dlr.Receipt) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, r := range receipts {
		t.rep.Add(r)
	}
	return nil
}

func (t *tracker) message(id string) (dlr.Receipt, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.rep.Message(provider, id)
}

func (t *tracker) summary() deliveryreport.Summary {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.rep.Summary()
}

// routes returns the server's handler.
func routes(secret []byte, t *tracker) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/webhooks/"+provider, callbackHandler(secret, t.observe))
	mux.HandleFunc("GET /messages/{id}", func(w http.ResponseWriter, r *http.Request) {
		m, ok := t.message(r.PathValue("id"))
		if !ok {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "no receipt for this message id"})
			return
		}
		writeJSON(w, http.StatusOK, receiptjson.New(m, nil))
	})
	mux.HandleFunc("GET /report", func(w http.ResponseWriter, r *http.Request) {
		s := t.summary()
		switch r.URL.Query().Get("format") {
		case "", "json":
			writeJSON(w, http.StatusOK, s)
		case "text":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			_ = s.WriteText(w)
		default:
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "format must be json or text"})
		}
	})
	return mux
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
