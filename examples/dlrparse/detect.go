package main

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
)

// format is the wire form of one input line.
type format string

// The formats dlrparse reads; auto detects one per line.
const (
	formatAuto  format = "auto"
	formatText  format = "text"  // SMPP receipt text (id:… stat:… err:…)
	formatPDU   format = "pdu"   // hex of a whole deliver_sm or data_sm
	formatJSON  format = "json"  // a provider's JSON object or array
	formatForm  format = "form"  // a form body (a=1&b=2)
	formatQuery format = "query" // a callback URL or its query string
)

var formats = []format{formatAuto, formatText, formatPDU, formatJSON, formatForm, formatQuery}

func parseFormat(s string) (format, error) {
	for _, f := range formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want one of auto, text, pdu, json, form, query)", s)
}

// errUnknownFormat is returned by detect for a line in none of the formats.
var errUnknownFormat = errors.New("dlrparse: cannot tell the format of this line (try -format)")

// SMPP command ids of the PDUs that carry receipts (SMPP 3.4 §5.1.2.1).
const (
	cmdDeliverSM = 0x00000005
	cmdDataSM    = 0x00000103
)

// detect tells the format of one line (already trimmed). The checks go
// from the most specific shape to the least: JSON starts with a bracket; a
// PDU is hex whose header names deliver_sm or data_sm and whose length
// matches; receipt text has an id: or stat: key; form and query strings
// are key=value pairs without spaces.
func detect(line []byte) (format, error) {
	if len(line) == 0 {
		return "", errUnknownFormat
	}
	switch line[0] {
	case '{', '[':
		return formatJSON, nil
	}
	if _, ok := hexPDU(line); ok {
		return formatPDU, nil
	}
	if hasKey(line, "stat:") || hasKey(line, "id:") {
		return formatText, nil
	}
	if bytes.IndexByte(line, '=') > 0 && !bytes.ContainsAny(line, " \t") {
		if bytes.HasPrefix(line, []byte("http://")) || bytes.HasPrefix(line, []byte("https://")) || line[0] == '?' {
			return formatQuery, nil
		}
		return formatForm, nil
	}
	return "", errUnknownFormat
}

// hexPDU decodes line as the hex of a deliver_sm or data_sm PDU whose
// command_length is the decoded length.
func hexPDU(line []byte) ([]byte, bool) {
	const header = 16
	if len(line) < 2*header || len(line)%2 != 0 {
		return nil, false
	}
	b := make([]byte, len(line)/2)
	if _, err := hex.Decode(b, line); err != nil {
		return nil, false
	}
	if binary.BigEndian.Uint32(b[0:4]) != uint32(len(b)) {
		return nil, false
	}
	switch binary.BigEndian.Uint32(b[4:8]) {
	case cmdDeliverSM, cmdDataSM:
		return b, true
	}
	return nil, false
}

// hasKey reports whether key (lower case, ending in ':') occurs in line,
// ignoring ASCII case, at the start or after a space, tab or ';'.
func hasKey(line []byte, key string) bool {
	for i := 0; i+len(key) <= len(line); i++ {
		if i > 0 && line[i-1] != ' ' && line[i-1] != '\t' && line[i-1] != ';' {
			continue
		}
		match := true
		for j := 0; j < len(key); j++ {
			c := line[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != key[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
