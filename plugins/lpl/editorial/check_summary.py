"""Does a summary copy its source? `lpl check-summary` lists every run of RUN (10) or more words that a
summary's texts (title, summary, context, approach, impact, advice; English and Welsh) share with the saved
excerpt of its source, unless the run is visibly quoted and attributed.

Excerpts: `case_studies/sources/<slug>.<lang>.txt` (EXCERPTS), the plain text of the source as we read it,
whose first line says where it is from, when it was read and under which licence (HEADER):

    Source: https://www.estyn.gov.wales/… (read 2026-12-02; licence: Open Government Licence v3.0)
    # Only the opening of the page could be read.       ← optional notes of ours, not compared

They are kept for checking only: the loader never reads them, and nothing in the build or the wheel copies them.

Words are compared after folding case, punctuation and apostrophes (’ ‘ ʼ and ' are all dropped, so "sy’n"
and "sy'n" are one word). Each excerpt's 10-word shingles go into a set, and each text's windows are looked up
in it: linear in the length of both.

The rule for "quoted" (simple, so an editor and a test can both apply it):
- a passage is quoted when it is inside quotation marks — “…”, "…" or ‘…’ (a ’ between two letters is an
  apostrophe, not a closing mark) — or in a Markdown blockquote (lines starting with '>');
- a quotation is attributed when its paragraph, outside the quotation itself, names the source: its publisher
  (`source.publisher`), its title (`source.title` or `title_cy`) or one of the case study's schools, in either
  language. A blockquote is attributed when it names one of them itself (e.g. a last line "> — Estyn") or the
  paragraph just before it does;
- only words quoted AND attributed are left out of the comparison: a copied run in quotation marks without a
  name beside it is still listed (marked "in quotation marks, but not attributed" when all of it is). A run is listed when RUN consecutive
  words of a text, none of them in an attributed quotation, appear in the same order in the excerpt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import SUMMARY, CaseStudy, Content, Text
from ..model.case_study import EXCERPTS
from ..model.language import LANGUAGES, Language

RUN = 10  # words: a run this long, shared with the source, is copying
FIELDS = ("title", "summary", "context", "approach", "impact", "advice")
MAX_EXCERPT_BYTES = 512 * 1024  # a source page's text is tens of KB
HEADER = re.compile(r"Source: (https://[^ ()]+) \(read ([0-9]{4}-[0-9]{2}-[0-9]{2}); licence: ([^()]+)\)")
HEADER_EXAMPLE = "Source: https://… (read 2026-12-02; licence: Open Government Licence v3.0)"
# A word: letters and digits, with apostrophes inside it (one token, then folded away). No nested
# quantifiers over the same characters, so matching is linear.
WORD = re.compile(r"[^\W_]+(?:['’‘ʼ][^\W_]+)*")
APOSTROPHES = str.maketrans("", "", "'’‘ʼ")
OPENING = {"“": "”", "‘": "’", '"': '"'}


def fold(word: str) -> str:
    return word.translate(APOSTROPHES).casefold()


@dataclass(frozen=True)
class Word:
    folded: str
    start: int  # offset in the text it was read from
    end: int
    line: int  # line in its file (1-based); for a case-study text, set by `_place`


def words(text: str, first_line: int = 1) -> list[Word]:
    found, line, seen = [], first_line, 0
    for m in WORD.finditer(text):
        line += text.count("\n", seen, m.start())
        seen = m.start()
        found.append(Word(fold(m.group()), m.start(), m.end(), line))
    return found


@dataclass(frozen=True)
class Excerpt:
    path: str  # as shown, relative to the project
    lang: Language
    url: str
    read: date
    licence: str
    words: tuple[Word, ...]

    def index(self) -> dict[tuple[str, ...], int]:
        """Each RUN-word shingle of the excerpt → where it first starts."""
        folded = [w.folded for w in self.words]
        shingles: dict[tuple[str, ...], int] = {}
        for i in range(len(folded) - RUN + 1):
            shingles.setdefault(tuple(folded[i : i + RUN]), i)
        return shingles


@dataclass(frozen=True)
class Finding:
    """One copied run (or a problem with an excerpt: then `words` is 0)."""

    path: str
    line: int
    message: str
    words: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def excerpt_paths(root: Path, slug: str) -> list[Path]:
    folder = root / EXCERPTS
    return sorted(folder.glob(f"{slug}.*.txt")) if folder.is_dir() else []


def read_excerpt(path: Path, shown: str) -> tuple[Excerpt | None, list[Finding]]:
    named = path.name.rsplit(".", 2)[-2] if path.name.count(".") >= 2 else ""
    if named not in LANGUAGES:
        return None, [Finding(shown, 1, "an excerpt's name ends in .en.txt or .cy.txt: the language it is in")]
    if path.stat().st_size > MAX_EXCERPT_BYTES:
        return None, [
            Finding(shown, 1, f"the excerpt is over {MAX_EXCERPT_BYTES // 1024} KB: save only the source's text")
        ]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Finding(shown, 1, "the excerpt is not UTF-8 text: save it again as plain text (UTF-8)")]
    first, _, body = text.partition("\n")
    header = HEADER.fullmatch(first.strip())
    read = None
    if header:
        try:
            read = date.fromisoformat(header.group(2))
        except ValueError:
            read = None
    if not header or read is None:
        return None, [
            Finding(
                shown,
                1,
                "the first line must give the source's address, the day it was read and its licence, "
                f"e.g. {HEADER_EXAMPLE}",
            )
        ]
    # Lines starting with '#' after the header are our notes on the excerpt (e.g. "only the opening could be
    # read"), not the source's words: blanked, so the lines of the rest stay right.
    body = "\n".join("" if line.startswith("#") else line for line in body.split("\n"))
    return Excerpt(shown, Language(named), header.group(1), read, header.group(3).strip(), tuple(words(body, 2))), []


# --- what is quoted -------------------------------------------------------------------------------------------


def _names(study: CaseStudy) -> list[str]:
    """What a quotation may be attributed to, folded to words joined by single spaces."""
    found = []
    if study.source:
        found += [study.source.publisher, study.source.title, study.source.title_cy or ""]
    for school in study.schools:
        found += [school.en or "", school.cy or ""]
    return [n for n in {" ".join(w.folded for w in words(name)) for name in found} if n]


POSSESSIVE = re.compile(r"['’ʼ]s$")


def _names_in(text: str, names: list[str]) -> bool:
    """Whether `text` names one of `names` (an English possessive counts: "Estyn’s")."""
    folded = " " + " ".join(fold(POSSESSIVE.sub("", text[w.start : w.end])) for w in words(text)) + " "
    return any(f" {name} " in folded for name in names)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the blocks of non-blank lines."""
    found, start, offset = [], None, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            start = offset if start is None else start
        elif start is not None:
            found.append((start, offset))
            start = None
        offset += len(line)
    if start is not None:
        found.append((start, offset))
    return found


def _inline_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations in text[start:end]: (start, end) offsets including the marks; an unclosed one runs to `end`."""
    found, i, opened, closing = [], start, None, ""
    while i < end:
        ch = text[i]
        if opened is None and ch in OPENING:
            opened, closing = i, OPENING[ch]
        elif opened is not None and ch == closing:
            is_apostrophe = ch == "’" and i + 1 < end and text[i + 1].isalpha() and i > 0 and text[i - 1].isalpha()
            if not is_apostrophe:
                found.append((opened, i + 1))
                opened = None
        i += 1
    if opened is not None:
        found.append((opened, end))
    return found


def quoted(text: str, names: list[str]) -> list[tuple[int, int, bool]]:
    """Every quotation and blockquote of a Markdown text: (start, end, attributed)."""
    found: list[tuple[int, int, bool]] = []
    previous = ""  # the paragraph before, for a blockquote's attribution
    for start, end in _paragraphs(text):
        block = text[start:end]
        if block.lstrip().startswith(">"):
            # A Markdown blockquote: every line of this paragraph starts with '>' (or continues it lazily).
            found.append((start, end, _names_in(block, names) or _names_in(previous, names)))
        else:
            quotes = _inline_quotes(text, start, end)
            outside, at = [], start
            for q_start, q_end in quotes:
                outside.append(text[at:q_start])
                at = q_end
            outside.append(text[at:end])
            attributed = _names_in(" ".join(outside), names)
            found += [(q_start, q_end, attributed) for q_start, q_end in quotes]
        previous = block
    return found


# --- the comparison -------------------------------------------------------------------------------------------


def _place(text_words: list[Word], text: Text, lang: Language, file_lines: list[str]) -> list[Word]:
    """The words with their line in the case study's file: the file's words from the text's first line are
    walked beside the text's (a YAML block folds lines, so offsets in the value do not give lines)."""
    first = text.line(lang) or 1
    file_words = words("\n".join(file_lines[first - 1 :]), first)
    if not text_words:
        return text_words
    # The first line may start with the key ('en:'): find where the value's words begin.
    head = [w.folded for w in text_words[:3]]
    k = next(
        (k for k in range(min(4, len(file_words))) if [w.folded for w in file_words[k : k + len(head)]] == head), None
    )
    placed, line = [], first
    for i, w in enumerate(text_words):
        if k is not None and k + i < len(file_words) and file_words[k + i].folded == w.folded:
            line = file_words[k + i].line
        else:
            k = None  # the file's words no longer follow the value's (an escape): keep the last line known
        placed.append(Word(w.folded, w.start, w.end, line))
    return placed


def compare(
    study: CaseStudy, excerpts: list[Excerpt], file_lines: list[str], shown: str | None = None
) -> list[Finding]:
    """Every unquoted run of RUN or more words a summary's texts share with its excerpts."""
    shown = shown or study.source_path
    names = _names(study)
    indexes = [(e, e.index()) for e in excerpts]
    found: list[Finding] = []
    for field in FIELDS:
        text = getattr(study, field)
        if text is None:
            continue
        for lang in LANGUAGES:
            value = text.get(lang)
            if not value:
                continue
            spans = quoted(value, names)
            text_words = _place(words(value), text, lang, file_lines)
            status = _statuses(text_words, spans)
            for excerpt, index in indexes:
                found += _runs(value, text_words, status, excerpt, index, shown, f"{field}.{lang}")
    return found


def _statuses(text_words: list[Word], spans: list[tuple[int, int, bool]]) -> list[str]:
    """Each word's: "quoted" (in an attributed quotation), "unattributed" or "free"; words and spans are both
    in the order of the text, so one walk over each."""
    found, k = [], 0
    for w in text_words:
        while k < len(spans) and spans[k][1] <= w.start:
            k += 1
        inside = k < len(spans) and spans[k][0] <= w.start
        found.append(("quoted" if spans[k][2] else "unattributed") if inside else "free")
    return found


def _runs(
    value: str, text_words: list[Word], status: list[str], excerpt: Excerpt, index: dict, shown: str, where: str
) -> list[Finding]:
    found = []
    i, n = 0, len(text_words)
    while i <= n - RUN:
        window = tuple(w.folded for w in text_words[i : i + RUN])
        if window in index and "quoted" not in status[i : i + RUN]:
            start, at = i, index[window]
            while (
                i + RUN < n
                and status[i + RUN] != "quoted"
                and tuple(w.folded for w in text_words[i + 1 : i + 1 + RUN]) in index
            ):
                i += 1
            end = i + RUN  # the run is text_words[start:end]
            run = text_words[start:end]
            note = " (in quotation marks, but not attributed)" if set(status[start:end]) == {"unattributed"} else ""
            found.append(
                Finding(
                    shown,
                    run[0].line,
                    f"{where}: {end - start} words shared with {excerpt.path}:{excerpt.words[at].line}{note}: "
                    f"“{' '.join(value[run[0].start : run[-1].end].split())}”",
                    end - start,
                )
            )
            i = end
        else:
            i += 1
    return found


@dataclass(frozen=True)
class Report:
    findings: list[Finding]  # copied runs and excerpt problems: any makes `lpl check-summary` exit 1
    checked: list[str]  # slugs compared with at least one excerpt
    without_excerpt: list[str]  # summaries with no excerpt saved


def check_summaries(content: Content, root: Path, slugs: list[str] | None = None) -> Report:
    """Compare every summary that has an excerpt (or the summaries named) with its excerpts."""
    studies = {s.slug: s for s in content.case_studies + content.unpublished}
    findings: list[Finding] = []
    checked, without = [], []
    wanted = slugs if slugs else sorted(s for s, study in studies.items() if study.kind == SUMMARY)
    for slug in wanted:
        study = studies.get(slug)
        if study is None or study.kind != SUMMARY:
            what = "no case study" if study is None else f"a case study of kind {study.kind}, not a summary"
            findings.append(Finding(f"case_studies/{slug}.yml", 1, f"{slug!r} is {what}"))
            continue
        excerpts = []
        for path in excerpt_paths(root, slug):
            excerpt, problems = read_excerpt(path, path.relative_to(root).as_posix())
            findings += problems
            if excerpt:
                if study.source is None or excerpt.url not in (study.source.url, study.source.url_cy):
                    findings.append(
                        Finding(
                            excerpt.path,
                            1,
                            f"the excerpt's address {excerpt.url} is not the summary's source.url or source.url_cy",
                        )
                    )
                excerpts.append(excerpt)
        if not excerpts:
            without.append(slug)
            if slugs:
                findings.append(
                    Finding(
                        study.source_path,
                        1,
                        f"no excerpt of the source is saved: save its text as {EXCERPTS}/{slug}.en.txt "
                        f"(and {slug}.cy.txt for a Welsh original), first line: {HEADER_EXAMPLE}",
                    )
                )
            continue
        lines = (root / study.source_path).read_text(encoding="utf-8").splitlines()
        findings += compare(study, excerpts, lines)
        checked.append(slug)
    return Report(findings, checked, without)
