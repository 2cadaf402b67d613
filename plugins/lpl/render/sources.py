"""A guidance page's "Sources" section, from the `sources:` of its front matter (lpl.load.pages). Pure: the
sources and the page's wording in, Markdown out; every value is escaped where it is written."""

from __future__ import annotations

import html

from ..model import PageSource
from ..model.language import Language
from .dates import source_date


def _when(value: str, lang: Language) -> str:
    """A source's date as a reader says it, with the ISO form for machines (<time datetime>) where it is a real
    year, month or day; otherwise as written."""
    said = source_date(value, lang)
    if said == value and not value.isdigit():
        return html.escape(value)
    return f'<time datetime="{html.escape(value, quote=True)}">{html.escape(said)}</time>'


def sources_section(sources: tuple[PageSource, ...], lang: Language, heading: str, accessed: str) -> str:
    """'## Sources' and one line per source: publisher, linked title, date (or the day we read an undated one).
    A title or publisher in another language than the page's is marked with it (`lang`), so a screen reader says
    it in that language, and each link says the language of the page it opens (`hreflang`)."""
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    items = []
    for s in sources:
        title_lang = s.lang or lang
        other = f' lang="{e(title_lang)}"' if title_lang != lang else ""
        publisher = e(s.publisher)
        if s.publisher_lang and s.publisher_lang != lang:
            publisher = f'<span lang="{e(s.publisher_lang)}">{publisher}</span>'
        when = _when(s.date, lang) if s.date else f"{e(accessed)} {_when(s.accessed or '', lang)}"

        link = f'<a href="{e(s.url)}" hreflang="{e(title_lang)}"{other}>{e(s.title)}</a>'
        items.append(f"<li>{publisher}, {link}, {when}</li>")
    return f'\n\n## {heading} {{ #sources }}\n\n<ul class="lpl-sources">\n' + "\n".join(items) + "\n</ul>\n"
