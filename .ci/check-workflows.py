#!/usr/bin/env python3
"""Checks the GitHub Action and the example CI files (issue 19), without the network:

1. every file parses as YAML (PyYAML);
2. every `uses:` names an action and a major version in the table below (the current majors, as
   of 2026-12; github/codeql-action v3 is retired in December 2026), and only those;
3. every path a file that runs in this repository refers to exists (examples/ci/github-audit.yml's
   RECORDS; the action's own files);
4. the action's audit step, run as the runner would run it (its `run:` script with the inputs as
   environment variables, a redline binary at $RUNNER_TEMP/redline-bin), writes the reports, the
   job summary and the outputs, and reports redline's exit code.

Usage: python3 .ci/check-workflows.py REDLINE_BINARY
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
CURRENT = {
    "actions/checkout": {4, 5},
    "actions/cache": {4},
    "actions/upload-artifact": {4},
    "actions/download-artifact": {4},
    "github/codeql-action/upload-sarif": {4},
    "mikepenz/action-junit-report": {5},
    "swift-actions/setup-swift": {2},
    "redline-compliance/redline": {1},
}
problems = []


def uses_of(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uses" and isinstance(value, str):
                yield value
            else:
                yield from uses_of(value)
    elif isinstance(node, list):
        for item in node:
            yield from uses_of(item)


files = [ROOT / "action.yml"] + sorted((ROOT / "examples/ci").glob("*.yml"))
documents = {}
for path in files:
    try:
        documents[path.name] = yaml.safe_load(path.read_text())
    except yaml.YAMLError as error:
        problems.append(f"{path}: not valid YAML: {error}")
        continue
    for uses in uses_of(documents[path.name]):
        match = re.fullmatch(r"([\w.-]+/[\w./-]+)@v(\d+)", uses)
        if not match:
            problems.append(f"{path.name}: uses '{uses}' is not owner/name@vN")
        elif match.group(1) not in CURRENT:
            problems.append(f"{path.name}: uses '{uses}': an action this check does not know")
        elif int(match.group(2)) not in CURRENT[match.group(1)]:
            problems.append(f"{path.name}: uses '{uses}': not a current major ({sorted(CURRENT[match.group(1)])})")

# Paths that must exist in this repository.
audit_example = documents.get("github-audit.yml") or {}
records = audit_example.get("env", {}).get("RECORDS")
if not records or not (ROOT / records).is_dir():
    problems.append(f"github-audit.yml: RECORDS '{records}' is not a folder of this repository")
for needed in ["Package.swift", "Sources/redline"]:
    if not (ROOT / needed).exists():
        problems.append(f"action.yml builds from $GITHUB_ACTION_PATH/{needed}, which does not exist")
action = documents.get("action.yml") or {}
declared = set(action.get("inputs", {}))
for step in action.get("runs", {}).get("steps", []):
    for name in re.findall(r"inputs\.([\w-]+)", json.dumps(step)):
        if name not in declared:
            problems.append(f"action.yml: step '{step.get('name')}' reads undeclared input '{name}'")

# Run the audit step as the runner would.
binary = pathlib.Path(sys.argv[1]).resolve()
step = next(s for s in action["runs"]["steps"] if s.get("id") == "audit")
with tempfile.TemporaryDirectory() as temp:
    temp = pathlib.Path(temp)
    (temp / "redline-bin").mkdir()
    shutil.copy(binary, temp / "redline-bin/redline")
    environment = dict(os.environ)
    for key, value in step["env"].items():
        name = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", value).group(1)
        environment[key] = str(action["inputs"][name].get("default", ""))
    environment.update(
        INPUT_PATHS="examples/records", INPUT_AS_OF="2024-04-01", RUNNER_TEMP=str(temp),
        GITHUB_OUTPUT=str(temp / "output.txt"), GITHUB_STEP_SUMMARY=str(temp / "summary.md"))
    run = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=ROOT, env=environment, capture_output=True, text=True)
    outputs = dict(line.split("=", 1) for line in (temp / "output.txt").read_text().splitlines())
    expected_code = subprocess.run(
        [str(binary), "audit", "examples/records", "--as-of", "2024-04-01"], cwd=ROOT, capture_output=True).returncode
    reports = pathlib.Path(outputs.get("reports", ""))
    if run.returncode != 0:
        problems.append(f"the audit step failed ({run.returncode}): {run.stderr[-500:]}")
    if outputs.get("exit-code") != str(expected_code) or expected_code != 1:
        problems.append(f"exit-code output {outputs.get('exit-code')}, redline exits {expected_code} (expected 1)")
    verdicts = json.loads(outputs.get("verdicts", "{}"))
    if sum(verdicts.values()) + int(outputs.get("errors", -1)) != int(outputs.get("records", -1)):
        problems.append(f"verdicts {verdicts} and errors {outputs.get('errors')} do not add up to {outputs.get('records')}")
    for name in ["redline.sarif", "redline.junit.xml", "redline.json", "summary.md"]:
        if not (reports / name).is_file() or (reports / name).stat().st_size == 0:
            problems.append(f"the audit step wrote no {name}")
    if not (temp / "summary.md").is_file() or "redline audit" not in (temp / "summary.md").read_text():
        problems.append("the job summary was not written")
    if "::error" not in run.stdout and "::warning" not in run.stdout:
        problems.append("no annotations on standard output")
    print(f"action audit step: exit-code {outputs.get('exit-code')}, records {outputs.get('records')}, "
          f"not clean {outputs.get('not-clean')}, verdicts {outputs.get('verdicts')}")

for problem in problems:
    print(f"check-workflows: {problem}")
print(f"check-workflows: {len(files)} files, {sum(len(list(uses_of(d))) for d in documents.values())} uses, "
      f"{len(problems)} problem(s)")
sys.exit(1 if problems else 0)
