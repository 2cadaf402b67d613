#!/usr/bin/env python3
"""`python scripts/bench.py search|pages|build|validate [options]`: runs `python -m bench …` with the
repository on the child's import path (bench/ is not installed: it measures a checkout)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    sys.exit(subprocess.run([sys.executable, "-m", "bench", *sys.argv[1:]], env=env).returncode)
