package smppfmt_test

import (
	"errors"
	"fmt"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/smppfmt"
)

func ExampleCanonicalID() {
	// The submit_sm_resp gave the id in hex; the receipt text carries it in
	// zero-padded decimal (0059113978 = 0x38601fa). A Tracker that stores
	// ids canonically matches the two.
	tr := dlr.Tracker{CanonicalID: smppfmt.CanonicalID}
	_ = tr.Expect(dlr.Message{ID: "38601FA"})
	r, _ := smppfmt.Parse([]byte("id:0059113978 sub:001 dlvrd:001 submit date:1002101730 done date:1002101731 stat:DELIVRD err:000 text:"))
	c, _ := tr.Observe(r)
	fmt.Println(c.MessageID, c.Status)

	for _, id := range []string{"0059113978", "38601FA", "0E999F21-6D4A-4E31-9C37-1C6A1D2B9F00", "SAR-1-2"} {
		fmt.Println(smppfmt.CanonicalID(id))
	}
	// Output:
	// 38601fa DELIVRD
	// 38601fa
	// 38601fa
	// 0e999f21-6d4a-4e31-9c37-1c6a1d2b9f00
	// SAR-1-2
}

func ExampleDecodeText() {
	// UCS-2 (data_coding 8), Latin-1 (3), and the SMSC default alphabet
	// (0, read as GSM 03.38) with a C terminator the SMSC left behind.
	ucs2 := []byte{0x04, 0x1F, 0x04, 0x40, 0x04, 0x38, 0x04, 0x32, 0x04, 0x35, 0x04, 0x42}
	fmt.Println(smppfmt.DecodeText(8, ucs2))
	fmt.Println(smppfmt.DecodeText(3, []byte("Gr\xfc\xdfe")))
	fmt.Println(smppfmt.DecodeText(0, []byte("Hello\x00")))
	// Octets outside the character set become U+FFFD, and say so.
	fmt.Println(smppfmt.DecodeText(0, []byte{'A', 0x84}))
	// Output:
	// Привет false
	// Grüße false
	// Hello false
	// A� true
}

func ExampleNetworkErrorCode() {
	// The network_error_code TLV (0x0423): GSM (type 3), code 0x0020 = 32,
	// read as a MAP code; and an SMSC that sends ASCII digits instead.
	for _, v := range [][]byte{{0x03, 0x00, 0x20}, {0x08, 0x00, 0x7D}, []byte("000")} {
		code, raw, ok := smppfmt.NetworkErrorCode(v, errcode.MAP)
		info, known := errcode.Lookup(code)
		fmt.Printf("%s %s %v known:%v %q\n", code, raw, ok, known, info.Name)
	}
	// Output:
	// map:32 030020 true known:true "sm-DeliveryFailure"
	// message-center:125 08007d true known:false ""
	// map:0 000 true known:true "noError"
}

func ExampleIsPartial() {
	// A well-formed receipt with a vendor status word: the receipt is
	// usable (UNKNOWN, the word kept raw), the error says what was not
	// understood.
	r, err := smppfmt.Parse([]byte("id:77 stat:PARKED err:000"))
	fmt.Println(r.MessageID, r.Status, r.RawStatus, smppfmt.IsPartial(err))

	// Not a receipt at all: no partial result.
	_, err = smppfmt.Parse([]byte("hello"))
	fmt.Println(smppfmt.IsPartial(err), errors.Is(err, smppfmt.ErrNotReceipt))
	// Output:
	// 77 UNKNOWN PARKED true
	// false true
}
