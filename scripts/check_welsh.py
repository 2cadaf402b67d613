"""Check the Welsh: spelling (hunspell-cy) and the term base (data/terms.yml), with file:line for each finding.

    python scripts/check_welsh.py [--markdown] [--no-documents]

Exit status 1 when anything is found that data/welsh_allowlist.txt does not allow (what `make test` requires).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lpl.editorial.language_check import check_languages, render_markdown, render_text
from lpl.load import check
from lpl.publish.downloads import make_documents

ROOT = Path.cwd() if (Path.cwd() / "data" / "terms.yml").is_file() else Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="a Markdown table (a pull request's summary)")
    parser.add_argument("--no-documents", action="store_true", help="skip the Welsh plan .docx (faster)")
    args = parser.parse_args(argv)
    content, problems = check(ROOT)
    if content is None:
        print("the content has errors: run scripts/validate.py first", file=sys.stderr)
        return 2
    documents = None if args.no_documents else make_documents(content, "/")  # not cached: the build keeps its own
    result = check_languages(content, ROOT, documents)
    sys.stdout.write((render_markdown if args.markdown else render_text)(result))
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main())
