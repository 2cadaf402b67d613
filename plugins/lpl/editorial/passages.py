"""Every text of one language the site shows, as plain lines with the file and line they were written on.

For the Welsh checks (spelling, term base): guidance pages (Markdown reduced to its words: no code, link
targets, HTML tags, attribute lists or front matter keys), `data/`, `plans/` and case-study texts (from the
one loader's model), the interface wording in `mkdocs.yml`, and the plan documents (.docx, reopened).
Text marked as English — `<span lang="en">…</span>` in a guidance page — is left out: it is meant to be English.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
from collections.abc import Iterator, Set
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from ..model import LANGUAGES, CaseStudy, Content, Text, other
from ..model.language import Language
from ..model.text import walk_texts as walk
from ..publish.pages import GENERATED_DIRS

# Where each part of the model comes from, for a text without its own file (others: data/<name>.yml).
SOURCES = {"labels": "data/ui.yml", "plan": "plans/plan.yml"}


@dataclass(frozen=True)
class Passage:
    path: str
    line: int
    text: str


def data_texts(content: Content) -> Iterator[tuple[str, str, Text]]:
    """(file, field, text) for every text of data/, plans/ and the interface labels."""
    parts = [(part.name, getattr(content.frameworks, part.name)) for part in dataclasses.fields(content.frameworks)]
    for part, value in parts + [("plan", content.plan)]:
        source = SOURCES.get(part, f"data/{part}.yml")
        for name, text in walk(value, part):
            yield text.path or source, name, text


# --- Markdown pages ------------------------------------------------------------------------------------

FENCE = re.compile(r"^\s*(```|~~~)")
ENGLISH_SPAN = re.compile(r"<(\w+)\b[^>]*\blang=[\"']en(?:-[A-Za-z]+)?[\"'][^>]*>.*?</\1\s*>", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
TAG = re.compile(r"</?[A-Za-z][^>]*>")
INLINE_CODE = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")  # [text](target): keep the text
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$")
ATTR_LIST = re.compile(r"\{[:#.]?[^{}]*\}")  # { #id .class } and {{ … }}
URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+|\S+@\S+\.\w+|\b(?:[\w-]+\.)+(?:cymru|wales|uk|org|com|net)\b(?:/\S*)?")
PLACEHOLDER = re.compile(r"\{\w+\}")  # "{n} astudiaeth achos": filled in by the code
FACT = re.compile(r"\[\[fact:[^\]\n]{0,100}\]\]")  # [[fact:id]]: data/facts.yml's statement, checked there
ADMONITION = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?)\s+\S+")  # "!!! note "Title"": keep the title
ABBREVIATION = re.compile(r"^\*\[[^\]]*\]:")  # "*[HMS]: Hyfforddiant Mewn Swydd": keep the expansion
FRONT_MATTER_TEXT = ("title", "description", "publisher")  # what the page shows (its Sources list too)


def markdown_lines(source: str) -> Iterator[tuple[int, str]]:
    """(line number, the words of that line) for a Markdown page, English-marked spans removed."""
    # Spans may cross lines: blank them out keeping the newlines, so line numbers stay true.
    source = ENGLISH_SPAN.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    source = HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    lines = source.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        # A source's publisher marked as another language (`publisher_lang:`, rendered with lang=) is not the
        # page's language: its item is every line from its "- " to the next.
        items = [i for i in range(1, end) if lines[i].lstrip().startswith("- ")] + [end]
        foreign = {
            i
            for a, b in itertools.pairwise(items)
            if any(lines[j].strip().startswith("publisher_lang:") for j in range(a, b))
            for i in range(a, b)
        }
        for i in range(1, end):
            key, _, value = lines[i].partition(":")
            if key.strip() in FRONT_MATTER_TEXT and not (key.strip() == "publisher" and i in foreign):
                yield i + 1, value.strip().strip("'\"")
        start = end + 1
    fenced = False
    for i in range(start, len(lines)):
        line = lines[i]
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or REFERENCE.match(line):
            continue
        line = ABBREVIATION.sub("", ADMONITION.sub(r"\1", line))
        for pattern in (FACT, INLINE_CODE, LINK_TARGET, ATTR_LIST, TAG, URL):
            line = pattern.sub(" ", line)
        if line.strip():
            yield i + 1, line


def page_passages(root: Path, lang: Language) -> Iterator[Passage]:
    folder = Path(root) / "docs" / lang
    for page in sorted(folder.rglob("*.md")):
        rel = page.relative_to(folder)
        if rel.parts[0] in GENERATED_DIRS:
            continue
        shown = f"docs/{lang}/{rel.as_posix()}"
        for line, text in markdown_lines(page.read_text(encoding="utf-8")):
            yield Passage(shown, line, text)


# --- the model's texts ---------------------------------------------------------------------------------


def text_passages(path: str, text: Text, lang: Language, names: tuple[str, ...] = ()) -> Iterator[Passage]:
    """A model text's lines; `names` (written in another language) are left out where they appear."""
    value = text.get(lang)
    if not value:
        return
    first = text.line(lang) or 1
    for i, line in enumerate(value.split("\n")):
        line = PLACEHOLDER.sub(" ", LINK_TARGET.sub(" ", URL.sub(" ", FACT.sub(" ", line))))  # [text](address)
        for name in names:
            line = line.replace(name, " ")
        if line.strip():
            yield Passage(path, first + i, line)


def case_study_names(study: CaseStudy, lang: Language) -> tuple[str, ...]:
    """What a case study names in another language than `lang`: its schools' names as the schools write them
    and the titles of its source and resources as published. No markup can mark them as English in a YAML
    text (issue 14 keeps raw HTML out of case studies), so they are names to the check, not prose."""
    names = [n for school in study.schools for n in (school.get(other(lang)), school.get(lang)) if n]
    names += [title for r in study.resources if (title := r.title.get(other(lang)))]
    if study.source is not None:
        names += [study.source.title, *([study.source.title_cy] if study.source.title_cy else [])]
    names += [n.split(": ", 1)[1] for n in names if ": " in n]  # "Estyn: Title" quoted as "Title"
    return tuple(sorted(set(names), key=len, reverse=True))


def model_passages(content: Content, lang: Language) -> Iterator[Passage]:
    for path, _, text in data_texts(content):
        yield from text_passages(path, text, lang)
    for study in sorted(content.case_studies + content.unpublished, key=lambda s: s.source_path):
        names = case_study_names(study, lang)
        for text in study.texts().values():
            yield from text_passages(study.source_path, text, lang, names)


# --- the interface wording of mkdocs.yml ---------------------------------------------------------------

MKDOCS_ENTRY = re.compile(r"^(\s*)([^:#\n][^:\n]*):\s*(.+?)\s*$")


def interface_passages(root: Path, lang: Language) -> Iterator[Passage]:
    """The Welsh site's name, description and navigation labels (static-i18n's `nav_translations`);
    in English, the navigation's own labels."""
    lines = (Path(root) / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    in_welsh = in_nav = in_labels = False
    for i, line in enumerate(lines, start=1):
        if re.match(r"^\s*- locale: \w+\s*$", line):
            in_welsh, in_labels = line.strip().endswith("cy"), False
        elif re.match(r"^\S", line):
            in_welsh = in_labels = False
            in_nav = line.startswith("nav:")
        elif line.strip() == "nav_translations:":
            in_labels = True
            continue
        m = MKDOCS_ENTRY.match(line)
        if not m or m.group(3).startswith(("[", "{", "!", "|")):
            continue
        key, value = m.group(2).strip().lstrip("- "), m.group(3).strip("'\"")
        if lang == "cy" and in_welsh and (in_labels or key in ("site_name", "site_description")):
            yield Passage("mkdocs.yml", i, value)
        elif lang == "en" and in_nav:
            yield Passage("mkdocs.yml", i, key)


# --- the plan documents --------------------------------------------------------------------------------


def document_passages(documents: dict[str, bytes], names: set[str]) -> Iterator[Passage]:
    """Each paragraph (and table cell) of the named .docx files, reopened with python-docx."""
    for name in sorted(names & set(documents)):
        doc = Document(io.BytesIO(documents[name]))
        paragraphs = list(doc.paragraphs)
        for table in doc.tables:
            paragraphs += [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
        for n, paragraph in enumerate(paragraphs, start=1):
            if paragraph.text.strip():
                yield Passage(f"downloads/{name}", n, URL.sub(" ", paragraph.text))


def all_passages(
    content: Content,
    root: Path,
    lang: Language,
    documents: dict[str, bytes] | None = None,
    document_names: Set[str] = frozenset(),
) -> list[Passage]:
    assert lang in LANGUAGES
    found = [*page_passages(root, lang), *model_passages(content, lang), *interface_passages(root, lang)]
    if documents:
        found += document_passages(documents, set(document_names))
    return found
