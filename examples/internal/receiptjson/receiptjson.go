package receiptjson

import (
	"encoding/json"
	"io"
	"unicode/utf8"

	"github.com/dlrkit/dlrkit/dlr"
)

// Object is one printed receipt.
type Object struct {
	File string `json:"file,omitempty"` // input file, when there are several
	Line int    `json:"line,omitempty"` // input line number, when read from lines
	dlr.Receipt
	Final     bool       `json:"final"`             // the status is final
	ErrorInfo *ErrorInfo `json:"error,omitempty"`   // the receipt's error code, when it has one
	Warning   string     `json:"warning,omitempty"` // a partial result's error (an unknown status word, …)
}

// ErrorInfo describes a receipt's error code.
type ErrorInfo struct {
	Code        string `json:"code"`                  // "namespace:value", e.g. "map:1"
	Name        string `json:"name,omitempty"`        // short name, when the tables know the code
	Description string `json:"description,omitempty"` // one line for people
	Class       string `json:"class"`                 // permanent, temporary, none or unknown
	Retryable   bool   `json:"retryable"`             // whether retrying may help
}

// Problem is printed in place of receipts for input that could not be read.
type Problem struct {
	File       string `json:"file,omitempty"`
	Line       int    `json:"line,omitempty"`
	ParseError string `json:"parse_error"`
	Input      string `json:"input,omitempty"` // the start of the input, for finding it
}

// New returns the printed form of r. warning is the error a parser returned
// along with a partial receipt, or nil.
func New(r dlr.Receipt, warning error) Object {
	o := Object{Receipt: r, Final: r.Status.Final()}
	if !r.Error.IsZero() {
		info, _ := r.ErrorInfo() // an unknown code still gets its class: unknown
		o.ErrorInfo = &ErrorInfo{
			Code:        r.Error.String(),
			Name:        info.Name,
			Description: info.Description,
			Class:       info.Class.String(),
			Retryable:   info.Class.Retryable(),
		}
	}
	if warning != nil {
		o.Warning = warning.Error()
	}
	return o
}

// maxInput bounds Problem.Input.
const maxInput = 120

// NewProblem returns the printed form of an input that gave err.
func NewProblem(line int, input []byte, err error) Problem {
	s := string(input)
	if len(s) > maxInput {
		n := maxInput
		for n > 0 && !utf8.RuneStart(s[n]) {
			n-- // do not cut a character in two
		}
		s = s[:n] + "…"
	}
	return Problem{Line: line, ParseError: err.Error(), Input: s}
}

// Encoder writes objects as JSON lines.
type Encoder struct {
	enc *json.Encoder
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer) *Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &Encoder{enc: enc}
}

// Encode writes v (an Object, a Problem or any other value) as one line.
func (e *Encoder) Encode(v any) error { return e.enc.Encode(v) }
