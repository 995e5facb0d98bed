package carrier

import (
	"bytes"
	"net/url"
	"strings"
	"time"

	"github.com/dlrkit/dlrkit/dlr"
	"github.com/dlrkit/dlrkit/errcode"
	"github.com/dlrkit/dlrkit/smppfmt"
	"github.com/dlrkit/dlrkit/status"
)

// The provider names, as Meta.Provider takes them and Receipt.Source.Provider
// gives them.
const (
	BulkSMSRates   = "bulksmsrates"    // BulkSMSRates JSON webhook (single or batch)
	TSG            = "tsg"             // TSG Global sms_dlr / mms_dlr JSON
	Kannel         = "kannel"          // Kannel dlr-url GET callback
	Jasmin         = "jasmin"          // Jasmin HTTP DLR, GET or POST form
	Generic        = "generic"         // any JSON, form or query with common field names
	Twilio         = "twilio"          // Twilio Programmable Messaging status callback (form)
	Vonage         = "vonage"          // Vonage SMS API delivery receipt (query, form or JSON)
	VonageMessages = "vonage-messages" // Vonage Messages API status webhook (JSON)
	Plivo          = "plivo"           // Plivo message status callback (form or query)
	Sinch          = "sinch"           // Sinch SMS REST delivery reports (JSON)
	Infobip        = "infobip"         // Infobip SMS delivery reports, {"results":[…]} (JSON)
	Telnyx         = "telnyx"          // Telnyx Messaging v2 message.* events (JSON)
	MessageBird    = "messagebird"     // MessageBird (Bird legacy SMS) status report (query)
	AWS            = "aws"             // AWS End User Messaging SMS events (JSON)
	Clickatell     = "clickatell"      // Clickatell status callback (JSON)
	AfricasTalking = "africastalking"  // Africa's Talking delivery report (form)
	Bandwidth      = "bandwidth"       // Bandwidth Messaging v2 callbacks (JSON array)
	BSG            = "bsg"             // BSG (bsg.world) status callback (JSON)
)

// Providers returns the names of the providers Parse has an adapter for, in
// the order Detect considers them (generic last).
func Providers() []string {
	return []string{BulkSMSRates, TSG, Kannel, Jasmin, Twilio, Vonage, VonageMessages, Plivo, Sinch, Infobip, Telnyx, MessageBird, AWS, Clickatell, AfricasTalking, Bandwidth, BSG, Generic}
}

// Headers gives the request headers an adapter or detection may need,
// without tying the package to net/http (http.Header satisfies it).
type Headers interface {
	Get(key string) string
}

// Meta is what is known of a webhook request besides its body.
type Meta struct {
	ContentType string     // the Content-Type header; "" means sniff the body
	Query       url.Values // the request's query parameters (GET callbacks)
	// RawQuery is the query string as sent (without "?"). When it is set it
	// is read instead of Query, so that Extra keeps the parameters' order.
	RawQuery string
	Provider string  // the provider's name (see the constants); "" means detect
	Headers  Headers // optional
}

// The default bounds of a Parser.
const (
	DefaultMaxBody  = 1 << 20 // bytes of body (or query string)
	DefaultMaxBatch = 1000    // receipts in one body
	DefaultMaxDepth = 32      // JSON nesting
)

// Parser holds the settings for decoding callbacks. The zero Parser is ready
// to use: it reads zone-less timestamps in UTC and applies the default
// bounds. A Parser is not modified by its methods and may be shared.
type Parser struct {
	// Location is the zone for timestamps that carry none (TSG, Jasmin
	// subdate/donedate, Kannel %A dates, generic). nil means UTC.
	Location *time.Location
	// SMPP reads SMPP receipt text and fields that gateways pass on (Kannel
	// %A, Jasmin err/subdate/donedate). Its Location, when nil, is taken
	// from Location above; its Namespace decides how err values are read
	// (MAP when unset).
	SMPP smppfmt.Parser

	// Vocabulary adds status words to the generic adapter's vocabulary or
	// overrides its entries; keys match ignoring case, '_', '-', '.' and
	// spaces. nil means the built-in vocabulary only.
	Vocabulary map[string]status.Status

	// Kannel names the parameters of the application's Kannel dlr-url
	// template; the zero value accepts common names.
	Kannel KannelParams

	MaxBody  int // largest body or query string; 0 means DefaultMaxBody
	MaxBatch int // most receipts in one body; 0 means DefaultMaxBatch
	MaxDepth int // deepest JSON nesting; 0 means DefaultMaxDepth
}

// Parse decodes a provider's delivery-receipt callback into receipts using
// the zero [Parser]. See [Parser.Parse].
func Parse(body []byte, meta Meta) ([]dlr.Receipt, error) {
	var p Parser
	return p.Parse(body, meta)
}

// Parse decodes a callback into receipts, one per message, part or recipient
// the callback reports, in input order.
//
// The body is read as JSON, a form or (when it is empty) the query, by
// meta.ContentType or, when that is empty or text/plain, by its first
// non-space byte. meta.Provider
// picks the adapter; empty means [Detect].
//
// The error is nil, a [*ParseError] (no receipts), a [*DetectError] (no
// receipts), or a [*ValueError] returned together with complete receipts
// when some values were not understood.
func (p *Parser) Parse(body []byte, meta Meta) ([]dlr.Receipt, error) {
	var req request
	if err := p.newRequest(&req, body, &meta); err != nil {
		return nil, err
	}
	name := meta.Provider
	var err error
	if name == "" {
		name, err = p.detect(&req)
		if err != nil {
			return nil, err
		}
	}
	d := decoder{p: p, provider: name, format: req.format, body: req.body}
	var out []dlr.Receipt
	switch name {
	case BulkSMSRates:
		out, err = decodeBulkSMSRates(&d, &req)
	case TSG:
		out, err = decodeTSG(&d, &req)
	case Kannel:
		out, err = decodeKannel(&d, &req)
	case Jasmin:
		out, err = decodeJasmin(&d, &req)
	case Twilio:
		out, err = decodeTwilio(&d, &req)
	case Vonage:
		out, err = decodeVonage(&d, &req)
	case VonageMessages:
		out, err = decodeVonageMessages(&d, &req)
	case Plivo:
		out, err = decodePlivo(&d, &req)
	case Sinch:
		out, err = decodeSinch(&d, &req)
	case Infobip:
		out, err = decodeInfobip(&d, &req)
	case Telnyx:
		out, err = decodeTelnyx(&d, &req)
	case MessageBird:
		out, err = decodeMessageBird(&d, &req)
	case AWS:
		out, err = decodeAWS(&d, &req)
	case Clickatell:
		out, err = decodeClickatell(&d, &req)
	case AfricasTalking:
		out, err = decodeAfricasTalking(&d, &req)
	case Bandwidth:
		out, err = decodeBandwidth(&d, &req)
	case BSG:
		out, err = decodeBSG(&d, &req)
	case Generic:
		out, err = decodeGeneric(&d, &req)
	default:
		return nil, &ParseError{Provider: name, Offset: -1, Err: ErrUnknownProvider}
	}
	if err != nil {
		return nil, err
	}
	if len(d.unknown) > 0 {
		return out, &ValueError{Provider: name, Values: d.unknown}
	}
	return out, nil
}

// request is one callback as the adapters see it: a JSON body, or the
// fields of a form or query in input order.
type request struct {
	format  dlr.Format
	body    []byte  // the JSON text when format is json
	pairs   []pair  // the fields when format is form or query
	headers Headers // Meta.Headers, for adapters that need a header
}

func (p *Parser) maxBody() int  { return orDefault(p.MaxBody, DefaultMaxBody) }
func (p *Parser) maxBatch() int { return orDefault(p.MaxBatch, DefaultMaxBatch) }
func (p *Parser) maxDepth() int { return orDefault(p.MaxDepth, DefaultMaxDepth) }

func orDefault(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}

func (p *Parser) location() *time.Location {
	if p.Location == nil {
		return time.UTC
	}
	return p.Location
}

// newRequest picks the format and, for forms and queries, splits the
// fields. JSON is validated by the adapters as they scan it.
func (p *Parser) newRequest(req *request, body []byte, meta *Meta) error {
	if len(body) > p.maxBody() || len(meta.RawQuery) > p.maxBody() {
		return &ParseError{Provider: meta.Provider, Offset: -1, Err: ErrTooLarge}
	}
	req.headers = meta.Headers
	trimmed := bytes.TrimSpace(body)
	var err error
	switch {
	case len(trimmed) == 0:
		req.format = dlr.FormatQuery
		if meta.RawQuery != "" {
			req.pairs, err = splitForm(meta.RawQuery, p.maxBatch())
		} else {
			req.pairs = pairsFromValues(meta.Query)
		}
	case isJSONType(meta.ContentType), sniffable(meta.ContentType) && (trimmed[0] == '{' || trimmed[0] == '['):
		req.format = dlr.FormatJSON
		req.body = body // not trimmed: error offsets count from the body's start
	case isFormType(meta.ContentType), sniffable(meta.ContentType):
		req.format = dlr.FormatForm
		req.pairs, err = splitForm(string(body), p.maxBatch())
	default:
		return &ParseError{Provider: meta.Provider, Offset: -1, Field: "Content-Type", Err: ErrWrongFormat}
	}
	if err != nil {
		if pe, ok := err.(*ParseError); ok {
			pe.Provider = meta.Provider
		}
		return err
	}
	return nil
}

// mediaType returns the lower-case media type without parameters.
func mediaType(ct string) string {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

func isJSONType(ct string) bool {
	mt := mediaType(ct)
	return mt == "application/json" || mt == "text/json" || strings.HasSuffix(mt, "+json")
}

func isFormType(ct string) bool {
	return mediaType(ct) == "application/x-www-form-urlencoded"
}

// sniffable reports a Content-Type that does not say what the body is: none,
// or text/plain, which some gateways send with a form or JSON body.
func sniffable(ct string) bool {
	mt := mediaType(ct)
	return mt == "" || mt == "text/plain"
}

func (p *Parser) smppLocation() *time.Location {
	if p.SMPP.Location != nil {
		return p.SMPP.Location
	}
	return p.location()
}

// smppNamespace is the namespace of err values that come from SMPP
// receipts: Parser.SMPP.Namespace, MAP when unset (as smppfmt reads err:).
func (p *Parser) smppNamespace() errcode.Namespace {
	if p.SMPP.Namespace != errcode.NoNamespace {
		return p.SMPP.Namespace
	}
	return errcode.MAP
}

// smppParser returns the settings for receipt text carried in a callback.
func (p *Parser) smppParser() *smppfmt.Parser {
	sp := p.SMPP
	sp.Location = p.smppLocation()
	return &sp
}
