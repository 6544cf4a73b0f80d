#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages a target needs, only those missing.
# Usage: scripts/deps.sh desktop|test|browser|postgres|assets
set -euo pipefail

# libasound2-dev: sound (Ebitengine audio through ALSA).
desktop=(gcc libc6-dev libx11-dev libxrandr-dev libxcursor-dev libxinerama-dev libxi-dev libxxf86vm-dev libasound2-dev libgl1-mesa-dri libegl1 libgles2)
xvfb=(xvfb xauth)
browser=(chromium)
# The workshop server's tests start a throwaway cluster (scripts/with-postgres.sh).
postgres=(postgresql)
# Regenerating the art and sound (make assets): rsvg-convert, oggenc, and npm
# (Debian's npm only when none is on the PATH: NodeSource's nodejs has its own).
assets=(librsvg2-bin vorbis-tools)
command -v npm >/dev/null 2>&1 || assets+=(npm)

want=()
case "${1:-test}" in
  desktop) want=("${desktop[@]}") ;;
  test)    want=("${desktop[@]}" "${xvfb[@]}") ;;
  browser) want=("${desktop[@]}" "${xvfb[@]}" "${browser[@]}") ;;
  postgres) want=("${postgres[@]}") ;;
  assets)  want=("${assets[@]}") ;;
  *) echo "usage: $0 desktop|test|browser|postgres|assets" >&2; exit 2 ;;
esac

if ! command -v go >/dev/null 2>&1; then
  echo "deps: Go is not installed; install Go 1.26 or newer from your package manager or go.dev" >&2
  exit 1
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps: not a Debian/Ubuntu system; install the equivalents of: ${want[*]}" >&2
  exit 0
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "deps: need root to install: ${missing[*]}" >&2; exit 1
  fi
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
