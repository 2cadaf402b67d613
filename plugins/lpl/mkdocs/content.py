"""The MkDocs adapter (`lpl-content`): load the content once per change, write what it makes, edit pages on their way out.

Thin on purpose: each job is a call into a module free of MkDocs or a small one beside this (loading,
watch, i18n), so a change of engine (Material's end of life, MkDocs 2.0, ProperDocs) touches only lpl/mkdocs/.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..load.history import last_changed
from ..load.pages import page_sources
from ..model import LANGUAGES, Content, Language
from ..model.counting import rule_json
from ..publish.inputs import inputs_digest
from ..publish.outputs import Build, Outputs, make_outputs
from ..publish.page_dates import PageDates
from ..publish.pages import (
    FRONT_MATTER,
    GENERATED_DIRS,
    FrontMatterError,
    front_matter_problem,
    sync_pages,
    write_files,
)
from ..render.csp import content_security_policy
from ..render.facts import expand_markdown
from ..render.labels import label_case_links
from ..render.open_data import download_names
from ..render.page_html import (
    absolute_alternates,
    localised_permalinks,
    named_downloads,
    valid_toggles,
    with_draft_notice,
)
from ..render.sources import sources_section
from .i18n import current_language, is_default_language_build
from .loading import load_content
from .watch import watch

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.lpl")


class _Undated(str):
    """The `update_date` of a page whose content date is not known. MkDocs gives every page the build's date, which
    the sitemap would print as its `<lastmod>`; the sitemap template prints a date only when it is true, and MkDocs
    stamps sitemap.xml.gz with the newest ISO date of the pages: this one is false and, should no page have a date,
    stamps the epoch, as a reproducible gzip does."""

    def __bool__(self) -> bool:
        return False


UNDATED = _Undated("1970-01-01")


class ContentConfig(Config):
    root = config_options.Type(str, default=".")
    """Folder holding data/, case_studies/ and plans/, relative to mkdocs.yml."""
    preview_case_study = config_options.Type(str, default="")
    """Build only this case study (its slug), to preview it quickly. mkdocs.yml sets it from the LPL_ONLY
    environment variable (`scripts/preview.py`, `make preview SLUG=…`). Empty: the whole site."""


class ContentPlugin(BasePlugin[ContentConfig]):
    # The hooks are typed and keyword-only as MkDocs 1.6 declares them (mkdocs.plugins.BasePlugin).

    def __init__(self) -> None:
        self.content: Content | None = None
        self.outputs = Outputs()
        self._inputs: str | None = None  # the key of what self.content and self.outputs were made from
        self.dates: PageDates | None = None
        self._interface: dict[tuple, dict[str, str]] = {}
        self._root_404: str | None = None  # the default language's 404 page, kept at the site's root

    def root(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path).parent / self.config.root).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Runs once per language build (static-i18n rebuilds per language): keyed on every input and
        # setting, every build after the first in a process reuses the content and what it made.
        preview = self.config.preview_case_study
        if preview:  # guidance pages may link to case studies a preview leaves out: expected there, not a fault
            config.validation.links.not_found = logging.INFO
        root = self.root(config)
        build = Build(root, config.site_url or "/", preview=bool(preview))
        inputs = inputs_digest(root, build.site_url, preview)
        if self.content is not None and inputs == self._inputs:
            return config
        content = load_content(root, preview)
        self.outputs = make_outputs(content, build)
        try:
            written = sync_pages(self.outputs.pages, Path(config.docs_dir))
        except FrontMatterError as error:
            raise PluginError(str(error)) from None
        log.info("lpl: %d case studies; %d generated files updated", len(content.case_studies), written)
        self.content, self._inputs = content, inputs
        self.dates = PageDates.of(content, last_changed(root), root)
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if is_default_language_build(config):  # both languages link to the same files at the site's root
            write_files(self.outputs.files, Path(config.site_dir))

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
        # static-i18n builds Welsh into the same site_dir, so its 404.html would replace the English one:
        # keep the default language's at the root and put the Welsh one at /cy/404.html.
        if template_name != "404.html":
            return output_content
        output_content = valid_toggles(output_content)
        if self.content is not None:  # its links start at the site's root: "/cy/case-studies/index.csv"
            output_content = named_downloads(output_content, "", download_names(self.content))
        if is_default_language_build(config):
            self._root_404 = output_content
            return output_content
        target = Path(config.site_dir) / current_language(config) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output_content, encoding="utf-8")
        return self._root_404 if self._root_404 is not None else output_content

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer | None:
        watch(server, self.root(config), Path(config.docs_dir))
        return server

    @event_priority(-50)
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        # MkDocs leaves front matter it cannot read in the Markdown, silently: any page's, hand-written too.
        if FRONT_MATTER.match(markdown) or (not page.meta and markdown.startswith("---")):
            problem = front_matter_problem(markdown) or "its front matter was not read"
            raise PluginError(f"{page.file.src_uri}: {problem}; fix it so the page keeps its title and settings")
        if self.content is None:
            return markdown
        page.update_date = self.content_date(page)
        markdown = self.guidance(markdown, page, config)
        # A draft translation is never presented as reviewed.
        if page.meta.get("translation") != "draft":
            return markdown
        lang = current_language(config)
        return with_draft_notice(
            markdown, self.content.label("draft_title", lang), self.content.label("draft_notice", lang)
        )

    def content_date(self, page: Page) -> str:
        """The sitemap's `<lastmod>` for the page: when its content last changed (publish.page_dates)."""
        parts = page.file.src_uri.split("/")
        generated = len(parts) > 2 and parts[0] in LANGUAGES and parts[1] in GENERATED_DIRS
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        when = self.dates.page_date(page.meta, source, generated) if self.dates else None
        return when.isoformat() if when else UNDATED

    def guidance(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        """A hand-written guidance page: its facts (`[[fact:id]]`, checked by the loader) written out with their date
        and sources, its links to case studies labelled with their kind, as the generated lists are, and its
        "Sources" section from its front matter (a problem with them fails the build)."""
        if self.content is None or not page.file.abs_src_path:
            return markdown
        path = Path(page.file.abs_src_path)
        docs = Path(config.docs_dir).resolve()
        if path.parent.name not in LANGUAGES or path.resolve().parent.parent != docs:
            return markdown  # generated pages label their links and cite their sources themselves
        written_in = Language(path.parent.name)  # the page's own language, also when another language's build shows it
        found, problems = page_sources(path, path.resolve().relative_to(docs.parent).as_posix())
        if any(p.severity == "error" for p in problems):
            raise PluginError("\n".join(str(p) for p in problems))
        markdown = expand_markdown(markdown, self.content.frameworks.facts, written_in, self.content.label)
        markdown = label_case_links(markdown, self.content, written_in)
        if found:
            markdown += sources_section(
                found,
                written_in,
                self.content.label("sources", written_in),
                self.content.label("source_accessed", written_in),
            )
        return markdown

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        return self.theme_context(context, config)

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        return self.theme_context(context, config)

    def theme_context(self, context: TemplateContext, config: MkDocsConfig) -> TemplateContext:
        # The search's result count in the page's language, by its count rule (lpl/model/counting.py), and
        # data/ui.yml's labels for the theme's partials (the footer), 404.html included.
        values = cast(dict, context)
        if self.content is not None:
            lang = current_language(config)
            values["lpl_count"] = {"search": self.content.label("search_count", lang), "rule": rule_json(lang)}
        values["lpl_ui"] = self.interface(config)
        return context

    def interface(self, config: MkDocsConfig) -> dict[str, str]:
        """data/ui.yml's labels in the language being built."""
        if self.content is None:
            return {}
        lang = current_language(config)
        key = (id(self.content), lang)
        if key not in self._interface:
            self._interface = {key: {k: self.content.label(k, lang) for k in self.content.frameworks.labels}}
        return self._interface[key]

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.content is None:
            return html
        return localised_permalinks(html, self.content.label("permalink", current_language(config)))

    @event_priority(-110)  # after static-i18n has written the alternates
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        output = valid_toggles(output)
        if self.content is not None:
            output = named_downloads(output, page.url, download_names(self.content))
        if page.meta.get("lpl_csp"):  # "Make your plan": nothing may leave the device
            output = content_security_policy(output)
        return absolute_alternates(output, page.canonical_url) if page.canonical_url else output
