"""What data/ holds: vocabularies, frameworks (hallmarks, the Entitlement…) and dated regions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .facts import FactLedger
from .language import Language
from .registry import FRAMEWORKS, Shape, framework
from .terms import TermBase
from .text import Source, Text


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
        return (
            local_authority in self.local_authorities
            and (self.start is None or self.start <= on)
            and (self.until is None or on < self.until)
        )


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


def region_for(regions: tuple[Region, ...], local_authority: str, on: date) -> str | None:
    for region in regions:
        if any(m.covers(local_authority, on) for m in region.memberships):
            return region.id
    return None


@dataclass(frozen=True)
class Frameworks:
    """Everything data/ holds: the vocabularies that describe a school, the frameworks a case study cites,
    the dated regions, the interface wording and the fact ledger. Read once by `lpl.load.data`; no case study in it."""

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
    terms: TermBase = TermBase(())  # data/terms.yml: the term base (glossary, term checks)
    facts: FactLedger = FactLedger()  # data/facts.yml: dated facts used by id in pages, templates and the plan

    # The vocabularies a plan table can draw its rows from (plans/plan.yml `rows_from`).
    ROW_SOURCES = tuple(f.key for f in FRAMEWORKS if f.plan_rows)

    def rows_from(self, name: str) -> Vocabulary:
        if name not in self.ROW_SOURCES:
            raise KeyError(name)
        return self.vocabulary(name)

    def vocabulary(self, key: str) -> Vocabulary:
        """A framework that is one list of terms (model.registry: Shape.TERMS), by its key."""
        if framework(key).shape is not Shape.TERMS:
            raise KeyError(key)
        return getattr(self, key)

    def refs(self, key: str) -> list[str]:
        """Every item of a framework as a case study cites it (`CaseStudy.links`): a standard as "<version>:<id>"."""
        shape = framework(key).shape
        if shape is Shape.STATEMENTS:
            return [s.id for s in self.entitlement.statements]
        if shape is Shape.VERSIONS:
            return [f"{v.version}:{t.id}" for v in self.standards.values() for t in v.terms]
        return self.vocabulary(key).ids

    def item_label(self, key: str, ref: str) -> Text:
        """The label of an item as a case study cites it."""
        shape = framework(key).shape
        if shape is Shape.STATEMENTS:
            return self.entitlement.statement(ref).label
        if shape is Shape.VERSIONS:
            version, term_id = ref.split(":", 1)
            return self.standards[version].term(term_id).label
        return self.vocabulary(key).term(ref).label

    @property
    def current_standards(self) -> Vocabulary:
        return next((v for v in self.standards.values() if v.current), next(iter(self.standards.values())))

    def label(self, key: str, lang: Language) -> str:
        return self.labels[key].best(lang)
