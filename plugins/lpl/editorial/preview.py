"""A preview of one case study: the site built with only that case study, so a change shows in seconds.

`LPL_ONLY=<slug>` (or the lpl-content option `preview_case_study`) makes the MkDocs plugin load just
that file against data/ and build the guidance, the frameworks and that case study's pages in both
languages (what it loads: lpl.load.preview). Free of MkDocs: `lpl preview` (`scripts/preview.py`) sets the
variable, serves the site and prints where to look.
"""

from __future__ import annotations

from ..model import LANGUAGES, lang_prefix

ENV = "LPL_ONLY"


def preview_urls(site_url: str, slug: str | None) -> dict[str, str]:
    """Where to look, by language: the case study's page, or the home page when previewing the whole site."""
    base = site_url.rstrip("/") + "/"
    page = f"case-studies/{slug}/" if slug else ""
    return {lang: base + lang_prefix(lang) + page for lang in LANGUAGES}
