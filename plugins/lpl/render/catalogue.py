"""The catalogue: its pages of cards (newest first, PER_PAGE a page), the data its filters read
(case-studies/cards.json) and the browse pages, one per facet, for reading without JavaScript."""

from __future__ import annotations

import json
import re
from collections import Counter

from ..model import KINDS, CaseStudy, Content, lang_prefix
from ..model.registry import CHOOSING_ORDER
from . import marking
from .feed import FEED
from .page_context import PageContext
from .templates import environment

# Facets of the catalogue (query keys; data-* attributes with _ as -): what describes a school, then the
# frameworks' (lpl.model.registry), whose filters a framework page's "see them all" links set.
FACETS = (
    "kind",
    "setting",
    "region",
    "local_authority",
    "language",
    "audience",
    *(f.facet for f in CHOOSING_ORDER),
)
PER_PAGE = 20  # cards on each catalogue page without JavaScript, and per "show more" with it


def facet_values(content: Content, study: CaseStudy) -> dict[str, list[str]]:
    """The catalogue filter values of one case study (also its data-* attributes)."""
    links = study.links()
    return {
        "kind": [study.kind],
        "setting": list(study.settings),
        "region": [study.region] if study.region else [],
        "local_authority": [study.local_authority] if study.local_authority else [],
        "language": [study.language_category] if study.language_category else [],
        "audience": list(study.audiences),
        # as the case study cites them: a standard as "2017:pedagogy", a standard of one version
        **{f.facet: list(links[f.key]) for f in CHOOSING_ORDER},
    }


def facet_options(content: Content, ctx: PageContext) -> list[dict]:
    """Each facet with the values that at least one case study has, labelled in the page's language,
    with how many case studies have each: [{key, label, values: [(id, label, count)]}]."""
    used: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
    for study in content.case_studies:
        for facet, ids in facet_values(content, study).items():
            used[facet].update(set(ids))
    scheme_terms = [t for v in content.frameworks.language_categories.values() for t in v.terms]
    sources: dict[str, tuple[str, list[tuple[str, str]]]] = {
        "kind": ("kind", [(k, ctx.t(f"kind_{k}")) for k in KINDS]),
        "setting": ("setting", [(t.id, ctx.text(t.label)) for t in content.frameworks.settings.terms]),
        "region": ("region", [(r.id, ctx.text(r.label)) for r in content.frameworks.regions]),
        "local_authority": (
            "local_authority",
            [(t.id, ctx.text(t.label)) for t in content.frameworks.local_authorities.terms],
        ),
        "language": ("language_category", list({t.id: ctx.text(t.label) for t in scheme_terms}.items())),
        "audience": ("audience", [(t.id, ctx.text(t.label)) for t in content.frameworks.audiences.terms]),
        **{
            f.facet: (f.facet_label, [(ref, ctx.option(f, ref)) for ref in content.frameworks.refs(f.key)])
            for f in CHOOSING_ORDER
        },
    }
    options = []
    for facet in FACETS:
        label_key, values = sources[facet]
        options.append(
            {
                "key": facet,
                "label": ctx.t(label_key),
                "values": [(vid, label, used[facet][vid]) for vid, label in values if used[facet][vid]],
            }
        )
    return options


def _plain(markdown: str) -> str:
    """A one-paragraph Markdown text as plain text (the catalogue's script shows it as text, never as
    HTML): link texts kept, emphasis marks dropped."""
    text = re.sub(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,1000}\)", r"\1", markdown)
    return " ".join(re.sub(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)|`", "", text).split())


def _runs(runs: list[tuple[str, str | None]]) -> str | list:
    """Text for the catalogue's script: a string, or [text, language] pairs (language "" for the page's own)
    when part of it is in another language, which the script marks as the built page does."""
    if all(lang is None for _, lang in runs):
        return "".join(text for text, _ in runs)
    return [[text, lang or ""] for text, lang in runs]


def catalogue_cards(content: Content, ctx: PageContext, studies: list[CaseStudy], options: list[dict]) -> str:
    """The compact data the catalogue's filters read (case-studies/cards.json, not the open data's
    full records): each case study's slug, title, card line, plain summary, its kind's label, and
    its facet values as numbers into `values` (the filter's options, in the form's order). The card line
    and summary are text, or runs of text with their language where part is in another (`_runs`)."""
    numbers = {o["key"]: {v[0]: i for i, v in enumerate(o["values"])} for o in options}
    rows = []
    for study in studies:
        facets = facet_values(content, study)
        rows.append(
            [
                study.slug,
                " ".join(ctx.text(study.title).split()),
                _runs(ctx.card_meta_runs(study)),
                _runs(marking.split_names(_plain(ctx.text(study.summary)), ctx.foreign_names(study))),
                ctx.kind(study),
                *([numbers[f][v] for v in facets[f]] for f in FACETS),
            ]
        )
    return json.dumps(
        {"facets": list(FACETS), "values": [[v[0] for v in o["values"]] for o in options], "studies": rows},
        ensure_ascii=False,
        separators=(",", ":"),
    )


FOLLOW_LATEST = 10  # case studies listed on the follow page, as the feed's own page lists them


def render_catalogue_pages(ctx: PageContext, site_url: str) -> dict[str, str]:
    """{docs path: Markdown or JSON} for the catalogue's pages, its cards.json, the page on following new case
    studies (its feed's absolute address from `site_url`) and its browse pages."""
    env, content = environment("pages"), ctx.content
    pages: dict[str, str] = {}
    # The catalogue, newest first, PER_PAGE cards a page (page 1 is index.md, then page-2.md …)
    newest = sorted(content.case_studies, key=lambda s: (s.published, s.slug), reverse=True)
    options = facet_options(content, ctx)
    count = max(1, -(-len(newest) // PER_PAGE))
    for number in range(1, count + 1):
        shown = newest[(number - 1) * PER_PAGE : number * PER_PAGE]
        pages["case-studies/index.md" if number == 1 else f"case-studies/page-{number}.md"] = ctx.render(
            env.get_template("catalogue.md.j2"),
            cards=[(s, facet_values(content, s)) for s in shown],
            options=options,
            number=number,
            count=count,
            total=len(newest),
        )
    pages["case-studies/cards.json"] = catalogue_cards(content, ctx, newest, options)
    # How to follow new case studies (the feed for feed readers, explained in the page's language). Mostly the
    # interface's own wording, so its template marks it as data/ui.yml is (Welsh draft), not through ctx.render.
    feed = lang_prefix(ctx.lang) + FEED
    pages["case-studies/follow.md"] = env.get_template("follow.md.j2").render(
        latest=newest[:FOLLOW_LATEST],
        feed_address=site_url + feed if site_url.startswith(("https://", "http://")) else None,
        **ctx.common,
    )
    for page, groups, title_key in _facet_pages(content, ctx):
        pages[f"case-studies/{page}.md"] = ctx.render(
            env.get_template("facet_page.md.j2"), groups=groups, title=ctx.t(title_key)
        )
    return pages


def _facet_pages(content: Content, ctx: PageContext):
    """No-JavaScript browsing: one page per facet, a section per value that has case studies."""

    def group(values, pick):
        out = []
        for value_id, label in values:
            studies = [s for s in content.case_studies if value_id in pick(s)]
            if studies:
                out.append({"id": value_id, "label": label, "studies": studies})
        return out

    areas = []
    for region in list(content.frameworks.regions) + [None]:
        region_id = region.id if region else None
        las = sorted(
            {s.local_authority for s in content.case_studies if s.region == region_id and s.local_authority},
            key=lambda la: ctx.local_authority(la),
        )
        if las:
            areas.append(
                {
                    "id": region_id or "no-region",
                    "label": ctx.region(region_id),
                    "subgroups": group([(la, ctx.local_authority(la)) for la in las], lambda s: [s.local_authority]),
                }
            )
    scheme_terms = [
        (f"{scheme}-{t.id}", t, scheme) for scheme, v in content.frameworks.language_categories.items() for t in v.terms
    ]
    return [
        ("by-kind", group([(k, ctx.t(f"kind_{k}")) for k in KINDS], lambda s: [s.kind]), "by_kind"),
        (
            "by-setting",
            group([(t.id, ctx.text(t.label)) for t in content.frameworks.settings.terms], lambda s: s.settings),
            "by_setting",
        ),
        ("by-area", areas, "by_area"),
        # A category id can recur in another scheme ("dual-language"): the scheme is part of the anchor.
        (
            "by-language",
            group(
                [(sid, ctx.text(t.label)) for sid, t, _ in scheme_terms],
                lambda s: [f"{s.language_scheme}-{s.language_category}"],
            ),
            "by_language",
        ),
        (
            "by-audience",
            group([(t.id, ctx.text(t.label)) for t in content.frameworks.audiences.terms], lambda s: s.audiences),
            "by_audience",
        ),
    ]
