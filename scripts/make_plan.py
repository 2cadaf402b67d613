#!/usr/bin/env python3
"""`python scripts/make_plan.py …` is `lpl plan …` for this repository (see lpl/cli/plan.py)."""

import sys
from pathlib import Path

from lpl.cli import main

if __name__ == "__main__":
    sys.exit(main(["plan", "--root", str(Path(__file__).resolve().parent.parent), *sys.argv[1:]]))
