package main

import (
	"encoding/binary"
	"errors"
	"net"
	"sync"
)

// SMPP command ids of the PDUs that carry receipts (SMPP 3.4 §5.1.2.1).
const (
	cmdDeliverSM = 0x00000005
	cmdDataSM    = 0x00000103
)

// maxPDU bounds a PDU the splitter keeps. message_payload may hold 64 KiB;
// anything larger is not a receipt.
const maxPDU = 70 << 10

// maxPending bounds the receipt PDUs kept and not yet taken.
const maxPending = 4096

// headerLen is the SMPP PDU header: command_length, command_id,
// command_status, sequence_number.
const headerLen = 16

// teeConn is a net.Conn that also hands every byte it reads to a splitter,
// so that the receiver sees the exact bytes of each deliver_sm and data_sm:
// gosmpp gives parsed structs only, and re-marshalling them changes TLV order
// and loses an unknown data_coding.
type teeConn struct {
	net.Conn
	split *splitter
}

func (c *teeConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if n > 0 {
		c.split.write(b[:n])
	}
	return n, err
}

// splitter cuts a byte stream into PDUs by command_length and keeps the
// receipt-carrying ones by sequence number until they are taken.
type splitter struct {
	mu      sync.Mutex
	buf     []byte
	skip    int // bytes of an oversized PDU still to drop
	broken  error
	pending map[uint32][]byte
}

func newSplitter() *splitter { return &splitter{pending: map[uint32][]byte{}} }

var errFraming = errors.New("smppreceiver: stream framing lost (command_length below 16)")

func (s *splitter) write(b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken != nil {
		return
	}
	if s.skip > 0 {
		n := min(s.skip, len(b))
		s.skip -= n
		b = b[n:]
	}
	s.buf = append(s.buf, b...)
	for len(s.buf) >= headerLen {
		n := int(binary.BigEndian.Uint32(s.buf[0:4]))
		if n < headerLen {
			// gosmpp fails on this stream too; stop keeping bytes.
			s.broken = errFraming
			s.buf = nil
			return
		}
		id := binary.BigEndian.Uint32(s.buf[4:8])
		keep := id == cmdDeliverSM || id == cmdDataSM
		if n > maxPDU || !keep {
			if len(s.buf) >= n {
				s.buf = s.buf[n:]
				continue
			}
			s.skip = n - len(s.buf)
			s.buf = s.buf[:0]
			return
		}
		if len(s.buf) < n {
			return
		}
		seq := binary.BigEndian.Uint32(s.buf[12:16])
		if len(s.pending) >= maxPending {
			// PDUs gosmpp could not parse are never taken; do not keep
			// them for ever.
			clear(s.pending)
		}
		s.pending[seq] = append([]byte(nil), s.buf[:n]...)
		s.buf = s.buf[n:]
	}
	if len(s.buf) == 0 {
		s.buf = nil // let a large buffer go
	}
}

// reset forgets everything, for a new connection.
func (s *splitter) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buf, s.skip, s.broken = nil, 0, nil
	clear(s.pending)
}

// take returns and forgets the bytes of the receipt PDU with sequence
// number seq.
func (s *splitter) take(seq uint32) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.pending[seq]
	delete(s.pending, seq)
	return b, ok
}
