#!/usr/bin/env bash
# Builds the release tarball: redline-VERSION-linux-ARCH.tar.gz with the portable binary (the
# Swift runtime linked in; libxml2 is the one system library it needs), README.md, LICENSE, the
# man page and the shell completions, and its SHA-256 file, in dist/. The tarball is reproducible:
# the same commit gives the same bytes (sorted names, the commit's date as every mtime and as the
# man page's date, no owner names, gzip without a timestamp).
#
#   .ci/release.sh 1.0.0        # → dist/redline-1.0.0-linux-x86_64.tar.gz and .sha256
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: .ci/release.sh VERSION}"
arch="$(uname -m)"
name="redline-$version-linux-$arch"
date="$(git log -1 --format=%cs 2>/dev/null || date -u +%F)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/man/man1" "$root/completions" dist

swift build -c release --static-swift-stdlib --product redline --scratch-path .build/static 2>&1 | tail -1
cp .build/static/release/redline "$root/bin/redline"
strip "$root/bin/redline" 2>/dev/null || true
cp README.md LICENSE "$root/"
"$root/bin/redline" completions bash > "$root/completions/redline.bash"
"$root/bin/redline" completions zsh > "$root/completions/_redline"
"$root/bin/redline" completions fish > "$root/completions/redline.fish"
# The man page, from the command's own help (swift-argument-parser's generate-manual plugin).
manual="$stage/manual"
mkdir -p "$manual"
swift package --allow-writing-to-directory "$manual" generate-manual --date "$date" --output-directory "$manual" \
  > "$stage/manual.log" 2>&1 || { cat "$stage/manual.log"; exit 1; }
cp "$manual/redline.1" "$root/man/man1/redline.1"

tar --sort=name --mtime="$date 00:00:00Z" --owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$name" \
  | gzip -n -9 > "dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "release: dist/$name.tar.gz ($(stat -c %s "dist/$name.tar.gz") bytes), $(cut -d' ' -f1 "dist/$name.tar.gz.sha256")"
