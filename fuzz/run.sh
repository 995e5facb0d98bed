#!/usr/bin/env bash
# Runs every fuzz target in the module, one after another, for a given time
# each, and prints a line per target with its executions and outcome.
#
#   fuzz/run.sh [duration] [package-pattern]
#
# duration is a go test -fuzztime value (default 10m); package-pattern
# limits the packages (default ./...). Exits non-zero when any target
# found a failure; the failing input is written by go test under the
# package's testdata/fuzz/<Target>/ directory, where it becomes a regression
# seed once committed.
set -uo pipefail
cd "$(dirname "$0")/.."

dur="${1:-10m}"
pattern="${2:-./...}"
failed=0
summary=()

for pkg in $(go list "$pattern"); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	targets=$(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u)
	for t in $targets; do
		log=$(mktemp)
		printf '== %s %s (%s)\n' "$pkg" "$t" "$dur"
		if go test -run='^$' -fuzz="^${t}\$" -fuzztime="$dur" -parallel="${FUZZ_PARALLEL:-2}" "$pkg" >"$log" 2>&1; then
			result=ok
		else
			result=FAIL
			failed=1
			cat "$log"
		fi
		execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | awk '{print $2}')
		summary+=("$(printf '%-6s %-45s %-28s execs=%s' "$result" "$pkg" "$t" "${execs:-?}")")
		rm -f "$log"
	done
done

echo
printf '%s\n' "${summary[@]}"
exit $failed
