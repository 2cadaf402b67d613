"""The Welsh of the built site, as a reader hears it: every /cy/ page read aloud (`read_aloud`: its text and the
theme's chrome, outside elements marked as another language) through hunspell-cy and hunspell's en_GB.

Two rates, per 1,000 Welsh words read: English words (the Welsh dictionary does not know them, the English one
does: a screen reader says them with Welsh sounds) and unknown words (neither knows them). The source check
(`language_check`) reads what editors write; this one reads what the renderers and the theme made of it, so
an English title or school name written without `lang="en"` by a template, or an English string of the theme,
is found here. `data/welsh_allowlist.txt` counts as known here too (its phrases left out wherever they are).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model.language import Language
from . import spelling
from .language_check import md_cell
from .passages import URL
from .read_aloud import CODE, read_aloud

# The most a built Welsh site may hold, per 1,000 Welsh words (issue 25): a handful of names in a big site.
LIMITS = {spelling.ENGLISH: 0.1, spelling.UNKNOWN: 1.0}
HTML_SUFFIX = ".html"


@dataclass(frozen=True)
class PageWords:
    page: str  # the page's path in the site, e.g. cy/inset/index.html
    words: tuple[str, ...]  # the Welsh words read, in order
    marked: int  # words read in another language (lang="en" …)


@dataclass
class BuiltWelsh:
    pages: int = 0
    words: int = 0  # Welsh words read (outside elements marked as another language)
    marked: int = 0  # words inside elements marked as another language
    found: dict[str, Counter] = field(default_factory=dict)  # kind → Counter((word, page))
    allowlist: int = 0
    seconds: float = 0.0

    def count(self, kind: str) -> int:
        return sum(self.found.get(kind, Counter()).values())

    def rate(self, kind: str) -> float:
        """Per 1,000 Welsh words read."""
        return 1000 * self.count(kind) / self.words if self.words else 0.0

    def over(self) -> list[str]:
        """The rates above their limits, in words."""
        return [
            f"{self.rate(kind):.2f} {_KIND_NAMES[kind]} per 1,000 (at most {limit})"
            for kind, limit in LIMITS.items()
            if self.rate(kind) > limit
        ]

    @property
    def failed(self) -> bool:
        return bool(self.over())

    def words_by_count(self, kind: str) -> list[tuple[str, int, list[str]]]:
        """(word, times, pages) for one kind, the most frequent first."""
        times: Counter[str] = Counter()
        pages: dict[str, list[str]] = {}
        for (word, page), n in self.found.get(kind, Counter()).items():
            times[word] += n
            pages.setdefault(word, []).append(page)
        return [(w, n, sorted(pages[w])) for w, n in sorted(times.items(), key=lambda i: (-i[1], i[0]))]


_KIND_NAMES = {spelling.ENGLISH: 'English words outside lang="en"', spelling.UNKNOWN: "unknown words"}


def page_words(page: str, html: str, phrases: list[str], lang: Language = Language.CY) -> PageWords:
    spoken = read_aloud(html, lang)
    # Addresses are not words ("llyw.cymru"), as in the source check.
    welsh = URL.sub(" ", spoken.of(lang))
    marked = sum(
        len(spelling.words(run)) for other, runs in spoken.text.items() if other not in (lang, CODE) for run in runs
    )
    return PageWords(page, tuple(spelling.checked_words(welsh, phrases)), marked)


def site_pages(site: Path, lang: Language = Language.CY) -> list[tuple[str, str]]:
    """(path in the site, HTML) of every page of a language's part of a built site."""
    folder = Path(site) / lang
    return [
        (path.relative_to(site).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob(f"*{HTML_SUFFIX}"))
    ]


def check_built_site(site: Path, root: Path, pages: list[tuple[str, str]] | None = None) -> BuiltWelsh:
    """Read every Welsh page of the built `site` (or the given (path, HTML) pages); `root` holds the
    dictionary and the allowlist."""
    started = time.perf_counter()
    allowed, _ = spelling.read_allowlist(Path(root) / spelling.ALLOWLIST)
    phrases = spelling.phrases_of(allowed)
    read = [page_words(path, html, phrases) for path, html in (site_pages(site) if pages is None else pages)]
    unknown, english = spelling.classify({w for p in read for w in p.words}, root, allowed)
    result = BuiltWelsh(pages=len(read), allowlist=len(allowed))
    result.words = sum(len(p.words) for p in read)
    result.marked = sum(p.marked for p in read)
    result.found = {spelling.ENGLISH: Counter(), spelling.UNKNOWN: Counter()}
    for p in read:
        for w in p.words:
            if w in unknown:
                result.found[spelling.ENGLISH if w in english else spelling.UNKNOWN][(w, p.page)] += 1
    result.seconds = time.perf_counter() - started
    return result


# --- output ---------------------------------------------------------------------------------------------


def summary_line(result: BuiltWelsh) -> str:
    return (
        f'Built Welsh pages: {result.rate(spelling.ENGLISH):.2f} English words outside lang="en" and '
        f"{result.rate(spelling.UNKNOWN):.2f} unknown words per 1,000 (limits {LIMITS[spelling.ENGLISH]} and "
        f"{LIMITS[spelling.UNKNOWN]}), in {result.words} Welsh words read on {result.pages} pages "
        f"({result.marked} more marked as English), in {result.seconds:.1f} s"
    )


def render_text(result: BuiltWelsh, most: int = 40) -> str:
    out = [summary_line(result)]
    for kind in (spelling.ENGLISH, spelling.UNKNOWN):
        for word, n, pages in result.words_by_count(kind)[:most]:
            where = ", ".join(pages[:3]) + (f" and {len(pages) - 3} more" if len(pages) > 3 else "")
            out.append(f"  {kind}: {word!r} ×{n}: {where}")
    return "\n".join(out) + "\n"


def render_markdown(result: BuiltWelsh, most: int = 40) -> str:
    out = ["## Welsh of the built pages", "", summary_line(result) + ".", ""]
    rows = [(k, *w) for k in (spelling.ENGLISH, spelling.UNKNOWN) for w in result.words_by_count(k)[:most]]
    if rows:
        out += ["| Kind | Word | Times | Pages |", "|---|---|---:|---|"]
        out += [f"| {k} | {md_cell(w)} | {n} | {md_cell(', '.join(p[:3]))} |" for k, w, n, p in rows]
    return "\n".join(out) + "\n"


def as_json(result: BuiltWelsh) -> dict:
    return {
        "pages": result.pages,
        "words": result.words,
        "marked_other_language": result.marked,
        "per_1000": {kind: round(result.rate(kind), 3) for kind in LIMITS},
        "limits_per_1000": LIMITS,
        "found": {
            kind: [{"word": w, "times": n, "pages": pages} for w, n, pages in result.words_by_count(kind)]
            for kind in LIMITS
        },
    }
