#!/usr/bin/env python3
"""`python scripts/check_welsh.py …` is `lpl welsh …` for this repository (see lpl/cli/welsh.py)."""

import sys
from pathlib import Path

from lpl.cli import main

if __name__ == "__main__":
    sys.exit(main(["welsh", "--root", str(Path(__file__).resolve().parent.parent), *sys.argv[1:]]))
