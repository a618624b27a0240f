#!/usr/bin/env python3
"""Checks a GitLab code-quality report the way GitLab reads one (docs.gitlab.com, "Code Quality",
"Implement a custom tool"): a JSON array of objects, each with a string `description`,
`check_name` and `fingerprint` (unique in the report), a `severity` among info, minor, major,
critical, blocker, and `location.path` (relative, a file that exists, from the folder given with
--root) with an integer `location.lines.begin` >= 1. Exits 1 with the problems listed."""
import json
import os
import sys

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def problems(issues, root):
    if not isinstance(issues, list):
        yield "the report is not a JSON array"
        return
    seen = set()
    for index, issue in enumerate(issues):
        where = f"issue {index}"
        if not isinstance(issue, dict):
            yield f"{where}: not an object"
            continue
        for key in ("description", "check_name", "fingerprint"):
            if not isinstance(issue.get(key), str) or not issue[key]:
                yield f"{where}: {key} must be a non-empty string"
        if issue.get("fingerprint") in seen:
            yield f"{where}: fingerprint {issue['fingerprint']} is not unique"
        seen.add(issue.get("fingerprint"))
        if issue.get("severity") not in SEVERITIES:
            yield f"{where}: severity {issue.get('severity')!r} is not one of {sorted(SEVERITIES)}"
        location = issue.get("location") or {}
        path = location.get("path")
        if not isinstance(path, str) or path.startswith("/"):
            yield f"{where}: location.path must be a relative path, found {path!r}"
        elif not os.path.isfile(os.path.join(root, path)):
            yield f"{where}: location.path {path} is not a file under {root}"
        begin = (location.get("lines") or {}).get("begin")
        if not isinstance(begin, int) or isinstance(begin, bool) or begin < 1:
            yield f"{where}: location.lines.begin must be an integer >= 1, found {begin!r}"


def main():
    args = sys.argv[1:]
    root = "."
    if len(args) == 3 and args[0] == "--root":
        root, args = args[1], args[2:]
    if len(args) != 1:
        sys.exit("usage: check-codequality.py [--root DIR] REPORT.json")
    with open(args[0], encoding="utf-8") as handle:
        issues = json.load(handle)
    found = list(problems(issues, root))
    for problem in found:
        print(f"{args[0]}: {problem}")
    if found:
        sys.exit(1)
    print(f"{args[0]}: {len(issues)} code-quality issues, all as GitLab reads them")


if __name__ == "__main__":
    main()
