"""The framework pages: a page per list of terms (hallmarks, SLO dimensions, characteristics, contributory factors,
national priorities), the professional standards (every version), the glossary and the Entitlement; each item
with how many case studies cite it, real practice first, and a link to the catalogue filtered to it."""

from __future__ import annotations

from ..model import real_practice_first
from ..model.registry import FRAMEWORKS, Shape, framework
from .page_context import PageContext
from .templates import environment


def render_framework_pages(ctx: PageContext) -> dict[str, str]:
    """{docs path: Markdown} for every framework page."""
    env, content = environment("pages"), ctx.content
    pages: dict[str, str] = {}
    for f in FRAMEWORKS:  # each list of terms on a page of its own; the standards and the Entitlement below
        if f.shape is Shape.TERMS:
            vocabulary = content.frameworks.vocabulary(f.key)
            pages[f.page] = ctx.render(
                env.get_template("framework.md.j2"),
                vocabulary=vocabulary,
                framework=f.key,
                facet=f.facet,
                cited=lambda term_id, key=f.key: real_practice_first(content.cited_by(key, term_id)),
            )
    standards = framework("standards")
    pages[standards.page] = ctx.render(
        env.get_template("standards.md.j2"),
        versions=list(content.frameworks.standards.values()),
        cited=lambda version, term_id: real_practice_first(content.cited_by(standards.key, f"{version}:{term_id}")),
        facet=standards.facet,
    )
    terms = content.frameworks.terms
    pages["frameworks/glossary.md"] = ctx.render(env.get_template("glossary.md.j2"), terms=terms)
    entitlement, statements = content.frameworks.entitlement, framework("entitlement")
    pages[statements.page] = ctx.render(
        env.get_template("entitlement.md.j2"),
        entitlement=entitlement,
        cited=lambda sid: real_practice_first(content.cited_by(statements.key, sid)),
        facet=statements.facet,
    )
    return pages
