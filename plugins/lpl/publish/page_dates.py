"""The date a page's content last changed, for the sitemap's `<lastmod>`: from the content, never the build's date.

- a case study's page: its `last_reviewed`, else its `published` date;
- the other generated pages (catalogue, frameworks, plan templates), made from all of the content: the newest of
  the case studies' dates and of the last commits to `case_studies/`, `data/` and `plans/`;
- a hand-written page: the last commit that changed its file (`load.history`);
- None when none is known (no git history to read): the sitemap then gives no date for the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..model import Content
from .inputs import INPUT_DIRS


@dataclass(frozen=True)
class PageDates:
    """What a page's date is read from, gathered once per build."""

    studies: dict[str, date]  # each case study's date, by the file it was written in (its pages' `generated_from`)
    changed: dict[Path, date]  # the last commit to each file (load.history.last_changed)
    newest: date | None  # the newest of the case studies' dates and of the commits to the inputs

    @classmethod
    def of(cls, content: Content, changed: dict[Path, date], root: Path) -> PageDates:
        studies = {f"case_studies/{s.slug}.yml": s.last_reviewed or s.published for s in content.case_studies}
        folders = [(root / name).resolve() for name in INPUT_DIRS]
        inputs = [when for path, when in changed.items() if any(path.is_relative_to(f) for f in folders)]
        return cls(studies, changed, max([*studies.values(), *inputs], default=None))

    def page_date(self, meta: Mapping[str, Any], source: Path | None, generated: bool) -> date | None:
        """One page's date, from its front matter, whether the build generated it, and its source file."""
        origin = meta.get("generated_from")
        if isinstance(origin, str) and origin in self.studies:
            return self.studies[origin]
        if generated:
            return self.newest
        return self.changed.get(source.resolve()) if source else None
