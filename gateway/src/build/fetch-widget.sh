#!/bin/sh
# Fetches Rocket.Chat's Livechat widget build (the npm package @rocket.chat/livechat) into the gateway's classes, so
# the gateway serves it at /livechat (README.md, The Livechat widget). Run by the gateway's build (exec-maven-plugin,
# generate-resources; skip with -Dwidget.skip). Never fails the build: without npm, or when npm cannot fetch the
# package, it prints one line and exits 0.
#
# usage: fetch-widget.sh <package@version> <work dir> <classes dir>
set -eu
package="$1"
work="$2"
target="$3/livechat-widget"
stamp="$work/fetched"

if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: the Livechat widget will not be served"
  exit 0
fi
if [ -f "$stamp" ] && [ -f "$target/index.html" ] && [ "$(cat "$stamp")" = "$package" ]; then
  exit 0
fi
mkdir -p "$work"
# npm pack downloads the package tarball alone (no dependencies), from npm's cache when it holds it.
if ! tarball=$(cd "$work" && npm pack "$package" --prefer-offline --silent --no-audit --no-fund 2>/dev/null | tail -n 1) \
    || [ ! -f "$work/$tarball" ]; then
  echo "npm could not fetch $package: the Livechat widget will not be served"
  exit 0
fi
rm -rf "$work/package" "$target" "$stamp"
tar -xzf "$work/$tarball" -C "$work" package/build
mkdir -p "$target"
cp -R "$work/package/build/." "$target"
# The source maps and the demo page are not served.
find "$target" \( -name '*.map' -o -name 'widget-demo.html' \) -delete
echo "$package" > "$stamp"
echo "Livechat widget $package copied to $target"
