#!/usr/bin/env python3
"""Benchmarks: `python scripts/bench.py <subcommand> [options]`.

Each subcommand lives in its own module of lpl.bench, with a `main(argv)`; this script only
dispatches. Subcommands: search (our search against Material's, in Chromium); pages (Lighthouse scores
and page weight beside plain Material); build (build and serve times with N case studies); validate (checking N case studies).
"""
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))  # works before `pip install -e .` too

SUBCOMMANDS = {
    "search": "lpl.bench.search",
    "pages": "lpl.bench.pages",   # Lighthouse on every page type, ours beside plain Material
    "build": "lpl.bench.build",   # build time with N synthetic case studies, and serve's wait
    "validate": "lpl.bench.validate",  # the loader's checks on N synthetic case studies
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in SUBCOMMANDS:
        print(f"usage: bench.py {{{','.join(SUBCOMMANDS)}}} [options]  (bench.py <subcommand> --help)", file=sys.stderr)
        return 2
    return importlib.import_module(SUBCOMMANDS[argv[0]]).main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
