"""The Welsh checks together: spelling (hunspell-cy) over every Welsh text, and the term base over every
text of each language. What `scripts/check_welsh.py`, `make test` (tests/test_welsh.py) and the translation
report show. Pure but for reading the files and running `hunspell`.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..model import LANGUAGES, Content
from . import spelling
from .passages import Passage, all_passages
from .term_check import misuses

SPELLING, ENGLISH, TERM = "spelling", "English", "term"


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    kind: str  # SPELLING, ENGLISH or TERM
    word: str
    message: str

    def location(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class LanguageCheck:
    findings: list[Finding] = field(default_factory=list)
    allowlist: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # the allowlist's own (an entry without a reason)
    passages: int = 0
    words: int = 0
    seconds: float = 0.0
    hunspell: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.findings or self.problems)

    def count(self, kind: str) -> int:
        return sum(1 for f in self.findings if f.kind == kind)


def check_languages(content: Content, root: Path, documents: dict[str, bytes] | None = None) -> LanguageCheck:
    """Spelling of the Welsh, terms of both languages; `documents`: the plan .docx by name (Welsh ones read)."""
    started = time.perf_counter()
    root = Path(root)
    result = LanguageCheck()
    result.allowlist, result.problems = spelling.read_allowlist(root / spelling.ALLOWLIST)
    texts: dict[str, list[Passage]] = {}
    for lang in LANGUAGES:
        names = {n for n in (documents or {}) if n.endswith(f"-{lang}.docx")}
        texts[lang] = all_passages(content, root, lang, documents, names)
    result.passages = sum(len(p) for p in texts.values())
    result.words = sum(len(spelling.words(p.text)) for p in texts["cy"])
    found = [
        Finding(m.path, m.line, ENGLISH if m.kind == spelling.ENGLISH else SPELLING, m.word, m.message())
        for m in spelling.misspellings(texts["cy"], root, result.allowlist)
    ]
    for lang in LANGUAGES:
        found += [
            Finding(m.path, m.line, TERM, m.found, m.message())
            for m in misuses(texts[lang], content.frameworks.terms, lang)
        ]
    located = {Finding(f.path, _locate(root, f.path, f.line, f.word), f.kind, f.word, f.message) for f in found}
    result.findings = sorted(located, key=lambda f: (f.path, f.line, f.kind, f.word))
    result.hunspell = spelling.hunspell_version()
    result.seconds = time.perf_counter() - started
    return result


def _locate(root: Path, path: str, line: int, word: str) -> int:
    """The line a word is really on: a YAML text's line is where its value starts, and a block or folded
    value runs on over the next lines."""
    if not path.endswith((".yml", ".yaml")):
        return line
    lines = _lines(root / path)
    for n in range(max(line, 1), min(line + 80, len(lines)) + 1):
        if word in lines[n - 1]:
            return n
    return line


@functools.lru_cache(maxsize=256)
def _lines(path: Path) -> tuple[str, ...]:
    try:
        return tuple(path.read_text(encoding="utf-8").split("\n"))
    except OSError:
        return ()


# --- output ---------------------------------------------------------------------------------------------


def render_text(result: LanguageCheck) -> str:
    out = [f"{f.location()}: {f.message}" for f in result.findings] + result.problems
    out.append(
        f"Welsh check: {result.count(SPELLING)} unknown Welsh words, {result.count(ENGLISH)} English words "
        f"in Welsh text, {result.count(TERM)} terms not the site's; {result.words} Welsh words in "
        f"{result.passages} texts checked in {result.seconds:.1f} s ({result.hunspell}, "
        f"hunspell-cy March 2025; {len(result.allowlist)} words allowed in {spelling.ALLOWLIST.as_posix()})"
    )
    return "\n".join(out) + "\n"


def md_cell(value: str) -> str:
    """A value in a Markdown table cell of a report: pipes escaped, no HTML."""
    return value.replace("|", "\\|").replace("<", "&lt;")


def render_markdown(result: LanguageCheck) -> str:
    out = [
        "## Welsh spelling and terms",
        "",
        f"{result.count(SPELLING)} unknown Welsh words, {result.count(ENGLISH)} English words in Welsh text, "
        f"{result.count(TERM)} terms not the site's (`data/terms.yml`), in {result.words} Welsh words "
        f"({md_cell(result.hunspell)} with hunspell-cy, March 2025; {len(result.allowlist)} words allowed "
        f"with a reason in `{spelling.ALLOWLIST.as_posix()}`).",
        "",
    ]
    if result.findings or result.problems:
        out += ["| File | Line | Finding |", "|---|---:|---|"]
        out += [f"| `{md_cell(f.path)}` | {f.line} | {md_cell(f.message)} |" for f in result.findings]
        out += [f"| `{md_cell(spelling.ALLOWLIST.as_posix())}` | | {md_cell(p)} |" for p in result.problems]
    return "\n".join(out) + "\n"
