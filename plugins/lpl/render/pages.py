"""Render the generated pages of one language from the model, as Markdown strings by docs path: the case
studies' pages (case_study_pages.py), the catalogue and its browse pages (catalogue.py) and the framework pages
(framework_pages.py), all with one PageContext (page_context.py) and the templates in templates/pages/.

Links between generated pages are relative `.md` links, so MkDocs checks them in a strict build.
"""

from __future__ import annotations

from ..model import Content
from ..model.language import Language
from .case_study_pages import render_case_study_pages
from .catalogue import render_catalogue_pages
from .framework_pages import render_framework_pages
from .page_context import PageContext


def render_site_pages(content: Content, lang: Language, site_url: str = "/") -> dict[str, str]:
    """Every generated page of one language: {path under docs/<lang>/: Markdown}.

    `site_url` makes the addresses in a case study's structured data (JSON-LD) and the feed's on the follow page
    absolute."""
    ctx = PageContext(content, lang)
    return render_case_study_pages(ctx, site_url) | render_catalogue_pages(ctx, site_url) | render_framework_pages(ctx)
