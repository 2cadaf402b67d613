"""The `sources:` a hand-written guidance page names in its front matter (docs/<lang>/*.md), checked like any data:
every problem located at its file, line and column. A guidance page of fact must name its sources."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..model import LANGUAGES, PageSource
from .checks import Checker, https_url
from .source import Problem, parse_yaml

# Pages about the website itself, not guidance of fact: they need no sources.
WITHOUT_SOURCES = frozenset({"about.md", "accessibility.md", "privacy.md"})
SOURCE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FIELDS = ("title", "publisher", "url", "date", "accessed", "lang", "publisher_lang")


def _real_date(value: str) -> bool:
    """A source's YYYY, YYYY-MM or YYYY-MM-DD names a real year (1900–2100, as every date here), month and day:
    the page shows it in words ("20 Medi 2018"), so "2018-13" would be shown as written."""
    year, *rest = (int(part) for part in value.split("-"))
    if not 1900 <= year <= 2100 or (rest and not 1 <= rest[0] <= 12):
        return False
    if len(rest) == 2:
        try:
            dt.date(year, rest[0], rest[1])
        except ValueError:
            return False
    return True


def front_matter(text: str) -> str | None:
    """The page's YAML front matter, with a blank line in place of the opening '---' so lines keep their numbers."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    return None if end < 0 else "\n" + text[4 : end + 1]


def page_sources(path: Path, shown: str) -> tuple[tuple[PageSource, ...], list[Problem]]:
    """The sources of one guidance page, and the problems with them (a page of fact without any is one)."""
    needed = path.name not in WITHOUT_SOURCES
    matter = front_matter(path.read_text(encoding="utf-8"))
    doc, problems = parse_yaml(matter, shown) if matter else (None, [])
    if problems:
        return (), problems
    if doc is None or not isinstance(doc.data, dict) or not doc.data.get("sources"):
        message = (
            "a guidance page must name its sources: add 'sources:' to its front matter, each with title, "
            "publisher, date (or accessed) and url (see README, 'Sources of guidance pages')"
        )
        return (), [Problem(shown, 1, 1, message)] if needed else []
    c = Checker(doc)
    found = []
    for i, item in enumerate(c.items(("sources",))):
        at = ("sources", i)
        if not isinstance(item, dict):
            c.error(at, f"'sources[{i}]' must be a block of fields: title, publisher, date, url")
            continue
        for key in sorted(set(item) - set(FIELDS)):
            c.error(at + (key,), f"unknown field '{key}' in 'sources[{i}]' (use {', '.join(FIELDS)})", key=True)
        title, publisher = c.string(at + ("title",)), c.string(at + ("publisher",))
        url = https_url(c, at + ("url",)) if item.get("url") is not None else c.string(at + ("url",))
        date, accessed = item.get("date"), item.get("accessed")
        if date is None and accessed is None:
            c.error(
                at,
                f"'sources[{i}]' needs 'date' (as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD) "
                "or, when the source gives none, 'accessed' (YYYY-MM-DD)",
            )
        if date is not None and not SOURCE_DATE.match(str(date)):
            c.error(at + ("date",), f"'sources[{i}].date' must be YYYY, YYYY-MM or YYYY-MM-DD (got {date!r})")
        elif date is not None and not _real_date(str(date)):
            c.error(at + ("date",), f"'sources[{i}].date' {str(date)!r} is not a real year, month or day")
        accessed_day = c.date(at + ("accessed",), required=False)
        lang, publisher_lang = item.get("lang"), item.get("publisher_lang")
        for key, value in (("lang", lang), ("publisher_lang", publisher_lang)):
            if value is not None and value not in LANGUAGES:
                c.error(at + (key,), f"'sources[{i}].{key}' must be one of {', '.join(LANGUAGES)} (got {value!r})")
        if title and publisher and url and not c.failed:
            found.append(
                PageSource(
                    title.strip(),
                    publisher.strip(),
                    url,
                    str(date) if date is not None else None,
                    accessed_day.isoformat() if accessed_day else None,
                    lang,
                    publisher_lang,
                )
            )
    return (tuple(found) if not c.failed else ()), c.problems


def guidance_pages(root: Path) -> list[Path]:
    """The hand-written pages of both languages (generated folders are not in docs/<lang>/*.md)."""
    return sorted(p for lang in LANGUAGES for p in (Path(root) / "docs" / lang).glob("*.md"))
