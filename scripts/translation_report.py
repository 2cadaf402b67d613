#!/usr/bin/env python3
"""`python scripts/translation_report.py …` is `lpl report …` for this repository (see lpl/cli/report.py)."""

import sys
from pathlib import Path

from lpl.cli import main

if __name__ == "__main__":
    sys.exit(main(["report", "--root", str(Path(__file__).resolve().parent.parent), *sys.argv[1:]]))
