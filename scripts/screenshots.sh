#!/usr/bin/env bash
# Refreshes docs/screenshots/: a PNG of every screen at 1280x720 and
# 800x600, taken by the game's scripted screenshot mode under Xvfb.
# Usage: scripts/screenshots.sh [DIR]   (make screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
scripts/deps.sh test
go build -o bin/runwayladder .
cfg="$(mktemp -d)"
trap 'rm -rf "$cfg"' EXIT
mkdir -p "$out"
XDG_CONFIG_HOME="$cfg" xvfb-run -a -s "-screen 0 1920x1080x24" ./bin/runwayladder -screenshots "$out"
