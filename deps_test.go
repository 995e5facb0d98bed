package dlrkit_test

import (
	"go/build"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const module = "github.com/dlrkit/dlrkit"

// layers is the import direction of DESIGN.md: a package may import only the
// library packages before it.
var layers = []string{"status", "errcode", "dlr", "smppfmt", "carrier", "webhook"}

// stdOnly are the packages that may import nothing outside the standard
// library.
var stdOnly = map[string]bool{"status": true, "errcode": true, "dlr": true}

// allowedExternal are the modules library packages may import.
var allowedExternal = []string{"golang.org/x/text/"}

func TestImportDirection(t *testing.T) {
	t.Parallel()
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Dir(file)
	rank := map[string]int{}
	for i, l := range layers {
		rank[module+"/"+l] = i
	}
	for i, l := range layers {
		pkg, err := build.ImportDir(filepath.Join(root, l), 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				continue // not written yet
			}
			if strings.Contains(err.Error(), "cannot find") || strings.Contains(err.Error(), "no such file") {
				continue
			}
			t.Fatalf("%s: %v", l, err)
		}
		for _, imp := range pkg.Imports {
			switch {
			case isStd(imp):
			case strings.HasPrefix(imp, module+"/"):
				r, ok := rank[imp]
				if !ok {
					t.Errorf("%s imports %s, which is not a library package", l, imp)
				} else if r >= i {
					t.Errorf("%s imports %s: the import direction is %s", l, imp, strings.Join(layers, " < "))
				}
				if stdOnly[l] && r >= rank[module+"/dlr"]+1 {
					t.Errorf("%s imports %s", l, imp)
				}
			default:
				if stdOnly[l] {
					t.Errorf("%s must import only the standard library and earlier layers; it imports %s", l, imp)
					continue
				}
				ok := false
				for _, p := range allowedExternal {
					ok = ok || strings.HasPrefix(imp, p)
				}
				if !ok {
					t.Errorf("%s imports %s, which is not an allowed dependency", l, imp)
				}
			}
		}
	}
}

// isStd reports whether path is a standard-library package: its first
// element has no dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// TestNoStrayPackages makes sure every library package is in the layer list,
// so that a new package cannot escape the check above.
func TestNoStrayPackages(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", module+"/...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	known := map[string]bool{module: true}
	for _, l := range layers {
		known[module+"/"+l] = true
	}
	for _, p := range strings.Fields(string(out)) {
		rest := strings.TrimPrefix(p, module+"/")
		if known[p] || strings.HasPrefix(rest, "examples/") || rest == "fuzz" || strings.HasPrefix(rest, "internal/") {
			continue
		}
		t.Errorf("package %s is not in the import-direction list of deps_test.go", p)
	}
}
