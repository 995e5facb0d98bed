package fuzz

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/smppfmt"
)

// pduFile is one of smppfmt's PDU fixtures: "#" comment lines (the source
// and what the PDU is) and the PDU as hex on the remaining lines.
type pduFile struct {
	name string
	pdu  []byte
}

func readPDUs(tb testing.TB) []pduFile {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "smppfmt", "testdata", "pdu", "*.hex"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no PDU fixtures: %v", err)
	}
	sort.Strings(paths)
	var out []pduFile
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		var hx strings.Builder
		sc := bufio.NewScanner(bytes.NewReader(raw))
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			hx.WriteString(line)
		}
		pdu, err := hex.DecodeString(hx.String())
		if err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		if len(pdu) < 16 || binary.BigEndian.Uint32(pdu) != uint32(len(pdu)) {
			tb.Fatalf("%s: command_length does not match the fixture", p)
		}
		out = append(out, pduFile{filepath.Base(p), pdu})
	}
	return out
}

// pduLayout holds the offsets of the fields a mutation targets, or -1.
type pduLayout struct {
	esmClass, dataCoding, smLength, tlvStart int
	tlvs                                     []int // offset of each TLV's tag
}

// cstring returns the offset after the NUL of the C-octet string at i, or -1.
func cstring(b []byte, i int) int {
	if i < 0 || i > len(b) {
		return -1
	}
	n := bytes.IndexByte(b[i:], 0)
	if n < 0 {
		return -1
	}
	return i + n + 1
}

// layout walks a deliver_sm or data_sm by SMPP 3.4 §4.6.1 and §4.7.1 and
// reports whether every length in it adds up: command_length equals the
// size, every C-octet string ends inside the PDU, short_message fits, and
// the TLVs tile the rest exactly. It is the test's own reading,
// independent of smppfmt's.
func layout(b []byte) (pduLayout, bool) {
	l := pduLayout{esmClass: -1, dataCoding: -1, smLength: -1, tlvStart: -1}
	if len(b) < 16 || binary.BigEndian.Uint32(b) != uint32(len(b)) {
		return l, false
	}
	cmd := binary.BigEndian.Uint32(b[4:])
	i := cstring(b, 16) // service_type
	if i < 0 {
		return l, false
	}
	i = cstring(b, i+2) // source_addr_ton, _npi, source_addr
	if i < 0 {
		return l, false
	}
	i = cstring(b, i+2) // dest_addr_ton, _npi, destination_addr
	if i < 0 {
		return l, false
	}
	switch cmd {
	case smppfmt.CommandDeliverSM:
		if i+3 > len(b) {
			return l, false
		}
		l.esmClass = i
		i = cstring(b, i+3) // esm_class, protocol_id, priority_flag, schedule_delivery_time
		i = cstring(b, i)   // validity_period
		if i < 0 || i+5 > len(b) {
			return l, false
		}
		l.dataCoding, l.smLength = i+2, i+4
		i += 5 + int(b[i+4])
	case smppfmt.CommandDataSM:
		if i+3 > len(b) {
			return l, false
		}
		l.esmClass, l.dataCoding = i, i+2
		i += 3
	default:
		return l, false
	}
	if i > len(b) {
		return l, false
	}
	l.tlvStart = i
	for i < len(b) {
		if i+4 > len(b) {
			return l, false
		}
		l.tlvs = append(l.tlvs, i)
		i += 4 + int(binary.BigEndian.Uint16(b[i+2:]))
	}
	return l, i == len(b)
}

func put32(b []byte, v uint32) {
	if len(b) >= 4 {
		binary.BigEndian.PutUint32(b, v)
	}
}

// mutate applies the mutation program ops to a copy of pdu. Each operation
// is an opcode byte and two argument bytes (x, y):
//
//	0 set command_length to len+int8(x)      5 set sm_length to x
//	1 truncate to len-x-1                     6 set TLV #x's length to y (+256·(y&15) when y&128)
//	2 append x copies of y                    7 xor the byte at x·len/256 with y|1
//	3 set esm_class to x                      8 set command_length to len (repair)
//	4 set data_coding to x                    9 set command_id to deliver_sm or data_sm (x&1)
//
// Offsets come from the original layout, before any operation, and an
// operation whose target is outside the PDU is skipped.
func mutate(pdu []byte, ops []byte) []byte {
	b := append([]byte(nil), pdu...)
	l, _ := layout(pdu)
	for len(ops) >= 3 && len(b) > 0 {
		op, x, y := ops[0]%10, ops[1], ops[2]
		ops = ops[3:]
		setAt := func(i int, v byte) {
			if i >= 0 && i < len(b) {
				b[i] = v
			}
		}
		switch op {
		case 0:
			put32(b, uint32(len(b)+int(int8(x))))
		case 1:
			if n := len(b) - int(x) - 1; n >= 0 {
				b = b[:n]
			}
		case 2:
			b = append(b, bytes.Repeat([]byte{y}, int(x))...)
		case 3:
			setAt(l.esmClass, x)
		case 4:
			setAt(l.dataCoding, x)
		case 5:
			setAt(l.smLength, x)
		case 6:
			if len(l.tlvs) > 0 {
				i := l.tlvs[int(x)%len(l.tlvs)] + 2
				hi := byte(0)
				if y&0x80 != 0 {
					hi = y & 0x0f // lengths of several hundred bytes
				}
				setAt(i, hi)
				setAt(i+1, y)
			}
		case 7:
			i := int(x) * len(b) / 256
			b[i] ^= y | 1
		case 8:
			put32(b, uint32(len(b)))
		case 9:
			if len(b) >= 8 {
				binary.BigEndian.PutUint32(b[4:], []uint32{smppfmt.CommandDeliverSM, smppfmt.CommandDataSM}[x&1])
			}
		}
	}
	return b
}

// FuzzDecodePDUMutated mutates smppfmt's real PDU fixtures (see mutate) and
// checks DecodePDU: it never panics; an error is a *smppfmt.PDUError; a PDU
// it accepts (no error, or a partial one) has a command_length equal to its
// size and lengths that add up by the test's own walk of the PDU (so no
// receipt comes from inconsistent lengths), an esm_class whose message type
// is a receipt (0x04 or 0x20), a non-empty MessageID, which is the
// receipted_message_id TLV when that holds one, and Source.Format smpp-pdu.
func FuzzDecodePDUMutated(f *testing.F) {
	pdus := readPDUs(f)
	// Every fixture unchanged: the baseline each mutation starts from.
	for i := range pdus {
		f.Add(uint8(i), []byte{})
	}
	// command_length one more and one less than the size.
	f.Add(uint8(1), []byte{0, 1, 0})
	f.Add(uint8(1), []byte{0, 0xff, 0})
	// Truncated by one byte, lengths not repaired and repaired.
	f.Add(uint8(2), []byte{1, 0, 0})
	f.Add(uint8(2), []byte{1, 0, 0, 8, 0, 0})
	// Three bytes appended with a repaired command_length (trailing junk
	// too short for a TLV header).
	f.Add(uint8(2), []byte{2, 3, 0, 8, 0, 0})
	// sm_length one too large and zero, command_length repaired.
	f.Add(uint8(2), []byte{5, 0x7b, 0, 8, 0, 0})
	f.Add(uint8(2), []byte{5, 0, 0, 8, 0, 0})
	// A TLV length that overruns the end, and one set to zero.
	f.Add(uint8(2), []byte{6, 0, 0xff})
	f.Add(uint8(2), []byte{6, 2, 0})
	// esm_class without the receipt bit, and with SMPP 5.0's
	// intermediate-notification bits; data_coding UCS-2 over ASCII text.
	f.Add(uint8(2), []byte{3, 0, 0})
	f.Add(uint8(2), []byte{3, 0x24, 0})
	f.Add(uint8(2), []byte{4, 8, 0})
	// receipted_message_id "18d0e03 " (a byte of it turned into a space):
	// MessageID keeps it as sent, trailing space and all.
	f.Add(uint8(2), []byte{7, 0xf8, 'A'})
	// A deliver_sm relabelled data_sm: the fields no longer line up.
	f.Add(uint8(2), []byte{9, 1, 0})
	f.Fuzz(func(t *testing.T, which uint8, ops []byte) {
		if len(ops) > 48 {
			ops = ops[:48]
		}
		p := mutate(pdus[int(which)%len(pdus)].pdu, ops)
		r, err := smppfmt.DecodePDU(p)
		if err != nil {
			var pe *smppfmt.PDUError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *smppfmt.PDUError", err, err)
			}
			if !smppfmt.IsPartial(err) {
				return
			}
		}
		if got := binary.BigEndian.Uint32(p); got != uint32(len(p)) {
			t.Fatalf("accepted a PDU of %d bytes with command_length %d: % x", len(p), got, p)
		}
		l, ok := layout(p)
		if !ok {
			t.Fatalf("accepted a PDU whose lengths do not add up (err %v): % x", err, p)
		}
		if r.MessageID == "" {
			t.Fatalf("accepted a receipt without a message id (err %v): % x", err, p)
		}
		if kind := p[l.esmClass] & 0x3C; kind != 0x04 && kind != 0x20 {
			t.Fatalf("accepted esm_class %#02x, whose message type is not a receipt: % x", p[l.esmClass], p)
		}
		if r.Source.Format != dlr.FormatSMPPPDU {
			t.Fatalf("Source.Format %q, want %q", r.Source.Format, dlr.FormatSMPPPDU)
		}
		// receipted_message_id, when present and not empty, is the id as
		// sent (spaces too), without its C terminator.
		for _, i := range l.tlvs {
			if binary.BigEndian.Uint16(p[i:]) != smppfmt.TagReceiptedMessageID {
				continue
			}
			v := strings.TrimRight(string(p[i+4:i+4+int(binary.BigEndian.Uint16(p[i+2:]))]), "\x00")
			if v != "" && !strings.ContainsRune(v, 0) && r.MessageID != v {
				t.Fatalf("MessageID %q, receipted_message_id %q: % x", r.MessageID, v, p)
			}
			break
		}
	})
}

// TestPDULayout checks the test's own walk of a PDU on the fixtures, so
// that FuzzDecodePDUMutated's consistency check is not vacuous: every
// fixture adds up, and a changed sm_length (with command_length repaired)
// does not.
func TestPDULayout(t *testing.T) {
	t.Parallel()
	accepted := 0
	for _, pf := range readPDUs(t) {
		l, ok := layout(pf.pdu)
		if !ok {
			t.Errorf("%s: lengths do not add up", pf.name)
			continue
		}
		if _, err := smppfmt.DecodePDU(pf.pdu); err == nil {
			accepted++
		}
		if l.smLength >= 0 {
			if _, ok := layout(mutate(pf.pdu, []byte{5, pf.pdu[l.smLength] + 1, 0, 8, 0, 0})); ok {
				t.Errorf("%s: sm_length+1 still adds up", pf.name)
			}
		}
	}
	if accepted == 0 {
		t.Fatal("no fixture decodes as a receipt")
	}
}
