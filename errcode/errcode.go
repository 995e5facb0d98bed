package errcode

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/dlrkit/dlrkit/status"
)

// Namespace names a numbering scheme for error codes. The same number means
// different things in different namespaces: 32 is sm-DeliveryFailure in MAP
// but "SMS barred" in the BulkSMSRates table.
type Namespace uint8

// The namespaces. The zero value means no namespace (no code).
const (
	NoNamespace    Namespace = iota
	MAP                      // 3GPP TS 29.002 §17.6.6 error codes: the default reading of a receipt's err:
	SMPP                     // SMPP 3.4 §5.1.3 / 5.0 §4.7.6 command_status
	TPStatus                 // 3GPP TS 23.040 §9.2.3.15 TP-Status
	TPFailureCause           // 3GPP TS 23.040 §9.2.3.22 TP-Failure-Cause
	RPCause                  // 3GPP TS 24.011 §8.2.5.4 RP-Cause
	ANSI136Access            // network_error_code type 1: ANSI-136 access denied reason
	IS95Access               // network_error_code type 2: IS-95 access denied reason
	ANSI136Cause             // network_error_code type 4 (SMPP 5.0): ANSI-136 cause code
	IS95Cause                // network_error_code type 5 (SMPP 5.0): IS-95 cause code
	ANSI41                   // network_error_code type 6 (SMPP 5.0): ANSI-41 error
	MessageCenter            // network_error_code type 8 (SMPP 5.0): message-centre specific
	BulkSMSRates             // BulkSMSRates receipt err / error_code values
	TSG                      // TSG Global delivery_error_code values
	Twilio                   // Twilio ErrorCode (300xx)
	Vonage                   // Vonage SMS API DLR err-code
	VonageMessages           // Vonage Messages API error.type codes
	Plivo                    // Plivo ErrorCode
	Sinch                    // Sinch delivery report codes
	Infobip                  // Infobip error ids
	Telnyx                   // Telnyx errors[].code
	MessageBird              // MessageBird/Bird extended error codes
	AWS                      // AWS End User Messaging SMS
	Clickatell               // Clickatell status/error codes
	AfricasTalking           // Africa's Talking failureReason
	Bandwidth                // Bandwidth Messaging v2 errorCode
	BSG                      // BSG err codes
	Kannel                   // Kannel dlr-url values
	Jasmin                   // Jasmin err values

	// Parameters that qualify a MAP error, and an SMPP TLV.
	MAPDeliveryFailureCause   // TS 29.002 SM-EnumeratedDeliveryFailureCause, the cause of MAP sm-DeliveryFailure (32)
	MAPAbsentDiagnostic       // TS 23.040 Table 1a AbsentSubscriberDiagnosticSM, the reason of MAP absentSubscriberSM (6)
	SMPPDeliveryFailureReason // SMPP 3.4 §5.3.2.33 delivery_failure_reason TLV (0x0425)

	numNamespaces // keep last
)

// namespaceNames are the names String gives; data/<name>.tsv holds a
// namespace's table. gen.go reads this literal as source text, so keep it
// a keyed list of constants and string literals.
var namespaceNames = [numNamespaces]string{
	NoNamespace:    "",
	MAP:            "map",
	SMPP:           "smpp",
	TPStatus:       "tp-status",
	TPFailureCause: "tp-fcs",
	RPCause:        "rp-cause",
	ANSI136Access:  "ansi136-access",
	IS95Access:     "is95-access",
	ANSI136Cause:   "ansi136-cause",
	IS95Cause:      "is95-cause",
	ANSI41:         "ansi41",
	MessageCenter:  "message-center",
	BulkSMSRates:   "bulksmsrates",
	TSG:            "tsg",
	Twilio:         "twilio",
	Vonage:         "vonage",
	VonageMessages: "vonage-messages",
	Plivo:          "plivo",
	Sinch:          "sinch",
	Infobip:        "infobip",
	Telnyx:         "telnyx",
	MessageBird:    "messagebird",
	AWS:            "aws",
	Clickatell:     "clickatell",
	AfricasTalking: "africastalking",
	Bandwidth:      "bandwidth",
	BSG:            "bsg",
	Kannel:         "kannel",
	Jasmin:         "jasmin",

	MAPDeliveryFailureCause:   "map-dfc",
	MAPAbsentDiagnostic:       "map-absent-diag",
	SMPPDeliveryFailureReason: "smpp-dfr",
}

// String returns the namespace's lower-case name ("map", "smpp", "twilio").
func (n Namespace) String() string {
	if n < numNamespaces {
		return namespaceNames[n]
	}
	return "Namespace(" + strconv.Itoa(int(n)) + ")"
}

// MarshalText implements encoding.TextMarshaler. It fails for a value out
// of range, so that marshaling never writes what UnmarshalText cannot read.
func (n Namespace) MarshalText() ([]byte, error) {
	if n >= numNamespaces {
		return nil, errors.New("errcode: cannot marshal " + n.String())
	}
	return []byte(namespaceNames[n]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParseNamespace].
func (n *Namespace) UnmarshalText(b []byte) error {
	v, ok := ParseNamespace(string(b))
	if !ok {
		return &namespaceError{string(b)}
	}
	*n = v
	return nil
}

type namespaceError struct{ name string }

func (e *namespaceError) Error() string { return "errcode: unknown namespace " + strconv.Quote(e.name) }

// ParseNamespace returns the namespace with the given name (as String gives
// it); the empty name is NoNamespace.
func ParseNamespace(name string) (Namespace, bool) {
	for n, s := range namespaceNames {
		if s == name {
			return Namespace(n), true
		}
	}
	return NoNamespace, false
}

// Class says whether retrying the same message may help.
type Class uint8

const (
	ClassUnknown   Class = iota // no source classifies the code
	ClassNone                   // not an error (success, "no error")
	ClassTemporary              // the same message may succeed later
	ClassPermanent              // resubmitting unchanged fails the same way

	numClasses
)

var classNames = [numClasses]string{"unknown", "none", "temporary", "permanent"}

func (c Class) String() string {
	if c < numClasses {
		return classNames[c]
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// MarshalText implements encoding.TextMarshaler. It fails for a value out
// of range, so that marshaling never writes what UnmarshalText cannot read.
func (c Class) MarshalText() ([]byte, error) {
	if c >= numClasses {
		return nil, errors.New("errcode: cannot marshal " + c.String())
	}
	return []byte(classNames[c]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParseClass].
func (c *Class) UnmarshalText(b []byte) error {
	v, ok := ParseClass(string(b))
	if !ok {
		return errors.New("errcode: unknown class " + strconv.Quote(string(b)))
	}
	*c = v
	return nil
}

// ParseClass returns the class with the given name ("permanent",
// "temporary", "none", "unknown"), as String gives it.
func ParseClass(name string) (Class, bool) {
	for c, s := range classNames {
		if s == name {
			return Class(c), true
		}
	}
	return ClassUnknown, false
}

// Retryable reports whether a retry is worth trying: temporary errors, and
// codes no source classifies.
func (c Class) Retryable() bool { return c == ClassTemporary || c == ClassUnknown }

// Code is an error code in its namespace. The zero value means no code.
type Code struct {
	Namespace Namespace
	Value     uint32
}

// IsZero reports whether c is the zero Code (no code).
func (c Code) IsZero() bool { return c == Code{} }

// String returns "namespace:value", or "" for the zero Code.
func (c Code) String() string {
	if c.IsZero() {
		return ""
	}
	return c.Namespace.String() + ":" + strconv.FormatUint(uint64(c.Value), 10)
}

// MarshalText implements encoding.TextMarshaler: the String form
// ("map:27"), or empty for the zero Code. It fails for a namespace out of
// range.
func (c Code) MarshalText() ([]byte, error) {
	if c.IsZero() {
		return []byte{}, nil
	}
	if _, err := c.Namespace.MarshalText(); err != nil {
		return nil, err
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it reads what
// MarshalText writes; the empty text is the zero Code.
func (c *Code) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = Code{}
		return nil
	}
	s := string(b)
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return &codeError{s}
	}
	ns, ok := ParseNamespace(s[:i])
	v, vok := ParseValue(s[i+1:])
	if !ok || ns == NoNamespace || !vok || strings.TrimSpace(s[i+1:]) != s[i+1:] {
		return &codeError{s}
	}
	*c = Code{Namespace: ns, Value: v}
	return nil
}

type codeError struct{ text string }

func (e *codeError) Error() string {
	return "errcode: cannot read code " + strconv.Quote(e.text) + ` (want "namespace:value")`
}

// Info describes a code.
type Info struct {
	Name        string        // short name: "unknownSubscriber", "ESME_RINVDSTADR"
	Description string        // one line for people
	Class       Class         // permanent, temporary, none or unknown
	Implies     status.Status // the status the code implies in a final receipt; None if it implies none
	Source      string        // where the row comes from
}

// entry is one generated table row: the codes value through last share
// info. Ranges keep blocks such as TP-Status 0x30-0x3F (SC-specific) or SMPP
// 0x400-0x4FF (vendor-specific) to one row each.
type entry struct {
	value, last uint32
	info        Info
}

// Lookup returns what is known of c. It does not allocate.
func Lookup(c Code) (Info, bool) {
	if c.Namespace >= numNamespaces {
		return Info{}, false
	}
	t := tables[c.Namespace]
	// The first row that ends at or after c.Value; rows are sorted and do
	// not overlap (gen.go checks). A hand-written loop measured no faster.
	i := sort.Search(len(t), func(i int) bool { return t[i].last >= c.Value })
	if i < len(t) && t[i].value <= c.Value {
		return t[i].info, true
	}
	return Info{}, false
}

// Rows returns how many codes the tables know in ns; a row that covers a
// range counts every code in it.
func Rows(ns Namespace) int {
	if ns >= numNamespaces {
		return 0
	}
	n := 0
	for _, e := range tables[ns] {
		n += int(e.last-e.value) + 1
	}
	return n
}

// Read reads a code as it appears in a receipt or a callback: decimal digits
// with any zero padding ("000", "027", "0000"), or hexadecimal with a 0x
// prefix ("0x00000045", as SMPP command_status is often written). Surrounding
// spaces are ignored. It reports false for anything else ("21b", "", "-1"),
// so the caller keeps only the raw text.
func Read(ns Namespace, raw string) (Code, bool) {
	v, ok := ParseValue(raw)
	if !ok {
		return Code{}, false
	}
	return Code{Namespace: ns, Value: v}, true
}

// ParseValue is the number-reading part of [Read]. It does not allocate.
func ParseValue(raw string) (uint32, bool) {
	for len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t') {
		raw = raw[1:]
	}
	for len(raw) > 0 && (raw[len(raw)-1] == ' ' || raw[len(raw)-1] == '\t') {
		raw = raw[:len(raw)-1]
	}
	if raw == "" {
		return 0, false
	}
	base := uint64(10)
	if len(raw) > 2 && raw[0] == '0' && (raw[1] == 'x' || raw[1] == 'X') {
		base = 16
		raw = raw[2:]
	}
	var v uint64
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		var d uint64
		switch {
		case '0' <= c && c <= '9':
			d = uint64(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = uint64(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = uint64(c-'A') + 10
		default:
			return 0, false
		}
		v = v*base + d
		if v > 0xFFFFFFFF {
			return 0, false
		}
	}
	return uint32(v), true
}

// FromNetworkErrorCode converts the SMPP network_error_code TLV (0x0423):
// a network type octet and a 16-bit code (SMPP 3.4 §5.3.2.31, 5.0
// §4.8.4.42). Type 3 (GSM) is read as a MAP code, as Kannel does; type 7
// (SMPP error) as a command_status. It reports false for reserved types.
func FromNetworkErrorCode(typ uint8, value uint16) (Code, bool) {
	var ns Namespace
	switch typ {
	case 1:
		ns = ANSI136Access
	case 2:
		ns = IS95Access
	case 3:
		ns = MAP
	case 4:
		ns = ANSI136Cause
	case 5:
		ns = IS95Cause
	case 6:
		ns = ANSI41
	case 7:
		ns = SMPP
	case 8:
		ns = MessageCenter
	default:
		return Code{}, false
	}
	return Code{Namespace: ns, Value: uint32(value)}, true
}

// NetworkType returns the network_error_code type octet for ns, or false
// when ns is not one of the network types.
func (n Namespace) NetworkType() (uint8, bool) {
	for t := uint8(1); t <= 8; t++ {
		if c, _ := FromNetworkErrorCode(t, 0); c.Namespace == n {
			return t, true
		}
	}
	return 0, false
}
