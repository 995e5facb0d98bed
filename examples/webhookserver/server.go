package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/webhook"
)

// provider is the only provider this server receives from.
const provider = "bulksmsrates"

// routes returns the server's handler: the callback endpoint, fed into tr,
// and the read-only views of tr. An empty secret accepts unsigned
// callbacks. Refused callbacks and receipts that cannot be tracked are
// logged to logw.
func routes(secret []byte, tr *dlr.Tracker, logw io.Writer) http.Handler {
	log := &logger{w: logw}
	var verifier webhook.Verifier = webhook.Unsigned{}
	if len(secret) > 0 {
		verifier = webhook.BSR{Secrets: [][]byte{secret}}
	}
	mux := http.NewServeMux()
	mux.Handle("/webhooks/"+provider, &webhook.Handler{
		Provider: provider,
		Verifier: verifier,
		Sink: func(_ context.Context, receipts []dlr.Receipt) error {
			return track(tr, receipts, log)
		},
		Reject: func(_ context.Context, _ []byte, err error) {
			log.printf("refused: %v", err)
		},
		OnWarning: func(_ context.Context, _ []dlr.Receipt, err error) {
			log.printf("accepted with a warning: %v", err)
		},
	})
	mux.HandleFunc("GET /messages/{id}", func(w http.ResponseWriter, r *http.Request) {
		st, ok, err := tr.Get(r.PathValue("id"))
		switch {
		case err != nil:
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		case !ok:
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "no receipt for this message id"})
		default:
			writeJSON(w, http.StatusOK, st)
		}
	})
	mux.HandleFunc("GET /report", func(w http.ResponseWriter, r *http.Request) {
		format := r.URL.Query().Get("format")
		if format != "" && format != "json" && format != "text" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "format must be json or text"})
			return
		}
		s, err := tr.Summarize()
		if err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
			return
		}
		if format == "text" {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			_ = s.WriteText(w)
			return
		}
		writeJSON(w, http.StatusOK, s)
	})
	return mux
}

// track applies receipts to tr. A receipt the tracker can never take (no
// message id) is logged and skipped: refusing it would only make the
// provider send it again. Any other error, a store failure, is returned so
// that the handler answers 503 and the provider retries; applying a receipt
// twice is harmless.
func track(tr *dlr.Tracker, receipts []dlr.Receipt, log *logger) error {
	for _, r := range receipts {
		if _, err := tr.Observe(r); err != nil {
			if errors.Is(err, dlr.ErrNoID) {
				log.printf("skipped a receipt without message id (status %q)", r.RawStatus)
				continue
			}
			return err
		}
	}
	return nil
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// logger writes one line per event; requests run concurrently.
type logger struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *logger) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, "webhookserver: "+format+"\n", args...)
}
