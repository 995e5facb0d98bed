package smppfmt

import (
	"fmt"
	"math/big"
	mrand "math/rand"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSameID(t *testing.T) {
	t.Parallel()
	cases := []struct {
		a, b string
		want bool
		why  string
	}{
		// Text id vs receipted_message_id in real PDUs (smpp-receipts notes).
		{"0059113978", "38601fa", true, "Cloudhopper/telenordigital PDU: lower-hex TLV"},
		{"0000436949", "6aad5", true, "Jasmin payload PDU"},
		{"0416342074", "18d0e03a", true, "Jasmin #937 PDU"},
		{"1854209028", "6E84FC04", true, "Telenor NO: upper-hex"},
		{"1209523057", "4817DB71", true, "Myanmar route"},
		{"1744719531", "67FE4EAB", true, "Grameenphone BD"},
		{"0318794433", "13006AC1", true, "Telenor SE: telenordigital's decimal→hex"},
		{"1831501603", "6D2A7F23", true, "Telenor carrier code PDU"},
		{"4D19C83C", "4D19C83C", true, "Jasmin: identical ids"},
		// Padding and case.
		{"0059113978", "59113978", true, "zero-padded decimal"},
		{"38601FA", "38601fa", true, "hex, either case"},
		{"038601fa", "38601FA", true, "zero-padded hex"},
		{"0", "000", true, "zero"},
		// All-digit ids: either reading.
		{"10", "10", true, "equal strings"},
		{"16", "10", true, "16 = 0x10: the point of SameID"},
		{"100", "256", true, "0x100 = 256: the price of guessing"},
		{"100", "101", false, "different numbers in every reading"},
		{"59113978", "59113979", false, "off by one"},
		{"38601fa", "38601fb", false, "hex off by one"},
		{"38601fa", "59113979", false, "decimal off by one from the hex"},
		// Not numbers: exact, never zeros stripped.
		{"0e999f21-6d4a-4e31-9c37-1c6a1d2b9f00", "e999f21-6d4a-4e31-9c37-1c6a1d2b9f00", false, "Jasmin #643: leading zero of a UUID matters"},
		{"BC59B8AA-2FD2-4035-8113-19301E050079", "bc59b8aa-2fd2-4035-8113-19301e050079", true, "UUID, either case"},
		{"SAR-2347039245475-1EEDF843-2-1", "SAR-2347039245475-1EEDF843-2-1", true, "Jasmin #418 vendor form"},
		{"SAR-2347039245475-1EEDF843-2-1", "sar-2347039245475-1eedf843-2-1", false, "vendor forms are case sensitive"},
		{"abc-001", "abc-1", false, "no zeros stripped inside text ids"},
		{"0xff", "255", false, "no 0x prefix reading"},
		{"x1", "1", false, "text vs number"},
		{"abc", "ffffffffffffffff", false, "2^64-1 in hex vs a hex id"},
		{"ffffffffffffffff", "18446744073709551615", true, "2^64-1"},
		{"9999999999999999", "2386f26fc0ffff", true, "16 decimal digits"},
		// Framing.
		{" 38601fa\x00", "0059113978", true, "spaces and NUL trimmed"},
		{"", "", false, "empty names no message"},
		{"", "0", false, "empty names no message"},
		{"\x00", "\x00", false, "only a NUL"},
		// Beyond 2^63 and 2^64.
		{"18446744073709551616", "10000000000000000", true, "2^64"},
		{"9223372036854775808", "8000000000000000", true, "2^63"},
		{"145100315320224957", "0145100315320224957", true, "18-digit Jasmin #322 id, padded"},
		{"340282366920938463463374607431768211455", "ffffffffffffffffffffffffffffffff", true, "2^128-1"},
		{"340282366920938463463374607431768211456", "ffffffffffffffffffffffffffffffff", false, "2^128 vs 2^128-1"},
		{strings.Repeat("f", 129), strings.Repeat("F", 129), true, "longer than 128 digits: case-folded string"},
		{strings.Repeat("1", 129), "0" + strings.Repeat("1", 129), false, "longer than 128 digits: no padding"},
	}
	for _, c := range cases {
		require.Equal(t, c.want, SameID(c.a, c.b), "SameID(%q, %q): %s", c.a, c.b, c.why)
		require.Equal(t, c.want, SameID(c.b, c.a), "SameID(%q, %q) (swapped): %s", c.b, c.a, c.why)
	}
}

// sameIDRef is the obvious reference for SameID: math/big over every
// reading of both ids.
func sameIDRef(a, b string) bool {
	a, b = trimMessageID(a), trimMessageID(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if isUUIDForm(a) && isUUIDForm(b) {
		return strings.EqualFold(a, b)
	}
	if len(a) > maxIDDigits || len(b) > maxIDDigits {
		return classifyMessageID(a)&idHex != 0 && classifyMessageID(b)&idHex != 0 && strings.EqualFold(a, b)
	}
	readings := func(s string) []*big.Int {
		var out []*big.Int
		for _, base := range []int{10, 16} {
			if strings.ContainsAny(s, "+-_") { // SetString takes a sign; ids have none
				continue
			}
			if n, ok := new(big.Int).SetString(s, base); ok {
				out = append(out, n)
			}
		}
		return out
	}
	for _, x := range readings(a) {
		for _, y := range readings(b) {
			if x.Cmp(y) == 0 {
				return true
			}
		}
	}
	return false
}

func TestSameIDRandomNumbers(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		n := new(big.Int).Rand(mrand.New(mrand.NewSource(int64(i))), new(big.Int).Lsh(big.NewInt(1), uint(1+rng.IntN(300))))
		dec := strings.Repeat("0", rng.IntN(3)) + n.Text(10)
		hx := n.Text(16)
		if rng.IntN(2) == 0 {
			hx = strings.ToUpper(hx)
		}
		require.True(t, SameID(dec, hx), "%s vs %s", dec, hx)
		m := new(big.Int).Add(n, big.NewInt(int64(1+rng.IntN(1000))))
		other := m.Text(16)
		require.Equal(t, sameIDRef(dec, other), SameID(dec, other), "%s vs %s", dec, other)
		require.Equal(t, CanonicalID(n.Text(10)), n.Text(16))
	}
}

func TestCanonicalID(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"0059113978", "38601fa"},
		{"38601FA", "38601fa"},
		{"038601fa", "38601fa"},
		{"0", "0"},
		{"000", "0"},
		{" 12\x00", "c"},
		{"BC59B8AA-2FD2-4035-8113-19301E050079", "bc59b8aa-2fd2-4035-8113-19301e050079"},
		{"0e999f21-x", "0e999f21-x"},
		{"SAR-2347039245475-1EEDF843-2-1", "SAR-2347039245475-1EEDF843-2-1"},
		{"18446744073709551616", "10000000000000000"},
		{"", ""},
	}
	for _, c := range cases {
		require.Equal(t, c.want, CanonicalID(c.in), "CanonicalID(%q)", c.in)
	}
}

func TestIDTypes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		types           IDTypes
		submit, receipt string
		want            bool
	}{
		// Kannel msg-id-type 0x01: submit_sm_resp hex, receipt decimal.
		{IDTypes{IDHex, IDDecimal}, "38601fa", "0059113978", true},
		{IDTypes{IDHex, IDDecimal}, "10", "16", true},
		{IDTypes{IDHex, IDDecimal}, "16", "16", false}, // 0x16 is 22
		{IDTypes{IDHex, IDDecimal}, "zz", "16", false},
		// Kannel 0x00: both decimal.
		{IDTypes{IDDecimal, IDDecimal}, "100", "256", false},
		{IDTypes{IDDecimal, IDDecimal}, "0100", "100", true},
		// Both hex (Kannel 0x03).
		{IDTypes{IDHex, IDHex}, "0A", "a", true},
		{IDTypes{IDHex, IDHex}, "10", "16", false},
		// Opaque ids.
		{IDTypes{IDText, IDText}, "0abc", "abc", false},
		{IDTypes{IDText, IDText}, "abc", "abc", true},
		// One side known.
		{IDTypes{IDHex, IDAuto}, "38601fa", "0059113978", true},
		{IDTypes{IDHex, IDAuto}, "38601fa", "38601FA", true},
		{IDTypes{IDAuto, IDDecimal}, "38601fa", "0059113978", true},
		{IDTypes{IDAuto, IDDecimal}, "100", "256", true},
		{IDTypes{IDAuto, IDDecimal}, "", "256", false},
		// Neither: SameID.
		{IDTypes{}, "16", "10", true},
		{IDTypes{IDHex, IDDecimal}, "", "", false},
	}
	for _, c := range cases {
		require.Equal(t, c.want, c.types.Same(c.submit, c.receipt), "%+v.Same(%q, %q)", c.types, c.submit, c.receipt)
	}
}

func TestIDTypeText(t *testing.T) {
	t.Parallel()
	for i := 0; i < 256; i++ {
		ty := IDType(i)
		s := ty.String()
		b, err := ty.MarshalText()
		if ty < numIDTypes {
			require.NoError(t, err)
			require.Equal(t, s, string(b))
			var back IDType
			require.NoError(t, back.UnmarshalText(b))
			require.Equal(t, ty, back)
		} else {
			require.Error(t, err)
			require.Contains(t, s, "IDType(")
		}
	}
	var ty IDType
	require.EqualError(t, ty.UnmarshalText([]byte("octal")), `smppfmt: unknown id type "octal"`)
}

func FuzzSameID(f *testing.F) {
	f.Add("0059113978", "38601fa")                                                       // decimal text id vs hex TLV id
	f.Add("16", "10")                                                                    // two all-digit ids, either reading
	f.Add("38601FA", "038601fa")                                                         // hex case and padding
	f.Add("0e999f21-6d4a-4e31-9c37-1c6a1d2b9f00", "E999F21-6D4A-4E31-9C37-1C6A1D2B9F00") // UUIDs
	f.Add("18446744073709551616", "10000000000000000")                                   // 2^64
	f.Add(" 12\x00", "c")                                                                // trimming
	f.Add("", "0")                                                                       // empty
	f.Add("b", "B")                                                                      // one hex digit, either case (a fuzzing find in the reference)
	f.Fuzz(func(t *testing.T, a, b string) {
		got := SameID(a, b)
		if got != SameID(b, a) {
			t.Fatalf("SameID not symmetric for %q, %q", a, b)
		}
		if got != sameIDRef(a, b) {
			t.Fatalf("SameID(%q, %q) = %v, reference says %v", a, b, got, !got)
		}
		if trimMessageID(a) != "" && !SameID(a, a) {
			t.Fatalf("SameID(%q, itself) = false", a)
		}
		if ca, cb := CanonicalID(a), CanonicalID(b); ca != "" && ca == cb && !got {
			t.Fatalf("CanonicalID equal (%q) but SameID(%q, %q) false", ca, a, b)
		}
	})
}

func ExampleSameID() {
	// A receipt's text id is zero-padded decimal; the submit_sm_resp and
	// receipted_message_id carry the same number in hex.
	fmt.Println(SameID("0059113978", "38601fa"))
	fmt.Println(SameID("0059113978", "38601FA"))
	fmt.Println(SameID("0059113978", "59113978"))
	// UUIDs are not numbers: their zeros are never stripped.
	fmt.Println(SameID("0e999f21-6d4a-4e31-9c37-1c6a1d2b9f00", "e999f21-6d4a-4e31-9c37-1c6a1d2b9f00"))
	// All-digit ids can be read either way: 16 is 0x10.
	fmt.Println(SameID("16", "10"))
	// When the forms are known (Kannel msg-id-type 0x01), nothing is guessed.
	kannel := IDTypes{Submit: IDHex, Receipt: IDDecimal}
	fmt.Println(kannel.Same("38601fa", "0059113978"), kannel.Same("16", "16"))
	fmt.Println(CanonicalID("0059113978"))
	// Output:
	// true
	// true
	// true
	// false
	// true
	// true false
	// 38601fa
}

func BenchmarkSameID(b *testing.B) {
	cases := []struct{ name, a, b string }{
		{"dec-hex", "0059113978", "38601fa"},
		{"uuid", "bc59b8aa-2fd2-4035-8113-19301e050079", "BC59B8AA-2FD2-4035-8113-19301E050079"},
		{"different", "1744719531", "67FE4EAC"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				SameID(c.a, c.b)
			}
		})
	}
}

func TestSameIDAllocs(t *testing.T) {
	n := testing.AllocsPerRun(100, func() { SameID("0059113978", "38601FA") })
	require.Equal(t, 0.0, n)
}
