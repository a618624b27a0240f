#!/usr/bin/env bash
# `redline check` of one record, start-up included (issue 16's target: at most 15 ms), against the
# fair peer on the same record (xmllint validating it against the record schema and running the
# Schematron peer of the default rule set), and `redline --version` (the floor: the process starting
# and the command line parsed). The binary measured is the one the release ships: the Swift runtime
# linked in (`--static-swift-stdlib`, as .ci/release.sh builds it), which saves loading a dozen shared
# libraries at every start. Runs alternate between the commands; medians and minima over RUNS runs.
# With valgrind installed, also the instructions of each (callgrind: exact, unaffected by load).
#
#   Benchmarks/startup.sh            # RUNS=101
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-101}
RECORD=${RECORD:-examples/records/approve-lawful-interception.xml}
swift build -c release --static-swift-stdlib --product redline --scratch-path .build/static 2>&1 | tail -1
BIN=.build/static/release/redline
command -v xmllint > /dev/null || { echo "startup.sh needs xmllint (apt-get install libxml2-utils)"; exit 1; }
echo "binary: $BIN ($(stat -c %s "$BIN") bytes); record: $RECORD; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$BIN" "$RECORD" "$RUNS" <<'PY'
import statistics, subprocess, sys, time
binary, record, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
commands = {
    "redline check": [binary, "check", record, "--as-of", "2024-04-01"],
    "redline --version": [binary, "--version"],
    "fair peer (xmllint --schema --schematron)": [
        "xmllint", "--noout", "--schema", "rules/schemas/licence-record-1.xsd",
        "--schematron", "Benchmarks/redline-default.sch", record],
}
times = {name: [] for name in commands}
for _ in range(runs):
    for name, command in commands.items():
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True)
        times[name].append((time.perf_counter() - start) * 1000)
        if result.returncode not in (0, 1, 3) or (name == "redline check" and result.returncode != 0):
            sys.exit(f"{name}: exit {result.returncode}: {result.stderr.decode()[-300:]}")
print(f"| command | median ms | min ms | runs |")
print(f"|---|---|---|---|")
for name, values in times.items():
    print(f"| {name} | {statistics.median(values):.1f} | {min(values):.1f} | {runs} |")
check = statistics.median(times["redline check"])
peer = statistics.median(times["fair peer (xmllint --schema --schematron)"])
print(f"redline check: median {check:.1f} ms (target <= 15 ms); fair peer {peer:.1f} ms; redline / peer = {check / peer:.2f}")
PY
if command -v valgrind > /dev/null; then
  for args in "check $RECORD --as-of 2024-04-01" "--version"; do
    # shellcheck disable=SC2086
    count=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" $args 2>&1 >/dev/null | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*')
    printf 'instructions: redline %s: %s\n' "$args" "$count"
  done
fi
