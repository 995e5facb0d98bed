package smppfmt

import (
	"encoding/hex"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/status"
)

// Receipt texts published in public test suites and issue threads, each
// checked field by field against what its source says the field means.
// A date of "-" means the field must read as absent.
var reviewTexts = []struct {
	src  string
	in   string
	f    Fields // Extra not compared
	st   status.Status
	sub  string // SubmittedAt in UTC, time.DateTime layout ("" = zero)
	done string
	ok   bool // Parse returns no error
}{
	{
		src: "twitter-archive/cloudhopper-smpp DeliveryReceiptTest.parseShortMessage",
		in:  "id:0123456789 sub:002 dlvrd:001 submit date:1005232039 done date:1005242339 stat:DELIVRD err:012 text:This is a sample mes",
		f:   Fields{ID: "0123456789", Sub: "002", Dlvrd: "001", SubmitDate: "1005232039", DoneDate: "1005242339", Stat: "DELIVRD", Err: "012", Text: "This is a sample mes"},
		st:  status.Delivered, sub: "2010-05-23 20:39:00", done: "2010-05-24 23:39:00", ok: true,
	},
	{
		src: "cloudhopper DeliveryReceiptTest.parseShortMessage (smsc simulator, Text:)",
		in:  "id:4 sub:001 dlvrd:001 submit date:1006020051 done date:1006020051 stat:DELIVRD err:000 Text:Hello",
		f:   Fields{ID: "4", Sub: "001", Dlvrd: "001", SubmitDate: "1006020051", DoneDate: "1006020051", Stat: "DELIVRD", Err: "000", Text: "Hello"},
		st:  status.Delivered, sub: "2010-06-02 00:51:00", done: "2010-06-02 00:51:00", ok: true,
	},
	{
		src: "cloudhopper DeliveryReceiptTest.parseReceiptWithFieldsOutOfOrder",
		in:  "sub:001 id:74e02ee1-4e2f-4a6e-a78b-4b247d756a22 err:000 dlvrd:001 done date:110206193110 submit date:110206193041 text: stat:DELIVRD",
		f:   Fields{ID: "74e02ee1-4e2f-4a6e-a78b-4b247d756a22", Sub: "001", Dlvrd: "001", SubmitDate: "110206193041", DoneDate: "110206193110", Stat: "DELIVRD", Err: "000"},
		st:  status.Delivered, sub: "2011-02-06 19:30:41", done: "2011-02-06 19:31:10", ok: true,
	},
	{
		src: "cloudhopper DeliveryReceiptTest.parseReceiptWithMissingSubAndDlvrdFields (14-digit dates)",
		in:  "id:2E179B310EDE971B2760C72B7F026E1B submit date:20110314181534 done date:20110314181741 stat:DELIVRD err:0",
		f:   Fields{ID: "2E179B310EDE971B2760C72B7F026E1B", SubmitDate: "20110314181534", DoneDate: "20110314181741", Stat: "DELIVRD", Err: "0"},
		st:  status.Delivered, sub: "2011-03-14 18:15:34", done: "2011-03-14 18:17:41", ok: true,
	},
	{
		src: "cloudhopper DeliveryReceiptTest.parseShortMessageWith11DigitLongMessageId",
		in:  "id:98765432101 sub:000 dlvrd:000 submit date:1001010000 done date:1001010000 stat:ENROUTE err:000 text:",
		f:   Fields{ID: "98765432101", Sub: "000", Dlvrd: "000", SubmitDate: "1001010000", DoneDate: "1001010000", Stat: "ENROUTE", Err: "000"},
		st:  status.Enroute, sub: "2010-01-01 00:00:00", done: "2010-01-01 00:00:00", ok: true,
	},
	{
		src: "opentelecoms-org/jsmpp DeliveryReceiptParserTest.parseWithNoTextAttribute",
		in:  "id:0123456789 sub:001 dlvrd:001 submit date:0809011130 done date:0809011131 stat:DELIVRD err:000 testing jsmpp bow",
		f:   Fields{ID: "0123456789", Sub: "001", Dlvrd: "001", SubmitDate: "0809011130", DoneDate: "0809011131", Stat: "DELIVRD", Err: "000"},
		st:  status.Delivered, sub: "2008-09-01 11:30:00", done: "2008-09-01 11:31:00", ok: true,
	},
	{
		src: "jsmpp jsmpp-examples CustomDeliveryReceiptStripperTest (err before stat, DND_REJECTED)",
		in:  "id:0123456789 sub:002 dlvrd:003 submit date:0809011130 done date:0809021131 err:123 stat:DND_REJECTED text:Hello World",
		f:   Fields{ID: "0123456789", Sub: "002", Dlvrd: "003", SubmitDate: "0809011130", DoneDate: "0809021131", Stat: "DND_REJECTED", Err: "123", Text: "Hello World"},
		st:  status.Rejected, sub: "2008-09-01 11:30:00", done: "2008-09-02 11:31:00", ok: true,
	},
	{
		src: "opentelecoms-org/jsmpp#62 (no sub/dlvrd)",
		in:  "id:1526758174 submit date:1701240904 done date:1701240904 stat:DELIVRD err:000 text:hellow",
		f:   Fields{ID: "1526758174", SubmitDate: "1701240904", DoneDate: "1701240904", Stat: "DELIVRD", Err: "000", Text: "hellow"},
		st:  status.Delivered, sub: "2017-01-24 09:04:00", done: "2017-01-24 09:04:00", ok: true,
	},
	{
		src: "uudashr/jsmpp#67 (no sub/dlvrd/text)",
		in:  "id:0654354026 submit date:2302101454 done date:2302101454 stat:DELIVRD err:000",
		f:   Fields{ID: "0654354026", SubmitDate: "2302101454", DoneDate: "2302101454", Stat: "DELIVRD", Err: "000"},
		st:  status.Delivered, sub: "2023-02-10 14:54:00", done: "2023-02-10 14:54:00", ok: true,
	},
	{
		src: "jookies/jasmin tests/protocols/smpp/test_operations.py test_is_delivery_standard",
		in:  "id:1891273321 sub:001 dlvrd:001 submit date:1305050826 done date:1305050826 stat:DELIVRD err:000 text:DLVRD TO MOBILE",
		f:   Fields{ID: "1891273321", Sub: "001", Dlvrd: "001", SubmitDate: "1305050826", DoneDate: "1305050826", Stat: "DELIVRD", Err: "000", Text: "DLVRD TO MOBILE"},
		st:  status.Delivered, sub: "2013-05-05 08:26:00", done: "2013-05-05 08:26:00", ok: true,
	},
	{
		src: "jasmin test_operations.py test_is_delivery_clickatell_70 (12-digit yyMMddHHmmss)",
		in:  "id:a29f6845555647139e5c8f3b817f2c9a sub:001 dlvrd:001 submit date:141023215253 done date:141023215259 stat:DELIVRD err:000 text:HOLA",
		f:   Fields{ID: "a29f6845555647139e5c8f3b817f2c9a", Sub: "001", Dlvrd: "001", SubmitDate: "141023215253", DoneDate: "141023215259", Stat: "DELIVRD", Err: "000", Text: "HOLA"},
		st:  status.Delivered, sub: "2014-10-23 21:52:53", done: "2014-10-23 21:52:59", ok: true,
	},
	{
		src: "jasmin test_operations.py test_is_delivery_jasmin_195 (12-digit yyyyMMddHHmm, jasmin#753)",
		in:  "id:c87c2273-7edb-4bc7-8d3a-7f57f21b625e submit date:201506201641 done date:201506201641 stat:DELIVRD err:000",
		f:   Fields{ID: "c87c2273-7edb-4bc7-8d3a-7f57f21b625e", SubmitDate: "201506201641", DoneDate: "201506201641", Stat: "DELIVRD", Err: "000"},
		st:  status.Delivered, sub: "2015-06-20 16:41:00", done: "2015-06-20 16:41:00", ok: true,
	},
	{
		src: "jookies/jasmin#760 (DELIVRD with err:002)",
		in:  "id:fa9542be-3c16-44bb-9a8c-d277ea1851ef submit date:1911211739 done date:1911211741 stat:DELIVRD err:002",
		f:   Fields{ID: "fa9542be-3c16-44bb-9a8c-d277ea1851ef", SubmitDate: "1911211739", DoneDate: "1911211741", Stat: "DELIVRD", Err: "002"},
		st:  status.Delivered, sub: "2019-11-21 17:39:00", done: "2019-11-21 17:41:00", ok: true,
	},
	{
		src: "praekeltfoundation/vumi test_smpp_transport.py test_mo_delivery_report_content_with_nulls",
		in:  "id:foo sub:null dlvrd:null submit date:200101010030 done date:200101020030 stat:DELIVRD err:null text:Meep",
		f:   Fields{ID: "foo", SubmitDate: "200101010030", DoneDate: "200101020030", Stat: "DELIVRD", Text: "Meep"},
		st:  status.Delivered, sub: "2020-01-01 01:00:30", done: "2020-01-01 02:00:30", ok: true,
	},
	{
		src: "somleng/sms-gateway smpp_delivery_receipt.test.js (Kannel: 10- and 12-digit dates in one receipt)",
		in:  "id:5516a151-4970-45b6-b73e-95aefdb11cbf sub:001 dlvrd:001 submit date:2302231414 done date:230223194211 stat:DELIVRD err:000 text:Hello",
		f:   Fields{ID: "5516a151-4970-45b6-b73e-95aefdb11cbf", Sub: "001", Dlvrd: "001", SubmitDate: "2302231414", DoneDate: "230223194211", Stat: "DELIVRD", Err: "000", Text: "Hello"},
		st:  status.Delivered, sub: "2023-02-23 14:14:00", done: "2023-02-23 19:42:11", ok: true,
	},
	{
		src: "somleng smpp_delivery_receipt.test.js (GoIP, Text:)",
		in:  "id:88316820 sub:0 dlvrd:0 submit date:2302281324 done date:2302281325 stat:UNDELIV err:500 Text:Hello World from out",
		f:   Fields{ID: "88316820", Sub: "0", Dlvrd: "0", SubmitDate: "2302281324", DoneDate: "2302281325", Stat: "UNDELIV", Err: "500", Text: "Hello World from out"},
		st:  status.Undeliverable, sub: "2023-02-28 13:24:00", done: "2023-02-28 13:25:00", ok: true,
	},
	{
		src: "hujm2023/go-sms-protocol delivery_receipt_test.go (done date before submit date in order, empty sub)",
		in:  "id:1235 submit date:2107081716 sub: dlvrd:1 done date:2210131801 stat:DELIVRD err:0",
		f:   Fields{ID: "1235", Dlvrd: "1", SubmitDate: "2107081716", DoneDate: "2210131801", Stat: "DELIVRD", Err: "0"},
		st:  status.Delivered, sub: "2021-07-08 17:16:00", done: "2022-10-13 18:01:00", ok: true,
	},
	{
		src: "hujm2023/go-sms-protocol delivery_receipt_test.go (19-digit id)",
		in:  "id:1750418374205502492 sub:001 dlvrd:001 submit date:2508230113 done date:2508230113 stat:DELIVRD err:000 text:success",
		f:   Fields{ID: "1750418374205502492", Sub: "001", Dlvrd: "001", SubmitDate: "2508230113", DoneDate: "2508230113", Stat: "DELIVRD", Err: "000", Text: "success"},
		st:  status.Delivered, sub: "2025-08-23 01:13:00", done: "2025-08-23 01:13:00", ok: true,
	},
	{
		src: "RestComm/Restcomm-Connect TelestaxDlrParserTest (trailing spaces)",
		in:  "id:0000058049 sub:001 dlvrd:001 submit date:1805170144 done date:1805170144 stat:DELIVRD err:000 text:none                ",
		f:   Fields{ID: "0000058049", Sub: "001", Dlvrd: "001", SubmitDate: "1805170144", DoneDate: "1805170144", Stat: "DELIVRD", Err: "000", Text: "none"},
		st:  status.Delivered, sub: "2018-05-17 01:44:00", done: "2018-05-17 01:44:00", ok: true,
	},
	{
		src: "kneodev/ksmppd#108 (operator receipt without the stat: label)",
		in:  "id:ce5bc5a9-4f7d-4282-9244-2e1022a9335c sub:000 dlvrd:000 submit date:180903120815 done date:180903120816 DELIVRD err:000 Text:",
		f:   Fields{ID: "ce5bc5a9-4f7d-4282-9244-2e1022a9335c", Sub: "000", Dlvrd: "000", SubmitDate: "180903120815", DoneDate: "180903120816", Stat: "DELIVRD", Err: "000"},
		st:  status.Delivered, sub: "2018-09-03 12:08:15", done: "2018-09-03 12:08:16", ok: true,
	},
	{
		src: "kneodev/ksmppd#63 (30-digit decimal id, above 2^64)",
		in:  "id:171026125222636445993424531920 sub:001 dlvrd:001 submit date:171026130350 done date:171026130355 stat:DELIVRD err:000 text:",
		f:   Fields{ID: "171026125222636445993424531920", Sub: "001", Dlvrd: "001", SubmitDate: "171026130350", DoneDate: "171026130355", Stat: "DELIVRD", Err: "000"},
		st:  status.Delivered, sub: "2017-10-26 13:03:50", done: "2017-10-26 13:03:55", ok: true,
	},
	{
		src: "funbox/smppex#46 (SMPP absolute times, base36 id)",
		in:  "id:rdwjwxns18krxr9936ey96ymcw sub:000 dlvrd:000 submit date:180711070003912+ done date:180711070000012+ stat:UNDELIV err:000",
		f:   Fields{ID: "rdwjwxns18krxr9936ey96ymcw", Sub: "000", Dlvrd: "000", SubmitDate: "180711070003912+", DoneDate: "180711070000012+", Stat: "UNDELIV", Err: "000"},
		st:  status.Undeliverable, sub: "2018-07-11 04:00:03", done: "2018-07-11 04:00:00", ok: true,
	},
	{
		src: "linxGnu/gosmpp#124 (text after a space)",
		in:  "id:123A456B sub:1 dlvrd:1 submit date:1702281424 done date:1702281424 stat:DELIVRD err:0 text: hello how are you there",
		f:   Fields{ID: "123A456B", Sub: "1", Dlvrd: "1", SubmitDate: "1702281424", DoneDate: "1702281424", Stat: "DELIVRD", Err: "0", Text: "hello how are you there"},
		st:  status.Delivered, sub: "2017-02-28 14:24:00", done: "2017-02-28 14:24:00", ok: true,
	},
	{
		src: "farhadi/node-smpp#77 (Text: with a USSD code)",
		in:  "id:45013692 sub:0 dlvrd:28 submit date:1908121157 done date:1908121158 stat:UNDELIV err:21 Text:*100#",
		f:   Fields{ID: "45013692", Sub: "0", Dlvrd: "28", SubmitDate: "1908121157", DoneDate: "1908121158", Stat: "UNDELIV", Err: "21", Text: "*100#"},
		st:  status.Undeliverable, sub: "2019-08-12 11:57:00", done: "2019-08-12 11:58:00", ok: true,
	},
	{
		src: "onlinecity/php-smpp#70 (err:0000, GSM escape in text)",
		in:  "id:117062714244798261 sub:001 dlvrd:001 submit date:1706271624 done date:1706271624 stat:DELIVRD err:0000 text:H\x1bello world",
		f:   Fields{ID: "117062714244798261", Sub: "001", Dlvrd: "001", SubmitDate: "1706271624", DoneDate: "1706271624", Stat: "DELIVRD", Err: "0000", Text: "H\x1bello world"},
		st:  status.Delivered, sub: "2017-06-27 16:24:00", done: "2017-06-27 16:24:00", ok: true,
	},
	{
		src: "jookies/jasmin#70 issue body (Clickatell, empty text)",
		in:  "id:a29f6845555647139e5c8f3b817f2c9a sub:001 dlvrd:001 submit date:141023215253 done date:141023215259 stat:DELIVRD err:000 text:",
		f:   Fields{ID: "a29f6845555647139e5c8f3b817f2c9a", Sub: "001", Dlvrd: "001", SubmitDate: "141023215253", DoneDate: "141023215259", Stat: "DELIVRD", Err: "000"},
		st:  status.Delivered, sub: "2014-10-23 21:52:53", done: "2014-10-23 21:52:59", ok: true,
	},
	{
		src: "Adobe Campaign SMPP connector docs (Appendix B example, Text:)",
		in:  "id:1234567890 sub:001 dlvrd:001 submit date:1608011415 done date:1608011417 stat:DELIVRD err:000 Text:Hello Adobe world",
		f:   Fields{ID: "1234567890", Sub: "001", Dlvrd: "001", SubmitDate: "1608011415", DoneDate: "1608011417", Stat: "DELIVRD", Err: "000", Text: "Hello Adobe world"},
		st:  status.Delivered, sub: "2016-08-01 14:15:00", done: "2016-08-01 14:17:00", ok: true,
	},
}

func TestReviewRealTexts(t *testing.T) {
	t.Parallel()
	at := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		v, err := time.Parse(time.DateTime, s)
		require.NoError(t, err)
		return v
	}
	for _, c := range reviewTexts {
		t.Run(c.src, func(t *testing.T) {
			t.Parallel()
			f, err := ParseFields([]byte(c.in))
			require.NoError(t, err)
			f.Extra = nil
			require.Equal(t, c.f, f)
			r, err := Parse([]byte(c.in))
			if c.ok {
				require.NoError(t, err)
			}
			require.Equal(t, c.f.ID, r.MessageID)
			require.Equal(t, c.st, r.Status)
			require.Equal(t, c.f.Stat, r.RawStatus)
			require.Equal(t, c.f.Err, r.RawError)
			require.Equal(t, at(c.sub), r.SubmittedAt.UTC().Truncate(time.Second))
			require.Equal(t, at(c.done), r.DoneAt.UTC().Truncate(time.Second))
		})
	}
}

// Whole PDUs published in issue threads; where only the body was
// published, the 16-octet header is rebuilt around it (constructed).
var reviewPDUs = []struct {
	src                       string
	hex                       string
	id, rawStatus, rawError   string
	st                        status.Status
	textID, to, from, textVal string
}{
	{
		src: "onlinecity/php-smpp#70: body as published, header constructed (command_length 0xc5, sequence 1)",
		hex: "000000c5000000050000000000000001" +
			"000101393137303133313033303330000500414d41525654000400000000000000007b69643a313137303632373134323434373938323631207375623a30303120646c7672643a303031207375626d697420646174653a3137303632373136323420646f6e6520646174653a3137303632373136323420737461743a44454c49565244206572723a3030303020746578743a481b656c6c6f20776f726c640423000303000014540004000000011418000400000000",
		id: "117062714244798261", rawStatus: "DELIVRD", rawError: "0000", st: status.Delivered,
		to: "917013103030", from: "AMARVT", textVal: "H€llo world",
	},
	{
		src: "funbox/smppex#46: constructed from the decoded deliver_sm the issue prints (mandatory fields and short_message as published)",
		hex: "000000ac000000050000000000000004000101373932323232323232323200050054455354000400000000000000007c69643a7264776a77786e7331386b7278723939333665793936796d6377207375623a30303020646c7672643a303030207375626d697420646174653a3138303731313037303030333931322b20646f6e6520646174653a3138303731313037303030303031322b20737461743a554e44454c4956206572723a303030",
		id:  "rdwjwxns18krxr9936ey96ymcw", rawStatus: "UNDELIV", rawError: "000", st: status.Undeliverable,
		to: "79222222222", from: "TEST",
	},
	{
		src: "twitter-archive/cloudhopper-smpp DeliveryReceiptTest.parseRealWorldReceipt0 (asserts text @$#!%&/:)",
		hex: "000000BA00000005000000000000000200010134343935313336313932300001013430343034000400000000000000006E69643A30303539313133393738207375623A30303120646C7672643A303031207375626D697420646174653A3130303231303137333020646F6E6520646174653A3130303231303137333120737461743A44454C49565244206572723A30303020746578743A4024232125262F3A000E0001010006000101001E000833383630316661000427000102",
		id:  "38601fa", rawStatus: "DELIVRD", rawError: "000", st: status.Delivered, textID: "0059113978",
		to: "44951361920", from: "40404", textVal: "@$#!%&/:",
	},
	{
		src: "bulatnig/smpp HexStringParser (EXPIRED, message_state 3, decimal receipted_message_id)",
		hex: "000000b300000005000000000fa79c1f000101373930363033373633323000000132353133233830343934393134000400000000000000006669643a31393038313937393334207375623a30303120646c7672643a303030207375626d697420646174653a3131303332313137343920646f6e6520646174653a3131303332313137353420737461743a45585049524544206572723a30303020746578743a0427000103001e000b3139303831393739333400",
		id:  "1908197934", rawStatus: "EXPIRED", rawError: "000", st: status.Expired,
		to: "79060376320", from: "2513#80494914",
	},
	{
		src: "larvit/larvitsmpp test (err:0000, vendor TLVs 0x1418 0x1454 0x1416)",
		hex: "000000e9000000050000000002a82e8600010134363730393737313333370000003436373031313133333131000400000000000000007569643a313535303430363231323432313433353835207375623a30303120646c7672643a303031207375626d697420646174653a3135303430363233323420646f6e6520646174653a3135303430363233323420737461743a44454c49565244206572723a3030303020746578743a202062616666042300030300000427000102001e001331353530343036323132343231343335383500141800040000076c145400040000000114160006323430303800",
		id:  "155040621242143585", rawStatus: "DELIVRD", rawError: "0000", st: status.Delivered,
		to: "46709771337", from: "46701113311", textVal: "baff",
	},
	{
		src: "zkm pdu_test.go BenchmarkPduDeserialize (UUID id in text and TLV)",
		hex: "000000D70000000500000000000000030001013739353030383932353638000001373737000400000000000001007A69643A63623963343066312D306161312D346233652D616662382D376464323464303361373136207375623A30303120646C7672643A303031207375626D697420646174653A3230313032343132303520646F6E6520646174653A3230313032343132303620737461743A44454C49565244206572723A303030001E002563623963343066312D306161312D346233652D616662382D376464323464303361373136000427000102",
		id:  "cb9c40f1-0aa1-4b3e-afb8-7dd24d03a716", rawStatus: "DELIVRD", rawError: "000", st: status.Delivered,
		to: "79500892568", from: "777",
	},
	{
		src: "JamaaTech SMPP client sample (GSM escapes [ ] and LF in text)",
		hex: "000000dd0000000500000000019182410001013334363439323836383039000501657669636572746961000400000000000000008569643a323533303932393134353232363637333732207375623a30303120646c7672643a303031207375626d697420646174653a3133303932393136353220646f6e6520646174653a3133303932393136353220737461743a44454c49565244206572723a3030303020746578743a1b3c657669534d531b3e0a534d532064652050727565042300030300000427000102001e001332353330393239313435323236363733373200",
		id:  "253092914522667372", rawStatus: "DELIVRD", rawError: "0000", st: status.Delivered,
		to: "34649286809", from: "evicertia", textVal: "[eviSMS]\nSMS de Prue",
	},
	{
		src: "cloudhopper PduDecoderTest.decodeDeliverSmWithDeliveryReceiptThatFailedFromEndToEnd (ACCEPTD err:107, no TLVs)",
		hex: "000000A2000000050000000000116AD500010134343935313336313932303537000501475442616E6B000400000000010000006E69643A3934323531343330393233207375623A30303120646C7672643A303031207375626D697420646174653A3039313130343031323420646F6E6520646174653A3039313130343031323420737461743A41434345505444206572723A31303720746578743A20323646313032",
		id:  "94251430923", rawStatus: "ACCEPTD", rawError: "107", st: status.Accepted,
		to: "4495136192057", from: "GTBank", textVal: "26F102",
	},
	{
		src: "cloudhopper PduDecoderTest.decodeDeliveryReceipt0 (data_coding 3, Text: with trailing spaces)",
		hex: "000000EB00000005000000000000000100010134343935313336313932300000013430343034000400000000000003009069643A3132366538356136656465616331613032303230303939333132343739353634207375623A30303120646C7672643A303031207375626D697420646174653A3130303231393136333020646F6E6520646174653A3130303231393136333020737461743A44454C49565244206572723A30303020546578743A48656C6C6F2020202020202020202020202020200427000102001E0021313236653835613665646561633161303230323030393933313234373935363400",
		id:  "126e85a6edeac1a02020099312479564", rawStatus: "DELIVRD", rawError: "000", st: status.Delivered,
		to: "44951361920", from: "40404", textVal: "Hello",
	},
}

func TestReviewRealPDUs(t *testing.T) {
	t.Parallel()
	for _, c := range reviewPDUs {
		t.Run(c.src, func(t *testing.T) {
			t.Parallel()
			b, err := hex.DecodeString(c.hex)
			require.NoError(t, err)
			r, err := DecodePDU(b)
			require.NoError(t, err)
			require.Equal(t, c.id, r.MessageID)
			require.Equal(t, c.st, r.Status)
			require.Equal(t, c.rawStatus, r.RawStatus)
			require.Equal(t, c.rawError, r.RawError)
			require.Equal(t, c.to, r.To)
			require.Equal(t, c.from, r.From)
			if c.textVal != "" {
				require.Equal(t, c.textVal, r.Text)
			}
			got, ok := r.ExtraValue("text_id")
			require.Equal(t, c.textID != "", ok)
			require.Equal(t, c.textID, got)
			require.True(t, SameID(r.MessageID, r.MessageID))
			if ok {
				require.True(t, SameID(c.textID, c.id))
				require.Equal(t, CanonicalID(c.textID), CanonicalID(c.id))
			}
		})
	}
}

// TestReviewASCIIReceiptInGSMCoding: receipt text in data_coding 0 or 1 is
// ASCII in practice; read with the GSM table, '_' became '§' and broke
// stat:DND_REJECTED (jsmpp-examples CustomDeliveryReceiptStripperTest sends
// it in a default-coding deliver_sm), the submit_date:/done_date: aliases
// and ids with '_'.
func TestReviewASCIIReceiptInGSMCoding(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, sm  string
		id, stat  string
		st        status.Status
		submitted string
	}{
		{"jsmpp-examples DND_REJECTED", "id:0123456789 sub:002 dlvrd:003 submit date:0809011130 done date:0809021131 err:123 stat:DND_REJECTED text:Hello World",
			"0123456789", "DND_REJECTED", status.Rejected, "2008-09-01 11:30:00"},
		{"constructed: CNGP aliases", "id:123;submit_date:1507011202;done_date:1507011202;stat:DELIVRD;err:000;txt:hello",
			"123", "DELIVRD", status.Delivered, "2015-07-01 12:02:00"},
		{"constructed: id with '_'", "id:msg_77 stat:DELIVRD err:000", "msg_77", "DELIVRD", status.Delivered, ""},
	}
	for _, c := range cases {
		for _, dc := range []byte{0, 1} {
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				r, err := DecodePDU(pduSpec{esm: 4, dc: dc, sm: []byte(c.sm)}.bytes())
				require.NoError(t, err)
				require.Equal(t, c.id, r.MessageID)
				require.Equal(t, c.stat, r.RawStatus)
				require.Equal(t, c.st, r.Status)
				if c.submitted != "" {
					require.Equal(t, c.submitted, r.SubmittedAt.Format(time.DateTime))
				}
			})
		}
	}
	// GSM text with '@' (0x00) still takes the GSM table.
	r, err := DecodePDU(pduSpec{esm: 4, dc: 0, sm: []byte("id:1 stat:DELIVRD text:a\x00b")}.bytes())
	require.NoError(t, err)
	require.Equal(t, "a@b", r.Text)
}

// TestReviewGosmppParts: the TLVs linxGnu/gosmpp#124 prints for a receipt
// (receipted_message_id, message_state 2, network_error_code 03 0000) with
// no text, through DecodeParts.
func TestReviewGosmppParts(t *testing.T) {
	t.Parallel()
	id := []byte{51, 53, 51, 52, 98, 99, 101, 53, 99, 100, 52, 57, 97, 48, 101, 57, 54, 101, 49, 52, 57, 50, 49, 55, 51, 56, 54, 57, 48, 48, 100, 57, 56, 54, 52, 54, 0}
	r, err := (&Parser{}).DecodeParts(Parts{EsmClass: 4, TLVs: map[uint16][]byte{
		TagReceiptedMessageID: id, TagMessageState: {2}, TagNetworkErrorCode: {3, 0, 0},
	}})
	require.NoError(t, err)
	require.Equal(t, "3534bce5cd49a0e96e149217386900d98646", r.MessageID)
	require.Equal(t, status.Delivered, r.Status)
	require.Equal(t, "2", r.RawStatus)
	require.Equal(t, "030000", r.RawError)
}

// TestReviewSameID: pairs of text id and TLV id from real PDUs, and ids
// that must not match.
func TestReviewSameID(t *testing.T) {
	t.Parallel()
	cases := []struct {
		a, b string
		same bool
		src  string
	}{
		{"0059113978", "38601fa", true, "cloudhopper parseRealWorldReceipt0"},
		{"1854209028", "6E84FC04", true, "telenordigital (Telenor NO)"},
		{"1209523057", "4817DB71", true, "telenordigital testErrorCodeFormatting"},
		{"1744719531", "67FE4EAB", true, "telenordigital testRejected"},
		{"0416342074", "18d0e03a", true, "jasmin #937 PDU"},
		{"0000436949", "6aad5", true, "jasmin test_deliver_sm_with_message_payload"},
		{"98765432101", "16fee0e525", true, "cloudhopper toMessageIdAsHexString"},
		{"0171026125222636445993424531920", "171026125222636445993424531920", true, "ksmppd#63 id, zero-padded (constructed)"},
		{"2289D7EB9E873DE7C7BA231D0", "171026125222636445993424531920", true, "ksmppd#63 id in hex (constructed)"},
		{"0e999f21-0000-4000-8000-000000000000", "e999f21-0000-4000-8000-000000000000", false, "jasmin#643: zeros in UUIDs matter (constructed)"},
		{"BC59B8AA-2FD2-4035-8113-19301E050079", "bc59b8aa-2fd2-4035-8113-19301e050079", true, "jasmin test_any_network_error_code UUID, upper case (constructed)"},
		{"SAR-2347039245475-1EEDF843-2-1", "SAR-2347039245475-1EEDF843-2-1", true, "jasmin#418"},
		{"SAR-2347039245475-1EEDF843-2-1", "sar-2347039245475-1eedf843-2-1", false, "opaque ids compare exactly (constructed)"},
		{"", "", false, "empty ids name no message"},
	}
	for _, c := range cases {
		require.Equal(t, c.same, SameID(c.a, c.b), "%s: SameID(%q, %q)", c.src, c.a, c.b)
		require.Equal(t, c.same, SameID(c.b, c.a), "%s: symmetric", c.src)
		if CanonicalID(c.a) == CanonicalID(c.b) && c.a != "" {
			require.True(t, SameID(c.a, c.b), "%s: CanonicalID equal implies SameID", c.src)
		}
	}
}

// TestReviewTextTrailingSemicolon: a final ';' after text is read as a
// separator, not as text: CNGP/SMGP gateways end every field with ';'
// ("…;txt:hello;", smpp-receipts.md), and a receipt cannot tell the two
// apart. AppendFormat documents that such texts do not round-trip.
// Constructed input.
func TestReviewTextTrailingSemicolon(t *testing.T) {
	t.Parallel()
	f, err := ParseFields([]byte("id:1;stat:DELIVRD;err:000;txt:Hello;"))
	require.NoError(t, err)
	require.Equal(t, "Hello", f.Text)
	require.Equal(t, "DELIVRD", f.Stat)
}
