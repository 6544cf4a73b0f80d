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

# The files the browser build reads but does not embed (assets/files_js.go,
# scenarios/page_js.go): the page fetches them beside the wasm, with
# progress, before it starts the game. The licences travel with the art.
mkdir -p "$tmp/assets" "$tmp/scenarios"
cp -R assets/art assets/sound assets/fonts assets/licenses "$tmp/assets/"
cp scenarios/*.toml "$tmp/scenarios/"
files="["
sep=""
while IFS= read -r f; do
  fsize="$(wc -c < "$tmp/$f" | tr -d ' ')"
  fver="$(sha256sum "$tmp/$f" | cut -c1-12)"
  files="$files$sep{\"path\":\"$f\",\"size\":$fsize,\"v\":\"$fver\"}"
  sep=","
done < <(cd "$tmp" && find assets/art assets/sound assets/fonts scenarios -type f | LC_ALL=C sort)
files="$files]"

size="$(wc -c < "$tmp/runwayladder.wasm" | tr -d ' ')"
version="$(sha256sum "$tmp/runwayladder.wasm" | cut -c1-12)"
sed -e "s/@WASM_SIZE@/$size/" -e "s/@WASM_VERSION@/$version/" web/index.html > "$tmp/index.html.in"
# The file list goes in as a JSON block; awk, since it is long and has
# slashes.
FILES="$files" awk '{ i = index($0, "@FILES@"); if (i) { $0 = substr($0, 1, i - 1) ENVIRON["FILES"] substr($0, i + 7) } print }' \
  "$tmp/index.html.in" > "$tmp/index.html"
rm "$tmp/index.html.in"

for f in "$tmp"/*.wasm "$tmp"/*.js "$tmp"/*.html "$tmp"/*.svg "$tmp"/assets/fonts/*.ttf "$tmp"/scenarios/*.toml; do
  gzip -9 -n -k -f "$f"
done

rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
chmod 755 "$out"

gz="$(wc -c < "$out/runwayladder.wasm.gz" | tr -d ' ')"
# What a browser downloads: the .gz copy where there is one, else the file.
total=0
while IFS= read -r f; do
  case "$f" in *.gz) continue ;; esac
  if [ -f "$f.gz" ]; then f="$f.gz"; fi
  total=$((total + $(wc -c < "$f" | tr -d ' ')))
done < <(find "$out" -type f)
awk -v r="$size" -v g="$gz" -v t="$total" -v o="$out" 'BEGIN {
  printf "web: %s/runwayladder.wasm %.1f MB raw, %.2f MB gzipped (%d bytes); all of %s as served gzipped: %.2f MB\n", o, r/1048576, g/1048576, g, o, t/1048576 }'
