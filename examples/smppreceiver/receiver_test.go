package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/linxGnu/gosmpp/pdu"

	"github.com/dlrkit/dlrkit/dlr"
)

// smscEvent is one JSON line of smsc/smsc.js.
type smscEvent struct {
	Event    string `json:"event"`
	Port     int    `json:"port"`
	Sent     int    `json:"sent"`
	Case     string `json:"case"`
	Command  string `json:"command"`
	Sequence uint32 `json:"sequence"`
	Hex      string `json:"hex"`
	Expect   expect `json:"expect"`
}

// expect is what the SMSC put in a receipt, in the receipt's terms.
type expect struct {
	MessageID   string  `json:"message_id"`
	Status      string  `json:"status"`
	To          string  `json:"to"`
	From        string  `json:"from"`
	SubmittedAt string  `json:"submitted_at"`
	DoneAt      string  `json:"done_at"`
	Submitted   int     `json:"submitted"`
	Delivered   int     `json:"delivered"`
	Text        string  `json:"text"`
	RawError    *string `json:"raw_error"` // every case states it ("" for none)
	Error       *string `json:"error"`     // "namespace:value", "" for none; every case states it
}

// syncBuffer collects the node process's stderr for failure messages.
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

// TestAgainstNodeSMPP runs the receiver against node-smpp acting as the
// SMSC and compares what the SMSC sent with what smppfmt decoded, field by
// field.
func TestAgainstNodeSMPP(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("skipping: node is not installed; the loopback test needs node and node-smpp")
	}
	dir := "smsc"
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "smpp", "package.json")); err != nil {
		msg := "examples/smppreceiver/smsc/node_modules is missing; run `npm ci` there (.ci/setup does)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg) // in CI the dependencies must be there: never skip silently
		}
		t.Skip("skipping: " + msg)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)

	var stderr syncBuffer
	cmd := exec.CommandContext(ctx, node, "smsc.js")
	cmd.Dir = dir
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("smsc stderr:\n%s", stderr.String())
		}
	})

	events := make(chan smscEvent, 64)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var e smscEvent
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
				e = smscEvent{Event: "bad line: " + sc.Text()}
			}
			events <- e
		}
	}()
	next := func() smscEvent {
		t.Helper()
		select {
		case e, ok := <-events:
			if !ok {
				t.Fatalf("smsc exited early; stderr:\n%s", stderr.String())
			}
			return e
		case <-ctx.Done():
			t.Fatalf("timed out waiting for the smsc")
		}
		panic("unreachable")
	}

	first := next()
	require.Equal(t, "listening", first.Event)

	results := make(chan result, 256)
	rctx, rcancel := context.WithCancel(ctx)
	recvDone := make(chan error, 1)
	go func() {
		recvDone <- receive(rctx, settings{
			Addr:     fmt.Sprintf("127.0.0.1:%d", first.Port),
			SystemID: "dlrkit-test",
			Password: "secret",
		}, func(r result) { results <- r })
	}()

	var sent []smscEvent
	for {
		e := next()
		if e.Event == "done" {
			require.Equal(t, len(sent), e.Sent)
			break
		}
		require.Equal(t, "sent", e.Event)
		sent = append(sent, e)
	}
	got := map[uint32]result{}
	for len(got) < len(sent) {
		select {
		case r := <-results:
			got[r.Sequence] = r
		case err := <-recvDone:
			t.Fatalf("receiver stopped early: %v", err)
		case <-ctx.Done():
			t.Fatalf("timed out: received %d of %d receipts", len(got), len(sent))
		}
	}
	rcancel()
	select {
	case err := <-recvDone:
		require.NoError(t, err)
	case <-ctx.Done():
		t.Fatal("receiver did not stop")
	}

	// The SMSC sends every case of smsc.js; a case that does not state the
	// error would leave two fields uncompared.
	require.Len(t, sent, 24)
	for _, e := range sent {
		t.Run(e.Case, func(t *testing.T) {
			require.NotNil(t, e.Expect.RawError, "the case states raw_error")
			require.NotNil(t, e.Expect.Error, "the case states error")
			r, ok := got[e.Sequence]
			require.True(t, ok, "no result for sequence %d", e.Sequence)
			require.Equal(t, e.Command, r.Command)
			// The bytes smppfmt sees are the bytes the SMSC sent.
			require.True(t, r.Exact, "raw bytes were not captured from the wire")
			require.Equal(t, e.Hex, hex.EncodeToString(r.Raw))
			crossCheck(t, r.Raw, e.Expect)
			require.NoError(t, r.Err)
			if diff := cmp.Diff(e.Expect, observed(r.Receipt, e.Expect)); diff != "" {
				t.Errorf("receipt differs from what the SMSC sent (-sent +decoded):\n%s", diff)
			}
			require.Equal(t, dlr.FormatSMPPPDU, r.Receipt.Source.Format)
		})
	}
}

// observed puts r in the terms of want; RawError and Error are filled only
// where want states them.
func observed(r dlr.Receipt, want expect) expect {
	out := expect{
		MessageID:   r.MessageID,
		Status:      r.Status.String(),
		To:          r.To,
		From:        r.From,
		SubmittedAt: rfc3339(r.SubmittedAt),
		DoneAt:      rfc3339(r.DoneAt),
		Submitted:   r.Submitted,
		Delivered:   r.Delivered,
		Text:        r.Text,
	}
	if want.RawError != nil {
		s := r.RawError
		out.RawError = &s
	}
	if want.Error != nil {
		s := r.Error.String()
		out.Error = &s
	}
	return out
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// crossCheck holds the SMSC's expectations against gosmpp's own reading of
// the same bytes, so that a wrong expectation in smsc.js shows up as such
// and not as a decoding bug: addresses, the text (decoded by gosmpp where
// it knows the data_coding), and the receipted_message_id TLV.
func crossCheck(t *testing.T, raw []byte, want expect) {
	t.Helper()
	p, err := pdu.Parse(bytes.NewReader(raw))
	require.NoError(t, err)
	var (
		src, dst string
		text     []byte
		tlvs     map[pdu.Tag]pdu.Field
	)
	switch d := p.(type) {
	case *pdu.DeliverSM:
		src, dst, tlvs = d.SourceAddr.Address(), d.DestAddr.Address(), d.OptionalParameters
		if d.Message.Encoding() != nil {
			s, err := d.Message.GetMessage()
			require.NoError(t, err)
			text = []byte(s)
		} else {
			text, _ = d.Message.GetMessageData() // 0xF0: GSM default alphabet, ASCII here
		}
	case *pdu.DataSM:
		src, dst, tlvs = d.SourceAddr.Address(), d.DestAddr.Address(), d.OptionalParameters
		if f, ok := tlvs[pdu.TagMessagePayload]; ok {
			text = f.Data
		}
	default:
		t.Fatalf("unexpected PDU %T", p)
	}
	require.Equal(t, want.To, src, "the receipt's source_addr is the original recipient")
	require.Equal(t, want.From, dst, "the receipt's destination_addr is the original sender")
	if want.Text != "" {
		require.Contains(t, string(text), "text:"+want.Text)
	}
	if f, ok := tlvs[pdu.TagReceiptedMessageID]; ok {
		require.Equal(t, want.MessageID, f.String(), "the TLV id is the receipt's id")
	} else if len(text) > 0 {
		require.Contains(t, string(text), "id:"+want.MessageID)
	}
}
