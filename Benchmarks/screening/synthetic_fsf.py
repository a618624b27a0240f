#!/usr/bin/env python3
"""Writes a synthetic EU FSF XML 1.1 file of N sanctionEntity elements (about 1.9 KB each, so
14,000 make a file of the official full file's size, 26 MB), for timing the import.

    python3 Benchmarks/screening/synthetic_fsf.py 14000 /tmp/fsf-synth.xml
"""
import random, sys
n=int(sys.argv[1]); out=sys.argv[2]; rng=random.Random(11)
SY=["ka","ro","vi","tel","mar","nex","sor","lan","dri","qua","zen","bor","fal","tri","mo","sig","cor","pha","lyx","den"]
def word(): return "".join(rng.choice(SY) for _ in range(rng.randint(2,4))).capitalize()
with open(out,"w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-05-29T09:15:42.000+02:00" globalFileId="SYNTH">\n')
    for i in range(n):
        d="%04d-%02d-%02d"%(rng.randint(2010,2025),rng.randint(1,12),rng.randint(1,28))
        f.write(f'<sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.SYN.{i}" logicalId="{100000+i}" designationDate="{d}">\n<remark>Synthetic entry {i} for the load benchmark, with a statement of reasons of some length to look like the real file: associated with the development of surveillance tools.</remark>\n')
        f.write(f'<regulation regulationType="amendment" organisationType="council" publicationDate="{d}" entryIntoForceDate="{d}" numberTitle="2023/{i} (OJ L SYN)" programme="{rng.choice(["HR","CYB","UKR","RUS","IRN"])}" logicalId="{200000+i}"><publicationUrl>https://eur-lex.europa.eu/SYN-{i}</publicationUrl></regulation>\n<subjectType code="enterprise" classificationCode="E"/>\n')
        for k in range(rng.randint(1,4)):
            f.write(f'<nameAlias firstName="" middleName="" lastName="" wholeName="{word()} {word()} Ltd" function="" gender="" title="" nameLanguage="EN" strong="{"true" if k<2 else "false"}" regulationLanguage="en" logicalId="{300000+i*5+k}"><regulationSummary regulationType="amendment" publicationDate="{d}" numberTitle="2023/{i}" publicationUrl="https://eur-lex.europa.eu/SYN-{i}"/></nameAlias>\n')
        f.write(f'<address city="City" street="Street {i}" poBox="" zipCode="1000" region="" place="" asAtListingTime="false" countryIso2Code="RU" countryDescription="RUSSIA" regulationLanguage="en" logicalId="{400000+i}"/>\n<citizenship region="" countryIso2Code="RU" countryDescription="RUSSIA" regulationLanguage="en" logicalId="{500000+i}"/>\n</sanctionEntity>\n')
    f.write('</export>\n')
