#!/usr/bin/env bash
# Runs every fuzz target of the module for DURATION each
# (a Go duration such as 3s or 2m; default 10s). Targets are found by their
# `func FuzzX(` in *_test.go, so new ones are picked up. Fails when a
# target crashes; the failing input is saved under the package's
# testdata/fuzz/FuzzX/ and replays with plain `go test`.
# Usage: scripts/fuzz.sh [DURATION]
set -euo pipefail

duration="${1:-10s}"
if ! [[ "$duration" =~ ^[0-9]+(ns|us|ms|s|m|h|x)$ ]]; then
  echo "usage: $0 [DURATION]   (e.g. 3s, 2m, or 500x for a number of runs)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
GO="${GO:-go}"

# package directory <TAB> target, for every fuzz target in the module (the
# UI's too: those run under xvfb-run, as the UI's tests do).
mapfile -t targets < <(grep -rEo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+\(' --exclude-dir=dist --exclude-dir=.git . 2>/dev/null |
  sed -E 's#^\./##; s#^(.*/)?[^/]+_test\.go:func (Fuzz[A-Za-z0-9_]+)\($#\1\t\2#; s#^/?\t#.\t#; s#/\t#\t#' | sort -u)
if [ "${#targets[@]}" -eq 0 ]; then
  echo "fuzz: no fuzz targets found" >&2
  exit 1
fi

failed=0
for entry in "${targets[@]}"; do
  dir="${entry%%$'\t'*}"
  target="${entry##*$'\t'}"
  run=()
  if [ "$dir" = "." ] || [[ "$dir" == game/ui* ]]; then
    run=(xvfb-run -a -s "-screen 0 1920x1080x24")
  fi
  echo "fuzz: $target in ./$dir for $duration"
  # Minimising each new input may take the fuzzer's default minute; a few
  # seconds keep the run fuzzing (FUZZMINTIME overrides).
  if ! ${run[@]+"${run[@]}"} "$GO" test -run '^$' -fuzz "^${target}\$" -fuzztime "$duration" \
      -fuzzminimizetime "${FUZZMINTIME:-5s}" "./$dir"; then
    echo "fuzz: $target FAILED (the crashing input is in $dir/testdata/fuzz/$target/)" >&2
    failed=1
  fi
done
if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran $duration without a crash"
