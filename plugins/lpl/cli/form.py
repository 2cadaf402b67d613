"""Write the case-study issue form from data/: `lpl form` (`--check`: only say whether it is up to date).

The form's choices (settings, local authorities, hallmarks and the other frameworks) come from data/, so a term
added there is offered at once; `make test` fails while the committed form is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..editorial.issue_form import FORM_PATH, form_text
from ..load import check_data

PROG = "lpl form"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed form differs from data/")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: the current folder)")
    args = parser.parse_args(argv)
    frameworks, problems = check_data(args.root)
    if frameworks is None:
        for p in problems:
            print(p, file=sys.stderr)
        return 1
    path = args.root / FORM_PATH
    wanted = form_text(frameworks)
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if args.check:
        if current != wanted:
            print(f"{FORM_PATH.as_posix()} is out of date with data/: run `lpl form`", file=sys.stderr)
            return 1
        return 0
    if current != wanted:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted, encoding="utf-8")
        print(f"Written: {FORM_PATH.as_posix()}")
    return 0
