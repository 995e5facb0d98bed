package carrier_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/dlrkit/dlrkit/carrier"
	"github.com/dlrkit/dlrkit/dlr"
)

var update = flag.Bool("update", false, "rewrite the testdata/*/*.golden.json files")

// fixture is one file under testdata/<provider>/: <name>.json is a JSON
// body, <name>.form.txt a form body, <name>.query.txt a GET query string.
type fixture struct {
	provider, name, path string
	body                 []byte
	meta                 carrier.Meta
}

func loadFixtures(t testing.TB) []fixture {
	t.Helper()
	dirs, err := os.ReadDir("testdata")
	require.NoError(t, err)
	var out []fixture
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "fuzz" {
			continue
		}
		provider := d.Name()
		files, err := os.ReadDir(filepath.Join("testdata", provider))
		require.NoError(t, err)
		for _, f := range files {
			if f.IsDir() {
				continue
			}
			path := filepath.Join("testdata", provider, f.Name())
			name := f.Name()
			fx := fixture{provider: provider, path: path}
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			switch {
			case strings.HasSuffix(name, ".golden.json"), name == "SOURCE":
				continue
			case strings.HasSuffix(name, ".json"):
				fx.name = strings.TrimSuffix(name, ".json")
				fx.body = data
				fx.meta.ContentType = "application/json"
			case strings.HasSuffix(name, ".form.txt"):
				fx.name = strings.TrimSuffix(name, ".form.txt")
				fx.body = bytes.TrimRight(data, "\n")
				fx.meta.ContentType = "application/x-www-form-urlencoded"
			case strings.HasSuffix(name, ".query.txt"):
				fx.name = strings.TrimSuffix(name, ".query.txt")
				fx.meta.RawQuery = strings.TrimRight(string(data), "\n")
			default:
				continue
			}
			out = append(out, fx)
		}
	}
	return out
}

type golden struct {
	Receipts []dlr.Receipt `json:"receipts,omitempty"`
	Error    string        `json:"error,omitempty"`
	// Detected is the provider Detect names, or its error.
	Detected string `json:"detected"`
}

func TestGolden(t *testing.T) {
	t.Parallel()
	fixtures := loadFixtures(t)
	require.NotEmpty(t, fixtures)
	for _, fx := range fixtures {
		t.Run(fx.provider+"/"+fx.name, func(t *testing.T) {
			t.Parallel()
			meta := fx.meta
			meta.Provider = fx.provider
			rs, err := carrier.Parse(fx.body, meta)
			var got golden
			got.Receipts = append(got.Receipts, rs...)
			if err != nil {
				got.Error = err.Error()
			}
			name, derr := carrier.Detect(fx.body, fx.meta)
			got.Detected = name
			if derr != nil {
				got.Detected = derr.Error()
			} else {
				// Detection must give the same result as naming the provider.
				drs, derr2 := carrier.Parse(fx.body, fx.meta)
				require.Equal(t, fx.provider, name)
				if diff := cmp.Diff(rs, drs); diff != "" {
					t.Errorf("detected parse differs (-named +detected):\n%s", diff)
				}
				require.Equal(t, err == nil, derr2 == nil)
			}

			path := strings.TrimSuffix(fx.path, filepath.Ext(fx.path))
			path = strings.TrimSuffix(strings.TrimSuffix(path, ".form"), ".query") + ".golden.json"
			if *update {
				b, err := json.MarshalIndent(got, "", "  ")
				require.NoError(t, err)
				require.NoError(t, os.WriteFile(path, append(b, '\n'), 0o644))
				return
			}
			b, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create it")
			var want golden
			require.NoError(t, json.Unmarshal(b, &want))
			// Compare as JSON values, so that times compare by instant and text.
			gotJSON, err := json.Marshal(got)
			require.NoError(t, err)
			wantJSON, err := json.Marshal(want)
			require.NoError(t, err)
			var g, w any
			require.NoError(t, json.Unmarshal(gotJSON, &g))
			require.NoError(t, json.Unmarshal(wantJSON, &w))
			if diff := cmp.Diff(w, g); diff != "" {
				t.Errorf("%s (-want +got):\n%s", path, diff)
			}
		})
	}
}

// TestSources checks that every fixture names its source in its
// directory's SOURCE file.
func TestSources(t *testing.T) {
	t.Parallel()
	for _, fx := range loadFixtures(t) {
		src, err := os.ReadFile(filepath.Join(filepath.Dir(fx.path), "SOURCE"))
		require.NoError(t, err, fx.path)
		require.Contains(t, string(src), filepath.Base(fx.path), "SOURCE must name the fixture")
	}
}

// TestDetectionRate measures detection over the fixtures that parse: it
// fails if any is detected as another provider, and logs the share
// detected correctly (fixtures of providers without distinctive fields,
// such as generic and template-less Kannel, are expected misses).
func TestDetectionRate(t *testing.T) {
	t.Parallel()
	var total, right int
	var missed []string
	for _, fx := range loadFixtures(t) {
		meta := fx.meta
		meta.Provider = fx.provider
		rs, err := carrier.Parse(fx.body, meta)
		var ve *carrier.ValueError
		if err != nil && !errors.As(err, &ve) || len(rs) == 0 {
			continue
		}
		total++
		name, err := carrier.Detect(fx.body, fx.meta)
		switch {
		case err == nil && name == fx.provider:
			right++
		case err == nil:
			t.Errorf("%s/%s detected as %s", fx.provider, fx.name, name)
		default:
			missed = append(missed, fx.provider+"/"+fx.name)
		}
	}
	t.Logf("detected %d of %d parsable fixtures; not detected: %s", right, total, strings.Join(missed, ", "))
}
