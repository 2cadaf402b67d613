"""The content model: what the guidance's data means, free of YAML and of MkDocs.

Everything the site, the validator and the plan generator need is here as
plain frozen dataclasses, built by `lpl.load`.
"""
from __future__ import annotations

import functools
import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lpl.plan_model imports Text from here
    from .plan_model import PlanTemplate

LANGUAGES = ("en", "cy")  # English is the default build at /, Welsh at /cy/
DRAFT, REVIEWED = "draft", "reviewed"


@dataclass(frozen=True)
class Text:
    """One piece of text in both languages, with whether each has been reviewed."""

    en: str | None = None
    cy: str | None = None
    en_status: str = REVIEWED
    cy_status: str = DRAFT
    # Where it was written, for reports: the file, and each language's line (by LANGUAGES; a missing
    # language's is the text's own). Set by the loader; never part of equality, hashing or repr.
    path: str | None = field(default=None, compare=False, repr=False)
    lines: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def line(self, lang: str) -> int | None:
        return self.lines[LANGUAGES.index(lang)] if self.lines else None

    def get(self, lang: str) -> str | None:
        return getattr(self, lang)

    def status(self, lang: str) -> str:
        return getattr(self, f"{lang}_status")

    def is_draft(self, lang: str) -> bool:
        return self.get(lang) is not None and self.status(lang) == DRAFT

    def is_missing(self, lang: str) -> bool:
        return not self.get(lang)

    def best(self, lang: str) -> str:
        """The text in `lang`, or the other language's where it is missing (callers show a notice)."""
        return self.get(lang) or self.en or self.cy or ""

    @staticmethod
    def same(text: str) -> "Text":
        """A proper noun or code that is written the same in both languages."""
        return Text(text, text, REVIEWED, REVIEWED)


@dataclass(frozen=True)
class Source:
    title: Text
    url_en: str | None = None
    url_cy: str | None = None

    def url(self, lang: str) -> str | None:
        return (self.url_cy if lang == "cy" else None) or self.url_en


@dataclass(frozen=True)
class Term:
    """An entry of a vocabulary or framework: a hallmark, a setting, a local authority…"""

    id: str
    label: Text
    number: int | None = None
    description: Text | None = None
    unconfirmed: bool = False  # a fact our sources could not confirm; shown as such
    kind: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    """A controlled list of terms with stable ids (e.g. the eight hallmarks)."""

    id: str
    name: Text
    terms: tuple[Term, ...]
    intro: Text | None = None
    source: Source | None = None
    version: str | None = None  # for versioned frameworks such as the professional standards
    current: bool = True

    def __contains__(self, term_id: str) -> bool:
        return any(t.id == term_id for t in self.terms)

    def term(self, term_id: str) -> Term:
        for t in self.terms:
            if t.id == term_id:
                return t
        raise KeyError(term_id)

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.terms]


@dataclass(frozen=True)
class Membership:
    local_authorities: tuple[str, ...]
    start: date | None
    until: date | None  # exclusive

    def covers(self, local_authority: str, on: date) -> bool:
        return (local_authority in self.local_authorities
                and (self.start is None or self.start <= on)
                and (self.until is None or on < self.until))


@dataclass(frozen=True)
class Region:
    """A regional school-improvement body; its area changes over time, so membership is dated."""

    id: str
    label: Text
    memberships: tuple[Membership, ...]
    unconfirmed: bool = False


@dataclass(frozen=True)
class PracticePoint:
    """A bullet of a practice column; some introduce sub-points ("A plan for the year ahead that:")."""

    text: Text
    points: tuple[Text, ...] = ()


@dataclass(frozen=True)
class StatementPart:
    """The entitlement half or the expectation half of a statement, with its practice columns."""

    text: Text
    points: tuple[Text, ...]  # the statement's own bullets, after a lead-in such as "I am expected to:"
    effective_practice: tuple[PracticePoint, ...]
    sustained_practice: tuple[PracticePoint, ...]

    def texts(self) -> list[Text]:
        found = [self.text, *self.points]
        for point in self.effective_practice + self.sustained_practice:
            found += [point.text, *point.points]
        return found


@dataclass(frozen=True)
class EntitlementStatement:
    id: str  # e.g. "leaders-2": also the anchor on the entitlement page
    number: int
    audience: str
    entitlement: StatementPart
    expectation: StatementPart
    title: Text | None = None  # a short name for badges and filters; not official wording

    @property
    def label(self) -> Text:
        return self.title or self.entitlement.text


@dataclass(frozen=True)
class EntitlementTable:
    audience: str
    title: Text
    statements: tuple[EntitlementStatement, ...]


@dataclass(frozen=True)
class Entitlement:
    """The National Professional Learning Entitlement, one table per audience."""

    name: Text
    source: Source
    columns: dict[str, Text]
    tables: tuple[EntitlementTable, ...]
    intro: Text | None = None

    @property
    def statements(self) -> list[EntitlementStatement]:
        return [s for table in self.tables for s in table.statements]

    def statement(self, statement_id: str) -> EntitlementStatement:
        for s in self.statements:
            if s.id == statement_id:
                return s
        raise KeyError(statement_id)


@dataclass(frozen=True)
class SchoolName:
    name: Text


@dataclass(frozen=True)
class Resource:
    title: Text
    url: str


@dataclass(frozen=True)
class Image:
    path: str  # relative to case_studies/
    alt: Text
    caption: Text | None = None


@dataclass(frozen=True)
class Contact:
    name: str
    role: Text | None
    email: str | None
    consent: bool


@dataclass(frozen=True)
class CaseStudy:
    slug: str
    source_path: str
    title: Text
    schools: tuple[Text, ...]
    settings: tuple[str, ...]
    local_authority: str
    language_scheme: str
    language_category: str
    audiences: tuple[str, ...]
    hallmarks: tuple[str, ...]
    entitlement_statements: tuple[str, ...]
    slo_dimensions: tuple[str, ...]
    standards_version: str | None
    standards: tuple[str, ...]
    characteristics: tuple[str, ...]
    contributory_factors: tuple[str, ...]
    national_priorities: tuple[str, ...]
    summary: Text
    context: Text
    approach: Text
    impact: Text
    advice: Text | None
    resources: tuple[Resource, ...]
    images: tuple[Image, ...]
    contact: Contact | None
    published: date
    last_reviewed: date | None
    example: bool
    unpublished: bool
    region: str | None  # derived from the local authority and the date published

    NARRATIVE = ("context", "approach", "impact", "advice")

    def texts(self) -> dict[str, Text]:
        """Every bilingual text of the case study by field name (for notices and reports)."""
        found = {"title": self.title, "summary": self.summary}
        for name in self.NARRATIVE:
            value = getattr(self, name)
            if value is not None:
                found[name] = value
        for i, r in enumerate(self.resources):
            found[f"resources[{i}].title"] = r.title
        for i, im in enumerate(self.images):
            found[f"images[{i}].alt"] = im.alt
            if im.caption:
                found[f"images[{i}].caption"] = im.caption
        return found

    def links(self) -> dict[str, tuple[str, ...]]:
        """What the case study cites, by framework (the keys of `Content.frameworks`)."""
        return {
            "hallmarks": self.hallmarks,
            "entitlement": self.entitlement_statements,
            "slo": self.slo_dimensions,
            "standards": tuple(f"{self.standards_version}:{s}" for s in self.standards),
            "characteristics": self.characteristics,
            "contributory_factors": self.contributory_factors,
            "national_priorities": self.national_priorities,
        }


@dataclass(frozen=True)
class Content:
    """Everything loaded and checked: frameworks, vocabularies, case studies, interface labels."""

    settings: Vocabulary
    audiences: Vocabulary
    local_authorities: Vocabulary
    regions: tuple[Region, ...]
    language_categories: dict[str, Vocabulary]  # by scheme
    hallmarks: Vocabulary
    slo: Vocabulary
    characteristics: Vocabulary
    contributory_factors: Vocabulary
    national_priorities: Vocabulary
    standards: dict[str, Vocabulary]  # by version
    entitlement: Entitlement
    labels: dict[str, Text]  # interface wording ("Setting", "Impact"…), by key
    case_studies: tuple[CaseStudy, ...]  # published ones, sorted by slug
    unpublished: tuple[CaseStudy, ...] = ()
    citations: dict[tuple[str, str], tuple[CaseStudy, ...]] = field(default_factory=dict)
    plan: PlanTemplate | None = None  # plans/plan.yml: the plan template (lpl.plan_model)

    def label(self, key: str, lang: str) -> str:
        return self.labels[key].best(lang)

    def region(self, region_id: str) -> Region:
        return next(r for r in self.regions if r.id == region_id)

    def cited_by(self, framework: str, term_id: str) -> tuple[CaseStudy, ...]:
        """Case studies that cite a framework item, newest first: the reverse of `CaseStudy.links`."""
        return self.citations.get((framework, term_id), ())

    def related(self, study: CaseStudy, limit: int = 3) -> list[CaseStudy]:
        """Other case studies sharing most links with this one (ties: same setting, then newest)."""
        # Counted through the citation index (Counter counts in C) and only the best-sharing candidates
        # are ranked: comparing every pair in Python made the build grow with the square of the
        # catalogue (bench.py build).
        shared: Counter[str] = Counter()
        for k, vs in study.links().items():
            for v in set(vs):
                shared.update(self._citing_slugs.get((k, v), ()))
        shared.pop(study.slug, None)
        ranked = shared.most_common()
        if not ranked:
            return []
        cutoff = ranked[min(limit, len(ranked)) - 1][1]
        by_slug = self._studies_by_slug
        scored = []
        for slug, count in itertools.takewhile(lambda entry: entry[1] >= cutoff, ranked):
            other = by_slug[slug]
            same_setting = len(set(study.settings) & set(other.settings))
            scored.append((-count, -same_setting, -other.published.toordinal(), slug, other))
        return [entry[-1] for entry in sorted(scored)[:limit]]

    @functools.cached_property
    def _citing_slugs(self) -> dict[tuple[str, str], tuple[str, ...]]:
        return {key: tuple(dict.fromkeys(s.slug for s in studies)) for key, studies in self.citations.items()}

    @functools.cached_property
    def _studies_by_slug(self) -> dict[str, CaseStudy]:
        return {s.slug: s for s in self.case_studies}


def region_for(regions: tuple[Region, ...], local_authority: str, on: date) -> str | None:
    for region in regions:
        if any(m.covers(local_authority, on) for m in region.memberships):
            return region.id
    return None


def index_citations(case_studies: tuple[CaseStudy, ...]) -> dict[tuple[str, str], tuple[CaseStudy, ...]]:
    index: dict[tuple[str, str], list[CaseStudy]] = {}
    for study in sorted(case_studies, key=lambda s: (s.published, s.slug), reverse=True):
        for framework, ids in study.links().items():
            for term_id in ids:
                index.setdefault((framework, term_id), []).append(study)
    return {k: tuple(v) for k, v in index.items()}
