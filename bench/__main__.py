"""Benchmarks: `python -m bench <subcommand> [options]` from the repository's root (or `python scripts/bench.py …`).

Each subcommand lives in its own module of bench/, with a `main(argv)`; this only dispatches. They measure a
checkout (they copy its content and build it), so they are not part of the installed package.
"""

import importlib
import sys

SUBCOMMANDS = {
    "search": "bench.search",  # our search against Material's, in Chromium
    "pages": "bench.pages",  # Lighthouse on every page type, ours beside plain Material
    "build": "bench.build",  # build time with N synthetic case studies, and serve's wait
    "validate": "bench.validate",  # the loader's checks on N synthetic case studies
    "plan": "bench.plan",  # "Make your plan" on a phone: first-load bytes, Tab presses, the Word plan's pages
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in SUBCOMMANDS:
        print(
            f"usage: python -m bench {{{','.join(SUBCOMMANDS)}}} [options]  (python -m bench <subcommand> --help)",
            file=sys.stderr,
        )
        return 2
    return importlib.import_module(SUBCOMMANDS[argv[0]]).main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
