"""A page's HTML as the sections a reader sees: (anchor, heading, text), split at h2 and h3.

Only the standard library: the index must build wherever the site builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

SPLIT_AT = {"h1", "h2", "h3"}
SKIPPED = {"script", "style", "template", "svg", "form", "button", "select", "noscript"}
BLOCKS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "details",
    "summary",
    "figure",
    "figcaption",
    "header",
    "footer",
    "aside",
    "nav",
    "hr",
}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


@dataclass
class Section:
    anchor: str  # "" for the top of the page
    heading: str
    text: str


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [["", "", []]]  # anchor, heading, text parts
        self.skip: list[str] = []  # open elements whose text is not read
        self.heading: list | None = None  # [tag, id, parts] while inside a splitting heading

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            if tag != "wbr":  # a place a line may break inside a word ("entitlement/<wbr>expectation"): no space
                self._space()
            return
        if (
            self.skip
            or tag in SKIPPED
            or "headerlink" in (attrs.get("class") or "").split()
            or attrs.get("hidden") is not None
            or "data-search-exclude" in attrs  # the same on many pages (a draft notice): not the page's own text
            or attrs.get("aria-hidden") == "true"
        ):
            self.skip.append(tag)
            return
        if tag in SPLIT_AT:
            self.heading = [tag, attrs.get("id") or "", []]
        elif tag in BLOCKS:
            self._space()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.skip:
            if self.skip[-1] == tag:
                self.skip.pop()
            return
        if self.heading and tag == self.heading[0]:
            _, anchor, parts = self.heading
            title = _squash("".join(parts))
            self.heading = None
            if tag == "h1":
                self.sections[-1][1] = self.sections[-1][1] or title  # the page title, not its text
            elif not anchor:
                self.sections[-1][2].append(f" {title} ")
            else:
                self.sections.append([anchor, title, []])
        elif tag in BLOCKS:
            self._space()

    def handle_data(self, data):
        if self.skip:
            return
        (self.heading[2] if self.heading else self.sections[-1][2]).append(data)

    def _space(self):
        if not self.skip:
            (self.heading[2] if self.heading else self.sections[-1][2]).append(" ")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def sections(html: str) -> list[Section]:
    """The page's sections in order; the first is the page's top (anchor "")."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    found = [Section(a, h, _squash("".join(parts))) for a, h, parts in reader.sections]
    return [s for i, s in enumerate(found) if i == 0 or s.text or s.heading]
