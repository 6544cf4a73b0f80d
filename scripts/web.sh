#!/usr/bin/env bash
# Builds the browser version into a static folder any web host can serve:
# index.html, favicon, wasm_exec.js from this Go installation, the game as
# WebAssembly, and gzip copies that `careersim serve` (or a host configured
# for it) sends to browsers that accept gzip.
# Usage: scripts/web.sh [OUTDIR]   (default: dist)
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-dist}"
go="${GO:-go}"
pkg="${WEB_PKG:-.}"

goroot="$($go env GOROOT)"
exec_js="$goroot/lib/wasm/wasm_exec.js"
[ -f "$exec_js" ] || exec_js="$goroot/misc/wasm/wasm_exec.js"   # Go before 1.24
if [ ! -f "$exec_js" ]; then
  echo "web: wasm_exec.js not found in $goroot/lib/wasm; is this a complete Go installation?" >&2
  exit 1
fi

# Build into a scratch folder and swap it in, so a failed build never leaves
# a half-written dist/ behind.
tmp="$(mktemp -d "${out%/}.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

GOOS=js GOARCH=wasm CGO_ENABLED=0 $go build -trimpath -ldflags="-s -w" -o "$tmp/runwayladder.wasm" "$pkg"
cp "$exec_js" "$tmp/wasm_exec.js"
cp web/favicon.svg web/icon-180.png "$tmp/"

size="$(wc -c < "$tmp/runwayladder.wasm" | tr -d ' ')"
version="$(sha256sum "$tmp/runwayladder.wasm" | cut -c1-12)"
sed -e "s/@WASM_SIZE@/$size/" -e "s/@WASM_VERSION@/$version/" web/index.html > "$tmp/index.html"

for f in "$tmp"/*.wasm "$tmp"/*.js "$tmp"/*.html "$tmp"/*.svg; do
  gzip -9 -n -k -f "$f"
done

rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
chmod 755 "$out"

gz="$(wc -c < "$out/runwayladder.wasm.gz" | tr -d ' ')"
awk -v r="$size" -v g="$gz" -v o="$out" 'BEGIN { printf "web: %s/runwayladder.wasm %.1f MB raw, %.1f MB gzipped\n", o, r/1048576, g/1048576 }'
