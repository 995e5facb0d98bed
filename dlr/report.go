package dlr

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// barWidth is the length of a 100% bar in WriteText's chart.
const barWidth = 40

// WriteText writes s for a terminal, in plain ASCII: the totals, the grade,
// a table of statuses with a bar chart of their shares of all messages, the
// top errors and the hints. Messages with no news yet show as "(none)".
func (s Summary) WriteText(w io.Writer) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Messages: %d   final: %d   delivered: %d\n", s.Messages, s.Final, s.Delivered)
	if s.Final > 0 {
		fmt.Fprintf(&b, "Delivery rate: %.1f%% of final, %.1f%% of all\n", s.DeliveryRate, s.DeliveryRateAll)
		fmt.Fprintf(&b, "Grade: %s (%s)\n", s.Grade, s.Grade.Advice())
	} else {
		fmt.Fprintf(&b, "Delivery rate: n/a (%s)\n", GradeNone.Advice())
	}

	if len(s.Statuses) > 0 {
		b.WriteString("\nSTATUS     COUNT   SHARE\n")
		for _, c := range s.Statuses {
			name := c.Status.String()
			if name == "" {
				name = "(none)"
			}
			share := percent(c.Count, s.Messages)
			fmt.Fprintf(&b, "%-9s %6d  %5.1f%%  %s\n", name, c.Count, share, bar(c.Count, s.Messages))
		}
	}

	if len(s.TopErrors) > 0 {
		codes := make([]string, len(s.TopErrors))
		width := 14 // the column grows for longer codes
		for i, e := range s.TopErrors {
			codes[i] = e.Code
			if codes[i] == "" {
				codes[i] = "raw " + e.Raw
			}
			width = max(width, len(codes[i]))
		}
		fmt.Fprintf(&b, "\nTOP ERRORS\n%-*s %6s  %s\n", width, "CODE", "COUNT", "MEANING")
		for i, e := range s.TopErrors {
			code := codes[i]
			meaning := e.Name
			if e.Description != "" {
				if meaning != "" {
					meaning += ": "
				}
				meaning += e.Description
			}
			if meaning == "" {
				meaning = "-"
			}
			fmt.Fprintf(&b, "%-*s %6d  %s\n", width, code, e.Count, meaning)
		}
	}

	if len(s.Hints) > 0 {
		b.WriteString("\nHINTS\n")
		for _, h := range s.Hints {
			fmt.Fprintf(&b, "- %s (%d, %.1f%% of final)\n", h.Text, h.Count, h.Share)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// String returns the text WriteText writes.
func (s Summary) String() string {
	var b strings.Builder
	_ = s.WriteText(&b)
	return b.String()
}

// bar is n of total as a run of '#', barWidth long for all; at least one
// '#' for any n > 0.
func bar(n, total int) string {
	if n <= 0 || total <= 0 {
		return ""
	}
	w := (n*barWidth + total/2) / total
	return strings.Repeat("#", max(1, w))
}
