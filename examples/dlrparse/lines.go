package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// maxLine bounds one input line: a batched JSON webhook body fits, a
// runaway file does not fill memory.
const maxLine = 1 << 20

// lineReader reads lines of at most maxLine bytes. A longer line is
// skipped to its end and reported.
type lineReader struct {
	r    *bufio.Reader
	n    int // number of the last line read, 1-based
	buf  []byte
	done bool
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10)}
}

var errLineTooLong = fmt.Errorf("dlrparse: line longer than %d bytes", maxLine)

// next returns the next line without its end of line (\n or \r\n) and
// surrounding spaces. It returns io.EOF after the last line, and
// errLineTooLong (with the line's start) for a line over the bound.
func (l *lineReader) next() ([]byte, error) {
	if l.done {
		return nil, io.EOF
	}
	l.buf = l.buf[:0]
	const room = maxLine + 2 // the line and its \r\n
	tooLong := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if n := min(len(chunk), room-len(l.buf)); n < len(chunk) {
			tooLong = true
			l.buf = append(l.buf, chunk[:n]...)
		} else {
			l.buf = append(l.buf, chunk...)
		}
		switch {
		case err == nil:
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			l.done = true
			if len(l.buf) == 0 {
				return nil, io.EOF
			}
		default:
			return nil, err
		}
		l.n++
		line := bytes.TrimSuffix(l.buf, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if tooLong || len(line) > maxLine {
			return bytes.TrimSpace(line[:min(len(line), 200)]), errLineTooLong
		}
		return bytes.TrimSpace(line), nil
	}
}
