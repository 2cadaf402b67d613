"""`bench.py validate --case-studies N`: how long the one loader takes to check N case studies.

Target (issue 3): under 2 s for 1,000 on this kind of machine. Plain YAML parsing (yaml.safe_load of the
same files, no checks) is timed beside it as the baseline.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml

from tests.harness import copy_project

from .build import synthetic_case_studies


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.py validate", description=__doc__.splitlines()[0])
    parser.add_argument("--case-studies", type=int, nargs="+", default=[1000], metavar="N")
    parser.add_argument("--repeat", type=int, default=3, help="runs per N; the best is reported")
    args = parser.parse_args(argv)
    from lpl.load import check

    with tempfile.TemporaryDirectory() as tmp:
        for n in args.case_studies:
            project = copy_project(Path(tmp) / f"n{n}")
            synthetic_case_studies(project, n)
            files = sorted((project / "case_studies").glob("*.yml"))
            ours, plain = [], []
            for _ in range(args.repeat):
                started = time.perf_counter()
                content, problems = check(project)
                ours.append(time.perf_counter() - started)
                assert content is not None, [str(p) for p in problems if p.severity == "error"][:5]
                started = time.perf_counter()
                for f in files:
                    yaml.load(f.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
                plain.append(time.perf_counter() - started)
            print(
                f"validate N={len(files)}: lpl.load.check {min(ours):.2f} s (target < 2 s); "
                f"plain YAML parse {min(plain):.2f} s; ratio {min(ours) / min(plain):.1f}x"
            )
    return 0
