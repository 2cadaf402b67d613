#!/usr/bin/env python3
"""`python scripts/new_case_study.py …` is `lpl new …` for this repository (see lpl/cli/new.py)."""

import sys
from pathlib import Path

from lpl.cli import main

if __name__ == "__main__":
    sys.exit(main(["new", "--root", str(Path(__file__).resolve().parent.parent), *sys.argv[1:]]))
