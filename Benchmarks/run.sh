#!/usr/bin/env bash
# redline throughput benchmark: one command, one generated corpus, every configuration measured
# in the same run. See Benchmarks/README.md.
#
#   Benchmarks/run.sh                 # 20,000 records, 3 runs per configuration
#   N=100000 Benchmarks/run.sh        # the peak-RSS check at 100,000 records
#
# Environment: N (records, default 20000), SEED (42), REPS (runs per configuration, 3; the
# median time and the largest peak RSS are reported), BROKEN (percent of broken files, 0),
# WORK (scratch folder, /tmp/redline-bench; the corpus is kept there and reused),
# DIAGNOSTICS (1: also time redline's engine without reporting and xmllint's parser; 0: skip).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

N=${N:-20000}
SEED=${SEED:-42}
REPS=${REPS:-3}
BROKEN=${BROKEN:-0}
WORK=${WORK:-/tmp/redline-bench}
DIAGNOSTICS=${DIAGNOSTICS:-1}
AS_OF=2025-06-30 # the corpus's design date; Benchmarks/redline-default.sch is written for it
SCHEMATRON=$ROOT/Benchmarks/redline-default.sch

die() { echo "run.sh: $*" >&2; exit 1; }

command -v xmllint >/dev/null || die "xmllint is missing: apt-get install libxml2-utils"
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }; fi
  [ -x /usr/bin/time ] || die "/usr/bin/time is missing (GNU time, for peak RSS): apt-get install time"
fi

echo "== building (release)"
swift build -c release 2>&1 | tail -1
BIN=$(swift build -c release --show-bin-path)

CORPUS=$WORK/corpus-seed$SEED-n$N-broken$BROKEN
mkdir -p "$WORK"
if [ -f "$CORPUS/manifest.tsv" ] && [ "$(wc -l < "$CORPUS/manifest.tsv")" -eq "$N" ]; then
  echo "== reusing corpus $CORPUS"
else
  echo "== generating $N records (seed $SEED, $BROKEN% broken) into $CORPUS"
  rm -rf "$CORPUS"
  "$BIN/redline-corpus" --seed "$SEED" --count "$N" --broken-percent "$BROKEN" --out "$CORPUS"
fi
cd "$CORPUS"
find . -maxdepth 1 -name 'rec-*.xml' -printf '%f\n' | LC_ALL=C sort > "$WORK/files.txt"
COUNT=$(wc -l < "$WORK/files.txt")
[ "$COUNT" -eq "$N" ] || die "expected $N files in $CORPUS, found $COUNT"
BYTES=$(find . -maxdepth 1 -name 'rec-*.xml' -printf '%s\n' | awk '{ s += $1 } END { print s }')
# xmllint gets all files in one process: raise the stack limit, which sets the argument space.
ulimit -s 65536 2>/dev/null || ulimit -s unlimited 2>/dev/null || true
mapfile -t FILES < "$WORK/files.txt"

# `redline audit` is used once it exists (ArgumentParser prints the main help, with status 0, for
# an unknown subcommand, so look for the subcommand's own usage line).
if "$BIN/redline" audit --help 2>/dev/null | grep -q "USAGE: redline audit"; then
  MODE=audit
else
  MODE=check
fi

RESULTS=$WORK/results.tsv
: > "$RESULTS"

# measure LABEL JOBS COMMAND...: runs the command REPS times; records median wall time and max RSS.
measure() {
  local label=$1 jobs=$2
  shift 2
  local times=() cpus=() rss=0 run status
  for ((run = 1; run <= REPS; run++)); do
    set +e
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" > /dev/null 2> "$WORK/stderr.txt"
    status=$?
    set -e
    if [ "$status" -ge 126 ]; then
      echo "run.sh: '$label' failed with status $status:" >&2
      tail -5 "$WORK/stderr.txt" >&2
      exit 1
    fi
    read -r seconds kilobytes user system < <(tail -1 "$WORK/time.txt")
    times+=("$seconds")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")
    [ "$kilobytes" -gt "$rss" ] && rss=$kilobytes
  done
  local median cpu
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$jobs" "$median" "$rss" "$cpu" "$(printf '%s ' "${times[@]}")" >> "$RESULTS"
  printf '   %-44s jobs %s  median %6.2f s (CPU %6.2f s)  peak RSS %6.1f MB  (runs: %s)\n' "$label" "$jobs" "$median" "$cpu" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "${times[*]}"
}

redline() {
  local jobs=$1
  if [ "$MODE" = audit ]; then
    # The command as a CI job runs it: the default text report (stdout to /dev/null here).
    measure "redline audit (default rules)" "$jobs" \
      "$BIN/redline" audit "$CORPUS" --as-of "$AS_OF" --jobs "$jobs" --fail-on never
    # The same with the JSON report written to a file (every rule result of every record).
    measure "redline audit --report json=FILE" "$jobs" \
      "$BIN/redline" audit "$CORPUS" --as-of "$AS_OF" --jobs "$jobs" --report "json=$WORK/audit.json" --fail-on never
  else
    # Until audit lands: check, text output (its JSON for 20,000 records is about 300 MB, built in
    # memory), 1,000 files per process through xargs: ArgumentParser's parsing of a positional
    # array is quadratic (20,000 paths in one argv took 13.9 s before any record was read).
    measure "redline check (xargs -n 1000, text)" "$jobs" \
      xargs -n 1000 -a "$WORK/files.txt" "$BIN/redline" check --as-of "$AS_OF" --jobs "$jobs"
  fi
}

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $("$BIN/redline" --version 2>/dev/null || echo redline), $(xmllint --version 2>&1 | head -1), $(swift --version 2>&1 | head -1)"
echo "== corpus: $N files, $BYTES bytes ($(awk -v b="$BYTES" -v n="$N" 'BEGIN { printf "%.0f", b / n }') B average), redline mode: $MODE, $REPS runs each"
echo "== measuring"
measure "parse only (redline-parse-bench)" 1 "$BIN/redline-parse-bench" --mode parse --jobs 1 --list "$WORK/files.txt"
measure "parse only (redline-parse-bench)" 2 "$BIN/redline-parse-bench" --mode parse --jobs 2 --list "$WORK/files.txt"
redline 1
redline 2
measure "xmllint --noout --schematron" 1 xmllint --noout --schematron "$SCHEMATRON" "${FILES[@]}"
# Official screening lists (issue 15): loading a 20,000-entry CSL JSON file in the official shape
# (about 14 MB), and the audit with it (every party screened against it, hits and possible matches).
CSL=$WORK/lists/csl-20000.json
[ -f "$CSL" ] || { mkdir -p "$WORK/lists"; python3 "$ROOT/Benchmarks/screening/synthetic_csl.py" --count 20000 --out "$CSL"; }
measure "redline lists import (20,000-entry CSL JSON)" 1 "$BIN/redline" lists import us-csl-json "$CSL"
if [ "$MODE" = audit ]; then
  measure "redline audit --lists (20,000-entry CSL)" 2 \
    "$BIN/redline" audit "$CORPUS" --as-of "$AS_OF" --jobs 2 --lists "$WORK/lists" --fail-on never
fi
if [ "$DIAGNOSTICS" = 1 ]; then
  measure "diagnostic: engine only, no report" 1 "$BIN/redline-parse-bench" --mode engine --jobs 1 --as-of "$AS_OF" --list "$WORK/files.txt"
  measure "diagnostic: engine only, no report" 2 "$BIN/redline-parse-bench" --mode engine --jobs 2 --as-of "$AS_OF" --list "$WORK/files.txt"
  measure "diagnostic: parse + schema validation" 1 "$BIN/redline-parse-bench" --mode validate --jobs 1 --list "$WORK/files.txt"
  measure "diagnostic: xmllint --noout (parse)" 1 xmllint --noout "${FILES[@]}"
fi

echo
echo "== results ($N records, as of $AS_OF; records/s = files / median wall time of the whole process)"
awk -F'\t' -v n="$N" '
  BEGIN { printf "| %-44s | %4s | %8s | %10s | %9s | %14s | %12s |\n", "configuration", "jobs", "median s", "records/s", "CPU s", "records/CPU-s", "peak RSS MB"
          printf "|%s|%s|%s|%s|%s|%s|%s|\n", "----------------------------------------------", "------", "----------", "------------", "-----------", "----------------", "--------------" }
  { rate = n / $3; key = $1 "@" $2; R[key] = rate; M[key] = $4 / 1024; C[key] = n / $5
    printf "| %-44s | %4s | %8.2f | %10.0f | %9.2f | %14.0f | %12.1f |\n", $1, $2, $3, rate, $5, n / $5, $4 / 1024 }
  END {
    red = (R["redline audit (default rules)@2"] ? "redline audit (default rules)" : "redline check (xargs -n 1000, text)")
    x = R["xmllint --noout --schematron@1"]
    printf "\nratios\n"
    printf "  redline jobs 2 / xmllint --schematron : %.2fx   (target >= 4x)\n", R[red "@2"] / x
    printf "  redline jobs 1 / xmllint --schematron : %.2fx\n", R[red "@1"] / x
    printf "  per CPU-second, redline / xmllint     : %.2fx   (contention-robust: CPU time, jobs 1)\n", C[red "@1"] / C["xmllint --noout --schematron@1"]
    printf "  redline jobs 2 / parse-only jobs 2    : %.1f%%   (target >= 30%%)\n", 100 * R[red "@2"] / R["parse only (redline-parse-bench)@2"]
    printf "  redline jobs 1 / parse-only jobs 1    : %.1f%%\n", 100 * R[red "@1"] / R["parse only (redline-parse-bench)@1"]
    if (R["diagnostic: engine only, no report@2"])
      printf "  engine only jobs 2 / parse-only jobs 2: %.1f%%   (diagnostic: without the command'"'"'s reporting)\n", 100 * R["diagnostic: engine only, no report@2"] / R["parse only (redline-parse-bench)@2"]
    if (R["diagnostic: engine only, no report@2"])
      printf "  engine only jobs 2 / xmllint          : %.2fx   (diagnostic)\n", R["diagnostic: engine only, no report@2"] / x
    if (R["redline audit --report json=FILE@2"])
      printf "  redline --report json jobs 2 / xmllint: %.2fx\n", R["redline audit --report json=FILE@2"] / x
    printf "  peak RSS, redline jobs 2, %d records : %.1f MB (target < 150 MB at 100,000 records)\n", n, M[red "@2"]
    if (R["redline lists import (20,000-entry CSL JSON)@1"])
      printf "  list load (20,000-entry CSL JSON)     : %.2f s, %.1f MB peak RSS\n", n / R["redline lists import (20,000-entry CSL JSON)@1"], M["redline lists import (20,000-entry CSL JSON)@1"]
    if (R["redline audit --lists (20,000-entry CSL)@2"])
      printf "  redline --lists jobs 2 / xmllint      : %.2fx   (screening every party against 20,000 entries)\n", R["redline audit --lists (20,000-entry CSL)@2"] / x
    if (M["redline audit --report json=FILE@2"])
      printf "  peak RSS, redline --report json jobs 2: %.1f MB\n", M["redline audit --report json=FILE@2"]
  }' "$RESULTS" | tee "$WORK/results.txt"
echo
echo "(table also in $WORK/results.txt; raw timings in $RESULTS)"
