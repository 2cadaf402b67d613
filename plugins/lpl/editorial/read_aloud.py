"""A built page's words as a screen reader reads them: what the Welsh check of the built site counts.

The text of the page (its `<title>`, the body with the theme's chrome) and the attributes a screen reader says
(`alt`, `aria-label`, `title`, `placeholder`); not scripts, styles, `<template>` or icons (`<svg>`), nor what is
hidden from assistive technology (`aria-hidden="true"`). What is `hidden` now is read: the theme shows it later
(the back-to-top button). Each run of text is in the language of its nearest `lang` attribute, as a screen
reader chooses its voice; code (`<code>`, `<kbd>`, `<samp>`: file names, addresses) is in no language (`CODE`).

Pure: one page's HTML in, its words out (the standard library's event parser, linear in the page's length).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

SILENT = frozenset({"script", "style", "template", "svg", "iframe", "object", "canvas"})
CODE_ELEMENTS = frozenset({"code", "kbd", "samp"})
CODE = "zxx"  # ISO 639's "no linguistic content": code is spelt as a computer reads it
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
SPOKEN_ATTRIBUTES = ("alt", "aria-label", "title", "placeholder")  # in that order, after the element's start
VALUE_INPUTS = frozenset({"button", "submit", "reset"})  # an <input>'s value is its label


@dataclass
class Spoken:
    """A page's text by language: `text[lang]` the runs read in that language (in page order)."""

    text: dict[str, list[str]] = field(default_factory=dict)

    def add(self, lang: str, run: str) -> None:
        if run.strip():
            self.text.setdefault(lang, []).append(run)

    def of(self, lang: str) -> str:
        return " ".join(self.text.get(lang, []))

    def others(self, lang: str) -> str:
        return " ".join(" ".join(runs) for other, runs in self.text.items() if other != lang)


def base_language(code: str) -> str:
    return code.strip().lower().split("-")[0]


class _Reader(HTMLParser):
    def __init__(self, page_lang: str):
        super().__init__(convert_charrefs=True)
        self.out = Spoken()
        # The open elements: (tag, language, silent). The document's language until an <html lang> says otherwise.
        self.stack: list[tuple[str, str, bool]] = [("#document", page_lang, False)]
        self.in_head = self.in_title = False

    @property
    def lang(self) -> str:
        return self.stack[-1][1]

    @property
    def silent(self) -> bool:
        return self.stack[-1][2]

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        lang = base_language(values["lang"]) if values.get("lang") else self.lang
        if tag in CODE_ELEMENTS:
            lang = CODE
        hidden = (values.get("aria-hidden") or "").strip().lower() == "true"
        silent = self.silent or tag in SILENT or hidden
        if tag == "head":
            self.in_head = True
        elif tag == "title" and self.in_head:
            self.in_title = True
        if not silent and not self.in_head:
            for name in SPOKEN_ATTRIBUTES:
                if values.get(name):
                    self.out.add(lang, values[name])
            if tag == "input" and (values.get("type") or "").lower() in VALUE_INPUTS and values.get("value"):
                self.out.add(lang, values["value"])
        if tag not in VOID:
            self.stack.append((tag, lang, silent))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        elif tag == "title":
            self.in_title = False
        # Close up to the matching element; an end tag with no open element of its name is ignored.
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self.silent or (self.in_head and not self.in_title):
            return
        self.out.add(self.lang, data)


def read_aloud(html: str, page_lang: str = "") -> Spoken:
    """The words of a page as a screen reader reads them, by language (`page_lang` until `<html lang>`)."""
    reader = _Reader(base_language(page_lang) if page_lang else "")
    reader.feed(html)
    reader.close()
    return reader.out
