package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/linxGnu/gosmpp"
	"github.com/linxGnu/gosmpp/pdu"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/smppfmt"
)

// settings are the receiver's knobs.
type settings struct {
	Addr        string // SMSC host:port
	SystemID    string
	Password    string
	SystemType  string
	Transceiver bool          // bind as transceiver instead of receiver
	Rebind      time.Duration // wait between rebinds; <= 0 disables rebinding
	Parser      smppfmt.Parser
}

// result is what came of one deliver_sm or data_sm.
type result struct {
	Sequence uint32
	Command  string // "deliver_sm" or "data_sm"
	Raw      []byte // the PDU as received (or re-marshalled, see exact)
	Exact    bool   // Raw are the bytes from the wire
	Receipt  dlr.Receipt
	Err      error // from smppfmt, or why the PDU could not be decoded
}

// errUnknownCoding is returned when the wire bytes of a PDU are missing and
// gosmpp has no encoding for its data_coding: re-marshalling would write
// data_coding 0 and change the text's meaning.
var errUnknownCoding = errors.New("smppreceiver: raw PDU unavailable and gosmpp does not know its data_coding")

// receive binds to the SMSC and calls sink for every deliver_sm and
// data_sm until ctx is done or, with rebinding disabled, the SMSC closes the
// session. gosmpp has answered each PDU (deliver_sm_resp, data_sm_resp)
// before sink runs, so sink should not block for long. sink is called from
// one goroutine at a time.
func receive(ctx context.Context, s settings, sink func(result)) error {
	split := newSplitter()
	dial := func(addr string) (net.Conn, error) {
		var d net.Dialer
		c, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			return nil, err
		}
		split.reset()
		return &teeConn{Conn: c, split: split}, nil
	}
	auth := gosmpp.Auth{SMSC: s.Addr, SystemID: s.SystemID, Password: s.Password, SystemType: s.SystemType}
	connector := gosmpp.RXConnector(dial, auth)
	if s.Transceiver {
		connector = gosmpp.TRXConnector(dial, auth)
	}
	closed := make(chan gosmpp.State, 1)
	var (
		mu         sync.Mutex
		receiveErr error
	)
	session, err := gosmpp.NewSession(connector, gosmpp.Settings{
		// ReadTimeout must exceed EnquireLink; the SMSC's own
		// enquire_link or ours keeps the session readable.
		EnquireLink: time.Minute,
		ReadTimeout: 3 * time.Minute,
		OnPDU: func(p pdu.PDU, _ bool) {
			if r, ok := decode(p, split, &s.Parser); ok {
				sink(r)
			}
		},
		OnReceivingError: func(err error) {
			mu.Lock()
			receiveErr = err
			mu.Unlock()
		},
		OnClosed: func(st gosmpp.State) {
			select {
			case closed <- st:
			default:
			}
		},
	}, s.Rebind)
	if err != nil {
		return fmt.Errorf("smppreceiver: bind to %s: %w", s.Addr, err)
	}
	defer session.Close()
	for {
		select {
		case <-ctx.Done():
			return nil
		case st := <-closed:
			if s.Rebind > 0 {
				continue // gosmpp rebinds by itself
			}
			if st == gosmpp.UnbindClosing {
				return nil
			}
			mu.Lock()
			err := receiveErr
			mu.Unlock()
			if err != nil {
				return fmt.Errorf("smppreceiver: session closed (%s): %w", st.String(), err)
			}
			return fmt.Errorf("smppreceiver: session closed (%s)", st.String())
		}
	}
}

// decode turns a deliver_sm or data_sm into a result; it reports false for
// other PDUs.
func decode(p pdu.PDU, split *splitter, parser *smppfmt.Parser) (result, bool) {
	var r result
	switch pd := p.(type) {
	case *pdu.DeliverSM:
		r.Command = "deliver_sm"
		// gosmpp v0.3.1 leaves the encoding nil for a data_coding it
		// does not know (0xF0…, 0x05, 0x10): never call methods on it.
		if pd.Message.Encoding() == nil {
			r.Err = errUnknownCoding
		}
	case *pdu.DataSM:
		r.Command = "data_sm" // data_coding is a plain byte here
	default:
		return result{}, false
	}
	r.Sequence = uint32(p.GetSequenceNumber())
	if raw, ok := split.take(r.Sequence); ok {
		r.Raw, r.Exact, r.Err = raw, true, nil
	} else if r.Err == nil {
		buf := pdu.NewBuffer(nil)
		p.Marshal(buf)
		r.Raw = buf.Bytes()
	}
	if r.Err == nil {
		r.Receipt, r.Err = parser.DecodePDU(r.Raw)
	}
	return r, true
}
