"""List every text still missing or a draft, in Welsh and English: `lpl report`
(or `python scripts/translation_report.py`).

Covers the guidance pages (docs/en, docs/cy), data/ and plans/, and every case study (file:line and
field), with counts per status (official, reviewed, draft, missing), the facts of data/facts.yml past or near their
check_by date, the case studies due for review, and the Welsh spelling and term findings (scripts/check_welsh.py;
`--no-welsh-check` leaves them out). With `--site`
(a built site's folder, e.g. site/ after `make build`), also the Welsh of its /cy/ pages as a screen reader reads
them: English words outside lang="en" and unknown words per 1,000. `--format markdown` suits a pull
request's summary ($GITHUB_STEP_SUMMARY); `--format json` suits other tools.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..editorial.built_welsh import check_built_site
from ..editorial.language_check import check_languages
from ..editorial.spelling import SpellerMissing
from ..editorial.translation_report import FORMATS, build_report
from ..load import check
from ..model.language import LANGUAGES, Language
from ..publish.downloads import document_files, make_documents

PROG = "lpl report"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=sorted(FORMATS), default="text")
    parser.add_argument("--lang", choices=("en", "cy"), help="only this language's texts (default: both)")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: the current folder)")
    parser.add_argument("--no-welsh-check", action="store_true", help="leave out the Welsh spelling and term findings")
    parser.add_argument("--site", type=Path, help="a built site's folder: also read its Welsh pages (rates per 1,000)")
    args = parser.parse_args(argv)
    content, problems = check(args.root)
    if content is None:
        for p in problems:
            if p.severity == "error":
                print(p, file=sys.stderr)
        print(
            "The content has errors (above): fix them first; `python scripts/validate.py` shows them all.",
            file=sys.stderr,
        )
        return 1
    language = None
    if not args.no_welsh_check:
        try:
            language = check_languages(content, args.root, document_files(make_documents(content, "/")))
        except SpellerMissing as error:
            print(f"Welsh check left out: {error}", file=sys.stderr)
    built = None
    if args.site is not None:
        if not (args.site / "cy").is_dir():
            print(f"{args.site}: not a built site (no cy/ folder); build it with `make build`", file=sys.stderr)
            return 1
        try:
            built = check_built_site(args.site, args.root)
        except SpellerMissing as error:
            print(f"Built Welsh check left out: {error}", file=sys.stderr)
    report = build_report(content, args.root, date.today(), language, built)
    sys.stdout.write(FORMATS[args.format](report, (Language(args.lang),) if args.lang else LANGUAGES))
    return 0
