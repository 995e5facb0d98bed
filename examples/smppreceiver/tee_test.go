package main

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/linxGnu/gosmpp/pdu"
	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/smppfmt"
)

// rawPDU builds a PDU with the given command id, sequence number and body.
func rawPDU(id, seq uint32, body []byte) []byte {
	b := make([]byte, headerLen, headerLen+len(body))
	binary.BigEndian.PutUint32(b[0:4], uint32(headerLen+len(body)))
	binary.BigEndian.PutUint32(b[4:8], id)
	binary.BigEndian.PutUint32(b[12:16], seq)
	return append(b, body...)
}

// deliverBody is a constructed deliver_sm body with the given data_coding
// and short_message.
func deliverBody(dataCoding byte, sm string) []byte {
	var b []byte
	b = append(b, 0)                            // service_type ""
	b = append(b, 1, 1)                         // source ton, npi
	b = append(b, "447700900123\x00"...)        // source_addr
	b = append(b, 0, 0)                         // dest ton, npi
	b = append(b, "DLRKIT\x00"...)              // destination_addr
	b = append(b, 0x04, 0, 0)                   // esm_class (receipt), protocol_id, priority_flag
	b = append(b, 0, 0)                         // schedule_delivery_time, validity_period ""
	b = append(b, 0, 0)                         // registered_delivery, replace_if_present_flag
	b = append(b, dataCoding, 0, byte(len(sm))) // data_coding, sm_default_msg_id, sm_length
	return append(b, sm...)
}

func TestSplitter(t *testing.T) {
	t.Parallel()
	deliver := rawPDU(cmdDeliverSM, 7, deliverBody(0, "id:1 stat:DELIVRD"))
	data := rawPDU(cmdDataSM, 8, []byte{0, 0, 0})
	enquire := rawPDU(0x00000015, 9, nil)
	huge := make([]byte, maxPDU+1)
	binary.BigEndian.PutUint32(huge[0:4], uint32(len(huge)))
	binary.BigEndian.PutUint32(huge[4:8], cmdDeliverSM)
	binary.BigEndian.PutUint32(huge[12:16], 10)
	after := rawPDU(cmdDeliverSM, 11, deliverBody(0, "id:2 stat:UNDELIV"))

	var stream []byte
	for _, p := range [][]byte{deliver, enquire, data, huge, after} {
		stream = append(stream, p...)
	}
	tests := []struct {
		name  string
		chunk int
	}{
		{"whole", len(stream)},
		{"byte by byte", 1},
		{"odd chunks", 7},
		{"header split", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newSplitter()
			for i := 0; i < len(stream); i += tt.chunk {
				s.write(stream[i:min(i+tt.chunk, len(stream))])
			}
			got, ok := s.take(7)
			require.True(t, ok)
			require.Equal(t, deliver, got)
			got, ok = s.take(8)
			require.True(t, ok)
			require.Equal(t, data, got)
			_, ok = s.take(9)
			require.False(t, ok, "enquire_link is not kept")
			_, ok = s.take(10)
			require.False(t, ok, "an oversized PDU is not kept")
			got, ok = s.take(11)
			require.True(t, ok, "the PDU after an oversized one is kept")
			require.Equal(t, after, got)
			_, ok = s.take(7)
			require.False(t, ok, "take forgets")
		})
	}
}

func TestSplitterBrokenFraming(t *testing.T) {
	t.Parallel()
	s := newSplitter()
	bad := rawPDU(cmdDeliverSM, 1, nil)
	binary.BigEndian.PutUint32(bad[0:4], 3)
	s.write(bad)
	s.write(rawPDU(cmdDeliverSM, 2, deliverBody(0, "id:1 stat:DELIVRD")))
	_, ok := s.take(2)
	require.False(t, ok)
	s.reset()
	s.write(rawPDU(cmdDeliverSM, 2, deliverBody(0, "id:1 stat:DELIVRD")))
	_, ok = s.take(2)
	require.True(t, ok, "a new connection starts afresh")
}

// TestDecodeUnknownCodingWithoutRawBytes checks the guard for gosmpp
// v0.3.1's nil encoding: without the wire bytes, a deliver_sm with a
// data_coding gosmpp does not know is reported, not re-marshalled with
// data_coding 0 (and the nil encoding is never used).
func TestDecodeUnknownCodingWithoutRawBytes(t *testing.T) {
	t.Parallel()
	raw := rawPDU(cmdDeliverSM, 5, deliverBody(0xF0, "id:1 stat:DELIVRD"))
	p, err := pdu.Parse(bytes.NewReader(raw))
	require.NoError(t, err)
	d, ok := p.(*pdu.DeliverSM)
	require.True(t, ok)
	require.Nil(t, d.Message.Encoding(), "gosmpp v0.3.1 has no encoding for 0xF0")

	r, ok := decode(p, newSplitter(), &smppfmt.Parser{})
	require.True(t, ok)
	require.ErrorIs(t, r.Err, errUnknownCoding)
	require.False(t, r.Exact)

	// With the wire bytes the PDU goes to smppfmt unchanged.
	s := newSplitter()
	s.write(raw)
	r, ok = decode(p, s, &smppfmt.Parser{})
	require.True(t, ok)
	require.True(t, r.Exact)
	require.Equal(t, raw, r.Raw)
	require.NotErrorIs(t, r.Err, errUnknownCoding)
}

func TestDecodeIgnoresOtherPDUs(t *testing.T) {
	t.Parallel()
	_, ok := decode(pdu.NewEnquireLink(), newSplitter(), &smppfmt.Parser{})
	require.False(t, ok)
}
