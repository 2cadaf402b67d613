"""The case studies' pages, one per published case study, with its structured data (JSON-LD)."""

from __future__ import annotations

from ..model.registry import FRAMEWORKS
from .catalogue import facet_values
from .json_ld import case_study_json_ld, script_json
from .page_context import PageContext
from .templates import environment


def render_case_study_pages(ctx: PageContext, site_url: str) -> dict[str, str]:
    """{docs path: Markdown} for every published case study; `site_url` makes its JSON-LD's addresses absolute."""
    env, content, lang = environment("pages"), ctx.content, ctx.lang
    pages: dict[str, str] = {}
    for study in content.case_studies:
        page = f"case-studies/{study.slug}.md"
        pages[page] = ctx.render(
            env.get_template("case_study.md.j2"),
            study=study,
            page=page,
            frameworks=FRAMEWORKS,
            related=content.related(study),
            facets=facet_values(content, study),
            json_ld=script_json(case_study_json_ld(content, study, lang, site_url)),
        )
    return pages
