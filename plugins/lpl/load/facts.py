"""data/facts.yml, the fact ledger, checked into `FactLedger`; and every use of a fact (`[[fact:id]]`) in the
guidance pages, data/ and plans/ checked against it, each problem located at its file and line."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from ..model import LANGUAGES, CaseStudy, Fact, FactLedger, FactSource, Frameworks, Text, fact_uses
from ..model.language import Language
from ..model.plan import PlanTemplate
from ..model.text import walk_texts
from .checks import Checker, https_url, suggest, text_problem
from .pages import guidance_pages
from .source import Problem

FIELDS = ("id", "statement", "sources", "as_at", "check_by")
MAX_SOURCES = 4
SOURCE_FIELDS = ("publisher", "title", "url", "title_cy", "url_cy")


def load_facts(c: Checker) -> FactLedger:
    facts: list[Fact] = []
    seen: set[str] = set()
    for i, _ in enumerate(c.items(("facts",))):
        at = ("facts", i)
        entry = c.mapping(at)
        fact_id = c.slug_id(at + ("id",), seen)
        for key in sorted(set(entry) - set(FIELDS)):
            c.error(at + (key,), f"unknown field '{key}' in a fact (use {', '.join(FIELDS)})", key=True)
        statement = c.text(at + ("statement",), markdown=False)  # used inside a sentence: one line
        sources = [_source(c, at + ("sources", j)) for j, _ in enumerate(c.items(at + ("sources",)))]
        if len(sources) > MAX_SOURCES:
            c.error(
                at + ("sources",), f"a fact names at most {MAX_SOURCES} sources (the main ones); it has {len(sources)}"
            )
        as_at, check_by = c.date(at + ("as_at",)), c.date(at + ("check_by",))
        if statement is not None:
            _check_statement(c, at + ("statement",), statement)
        if as_at and check_by and check_by <= as_at:
            c.error(at + ("check_by",), f"'check_by' ({check_by}) must come after 'as_at' ({as_at})")
        found = tuple(s for s in sources if s is not None)
        if fact_id and statement and found and len(found) == len(sources) and as_at and check_by:
            facts.append(Fact(fact_id, statement, found, as_at, check_by, c.doc.where(at).line))
    return FactLedger(tuple(facts), c.doc.path)


def _check_statement(c: Checker, at: tuple, statement: Text) -> None:
    for lang in LANGUAGES:
        value = statement.get(lang) or ""
        if not c.fresh(at + (lang,)):
            continue  # the text rule (Checker.text) has said what is wrong with it
        if any(True for _ in fact_uses(value)):
            c.error(at + (lang,), "a fact's statement cannot use another fact; write it out")
        elif value.rstrip().endswith("."):
            c.error(
                at + (lang,),
                "a statement is used inside a sentence: leave out its final full stop (the page writes "
                "'(as at …)' after it, then its own full stop)",
            )


def _source(c: Checker, at: tuple) -> FactSource | None:
    block = c.mapping(at)
    if not block:
        return None
    for key in sorted(set(block) - set(SOURCE_FIELDS)):
        c.error(at + (key,), f"unknown field '{key}' in a fact's source (use {', '.join(SOURCE_FIELDS)})", key=True)
    publisher = c.text(at + ("publisher",), markdown=False)
    title, title_cy = c.string(at + ("title",)), c.string(at + ("title_cy",), required=False)
    if block.get("url") is None:
        c.error(at + ("url",), "'url' is missing: the address (https://…) of the page that states the fact")
    url, url_cy = https_url(c, at + ("url",)), https_url(c, at + ("url_cy",))
    if title_cy and not url_cy and c.fresh(at + ("url_cy",)):
        c.error(at + ("title_cy",), "a Welsh title needs the Welsh page's address: add 'url_cy'")
    if url_cy and not title_cy:
        c.error(at + ("url_cy",), "add 'title_cy': the Welsh page's title, as published")
    for key, value in (("title", title), ("title_cy", title_cy)):
        problem = text_problem(value, markdown=False) if value else None
        if problem:
            c.error(at + (key,), f"'{key}' {problem}")
    if publisher is None or not title or not url:
        return None
    return FactSource(publisher, title.strip(), url, title_cy.strip() if title_cy else None, url_cy)


# --- where facts are used -------------------------------------------------------------------------------------


def _use_problems(text: str, ledger: FactLedger, path: str, line_of) -> list[Problem]:
    """The references in one text that are not well written or name no fact; `line_of(offset)` → (line, column)."""
    found = []
    for use in fact_uses(text):
        line, column = line_of(use.offset)
        if use.fact_id is None:
            message = (
                f"{use.written!r} is not a fact reference: write [[fact:id]], with the id of a fact in {ledger.path}"
            )
        elif use.fact_id not in ledger:
            message = f"unknown fact '{use.fact_id}': {ledger.path} has no fact with this id{suggest(use.fact_id, ledger.ids)}"
        else:
            continue
        found.append(Problem(path, line, column, message))
    return found


def _text_line_of(text: Text, lang: Language):
    first = text.line(lang) or 1
    value = text.get(lang) or ""
    return lambda offset: (first + value.count("\n", 0, offset), 1)


def page_fact_problems(page: Path, shown: str, ledger: FactLedger) -> list[Problem]:
    """The fact references of one guidance page (docs/<lang>/*.md), each located at its line and column."""
    source = page.read_text(encoding="utf-8")

    def line_of(offset: int) -> tuple[int, int]:
        return source.count("\n", 0, offset) + 1, offset - (source.rfind("\n", 0, offset) + 1) + 1

    return _use_problems(source, ledger, shown, line_of)


def fact_use_problems(
    root: Path, frameworks: Frameworks, plan: PlanTemplate | None, studies: list[CaseStudy]
) -> list[Problem]:
    """Every reference to a fact in the guidance pages, data/ (the ledger itself aside) and plans/ names a fact of
    the ledger; a case study may not use one (its pages, feed and open data show its texts as written)."""
    ledger = frameworks.facts
    problems = []
    docs = Path(root) / "docs"
    for page in guidance_pages(root):
        problems += page_fact_problems(page, page.relative_to(docs.parent).as_posix(), ledger)
    parts: list[tuple[str, object]] = [
        (f.name, getattr(frameworks, f.name)) for f in dataclasses.fields(frameworks) if f.name != "facts"
    ]
    for part, value in [*parts, ("plan", plan)]:
        for _, text in walk_texts(value, part):
            for lang in LANGUAGES:
                written = text.get(lang)
                if written and "[[fact:" in written:
                    where = text.path or ("plans/plan.yml" if part == "plan" else f"data/{part}.yml")
                    problems += _use_problems(written, ledger, where, _text_line_of(text, lang))
    for study in studies:
        for text in study.texts().values():
            for lang in LANGUAGES:
                value = text.get(lang) or ""
                if "[[fact:" in value:
                    problems.append(
                        Problem(
                            study.source_path,
                            _text_line_of(text, lang)(value.index("[[fact:"))[0],
                            1,
                            f"a case study cannot use a fact from {ledger.path} ([[fact:…]]): write the fact out, "
                            "saying when it was true",
                        )
                    )
    return problems


def due_problems(ledger: FactLedger, today: date) -> list[Problem]:
    """A warning for each fact past its check_by date: editors see it in the build's log and `lpl validate`."""
    return [
        Problem(
            ledger.path,
            fact.line or 1,
            1,
            f"fact '{fact.id}' was due to be checked again by {fact.check_by.isoformat()}: check it against "
            f"{fact.sources[0].url_en}, then update its statement, 'as_at' and 'check_by'",
            "warning",
        )
        for fact in ledger.facts
        if fact.overdue(today)
    ]
