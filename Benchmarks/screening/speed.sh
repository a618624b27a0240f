#!/usr/bin/env bash
# Screening speed: every party name of N generated licence records (exporter, group members,
# parties, aliases) against a synthetic US CSL file of M entries in the official shape, on the
# machine's cores, through redline's token index. Prints the list's load time, the total time and
# the peak RSS (GNU time). Not a unit test: see Benchmarks/screening/README.md.
#
#   Benchmarks/screening/speed.sh            # N=20000 records, M=20000 entries
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-20000}
M=${M:-20000}
WORK=${WORK:-/tmp/redline-screening-bench}
mkdir -p "$WORK/lists"
swift build -c release --product redline 2>&1 | tail -1
swift build -c release --product redline-corpus 2>&1 | tail -1
BIN=$(swift build -c release --show-bin-path)
[ -f "$WORK/lists/csl-$M.json" ] || python3 Benchmarks/screening/synthetic_csl.py --count "$M" --out "$WORK/lists/csl-$M.json"
CORPUS=$WORK/corpus-$N
[ -d "$CORPUS" ] || "$BIN/redline-corpus" --seed 42 --count "$N" --out "$CORPUS" >/dev/null
# Every name a rule screens: exporter, aliases, group members, parties.
python3 - "$CORPUS" > "$WORK/names.txt" <<'PY'
import sys, pathlib, xml.etree.ElementTree as ET
ns = "{urn:redline:licence-record:1}"
for path in sorted(pathlib.Path(sys.argv[1]).glob("**/*.xml")):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        continue
    for element in root.iter():
        if element.tag in (ns + "name", ns + "alias") and element.text and element.text.strip():
            print(" ".join(element.text.split()))
PY
echo "== $(wc -l < "$WORK/names.txt") names from $N records, $M list entries"
# Loading an official-size EU file (26 MB, 14,000 entities).
[ -f "$WORK/fsf-synth.xml" ] || python3 Benchmarks/screening/synthetic_fsf.py 14000 "$WORK/fsf-synth.xml"
echo "== import a $(du -h "$WORK/fsf-synth.xml" | cut -f1) EU FSF XML file"
/usr/bin/time -f "   %e s wall, %U s user, %M KB peak RSS" "$BIN/redline" lists import eu-fsf "$WORK/fsf-synth.xml" > /dev/null
echo "== load and index only (one name)"
/usr/bin/time -f "   %e s wall, %U s user, %M KB peak RSS" "$BIN/redline" screen "nobody at all" --lists "$WORK/lists" --as-of 2026-01-01 > /dev/null || true
echo "== every name"
/usr/bin/time -f "   %e s wall, %U s user, %M KB peak RSS" "$BIN/redline" screen --names "$WORK/names.txt" --lists "$WORK/lists" --as-of 2026-01-01 > "$WORK/matches.tsv" || true
echo "   $(wc -l < "$WORK/matches.tsv") match lines in $WORK/matches.tsv"
