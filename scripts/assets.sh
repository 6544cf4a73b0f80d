#!/usr/bin/env bash
# Regenerates the game's art and sound into assets/ (make assets):
#   assets/art/*.png    scripts/artgen: Fluent Emoji Flat (MIT, Microsoft),
#                       fetched from npm at the pinned version below, composed
#                       into scenes, portraits and icons, rasterised with
#                       rsvg-convert (librsvg2-bin)
#   assets/sound/*.ogg  scripts/soundgen: synthesized, encoded with oggenc
#                       (vorbis-tools)
# The outputs are committed: playing or building the game needs none of this.
set -euo pipefail
cd "$(dirname "$0")/.."

icons_pkg="@iconify-json/fluent-emoji-flat@1.2.6"
icons_sha256="7d064769dee690815f823bc5bcc511d957198caf9f5edd8dd9c1aa48a6aeb175"

for tool in npm rsvg-convert oggenc; do
  command -v "$tool" >/dev/null 2>&1 || { echo "assets: $tool is missing (scripts/deps.sh assets installs it)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$icons_pkg" >/dev/null)
tgz="$(ls "$work"/*.tgz)"
got="$(sha256sum "$tgz" | cut -d' ' -f1)"
if [ "$got" != "$icons_sha256" ]; then
  echo "assets: $icons_pkg has sha256 $got, want $icons_sha256; refusing to draw from a different icon set" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$work"

go run ./scripts/artgen -icons "$work/package/icons.json" -out assets/art
go run ./scripts/soundgen -out assets/sound
echo "assets: art and sound regenerated; git status shows what changed"
