"""Does a summary copy its source? `lpl check-summary [SLUG …]` compares each summary's English and Welsh texts
with the saved excerpt(s) of its source (case_studies/sources/<slug>.<lang>.txt) and lists every unquoted run of
10 or more words they share, with file:line in both. Without a slug: every summary that has an excerpt.

Exit status 1 when anything is listed (what `make test` requires); 2 when the content has errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..editorial.check_summary import RUN, check_summaries
from ..load import check

PROG = "lpl check-summary"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    parser.add_argument("slugs", nargs="*", metavar="SLUG", help="a summary's file name without .yml (default: all)")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: the current folder)")
    args = parser.parse_args(argv)
    slugs = [Path(s).stem if s.endswith((".yml", ".yaml")) else s for s in args.slugs]
    content, problems = check(args.root)
    if content is None:
        for p in problems:
            print(p, file=sys.stderr)
        print("The content has errors: fix them first (`lpl validate` shows them all).", file=sys.stderr)
        return 2
    report = check_summaries(content, args.root, slugs or None)
    for finding in report.findings:
        print(finding)
    if report.without_excerpt and not slugs:
        print(f"No excerpt saved (not checked): {', '.join(report.without_excerpt)}")
    runs = [f for f in report.findings if f.words]
    print(
        f"{'FAILED' if report.findings else 'OK'}: {len(report.checked)} "
        f"{'summary' if len(report.checked) == 1 else 'summaries'} checked, {len(runs)} unquoted "
        f"run(s) of {RUN} or more words shared with a source, {len(report.findings) - len(runs)} other problem(s)."
    )
    return 1 if report.findings else 0
