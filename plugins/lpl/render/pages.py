"""Render the generated pages of one language from the model, as Markdown strings by docs path.

Links between generated pages are relative `.md` links, so MkDocs checks them in a strict build.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from ..model import (
    KINDS,
    CaseStudy,
    Content,
    Name,
    PublishedSource,
    Resource,
    Text,
    Vocabulary,
    other,
    real_practice_first,
)
from ..model.counting import count_phrase, rule_json
from ..model.registry import CHOOSING_ORDER, FRAMEWORKS, Framework, Shape, framework
from . import marking
from .escape import inline, inline_part, prose
from .framework_links import framework_link
from .json_ld import case_study_json_ld, script_json
from .labels import kind_label, kind_tag
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
NEWEST = 5  # case studies listed under a framework item; the rest are in the filtered catalogue
# Where a framework item without real practice sends a reader to propose a case study, from a framework page: the
# about page's "Contributing a case study" section in that language (a strict build fails if the heading's anchor
# goes). Not the repository's issue form: the site does not know its repository (mkdocs.yml has no repo_url).
PROPOSE_CASE_STUDY = {"en": "../about.md#contributing-a-case-study", "cy": "../about.md#cyfrannu-astudiaeth-achos"}


class PageContext:
    """What every template can ask for: wording in the page's language and the model's lookups."""

    def __init__(self, content: Content, lang: str):
        self.content = content
        self.lang = lang
        self.other = other(lang)
        self.count_rule = rule_json(lang)  # for the catalogue's script, which counts as count() does

    def t(self, key: str, **values) -> str:
        text = self.content.label(key, self.lang)
        return text.format(**values) if values else text

    def count(self, n: int, key: str = "results_count") -> str:
        """A count phrase of data/ui.yml with its number, by the language's rule ("34 astudiaeth achos")."""
        return count_phrase(n, self.t(key), self.lang)

    def text(self, value: Text | None) -> str:
        return value.best(self.lang) if value else ""

    def missing(self, value: Text | None) -> bool:
        return value is not None and value.is_missing(self.lang)

    def draft(self, *values: Text | None) -> bool:
        return any(v is not None and v.is_draft(self.lang) for v in values)

    def term(self, vocabulary: Vocabulary, term_id: str) -> str:
        return self.text(vocabulary.term(term_id).label)

    def setting(self, term_id):
        return self.term(self.content.frameworks.settings, term_id)

    def audience(self, term_id):
        return self.term(self.content.frameworks.audiences, term_id)

    def local_authority(self, term_id):
        return self.term(self.content.frameworks.local_authorities, term_id)

    def region(self, region_id: str | None) -> str:
        return self.text(self.content.region(region_id).label) if region_id else self.t("region_none")

    def language_category(self, study: CaseStudy) -> str:
        if study.language_category is None or study.language_scheme is None:  # a summary's source may not say
            return self.t("not_stated")
        return self.term(self.content.frameworks.language_categories[study.language_scheme], study.language_category)

    def kind(self, study: CaseStudy) -> str:
        return self.text(kind_label(self.content, study))

    def kind_tag(self, study: CaseStudy) -> str:
        return kind_tag(self.content, study, self.lang)

    def statement(self, statement_id: str) -> str:
        s = self.content.frameworks.entitlement.statement(statement_id)
        return f"{self.t('statement_number', n=s.number)}: {self.text(s.label)}"

    def cited(self, framework: Framework, ref: str) -> str:
        """An item a case study cites, as its page lists it ("Statement 2: …", a standard without its version)."""
        if framework.shape is Shape.STATEMENTS:
            return self.statement(ref)
        return self.text(self.content.frameworks.item_label(framework.key, ref))

    def cited_href(self, framework: Framework, ref: str, page: str) -> str:
        """The relative `.md` link from a generated page to an item's place on its framework page."""
        return framework_link(framework.key, ref, Text()).relative(page)

    def option(self, framework: Framework, ref: str) -> str:
        """An item as the catalogue's filter offers it: a hallmark with its number, a standard with its version."""
        label = self.cited(framework, ref)
        if framework.shape is Shape.VERSIONS:
            return f"{label} ({ref.split(':', 1)[0]})"
        if framework.numbered_options:
            number = self.content.frameworks.vocabulary(framework.key).term(ref).number
            return f"{number}. {label}" if number else label
        return label

    def date(self, value) -> str:
        return value.isoformat() if value else ""

    def described(self, study: CaseStudy) -> str:
        """When a summary's source dates the practice, as a sentence in the page's language ("Described by Estyn after
        its inspection in May 2015."), its publisher escaped for the page; "" for other kinds."""
        source = study.source
        if source is None:
            return ""
        when = source.described
        if when is None:
            return self.t("described_none")
        month = self.t(f"month_{when.month}") if when.month else ""
        if when.day:
            phrase = self.t("when_day", day=when.day, month=month, year=when.year)
        elif when.month:
            phrase = self.t("when_month", month=month, year=when.year)
        else:
            phrase = self.t("when_year", year=when.year)
        return self.t(f"described_{source.described_after or 'plain'}", publisher=self.publisher(source), when=phrase)

    def reforms_note(self, study: CaseStudy) -> str:
        """For practice described before the ALN and curriculum reforms: a note that some terms have changed."""
        reforms = study.source.reforms_since() if study.source else ()
        return self.t("reforms_" + "_".join(reforms)) if reforms else ""

    newest = NEWEST

    @property
    def propose_case_study(self) -> str:
        return PROPOSE_CASE_STUDY[self.lang]

    def card_meta(self, study: CaseStudy) -> str:
        """Schools · settings · local authority · language category (if stated): a card's second line."""
        return " · ".join(part for part, _ in self.card_meta_runs(study))

    def card_meta_runs(self, study: CaseStudy) -> list[tuple[str, str | None]]:
        """The card's second line as runs of text with their language where it is not the page's (a school's
        English name on a Welsh page), for the built card and the catalogue's script alike."""
        runs: list[tuple[str, str | None]] = []
        for i, school in enumerate(study.schools):
            runs.append((", " if i else "", None))
            runs.append((self.text(school), self.name_language(school)))
        rest = [
            ", ".join(self.setting(s) for s in study.settings),
            self.local_authority(study.local_authority) if study.local_authority else "",
            self.language_category(study) if study.language_category else "",
        ]
        for part in (p for p in rest if p):
            runs.append((" · " if runs else "", None))
            runs.append((part, None))
        return [(text, lang) for text, lang in runs if text]

    def card_meta_html(self, study: CaseStudy) -> str:
        return "".join(marking.span(inline_part(text), lang, self.lang) for text, lang in self.card_meta_runs(study))

    # --- what is written in another language than the page's, marked (render/marking.py) ---------------

    def name_language(self, name: Text) -> str | None:
        """The language of a name on this page when it is not the page's ("Herbert Thompson Primary School")."""
        found = name.language(self.lang) if isinstance(name, Name) else self.lang
        return found if found != self.lang else None

    def name(self, name: Text) -> str:
        """A school's name, escaped, marked with its language when it is not the page's."""
        return marking.span(inline(self.text(name)), self.name_language(name), self.lang)

    def foreign_names(self, study: CaseStudy) -> dict[str, str]:
        """{name: language} for what a case study names in another language than this page's: its schools'
        names, its source's title as published, and the title of each resource in the other language (after
        "Publisher: "): marked wherever the page's texts write them, as YAML cannot mark them itself."""
        pairs = []
        for school in study.schools:
            pairs.append((school.get(self.lang), school.language(self.lang) if isinstance(school, Name) else None))
            if school.en != school.cy:
                pairs.append((school.get(self.other), self.other))
        src = study.source
        if src is not None:
            pairs.append((src.title, "cy" if src.language == "cy" else "en"))
            pairs.append((src.title_cy, "cy"))
        for r in study.resources:
            other = r.title.get(self.other)
            if other and other != r.title.get(self.lang):
                pairs.append((other.split(": ", 1)[-1], self.other))
        return marking.other_language_names(pairs, self.lang)

    def prose(self, value: str | None, study: CaseStudy | None = None) -> str:
        """A Markdown field of a case study, its names in another language marked."""
        return prose(value or "", self.foreign_names(study) if study is not None else None)

    def marked(self, text: str, study: CaseStudy) -> str:
        """A one-line text of a case study (a summary in a list), escaped, its foreign names marked."""
        return marking.marked_inline(text, self.foreign_names(study), self.lang)

    def publisher(self, source: PublishedSource) -> str:
        """A summary's publisher on a Welsh page in its Welsh name where the term base has it (data/terms.yml
        `also`), else as the source gives it."""
        name = (self.content.frameworks.terms.name_in(source.publisher, "cy") if self.lang == "cy" else None) or (
            source.publisher
        )
        return inline(name)

    def source_title(self, source: PublishedSource) -> str:
        """The source's title, linked: on a Welsh page the Welsh original first where there is one, then the
        other language's ("(yn Saesneg: …)"); each link says its page's language, each title its own."""
        original = "cy" if source.language == "cy" else "en"
        main = marking.link(source.url, inline(source.title), original, self.lang, original)
        if not source.url_cy or source.url_cy == source.url:
            return main
        title_lang = "cy" if source.title_cy else original
        welsh = marking.link(source.url_cy, inline(source.title_cy or source.title), "cy", self.lang, title_lang)
        first, then, then_lang = (welsh, main, original) if self.lang == "cy" else (main, welsh, "cy")
        return f"{first} ({inline(self.t('in_language_' + then_lang))}: {then})"

    def resource(self, resource: Resource, study: CaseStudy) -> str:
        """A resource's link: on a Welsh page its Welsh original first where there is one, with the other
        language's page after it ("in English"); names in another language marked."""
        if resource.url_cy:
            url_lang = "cy" if self.lang == "cy" else "en"
        elif study.source is not None and resource.url == study.source.url:  # the summarised page itself
            url_lang = "cy" if study.source.language == "cy" else "en"
        else:
            url_lang = None  # not known: a school's own link may be in either language
        main = marking.link(
            resource.url_in(self.lang), self.marked(self.text(resource.title), study), url_lang, self.lang
        )
        if not resource.url_cy or resource.url_cy == resource.url:
            return main
        other_url, other_lang = (resource.url, "en") if self.lang == "cy" else (resource.url_cy, "cy")
        return f"{main} ({marking.link(other_url, inline(self.t('in_language_' + other_lang)), other_lang, self.lang)})"


def study_is_draft(study: CaseStudy, lang: str) -> bool:
    return any(t.is_draft(lang) for t in study.texts().values())


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


def render_site_pages(content: Content, lang: str, site_url: str = "/") -> dict[str, str]:
    """Every generated page of one language: {path under docs/<lang>/: Markdown}.

    `site_url` makes the addresses in a case study's structured data (JSON-LD) absolute."""
    env = environment("pages")
    ctx = PageContext(content, lang)
    pages: dict[str, str] = {}
    common = {"ctx": ctx, "t": ctx.t, "content": content, "lang": lang}
    for study in content.case_studies:
        page = f"case-studies/{study.slug}.md"
        pages[page] = env.get_template("case_study.md.j2").render(
            study=study,
            page=page,
            frameworks=FRAMEWORKS,
            related=content.related(study),
            draft=study_is_draft(study, lang),
            facets=facet_values(content, study),
            json_ld=script_json(case_study_json_ld(content, study, lang, site_url)),
            **common,
        )
    # The catalogue, newest first, PER_PAGE cards a page (page 1 is index.md, then page-2.md …)
    newest = sorted(content.case_studies, key=lambda s: (s.published, s.slug), reverse=True)
    options = facet_options(content, ctx)
    count = max(1, -(-len(newest) // PER_PAGE))
    for number in range(1, count + 1):
        shown = newest[(number - 1) * PER_PAGE : number * PER_PAGE]
        pages["case-studies/index.md" if number == 1 else f"case-studies/page-{number}.md"] = env.get_template(
            "catalogue.md.j2"
        ).render(
            cards=[(s, facet_values(content, s)) for s in shown],
            options=options,
            number=number,
            count=count,
            total=len(newest),
            draft=any(s.summary.is_draft(lang) or s.title.is_draft(lang) for s in shown),
            **common,
        )
    pages["case-studies/cards.json"] = catalogue_cards(content, ctx, newest, options)
    # How to follow new case studies (the feed for feed readers, explained in the page's language)
    feed = ("cy/" if lang == "cy" else "") + "case-studies/feed.xml"
    pages["case-studies/follow.md"] = env.get_template("follow.md.j2").render(
        latest=newest[:FOLLOW_LATEST],
        feed_address=site_url + feed if site_url.startswith(("https://", "http://")) else None,
        **common,
    )
    for page, groups, title_key in _facet_pages(content, ctx):
        pages[f"case-studies/{page}.md"] = env.get_template("facet_page.md.j2").render(
            groups=groups, title=ctx.t(title_key), **common
        )
    for f in FRAMEWORKS:  # each list of terms on a page of its own; the standards and the Entitlement below
        if f.shape is Shape.TERMS:
            vocabulary = content.frameworks.vocabulary(f.key)
            pages[f.page] = env.get_template("framework.md.j2").render(
                vocabulary=vocabulary,
                framework=f.key,
                facet=f.facet,
                cited=lambda term_id, key=f.key: real_practice_first(content.cited_by(key, term_id)),
                draft=ctx.draft(vocabulary.name, *(t.label for t in vocabulary.terms)),
                **common,
            )
    standards = framework("standards")
    pages[standards.page] = env.get_template("standards.md.j2").render(
        versions=list(content.frameworks.standards.values()),
        cited=lambda version, term_id: real_practice_first(content.cited_by(standards.key, f"{version}:{term_id}")),
        facet=standards.facet,
        draft=any(ctx.draft(*(t.label for t in v.terms)) for v in content.frameworks.standards.values()),
        **common,
    )
    terms = content.frameworks.terms
    pages["frameworks/glossary.md"] = env.get_template("glossary.md.j2").render(
        terms=terms,
        cell=_cell,
        draft=ctx.draft(terms.name, *(c.term for c in terms.concepts), *(c.definition for c in terms.concepts)),
        **common,
    )
    entitlement, statements = content.frameworks.entitlement, framework("entitlement")
    pages[statements.page] = env.get_template("entitlement.md.j2").render(
        entitlement=entitlement,
        cited=lambda sid: real_practice_first(content.cited_by(statements.key, sid)),
        facet=statements.facet,
        draft=any(ctx.draft(*s.entitlement.texts(), *s.expectation.texts()) for s in entitlement.statements),
        **common,
    )
    return pages


def _cell(value: str | None) -> str:
    """A value in one cell of a Markdown table: one line, its pipes escaped."""
    return " ".join((value or "").split()).replace("|", "\\|")


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
