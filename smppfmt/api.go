package smppfmt

// This file is the package's API skeleton: the bodies that say "not
// implemented" are being written and will be replaced before release.

import (
	"errors"
	"time"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
)

// Fields is a receipt text exactly as sent. Absent fields are "".
type Fields struct {
	ID, Sub, Dlvrd, SubmitDate, DoneDate, Stat, Err, Text string
	// Extra holds key:value pairs with keys the format does not define, in
	// input order.
	Extra []dlr.Field
}

// Parser holds the settings for reading receipt text. The zero Parser reads
// dates in UTC and error codes as 3GPP MAP codes.
type Parser struct {
	Location  *time.Location    // the SMSC's time zone; nil means UTC
	Namespace errcode.Namespace // namespace of err:; NoNamespace means MAP
	Strict    bool              // reject what Cloudhopper's strict mode rejects
	MaxSize   int               // largest text accepted; 0 means DefaultMaxSize
}

// DefaultMaxSize bounds receipt text (short_message is at most 254 octets;
// message_payload at most 64 KiB).
const DefaultMaxSize = 64 << 10

var errNotImplemented = errors.New("smppfmt: not implemented")

// ParseFields splits a receipt text into its fields, exactly as sent.
func ParseFields(text []byte) (Fields, error) { return (&Parser{}).ParseFields(text) }

// Parse reads a receipt text into a normalized receipt.
func Parse(text []byte) (dlr.Receipt, error) { return (&Parser{}).Parse(text) }

// ParseFields is like the package function, with p's settings.
func (p *Parser) ParseFields(text []byte) (Fields, error) { return Fields{}, errNotImplemented }

// Parse is like the package function, with p's settings.
func (p *Parser) Parse(text []byte) (dlr.Receipt, error) { return dlr.Receipt{}, errNotImplemented }
