"""A preview of one case study: the site built with only that case study, so a change shows in seconds.

`LPL_ONLY=<slug>` (or the lpl-content option `preview_case_study`) makes the MkDocs plugin load just
that file against data/ and build the guidance, the frameworks and that case study's pages in both
languages; other case studies are not read, so one being written elsewhere cannot stop the preview.
An `unpublished: true` case study is shown too: seeing it before it goes live is the point.
Free of MkDocs: `scripts/preview.py` and the plugin use it.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

from ..load import case_study_files
from ..model import LANGUAGES, Content, index_citations, lang_prefix

ENV = "LPL_ONLY"


def preview_file(root: Path, slug_or_path: str) -> Path:
    """The case-study file for a slug ('ysgol-x') or a path ('case_studies/ysgol-x.yml'); ValueError if none."""
    slug = Path(slug_or_path).stem
    files = case_study_files(Path(root))
    for path in files:
        if path.stem == slug:
            return path
    close = difflib.get_close_matches(slug, [p.stem for p in files], n=1, cutoff=0.6)
    hint = f" — did you mean {close[0]!r}?" if close else ""
    raise ValueError(f"there is no case study {slug!r} in case_studies/{hint}")


def preview_content(content: Content) -> Content:
    """The content with its (only) case study published, even if marked `unpublished: true`."""
    studies = tuple(sorted(content.case_studies + content.unpublished, key=lambda s: s.slug))
    return replace(content, case_studies=studies, unpublished=(), citations=index_citations(studies))


def preview_urls(site_url: str, slug: str | None) -> dict[str, str]:
    """Where to look, by language: the case study's page, or the home page when previewing the whole site."""
    base = site_url.rstrip("/") + "/"
    page = f"case-studies/{slug}/" if slug else ""
    return {lang: base + lang_prefix(lang) + page for lang in LANGUAGES}
