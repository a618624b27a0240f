#!/usr/bin/env python3
"""Writes a synthetic US Consolidated Screening List bulk JSON file of N entries in the official
shape (the fields of Tests/Fixtures/lists/us-csl.json), for the screening speed benchmark.

    python3 Benchmarks/screening/synthetic_csl.py --count 20000 --seed 7 --out /tmp/csl-20000.json

Names are made of invented syllables, generic words and legal forms, with aliases for a third of
the entries, so the token index sees a realistic spread of words. Deterministic for a seed."""
import argparse
import json
import random

SYLLABLES = ["ka", "ro", "vi", "tel", "mar", "nex", "sor", "lan", "dri", "qua", "zen", "bor", "fal", "tri",
             "mo", "sig", "cor", "pha", "lyx", "den", "ar", "is", "on", "ul", "ex", "ta", "ne", "po", "ri", "su"]
GENERIC = ["Group", "Technologies", "Systems", "Solutions", "International", "Security", "Networks",
           "Holdings", "Trading", "Consulting", "Labs", "Communications", "Research", "Services"]
FORMS = ["Ltd", "LLC", "GmbH", "S.A.", "JSC", "OOO", "Pte. Ltd.", "Kft.", "AD", "EOOD", "Limited", "Inc."]
COUNTRIES = ["RU", "CN", "IR", "AE", "IL", "SG", "BY", "KP", "SY", "VE", "MM", "CY", "GR", "BG", "HU"]
SOURCES = ["Entity List (EL) - Bureau of Industry and Security",
           "Specially Designated Nationals (SDN) - Treasury Department",
           "Military End User (MEU) List - Bureau of Industry and Security"]


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def name(rng):
    parts = [word(rng) for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.6:
        parts.append(rng.choice(GENERIC))
    parts.append(rng.choice(FORMS))
    return " ".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write('{"results": [\n')
        for index in range(args.count):
            primary = name(rng)
            aliases = [name(rng) for _ in range(rng.randint(1, 2))] if rng.random() < 0.33 else []
            start = "%04d-%02d-%02d" % (rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28))
            row = {
                "id": "synthetic-%06d" % index, "source": rng.choice(SOURCES), "entity_number": None,
                "type": None, "programs": [], "name": primary, "title": None,
                "addresses": [{"address": None, "city": None, "state": None, "postal_code": None,
                               "country": rng.choice(COUNTRIES)}],
                "federal_register_notice": "%d FR %d" % (rng.randint(70, 90), rng.randint(1000, 99999)),
                "start_date": start, "end_date": None, "standard_order": None,
                "license_requirement": "For all items subject to the EAR.", "license_policy": "Presumption of denial.",
                "remarks": None, "source_list_url": None, "alt_names": aliases, "citizenships": [],
                "dates_of_birth": [], "nationalities": [], "places_of_birth": [], "source_information_url": None,
                "ids": [],
            }
            out.write(json.dumps(row, ensure_ascii=False))
            out.write(",\n" if index + 1 < args.count else "\n")
        out.write("]}\n")


if __name__ == "__main__":
    main()
