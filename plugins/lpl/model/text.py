"""Bilingual text: one value in both languages, with whether each is reviewed, and where it was written."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field

from .language import DRAFT, LANGUAGES, REVIEWED, Language, Status


@dataclass(frozen=True)
class Text:
    """One piece of text in both languages, with whether each has been reviewed."""

    en: str | None = None
    cy: str | None = None
    en_status: Status = REVIEWED
    cy_status: Status = DRAFT
    # Where a language's text is published officially (its address): such a text is quoted, not ours, so it
    # is reviewed and shown as official. None for the team's own words.
    en_source: str | None = field(default=None, compare=False)
    cy_source: str | None = field(default=None, compare=False)
    # Where it was written, for reports: the file, and each language's line (by LANGUAGES; a missing
    # language's is the text's own). Set by the loader; never part of equality, hashing or repr.
    path: str | None = field(default=None, compare=False, repr=False)
    lines: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def line(self, lang: Language) -> int | None:
        return self.lines[LANGUAGES.index(lang)] if self.lines else None

    def get(self, lang: Language) -> str | None:
        return getattr(self, lang)

    def status(self, lang: Language) -> Status:
        return getattr(self, f"{lang}_status")

    def is_draft(self, lang: Language) -> bool:
        return self.get(lang) is not None and self.status(lang) == DRAFT

    def is_official(self, lang: Language) -> bool:
        return self.get(lang) is not None and self.status(lang) == REVIEWED and self.source(lang) is not None

    def source(self, lang: Language) -> str | None:
        return getattr(self, f"{lang}_source")

    def is_missing(self, lang: Language) -> bool:
        return not self.get(lang)

    def best(self, lang: Language) -> str:
        """The text in `lang`, or the other language's where it is missing (callers show a notice)."""
        return self.get(lang) or self.en or self.cy or ""

    @staticmethod
    def same(text: str) -> Text:
        """A proper noun or code that is written the same in both languages."""
        return Text(text, text, REVIEWED, REVIEWED)


@dataclass(frozen=True)
class Name(Text):
    """A proper name (a school's). Given once it is written the same in both languages, and `written_in` says
    which language it is in ("Herbert Thompson Primary School": en), so a page in the other language marks it
    for screen readers; None when that is not known. A name given in each language is in each language."""

    written_in: Language | None = None

    def language(self, lang: Language) -> str | None:
        """The language the name is written in on a page in `lang`."""
        return self.written_in if self.en == self.cy else lang


@dataclass(frozen=True)
class Source:
    title: Text
    url_en: str | None = None
    url_cy: str | None = None

    def url(self, lang: Language) -> str | None:
        return (self.url_cy if lang == Language.CY else None) or self.url_en


@dataclass(frozen=True)
class PageSource:
    """One source a guidance page names in its front matter (`sources:`), in the page's own language."""

    title: str
    publisher: str
    url: str  # https, checked by the loader
    date: str | None = None  # as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD
    accessed: str | None = None  # YYYY-MM-DD we read it, when the source gives no date
    lang: str | None = None  # the title's language when it is not the page's (e.g. an English source on a Welsh page)
    publisher_lang: str | None = (
        None  # the publisher's name's language when it is not the page's ("Education Scotland")
    )


def walk_texts(value, path: str) -> Iterator[tuple[str, Text]]:
    """Every Text inside a part of the model, with a readable path (list items named by their id): what the
    translation report, the Welsh checks and the fact-reference check go through."""
    if isinstance(value, Text):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from walk_texts(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_texts(item, f"{path}[{key}]")
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            key = getattr(item, "id", None)
            yield from walk_texts(item, f"{path}[{key if isinstance(key, str) and key else i}]")
