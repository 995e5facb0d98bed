package main

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/smppfmt"
	"github.com/dlrkit/dlrkit/status"
)

// lineDecoder reads the receipts in one line; see decoder.decode.
type lineDecoder interface {
	decode(line []byte) ([]dlr.Receipt, error)
}

// decoder reads one line in a known or detected format.
type decoder struct {
	format   format          // formatAuto detects per line
	provider string          // carrier provider name; "" detects
	parser   *smppfmt.Parser // for SMPP text and PDUs: time zone, err: namespace
}

var errNotPDU = errors.New("dlrparse: not the hex of a deliver_sm or data_sm PDU")

// decode returns the receipts in line. An error with receipts is a partial
// result (an unknown status word, …); an error without is an unreadable
// line.
func (d *decoder) decode(line []byte) ([]dlr.Receipt, error) {
	f := d.format
	if f == formatAuto {
		var err error
		if f, err = detect(line); err != nil {
			return nil, err
		}
	}
	switch f {
	case formatText:
		r, err := d.parser.Parse(line)
		return one(r, err)
	case formatPDU:
		pdu, ok := hexPDU(line)
		if !ok {
			return nil, errNotPDU
		}
		r, err := d.parser.DecodePDU(pdu)
		return one(r, err)
	case formatJSON:
		return carrier.Parse(line, carrier.Meta{ContentType: "application/json", Provider: d.provider})
	case formatForm:
		return carrier.Parse(line, carrier.Meta{ContentType: "application/x-www-form-urlencoded", Provider: d.provider})
	case formatQuery:
		q, err := queryOf(string(line))
		if err != nil {
			return nil, err
		}
		return carrier.Parse(nil, carrier.Meta{Query: q, Provider: d.provider})
	}
	return nil, fmt.Errorf("dlrparse: unknown format %q", f)
}

// one wraps a single-receipt parser's answer: a receipt comes back when it
// says anything (a partial result), none when the parser found nothing.
func one(r dlr.Receipt, err error) ([]dlr.Receipt, error) {
	if err != nil && r.MessageID == "" && r.Status == status.None {
		return nil, err
	}
	return []dlr.Receipt{r}, err
}

// queryOf reads a callback URL (http://host/path?a=1), a query string with
// a leading '?', or a bare query string.
func queryOf(s string) (url.Values, error) {
	if len(s) > 0 && s[0] != '?' {
		if u, err := url.Parse(s); err == nil && u.Scheme != "" {
			s = u.RawQuery
		}
	}
	if len(s) > 0 && s[0] == '?' {
		s = s[1:]
	}
	q, err := url.ParseQuery(s)
	if err != nil {
		return nil, fmt.Errorf("dlrparse: query string: %w", err)
	}
	return q, nil
}
