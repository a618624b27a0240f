#!/usr/bin/env python3
"""Cross-checks the reports of one `redline audit` run: every input file appears exactly once in
each report, and the reports agree with each other on verdicts, errors and findings.

    check-consistency.py CORPUS_DIR REPORT_DIR

REPORT_DIR holds report.json, report.sarif, report.junit.xml, summary.md, annotations.txt and
text.txt from one run over CORPUS_DIR (paths in the reports relative to the current directory).
Exits 1 with a message for every disagreement.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

corpus, reports = sys.argv[1], sys.argv[2]
problems = []

files = sorted(
    os.path.relpath(os.path.join(root, name))
    for root, _, names in os.walk(corpus)
    for name in names
    if name.endswith('.xml'))

audit = json.load(open(os.path.join(reports, 'report.json')))
json_files = [record['file'] for record in audit['records']]
if json_files != files:
    problems.append(f'JSON: {len(json_files)} records, {len(files)} files, or not in path order')
summary = audit['summary']
if summary['records'] != len(files):
    problems.append(f"JSON summary: records {summary['records']}, files {len(files)}")
errors = sum(1 for record in audit['records'] if record['status'] == 'error')
invalid = sum(1 for record in audit['records'] if record['status'] == 'invalid')
findings = sum(len(record['findings']) for record in audit['records'] if record['status'] == 'evaluated')

sarif = json.load(open(os.path.join(reports, 'report.sarif')))
run = sarif['runs'][0]
artifacts = sorted(artifact['location']['uri'] for artifact in run['artifacts'])
if artifacts != sorted(file.replace('%', '%25').replace(' ', '%20').replace(',', '%2C') for file in files):
    problems.append(f'SARIF: {len(artifacts)} artifacts for {len(files)} files')
rule_results = sum(1 for result in run['results'] if result['ruleId'] != 'input-error'
                   and result.get('properties', {}).get('kind') in ('fail', 'partial', 'error'))
if rule_results != findings:
    problems.append(f'SARIF: {rule_results} rule results, JSON has {findings} findings on evaluated records')

junit = ET.parse(os.path.join(reports, 'report.junit.xml')).getroot()
suites = [suite.get('name') for suite in junit.iter('testsuite')]
if suites != files:
    problems.append(f'JUnit: {len(suites)} test suites for {len(files)} files, or not in path order')
junit_errors = sum(1 for suite in junit.iter('testsuite') if int(suite.get('errors')) > 0)
if junit_errors != errors + invalid:
    problems.append(f'JUnit: {junit_errors} suites with errors, JSON has {errors} errors and {invalid} invalid')

text = open(os.path.join(reports, 'text.txt'), encoding='utf-8').read()
headers = [line.split(': ')[0] for line in text.splitlines()
           if re.match(r'^\S.*: (APPROVE|APPROVE-WITH-CONDITIONS|REFUSE|MAINTAIN|REVIEW|SUSPEND|REVOKE|NOT-IN-FORCE|CONFIRM|REQUIRE-LICENCE|ERROR|INVALID)\b', line)]
if headers != files:
    problems.append(f'text: {len(headers)} record headers for {len(files)} files')

markdown = open(os.path.join(reports, 'summary.md'), encoding='utf-8').read()
match = re.search(r'redline audit: (\d+) record\(s\)', markdown)
if not match or int(match.group(1)) != len(files):
    problems.append('Markdown: the heading does not count every file')

annotations = open(os.path.join(reports, 'annotations.txt'), encoding='utf-8').read()
broken = {record['file'] for record in audit['records'] if record['status'] != 'evaluated'}
for file in broken:
    if f'file={file},' not in annotations and f'redline: {file}: ' not in annotations:
        problems.append(f'annotations: nothing for the broken file {file}')

for problem in problems:
    print('check-consistency:', problem)
if problems:
    sys.exit(1)
print(f'check-consistency: {len(files)} files ({errors} errors, {invalid} invalid, {findings} findings) '
      'appear once in every report, and the reports agree')
