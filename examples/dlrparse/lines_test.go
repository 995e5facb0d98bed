package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func readAll(t *testing.T, in string) (lines []string, errs []error) {
	t.Helper()
	lr := newLineReader(strings.NewReader(in))
	for {
		line, err := lr.next()
		if errors.Is(err, io.EOF) {
			return lines, errs
		}
		lines = append(lines, string(line))
		errs = append(errs, err)
	}
}

func TestLineReader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"one line, no newline", "a", []string{"a"}},
		{"crlf", "a\r\nb\r\n", []string{"a", "b"}},
		{"blank lines kept", "a\n\n  \nb\n", []string{"a", "", "", "b"}},
		{"spaces trimmed", "  a b \t\n", []string{"a b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, errs := readAll(t, tt.in)
			require.Equal(t, tt.want, got)
			for _, err := range errs {
				require.NoError(t, err)
			}
		})
	}
}

func TestLineReaderTooLong(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", maxLine+10)
	lines, errs := readAll(t, "a\n"+long+"\nb")
	require.Len(t, lines, 3)
	require.Equal(t, "a", lines[0])
	require.ErrorIs(t, errs[1], errLineTooLong)
	require.LessOrEqual(t, len(lines[1]), 200, "only the start of a long line is kept")
	require.Equal(t, "b", lines[2], "reading goes on after a long line")
	require.NoError(t, errs[2])
}

func TestLineReaderAtTheBound(t *testing.T) {
	t.Parallel()
	exact := strings.Repeat("x", maxLine)
	for _, eol := range []string{"\n", "\r\n"} {
		lines, errs := readAll(t, exact+eol+"b\n")
		require.Len(t, lines, 2)
		require.NoError(t, errs[0], "a line of exactly maxLine bytes is read (end of line %q)", eol)
		require.Len(t, lines[0], maxLine)
	}
	lines, errs := readAll(t, exact+"y")
	require.Len(t, lines, 1)
	require.ErrorIs(t, errs[0], errLineTooLong, "one byte more is too long, also at the end of input")
}
