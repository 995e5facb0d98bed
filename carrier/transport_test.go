package carrier_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
)

// TestTransportVariants sends every fixture the other ways a real webhook
// may deliver it and checks that the receipts and the detected provider do
// not change: a JSON body with "; charset=utf-8", with no Content-Type and
// as text/plain; a form body with a charset parameter, as a GET query and
// with no Content-Type; a GET query as a form POST. Only Source.Format may
// differ (form or query).
func TestTransportVariants(t *testing.T) {
	t.Parallel()
	for _, fx := range loadFixtures(t) {
		var variants []carrier.Meta
		var bodies [][]byte
		add := func(body []byte, m carrier.Meta) {
			bodies = append(bodies, body)
			variants = append(variants, m)
		}
		switch {
		case fx.meta.ContentType == "application/json":
			add(fx.body, carrier.Meta{ContentType: "application/json; charset=utf-8"})
			add(fx.body, carrier.Meta{ContentType: "Application/JSON"})
			add(fx.body, carrier.Meta{})
			add(fx.body, carrier.Meta{ContentType: "text/plain; charset=utf-8"})
		case fx.meta.ContentType != "":
			add(fx.body, carrier.Meta{ContentType: "application/x-www-form-urlencoded; charset=UTF-8"})
			add(nil, carrier.Meta{RawQuery: string(fx.body)})
			add(fx.body, carrier.Meta{})
		default:
			add([]byte(fx.meta.RawQuery), carrier.Meta{ContentType: "application/x-www-form-urlencoded"})
		}
		t.Run(fx.provider+"/"+fx.name, func(t *testing.T) {
			t.Parallel()
			meta := fx.meta
			meta.Provider = fx.provider
			want, wantErr := carrier.Parse(fx.body, meta)
			wantName, wantDErr := carrier.Detect(fx.body, fx.meta)
			for i, m := range variants {
				name, derr := carrier.Detect(bodies[i], m)
				require.Equal(t, wantName, name, "variant %+v", m)
				require.Equal(t, wantDErr == nil, derr == nil, "variant %+v: %v", m, derr)
				m.Provider = fx.provider
				got, err := carrier.Parse(bodies[i], m)
				if wantErr == nil {
					require.NoError(t, err, "variant %+v", m)
				} else {
					require.Error(t, err, "variant %+v", m)
				}
				if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b dlr.Format) bool {
					return a == b || a != dlr.FormatJSON && b != dlr.FormatJSON
				})); diff != "" {
					t.Errorf("variant %+v (-fixture +variant):\n%s", m, diff)
				}
			}
		})
	}
}
