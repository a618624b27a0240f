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
echo "   $(wc -l < "$WORK/matches.tsv") match lines in $WORK/matches.tsv ($(sort -u "$WORK/names.txt" | wc -l) distinct names)"
# The hard case: every name distinct and close to a listed one (each list name with one letter
# changed, and each with " Trading" added), so that every query has candidates to score.
python3 - "$WORK/lists/csl-$M.json" > "$WORK/distinct.txt" <<'PY'
import json, random, sys
random.seed(7)
names = set()
for row in json.load(open(sys.argv[1]))["results"]:
    words = row["name"].split()
    long = [i for i, w in enumerate(words) if len(w) >= 5]
    if long:
        i = random.choice(long); j = random.randrange(len(words[i]))
        words[i] = words[i][:j] + random.choice("abcdefghijklmnopqrstuvwxyz") + words[i][j + 1:]
    names.add(" ".join(words))
    names.add(row["name"] + " Trading")
print("\n".join(sorted(names)))
PY
echo "== $(wc -l < "$WORK/distinct.txt") distinct near-miss names"
/usr/bin/time -f "   %e s wall, %U s user, %M KB peak RSS" "$BIN/redline" screen --names "$WORK/distinct.txt" --lists "$WORK/lists" --as-of 2026-01-01 > "$WORK/distinct.tsv" || true
# Official files of 30 MB: load time and peak memory (no document tree is built).
[ -f "$WORK/fsf-30mb.xml" ] || python3 Benchmarks/screening/synthetic_fsf.py 16000 "$WORK/fsf-30mb.xml"
echo "== import a $(du -h "$WORK/fsf-30mb.xml" | cut -f1) EU FSF XML file"
/usr/bin/time -f "   %e s wall, %U s user, %M KB peak RSS" "$BIN/redline" lists import eu-fsf "$WORK/fsf-30mb.xml" > /dev/null
[ -f "$WORK/csl-30mb.json" ] || python3 Benchmarks/screening/synthetic_csl.py --count 43000 --out "$WORK/csl-30mb.json"
echo "== import a $(du -h "$WORK/csl-30mb.json" | cut -f1) US CSL JSON file"
/usr/bin/time -f "   %e s wall, %U s user, %M KB peak RSS" "$BIN/redline" lists import us-csl-json "$WORK/csl-30mb.json" > /dev/null
