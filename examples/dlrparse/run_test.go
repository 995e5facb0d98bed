package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden runs the program on the sample day and compares its output
// with the golden files; -update rewrites them.
func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"receipts", []string{"testdata/day.txt"}, "testdata/day.golden.jsonl"},
		{"summary", []string{"-summary", "testdata/day.txt"}, "testdata/day.summary.golden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, nil, &stdout, &stderr)
			require.Equal(t, exitOK, code, "stderr: %s", stderr.String())
			require.Empty(t, stderr.String())
			if *update {
				require.NoError(t, os.WriteFile(tt.golden, stdout.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(tt.golden)
			require.NoError(t, err, "run with -update to create it")
			if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", tt.golden, diff)
			}
		})
	}
}

// decodeLines reads the program's JSON lines.
func decodeLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var objs []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), "%s", line)
		objs = append(objs, m)
	}
	return objs
}

// TestUnreadableLines checks that lines the program cannot read give a
// JSON object with the line number and the error, that reading goes on,
// and that blank lines and comments are skipped.
func TestUnreadableLines(t *testing.T) {
	t.Parallel()
	in := strings.Join([]string{
		"# a comment",
		"hello world",
		"",
		"a = b",
		strings.Repeat("7", maxLine+1),
		"neither:this",
	}, "\n")
	var stdout, stderr bytes.Buffer
	code := run(nil, strings.NewReader(in), &stdout, &stderr)
	require.Equal(t, exitOK, code)
	require.Empty(t, stderr.String())
	objs := decodeLines(t, stdout.String())
	require.Len(t, objs, 4)
	for i, want := range []struct {
		line float64
		err  string
	}{
		{2, errUnknownFormat.Error()},
		{4, errUnknownFormat.Error()},
		{5, errLineTooLong.Error()},
		{6, errUnknownFormat.Error()},
	} {
		require.Equal(t, want.line, objs[i]["line"])
		require.Equal(t, want.err, objs[i]["parse_error"])
		require.NotEmpty(t, objs[i]["input"])
	}
	require.Equal(t, "hello world", objs[0]["input"])
	require.LessOrEqual(t, len(objs[2]["input"].(string)), 130, "the input of a long line is cut")
}

func TestForcedFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		line string
		err  string
	}{
		{"pdu that is not hex", []string{"-format", "pdu"}, "id:1 stat:DELIVRD", errNotPDU.Error()},
		{"pdu of another command", []string{"-format", "pdu"}, "0000001080000005000000000000000a", errNotPDU.Error()},
		{"query with a bad escape", []string{"-format", "query"}, "id=%zz", "dlrparse: query string: invalid URL escape \"%zz\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.line+"\n"), &stdout, &stderr)
			require.Equal(t, exitOK, code)
			objs := decodeLines(t, stdout.String())
			require.Len(t, objs, 1)
			require.Equal(t, tt.err, objs[0]["parse_error"])
			require.Equal(t, float64(1), objs[0]["line"])
		})
	}
}

func TestSeveralFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	require.NoError(t, os.WriteFile(a, []byte("what\n"), 0o644))
	require.NoError(t, os.WriteFile(b, []byte("\nnot this either\n"), 0o644))
	var stdout, stderr bytes.Buffer
	code := run([]string{a, b}, nil, &stdout, &stderr)
	require.Equal(t, exitOK, code)
	objs := decodeLines(t, stdout.String())
	require.Len(t, objs, 2)
	require.Equal(t, a, objs[0]["file"])
	require.Equal(t, float64(1), objs[0]["line"])
	require.Equal(t, b, objs[1]["file"])
	require.Equal(t, float64(2), objs[1]["line"])
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown flag", []string{"-bogus"}, exitUsage, "flag provided but not defined: -bogus"},
		{"unknown format", []string{"-format", "xml"}, exitUsage, `dlrparse: -format: unknown format "xml"`},
		{"unknown zone", []string{"-tz", "Mars/Olympus"}, exitUsage, "dlrparse: -tz: "},
		{"unknown namespace", []string{"-errns", "klingon"}, exitUsage, `dlrparse: -errns: unknown namespace "klingon"`},
		{"empty namespace", []string{"-errns", ""}, exitUsage, `dlrparse: -errns: unknown namespace ""`},
		{"help", []string{"-h"}, exitOK, "usage: dlrparse [flags] [file ...]"},
		{"missing file", []string{"testdata/no-such-file.txt"}, exitIO, "dlrparse: open testdata/no-such-file.txt: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			require.Equal(t, tt.code, code)
			require.Contains(t, stderr.String(), tt.stderr)
			require.Empty(t, stdout.String())
		})
	}
}

// TestSummaryCountsProblems checks -summary on input without receipts: no
// JSON lines, a report that counts the unreadable lines.
func TestSummaryCountsProblems(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	code := run([]string{"-summary"}, strings.NewReader("nonsense\nmore nonsense\n"), &stdout, &stderr)
	require.Equal(t, exitOK, code)
	require.Equal(t, "Receipts: 0   unreadable lines: 2\nMessages: 0   final: 0   delivered: 0\nDelivery rate: n/a (no final receipts yet)\n", stdout.String())
	require.Empty(t, stderr.String(), "no progress line when stderr is not a terminal")
}
