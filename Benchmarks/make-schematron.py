#!/usr/bin/env python3
"""Writes Benchmarks/redline-default.sch, the Schematron peer of redline's default rule set.

The peer is for the throughput benchmark (Benchmarks/README.md): the same assertions as the
default rule set (profile due-diligence) in plain XPath 1.0, as xmllint 2.9.14's Schematron
can run them (no sch:let, no current()). Rule titles are read from rules/*.xml; the XPath below
is a hand translation of each rule's <when> and <assert> (redline's rl: functions replaced by
literal comparisons). Run from the repository root:  python3 Benchmarks/make-schematron.py

The evaluation date is fixed at 2025-06-30 (CorpusGenerator.designAsOf), after every letter
(AN19 2019-05-14 ... SX21 2021-12-03) and every explicit effectiveFrom (the latest is SANC-001's
and SANC-003's 2021-11-04): no rule is gated by a date, and every reference list is in force.

What the peer approximates, and how (exact on the generated corpus; SchematronPeerTests checks
it on 80 records of seed 2024):

- Dated elements: redline removes every element whose date is after the evaluation date; the
  peer filters event, impactAssessment, review, report, hrdd and lifecycle/ended, the elements
  the generator dates.
- Licence in force (whileInForce rules do not apply to a licence that is not): status expired,
  surrendered, cancelled, exhausted or revoked, a lifecycle/ended element (not after the date),
  or validUntil before 2025-06-30. Exact.
- Cyber-surveillance items (the <when> of most due-diligence rules, and ITEM-001): the
  cyber-surveillance-entries and -capabilities code lists inlined; an entry matches itself or a
  sub-entry (followed by '.'), a capability by equality. redline upper-cases codes; on a
  schema-valid record the XSD fixes their case, so the peer compares them as written. Exact for
  valid records (the peer does not validate).
- rl:independent: provenance among forensic, court, regulator, audit, independent. Exact.
- rl:established(., level): the verification attribute's rank, else the provenance default
  (court: adjudicated; forensic, regulator, audit: confirmed; anything else or absent: alleged).
  Exact.
- rl:same-party (who an event is about: REVOKE-001, SUSPEND-001, MISUSE-001, REPRESS-001,
  CUST-001..003, COOP-001, DEST-002, CONTEXT-001, SANC-002, REVIEW-001, RENEW-001): exact
  string equality of subject with the record's names and aliases, not NameNormalizer's
  normalisation (case, punctuation, corporate suffixes). The generator writes subjects exactly
  as the record names its parties, and names of others that no normalisation makes equal.
- rl:designation-in-force (SANC-002, CONTEXT-001): not past @until; not ended by a delisting
  sibling (not after the date) on or after the designation's date with an equal subject and,
  when both name one, an equal list (exact string equality, not normalised). Without current()
  a delisting cannot refer back to its designation, so the peer enumerates events by position
  (r:events/r:event[i] for i = 1..MAX_EVENTS) and compares each delisting with ../r:event[i]:
  exact for records with at most MAX_EVENTS events (the generator writes at most 10; the test
  checks it).
- REVIEW-001's "no event about a party after the latest review" (rl:latest over the reviews'
  dates): the same enumeration, event i counting when a dated review exists and no dated review
  is on or after event i's date. Exact up to MAX_EVENTS events.
- HRDD-003's rl:months-between: whole calendar months from the dates' year, month and day
  (substring), as LocalDate.months(until:) counts them. Exact.
- REVIEW-001's rl:days-since(decided | validFrom) <= 1826: the first of decided | validFrom as a
  number >= 20200630 (exact for 2025-06-30).
- rl:has-tokens: contains(concat(' ', normalize-space(v), ' '), ' token ') per token (XML
  whitespace, first node only; every use has one node).
- Party lists (SANC-001, SANC-003, NSO-001, RENEW-001): lower case, dots removed, commas to
  spaces, compared with each listed name followed by one of 5 legal forms or none (redline's
  hit: an equal name, legal forms aside when one side has none); phrase lists (ENDUSE-001):
  ASCII punctuation to spaces, whole words. hr-sanctions is empty and left out.
- SANC-004 (possible matches: redline's fuzzy score over the names of every party list): the
  generator's near-miss names (Vocabulary.nearMissNames, read from RecordGenerator's source)
  as a literal list, cleared by a screening-review event with an equal subject. Exact on the
  corpus because no other generated name scores 0.70 against a listed name; not a matcher.
- Not translated at all: scores, partial credit (a partial fail counts as a failure, as in the
  test), verdicts and combinations, located findings and message values, schema validation.

No rule of the default profile is left out or only loosely approximated on the corpus.
"""
import re
import xml.etree.ElementTree as ET

RULES_NS = '{urn:redline:rules:1}'
titles = {}
for part in ['before-licence', 'after-licence', 'transparency', 'moratorium']:
    for rule in ET.parse(f'rules/{part}.xml').getroot().iter(RULES_NS + 'rule'):
        titles[rule.attrib['id']] = ' '.join(rule.find(RULES_NS + 'title').text.split())


def list_entries(list_id):
    """The entries of a reference list in rules/lists.xml."""
    for element in ET.parse('rules/lists.xml').getroot().iter(RULES_NS + 'list'):
        if element.attrib['id'] == list_id:
            return [' '.join(entry.text.split()) for entry in element.iter(RULES_NS + 'entry')]
    raise KeyError(list_id)


AS_OF = '20250630'  # the fixed evaluation date, 2025-06-30, as a number
AS_OF_TEXT = '2025-06-30'
# Events enumerated by position where one event must refer to another (see the docstring).
MAX_EVENTS = 12
# Elements dated after the evaluation date do not exist (redline removes them before the rules run).
F = "[not(translate(@date, '-', '') > %s)]" % AS_OF
# rl:independent(.): provenance forensic, court, regulator, audit or independent.
INDEP = "contains('|forensic|court|regulator|audit|independent|', concat('|', normalize-space(@provenance), '|'))"


def in_entries(entries):
    """rl:in-list for the control-entry code list, on the context node: the entry or a sub-entry
    (the entry followed by '.'). redline upper-cases both sides; on a schema-valid record the XSD
    pattern fixes the case of every position, so comparing as written is the same."""
    return '(' + ' or '.join("starts-with(concat(normalize-space(.), '.'), '%s.')" % e for e in entries) + ')'


def in_enumeration(entries):
    """rl:in-list for a code list whose values the XSD enumerates (capabilities): equality."""
    return "contains('|%s|', concat('|', normalize-space(.), '|'))" % '|'.join(entries)


CS_ENTRIES = "r:controlEntry[%s]" % in_entries(list_entries('cyber-surveillance-entries'))
CS_CAPABILITIES = "r:capability[%s]" % in_enumeration(list_entries('cyber-surveillance-capabilities'))
MARKED = "@cyberSurveillance = 'true' or @cyberSurveillance = '1'"
# A cyber-surveillance item: marked, or derived from its entries or capabilities.
CYBER = "r:items/r:item[%s or %s or %s]" % (MARKED, CS_ENTRIES, CS_CAPABILITIES)
# A licence that is not in force at the evaluation date (whileInForce rules do not apply).
NOT_IN_FORCE = ("@stage = 'licence' and (contains('|expired|surrendered|cancelled|exhausted|revoked|', "
                "concat('|', normalize-space(r:lifecycle/@status), '|')) or r:lifecycle/r:ended%s or "
                "translate(normalize-space(r:lifecycle/r:validUntil), '-', '') < %s)" % (F, AS_OF))
IN_FORCE = "not(%s)" % NOT_IN_FORCE


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


def established(level):
    """rl:established(., level) on the context node: the verification attribute, else the
    provenance default (court: adjudicated; forensic, regulator, audit: confirmed; else alleged)."""
    levels = ['alleged', 'corroborated', 'confirmed', 'adjudicated']
    rank = levels.index(level)
    explicit = "contains('|%s|', concat('|', normalize-space(@verification), '|'))" % '|'.join(levels[rank:])
    derived = {0: None, 1: 'court|forensic|regulator|audit', 2: 'court|forensic|regulator|audit', 3: 'court'}[rank]
    if derived is None:
        return "true()"
    implicit = "contains('|%s|', concat('|', normalize-space(@provenance), '|'))" % derived
    return "((@verification and %s) or (not(@verification) and %s))" % (explicit, implicit)


def months_between(a, b):
    """rl:months-between(a, b): whole calendar months from date a to date b."""
    def part(x, start, length):
        return "number(substring(normalize-space(%s), %d, %d))" % (x, start, length)
    raw = "((%s - %s) * 12 + %s - %s)" % (part(b, 1, 4), part(a, 1, 4), part(b, 6, 2), part(a, 6, 2))
    return "(%s - number(%s > 0 and %s < %s) + number(%s < 0 and %s > %s))" % (
        raw, raw, part(b, 9, 2), part(a, 9, 2), raw, part(b, 9, 2), part(a, 9, 2))


# Party lists: each entry's name without its legal form, followed by a legal form or none (a hit
# is an equal name; legal forms may differ only when one side has none: docs/lists.md).
TAILS = ['', ' ltd', ' limited', ' inc', ' pte ltd']
US_ENTITY_LIST = '|' + '|'.join(k + t for k in ['nso group', 'nso group technologies', 'candiru', 'positive technologies', 'computer security initiative consultancy', 'coseinc'] for t in TAILS) + '|'
NSO_ENTITIES = '|' + '|'.join(k + t for k in ['nso group', 'nso group technologies', 'nso group technology'] for t in TAILS) + '|'
# SANC-004's possible matches: the generator's names one letter or word from a listed vendor's
# (RecordGenerator's Vocabulary.nearMissNames, read from its source).
NEAR_MISSES = '|' + '|'.join(re.findall(r'"([^"]+)"', re.search(r'nearMissNames = \[(.*?)\]', open('Sources/RecordGenerator/Vocabulary.swift').read(), re.S).group(1))) + '|'
CS21_COUNTRIES = '|' + '|'.join(list_entries('cs21-countries')) + '|'
GENERIC_END_USE = ['counter terrorism', 'counterterrorism', 'national security', 'law enforcement purposes',
                   'fight against crime', 'public safety', 'public order', 'serious crime']


def in_party_list(entries, value):
    return "contains('%s', concat('|', %s, '|'))" % (entries, party_key(value))


EXPORTER_NAMES = "r:exporter/r:name | r:exporter/r:alias | r:exporter/r:group/r:member/r:name | r:exporter/r:group/r:member/r:alias"
ALL_NAMES = EXPORTER_NAMES + " | r:parties/r:party/r:name | r:parties/r:party/r:alias"
PARTY_ROLES = ["consignee", "end-user", "ultimate-end-user", "intermediary", "broker", "agent", "purchaser", "other"]
STATEMENT = "r:endUse/r:statement"
DECIDED = "translate(r:lifecycle/r:decided, '-', '')"
ASSESSMENT = "r:dueDiligence/r:impactAssessment" + F
REVIEWS = "r:lifecycle/r:review" + F

# From an event (r:events/r:event): who it is about.
UP = "../../"
EVENT_EXPORTER_NAMES = ' | '.join(UP + n.strip() for n in EXPORTER_NAMES.split('|'))
EVENT_ALL_NAMES = ' | '.join(UP + n.strip() for n in ALL_NAMES.split('|'))
END_USER_PARTIES = UP + "r:parties/r:party[@role = 'end-user' or @role = 'ultimate-end-user']"
END_USER_NAMES = "%s/r:name | %s/r:alias" % (END_USER_PARTIES, END_USER_PARTIES)
# rl:same-party(r:subject, …) is approximated by exact string equality.
ABOUT_PARTY = "r:subject = (%s)" % EVENT_ALL_NAMES
# About this record: a party, or neither subject nor country.
ABOUT_RECORD = "(%s or not(r:subject | r:country))" % ABOUT_PARTY
IN_DESTINATION = "r:country = ../../r:destination/@country"
EVENTS = "r:events/r:event" + F


def event_at(i):
    return "r:events/r:event[%d]" % i


def designation_in_force(i):
    """rl:designation-in-force(.) for the designation r:events/r:event[i], from its own context:
    not past @until, and no delisting sibling (not after the date) on or after its date with an
    equal subject and, when both name one, an equal list."""
    me = "../r:event[%d]" % i
    delisting = ("../r:event[@type = 'delisting']%s[r:subject = %s/r:subject and "
                 "not(translate(@date, '-', '') < translate(%s/@date, '-', '')) and "
                 "(not(r:list) or not(%s/r:list) or r:list = %s/r:list)]" % (F, me, me, me, me))
    return "(not(translate(@until, '-', '') <= %s) and not(%s))" % (AS_OF, delisting)


def any_event(condition):
    """Some event r:events/r:event[i] (i = 1..MAX_EVENTS) satisfies condition(i), evaluated at the event."""
    return '(' + ' or '.join("%s%s[%s]" % (event_at(i), F, condition(i)) for i in range(1, MAX_EVENTS + 1)) + ')'


def review_after(i):
    """Event i is dated after the latest dated review covering procedure and human rights."""
    tokens = has_tokens('@covers', 'procedure human-rights')
    reviews = UP + "r:lifecycle/r:review%s[%s][@date]" % (F, tokens)
    later = "[not(translate(@date, '-', '') < translate(../../r:events/r:event[%d]/@date, '-', ''))]" % i
    return "(%s and not(%s%s))" % (reviews, reviews, later)


HUMAN_RIGHTS_REVIEW = "[%s]" % has_tokens('@covers', 'procedure human-rights')

# (rule id, when or None, assert, while in force), in rule-set order. MORATORIUM-001 belongs to another profile.
RULES = [
    ("HRDD-001", CYBER, ASSESSMENT + "[%s and r:usedInDecision]" % INDEP, False),
    ("HRDD-002", CYBER,
     "r:dueDiligence/r:hrdd%s[@by = 'exporter' and %s and %s and %s] and (not(r:exporter/r:group/r:member[@relation = 'investor' or @relation = 'private-equity']) or r:dueDiligence/r:hrdd%s[@by = 'investor' or @by = 'private-equity'])"
     % (F, has_tokens('@scope', 'operations supply-chain end-use'), has_tokens('@steps', 'identify prevent mitigate'), INDEP, F), False),
    ("HRDD-003", CYBER + " and " + ASSESSMENT,
     ASSESSMENT + "[@date and not(@reusedFrom) and ((../../r:lifecycle/r:decided and %s <= 24) or (not(../../r:lifecycle/r:decided) and %s <= 24))]"
     % (months_between('@date', '../../r:lifecycle/r:decided'), months_between('@date', "'%s'" % AS_OF_TEXT)), False),
    ("GROUP-001", CYBER, "r:exporter/r:group[@disclosure = 'complete' and %s]" % INDEP, False),
    ("ASSESS-001", CYBER, ASSESSMENT + "[r:covers = 'actual-use']", False),
    ("ASSESS-002", CYBER, ASSESSMENT + "[r:covers = 'iccpr-17' and r:covers = 'iccpr-19' and r:covers = 'legality' and r:covers = 'necessity' and r:covers = 'proportionality']", False),
    ("ASSESS-003", CYBER, ASSESSMENT + "/r:riskThreshold[normalize-space(@standard) != '' and normalize-space(.) != '']", False),
    ("ASSESS-004", None, "not(%s[@outcome = 'high' or @outcome = 'unacceptable'])" % ASSESSMENT, True),
    ("ASSESS-005", CYBER, ASSESSMENT + "[r:covers = 'journalists' and r:covers = 'human-rights-defenders']", False),
    ("ROL-001", CYBER, "not(r:destination/r:ruleOfLaw[@assessment = 'fails'])", True),
    ("ROL-002", CYBER, "r:destination/r:ruleOfLaw[@assessment = 'meets' and %s]" % INDEP, False),
    ("ENDUSE-001", "r:endUse and " + CYBER,
     "not(r:endUse/@specificity = 'generic') and string-length(normalize-space(%s)) >= 40 and not((%s) and string-length(normalize-space(%s)) < 120)"
     % (STATEMENT, contains_any(STATEMENT, GENERIC_END_USE), STATEMENT), False),
    ("RECORD-001", "r:items/r:item",
     "not(r:items/r:item[not(r:controlEntry) or not(r:capability)]) and normalize-space(r:endUse/r:statement) != '' and (r:lifecycle/@kind = 'marketing' or (r:parties/r:party[@role = 'end-user'] and r:parties/r:party[@role = 'consignee']))", False),
    ("RECORD-002", "r:parties/r:party",
     "not(%s)" % " | ".join("r:parties/r:party[@role = '%s'][r:name = following-sibling::r:party[@role = '%s']/r:name]" % (role, role)
                             for role in PARTY_ROLES), False),
    ("LIMITS-001", CYBER, "(r:limits/r:volume/@maxTargets or r:limits/r:volume/@maxInstallations) and r:limits/r:geography/r:country and r:limits/r:duration", False),
    ("CONTRACT-001", CYBER, "r:dueDiligence/r:contract[r:humanRightsClauses and r:termination[@materialBreach = 'true' or @materialBreach = '1'][@scope]]", False),
    ("CONTRACT-002", CYBER,
     "r:dueDiligence/r:contract/r:breachReporting[(%s or %s) and %s]"
     % (has_tokens('@to', 'law-enforcement'), has_tokens('@to', 'export-authority'), has_tokens('@to', 'victims')), False),
    ("MONITOR-001", CYBER, "r:dueDiligence/r:usageMonitoring[@usageRecords = 'true' or @usageRecords = '1']", False),
    ("MONITOR-002", CYBER, "r:dueDiligence/r:usageMonitoring[@operator = 'independent' and %s]" % INDEP, False),
    ("WHISTLE-001", CYBER,
     "r:dueDiligence/r:whistleblowerPolicy[normalize-space(@scope) != '' and (@confidentiality = 'true' or @confidentiality = '1') and (@independentInvestigators = 'true' or @independentInvestigators = '1') and %s]" % INDEP, False),
    ("OVERSIGHT-001", CYBER,
     "r:dueDiligence/r:oversightBody[(@independent = 'true' or @independent = '1') and (@multiStakeholder = 'true' or @multiStakeholder = '1') and (@civilSociety = 'true' or @civilSociety = '1') and %s]" % INDEP, False),
    ("OVERSIGHT-002", CYBER + " and r:parties/r:party[@role = 'end-user' and @sector = 'government']", "r:destination/r:publicOversightApproval", False),
    ("REMEDY-001", CYBER, "r:destination/r:remedy[(@judicial = 'true' or @judicial = '1') and (@nonJudicial = 'true' or @nonJudicial = '1')]", False),
    ("DEST-001", CYBER,
     "not((r:destination/@country | r:parties/r:party[@role = 'end-user' or @role = 'ultimate-end-user']/r:country)[contains('%s', concat('|', normalize-space(.), '|'))]) or %s[@kind = 'enhanced' and %s]"
     % (CS21_COUNTRIES, REVIEWS, INDEP), False),
    # Corroborated misuse by, or an open or substantiated investigation into, another agency of the destination state.
    ("DEST-002", CYBER,
     "not(%s[not(%s) and %s and ((@type = 'misuse-report' and %s) or (@type = 'investigation' and not(@status = 'closed-cleared')))])"
     % (EVENTS, ABOUT_PARTY, IN_DESTINATION, established('corroborated')), True),
    ("ENC-001", None, "not(r:items/r:item[r:capability = 'encryption-circumvention'])", False),
    ("SANC-001", None,
     "not((%s | r:items/r:item/r:manufacturer | r:items/r:item/r:service/@forProductOf)[%s])" % (ALL_NAMES, in_party_list(US_ENTITY_LIST, '.')), True),
    # hr-sanctions is an empty list: its rl:in-list half is always false and is left out.
    ("SANC-002", None,
     "not(%s)" % any_event(lambda i: "@type = 'designation' and %s and %s" % (ABOUT_PARTY, designation_in_force(i))), True),
    # SANC-003's NSO half applies from SX21 (2021-12-03): before 2025-06-30.
    ("SANC-003", None,
     "not(r:items/r:item/r:service[%s or %s])" % (in_party_list(US_ENTITY_LIST, '@forProductOf'), in_party_list(NSO_ENTITIES, '@forProductOf')), True),
    # A possible match not cleared by a screening-review event (dated, exact subject).
    ("SANC-004", None,
     "not((%s | r:items/r:item/r:manufacturer | r:items/r:item/r:service/@forProductOf)[contains('%s', concat('|', normalize-space(.), '|')) and not(. = /r:licenceRecord/%s[@type = 'screening-review' and @status = 'closed-cleared']/r:subject)])"
     % (ALL_NAMES, NEAR_MISSES, EVENTS), True),
    ("NSO-001", None, "not((%s)[%s])" % (EXPORTER_NAMES, in_party_list(NSO_ENTITIES, '.')), True),
    # Confirmed or adjudicated misuse (a report, or a substantiated investigation) about this record.
    ("REVOKE-001", None,
     "not(%s[(@type = 'misuse-report' or (@type = 'investigation' and @status = 'substantiated')) and %s and %s])"
     % (EVENTS, ABOUT_RECORD, established('confirmed')), True),
    # Corroborated (not confirmed) misuse, the end user suspended (licences), an open investigation.
    ("SUSPEND-001", None,
     "not(%s[((@type = 'misuse-report' or (@type = 'investigation' and @status = 'substantiated')) and %s and %s and not(%s)) or (@type = 'customer-suspension' and ../../@stage = 'licence' and r:subject = (%s)) or (@type = 'investigation' and not(@status = 'closed-cleared' or @status = 'substantiated') and %s)])"
     % (EVENTS, ABOUT_RECORD, established('corroborated'), established('confirmed'), END_USER_NAMES, ABOUT_RECORD), True),
    ("MISUSE-001", None,
     "not(%s[@type = 'misuse-report' and %s and not(%s)])" % (EVENTS, ABOUT_RECORD, established('corroborated')), True),
    ("REPRESS-001", None,
     "not(%s[@type = 'transnational-repression' and (r:subject = %s/r:name or %s)])" % (EVENTS, END_USER_PARTIES, IN_DESTINATION), True),
    ("CUST-001", None,
     "not(%s[(@type = 'customer-termination' or (@type = 'customer-suspension' and ../../@stage = 'application')) and r:subject = (%s)])"
     % (EVENTS, END_USER_NAMES), True),
    ("CUST-002", EVENTS + "[@type = 'customer-suspension' or @type = 'customer-termination']",
     "not(%s[(@type = 'customer-suspension' or @type = 'customer-termination') and not(@scope = 'state') and not(%s) and %s])"
     % (EVENTS, ABOUT_PARTY, IN_DESTINATION), True),
    ("CUST-003", None,
     "not(%s[@type = 'customer-termination' and @scope = 'state' and %s])" % (EVENTS, IN_DESTINATION), True),
    ("COOP-001", None,
     "not(%s[((@type = 'non-cooperation' and not(@degree = 'full')) or (@type = 'cooperation' and (@degree = 'partial' or @degree = 'refused'))) and (r:subject = (%s) or not(r:subject))])"
     % (EVENTS, EVENT_EXPORTER_NAMES), False),
    # Context: an event about someone else, a cleared investigation, an ended designation, an allegation about another agency.
    ("CONTEXT-001", None,
     "not(%s[((@type = 'misuse-report' or @type = 'designation' or @type = 'customer-suspension' or @type = 'customer-termination' or @type = 'investigation' or @type = 'non-cooperation' or @type = 'transnational-repression') and (r:subject or r:country) and not(%s) and not(%s)) or (@type = 'investigation' and @status = 'closed-cleared') or (@type = 'misuse-report' and (not(%s) and %s) and not(%s))]) and not(%s)"
     % (EVENTS, ABOUT_PARTY, IN_DESTINATION, ABOUT_PARTY, IN_DESTINATION, established('corroborated'),
        any_event(lambda i: "@type = 'designation' and not(%s)" % designation_in_force(i))), False),
    ("FLAG-001", None, "not(r:items/r:item[r:capability = 'remote-intrusion' or r:capability = 'zero-click'])", False),
    ("ITEM-001", None, "not(r:items/r:item[not(%s) and (%s or %s)])" % (MARKED, CS_ENTRIES, CS_CAPABILITIES), False),
    # A flag counts for decisions taken on or after it: applications (no decided date: NaN) and
    # licences decided from the flag's date (nso-entities 2019-05-14, US Entity List 2021-11-04, the event's date).
    ("RENEW-001",
     "((%s)[%s] and not(%s < 20190514)) or ((%s)[%s] and not(%s < 20211104)) or %s[(@type = 'non-cooperation' or (@type = 'misuse-report' and %s)) and r:subject = (%s) and not(translate(../../r:lifecycle/r:decided, '-', '') < translate(@date, '-', ''))] or r:items/r:item[r:capability = 'remote-intrusion' or r:capability = 'zero-click'] or (r:lifecycle/r:renewalOf and r:items/r:item[r:capability = 'interception' or r:capability = 'lawful-interception'])"
     % (EXPORTER_NAMES, in_party_list(NSO_ENTITIES, '.'), DECIDED, EXPORTER_NAMES, in_party_list(US_ENTITY_LIST, '.'), DECIDED,
        EVENTS, INDEP, EVENT_EXPORTER_NAMES),
     "%s[@kind = 'enhanced' and %s and %s]" % (REVIEWS, INDEP, has_tokens('@covers', 'human-rights')), False),
    # rl:days-since(d) <= 1826 at 2025-06-30 is d >= 2020-06-30.
    ("REVIEW-001",
     "@stage = 'licence' and %s and translate(r:lifecycle/r:decided | r:lifecycle/r:validFrom, '-', '') >= 20200630" % CYBER,
     "%s%s and not(%s)" % (REVIEWS, HUMAN_RIGHTS_REVIEW, any_event(
         lambda i: "(@type = 'misuse-report' or @type = 'investigation' or @type = 'transnational-repression') and not(@status = 'closed-cleared') and %s and %s"
         % (ABOUT_RECORD, review_after(i)))), False),
    ("INTRAEU-001", "r:lifecycle/@transfer = 'intra-eu' and " + CYBER,
     "not(r:lifecycle/@status = 'no-licence-required' or @stage = 'determination')", False),
    ("CORP-001", EVENTS + "[@type = 'corporate-event']",
     "not(%s[@type = 'corporate-event' and not(@disclosedToRegulator = 'true' or @disclosedToRegulator = '1')])" % EVENTS, False),
    ("TRANS-001", CYBER, has_tokens('r:transparency/r:registryEntry/@covers', 'registration products due-diligence'), False),
    ("TRANS-002", CYBER,
     "r:transparency/r:report%s[%s] or (%s)" % (F, has_tokens('@covers', 'sales rejected-clients'), has_tokens('r:transparency/r:registryEntry/@covers', 'sales rejected-clients')), False),
    ("TRANS-003", "r:parties/r:party[(@role = 'end-user' or @role = 'purchaser') and @sector = 'government'] and " + CYBER,
     "r:transparency/r:contractDisclosure[@status = 'disclosed' or @status = 'disclosable']", False),
    ("NLR-001", "(r:lifecycle/@status = 'no-licence-required' or r:lifecycle/r:determination) and " + CYBER,
     "r:lifecycle/r:determination[normalize-space(r:legalBasis) != '' and r:disclosure]", False),
]

# Every rule of the default profile is translated, and nothing else.
profile = set(titles) - {'MORATORIUM-001'}
translated = [rule_id for rule_id, _, _, _ in RULES]
assert len(translated) == len(set(translated)) and set(translated) == profile, sorted(profile ^ set(translated))


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
    '  only, no sch:let, no current(), one rule on the record root so every assert runs once per',
    '  record. Fixed evaluation date 2025-06-30: elements dated later do not exist (a date',
    '  predicate on events, impact assessments, reviews, reports, hrdd and lifecycle/ended).',
    '  Reference lists are inlined as bar-delimited literals. Each assert tests: not(when) or',
    '  (assert); a rule about a live licence also passes when the licence is not in force.',
    '  Approximations, rule by rule: the docstring of Benchmarks/make-schematron.py.',
    '-->',
    '<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron">',
    '  <sch:title>redline default rules (profile due-diligence), as of 2025-06-30</sch:title>',
    '  <sch:ns prefix="r" uri="urn:redline:licence-record:1"/>',
    '  <sch:pattern id="redline-default">',
    '    <sch:rule context="/r:licenceRecord">',
]
for rule_id, when, assertion, while_in_force in RULES:
    if while_in_force:
        when = IN_FORCE if when is None else "%s and %s" % (IN_FORCE, when)
    test = assertion if when is None else "not(%s) or (%s)" % (when, assertion)
    lines.append('      <sch:assert id="%s" test="%s">%s: %s</sch:assert>' % (rule_id, escape(test), rule_id, escape(titles[rule_id])))
lines += ['    </sch:rule>', '  </sch:pattern>', '</sch:schema>', '']
with open('Benchmarks/redline-default.sch', 'w') as out:
    out.write('\n'.join(lines))
