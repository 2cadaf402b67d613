"""`lpl`: the one command for editors and CI (installed by `pip install -e .`, so `.venv/bin/lpl`).

    lpl validate [PATH ...]      check case studies and data/ (file:line:column messages)
    lpl new                      start a new case study (asks the questions; --lang cy: in Welsh)
    lpl new --from-issue BODY.md a submitted issue form → case_studies/<slug>.yml (or its refusals)
    lpl form                     write the case-study issue form from data/ (--check: is it up to date?)
    lpl preview [SLUG|PATH]      serve one case study in both languages (none: the whole site)
    lpl report                   texts still missing or draft, case studies due for review
    lpl welsh                    Welsh spelling (hunspell-cy) and the term base, file:line for each finding
    lpl check-summary [SLUG ...] runs of 10+ words a summary copies from its source's saved excerpt
    lpl plan --lang … --setting … -o plan.docx   a plan template for one school

Each reads the project in the current folder (--root to choose another). The benchmarks are not here:
they measure a checkout, so they stay in it (`python -m bench …` at the repository's root).
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {name: f"lpl.cli.{name}" for name in ("validate", "new", "preview", "report", "plan", "welsh", "form")}
COMMANDS["check-summary"] = "lpl.cli.check_summary"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr if argv and argv[0] not in ("-h", "--help") else sys.stdout)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    return importlib.import_module(COMMANDS[argv[0]]).main(argv[1:])
