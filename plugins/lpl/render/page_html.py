"""Small edits of a page on its way out: the draft-translation notice under its title, absolute hreflang links."""

from __future__ import annotations

import re
from urllib.parse import urljoin

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def with_draft_notice(markdown: str, title: str, notice: str) -> str:
    """The page's Markdown with an admonition right after its `# ` title (at the top if it has none)."""
    block = f'!!! info "{title}"\n\n    {notice}\n\n'
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", block] + lines[i + 1 :])
    return block + markdown


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
