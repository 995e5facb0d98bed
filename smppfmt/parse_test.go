package smppfmt

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/status"
)

// Every case names where the receipt or the quirk was seen. "constructed"
// marks inputs written for the test.
var fieldsTests = []struct {
	name, in string
	want     Fields
}{
	{
		// twitter-archive/cloudhopper-smpp DeliveryReceiptTest.parseShortMessage
		name: "appendix B",
		in:   "id:0123456789 sub:002 dlvrd:001 submit date:1005232039 done date:1005242339 stat:DELIVRD err:012 text:This is a sample mes",
		want: Fields{ID: "0123456789", Sub: "002", Dlvrd: "001", SubmitDate: "1005232039", DoneDate: "1005242339", Stat: "DELIVRD", Err: "012", Text: "This is a sample mes"},
	},
	{
		// cloudhopper DeliveryReceiptTest: "example receipt from smsc simulator (checks case sensitivity)"
		name: "Text: upper case",
		in:   "id:4 sub:001 dlvrd:001 submit date:1006020051 done date:1006020051 stat:DELIVRD err:000 Text:Hello",
		want: Fields{ID: "4", Sub: "001", Dlvrd: "001", SubmitDate: "1006020051", DoneDate: "1006020051", Stat: "DELIVRD", Err: "000", Text: "Hello"},
	},
	{
		// cloudhopper DeliveryReceiptTest.parseRealWorldReceipt0 (text of a real deliver_sm)
		name: "text ends with colon",
		in:   "id:0059113978 sub:001 dlvrd:001 submit date:1002101730 done date:1002101731 stat:DELIVRD err:000 text:@$#!%&/:",
		want: Fields{ID: "0059113978", Sub: "001", Dlvrd: "001", SubmitDate: "1002101730", DoneDate: "1002101731", Stat: "DELIVRD", Err: "000", Text: "@$#!%&/:"},
	},
	{
		// cloudhopper DeliveryReceiptTest.parseReceiptWithFieldsOutOfOrder
		name: "any order, empty text before stat",
		in:   "sub:001 id:74e02ee1-4e2f-4a6e-a78b-4b247d756a22 err:000 dlvrd:001 done date:110206193110 submit date:110206193041 text: stat:DELIVRD",
		want: Fields{ID: "74e02ee1-4e2f-4a6e-a78b-4b247d756a22", Sub: "001", Dlvrd: "001", SubmitDate: "110206193041", DoneDate: "110206193110", Stat: "DELIVRD", Err: "000"},
	},
	{
		// cloudhopper DeliveryReceiptTest.parseReceiptWithMissingSubAndDlvrdFields (cloudhopper-smpp#105)
		name: "no sub, dlvrd, text; 14-digit dates; err:0",
		in:   "id:2E179B310EDE971B2760C72B7F026E1B submit date:20110314181534 done date:20110314181741 stat:DELIVRD err:0",
		want: Fields{ID: "2E179B310EDE971B2760C72B7F026E1B", SubmitDate: "20110314181534", DoneDate: "20110314181741", Stat: "DELIVRD", Err: "0"},
	},
	{
		// cloudhopper DeliveryReceiptTest.parseReceiptWithTimestampIncludingSeconds
		name: "empty text at end",
		in:   "id:74e02ee1-4e2f-4a6e-a78b-4b247d756a22 sub:001 dlvrd:001 submit date:110206193041 done date:110206193110 stat:DELIVRD err:000 text:",
		want: Fields{ID: "74e02ee1-4e2f-4a6e-a78b-4b247d756a22", Sub: "001", Dlvrd: "001", SubmitDate: "110206193041", DoneDate: "110206193110", Stat: "DELIVRD", Err: "000"},
	},
	{
		// opentelecoms-org/jsmpp DeliveryReceiptParserTest.parseWithNoTextAttribute:
		// words without text: are kept, not glued to err.
		name: "trailing words without text key",
		in:   "id:0123456789 sub:001 dlvrd:001 submit date:0809011130 done date:0809011131 stat:DELIVRD err:000 testing jsmpp bow",
		want: Fields{ID: "0123456789", Sub: "001", Dlvrd: "001", SubmitDate: "0809011130", DoneDate: "0809011131", Stat: "DELIVRD", Err: "000",
			Extra: []dlr.Field{{Value: "testing jsmpp bow"}}},
	},
	{
		// praekeltfoundation/vumi tests: "sub:null dlvrd:null … err:null"
		name: "null placeholders",
		in:   "id:foo sub:null dlvrd:null submit date:200101010030 done date:200101020030 stat:DELIVRD err:null text:Meep",
		want: Fields{ID: "foo", SubmitDate: "200101010030", DoneDate: "200101020030", Stat: "DELIVRD", Text: "Meep"},
	},
	{
		// praekeltfoundation/vumi tests: DR_TEMPLATE "sub:... dlvrd:... … err:..."
		name: "... placeholders",
		in:   "id:123 sub:... dlvrd:... submit date:200101010030 done date:200101020030 stat:DELIVRD err:... text:Meep",
		want: Fields{ID: "123", SubmitDate: "200101010030", DoneDate: "200101020030", Stat: "DELIVRD", Text: "Meep"},
	},
	{
		// praekeltfoundation/vumi tests: DR_MINIMAL_TEMPLATE
		name: "minimal",
		in:   "id:abc stat:DELIVRD text:Meep",
		want: Fields{ID: "abc", Stat: "DELIVRD", Text: "Meep"},
	},
	{
		// smpp-receipts reference: status only
		name: "status only",
		in:   "stat:DELIVRD",
		want: Fields{Stat: "DELIVRD"},
	},
	{
		// smpp-receipts reference: no err/text ("… done date:1605021145 stat:DELIVRD")
		name: "no err, no text",
		in:   "id:1526758174 sub:001 dlvrd:001 submit date:1605021145 done date:1605021145 stat:DELIVRD",
		want: Fields{ID: "1526758174", Sub: "001", Dlvrd: "001", SubmitDate: "1605021145", DoneDate: "1605021145", Stat: "DELIVRD"},
	},
	{
		// smpp-receipts reference: no sub/dlvrd ("id:1526758174 submit date:… stat:DELIVRD err:000 text:hellow")
		name: "no sub, dlvrd",
		in:   "id:1526758174 submit date:1605021145 done date:1605021146 stat:DELIVRD err:000 text:hellow",
		want: Fields{ID: "1526758174", SubmitDate: "1605021145", DoneDate: "1605021146", Stat: "DELIVRD", Err: "000", Text: "hellow"},
	},
	{
		// smpp-receipts reference: empty value "sub: dlvrd:1"
		name: "empty value before key",
		in:   "id:1 sub: dlvrd:1 stat:DELIVRD",
		want: Fields{ID: "1", Dlvrd: "1", Stat: "DELIVRD"},
	},
	{
		// onlinecity/php-smpp#29: "err: 0" with a space
		name: "space after colon",
		in:   "id:1 stat: DELIVRD err: 0 text: hi",
		want: Fields{ID: "1", Stat: "DELIVRD", Err: "0", Text: "hi"},
	},
	{
		// onlinecity/php-smpp#70 (err:0000: SKYTELECOM, India, Luxembourg)
		name: "four-digit err",
		in:   "id:1 sub:001 dlvrd:001 submit date:1803150852 done date:1803150852 stat:DELIVRD err:0000 text:",
		want: Fields{ID: "1", Sub: "001", Dlvrd: "001", SubmitDate: "1803150852", DoneDate: "1803150852", Stat: "DELIVRD", Err: "0000"},
	},
	{
		// twitter-archive/cloudhopper-smpp#40 and PR #42: err is a string ("21b")
		name: "non-numeric err",
		in:   "id:1 stat:UNDELIV err:21b",
		want: Fields{ID: "1", Stat: "UNDELIV", Err: "21b"},
	},
	{
		// smpp-receipts reference: "err:123 stat:DND_REJECTED" (Jasmin's \w{7} cuts it)
		name: "DND_REJECTED after err",
		in:   "id:5 err:123 stat:DND_REJECTED",
		want: Fields{ID: "5", Err: "123", Stat: "DND_REJECTED"},
	},
	{
		// kneodev/ksmppd#108: done date rewritten, stat: label lost
		name: "bare stat word",
		in:   "id:1 done date:180903120816 DELIVRD err:000",
		want: Fields{ID: "1", DoneDate: "180903120816", Stat: "DELIVRD", Err: "000"},
	},
	{
		// kneodev/ksmppd#108: the operator's receipt as quoted there
		name: "bare stat word, real",
		in:   "id:ce5bc5a9-4f7d-4282-9244-2e1022a9335c sub:000 dlvrd:000 submit date:180903120815 done date:180903120816 DELIVRD err:000 Text:",
		want: Fields{ID: "ce5bc5a9-4f7d-4282-9244-2e1022a9335c", Sub: "000", Dlvrd: "000", SubmitDate: "180903120815", DoneDate: "180903120816", Stat: "DELIVRD", Err: "000"},
	},
	{
		// kneodev/ksmppd#63: a 30-digit id (Kannel log line)
		name: "30-digit id",
		in:   "id:171026125222636445993424531920 sub:001 dlvrd:001 submit date:171026130350 done date:171026130355 stat:DELIVRD err:000 text:",
		want: Fields{ID: "171026125222636445993424531920", Sub: "001", Dlvrd: "001", SubmitDate: "171026130350", DoneDate: "171026130355", Stat: "DELIVRD", Err: "000"},
	},
	{
		// constructed: two bare status words are ambiguous, both stay in Extra
		name: "two bare stat words",
		in:   "id:1 DELIVRD UNDELIV err:000",
		want: Fields{ID: "1", Err: "000", Extra: []dlr.Field{{Value: "DELIVRD"}, {Value: "UNDELIV"}}},
	},
	{
		// constructed: a labelled stat wins; the bare word stays in Extra
		name: "bare word beside stat",
		in:   "id:1 EXPIRED stat:DELIVRD",
		want: Fields{ID: "1", Stat: "DELIVRD", Extra: []dlr.Field{{Value: "EXPIRED"}}},
	},
	{
		// smpp-receipts reference: submit_date/done_date/txt with ';' (CNGP/SMGP gateways, wujunjenny/smgw pattern)
		name: "aliases and semicolons",
		in:   "id:1;submit_date:2302231414;done_date:2302231420;stat:DELIVRD;err:000;txt:hi there",
		want: Fields{ID: "1", SubmitDate: "2302231414", DoneDate: "2302231420", Stat: "DELIVRD", Err: "000", Text: "hi there"},
	},
	{
		// constructed: keys in any case (Cloudhopper lower-cases the text)
		name: "keys in upper case",
		in:   "ID:1 SUB:001 DLVRD:001 SUBMIT DATE:2302231414 Done Date:2302231420 STAT:delivrd ERR:000 TEXT:x",
		want: Fields{ID: "1", Sub: "001", Dlvrd: "001", SubmitDate: "2302231414", DoneDate: "2302231420", Stat: "delivrd", Err: "000", Text: "x"},
	},
	{
		// smpp-receipts reference: text with double space "a11  END"
		name: "text keeps inner spaces",
		in:   "id:1 stat:DELIVRD err:000 text:a11  END",
		want: Fields{ID: "1", Stat: "DELIVRD", Err: "000", Text: "a11  END"},
	},
	{
		// smpp-receipts reference: "GW250 MCC=270 MNC=1 BillingMNC=1"
		name: "text with = pairs",
		in:   "id:1 stat:DELIVRD err:000 text:GW250 MCC=270 MNC=1 BillingMNC=1",
		want: Fields{ID: "1", Stat: "DELIVRD", Err: "000", Text: "GW250 MCC=270 MNC=1 BillingMNC=1"},
	},
	{
		// constructed (the shape of the second benchmark input): text holding ": " and "stat:" after every field was read
		name: "keys inside text after all fields",
		in:   "id:0e999f21-5bd5-4c6f-9a5b-8e8c3f2b7a10 sub:001 dlvrd:001 submit date:250214103000 done date:250214103512 stat:DELIVRD err:000 text:Re: stat: ok id:5",
		want: Fields{ID: "0e999f21-5bd5-4c6f-9a5b-8e8c3f2b7a10", Sub: "001", Dlvrd: "001", SubmitDate: "250214103000", DoneDate: "250214103512", Stat: "DELIVRD", Err: "000", Text: "Re: stat: ok id:5"},
	},
	{
		// constructed: unknown key:value inside text stays text
		name: "unknown key inside text",
		in:   "id:1 text:Your code: 1234 stat:DELIVRD",
		want: Fields{ID: "1", Stat: "DELIVRD", Text: "Your code: 1234"},
	},
	{
		// constructed: a key of an absent field inside text, without the
		// shape of its value, stays text
		name: "absent key inside text",
		in:   "id:1 stat:DELIVRD text:your sub: none",
		want: Fields{ID: "1", Stat: "DELIVRD", Text: "your sub: none"},
	},
	{
		// constructed: text before err and stat ends at each plausible key
		name: "text before err and stat",
		in:   "id:1 text:code: 12 err:000 stat:DELIVRD",
		want: Fields{ID: "1", Stat: "DELIVRD", Err: "000", Text: "code: 12"},
	},
	{
		// smpp-receipts reference: trailing NUL (gosmpp simulator smsc.cpp, Telenor SE)
		name: "trailing NUL and newline",
		in:   "id:1 stat:DELIVRD err:000 text:x\r\n\x00",
		want: Fields{ID: "1", Stat: "DELIVRD", Err: "000", Text: "x"},
	},
	{
		// constructed: unknown pairs kept in order, repeated key kept
		name: "unknown keys and repeats",
		in:   "id:1 foo:bar stat:DELIVRD id:2 x-y.z:w err:000",
		want: Fields{ID: "1", Stat: "DELIVRD", Err: "000", Extra: []dlr.Field{{Key: "foo", Value: "bar"}, {Key: "id", Value: "2"}, {Key: "x-y.z", Value: "w"}}},
	},
	{
		// smpp-receipts reference: 16-character absolute time (funbox/smppex#46)
		name: "absolute time dates",
		in:   "id:1 submit date:180711070003912+ done date:180711070004012+ stat:DELIVRD",
		want: Fields{ID: "1", SubmitDate: "180711070003912+", DoneDate: "180711070004012+", Stat: "DELIVRD"},
	},
	{
		// smpp-receipts reference: 8-bit bytes and control characters in text (jookies/jasmin#937)
		name: "raw bytes in text",
		in:   "id:1 stat:DELIVRD err:000 text:\x84A\x89O\x04\x1a",
		want: Fields{ID: "1", Stat: "DELIVRD", Err: "000", Text: "\x84A\x89O\x04\x1a"},
	},
	{
		// smpp-receipts reference: leading-zero UUID and SAR-style ids (jookies/jasmin#643, #418)
		name: "id shapes",
		in:   "id:SAR-2347039245475-1EEDF843-2-1 stat:ENROUTE",
		want: Fields{ID: "SAR-2347039245475-1EEDF843-2-1", Stat: "ENROUTE"},
	},
	{
		// constructed: a colon in a scalar value without a space belongs to the value
		name: "colon inside scalar",
		in:   "id:a:b stat:DELIVRD",
		want: Fields{ID: "a:b", Stat: "DELIVRD"},
	},
	{
		// constructed: leading whitespace
		name: "leading whitespace",
		in:   " \t id:1 stat:DELIVRD",
		want: Fields{ID: "1", Stat: "DELIVRD"},
	},
}

func TestParseFields(t *testing.T) {
	t.Parallel()
	for _, tt := range fieldsTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseFields([]byte(tt.in))
			require.NoError(t, err)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ParseFields(%q) (-want +got):\n%s", tt.in, d)
			}
			// The slow reference parser agrees.
			slow, err := slowParseFields(tt.in)
			require.NoError(t, err)
			if d := cmp.Diff(tt.want, slow); d != "" {
				t.Errorf("slowParseFields(%q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func utcTime(y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
}

func TestParse(t *testing.T) {
	t.Parallel()
	src := dlr.Source{Format: dlr.FormatSMPPText}
	tests := []struct {
		name, in string
		want     dlr.Receipt
	}{
		{
			// cloudhopper DeliveryReceiptTest.parseShortMessage
			name: "appendix B",
			in:   "id:0123456789 sub:002 dlvrd:001 submit date:1005232039 done date:1005242339 stat:DELIVRD err:012 text:This is a sample mes",
			want: dlr.Receipt{MessageID: "0123456789", Status: status.Delivered, RawStatus: "DELIVRD",
				Error: errcode.Code{Namespace: errcode.MAP, Value: 12}, RawError: "012",
				SubmittedAt: utcTime(2010, 5, 23, 20, 39, 0), DoneAt: utcTime(2010, 5, 24, 23, 39, 0),
				Submitted: 2, Delivered: 1, Text: "This is a sample mes", Source: src},
		},
		{
			// cloudhopper parseReceiptWithMissingSubAndDlvrdFields: 14-digit dates
			name: "14-digit dates",
			in:   "id:2E179B310EDE971B2760C72B7F026E1B submit date:20110314181534 done date:20110314181741 stat:DELIVRD err:0",
			want: dlr.Receipt{MessageID: "2E179B310EDE971B2760C72B7F026E1B", Status: status.Delivered, RawStatus: "DELIVRD",
				Error: errcode.Code{Namespace: errcode.MAP}, RawError: "0",
				SubmittedAt: utcTime(2011, 3, 14, 18, 15, 34), DoneAt: utcTime(2011, 3, 14, 18, 17, 41), Source: src},
		},
		{
			// Clickatell seconds (jookies/jasmin#70) and 10+12 digits in one receipt (smpp-receipts reference)
			name: "10 and 12 digits",
			in:   "id:7 submit date:2302231414 done date:230223194211 stat:DELIVRD",
			want: dlr.Receipt{MessageID: "7", Status: status.Delivered, RawStatus: "DELIVRD",
				SubmittedAt: utcTime(2023, 2, 23, 14, 14, 0), DoneAt: utcTime(2023, 2, 23, 19, 42, 11), Source: src},
		},
		{
			// Jasmin emits yyyyMMddHHmm (jookies/jasmin#753): only that reading is valid
			name: "yyyyMMddHHmm",
			in:   "id:7 submit date:201506201641 done date:201506201645 stat:DELIVRD",
			want: dlr.Receipt{MessageID: "7", Status: status.Delivered, RawStatus: "DELIVRD",
				SubmittedAt: utcTime(2015, 6, 20, 16, 41, 0), DoneAt: utcTime(2015, 6, 20, 16, 45, 0), Source: src},
		},
		{
			// Vumi tests: 200101010030 is valid both ways; yyMMddHHmmss puts the
			// dates 1 h apart, yyyyMMddHHmm 24 h apart.
			name: "ambiguous 12 digits, both",
			in:   "id:foo sub:null dlvrd:null submit date:200101010030 done date:200101020030 stat:DELIVRD err:null text:Meep",
			want: dlr.Receipt{MessageID: "foo", Status: status.Delivered, RawStatus: "DELIVRD",
				SubmittedAt: utcTime(2020, 1, 1, 1, 0, 30), DoneAt: utcTime(2020, 1, 1, 2, 0, 30), Text: "Meep", Source: src},
		},
		{
			// kneodev/ksmppd#108: bare DELIVRD, 12-digit dates with seconds
			name: "bare stat, real",
			in:   "id:ce5bc5a9-4f7d-4282-9244-2e1022a9335c sub:000 dlvrd:000 submit date:180903120815 done date:180903120816 DELIVRD err:000 Text:",
			want: dlr.Receipt{MessageID: "ce5bc5a9-4f7d-4282-9244-2e1022a9335c", Status: status.Delivered, RawStatus: "DELIVRD",
				Error: errcode.Code{Namespace: errcode.MAP}, RawError: "000",
				SubmittedAt: utcTime(2018, 9, 3, 12, 8, 15), DoneAt: utcTime(2018, 9, 3, 12, 8, 16), Source: src},
		},
		{
			// constructed: an ambiguous date is read nearest the other date
			name: "ambiguous 12 digits near a 10-digit date",
			in:   "id:1 submit date:2001010100 done date:200101010030 stat:DELIVRD",
			want: dlr.Receipt{MessageID: "1", Status: status.Delivered, RawStatus: "DELIVRD",
				SubmittedAt: utcTime(2020, 1, 1, 1, 0, 0), DoneAt: utcTime(2020, 1, 1, 1, 0, 30), Source: src},
		},
		{
			// constructed: the other reading is nearer here
			name: "ambiguous 12 digits, yyyy reading nearer",
			in:   "id:1 submit date:0101010029 done date:200101010030 stat:DELIVRD",
			want: dlr.Receipt{MessageID: "1", Status: status.Delivered, RawStatus: "DELIVRD",
				SubmittedAt: utcTime(2001, 1, 1, 0, 29, 0), DoneAt: utcTime(2001, 1, 1, 0, 30, 0), Source: src},
		},
		{
			// funbox/smppex#46: SMPP absolute time, offset in quarter hours
			name: "absolute time",
			in:   "id:1 submit date:180711070003912+ done date:180711070004012- stat:DELIVRD",
			want: dlr.Receipt{MessageID: "1", Status: status.Delivered, RawStatus: "DELIVRD",
				SubmittedAt: time.Date(2018, 7, 11, 4, 0, 3, 900e6, time.UTC), DoneAt: time.Date(2018, 7, 11, 10, 0, 4, 0, time.UTC), Source: src},
		},
		{
			// cloudhopper toShortMessageWith1DigitLongMessageId: zero dates mean none
			name: "zero dates",
			in:   "id:0000000001 sub:000 dlvrd:000 submit date:0000000000 done date:0000000000 stat:ENROUTE err:000 text:",
			want: dlr.Receipt{MessageID: "0000000001", Status: status.Enroute, RawStatus: "ENROUTE",
				Error: errcode.Code{Namespace: errcode.MAP}, RawError: "000", Source: src},
		},
		{
			// smpp-receipts reference: done earlier than submit is allowed
			name: "done before submit",
			in:   "id:1 submit date:1507011202 done date:1507011101 stat:DELIVRD",
			want: dlr.Receipt{MessageID: "1", Status: status.Delivered, RawStatus: "DELIVRD",
				SubmittedAt: utcTime(2015, 7, 1, 12, 2, 0), DoneAt: utcTime(2015, 7, 1, 11, 1, 0), Source: src},
		},
		{
			// twitter-archive/cloudhopper-smpp#40: err "21b" is kept, no code
			name: "err 21b",
			in:   "id:1 stat:UNDELIV err:21b",
			want: dlr.Receipt{MessageID: "1", Status: status.Undeliverable, RawStatus: "UNDELIV", RawError: "21b", Source: src},
		},
		{
			// onlinecity/php-smpp#70: err:0000 is never truncated
			name: "err 0000",
			in:   "id:1 stat:DELIVRD err:0000",
			want: dlr.Receipt{MessageID: "1", Status: status.Delivered, RawStatus: "DELIVRD",
				Error: errcode.Code{Namespace: errcode.MAP}, RawError: "0000", Source: src},
		},
		{
			// jookies/jasmin#760: DELIVRD with err:002 is still delivered
			name: "delivered with error",
			in:   "id:1 stat:DELIVRD err:002",
			want: dlr.Receipt{MessageID: "1", Status: status.Delivered, RawStatus: "DELIVRD",
				Error: errcode.Code{Namespace: errcode.MAP, Value: 2}, RawError: "002", Source: src},
		},
		{
			// opentelecoms-org/jsmpp#9: Mblox FAILED
			name: "FAILED",
			in:   "id:1 stat:FAILED err:001",
			want: dlr.Receipt{MessageID: "1", Status: status.Undeliverable, RawStatus: "FAILED",
				Error: errcode.Code{Namespace: errcode.MAP, Value: 1}, RawError: "001", Source: src},
		},
		{
			// constructed: extras go to Receipt.Extra
			name: "extras",
			in:   "id:1 stat:DELIVRD mcc:242 junk",
			want: dlr.Receipt{MessageID: "1", Status: status.Delivered, RawStatus: "DELIVRD", Source: src,
				Extra: []dlr.Field{{Key: "mcc", Value: "242"}, {Value: "junk"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse([]byte(tt.in))
			require.NoError(t, err)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func TestStatusWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word string
		want status.Status // status.Unknown with ok=false for unmapped words
		ok   bool
	}{
		// SMPP 3.4 Appendix B words, any case.
		{"DELIVRD", status.Delivered, true}, {"delivrd", status.Delivered, true},
		{"UNDELIV", status.Undeliverable, true}, {"REJECTD", status.Rejected, true},
		{"EXPIRED", status.Expired, true}, {"DELETED", status.Deleted, true},
		{"ACCEPTD", status.Accepted, true}, {"ENROUTE", status.Enroute, true},
		{"UNKNOWN", status.Unknown, true},
		// Full message_state names (simulators send DELIVERED), SMPP 5.0 states.
		{"DELIVERED", status.Delivered, true}, {"UNDELIVERABLE", status.Undeliverable, true},
		{"ACCEPTED", status.Accepted, true}, {"REJECTED", status.Rejected, true},
		{"SCHEDULED", status.Scheduled, true}, {"SKIPPED", status.Skipped, true},
		// Extras: Kannel handle_dlr, jsmpp#9, jasmin#447, vumi#897.
		{"FAILED", status.Undeliverable, true}, {"failed", status.Undeliverable, true},
		{"ACKED", status.Accepted, true}, {"BUFFRED", status.Enroute, true}, {"BUFFERD", status.Enroute, true},
		{"DND_REJECTED", status.Rejected, true}, {"UNDELVRD", status.Undeliverable, true},
		// message_state numbers (SMPP 3.4 §5.2.28).
		{"2", status.Delivered, true}, {"5", status.Undeliverable, true}, {"8", status.Rejected, true},
		// Not mapped: Yo!'s 0 (vumi: "TODO: investigate"), NACK, NOROUTE, junk.
		{"0", status.Unknown, false}, {"10", status.Unknown, false}, {"NACK", status.Unknown, false},
		{"NOROUTE", status.Unknown, false}, {"DELIVR", status.Unknown, false},
	}
	for _, tt := range tests {
		r, err := Parse([]byte("id:1 stat:" + tt.word))
		require.Equal(t, tt.want, r.Status, tt.word)
		require.Equal(t, tt.word, r.RawStatus)
		if tt.ok {
			require.NoError(t, err, tt.word)
			continue
		}
		require.ErrorIs(t, err, ErrUnknownStatus, tt.word)
		require.True(t, IsPartial(err))
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		require.Equal(t, FieldStat, pe.Field)
		require.Equal(t, tt.word, pe.Value)
		require.Equal(t, len("id:1 stat:"), pe.Offset)
	}
}

// TestErrors marks the expected offset with ‸ in the input.
func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		strict   bool
		field    string
		want     error
		partial  bool
	}{
		{"missing id", "sub:001 stat:DELIVRD‸", false, FieldID, ErrMissing, false},
		{"missing stat", "id:1 err:000 text:x‸\x00", false, FieldStat, ErrMissing, false},
		{"not a receipt", "‸hello world", false, "", ErrNotReceipt, false},
		{"empty", "‸", false, "", ErrNotReceipt, false},
		{"bad count", "id:1 sub:‸1x stat:DELIVRD", false, FieldSub, ErrCount, true},
		{"bad dlvrd", "id:1 dlvrd:‸-1 stat:DELIVRD", false, FieldDlvrd, ErrCount, true},
		{"bad month", "id:1 submit date:‸2513011200 stat:DELIVRD", false, FieldSubmitDate, ErrDate, true},
		{"bad length", "id:1 done date:‸25010112 stat:DELIVRD", false, FieldDoneDate, ErrDate, true},
		{"relative time", "id:1 done date:‸000001000000000R stat:DELIVRD", false, FieldDoneDate, ErrDate, true},
		{"unknown stat", "id:1 stat:‸NOPE", false, FieldStat, ErrUnknownStatus, true},
		// Cloudhopper strict mode (checkMissingFields, FIELD_ERR_MAX_LEN = 3).
		{"strict missing sub", "id:1 dlvrd:1 submit date:1005232039 done date:1005242339 stat:DELIVRD err:000‸", true, FieldSub, ErrMissing, false},
		{"strict long err", "id:1 sub:1 dlvrd:1 submit date:1005232039 done date:1005242339 stat:DELIVRD err:‸0000", true, FieldErr, ErrStrict, false},
		{"strict FAILED", "id:1 sub:1 dlvrd:1 submit date:1005232039 done date:1005242339 stat:‸FAILED err:000", true, FieldStat, ErrUnknownStatus, true},
		{"strict zero date", "id:1 sub:1 dlvrd:1 submit date:‸0000000000 done date:1005242339 stat:DELIVRD err:000", true, FieldSubmitDate, ErrDate, true},
		// cloudhopper DeliveryReceiptTest.parseShortMessageMissingFields: "txt:" is no key there
		{"strict txt", "id:0123456789 sub:002 dlvrd:001 submit date:1005232039 done date:1005242339 stat:DELIVRD err:012 ‸txt:This is a sample mes", true, "txt", ErrStrict, false},
		{"strict bare stat", "id:1 sub:1 dlvrd:1 submit date:1005232039 done date:1005242339 ‸DELIVRD err:000", true, "", ErrStrict, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			at := strings.Index(tt.in, "‸")
			in := strings.Replace(tt.in, "‸", "", 1)
			p := Parser{Strict: tt.strict}
			_, err := p.Parse([]byte(in))
			require.ErrorIs(t, err, tt.want)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			require.Equal(t, at, pe.Offset, "offset")
			require.Equal(t, tt.field, pe.Field)
			require.Equal(t, tt.partial, IsPartial(err))
			require.True(t, strings.HasPrefix(err.Error(), "smppfmt: byte "), err.Error())
		})
	}
}

func TestStrictAccepts(t *testing.T) {
	t.Parallel()
	// cloudhopper DeliveryReceiptTest.parseShortMessage: both pass strict mode.
	for _, in := range []string{
		"id:0123456789 sub:002 dlvrd:001 submit date:1005232039 done date:1005242339 stat:DELIVRD err:012 text:This is a sample mes",
		"id:4 sub:001 dlvrd:001 submit date:1006020051 done date:1006020051 stat:DELIVRD err:000 Text:Hello",
	} {
		_, err := (&Parser{Strict: true}).Parse([]byte(in))
		require.NoError(t, err, in)
	}
}

// TestStrictRejects runs cloudhopper DeliveryReceiptTest.parseShortMessageMissingFields:
// every receipt Cloudhopper's strict mode refuses is refused here too.
func TestStrictRejects(t *testing.T) {
	t.Parallel()
	const ok = "id:0123456789 sub:002 dlvrd:001 submit date:1005232039 done date:1005242339 stat:DELIVRD err:012 text:This is a sample mes"
	for _, bad := range [][2]string{
		{"id:", "i:"}, {"sub:", "su:"}, {"dlvrd:", "dlvr:"}, {"submit date:", "submit dat:"},
		{"done date:", "one date:"}, {"stat:", "sat:"}, {"err:", "rr:"}, {"text:", "txt:"},
	} {
		in := strings.Replace(ok, bad[0], bad[1], 1)
		_, err := (&Parser{Strict: true}).Parse([]byte(in))
		require.Error(t, err, in)
		// The lenient parser reads the same text, keeping what it does not
		// know in Extra (txt is an alias there).
		r, _ := Parse([]byte(in))
		if bad[1] == "txt:" {
			require.Equal(t, "This is a sample mes", r.Text)
		} else {
			require.NotEmpty(t, r.Extra, in)
		}
	}
}

func TestParseTooLarge(t *testing.T) {
	t.Parallel()
	in := []byte("id:1 stat:DELIVRD text:" + strings.Repeat("x", 100))
	_, err := (&Parser{MaxSize: 50}).Parse(in)
	require.ErrorIs(t, err, ErrTooLarge)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	require.Equal(t, 50, pe.Offset)
	_, err = (&Parser{MaxSize: 50}).ParseFields(in)
	require.ErrorIs(t, err, ErrTooLarge)
	_, err = Parse(make([]byte, DefaultMaxSize+1))
	require.ErrorIs(t, err, ErrTooLarge)
}

func TestLocationAndNamespace(t *testing.T) {
	t.Parallel()
	loc := time.FixedZone("SMSC", 3*3600)
	p := Parser{Location: loc, Namespace: errcode.SMPP}
	r, err := p.Parse([]byte("id:1 submit date:2502141030 done date:180711070003912+ stat:DELIVRD err:011"))
	require.NoError(t, err)
	require.True(t, r.SubmittedAt.Equal(time.Date(2025, 2, 14, 7, 30, 0, 0, time.UTC)), r.SubmittedAt)
	require.Equal(t, loc, r.SubmittedAt.Location())
	// An absolute time keeps its own offset: 07:00:03.9 at +3h is 04:00:03.9 UTC.
	require.True(t, r.DoneAt.Equal(time.Date(2018, 7, 11, 4, 0, 3, 900e6, time.UTC)), r.DoneAt)
	require.Equal(t, errcode.Code{Namespace: errcode.SMPP, Value: 11}, r.Error)
}

func TestNilParser(t *testing.T) {
	t.Parallel()
	var p *Parser
	r, err := p.Parse([]byte("id:1 stat:DELIVRD"))
	require.NoError(t, err)
	require.Equal(t, status.Delivered, r.Status)
	f, err := p.ParseFields([]byte("id:1"))
	require.NoError(t, err)
	require.Equal(t, "1", f.ID)
}

func TestParseErrorMessage(t *testing.T) {
	t.Parallel()
	e := &ParseError{Offset: 10, Field: FieldStat, Value: "NOPE", Err: ErrUnknownStatus}
	require.Equal(t, `smppfmt: byte 10 (stat): unknown status word "NOPE"`, e.Error())
	e = &ParseError{Offset: 0, Err: ErrNotReceipt}
	require.Equal(t, `smppfmt: byte 0: not a delivery receipt`, e.Error())
	require.True(t, errors.Is(e, ErrNotReceipt))
}

func TestParseAllocs(t *testing.T) {
	in := []byte(receiptBenchInputs[0].in)
	n := testing.AllocsPerRun(100, func() { _, _ = Parse(in) })
	require.LessOrEqual(t, n, 1.0, "Parse allocations")
	n = testing.AllocsPerRun(100, func() { _, _ = ParseFields(in) })
	require.LessOrEqual(t, n, 1.0, "ParseFields allocations")
	in = []byte(receiptBenchInputs[1].in)
	n = testing.AllocsPerRun(100, func() { _, _ = Parse(in) })
	require.LessOrEqual(t, n, 1.0, "Parse allocations")

	// An Appendix B receipt keeps its values only, not its keys: 57 of
	// the 113 bytes of the first input, in a 64-byte block.
	in = []byte(receiptBenchInputs[0].in)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 1000 {
		_, _ = ParseFields(in)
	}
	runtime.ReadMemStats(&after)
	require.LessOrEqual(t, (after.TotalAlloc-before.TotalAlloc)/1000, uint64(64), "ParseFields bytes")
}
