"""The content for a build: checked by the one loader, its problems turned into MkDocs' log and errors."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..load import check, due_problems
from ..load.preview import preview_content, preview_file
from ..model import Content

log = logging.getLogger("mkdocs.plugins.lpl")


def load_content(root: Path, preview: str = "") -> Content:
    """All of the content, or with `preview` (a case study's slug) just that case study, published."""
    try:  # a preview reads only its own case study (and data/): fast, and others' drafts cannot stop it
        paths = [preview_file(root, preview)] if preview else None
    except ValueError as problem:
        raise PluginError(f"preview_case_study (LPL_ONLY) {preview}: {problem}") from None
    content, problems = check(root, paths)
    for p in problems:
        if p.severity == "warning":
            log.info(str(p))  # editorial warnings: shown, never fatal (the page carries a notice)
    if content is None:
        errors = "\n".join(str(p) for p in problems if p.severity == "error")
        raise PluginError(
            f"The content has errors; nothing was built:\n{errors}\nRun `python scripts/validate.py` to see them all."
        )
    # A fact past its check_by date: a warning the editor sees in the log, never a failed build (a strict build
    # fails on MkDocs warnings, so it is logged as information, worded as a warning).
    for p in due_problems(content.frameworks.facts, date.today()):
        log.info(str(p))
    for study in content.unpublished:
        log.info("%s: unpublished: true — checked, but not published", study.source_path)
    if paths:  # a preview
        log.info("lpl: preview of %s only (other case studies and the plan documents are left out)", paths[0].name)
        return preview_content(content)
    return content
