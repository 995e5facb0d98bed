package smppfmt

// This file holds placeholders for the PDU side of the package; they are
// replaced by the PDU decoder and the message-id canonicalization.

import (
	"errors"

	"github.com/dlrkit/dlrkit/dlr"
)

var errNotImplemented = errors.New("smppfmt: not implemented")

// DecodePDU reads a whole deliver_sm or data_sm PDU, header included.
func DecodePDU(pdu []byte) (dlr.Receipt, error) { return (&Parser{}).DecodePDU(pdu) }

// DecodePDU is like the package function, with p's settings.
func (p *Parser) DecodePDU(pdu []byte) (dlr.Receipt, error) { return dlr.Receipt{}, errNotImplemented }

// SameID reports whether two message ids name the same message: decimal
// (zero-padded or not) against hexadecimal (either case).
func SameID(a, b string) bool { return a == b }
