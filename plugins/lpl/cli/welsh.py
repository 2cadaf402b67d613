"""Check the Welsh: spelling (hunspell-cy) and the term base (data/terms.yml), with file:line for each finding:
`lpl welsh` (or `python scripts/check_welsh.py`, `make check-welsh`).

Exit status 1 when anything is found that data/welsh_allowlist.txt does not allow (what `make test` requires).
`--site site/` also reads a built site's Welsh pages as a screen reader does (English words outside lang="en" and
unknown words per 1,000, README "Welsh spelling and terms"), failing above their limits.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..editorial import built_welsh
from ..editorial.language_check import check_languages, render_markdown, render_text
from ..load import check
from ..publish.downloads import document_files, make_documents

PROG = "lpl welsh"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="a Markdown table (a pull request's summary)")
    parser.add_argument("--no-documents", action="store_true", help="skip the Welsh plan .docx (faster)")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: the current folder)")
    parser.add_argument("--site", type=Path, help="a built site's folder: also read its Welsh pages as built")
    args = parser.parse_args(argv)
    content, _ = check(args.root)
    if content is None:
        print("The content has errors: fix them first; `lpl validate` shows them all.", file=sys.stderr)
        return 2
    # Not cached: the build keeps its own.
    documents = None if args.no_documents else document_files(make_documents(content, "/"))
    result = check_languages(content, args.root, documents)
    sys.stdout.write((render_markdown if args.markdown else render_text)(result))
    built = built_welsh.check_built_site(args.site, args.root) if args.site is not None else None
    if built is not None:
        sys.stdout.write((built_welsh.render_markdown if args.markdown else built_welsh.render_text)(built))
    return 1 if result.failed or (built is not None and built.failed) else 0
