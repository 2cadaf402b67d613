"""A case study of practice, as read from case_studies/<slug>.yml."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .language import Language
from .registry import FRAMEWORKS, Shape
from .text import Name, Text


@dataclass(frozen=True)
class Resource:
    title: Text
    url: str
    url_cy: str | None = None  # the Welsh original, where there is one: Welsh pages link it first

    def url_in(self, lang: Language) -> str:
        return (self.url_cy if lang == Language.CY else None) or self.url


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


class Kind(StrEnum):
    """What a case study is, which readers must always be told (data/ui.yml holds each kind's label, `kind_<value>`).
    Declared in the order real practice comes first (`real_practice_first`)."""

    SUMMARY = "summary"  # our summary, in our own words, of a case study published elsewhere (`source`)
    SCHOOL = "school"  # a school's or cluster's own account, sent to the editorial group
    ILLUSTRATIVE = "illustrative"  # an invented example written for the guidance


SUMMARY, SCHOOL, ILLUSTRATIVE = Kind.SUMMARY, Kind.SCHOOL, Kind.ILLUSTRATIVE
KINDS = tuple(Kind)

# Where a summary's source excerpts are kept (`<slug>.<lang>.txt`): read by `lpl check-summary` only, never
# by the loader, and never published.
EXCERPTS = "case_studies/sources"

# What the date a source gives the practice is the date of (`source.described_after`).
DESCRIBED_AFTER = ("inspection", "report", "visit", "publication")
# The reforms after which a source's words may be out of date: a summary of practice described before one of
# them says that some terms have changed since (the Curriculum for Wales was first taught in September 2022;
# the additional learning needs system began to replace special educational needs in September 2021; sources in
# data/ui.yml beside the note's wording).
REFORMS = (("aln", date(2021, 9, 1)), ("curriculum", date(2022, 9, 1)))


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as its source gives it: a year, a month of a year, or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """'2015', '2015-05' or '2015-05-12'; ValueError if it is not a real year, month or day."""
        found = cls.PATTERN.fullmatch(value.strip())
        if not found:
            raise ValueError(value)
        year_text, month_text, day_text = found.groups()
        year = int(year_text)
        month = int(month_text) if month_text else None
        day = int(day_text) if day_text else None
        date(year, month or 1, day or 1)  # raises ValueError for month 13 or 31 June
        return cls(year, month, day)

    def isoformat(self) -> str:
        return "-".join(f"{n:0{w}d}" for n, w in ((self.year, 4), (self.month, 2), (self.day, 2)) if n is not None)

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        if self.day:
            return self.earliest
        if self.month:
            following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(self.year, 12, 31)


def real_practice_first(studies: Iterable[CaseStudy]) -> tuple[CaseStudy, ...]:
    """Summaries of published case studies, then schools' own accounts, then illustrative examples (the order of
    KINDS), each group in the order given (newest first from `Content.cited_by`). A reader looking for real schools
    finds them before invented examples, and a list cut to its first few never drops a real one for an invented one.
    Summaries lead because an official publisher's account stands behind each one."""
    return tuple(sorted(studies, key=lambda s: KINDS.index(s.kind)))


@dataclass(frozen=True)
class PublishedSource:
    """Where a summarised case study was published, as the publisher gives it."""

    publisher: str
    title: str
    url: str  # https, checked by the loader
    language: str  # en | cy | both: the language(s) the source is published in
    title_cy: str | None = None
    url_cy: str | None = None
    published: date | None = None  # None when the source does not state its date
    # When the source dates the practice it describes (e.g. its inspection in May 2015), and what that date is
    # of (one of DESCRIBED_AFTER, or None when the source does not say): shown apart from our `published`.
    described: PartialDate | None = None
    described_after: str | None = None

    def title_in(self, lang: Language) -> str:
        return (self.title_cy if lang == Language.CY else None) or self.title

    def url_in(self, lang: Language) -> str:
        return (self.url_cy if lang == Language.CY else None) or self.url

    def reforms_since(self) -> tuple[str, ...]:
        """The reforms (REFORMS) that may have begun after the practice was described: its terms may have changed."""
        if self.described is None:
            return ()
        return tuple(name for name, began in REFORMS if self.described.earliest < began)


@dataclass(frozen=True)
class CaseStudy:
    slug: str
    source_path: str
    title: Text
    schools: tuple[Name, ...]
    settings: tuple[str, ...]
    local_authority: str | None  # None only for an illustrative example placed nowhere real
    language_scheme: str | None  # None only for a summary whose source does not state it
    language_category: str | None
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
    kind: Kind
    source: PublishedSource | None  # for a summary, the published case study it summarises
    unpublished: bool
    region: str | None  # derived from the local authority and the date published (None without one)

    NARRATIVE = ("context", "approach", "impact", "advice")

    @property
    def illustrative(self) -> bool:
        return self.kind == ILLUSTRATIVE

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
        """What the case study cites, by framework key (as `Content.cited_by` takes it): a standard as
        "<version>:<id>", the rest by id from the field the registry names (lpl.model.registry)."""
        return {
            f.key: (
                tuple(f"{self.standards_version}:{s}" for s in self.standards)
                if f.shape is Shape.VERSIONS
                else getattr(self, f.field)
            )
            for f in FRAMEWORKS
        }


# Names the site gives pages and files of its own in case-studies/ (the catalogue, its browse pages, the
# feed, the open data, the images folder): a case study's file name (its slug) may not be one of them,
# or its page would be replaced (tests/test_hostile.py checks this list against what is generated).
GENERATED_PAGES = frozenset(
    {"index", "by-kind", "by-setting", "by-area", "by-language", "by-audience", "feed", "follow", "images", "cards"}
)
CATALOGUE_PAGE = re.compile(r"page-[0-9]+")  # the catalogue's further no-JavaScript pages: page-2, page-3 …


def is_generated_page(slug: str) -> bool:
    return slug in GENERATED_PAGES or CATALOGUE_PAGE.fullmatch(slug) is not None
