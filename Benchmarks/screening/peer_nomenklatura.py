#!/usr/bin/env python3
"""Score redline's organisation-name pair set with OpenSanctions' matcher (nomenklatura).

Peer measurement for Benchmarks/screening/org-pairs.csv. For every pair it builds two
FollowTheMoney `Company` entities and compares them with nomenklatura's `logic-v2`
algorithm (the one yente uses by default) and, for reference, the deprecated
`name-based` algorithm. A pair is predicted a match when its score is >= the threshold
(default 0.7, yente's default). It prints precision and recall per category and overall,
recall per expected tier, the score distribution (how many pairs score exactly 1.0), and
the false positives; and writes per-pair scores to --out (default
/tmp/nomenklatura-scores.csv; a path inside the repository is refused).

Weak aliases: for a pair whose candidate is a *weak* alias, the candidate entity gets the
candidate string as `weakAlias` and a placeholder `name` that shares no letters-run with
any query (see PLACEHOLDER). logic-v2 scores weak aliases through its `weak_alias_match`
feature (exact match after light cleaning -> 1.0 x weight 0.8 = 0.8; otherwise 0), so weak
pairs are scored. `name-based` only reads matchable name properties and `weakAlias` is not
matchable in FollowTheMoney, so for `name-based` weak pairs are skipped (left blank in the
output and excluded from its metrics).

Install the peer first:  pip install nomenklatura   (add --break-system-packages on a
Debian-managed Python).

Usage:
  python3 Benchmarks/screening/peer_nomenklatura.py [--pairs PATH] [--out PATH]
      [--threshold 0.7] [--algorithms logic-v2,name-based] [--show-misses]
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime
import itertools
import sys
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
DEFAULT_PAIRS = HERE / "org-pairs.csv"
DEFAULT_OUT = Path("/tmp/nomenklatura-scores.csv")
CATEGORIES = [
    "legal-form", "word-order", "abbreviation", "typo", "transliteration", "punctuation",
    "digits", "generic-word", "substring", "weak-alias", "former-name", "diacritics",
    "near-miss",
]
# Placeholder main name for a list entity known only by a weak alias. Nonsense consonant
# runs so that name_match cannot pair it with any query token; the script reports the
# highest name_match score seen on weak pairs so this stays checked.
PLACEHOLDER = "Qxzvwk Jjqpfh"


def load_pairs(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    need = {"query", "candidate", "strength", "label", "tier", "category", "note"}
    if not rows or not need.issubset(rows[0].keys()):
        sys.exit(f"{path}: expected columns {sorted(need)}")
    for i, r in enumerate(rows, start=2):
        if r["strength"] not in ("strong", "weak") or r["label"] not in ("match", "no-match"):
            sys.exit(f"{path}:{i}: bad strength/label {r['strength']!r}/{r['label']!r}")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS, help="pair CSV (default: org-pairs.csv beside this script)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="per-pair score CSV (default /tmp/nomenklatura-scores.csv; not inside the repository)")
    ap.add_argument("--threshold", type=float, default=0.7, help="predicted match when score >= threshold (default 0.7)")
    ap.add_argument("--algorithms", default="logic-v2,name-based", help="comma-separated nomenklatura algorithm names")
    ap.add_argument("--show-misses", action="store_true", help="also list every false negative")
    args = ap.parse_args()

    out = args.out.expanduser().resolve()
    if out == REPO_ROOT or REPO_ROOT in out.parents:
        sys.exit(f"--out {out} is inside the repository {REPO_ROOT}; write scores elsewhere (e.g. /tmp)")

    try:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm
    except ImportError as exc:  # pragma: no cover - environment problem
        sys.exit(f"cannot import nomenklatura/followthemoney ({exc}); run: pip install nomenklatura")

    algos = []
    for name in [a.strip() for a in args.algorithms.split(",") if a.strip()]:
        algo = get_algorithm(name)
        if algo is None:
            sys.exit(f"unknown nomenklatura algorithm {name!r}")
        algos.append(algo)

    rows = load_pairs(args.pairs)
    ids = itertools.count()

    def company(name: str | None = None, weak: str | None = None):
        # nomenklatura caches name analysis by entity id (lru_cache on Entity.__hash__),
        # so every entity must get a fresh id or earlier pairs' names leak into later ones.
        ent = model.make_entity("Company")
        ent.id = f"pair-entity-{next(ids)}"
        if name:
            ent.add("name", name)
        if weak:
            ent.add("weakAlias", weak)
        return ent

    results: dict[str, list[float | None]] = {a.NAME: [] for a in algos}
    details: dict[str, list[str]] = {a.NAME: [] for a in algos}
    weak_name_match_max = 0.0
    for r in rows:
        weak = r["strength"] == "weak"
        for algo in algos:
            config = algo.default_config()
            if weak and algo.NAME != "logic-v2":
                results[algo.NAME].append(None)
                details[algo.NAME].append("skipped: weak alias not read by this algorithm")
                continue
            query = company(r["query"])
            cand = company(PLACEHOLDER, r["candidate"]) if weak else company(r["candidate"])
            res = algo.compare(query, cand, config)
            expl = res.explanations
            results[algo.NAME].append(float(res.score))
            top = max(expl.items(), key=lambda kv: kv[1].score, default=None)
            details[algo.NAME].append(
                "" if top is None else f"{top[0]}={top[1].score:.3f}: {top[1].detail or ''}"
            )
            if weak and "name_match" in expl:
                weak_name_match_max = max(weak_name_match_max, expl["name_match"].score)

    # ---- per-pair output
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        header = ["query", "candidate", "strength", "label", "tier", "category"]
        for a in algos:
            header += [f"{a.NAME}_score", f"{a.NAME}_predicted", f"{a.NAME}_explanation"]
        w.writerow(header)
        for i, r in enumerate(rows):
            line = [r[k] for k in ("query", "candidate", "strength", "label", "tier", "category")]
            for a in algos:
                s = results[a.NAME][i]
                if s is None:
                    line += ["", "", details[a.NAME][i]]
                else:
                    pred = "match" if s >= args.threshold else "no-match"
                    line += [f"{s:.4f}", pred, details[a.NAME][i]]
            w.writerow(line)

    versions = {p: _version(p) for p in ("nomenklatura", "followthemoney", "rigour")}
    print(f"pairs: {args.pairs} ({len(rows)} rows)   threshold: {args.threshold}   date: {datetime.date.today().isoformat()}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    print(f"weak-alias pairs: scored by logic-v2 via weakAlias + placeholder name; skipped by other algorithms")
    for a in algos:
        report(a.NAME, rows, results[a.NAME], args.threshold, args.show_misses)
    if "logic-v2" in results:
        print(f"check: highest logic-v2 name_match on a weak pair (placeholder name vs query) = {weak_name_match_max:.3f}")
    print(f"per-pair scores written to {out}")


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "not installed"


def prf(pairs: list[tuple[bool, bool]]) -> tuple[int, int, int, int, str, str]:
    tp = sum(1 for gold, pred in pairs if gold and pred)
    fp = sum(1 for gold, pred in pairs if not gold and pred)
    fn = sum(1 for gold, pred in pairs if gold and not pred)
    tn = sum(1 for gold, pred in pairs if not gold and not pred)
    prec = f"{tp / (tp + fp):.3f}" if tp + fp else "n/a"
    rec = f"{tp / (tp + fn):.3f}" if tp + fn else "n/a"
    return tp, fp, fn, tn, prec, rec


def report(name: str, rows: list[dict[str, str]], scores: list[float | None], thr: float, show_misses: bool) -> None:
    scored = [(r, s) for r, s in zip(rows, scores) if s is not None]
    skipped = len(rows) - len(scored)
    print()
    print(f"=== {name}: {len(scored)} pairs scored" + (f", {skipped} weak-alias pairs skipped" if skipped else ""))
    print(f"{'category':16} {'pairs':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'precision':>9} {'recall':>7}")
    by_cat: dict[str, list[tuple[bool, bool]]] = collections.defaultdict(list)
    for r, s in scored:
        by_cat[r["category"]].append((r["label"] == "match", s >= thr))
    cats = [c for c in CATEGORIES if c in by_cat] + sorted(c for c in by_cat if c not in CATEGORIES)
    for c in cats:
        tp, fp, fn, tn, p, rc = prf(by_cat[c])
        print(f"{c:16} {len(by_cat[c]):5} {tp:4} {fp:4} {fn:4} {tn:4} {p:>9} {rc:>7}")
    allp = [(r["label"] == "match", s >= thr) for r, s in scored]
    tp, fp, fn, tn, p, rc = prf(allp)
    print(f"{'OVERALL':16} {len(allp):5} {tp:4} {fp:4} {fn:4} {tn:4} {p:>9} {rc:>7}")
    strong = [(r["label"] == "match", s >= thr) for r, s in scored if r["strength"] == "strong"]
    if len(strong) != len(allp):
        tp2, fp2, fn2, tn2, p2, rc2 = prf(strong)
        print(f"{'strong only':16} {len(strong):5} {tp2:4} {fp2:4} {fn2:4} {tn2:4} {p2:>9} {rc2:>7}")
    f1 = (2 * tp / (2 * tp + fp + fn)) if tp else 0.0
    print(f"F1 {f1:.3f}")

    # recall per expected tier
    for tier in ("hit", "possible"):
        got = [s >= thr for r, s in scored if r["tier"] == tier]
        exact = sum(1 for r, s in scored if r["tier"] == tier and s >= 1.0)
        if got:
            print(f"tier {tier:8}: {sum(got)}/{len(got)} reach the threshold (recall {sum(got) / len(got):.3f}); {exact} score exactly 1.0")

    # score distribution
    ones = [r for r, s in scored if s >= 1.0]
    ones_neg = [r for r in ones if r["label"] == "no-match"]
    print(f"score exactly 1.0: {len(ones)} of {len(scored)} ({len(ones) / len(scored):.1%}); "
          f"{len(ones) - len(ones_neg)} match, {len(ones_neg)} no-match")
    bins = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
    hist = collections.Counter()
    for r, s in scored:
        if s >= 1.0:
            key = "=1.0"
        else:
            lo = max(b for b in bins if s >= b) if s >= 0 else 0.0
            key = f"[{lo:.1f},{lo + 0.1:.1f})"
        hist[(key, r["label"])] += 1
    keys = [f"[{b:.1f},{b + 0.1:.1f})" for b in bins[:-1]] + ["=1.0"]
    print("distribution  " + "  ".join(f"{k}:{hist[(k, 'match')]}/{hist[(k, 'no-match')]}" for k in keys) + "   (match/no-match)")

    fps = [(r, s) for r, s in scored if r["label"] == "no-match" and s >= thr]
    if fps:
        print(f"false positives ({len(fps)}):")
        for r, s in sorted(fps, key=lambda x: -x[1]):
            print(f"  {s:.3f}  [{r['category']}] {r['query']!r} vs {r['candidate']!r}")
    fns = [(r, s) for r, s in scored if r["label"] == "match" and s < thr]
    if show_misses and fns:
        print(f"false negatives ({len(fns)}):")
        for r, s in sorted(fns, key=lambda x: (x[0]["category"], x[1])):
            print(f"  {s:.3f}  [{r['category']}/{r['tier']}] {r['query']!r} vs {r['candidate']!r}")
    elif fns:
        print(f"false negatives: {len(fns)} (list them with --show-misses)")


if __name__ == "__main__":
    main()
