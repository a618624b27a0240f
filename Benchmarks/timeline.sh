#!/usr/bin/env bash
# redline timeline on a licence with 50 dated elements (issue 17's target: under 100 ms, start-up
# included, release build: the binary the release ships). The record is the 2019 Bulgarian licence with 43 more dated events
# (quarterly corporate events and usage audits), 50 dated elements in all; it is evaluated at each
# of its dates with one parse and one compiled rule set. Prints the median of RUNS runs, and for
# scale `redline check` of the same record.
#
#   Benchmarks/timeline.sh            # RUNS=21
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-21}
WORK=${WORK:-/tmp/redline-bench}
mkdir -p "$WORK"
# The binary the release ships (the Swift runtime linked in, as .ci/release.sh and startup.sh build it).
swift build -c release --static-swift-stdlib --product redline --scratch-path .build/static 2>&1 | tail -1
BIN=.build/static/release/redline
RECORD=$WORK/timeline-50-dates.xml
python3 - examples/records/bg-2019-nso-group-licence.xml "$RECORD" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
events = []
for index in range(43):
    year, quarter = 2019 + (index + 1) // 4, (index + 1) % 4
    month = 1 + 3 * quarter
    date = f"{year:04d}-{month:02d}-15"
    events.append(
        f'    <event type="corporate-event" date="{date}" disclosedToRegulator="true" provenance="regulator" '
        f'source="Quarterly usage audit report {index + 1} (hypothetical)">\n'
        f"      <subject>Cirrus Bulgaria EOOD</subject>\n"
        f"      <summary>Quarterly audit of the location-request log: no request outside the licence conditions.</summary>\n"
        f"    </event>\n")
text = text.replace("  </events>", "".join(events) + "  </events>")
open(sys.argv[2], "w", encoding="utf-8").write(text)
dated = len(re.findall(r'date="\d{4}-\d\d-\d\d"', text)) + len(re.findall(r">\d{4}-\d\d-\d\d<", text))
print(f"record: {sys.argv[2]} with {dated} dated elements")
PY
python3 - "$BIN" "$RECORD" "$RUNS" <<'PY'
import statistics, subprocess, sys, time
binary, record, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def median_ms(arguments):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([binary] + arguments, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
        if result.returncode not in (0, 1):
            sys.exit(f"{arguments}: exit {result.returncode}: {result.stderr.decode()[-300:]}")
    return statistics.median(times), result.stdout.decode()
timeline, text = median_ms(["timeline", record, "--as-of", "2030-01-01", "--standard", "current"])
check, _ = median_ms(["check", record, "--as-of", "2030-01-01", "--standard", "current"])
steps = len(text.splitlines()) - 1
print(f"redline timeline: {steps} dates evaluated, median {timeline:.1f} ms over {runs} runs (target < 100 ms)")
print(f"redline check of the same record: median {check:.1f} ms; timeline / check = {timeline / check:.2f}")
PY
