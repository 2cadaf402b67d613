"""The MkDocs adapter of lpl.search (`lpl-search` in mkdocs.yml, in place of Material's `search`).

Collects each page's rendered content and, after each language's build (static-i18n builds the
site once per language), writes that language's index, split into pieces (`lpl.search.shards`),
under the language's root. Pages point at their language's manifest only; lpl-search.js fetches it
when the reader opens the search box, then only the pieces a query needs.
"""

from __future__ import annotations

import logging
import shutil
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url

from ..search.index import PageText, build_index
from ..search.shards import split_index
from .i18n import language_root

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.lpl.search")


class SearchConfig(Config):
    index_dir = config_options.Type(str, default="search/lpl")
    """Where each language's index pieces are written, under that language's root (/ or /cy/)."""


class SearchPlugin(BasePlugin[SearchConfig]):
    # The hooks are typed and keyword-only as MkDocs 1.6 declares them (mkdocs.plugins.BasePlugin).

    def __init__(self) -> None:
        self.pages: list[PageText] = []

    def index_uri(self, config: MkDocsConfig) -> str:
        return language_root(config)[1] + self.config.index_dir.strip("/") + "/manifest.json"

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.pages = []

    @event_priority(-200)  # last: the content as the reader gets it
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        search = page.meta.get("search")
        if not (isinstance(search, dict) and search.get("exclude")):
            location = get_relative_url(page.url or ".", self.index_uri(config))
            # Titles are HTML to Material (front matter is written escaped: lpl.render.escape); the index holds text.
            self.pages.append(PageText(location, unescape(page.title or ""), html))
        return html

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        cast(dict, context)["lpl_search_index"] = get_relative_url(self.index_uri(config), page.url or ".")
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        # The 404 page is served at any depth: point at the index from the site's root path.
        cast(dict, context)["lpl_search_index"] = (
            urlsplit(config.site_url or "/").path.rstrip("/") + "/" + self.index_uri(config)
        )
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        lang, _ = language_root(config)
        files = split_index(build_index(self.pages, lang))
        folder = (Path(config.site_dir) / self.index_uri(config)).parent
        shutil.rmtree(folder, ignore_errors=True)  # no pieces of an earlier build left behind
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        log.info(
            "lpl-search: %s index, %d pages, %d files, %d KiB",
            lang,
            len(self.pages),
            len(files),
            sum(map(len, files.values())) // 1024,
        )
