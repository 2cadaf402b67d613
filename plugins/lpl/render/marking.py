"""Text in another language than the page's, marked with its language wherever a renderer writes it, so a screen
reader says an English school name or title on a Welsh page in English (and a Welsh one on an English page in
Welsh); and links that say the language of the page they open (`hreflang`).

Pure, and part of the escaping rule (`escape.py`): every text is escaped here; the only markup added is a
`<span lang>` whose value is one of the site's languages and an `href` that `escape.href` allowed. Names come
from the model (a school's name and its language, a source's or resource's title), never from markup in YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import LANGUAGES
from .escape import href, inline_part

MIN_NAME = 3  # shorter "names" are not worth marking and would match inside words' neighbours


def span(html_text: str, text_lang: str | None, page_lang: str) -> str:
    """Already-escaped text, in a `<span lang>` when its language is known and not the page's."""
    if text_lang in LANGUAGES and text_lang != page_lang:
        return f'<span lang="{text_lang}">{html_text}</span>'
    return html_text


def link(url: str, html_text: str, url_lang: str | None, page_lang: str, text_lang: str | None = None) -> str:
    """`<a>` to `url` (dropped to its text when `escape.href` refuses it), saying the language of the page it
    opens and, when the link's text is in another language than the page's, the text's language."""
    target = href(url)
    if not target:
        return span(html_text, text_lang, page_lang)
    attrs = f' hreflang="{url_lang}"' if url_lang in LANGUAGES else ""
    if text_lang in LANGUAGES and text_lang != page_lang:
        attrs += f' lang="{text_lang}"'
    return f'<a href="{target}"{attrs}>{html_text}</a>'


def names_pattern(names: dict[str, str]) -> re.Pattern | None:
    """One pattern finding any of the names as whole words, longest first (a literal alternation: linear)."""
    usable = sorted((n for n in names if len(n.strip()) >= MIN_NAME), key=len, reverse=True)
    if not usable:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in usable) + r")(?!\w)")


def split_names(text: str, names: dict[str, str]) -> list[tuple[str, str | None]]:
    """The text as runs: (run, its language) for each name found, (run, None) for the rest."""
    pattern = names_pattern(names)
    if pattern is None or not text:
        return [(text, None)] if text else []
    runs: list[tuple[str, str | None]] = []
    at = 0
    for m in pattern.finditer(text):
        if m.start() > at:
            runs.append((text[at : m.start()], None))
        runs.append((m.group(0), names[m.group(0)]))
        at = m.end()
    if at < len(text):
        runs.append((text[at:], None))
    return runs


def marked_inline(text: str, names: dict[str, str], page_lang: str) -> str:
    """A one-line text escaped by `escape.inline`, each name in another language in a `<span lang>`."""
    return "".join(span(inline_part(run), lang, page_lang) for run, lang in split_names(" ".join(text.split()), names))


def other_language_names(pairs: Iterable[tuple[str | None, str | None]], page_lang: str) -> dict[str, str]:
    """{name: language} for the names written in another language than the page's."""
    return {n.strip(): lang for n, lang in pairs if n and lang in LANGUAGES and lang != page_lang}
