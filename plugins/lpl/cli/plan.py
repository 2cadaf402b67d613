"""Make a Leading Professional Learning plan for one school, ready to fill in, as a Word document.

    lpl plan --lang cy --setting primary --school "Ysgol Gynradd Cwm Derwen" --year 2026/27 -o cynllun.docx

The school's name and year go on the title page and in the document's properties; `--plan-only` leaves
out the guidance (each part's purpose, questions, examples and links), as "Make your plan" does. Settings and
languages come from plans/plan.yml; an unknown value is refused with "did you mean …?" (exit code 2), and
so are an existing output file (unless --force) and a school name with control characters or over 200 characters.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from ..load import load
from ..load.site_config import read_site_config
from ..load.source import ContentError
from ..model.plan import PLAN_LANGUAGES
from ..render.plan_docx import write_plan_docx

PROG = "lpl plan"

YEAR = re.compile(r"^(\d{4})/(\d{2})$")


def one_of(choices: list[str], what: str):
    """An argparse type: the value must be one of `choices`; otherwise say which one was meant."""

    def check(value: str) -> str:
        if value in choices:
            return value
        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
        hint = f" — did you mean '{close[0]}'?" if close else ""
        raise argparse.ArgumentTypeError(f"unknown {what} {value!r}{hint} (choose from {', '.join(choices)})")

    return check


def school_year(value: str) -> str:
    match = YEAR.match(value)
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise argparse.ArgumentTypeError(f"the year must be written like 2026/27 (got {value!r})")
    return value


MAX_SCHOOL = 200  # longer than any school's or cluster's name; the title page has room for it


def school_name(value: str) -> str:
    """An argparse type: a name that fits the title page and that Word can store."""
    name = " ".join(value.split())
    if not name:
        raise argparse.ArgumentTypeError("the school's name is empty")
    if len(name) > MAX_SCHOOL:
        raise argparse.ArgumentTypeError(
            f"the school's name is {len(name):,} characters long; the limit is {MAX_SCHOOL}"
        )
    odd = next((c for c in name if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn")), None)
    if odd is not None:
        raise argparse.ArgumentTypeError(
            f"the school's name contains an invisible control character "
            f"(U+{ord(odd):04X}); type the name again without it"
        )
    return name


def site_url(root: Path) -> str:
    """The address the document's links point to, as the site build sees it (SITE_URL or mkdocs.yml's)."""
    return read_site_config(root / "mkdocs.yml")["site_url"]


def main(argv=None) -> int:
    # The choices come from the content, so the project folder is read before the other arguments.
    first = argparse.ArgumentParser(add_help=False)
    first.add_argument("--root", type=Path, default=Path("."))
    root = first.parse_known_args(argv)[0].root
    try:
        content = load(root)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    plan = content.plan
    if plan is None:
        print("plans/plan.yml:1:1: error: there is no plan template to make", file=sys.stderr)
        return 1
    settings = list(plan.settings)
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lang",
        required=True,
        type=one_of(list(PLAN_LANGUAGES), "language"),
        metavar="{" + ",".join(PLAN_LANGUAGES) + "}",
        help="bilingual puts Welsh first",
    )
    parser.add_argument(
        "--setting", required=True, type=one_of(settings, "setting"), metavar="{" + ",".join(settings) + "}"
    )
    parser.add_argument("--school", type=school_name, help="the school's (or cluster's) name, for the title page")
    parser.add_argument("--year", type=school_year, help="the school year, e.g. 2026/27")
    parser.add_argument(
        "--plan-only", action="store_true", help="the school's plan alone: the title page, parts and tables"
    )
    parser.add_argument("-o", "--output", required=True, type=Path, help="the .docx file to write")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: the current folder)")
    args = parser.parse_args(argv)
    if args.output.suffix.lower() != ".docx":
        parser.error(f"the output file must end in .docx (got {args.output.name!r})")
    if args.output.exists() and not args.force:
        parser.error(f"{args.output} already exists; choose another name, or add --force to replace it")
    data = write_plan_docx(
        content,
        args.setting,
        args.lang,
        site_url=site_url(root),
        guidance=not args.plan_only,
        school=args.school,
        year=args.year,
        created=datetime.now(UTC),
    ).data
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(f"{args.output}: {len(data) // 1024} KB", file=sys.stderr)
    return 0
