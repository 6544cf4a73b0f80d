#!/usr/bin/env bash
# Measures the browser build as a player meets it: the wasm's raw and
# gzipped size, and the time from navigation to the game's first frame in
# headless Chromium from localhost (median of RUNS fresh loads, default 5).
# Needs chromium (make web-bench installs it). Usage: scripts/web-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/web.sh dist
echo "web-bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
WEBTEST_DIST=dist WEBTEST_BENCH_RUNS="${RUNS:-5}" \
  go test -count=1 -v -run '^TestSizeAndFirstFrame$' ./internal/webtest/ 2>&1 |
  sed -n -e 's/^ *bench_test.go:[0-9]*: /web-bench: /p' -e '/^\(--- FAIL\|FAIL\|ok\)/p'
