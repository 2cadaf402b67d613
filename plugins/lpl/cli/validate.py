"""Check case studies and data files: `lpl validate [PATH ...]` (no path = everything;
or `python scripts/validate.py …`).

Prints every problem as PATH:LINE:COL: error|warning: MESSAGE; exits 1 on any error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..load import check, due_problems
from ..load.source import Problem, printable

PROG = "lpl validate"


def annotation(p: Problem) -> str:
    """A GitHub Actions workflow command: shows the message on the pull request's line.

    Both the file and the message are escaped as GitHub reads them (and printable first), so nothing
    a file holds can end the command early or start another."""
    message = printable(p.message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = (
        printable(p.path)
        .replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )
    return f"::{p.severity} file={path},line={p.line},col={p.column}::{message}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="case-study files to check (default: all)")
    parser.add_argument("--github", action="store_true", help="also print GitHub Actions annotations")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: the current folder)")
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not p.exists()]
    for p in missing:
        print(f"{p}:1:1: error: no such file", file=sys.stderr)
    if missing:
        return 1
    content, problems = check(args.root, [p.resolve() for p in args.paths] or None)
    if content is not None and not args.paths:  # facts past their check_by date: warnings, never a failure
        problems += due_problems(content.frameworks.facts, date.today())
    for p in problems:
        print(p)
        if args.github:
            print(annotation(p))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors:
        print(
            f"{errors} error(s), {warnings} warning(s): fix the errors above; the site will not build until you do.",
            file=sys.stderr,
        )
        return 1
    count = len(content.case_studies) + len(content.unpublished) if content else 0
    print(f"OK: {count} case stud{'y' if count == 1 else 'ies'} checked, {warnings} warning(s).", file=sys.stderr)
    return 0
