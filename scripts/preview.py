#!/usr/bin/env python3
"""`python scripts/preview.py …` is `lpl preview …` for this repository (see lpl/cli/preview.py)."""

import sys
from pathlib import Path

from lpl.cli import main

if __name__ == "__main__":
    sys.exit(main(["preview", "--root", str(Path(__file__).resolve().parent.parent), *sys.argv[1:]]))
