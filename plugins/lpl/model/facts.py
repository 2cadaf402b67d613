"""The fact ledger (data/facts.yml): each dated, changeable fact the site states, kept once, with its source and the
day it must be checked again; pages, templates and plans use a fact by id (`[[fact:id]]`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from .language import Language
from .text import Text

# How a text uses a fact: `[[fact:dysgu-established]]`. An id is a slug (lowercase words joined by hyphens).
FACT_OPEN = "[[fact:"
FACT_REFERENCE = re.compile(r"\[\[fact:([a-z0-9]+(?:-[a-z0-9]+)*)\]\]")
FACT_ID_MAX = 80  # characters: an id longer than this is a mistake, and a reference is never searched beyond it
DUE_SOON_DAYS = 60  # `lpl report` lists facts whose check_by falls within this many days, as well as those past it


@dataclass(frozen=True)
class FactSource:
    """Where a fact is stated officially: its publisher and title as published, and the page in each language
    (no Welsh page: `url_cy` is None and the English title stands on the Welsh page, marked as English)."""

    publisher: Text
    title: str  # as published (a title is quoted, never translated)
    url_en: str
    title_cy: str | None = None  # the Welsh page's own title, with its address
    url_cy: str | None = None

    def lang_for(self, lang: Language) -> str:
        """The language of the page a reader of `lang` is sent to ("en" when there is no Welsh page)."""
        return "cy" if lang == "cy" and self.url_cy else "en"

    def url(self, lang: Language) -> str:
        return self.url_cy if self.lang_for(lang) == "cy" and self.url_cy else self.url_en

    def title_in(self, lang: Language) -> str:
        return self.title_cy if self.lang_for(lang) == "cy" and self.title_cy else self.title


@dataclass(frozen=True)
class Fact:
    id: str
    statement: Text  # used inside a sentence: no final full stop (the page adds "(as at …)" and its own)
    sources: tuple[FactSource, ...]  # one or more pages that state it, the main one first
    as_at: date  # the day the statement was checked against its source
    check_by: date  # the day it must be checked again
    line: int = field(default=0, compare=False)  # where its entry starts in data/facts.yml, for reports

    def overdue(self, today: date) -> bool:
        return today >= self.check_by

    def due_within(self, today: date, days: int = DUE_SOON_DAYS) -> bool:
        return self.check_by <= today + timedelta(days=days)


@dataclass(frozen=True)
class FactLedger:
    facts: tuple[Fact, ...] = ()
    path: str = "data/facts.yml"

    def __contains__(self, fact_id: str) -> bool:
        return any(f.id == fact_id for f in self.facts)

    def __len__(self) -> int:
        return len(self.facts)

    def fact(self, fact_id: str) -> Fact:
        for f in self.facts:
            if f.id == fact_id:
                return f
        raise KeyError(fact_id)

    @property
    def ids(self) -> list[str]:
        return [f.id for f in self.facts]

    def due(self, today: date, days: int = DUE_SOON_DAYS) -> list[Fact]:
        """Facts past their check_by date or reaching it within `days`, soonest first."""
        return sorted((f for f in self.facts if f.due_within(today, days)), key=lambda f: (f.check_by, f.id))


@dataclass(frozen=True)
class FactUse:
    """One `[[fact:…]]` in a text: where it starts (character offset) and the id written (None: not a valid
    reference, e.g. `[[fact:Bad Id]]` or an unclosed one)."""

    offset: int
    fact_id: str | None
    written: str


def fact_uses(text: str) -> Iterator[FactUse]:
    """Every fact reference in `text`, valid or not. Linear: each `[[fact:` is matched once, on a bounded span."""
    start = text.find(FACT_OPEN)
    while start != -1:
        span = text[start : start + len(FACT_OPEN) + FACT_ID_MAX + 2]
        found = FACT_REFERENCE.match(span)
        if found:
            yield FactUse(start, found.group(1), found.group(0))
        else:
            end = span.find("]]")
            yield FactUse(start, None, span[: end + 2] if end != -1 else span[:40])
        start = text.find(FACT_OPEN, start + len(FACT_OPEN))
