"""A guidance page's "Sources" section, from the `sources:` of its front matter (lpl.load.pages). Pure: the
sources and the page's wording in, Markdown out; every value is escaped where it is written."""

from __future__ import annotations

import html

from ..model import PageSource


def sources_section(sources: tuple[PageSource, ...], lang: str, heading: str, accessed: str) -> str:
    """'## Sources' and one line per source: publisher, linked title, date (or the day we read an undated one)."""
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    items = []
    for s in sources:
        other = f' lang="{e(s.lang)}"' if s.lang and s.lang != lang else ""
        when = e(s.date) if s.date else f"{e(accessed)} {e(s.accessed)}"
        items.append(f'<li>{e(s.publisher)}, <a href="{e(s.url)}"{other}>{e(s.title)}</a>, {when}</li>')
    return f'\n\n## {heading} {{ #sources }}\n\n<ul class="lpl-sources">\n' + "\n".join(items) + "\n</ul>\n"
