"""Small edits of a page on its way out: the draft-translation notice under its title, the heading links' title
in the page's language, absolute hreflang links, valid markup where Material's base.html is not, and open-data
links that download under their own names."""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import urljoin, urlsplit

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')
# Python-Markdown's toc extension writes each heading's permalink so (mkdocs.yml keeps its default title).
PERMALINK = re.compile(r'(<a class="headerlink" href="#[^"<>]*" title=")Permanent link(")')
# Left out of the site's search index (lpl.search.extract), as Material's own attribute says.
SEARCH_EXCLUDE = "data-search-exclude"
# Material's base.html (outside any block a theme can override) writes autocomplete="off" on its drawer and
# search toggles, check boxes, where HTML allows the attribute only on text-like fields (W3C Nu checker). It
# is there so that Firefox does not restore a toggle left checked after a reload; main.html's script unchecks
# both instead.
TOGGLE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__\w+") autocomplete="off">'
)
LINK = re.compile(r'<a href="([^"<>]*)"')


def with_draft_notice(markdown: str, title: str, notice: str) -> str:
    """The page's Markdown with the notice right after its `# ` title (at the top if it has none). It is the
    same on every draft page, so it stays out of search: results show the page's own text."""
    e = lambda s: html.escape(s, quote=False)  # noqa: E731  (element text: quotes stay as written)
    block = (
        f'<div class="admonition info" {SEARCH_EXCLUDE}>\n<p class="admonition-title">{e(title)}</p>\n'
        f"<p>{e(notice)}</p>\n</div>\n\n"
    )
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", block] + lines[i + 1 :])
    return block + markdown


def localised_permalinks(page_html: str, title: str) -> str:
    """Each heading's permalink titled in the page's language ("Dolen barhaol" on a Welsh page): the toc
    extension has one title for the whole site."""
    if title == "Permanent link":
        return page_html
    return PERMALINK.sub(lambda m: m.group(1) + html.escape(title, quote=True) + m.group(2), page_html)


def absolute_alternates(html: str, canonical_url: str) -> str:
    """Crawlers and Lighthouse want absolute hreflang URLs (Material writes them relative), and an
    x-default pointing at the English page."""
    default = []

    def absolute(match):
        href = urljoin(canonical_url, match.group(1))
        if match.group(2) == "en":
            default.append(f'<link rel="alternate" href="{href}" hreflang="x-default">')
        return f'<link rel="alternate" href="{href}" hreflang="{match.group(2)}">'

    html = ALTERNATE.sub(absolute, html)
    if default:
        english = default[0].replace("x-default", "en")
        html = html.replace(english, english + default[0], 1)
    return html


def valid_toggles(page: str) -> str:
    """Material's drawer and search check boxes without the attribute HTML does not allow on them."""
    return TOGGLE.sub(r"\1>", page)


def named_downloads(page: str, page_path: str, names: dict[str, str]) -> str:
    """Every link to an open-data file (`names`: its path under the site → the file name it saves as) gets a
    `download` name, so each language's files save under their own names rather than all as index.csv.

    `page_path` is the page's address under the site ("cy/about/"); links are resolved against it.
    """

    def named(match: re.Match) -> str:
        href = match.group(1)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or parts.query or not parts.path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join("/" + page_path, parts.path)).lstrip("/")
        name = names.get(target)
        return f'{match.group(0)} download="{html.escape(name)}"' if name else match.group(0)

    return LINK.sub(named, page)
