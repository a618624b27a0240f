#!/usr/bin/env bash
# The portable binary: redline built with the Swift runtime linked in (--static-swift-stdlib) runs
# on a machine without a Swift toolchain. It is run in a chroot that holds only the binary, the
# system libraries `ldd` names (libxml2 and the C and C++ runtimes it needs) and /proc: no
# /usr/lib/swift, no toolchain, no repository. Needs root (chroot, mount), as CI has.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product redline --scratch-path .build/static 2>&1 | tail -1
bin=.build/static/release/redline
if ldd "$bin" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime'; then
  echo "portable: the binary still needs the Swift runtime libraries above"; exit 1
fi
root="$(mktemp -d)"
cleanup() { umount "$root/proc" 2>/dev/null || true; rm -rf "$root"; }
trap cleanup EXIT
cp "$bin" "$root/redline"
for lib in $(ldd "$bin" | grep -o '/[^ ]*'); do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
cp examples/records/approve-lawful-interception.xml "$root/record.xml"
mkdir -p "$root/proc" "$root/tmp"
mount -t proc proc "$root/proc"
echo "portable: $(ldd "$bin" | grep -c '=>') system libraries: $(ldd "$bin" | grep -o '^[[:space:]]*[^ ]*\.so[^ ]*' | tr -d '\t' | tr '\n' ' ')"
out="$(chroot "$root" /redline check /record.xml --as-of 2024-04-01)"
echo "$out" | head -2
echo "$out" | grep -q '^/record.xml: APPROVE  score 100/100' || { echo "portable: unexpected verdict"; exit 1; }
test ! -e "$root/usr/lib/swift"
echo "portable: redline check ran in a chroot without a Swift toolchain"
