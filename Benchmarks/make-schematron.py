#!/usr/bin/env python3
"""Writes Benchmarks/redline-default.sch, the Schematron peer of redline's default rule set.

The peer is for the throughput benchmark (Benchmarks/README.md): the same assertions as the
default rule set (profile due-diligence) in plain XPath 1.0, as xmllint 2.9.14's Schematron
can run them. Rule titles are read from rules/*.xml; the XPath below is a hand translation of
each rule's <when> and <assert> (redline's rl: functions replaced by literal comparisons).
Run from the repository root:  python3 Benchmarks/make-schematron.py
"""
import xml.etree.ElementTree as ET

RULES_NS = '{urn:redline:rules:1}'
titles = {}
for part in ['before-licence', 'after-licence', 'transparency', 'moratorium']:
    for rule in ET.parse(f'rules/{part}.xml').getroot().iter(RULES_NS + 'rule'):
        titles[rule.attrib['id']] = ' '.join(rule.find(RULES_NS + 'title').text.split())

AS_OF = '20250630'  # the fixed evaluation date, 2025-06-30, as a number
# Elements dated after the evaluation date do not exist (redline removes them before the rules run).
F = "[not(translate(@date, '-', '') > %s)]" % AS_OF
# rl:independent(.): provenance forensic, court, regulator, audit or independent.
INDEP = "contains('|forensic|court|regulator|audit|independent|', concat('|', normalize-space(@provenance), '|'))"
CYBER = "r:items/r:item[@cyberSurveillance = 'true' or @cyberSurveillance = '1']"


def has_tokens(value, tokens):
    """rl:has-tokens(value, 'a b'): every token is a space-separated token of the value."""
    return ' and '.join("contains(concat(' ', normalize-space(%s), ' '), ' %s ')" % (value, t) for t in tokens.split())


def party_key(value):
    """Approximates NameNormalizer: lower case, commas to spaces, dots removed."""
    return "normalize-space(translate(%s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ,.', 'abcdefghijklmnopqrstuvwxyz '))" % value


def phrase_text(value):
    """Approximates phrase matching: lower case, punctuation to spaces, padded with spaces."""
    return ("concat(' ', normalize-space(translate(%s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-.,;:()/!?', "
            "'abcdefghijklmnopqrstuvwxyz          ')), ' ')" % value)


def contains_any(value, phrases):
    return ' or '.join("contains(%s, ' %s ')" % (phrase_text(value), p) for p in phrases)


# Party lists: each entry's key followed by the corporate suffixes NameNormalizer would drop.
TAILS = ['', ' ltd', ' limited', ' inc', ' technologies', ' technologies ltd', ' technology', ' technology ltd', ' pte ltd']
US_ENTITY_LIST = '|' + '|'.join(k + t for k in ['nso group', 'candiru', 'positive', 'computer security initiative consultancy', 'coseinc'] for t in TAILS) + '|'
NSO_ENTITIES = '|' + '|'.join('nso group' + t for t in TAILS) + '|'
CS21_COUNTRIES = '|AZ|BH|HU|IN|KZ|MX|MA|RW|SA|TG|AE|'
GENERIC_END_USE = ['counter terrorism', 'counterterrorism', 'national security', 'law enforcement purposes',
                   'fight against crime', 'public safety', 'public order', 'serious crime']
HUMAN_RIGHTS_REGIMES = ['global human rights sanctions', 'eu ghrsr', 'global human rights', 'global magnitsky', 'magnitsky']


def in_party_list(entries, value):
    return "contains('%s', concat('|', %s, '|'))" % (entries, party_key(value))


EXPORTER_NAMES = "r:exporter/r:name | r:exporter/r:alias | r:exporter/r:group/r:member/r:name | r:exporter/r:group/r:member/r:alias"
ALL_NAMES = EXPORTER_NAMES + " | r:parties/r:party/r:name | r:parties/r:party/r:alias"
PARTY_ROLES = ["consignee", "end-user", "ultimate-end-user", "intermediary", "broker", "agent", "purchaser", "other"]
END_USERS = "../../r:parties/r:party[@role = 'end-user' or @role = 'ultimate-end-user']"
STATEMENT = "r:endUse/r:statement"
DECIDED = "translate(r:lifecycle/r:decided, '-', '')"
ASSESSMENT = "r:dueDiligence/r:impactAssessment" + F

# (rule id, when or None, assert), in rule-set order. MORATORIUM-001 belongs to another profile.
RULES = [
    ("HRDD-001", None, ASSESSMENT + "[%s and r:usedInDecision]" % INDEP),
    ("HRDD-002", None,
     "r:dueDiligence/r:hrdd%s[@by = 'exporter' and %s and %s and %s] and (not(r:exporter/r:group/r:member[@relation = 'investor' or @relation = 'private-equity']) or r:dueDiligence/r:hrdd%s[@by = 'investor' or @by = 'private-equity'])"
     % (F, has_tokens('@scope', 'operations supply-chain end-use'), has_tokens('@steps', 'identify prevent mitigate'), INDEP, F)),
    ("GROUP-001", None, "r:exporter/r:group[@disclosure = 'complete' and %s]" % INDEP),
    ("ASSESS-001", CYBER, ASSESSMENT + "[r:covers = 'actual-use']"),
    ("ASSESS-002", CYBER, ASSESSMENT + "[r:covers = 'iccpr-17' and r:covers = 'iccpr-19' and r:covers = 'legality' and r:covers = 'necessity' and r:covers = 'proportionality']"),
    ("ASSESS-003", CYBER, ASSESSMENT + "/r:riskThreshold[normalize-space(@standard) != '' and normalize-space(.) != '']"),
    ("ASSESS-004", None, "not(%s[@outcome = 'high' or @outcome = 'unacceptable'])" % ASSESSMENT),
    ("ASSESS-005", CYBER, ASSESSMENT + "[r:covers = 'journalists' and r:covers = 'human-rights-defenders']"),
    ("ROL-001", None, "not(r:destination/r:ruleOfLaw[@assessment = 'fails'])"),
    ("ROL-002", CYBER, "r:destination/r:ruleOfLaw[@assessment = 'meets' and %s]" % INDEP),
    ("ENDUSE-001", "r:endUse",
     "not(r:endUse/@specificity = 'generic') and string-length(normalize-space(%s)) >= 40 and not((%s) and string-length(normalize-space(%s)) < 120)"
     % (STATEMENT, contains_any(STATEMENT, GENERIC_END_USE), STATEMENT)),
    ("RECORD-001", "r:items/r:item",
     "not(r:items/r:item[not(r:controlEntry) or not(r:capability)]) and normalize-space(r:endUse/r:statement) != '' and r:parties/r:party[@role = 'end-user'] and r:parties/r:party[@role = 'consignee']"),
    ("RECORD-002", "r:parties/r:party",
     "not(%s)" % " | ".join("r:parties/r:party[@role = '%s'][r:name = following-sibling::r:party[@role = '%s']/r:name]" % (role, role)
                             for role in PARTY_ROLES)),
    ("LIMITS-001", CYBER, "(r:limits/r:volume/@maxTargets or r:limits/r:volume/@maxInstallations) and r:limits/r:geography/r:country and r:limits/r:duration"),
    ("CONTRACT-001", CYBER, "r:dueDiligence/r:contract[r:humanRightsClauses and r:termination[@materialBreach = 'true' or @materialBreach = '1'][@scope]]"),
    ("CONTRACT-002", CYBER,
     "r:dueDiligence/r:contract/r:breachReporting[(%s or %s) and %s]"
     % (has_tokens('@to', 'law-enforcement'), has_tokens('@to', 'export-authority'), has_tokens('@to', 'victims'))),
    ("MONITOR-001", CYBER, "r:dueDiligence/r:usageMonitoring[@usageRecords = 'true' or @usageRecords = '1']"),
    ("MONITOR-002", CYBER, "r:dueDiligence/r:usageMonitoring[@operator = 'independent' and %s]" % INDEP),
    ("WHISTLE-001", None,
     "r:dueDiligence/r:whistleblowerPolicy[normalize-space(@scope) != '' and (@confidentiality = 'true' or @confidentiality = '1') and (@independentInvestigators = 'true' or @independentInvestigators = '1') and %s]" % INDEP),
    ("OVERSIGHT-001", CYBER,
     "r:dueDiligence/r:oversightBody[(@independent = 'true' or @independent = '1') and (@multiStakeholder = 'true' or @multiStakeholder = '1') and (@civilSociety = 'true' or @civilSociety = '1') and %s]" % INDEP),
    ("OVERSIGHT-002", CYBER + " and r:parties/r:party[@role = 'end-user' and @sector = 'government']", "r:destination/r:publicOversightApproval"),
    ("REMEDY-001", CYBER, "r:destination/r:remedy[(@judicial = 'true' or @judicial = '1') and (@nonJudicial = 'true' or @nonJudicial = '1')]"),
    ("DEST-001", CYBER,
     "not((r:destination/@country | r:parties/r:party[@role = 'end-user' or @role = 'ultimate-end-user']/r:country)[contains('%s', concat('|', normalize-space(.), '|'))]) or r:lifecycle/r:review%s[@kind = 'enhanced' and %s]"
     % (CS21_COUNTRIES, F, INDEP)),
    ("ENC-001", None, "not(r:items/r:item[r:capability = 'encryption-circumvention'])"),
    ("SANC-001", None,
     "not((%s | r:items/r:item/r:manufacturer | r:items/r:item/r:service/@forProductOf)[%s])" % (ALL_NAMES, in_party_list(US_ENTITY_LIST, '.'))),
    # hr-sanctions is an empty list: its rl:in-list half is always false and is left out.
    ("SANC-002", None, "not(r:events/r:event%s[@type = 'designation' and (%s)])" % (F, contains_any('r:list', HUMAN_RIGHTS_REGIMES))),
    # SANC-003's NSO half applies from SX21 (2021-12-03) and NSO-001 from CS21 (2021-07-29): both before 2025-06-30.
    ("SANC-003", None,
     "not(r:items/r:item/r:service[%s or %s])" % (in_party_list(US_ENTITY_LIST, '@forProductOf'), in_party_list(NSO_ENTITIES, '@forProductOf'))),
    ("NSO-001", None, "not((%s)[%s])" % (EXPORTER_NAMES, in_party_list(NSO_ENTITIES, '.'))),
    ("REVOKE-001", None, "not(r:events/r:event%s[@type = 'misuse-report' and %s])" % (F, INDEP)),
    # rl:same-party is approximated by exact string equality.
    ("SUSPEND-001", None,
     "not(r:events/r:event%s[(@type = 'misuse-report' and not(%s)) or (@type = 'customer-suspension' and ../../@stage = 'licence' and (r:subject = %s/r:name or r:subject = %s/r:alias)) or (@type = 'investigation' and (r:subject = %s/r:name or r:subject = %s/r:alias or r:country = ../../r:destination/@country))])"
     % (F, INDEP, END_USERS, END_USERS, END_USERS, END_USERS)),
    # rl:same-party is approximated by exact string equality.
    ("REPRESS-001", None,
     "not(r:events/r:event%s[@type = 'transnational-repression' and (r:subject = %s/r:name or r:country = ../../r:destination/@country)])" % (F, END_USERS)),
    ("CUST-001", None,
     "not(r:events/r:event%s[(@type = 'customer-termination' or (@type = 'customer-suspension' and ../../@stage = 'application')) and (r:subject = %s/r:name or r:subject = %s/r:alias)])"
     % (F, END_USERS, END_USERS)),
    ("COOP-001", None, "not(r:events/r:event%s[@type = 'non-cooperation'])" % F),
    # A flag counts for decisions taken on or after it: applications (no decided date: NaN) and
    # licences decided from the flag's date (nso-entities 2019-05-14, US Entity List 2021-11-04, the event's date).
    ("RENEW-001",
     "((%s)[%s] and not(%s < 20190514)) or ((%s)[%s] and not(%s < 20211104)) or r:events/r:event%s[(@type = 'non-cooperation' or (@type = 'misuse-report' and %s)) and r:subject = (%s) and not(translate(../../r:lifecycle/r:decided, '-', '') < translate(@date, '-', ''))]"
     % (EXPORTER_NAMES, in_party_list(NSO_ENTITIES, '.'), DECIDED, EXPORTER_NAMES, in_party_list(US_ENTITY_LIST, '.'), DECIDED,
        F, INDEP, EXPORTER_NAMES.replace('r:exporter', '../../r:exporter')),
     "r:lifecycle/r:review%s[@kind = 'enhanced' and %s and %s]" % (F, INDEP, has_tokens('@covers', 'human-rights'))),
    # rl:days-since(d) <= 1826 at 2025-06-30 is d >= 2020-06-30.
    ("REVIEW-001",
     "@stage = 'licence' and %s and translate(r:lifecycle/r:decided | r:lifecycle/r:validFrom, '-', '') >= 20200630" % CYBER,
     "r:lifecycle/r:review%s[%s]" % (F, has_tokens('@covers', 'procedure human-rights'))),
    ("INTRAEU-001", "r:lifecycle/@transfer = 'intra-eu' and " + CYBER, "not(r:lifecycle/@status = 'no-licence-required')"),
    ("CORP-001", "r:events/r:event%s[@type = 'corporate-event']" % F,
     "not(r:events/r:event%s[@type = 'corporate-event' and not(@disclosedToRegulator = 'true' or @disclosedToRegulator = '1')])" % F),
    ("TRANS-001", None, has_tokens('r:transparency/r:registryEntry/@covers', 'registration products due-diligence')),
    ("TRANS-002", None,
     "r:transparency/r:report%s[%s] or (%s)" % (F, has_tokens('@covers', 'sales rejected-clients'), has_tokens('r:transparency/r:registryEntry/@covers', 'sales rejected-clients'))),
    ("TRANS-003", "r:parties/r:party[(@role = 'end-user' or @role = 'purchaser') and @sector = 'government']",
     "r:transparency/r:contractDisclosure[@status = 'disclosed' or @status = 'disclosable']"),
    ("NLR-001", "r:lifecycle/@status = 'no-licence-required' or r:lifecycle/r:determination",
     "r:lifecycle/r:determination[normalize-space(r:legalBasis) != '' and r:disclosure]"),
]


def escape(text):
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!--',
    '  The Schematron peer of redline\'s default rule set (rules/redline-default.xml, profile',
    '  due-diligence), for the throughput benchmark only (Benchmarks/README.md).',
    '  GENERATED by Benchmarks/make-schematron.py: edit that script, not this file.',
    '  One assert per rule, in rule-set order; each message starts with the rule id.',
    '  Written for xmllint 2.9.14 (xmllint with the noout and schematron options): XPath 1.0',
    '  only, no sch:let, one rule on the record root so every assert runs once per record.',
    '  Fixed evaluation date 2025-06-30: elements dated later do not exist (a date predicate on',
    '  events, impact assessments, reviews, reports and hrdd). Reference lists are inlined as',
    '  bar-delimited literals. Each assert tests: not(when) or (assert).',
    '  Approximations, rule by rule: Benchmarks/README.md.',
    '-->',
    '<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron">',
    '  <sch:title>redline default rules (profile due-diligence), as of 2025-06-30</sch:title>',
    '  <sch:ns prefix="r" uri="urn:redline:licence-record:1"/>',
    '  <sch:pattern id="redline-default">',
    '    <sch:rule context="/r:licenceRecord">',
]
for rule_id, when, assertion in RULES:
    test = assertion if when is None else "not(%s) or (%s)" % (when, assertion)
    lines.append('      <sch:assert id="%s" test="%s">%s: %s</sch:assert>' % (rule_id, escape(test), rule_id, escape(titles[rule_id])))
lines += ['    </sch:rule>', '  </sch:pattern>', '</sch:schema>', '']
with open('Benchmarks/redline-default.sch', 'w') as out:
    out.write('\n'.join(lines))
