package smppfmt_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/smppfmt"
)

func ExampleParse() {
	// The receipt text of a real deliver_sm (Cloudhopper's DeliveryReceiptTest).
	text := []byte("id:0059113978 sub:001 dlvrd:001 submit date:1002101730 done date:1002101731 stat:DELIVRD err:000 text:@$#!%&/:")
	r, err := smppfmt.Parse(text)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.MessageID, r.Status, r.Status.Final(), r.RawError, r.Error)
	fmt.Println(r.SubmittedAt.Format(time.DateTime), r.DoneAt.Format(time.DateTime), r.Text)
	// Output:
	// 0059113978 DELIVRD true 000 map:0
	// 2010-02-10 17:30:00 2010-02-10 17:31:00 @$#!%&/:
}

func ExampleParse_errors() {
	// A status word nobody documents: the receipt is still usable.
	r, err := smppfmt.Parse([]byte("id:42 stat:NACK err:000"))
	fmt.Println(r.MessageID, r.Status, r.RawStatus)
	fmt.Println(err, errors.Is(err, smppfmt.ErrUnknownStatus), smppfmt.IsPartial(err))

	// No message id: not usable.
	_, err = smppfmt.Parse([]byte("sub:001 dlvrd:001 stat:DELIVRD"))
	var pe *smppfmt.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Offset, pe.Field, errors.Is(err, smppfmt.ErrMissing), smppfmt.IsPartial(err))
	}

	// Cloudhopper's strict mode refuses a four-digit err.
	_, err = (&smppfmt.Parser{Strict: true}).Parse([]byte(
		"id:1 sub:001 dlvrd:001 submit date:1803150852 done date:1803150852 stat:DELIVRD err:0000 text:"))
	fmt.Println(err)
	// Output:
	// 42 UNKNOWN NACK
	// smppfmt: byte 11 (stat): unknown status word "NACK" true true
	// 30 id true false
	// smppfmt: byte 84 (err): not allowed in strict mode "0000"
}

func ExampleParseFields() {
	// Fields out of order, no sub or dlvrd, a NUL terminator, an unknown pair.
	f, err := smppfmt.ParseFields([]byte("stat:DELIVRD id:74e02ee1 err: 0 mcc:242 Text:Hi there\x00"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q %q %q %q %q\n", f.ID, f.Stat, f.Err, f.Sub, f.Text)
	fmt.Println(f.Extra)
	// Output:
	// "74e02ee1" "DELIVRD" "0" "" "Hi there"
	// [{mcc 242}]
}

func ExampleFormat() {
	f := smppfmt.Fields{ID: "0123456789", Sub: "001", Dlvrd: "001", SubmitDate: "1005232039",
		DoneDate: "1005242339", Stat: "DELIVRD", Err: "012", Text: "This is a sample mes"}
	text := smppfmt.Format(f)
	fmt.Println(string(text))
	back, _ := smppfmt.ParseFields(text)
	fmt.Println(back.ID == f.ID && back.Text == f.Text)
	// Output:
	// id:0123456789 sub:001 dlvrd:001 submit date:1005232039 done date:1005242339 stat:DELIVRD err:012 text:This is a sample mes
	// true
}

func ExampleParser() {
	// An SMSC that writes its local time in Berlin (winter, UTC+1), and err
	// as SMPP command_status numbers.
	berlin := time.FixedZone("CET", 3600)
	p := smppfmt.Parser{Location: berlin, Namespace: errcode.SMPP}
	r, _ := p.Parse([]byte("id:1 done date:2502141030 stat:UNDELIV err:011"))
	fmt.Println(r.DoneAt.UTC().Format(time.DateTime), r.Status, r.Error)
	// Output:
	// 2025-02-14 09:30:00 UNDELIV smpp:11
}
