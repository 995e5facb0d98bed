package errcode

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/status"
)

// TestTables checks what Lookup and the documentation rely on, for every
// generated row: sorted, non-overlapping ranges; a valid class and status;
// name, description and source present.
func TestTables(t *testing.T) {
	t.Parallel()
	for ns := Namespace(0); ns < numNamespaces; ns++ {
		rows := tables[ns]
		for i, e := range rows {
			where := fmt.Sprintf("%s row %d (value %d)", ns, i, e.value)
			require.LessOrEqual(t, e.value, e.last, where)
			if i > 0 {
				require.Greater(t, e.value, rows[i-1].last, "%s: rows must be sorted and must not overlap", where)
			}
			require.Less(t, e.info.Class, numClasses, where)
			require.True(t, e.info.Implies.Valid(), "%s: Implies %d", where, e.info.Implies)
			require.NotEmpty(t, e.info.Name, where)
			require.NotEmpty(t, e.info.Description, where)
			require.NotEmpty(t, e.info.Source, where)
			// Every code the row covers is found, with this row's Info.
			for _, v := range []uint32{e.value, e.last, e.value + (e.last-e.value)/2} {
				got, ok := Lookup(Code{ns, v})
				require.True(t, ok, "%s: Lookup(%d)", where, v)
				require.Equal(t, e.info, got, "%s: Lookup(%d)", where, v)
			}
			// The values between this row and the previous one are not.
			if i > 0 && e.value-rows[i-1].last > 1 {
				_, ok := Lookup(Code{ns, e.value - 1})
				require.False(t, ok, "%s: Lookup(%d) found a gap value", where, e.value-1)
			}
		}
		if len(rows) > 0 {
			_, ok := Lookup(Code{ns, rows[len(rows)-1].last + 1})
			require.False(t, ok, "%s: past the last row", ns)
		}
	}
}

// TestNamespacesWithData lists the namespaces that have a data file, so that
// a table that stops being generated is noticed.
func TestNamespacesWithData(t *testing.T) {
	t.Parallel()
	want := map[Namespace]bool{
		MAP: true, MAPDeliveryFailureCause: true, MAPAbsentDiagnostic: true,
		SMPP: true, SMPPDeliveryFailureReason: true,
		TPStatus: true, TPFailureCause: true, RPCause: true,
		BulkSMSRates: true, TSG: true,
		Twilio: true, Vonage: true, VonageMessages: true, Plivo: true, Sinch: true,
		Infobip: true, Telnyx: true, MessageBird: true, Clickatell: true, Bandwidth: true,
	}
	for ns := Namespace(0); ns < numNamespaces; ns++ {
		require.Equal(t, want[ns], Rows(ns) > 0, "namespace %s", ns)
	}
	require.Equal(t, 0, Rows(numNamespaces))
	require.Equal(t, 0, Rows(255))
}

func TestRows(t *testing.T) {
	t.Parallel()
	tests := []struct {
		ns   Namespace
		want int
	}{
		{BulkSMSRates, 15},
		{TSG, 15},
		{MAPDeliveryFailureCause, 7},
		{MAPAbsentDiagnostic, 14},
		{SMPPDeliveryFailureReason, 4},
		{TPStatus, 128},       // 0x00-0x7F, every value through the ranges
		{TPFailureCause, 128}, // 0x80-0xFF
		{SMPP, 67 + 256},      // 67 codes and the vendor range 0x400-0x4FF
		{MAP, 60},             // see TestMAPCount
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, Rows(tt.ns), "Rows(%s)", tt.ns)
	}
}

// TestMAPCount counts the MAP rows the way the data file documents them: the
// V14 codes 1-72 except those 29.002 leaves undefined, the v1/v2 codes 2, 23
// and 24, and the err:000 convention.
func TestMAPCount(t *testing.T) {
	t.Parallel()
	undefined := map[uint32]bool{4: true, 41: true, 55: true, 56: true, 57: true}
	for v := uint32(63); v <= 70; v++ {
		undefined[v] = true
	}
	for v := uint32(0); v < 200; v++ {
		_, ok := Lookup(Code{MAP, v})
		want := v <= 72 && !undefined[v]
		require.Equal(t, want, ok, "MAP %d", v)
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code    Code
		name    string
		class   Class
		implies status.Status
	}{
		{Code{MAP, 0}, "noError", ClassNone, status.None},
		{Code{MAP, 1}, "unknownSubscriber", ClassPermanent, status.Undeliverable},
		{Code{MAP, 6}, "absentSubscriberSM", ClassTemporary, status.Undeliverable},
		{Code{MAP, 13}, "callBarred", ClassPermanent, status.Undeliverable},
		{Code{MAP, 27}, "absentSubscriber", ClassTemporary, status.Undeliverable},
		{Code{MAP, 32}, "sm-DeliveryFailure", ClassUnknown, status.Undeliverable},
		{Code{MAP, 34}, "systemFailure", ClassTemporary, status.Undeliverable},
		{Code{MAP, 72}, "ussd-Busy", ClassUnknown, status.Undeliverable},
		{Code{MAPDeliveryFailureCause, 0}, "memoryCapacityExceeded", ClassTemporary, status.Undeliverable},
		{Code{MAPDeliveryFailureCause, 5}, "invalidSME-Address", ClassPermanent, status.Undeliverable},
		{Code{MAPAbsentDiagnostic, 1}, "imsiDetached", ClassTemporary, status.Undeliverable},
		{Code{MAPAbsentDiagnostic, 13}, "msTemporarilyUnavailable", ClassTemporary, status.Undeliverable},
		{Code{SMPP, 0x00}, "ESME_ROK", ClassNone, status.Accepted},
		{Code{SMPP, 0x08}, "ESME_RSYSERR", ClassTemporary, status.Rejected},
		{Code{SMPP, 0x0B}, "ESME_RINVDSTADR", ClassPermanent, status.Rejected},
		{Code{SMPP, 0x0D}, "ESME_RBINDFAIL", ClassPermanent, status.None},
		{Code{SMPP, 0x58}, "ESME_RTHROTTLED", ClassTemporary, status.Rejected},
		{Code{SMPP, 0xFE}, "ESME_RDELIVERYFAILURE", ClassUnknown, status.Undeliverable},
		{Code{SMPP, 0x104}, "ESME_RINVDCS", ClassPermanent, status.Rejected},
		{Code{SMPP, 0x400}, "vendor-specific", ClassUnknown, status.None},
		{Code{SMPP, 0x4FF}, "vendor-specific", ClassUnknown, status.None},
		{Code{SMPPDeliveryFailureReason, 3}, "temporaryNetworkError", ClassTemporary, status.Undeliverable},
		{Code{TPStatus, 0x00}, "received", ClassNone, status.Delivered},
		{Code{TPStatus, 0x21}, "smeBusy", ClassTemporary, status.Enroute},
		{Code{TPStatus, 0x3A}, "scSpecificStillTrying", ClassTemporary, status.Enroute},
		{Code{TPStatus, 0x46}, "validityPeriodExpired", ClassPermanent, status.Expired},
		{Code{TPStatus, 0x48}, "deletedBySCAdministration", ClassPermanent, status.Deleted},
		{Code{TPStatus, 0x62}, "noResponseFromSME", ClassTemporary, status.Undeliverable},
		{Code{TPFailureCause, 0xD3}, "memoryCapacityExceeded", ClassTemporary, status.Undeliverable},
		{Code{TPFailureCause, 0xC5}, "duplicateSM", ClassPermanent, status.Rejected},
		{Code{TPFailureCause, 0xE7}, "applicationSpecific", ClassUnknown, status.Undeliverable},
		{Code{RPCause, 22}, "memoryCapacityExceeded", ClassTemporary, status.Undeliverable},
		{Code{RPCause, 30}, "unknownSubscriber", ClassPermanent, status.Undeliverable},
		{Code{BulkSMSRates, 0}, "No error", ClassNone, status.None},
		{Code{BulkSMSRates, 7}, "Unknown error", ClassTemporary, status.Undeliverable},
		{Code{BulkSMSRates, 27}, "Absent subscriber", ClassTemporary, status.Undeliverable},
		{Code{BulkSMSRates, 32}, "SMS barred", ClassPermanent, status.Undeliverable},
		{Code{BulkSMSRates, 40}, "System failure", ClassTemporary, status.Undeliverable},
		{Code{BulkSMSRates, 99}, "Content rejected", ClassPermanent, status.Rejected},
		{Code{BulkSMSRates, 160}, "Number not in DLT", ClassPermanent, status.Rejected},
		{Code{BulkSMSRates, 999}, "Timeout", ClassTemporary, status.Expired},
		{Code{TSG, 1004}, "Delivered (toll-free)", ClassNone, status.Delivered},
		{Code{TSG, 1110}, "User Opted Out (STOP)", ClassPermanent, status.Rejected},
		{Code{TSG, 1152}, "SPAM Reject", ClassPermanent, status.Rejected},
	}
	for _, tt := range tests {
		info, ok := Lookup(tt.code)
		require.True(t, ok, "Lookup(%v)", tt.code)
		require.Equal(t, tt.name, info.Name, "Lookup(%v)", tt.code)
		require.Equal(t, tt.class, info.Class, "Lookup(%v) class", tt.code)
		require.Equal(t, tt.implies, info.Implies, "Lookup(%v) implies", tt.code)
	}

	// The same number in two namespaces: BulkSMSRates 032 is not MAP 32.
	bsr, _ := Lookup(Code{BulkSMSRates, 32})
	mp, _ := Lookup(Code{MAP, 32})
	require.NotEqual(t, bsr.Name, mp.Name)
	require.NotEqual(t, bsr.Class, mp.Class)

	misses := []Code{
		{},
		{MAP, 4},
		{MAP, 99},
		{MAP, 999},
		{MAP, 0xFFFFFFFF},
		{SMPP, 0x09},
		{SMPP, 0x500},
		{TPStatus, 0x80},
		{TPFailureCause, 0x7F},
		{BulkSMSRates, 2},
		{Twilio, 1},
		{numNamespaces, 1},
		{255, 1},
	}
	for _, c := range misses {
		info, ok := Lookup(c)
		require.False(t, ok, "Lookup(%v)", c)
		require.Equal(t, Info{}, info)
	}
}

func TestParseValue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want uint32
		ok   bool
	}{
		{"000", 0, true},
		{"027", 27, true},
		{"0000", 0, true},
		{"7", 7, true},
		{" 7 ", 7, true},
		{"\t034\t", 34, true},
		{"0x45", 0x45, true},
		{"0X45", 0x45, true},
		{"0x00000045", 0x45, true},
		{"0xfF", 0xFF, true},
		{"4294967295", 0xFFFFFFFF, true},
		{"0xFFFFFFFF", 0xFFFFFFFF, true},
		{"0000000000000000000027", 27, true}, // padding is not overflow
		{"4294967296", 0, false},             // 2^32
		{"99999999999999999999", 0, false},
		{"0x100000000", 0, false},
		{"21b", 0, false},
		{"", 0, false},
		{"   ", 0, false},
		{"0x", 0, false},
		{"0xg", 0, false},
		{"-1", 0, false},
		{"+1", 0, false},
		{"1 2", 0, false},
		{"ab", 0, false},
		{"٣", 0, false}, // a non-ASCII digit
	}
	for _, tt := range tests {
		got, ok := ParseValue(tt.in)
		require.Equal(t, tt.ok, ok, "ParseValue(%q)", tt.in)
		require.Equal(t, tt.want, got, "ParseValue(%q)", tt.in)

		c, ok := Read(BulkSMSRates, tt.in)
		require.Equal(t, tt.ok, ok, "Read(%q)", tt.in)
		if tt.ok {
			require.Equal(t, Code{BulkSMSRates, tt.want}, c)
		} else {
			require.True(t, c.IsZero(), "Read(%q) = %v", tt.in, c)
		}
	}
}

func TestFromNetworkErrorCode(t *testing.T) {
	t.Parallel()
	want := map[uint8]Namespace{
		1: ANSI136Access, 2: IS95Access, 3: MAP, 4: ANSI136Cause,
		5: IS95Cause, 6: ANSI41, 7: SMPP, 8: MessageCenter,
	}
	for typ := 0; typ < 256; typ++ {
		c, ok := FromNetworkErrorCode(uint8(typ), 0x1234)
		ns, defined := want[uint8(typ)]
		require.Equal(t, defined, ok, "type %d", typ)
		if !defined {
			require.True(t, c.IsZero(), "type %d", typ)
			continue
		}
		require.Equal(t, Code{ns, 0x1234}, c, "type %d", typ)
		back, ok := ns.NetworkType()
		require.True(t, ok)
		require.Equal(t, uint8(typ), back)
	}
	// GSM type 3 with MAP absentSubscriber, as Kannel builds it from err:027.
	c, _ := FromNetworkErrorCode(3, 27)
	info, ok := Lookup(c)
	require.True(t, ok)
	require.Equal(t, "absentSubscriber", info.Name)
	for _, ns := range []Namespace{NoNamespace, BulkSMSRates, TPStatus, MAPDeliveryFailureCause} {
		_, ok := ns.NetworkType()
		require.False(t, ok, "%s", ns)
	}
}

func TestNamespaceText(t *testing.T) {
	t.Parallel()
	for i := 0; i < 256; i++ {
		ns := Namespace(i)
		s := ns.String() // must not panic
		text, err := ns.MarshalText()
		if ns >= numNamespaces {
			require.Equal(t, fmt.Sprintf("Namespace(%d)", i), s)
			require.Error(t, err)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, s, string(text))
		var back Namespace
		require.NoError(t, back.UnmarshalText(text))
		require.Equal(t, ns, back)
		if ns != NoNamespace {
			require.NotEmpty(t, s, "namespace %d has no name", i)
		}
	}
	var ns Namespace
	err := ns.UnmarshalText([]byte("nope"))
	require.EqualError(t, err, `errcode: unknown namespace "nope"`)
}

func TestClassText(t *testing.T) {
	t.Parallel()
	for i := 0; i < 256; i++ {
		c := Class(i)
		s := c.String()
		text, err := c.MarshalText()
		if c >= numClasses {
			require.Equal(t, fmt.Sprintf("Class(%d)", i), s)
			require.Error(t, err)
			continue
		}
		require.NoError(t, err)
		var back Class
		require.NoError(t, back.UnmarshalText(text))
		require.Equal(t, c, back)
	}
	var c Class
	require.Error(t, c.UnmarshalText([]byte("Permanent")))
	require.True(t, ClassTemporary.Retryable())
	require.True(t, ClassUnknown.Retryable())
	require.False(t, ClassPermanent.Retryable())
	require.False(t, ClassNone.Retryable())
}

func TestInfoJSON(t *testing.T) {
	t.Parallel()
	info, _ := Lookup(Code{MAP, 27})
	b, err := json.Marshal(struct {
		Code  string
		Class Class
		Info  status.Status
	}{Code{MAP, 27}.String(), info.Class, info.Implies})
	require.NoError(t, err)
	require.JSONEq(t, `{"Code":"map:27","Class":"temporary","Info":"UNDELIV"}`, string(b))
	require.Equal(t, "", Code{}.String())
}

var sink Info

func TestLookupAllocs(t *testing.T) {
	codes := []Code{{MAP, 27}, {SMPP, 0x450}, {TPStatus, 0x46}, {BulkSMSRates, 999}, {Twilio, 1}}
	n := testing.AllocsPerRun(100, func() {
		for _, c := range codes {
			sink, _ = Lookup(c)
		}
	})
	require.Zero(t, n)
	n = testing.AllocsPerRun(100, func() {
		c, _ := Read(BulkSMSRates, " 027 ")
		sink, _ = Lookup(c)
	})
	require.Zero(t, n)
}

// lookupLinear is an obviously correct Lookup, to check the binary search.
func lookupLinear(c Code) (Info, bool) {
	if c.Namespace >= numNamespaces {
		return Info{}, false
	}
	for _, e := range tables[c.Namespace] {
		if e.value <= c.Value && c.Value <= e.last {
			return e.info, true
		}
	}
	return Info{}, false
}

func TestLookupAgreesWithLinear(t *testing.T) {
	t.Parallel()
	for ns := Namespace(0); ns <= numNamespaces; ns++ {
		for v := uint32(0); v < 0x600; v++ {
			a, okA := Lookup(Code{ns, v})
			b, okB := lookupLinear(Code{ns, v})
			require.Equal(t, okB, okA)
			require.Equal(t, b, a)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	codes := []Code{{MAP, 27}, {MAP, 1}, {SMPP, 0x58}, {SMPP, 0x450}, {TPStatus, 0x46}, {BulkSMSRates, 32}, {TSG, 1152}, {MAP, 999}}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sink, _ = Lookup(codes[i%len(codes)])
	}
}

func BenchmarkRead(b *testing.B) {
	raws := []string{"000", "027", "0x00000045", "21b"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c, _ := Read(MAP, raws[i%len(raws)])
		sink, _ = Lookup(c)
	}
}

func TestCodeText(t *testing.T) {
	t.Parallel()
	for _, c := range []Code{{}, {Namespace: MAP, Value: 27}, {Namespace: SMPP, Value: 0x45}, {Namespace: BulkSMSRates, Value: 999}} {
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back Code
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, c, back, "%q", b)
	}
	for _, bad := range []string{"27", "map:", ":27", "nope:1", "map:2x", "map: 1", ":", "map:99999999999"} {
		var c Code
		require.Error(t, c.UnmarshalText([]byte(bad)), bad)
	}
	_, err := Code{Namespace: Namespace(250), Value: 1}.MarshalText()
	require.Error(t, err)
}
