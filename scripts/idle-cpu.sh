#!/usr/bin/env bash
# Idle CPU of the game: CPU seconds the game process uses in 10 s of
# waiting for the player under Xvfb, for the idle mode the game uses
# (throttle: redraw only on change, slow polling after a second without
# input) and for Ebitengine's default mode (draw every frame).
# Usage: scripts/idle-cpu.sh [SECONDS]   (make idle-cpu)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-10}"
scripts/deps.sh test
go build -o bin/runwayladder .

# A fresh config folder, so the measurement never touches real saves.
cfg="$(mktemp -d)"
trap 'rm -rf "$cfg"' EXIT

measure() {
  local mode="$1"
  XDG_CONFIG_HOME="$cfg" xvfb-run -a -s "-screen 0 1280x720x24" bash -c '
    ./bin/runwayladder -idle "$1" -size 1280x720 &
    pid=$!
    sleep 3   # start-up: fonts, scenarios, the first frames
    tick=$(getconf CLK_TCK)
    t0=$(awk "{print \$14+\$15}" /proc/$pid/stat)
    sleep "$2"
    t1=$(awk "{print \$14+\$15}" /proc/$pid/stat)
    kill $pid; wait $pid 2>/dev/null || true
    awk -v a="$t0" -v b="$t1" -v t="$tick" -v m="$1" -v s="$2" \
      "BEGIN { printf \"%-9s %5.2f CPU-seconds in %d s of waiting (%.1f%% of one core)\n\", m, (b-a)/t, s, 100*(b-a)/t/s }"
  ' _ "$mode" "$secs"
}

echo "idle CPU of runwayladder under Xvfb, 1280x720, title screen:"
measure throttle
measure default
