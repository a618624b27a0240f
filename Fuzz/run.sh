#!/usr/bin/env bash
# Builds and runs one of redline's libFuzzer targets.
#
#   Fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags…]
#
# TARGET is `record` (parse + validate + evaluate one record with the built-in rule set, then
# render JSON and text) or `ruleset` (load one rule-set file, run its examples and one record).
# SECONDS defaults to 600. The corpus grows in Fuzz/corpus/TARGET (not committed); seeds come
# from examples/records and Tests/Fixtures/hostile (record), and rules/, examples/rulesets,
# Tests/Fixtures/hostile/rules and Tests/Fixtures/broken-rules (ruleset). Crashes, leaks, timeouts and
# out-of-memory inputs are written to Fuzz/artifacts/TARGET/; each one found must become a
# regression input in Tests/Fixtures/hostile/regressions/ plus a fix.
#
# The targets are built by a separate SwiftPM package (Fuzz/Package.swift, depending on the root
# package by path) with `-sanitize=fuzzer,address` passed through a toolset file, so they apply to
# the fuzz targets and RedlineKit but not to the build-tool plugin (EmbedGen), and never to the
# root package's own `swift build` / `swift test`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
target="${1:?usage: Fuzz/run.sh record|ruleset|lists [SECONDS] [libFuzzer flags…]}"
seconds="${2:-600}"
shift $(( $# >= 2 ? 2 : 1 ))
case "$target" in
  record)  product=FuzzRecord;  seeds=("$root/examples/records" "$root/Tests/Fixtures/hostile/records" "$root/Tests/Fixtures/hostile/regressions/record") ;;
  ruleset) product=FuzzRuleSet; seeds=("$root/rules" "$root/examples/rulesets" "$root/Tests/Fixtures/hostile/rules" "$root/Tests/Fixtures/broken-rules" "$root/Tests/Fixtures/hostile/regressions/ruleset") ;;
  lists)   product=FuzzLists;   seeds=("$root/Tests/Fixtures/lists" "$root/Tests/Fixtures/lists/broken" "$root/Tests/Fixtures/hostile/regressions/lists") ;;
  *) echo "unknown target '$target' (use record, ruleset or lists)" >&2; exit 64 ;;
esac
cd "$here"
# A new source file in the root package is only seen after re-planning (libxml2.md §5 caveat).
touch "$here/Package.swift"
swift build -c debug --toolset "$here/toolset.json" --product "$product" 2>&1 | grep -v "Cannot export local symbol" >&2
corpus="$here/corpus/$target"
artifacts="$here/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
existing=()
for folder in "${seeds[@]}"; do [ -d "$folder" ] && existing+=("$folder"); done
if [ "$target" = ruleset ]; then
  # FuzzRuleSet loads each input as ruleset.xml in a private temporary folder, where the seeds'
  # relative <include href="lists.xml"/> and <extends href="extends-cycle-b.xml"/> would find
  # nothing. Stage every seed folder's top-level *.xml, by file name, in one folder that the
  # target copies next to its input (REDLINE_FUZZ_RULESET_PARTS), so those hrefs resolve as they
  # do in the repository. Hrefs with a folder or '..' stay unresolved: the loader refuses '..'
  # and absolute paths before reading, and no seed includes from a subfolder. A missing part
  # (extends-missing-file.xml's national-base.xml) stays missing on purpose. A seed in a cycle
  # (recursive-a.xml ↔ recursive-b.xml) reaches the staged copy of itself, because the input is
  # loaded as ruleset.xml: the cycle is one file longer, and still refused.
  parts="$here/.build/ruleset-parts"
  rm -rf "$parts"
  mkdir -p "$parts"
  for folder in "${existing[@]}"; do
    for file in "$folder"/*.xml; do
      [ -f "$file" ] || continue
      name="$(basename "$file")"
      if [ "$name" = ruleset.xml ] || [ -e "$parts/$name" ]; then
        echo "run.sh: not staging $file (its name is taken); includes of '$name' see the first one" >&2
        continue
      fi
      cp "$file" "$parts/$name"
    done
  done
  export REDLINE_FUZZ_RULESET_PARTS="$parts"
fi
# Compiled native XPath trees are enum boxes that LeakSanitizer cannot see (Fuzz/lsan.supp).
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# -timeout: one input taking over 10 s is a hang; -rss_limit_mb: 2 GB is a memory bug.
exec "$here/.build/debug/$product" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -dict="$here/xml.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
  "$@" "$corpus" "${existing[@]}"
