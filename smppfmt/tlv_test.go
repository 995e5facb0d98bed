package smppfmt

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/errcode"
)

func TestNetworkErrorCode(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		value []byte
		ns    errcode.Namespace
		code  errcode.Code
		raw   string
		ok    bool
	}{
		// Forms seen in real PDUs (smpp-receipts notes, TLV section).
		{"GSM 0x0020 (telenordigital Myanmar PDU)", []byte{3, 0, 0x20}, errcode.MAP, errcode.Code{Namespace: errcode.MAP, Value: 32}, "030020", true},
		{"GSM 0 (Jasmin #117 PDU)", []byte{3, 0, 0}, errcode.MAP, errcode.Code{Namespace: errcode.MAP, Value: 0}, "030000", true},
		{"type 8 (Grameenphone PDU)", []byte{8, 0, 0x7D}, errcode.MAP, errcode.Code{Namespace: errcode.MessageCenter, Value: 125}, "08007d", true},
		{"ASCII 000 (Jasmin PDU, Kannel's bogus SMSC case)", []byte("000"), errcode.MAP, errcode.Code{Namespace: errcode.MAP, Value: 0}, "000", true},
		{"ASCII in the caller's namespace", []byte("21"), errcode.Kannel, errcode.Code{Namespace: errcode.Kannel, Value: 21}, "21", true},
		{"type 7 SMPP error", []byte{7, 0, 0x45}, errcode.MAP, errcode.Code{Namespace: errcode.SMPP, Value: 0x45}, "070045", true},
		{"16-bit code", []byte{3, 0xFF, 0xFF}, errcode.MAP, errcode.Code{Namespace: errcode.MAP, Value: 0xFFFF}, "03ffff", true},
		{"reserved type 0", []byte{0, 0, 1}, errcode.MAP, errcode.Code{}, "000001", false},
		{"reserved type 9", []byte{9, 0, 1}, errcode.MAP, errcode.Code{}, "090001", false},
		{"two octets", []byte{3, 1}, errcode.MAP, errcode.Code{}, "0301", false},
		{"empty", nil, errcode.MAP, errcode.Code{}, "", false},
		{"ASCII too long for a code", []byte("99999999999"), errcode.MAP, errcode.Code{}, "3939393939393939393939", false},
		{"ASCII above 32 bits", []byte("9999999999"), errcode.MAP, errcode.Code{}, "9999999999", false},
	}
	for _, c := range cases {
		code, raw, ok := NetworkErrorCode(c.value, c.ns)
		require.Equal(t, c.code, code, c.name)
		require.Equal(t, c.raw, raw, c.name)
		require.Equal(t, c.ok, ok, c.name)
	}
}

func TestReadTLVs(t *testing.T) {
	t.Parallel()
	pdu := []byte{
		0x00, 0x1E, 0x00, 0x04, 'a', 'b', 'c', 0, // receipted_message_id
		0x14, 0x54, 0x00, 0x00, // empty vendor TLV
		0x04, 0x27, 0x00, 0x01, 0x02, // message_state
		0x04, 0x24, 0x00, 0x02, 'h', 'i', // message_payload
		0x04, 0x23, 0x00, 0x03, 3, 0, 1, // network_error_code
	}
	var got tlvs
	require.NoError(t, readTLVs(pdu, 0, &got))
	require.Equal(t, "abc", string(got.id))
	require.True(t, got.hasState)
	require.Equal(t, byte(2), got.state)
	require.Equal(t, 16, got.stateOff)
	require.Equal(t, "hi", string(got.payload))
	require.Equal(t, 21, got.payloadOff)
	require.Equal(t, []byte{3, 0, 1}, got.nec)
	require.Equal(t, []tlvField{{0x1454, []byte{}}}, got.other)

	// An empty receipted_message_id says nothing.
	var empty tlvs
	require.NoError(t, readTLVs([]byte{0x00, 0x1E, 0x00, 0x01, 0}, 0, &empty))
	require.False(t, empty.hasID)
}

func TestTLVKey(t *testing.T) {
	t.Parallel()
	require.Equal(t, "tlv:0x1454", tlvKey(0x1454))
	require.Equal(t, "tlv:0x000e", tlvKey(0x000E))
	require.Equal(t, "tlv:0xffff", tlvKey(0xFFFF))
	require.Equal(t, "message_state", tlvName(TagMessageState))
}
