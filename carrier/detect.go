package carrier

import (
	"bytes"
	"strings"
)

// Detect names the provider that sent body, by distinctive fields. It never
// guesses: input that fits no provider's rule is ErrUnknownProvider (name
// the provider, or "generic", in Meta.Provider), input that fits several is
// ErrAmbiguous, both in a *DetectError that lists the candidates. The
// rules are listed in the package documentation.
func Detect(body []byte, meta Meta) (string, error) {
	var p Parser
	var req request
	if err := p.newRequest(&req, body, &meta); err != nil {
		return "", err
	}
	return p.detect(&req)
}

// shape is what detection looks at: the first object's top-level fields
// (JSON), or the form or query fields.
type shape struct {
	format string
	keys   []string // as sent, in order
	values []string // text of each key's value (JSON: string content or raw text)
}

func (s *shape) has(key string) bool {
	for _, k := range s.keys {
		if k == key {
			return true
		}
	}
	return false
}

func (s *shape) value(key string) string {
	for i, k := range s.keys {
		if k == key {
			return s.values[i]
		}
	}
	return ""
}

func (p *Parser) detect(req *request) (string, error) {
	s, err := p.shapeOf(req)
	if err != nil {
		return "", err
	}
	var found []string
	// One rule per provider, in the order of Providers. A new adapter adds
	// its rule here; rules must not overlap on published payloads.
	if isBulkSMSRates(s) {
		found = append(found, BulkSMSRates)
	}
	if isTSG(s) {
		found = append(found, TSG)
	}
	if isKannel(s) {
		found = append(found, Kannel)
	}
	if isJasmin(s) {
		found = append(found, Jasmin)
	}
	if isTwilio(s) {
		found = append(found, Twilio)
	}
	if isVonage(s) {
		found = append(found, Vonage)
	}
	if isVonageMessages(s) {
		found = append(found, VonageMessages)
	}
	if isPlivo(s) {
		found = append(found, Plivo)
	}
	if isSinch(s) {
		found = append(found, Sinch)
	}
	if isInfobip(s) {
		found = append(found, Infobip)
	}
	if isTelnyx(s) {
		found = append(found, Telnyx)
	}
	if isMessageBird(s) {
		found = append(found, MessageBird)
	}
	if isAWS(s) {
		found = append(found, AWS)
	}
	if isClickatell(s) {
		found = append(found, Clickatell)
	}
	if isAfricasTalking(s) {
		found = append(found, AfricasTalking)
	}
	if isBandwidth(s) {
		found = append(found, Bandwidth)
	}
	if isBSG(s) {
		found = append(found, BSG)
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", &DetectError{Err: ErrUnknownProvider}
	}
	return "", &DetectError{Candidates: found, Err: ErrAmbiguous}
}

func (p *Parser) shapeOf(req *request) (*shape, error) {
	s := &shape{format: string(req.format)}
	if req.format != "json" {
		for _, f := range req.pairs {
			s.keys = append(s.keys, f.key)
			s.values = append(s.values, f.value)
		}
		return s, nil
	}
	if err := validJSON(req.body, p.maxDepth()); err != nil {
		d := decoder{p: p, body: req.body}
		return nil, d.fail(0, "", err)
	}
	obj := req.body[skipSpace(req.body, 0):]
	if obj[0] == '[' {
		obj = nil
		_ = eachElement(req.body, 1, p.maxDepth(), p.maxBatch(), func(i int, v jsonValue) error {
			if i == 0 && v.kind == jsonObject {
				obj = v.raw
			}
			return nil
		})
	}
	if obj == nil || obj[0] != '{' {
		return s, nil
	}
	_ = eachField(obj, 1, p.maxDepth(), func(key []byte, v jsonValue) error {
		s.keys = append(s.keys, string(key))
		s.values = append(s.values, v.extra())
		return nil
	})
	return s, nil
}

// BulkSMSRates: JSON with message_id and status, plus delivered_at,
// submitted_at or event "delivery_report".
func isBulkSMSRates(s *shape) bool {
	return s.format == "json" && s.has("message_id") && s.has("status") &&
		(s.has("delivered_at") || s.has("submitted_at") || s.value("event") == "delivery_report")
}

// TSG: JSON whose "object" is "sms_dlr" or "mms_dlr".
func isTSG(s *shape) bool {
	o := s.value("object")
	return s.format == "json" && (o == "sms_dlr" || o == "mms_dlr")
}

// Kannel: a form or query with a field holding SMPP receipt text (%A),
// and no Jasmin level field.
func isKannel(s *shape) bool {
	if s.format == "json" || s.has("level") {
		return false
	}
	for _, v := range s.values {
		if looksLikeReceiptText(v) {
			return true
		}
	}
	return false
}

// Jasmin: a form or query with id, message_status and level.
func isJasmin(s *shape) bool {
	return s.format != "json" && s.has("id") && s.has("message_status") && s.has("level")
}

// looksLikeReceiptText reports whether v reads like SMPP receipt text:
// "id:" at the start and a "stat:" field.
func looksLikeReceiptText(v string) bool {
	return len(v) > 3 && strings.EqualFold(v[:3], "id:") && bytes.Contains(bytes.ToLower([]byte(v)), []byte(" stat:"))
}
