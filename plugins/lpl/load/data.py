"""data/: the vocabularies and frameworks, checked and turned into the model."""

from __future__ import annotations

from pathlib import Path

from ..model import (
    Entitlement,
    EntitlementStatement,
    EntitlementTable,
    Frameworks,
    Membership,
    PracticePoint,
    Region,
    Source,
    StatementPart,
    Term,
    Text,
    Vocabulary,
)
from ..model.registry import FRAMEWORKS
from .checks import Checker, unknown_id_message
from .checks import source_of as _source
from .facts import load_facts
from .source import Problem, read_yaml
from .terms import load_terms

# The files of data/ (without .yml): what describes a school, the frameworks' (lpl.model.registry), the wording.
DATA_FILES = (
    "settings",
    "audiences",
    "local_authorities",
    "regions",
    "language_categories",
    *(f.key for f in FRAMEWORKS),
    "ui",
    "terms",
    "facts",
)


def _terms(c: Checker, at: tuple) -> tuple[Term, ...]:
    terms: list[Term] = []
    seen: set[str] = set()
    for i, _ in enumerate(c.items(at)):
        here = at + (i,)
        entry = c.mapping(here)
        term_id = c.slug_id(here + ("id",), seen)
        if term_id is None:
            continue
        for key in sorted(set(entry) - {"id", "number", "label", "description", "status", "kind", "memberships"}):
            c.error(here + (key,), f"unknown field '{key}'", key=True)
        number = entry.get("number")
        if number is not None and not isinstance(number, int):
            c.error(here + ("number",), "'number' must be a whole number")
            number = None
        status = entry.get("status")
        if status not in (None, "unconfirmed"):
            c.error(here + ("status",), "'status' can only be 'unconfirmed'")
        terms.append(
            Term(
                term_id,
                c.text(here + ("label",)) or Text(),
                number,
                c.text(here + ("description",), required=False),
                status == "unconfirmed",
                entry.get("kind"),
            )
        )
    return tuple(terms)


def _vocabulary(c: Checker, at: tuple = (), *, version: str | None = None, current: bool = True) -> Vocabulary:
    return Vocabulary(
        id=str(c.get(at + ("id",)) or c.doc.path),
        name=c.text(at + ("name",)) or Text(),
        terms=_terms(c, at + ("items",)),
        intro=c.text(at + ("intro",), required=False),
        source=_source(c, at + ("source",)),
        version=version,
        current=current,
    )


def _regions(c: Checker, local_authorities: Vocabulary) -> tuple[Region, ...]:
    regions: list[Region] = []
    seen: set[str] = set()
    for i, _ in enumerate(c.items(("items",))):
        here = ("items", i)
        region_id = c.slug_id(here + ("id",), seen) or ""  # an anchor and a filter value: a slug
        memberships = []
        for j, _ in enumerate(c.items(here + ("memberships",))):
            m = here + ("memberships", j)
            memberships.append(
                Membership(
                    c.term_ids(
                        m + ("local_authorities",), local_authorities, "data/local_authorities.yml", required=True
                    ),
                    c.date(m + ("from",), required=False),
                    c.date(m + ("until",), required=False),
                )
            )
        regions.append(
            Region(
                region_id,
                c.text(here + ("label",)) or Text(),
                tuple(memberships),
                c.get(here + ("status",)) == "unconfirmed",
            )
        )
    return tuple(regions)


def _texts(c: Checker, at: tuple, required: bool = True) -> tuple[Text, ...]:
    return tuple(t for i, _ in enumerate(c.items(at, required=required)) if (t := c.text(at + (i,))))


def _practice(c: Checker, at: tuple) -> tuple[PracticePoint, ...]:
    points = []
    for i, item in enumerate(c.items(at)):
        if isinstance(item, dict) and "text" in item:  # a lead-in with sub-points
            points.append(PracticePoint(c.text(at + (i, "text")) or Text(), _texts(c, at + (i, "points"))))
        elif (text := c.text(at + (i,))) is not None:
            points.append(PracticePoint(text))
    return tuple(points)


def _statement_part(c: Checker, at: tuple) -> StatementPart:
    c.mapping(at)
    return StatementPart(
        c.text(at + ("text",)) or Text(),
        _texts(c, at + ("points",), required=False),
        _practice(c, at + ("effective_practice",)),
        _practice(c, at + ("sustained_practice",)),
    )


def _entitlement(c: Checker, audiences: Vocabulary) -> Entitlement:
    columns = {
        key: c.text(("columns", key)) or Text() for key in ("statement", "effective_practice", "sustained_practice")
    }
    tables: list[EntitlementTable] = []
    seen: set[str] = set()
    for i, _ in enumerate(c.items(("audiences",))):
        at = ("audiences", i)
        audience = c.string(at + ("audience",)) or ""
        if audience and audience not in audiences:
            c.error(at + ("audience",), unknown_id_message("audience", audience, audiences.ids, "data/audiences.yml"))
        statements = []
        for j, _ in enumerate(c.items(at + ("statements",))):
            s = at + ("statements", j)
            sid = c.slug_id(s + ("id",), seen) or ""  # an anchor and a filter value: a slug, used once
            number = c.get(s + ("number",))
            statements.append(
                EntitlementStatement(
                    sid,
                    number if isinstance(number, int) else j + 1,
                    audience,
                    _statement_part(c, s + ("entitlement",)),
                    _statement_part(c, s + ("expectation",)),
                    c.text(s + ("title",), required=False),
                )
            )
        tables.append(EntitlementTable(audience, c.text(at + ("title",)) or Text(), tuple(statements)))
    return Entitlement(
        c.text(("name",)) or Text(),
        _source(c, ("source",)) or Source(Text()),
        columns,
        tuple(tables),
        c.text(("intro",), required=False),
    )


def load_data(root: Path, problems: list[Problem]) -> Frameworks | None:
    docs: dict[str, Checker] = {}
    for name in DATA_FILES:
        path = root / "data" / f"{name}.yml"
        shown = f"data/{name}.yml"
        if not path.exists():
            problems.append(Problem(shown, 1, 1, "this data file is missing"))
            continue
        doc, found = read_yaml(path, shown)
        problems.extend(found)
        if doc is not None:
            docs[name] = Checker(doc)
    if len(docs) < len(DATA_FILES):
        return None
    # A scheme's or a version's name is part of anchors, filter values and addresses ("2023-bilingual",
    # "2017:pedagogy"): a slug, like every id, and used once.
    c, seen = docs["language_categories"], set[str]()
    language_categories = {
        scheme: _vocabulary(c, ("schemes", i), version=scheme)
        for i, _ in enumerate(c.items(("schemes",)))
        if (scheme := c.slug_id(("schemes", i, "scheme"), seen)) is not None
    }
    c, seen = docs["standards"], set[str]()
    standards = {
        version: _vocabulary(c, ("versions", i), version=version, current=bool(c.get(("versions", i, "current"))))
        for i, _ in enumerate(c.items(("versions",)))
        if (version := c.slug_id(("versions", i, "version"), seen)) is not None
    }
    local_authorities = _vocabulary(docs["local_authorities"])
    audiences = _vocabulary(docs["audiences"])
    c = docs["ui"]
    frameworks = Frameworks(
        settings=_vocabulary(docs["settings"]),
        audiences=audiences,
        local_authorities=local_authorities,
        regions=_regions(docs["regions"], local_authorities),
        language_categories=language_categories,
        hallmarks=_vocabulary(docs["hallmarks"]),
        slo=_vocabulary(docs["slo"]),
        characteristics=_vocabulary(docs["characteristics"]),
        contributory_factors=_vocabulary(docs["contributory_factors"]),
        national_priorities=_vocabulary(docs["national_priorities"]),
        standards=standards,
        entitlement=_entitlement(docs["entitlement"], audiences),
        labels={key: t for key in c.mapping(("labels",)) if (t := c.text(("labels", key)))},
        terms=load_terms(docs["terms"]),
        facts=load_facts(docs["facts"]),
    )
    for checker in docs.values():
        problems.extend(checker.problems)
    return frameworks


def check_data(root: Path) -> tuple[Frameworks | None, list[Problem]]:
    """Only data/: the frameworks and vocabularies (what scripts/new_case_study.py offers), or None on errors."""
    problems: list[Problem] = []
    frameworks = load_data(Path(root), problems)
    return (None if frameworks is None or any(p.severity == "error" for p in problems) else frameworks), problems
