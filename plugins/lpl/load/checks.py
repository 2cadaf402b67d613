"""The Checker: reads parts of one document and collects located, plain-language problems."""

from __future__ import annotations

import difflib
import html
import re
from datetime import date, timedelta
from typing import Any

from ..model import (
    DRAFT,
    LANGUAGES,
    REVIEWED,
    Source,
    Status,
    Text,
    Vocabulary,
)
from ..model.web import https_problem, link_problem
from .source import Problem, SourceDocument, character_problem, field_name

__all__ = ["SLUG", "Checker", "field_name", "https_url", "source_of", "suggest", "text_problem"]

# Anchored at both ends (\Z, not $, which also matches before a final line break: "zz\n" was a slug).
SLUG = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# What a text may not hold, found by patterns that cannot backtrack: each is a fixed prefix, or a class
# that stops at the next character that could start another match (so every scan is linear; a property
# test in tests/test_hostile_properties.py runs them on long pathological strings).
HTML_START = re.compile(r"<[A-Za-z/!?]")  # a tag, a comment, a declaration: raw HTML
AUTOLINK = re.compile(r"<([^\s<>]{1,2000})>")  # <https://…> or <name@school.cymru>
BRACES = re.compile(r"\{([^{}]*)\}")  # { … }, over as many lines as it takes; examined below
LINK_DESTINATION = re.compile(r"\]\(\s{0,20}<?([^\s<>()]*)")  # [text](address  and  ![alt](address
REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\[\]\n]{1,999}\]:[ \t]*\n?[ \t]*<?([^\s<>]*)", re.M)  # [r]: address
SCRIPT_SCHEME = re.compile(r"(?:java|vb)script[\s\x00-\x1f]{0,20}:", re.I)  # anywhere, even outside a link
# What a one-line text may not hold inside it (a line or paragraph separator, U+2028/9, is only a space to
# every renderer here, and the JSON-LD and feeds carry it escaped: tests/test_open_data.py).
LINE_BREAK = re.compile(r"[\n\t\r]")
MAX_TEXT = 20_000  # characters in one language of one text: a long section is a fifth of that
MAX_LINE = 1_000  # characters in a one-line text (a title, a name, alt text): the longest alt text is 444


def text_problem(text: str, markdown: bool) -> str | None:
    """What in a text could become markup, a script or a link to one, in plain words; None when nothing.

    Every text field goes through it: one-line texts (titles, names, roles, alt, captions, a source's
    publisher and title) are rendered as plain text, the narrative fields as Markdown without HTML (see
    lpl.render.escape), so what the validator accepts is what the build renders, and it says so where the
    editor wrote it. The characters no text may hold are refused by the reader already (character_problem,
    lpl.load.source), whichever YAML parser read the file; the rule is applied again here for texts that come
    from anywhere else."""
    if len(text) > (MAX_TEXT if markdown else MAX_LINE):
        return (
            f"is {len(text):,} characters long; the limit is {MAX_TEXT if markdown else MAX_LINE:,} "
            "(split it, or shorten it)"
        )
    problem = character_problem(text)
    if problem:
        return problem
    if not markdown:
        broken = LINE_BREAK.search(text.strip())
        if broken:
            what = "a tab" if broken.group() == "\t" else "a line break"
            return (
                f"is shown on one line but has {what} at character {broken.start() + 1}; "
                "write it on one line (or put it in quotes on one line)"
            )
    # Read as a browser or a Markdown renderer would, entities decoded: HTML written with entities
    # (&lt;img onerror=…&gt;) shows as text on our pages, but the open data carries the text as written, and a
    # reader of it that decodes entities once more would make it markup; the same for braces and schemes.
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        for start in HTML_START.finditer(text):
            link = AUTOLINK.match(text, start.start())
            address = link.group(1) if link else ""
            if link and ("@" in address or ":" in address):  # an autolink: <https://…> or <name@school.cymru>
                problem = link_problem(address if ":" in address else f"mailto:{address}")
                if not problem:
                    continue
                if ":" in address:
                    return f"links to {address[:60]!r}: {problem}"
            end = text.find(">", start.start(), start.start() + 60)
            tag = text[start.start() : end + 1] if end != -1 else text[start.start() : start.start() + 30] + "…"
            return (
                f"contains HTML ({tag!r}); HTML is not allowed in a text"
                " — use Markdown (**bold**, [link text](https://…), lists starting with '- ')"
            )
    if "{" in text:
        for braces in BRACES.finditer(text):
            inside = braces.group(1).strip()
            # A one-line text is plain words: braces there are only ever an attempt at an attribute list
            # ({: onclick=…}, {hidden}, { #id }), on one line or over several.
            if not markdown or inside.startswith((":", "#", ".")) or "=" in inside or not inside:
                return (
                    f"contains an attribute list or braces ({' '.join(braces.group(0).split())[:40]!r}), which "
                    "could change how the page behaves; remove the braces { } or reword"
                )
    if "![" in text:
        return "has an image in the text ('![…'); put images under 'images:' with alt text in both languages"
    if "]" in text:
        for found in (*LINK_DESTINATION.finditer(text), *REFERENCE.finditer(text)):
            address = found.group(1)
            problem = link_problem(address) if address else "the link has no address"
            if problem:
                return f"links to {address[:60]!r}: {problem}"
    if ":" in text and SCRIPT_SCHEME.search(text):
        return "contains 'javascript:' or 'vbscript:', which is not allowed"
    return None


# What scripts/new_case_study.py (lpl.editorial.scaffold) writes in the texts still to be written: valid, so a new
# file validates at once, but warned about, so a forgotten placeholder shows in review.
PLACEHOLDER = {"en": "Write here:", "cy": "Ysgrifennwch yma:"}


class Checker:
    """Collects located problems for one document while its parts are read."""

    def __init__(self, doc: SourceDocument, defaults: dict[str, Status] | None = None):
        self.doc = doc
        self.problems: list[Problem] = []
        self.defaults = defaults or {"en": REVIEWED, "cy": DRAFT}
        # Where an error was reported: a rule skips a part already said to be wrong, so checking code reads
        # as a list of rules, and an editor reads one message per mistake.
        self.reported: set[tuple] = set()

    def error(self, at: tuple, message: str, *, key: bool = False, covers: tuple | None = None) -> None:
        self.problems.append(self.doc.problem(at, message, key=key))
        self.reported.add(at if covers is None else covers)

    def fresh(self, at: tuple) -> bool:
        """Nothing has been reported at `at` yet."""
        return at not in self.reported

    def warning(self, at: tuple, message: str, *, key: bool = False) -> None:
        self.problems.append(self.doc.problem(at, message, key=key, severity="warning"))

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def get(self, at: tuple):
        value = self.doc.data
        for part in at:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def mapping(self, at: tuple, required: bool = True) -> dict:
        value = self.get(at)
        if value is None:
            if required:
                self.error(at, f"'{field_name(at)}' is missing")
            return {}
        if not isinstance(value, dict):
            self.error(at, f"'{field_name(at)}' must be a block of fields")
            return {}
        return value

    def items(self, at: tuple, required: bool = True) -> list:
        value = self.get(at)
        if value is None:
            if required:
                self.error(at, f"'{field_name(at)}' is missing (a list is needed)")
            return []
        if not isinstance(value, list):
            self.error(at, f"'{field_name(at)}' must be a list (lines starting with '- ')")
            return []
        return value

    def string(self, at: tuple, required: bool = True) -> str | None:
        value = self.get(at)
        if value is None:
            if required:
                self.error(at, f"'{field_name(at)}' is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(at, f"'{field_name(at)}' must be a piece of text")
            return None
        return str(value)

    def slug_id(self, at: tuple, seen: set[str] | None = None) -> str | None:
        """An `id:` that becomes part of an address, an anchor or a Word tag: lowercase words joined by
        hyphens, and (given the ids seen so far in its list) used once."""
        value = self.string(at)
        if value is None:
            return None
        what = "id" if at[-1] == "id" else f"'{at[-1]}'"  # a scheme's or a version's name is one too
        if not SLUG.match(value):
            self.error(at, f"{what} {value[:60]!r} must be lowercase words joined by hyphens")
        elif seen is not None and value in seen:
            self.error(at, f"{what} {value!r} is used twice")
        if seen is not None:
            seen.add(value)
        return value

    def text(self, at: tuple, required: bool = True, both: bool = True, *, markdown: bool | None = True) -> Text | None:
        """A bilingual text; in data files both languages are required. Each language goes through the one text
        rule (`text_problem`), as Markdown unless `markdown` is False (a one-line text); None leaves the rule to
        the caller."""
        value = self.get(at)
        if value is None:
            if required:
                self.error(at, f"'{field_name(at)}' is missing")
            return None
        if not isinstance(value, dict):
            self.error(at, f"'{field_name(at)}' must have an 'en:' and a 'cy:' line")
            return None
        known = [*LANGUAGES, *(f"{lang}_{part}" for part in ("status", "source") for lang in LANGUAGES)]
        unknown = set(value) - set(known)
        for key in sorted(unknown):
            hint = suggest(key, known)
            if " " in key:  # a comma split an unquoted text inside { }
                hint = " (a text with a comma inside { } must be put in quotes)"
            self.error(at + (key,), f"unknown field '{key}' in '{field_name(at)}'{hint}", key=True)
        parts: dict[str, Any] = {}  # Text's fields by name
        for lang in LANGUAGES:
            text = value.get(lang)
            if text is not None and not isinstance(text, str):
                self.error(at + (lang,), f"'{field_name(at + (lang,))}' must be text (put it in quotes)")
                text = None
            if text is not None and not text.strip():
                text = None
            problem = text_problem(text, markdown) if text is not None and markdown is not None else None
            if problem:
                self.error(at + (lang,), f"'{field_name(at + (lang,))}' {problem}")
            parts[lang] = text
            status = value.get(f"{lang}_status", self.defaults[lang])
            if status not in (DRAFT, REVIEWED):
                self.error(at + (f"{lang}_status",), f"'{lang}_status' must be 'draft' or 'reviewed' (got {status!r})")
                status = DRAFT
            parts[f"{lang}_status"] = Status(status)
            source = value.get(f"{lang}_source")
            if source is not None:
                problem = https_problem(source) if isinstance(source, str) else "it is not text"
                if problem:
                    self.error(
                        at + (f"{lang}_source",),
                        f"'{lang}_source' must be the web address (https://…) where "
                        f"this {LANGUAGE_NAMES[lang]} text is published ({problem})",
                    )
                    source = None
                elif status != REVIEWED:
                    self.error(
                        at + (f"{lang}_source",),
                        f"'{lang}_source' says this {LANGUAGE_NAMES[lang]} text is "
                        f"quoted from an official source: set '{lang}_status: reviewed'",
                    )
            parts[f"{lang}_source"] = source
            if both and text is None:
                self.error(at, f"'{field_name(at)}' has no {LANGUAGE_NAMES[lang]} text (add a '{lang}:' line)")
        if not parts["en"] and not parts["cy"] and not both:
            self.error(at, f"'{field_name(at)}' has no text in either language")
        return Text(**parts, path=self.doc.path, lines=tuple(self.doc.where(at + (lang,)).line for lang in LANGUAGES))

    def term_ids(
        self, at: tuple, vocabulary: Vocabulary | list[str], what: str, required: bool = False
    ) -> tuple[str, ...]:
        known = vocabulary.ids if isinstance(vocabulary, Vocabulary) else list(vocabulary)
        found = []
        for i, item in enumerate(self.items(at, required=required)):
            if not isinstance(item, str):
                self.error(at + (i,), f"each entry of '{field_name(at)}' must be an id (a word such as {known[0]!r})")
                continue
            if item not in known:
                self.error(at + (i,), unknown_id_message(field_name(at), item, known, what))
                continue
            if item in found:
                self.warning(at + (i,), f"'{item}' is listed twice in '{field_name(at)}'")
                continue
            found.append(item)
        return tuple(found)

    def date(self, at: tuple, required: bool = True, *, future: bool = True) -> date | None:
        """A date written YYYY-MM-DD, between EARLIEST and LATEST; with future=False, not after today."""
        value = self.get(at)
        if value is None:
            if required:
                self.error(at, f"'{field_name(at)}' is missing (a date such as 2025-03-14)")
            return None
        written = str(value)
        try:
            day = date.fromisoformat(written) if DATE.fullmatch(written) else None
        except ValueError:
            day = None
        if day is None:
            self.error(
                at, f"'{field_name(at)}' is not a real date: {written[:40]!r} (write it as YYYY-MM-DD, e.g. 2025-03-14)"
            )
        elif not EARLIEST <= day <= LATEST:
            self.error(
                at,
                f"'{field_name(at)}' ({day}) is not a date this site can hold: years {EARLIEST.year} to {LATEST.year}",
            )
            day = None
        elif not future and day > date.today():
            self.error(at, f"'{field_name(at)}' ({day}) is in the future")
            day = None
        return day


DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # fromisoformat alone also reads 20250314 and 2025-W11-5
# Dates a case study, a source or a review can have: anything else is a typing mistake (and 9999-12-31
# overflowed the review date two years on).
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)
NEAR_FUTURE = timedelta(days=366)  # a case study may be dated ahead for its publication, not further


LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}


def suggest(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def unknown_id_message(field: str, value: str, known: list[str], what: str) -> str:
    shown = ", ".join(known) if len(known) <= 12 else ", ".join(known[:12]) + ", …"
    return f"'{field}' must be one of {shown} (got {value!r}{suggest(value, known)}); see {what}"


def source_of(c: Checker, at: tuple) -> Source | None:
    """A `source:` block: a bilingual title and a web address per language."""
    value = c.get(at)
    if value is None:
        return None
    urls = c.mapping(at + ("url",), required=False)
    for lang, url in urls.items():
        problem = https_problem(url) if isinstance(url, str) else "it is not text"
        if problem:
            c.error(
                at + ("url", lang),
                f"'{field_name(at + ('url', lang))}' must be a web address starting https:// ({problem})",
            )
    return Source(c.text(at + ("title",)) or Text(), urls.get("en"), urls.get("cy"))


def https_url(c: Checker, at: tuple) -> str | None:
    """An https address, parsed (lpl.model.web): a public web page, named by its host alone."""
    url = c.get(at)
    if url is None:
        return None
    problem = https_problem(url) if isinstance(url, str) else "it is not text"
    if problem:
        c.error(
            at,
            f"'{field_name(at)}' must be a web address starting with https:// (got {str(url)[:80]!r}): {problem}",
        )
        return None
    return url.strip()
