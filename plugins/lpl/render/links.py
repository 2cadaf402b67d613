"""A link between the site's pages, kept as a docs path and an anchor, for every renderer: a relative `.md` link
for a generated page (MkDocs checks it in a strict build), a relative address for raw HTML (MkDocs rewrites
nothing there), an absolute address in a language for documents and data (Word plans, JSON-LD, feeds, open data).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Text, lang_prefix
from ..model.language import Language


def page_href(from_page: str, to_page: str) -> str:
    """From one docs page to another of the same language, as built (directory URLs)."""
    depth = from_page.count("/") + (0 if from_page.endswith("index.md") else 1)
    target = to_page[: -len("index.md")] if to_page.endswith("index.md") else to_page[: -len(".md")] + "/"
    return "../" * depth + target


@dataclass(frozen=True)
class Link:
    label: Text
    page: str  # a docs path such as "frameworks/entitlement.md"
    anchor: str | None = None

    def url(self, site_url: str, lang: Language) -> str:
        """The absolute address of the page in `lang` (directory URLs, Welsh under /cy/)."""
        path = self.page[: -len("index.md")] if self.page.endswith("index.md") else self.page[: -len(".md")] + "/"
        return f"{site_url.rstrip('/')}/{lang_prefix(lang)}{path}" + (f"#{self.anchor}" if self.anchor else "")

    def href(self, from_page: str) -> str:
        """The built page's address relative to another page's (for raw HTML, where MkDocs rewrites nothing)."""
        return page_href(from_page, self.page) + (f"#{self.anchor}" if self.anchor else "")

    def relative(self, from_page: str) -> str:
        """A relative `.md` link from another generated page (MkDocs checks it in a strict build)."""
        depth = from_page.count("/")
        return "../" * depth + self.page + (f"#{self.anchor}" if self.anchor else "")
