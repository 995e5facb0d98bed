package smppfmt

import "github.com/dlrkit/dlrkit/status"

// extraWords are stat: words outside SMPP 3.4 Appendix B whose meaning is
// documented, with the status they map to. Lower case.
var extraWords = [...]struct {
	word string
	s    status.Status
}{
	// Kannel gw/smsc/smsc_smpp.c handle_dlr counts ACKED, BUFFRED and
	// BUFFERD (with ACCEPTD and ENROUTE) as "buffered", not final; Mblox
	// sends BUFFRED and ACKED (opentelecoms-org/jsmpp#9). ACKED is the
	// SMSC's acknowledgement, BUFFRED/BUFFERD a message held in the network.
	{"acked", status.Accepted},
	{"buffred", status.Enroute},
	{"bufferd", status.Enroute},
	// FAILED: Mblox (jsmpp#9), Indian routes (jookies/jasmin#447), Vumi maps
	// it to failed (praekeltfoundation/vumi#897), MailUp documents it as a
	// failed delivery. No cause is given, so it is the generic failure.
	{"failed", status.Undeliverable},
	// UNDELVRD: a misspelling of UNDELIV seen in a public SMSC
	// implementation; the same meaning.
	{"undelvrd", status.Undeliverable},
	// DND_REJECTED: Indian routes reject numbers on the Do Not Disturb
	// registry with this word (err:123 stat:DND_REJECTED): a rejection.
	{"dnd_rejected", status.Rejected},
}

// textStatus maps a stat: word to a status, ignoring ASCII case: the SMPP 3.4
// Appendix B words, the message_state names (DELIVERED, UNDELIVERABLE, …,
// SMPP 5.0 SCHEDULED and SKIPPED), the message_state numbers 1–9 (SMPP 3.4
// §5.2.28, 5.0 §4.7.15) and the extras above. It reports false for anything
// else, and for "0": message_state 0 is SCHEDULED in SMPP 5.0, but Yo! sends
// stat:0 for a delivered message (Vumi maps it so, with "TODO: investigate"),
// so the word has no single documented meaning.
func textStatus(w string) (status.Status, bool) {
	switch len(w) {
	case 1:
		if c := w[0]; '1' <= c && c <= '9' {
			return status.FromMessageState(c - '0')
		}
		return status.None, false
	case 7:
		// The Appendix B words, the common case: the word folded to upper
		// case in one 64-bit value, then one switch on constants.
		// Two overlapping 4-byte loads (byte 3 is in both, in the same
		// place).
		u := uint64(le32(w[0:4])) | uint64(le32(w[3:7]))<<24
		// Clearing bit 5 folds letters to upper case; the constants are
		// all letters, and only a letter folds onto a letter.
		switch u &^ 0x20202020202020 {
		case wDELIVRD:
			return status.Delivered, true
		case wUNDELIV:
			return status.Undeliverable, true
		case wREJECTD:
			return status.Rejected, true
		case wEXPIRED:
			return status.Expired, true
		case wDELETED:
			return status.Deleted, true
		case wACCEPTD:
			return status.Accepted, true
		case wENROUTE:
			return status.Enroute, true
		case wUNKNOWN:
			return status.Unknown, true
		case wSKIPPED:
			return status.Skipped, true
		}
	case 8, 9, 13:
		if s, ok := status.Lookup([]byte(w)); ok {
			return s, true
		}
	}
	if len(w) < 5 || len(w) > 12 {
		return status.None, false
	}
	for _, e := range extraWords {
		if eqFoldWord(w, e.word) {
			return e.s, true
		}
	}
	return status.None, false
}

// le32 reads 4 bytes little-endian; the compiler makes it one load.
func le32(s string) uint32 {
	s = s[:4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// word7 is a 7-letter word as the 64-bit value textStatus compares.
func word7(w string) uint64 {
	var u uint64
	for i := 6; i >= 0; i-- {
		u = u<<8 | uint64(w[i])
	}
	return u
}

var (
	wDELIVRD = word7("DELIVRD")
	wUNDELIV = word7("UNDELIV")
	wREJECTD = word7("REJECTD")
	wEXPIRED = word7("EXPIRED")
	wDELETED = word7("DELETED")
	wACCEPTD = word7("ACCEPTD")
	wENROUTE = word7("ENROUTE")
	wUNKNOWN = word7("UNKNOWN")
	wSKIPPED = word7("SKIPPED")
)

// appendixB reports whether w is one of the 8 stat: words of SMPP 3.4
// Appendix B (the only ones Cloudhopper's DeliveryReceipt.toState accepts).
func appendixB(w string) bool {
	if len(w) != 7 {
		return false
	}
	switch {
	case eqFoldWord(w, "delivrd"), eqFoldWord(w, "expired"), eqFoldWord(w, "deleted"), eqFoldWord(w, "undeliv"),
		eqFoldWord(w, "acceptd"), eqFoldWord(w, "unknown"), eqFoldWord(w, "rejectd"), eqFoldWord(w, "enroute"):
		return true
	}
	return false
}

// isBareStatus reports whether a word outside any field is a status word
// that may stand for a missing stat: label: letters and '_' only (never a
// number), and known to textStatus.
func isBareStatus(w string) bool {
	if len(w) < 5 || len(w) > 13 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if keyByteClass[w[i]]&bAlpha == 0 && w[i] != '_' {
			return false
		}
	}
	_, ok := textStatus(w)
	return ok
}
