#!/usr/bin/env python3
"""`python scripts/validate.py …` is `lpl validate …` for this repository (see lpl/cli/validate.py)."""

import sys
from pathlib import Path

from lpl.cli import main

if __name__ == "__main__":
    sys.exit(main(["validate", "--root", str(Path(__file__).resolve().parent.parent), *sys.argv[1:]]))
