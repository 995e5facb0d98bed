package carrier

// normKey folds a field name for style-insensitive matching: ASCII lower
// case, without '_', '-', '.' and spaces ("Message-ID", "message_id" and
// "messageId" all give "messageid").
func normKey(s string) string {
	var buf [64]byte
	if len(s) > len(buf) {
		return ""
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || c == '-' || c == '.' || c == ' ':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return string(buf[:n])
}
