#!/usr/bin/env bash
# Measures how fast the desktop game shows its window: the time from
# starting the process to its first drawn frame (median of RUNS fresh
# starts, default 7, each with an empty config folder), under Xvfb when no
# display is set. The game's -first-frame flag prints when it drew.
# Usage: scripts/desktop-bench.sh [BINARY]   (make desktop-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-}"
if [ -z "$bin" ]; then
  scripts/deps.sh test
  go build -o bin/runwayladder .
  bin=bin/runwayladder
fi
runs="${RUNS:-7}"
cfg="$(mktemp -d)"
trap 'rm -rf "$cfg"' EXIT
measure() {
  for _ in $(seq "$runs"); do
    rm -rf "$cfg"/*
    t0=$(date +%s%N)
    line=$(XDG_CONFIG_HOME="$cfg" "$bin" -first-frame | grep '^first frame')
    at=${line##*unix ns }
    at=${at%)}
    echo "$(( (at - t0) / 1000000 )) ${line%% (unix*}"
  done
}
if [ -n "${DESKTOP_BENCH_INNER:-}" ]; then
  measure
  exit 0
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  out=$(DESKTOP_BENCH_INNER=1 RUNS="$runs" xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$bin")
else
  out=$(measure)
fi
echo "$out" | sed 's/^\([0-9]*\) first frame: \(.*\)/desktop-bench: process start to first frame \1 ms (\2)/'
echo "$out" | cut -d' ' -f1 | sort -n | awk -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
  '{ a[NR] = $1 } END { printf "desktop-bench: median %d ms of %d starts (min %d, max %d); load average %s\n", a[int((NR+1)/2)], NR, a[1], a[NR], l }'
