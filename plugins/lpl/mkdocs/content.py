"""The MkDocs adapter: load the content once per change, write generated pages, add notices.

Thin on purpose: the model, loader and renderers know nothing of MkDocs, so a change of engine
(Material's end of life, MkDocs 2.0) touches only this file.
"""
from __future__ import annotations

import logging
import os
import re
from urllib.parse import urljoin
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..publish.pages import GENERATED_DIRS, generate_pages
from ..load import check
from ..editorial.preview import ENV as PREVIEW_ENV, preview_content, preview_file
from ..model import LANGUAGES, Content
from ..publish.downloads import plan_downloads, plan_pages, write_downloads
from ..publish.open_data import open_data_files

log = logging.getLogger("mkdocs.plugins.lpl")

WATCHED = ("data", "case_studies", "plans")
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


class ContentConfig(Config):
    root = config_options.Type(str, default=".")
    """Folder holding data/, case_studies/ and plans/, relative to mkdocs.yml."""
    preview_case_study = config_options.Type(str, default="")
    """Build only this case study (its slug), to preview it quickly; the LPL_ONLY environment variable
    sets it too (`scripts/preview.py`, `make preview SLUG=…`). Empty: the whole site."""


def current_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or "en"


def fingerprint(root: Path) -> tuple:
    """Names, sizes and times of every input file: cheap to take, changes when any input does."""
    found = []
    templates = Path(__file__).resolve().parent.parent / "render" / "templates"
    for folder in [root / name for name in WATCHED] + [templates]:
        if folder.is_dir():
            for dirpath, _, names in os.walk(folder):
                for name in names:
                    st = os.stat(os.path.join(dirpath, name))
                    found.append((dirpath, name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(found))


def docs_to_watch(docs: Path) -> list[tuple[Path, bool]]:
    """(path, recursive) pairs covering docs/ but the generated folders: docs/ and docs/<lang>/
    themselves, not recursively, and every other folder in them, recursively."""
    watched = [(docs, False)]
    for child in sorted(p for p in docs.iterdir() if p.is_dir()):
        if child.name in LANGUAGES:
            watched.append((child, False))
            watched += [(p, True) for p in sorted(child.iterdir()) if p.is_dir() and p.name not in GENERATED_DIRS]
        else:
            watched.append((child, True))
    return watched


class ContentPlugin(BasePlugin[ContentConfig]):
    def __init__(self):
        self.content: Content | None = None
        self._fingerprint: tuple | None = None
        self.preview = ""  # a case study's slug while previewing it alone
        self.plan_documents: dict[str, bytes] = {}  # .docx by file name, made in the content pass
        self.site_url = "/"

    def root(self, config) -> Path:
        return (Path(config.config_file_path).parent / self.config.root).resolve()

    def on_config(self, config):
        # Runs once per language build (static-i18n rebuilds per language): the fingerprint
        # makes every build after the first in a process reuse the loaded model.
        root = self.root(config)
        if os.environ.get(PREVIEW_ENV) or self.config.preview_case_study:
            # Guidance pages may link to case studies a preview leaves out: expected there, not a fault.
            config.validation.links.not_found = logging.INFO
        now = fingerprint(root)
        if now == self._fingerprint and self.content is not None:
            return config
        self.site_url = config.site_url or "/"  # the plan documents link to the site by absolute URLs
        self.preview = os.environ.get(PREVIEW_ENV) or self.config.preview_case_study
        try:  # a preview reads only its own case study (and data/): fast, and others' drafts cannot stop it
            paths = [preview_file(root, self.preview)] if self.preview else None
        except ValueError as problem:
            raise PluginError(f"{PREVIEW_ENV}={self.preview}: {problem}") from None
        content, problems = check(root, paths)
        for p in problems:
            if p.severity == "warning":
                log.info(str(p))  # editorial warnings: shown, never fatal (the page carries a notice)
        if content is None:
            errors = "\n".join(str(p) for p in problems if p.severity == "error")
            raise PluginError(f"The content has errors; nothing was built:\n{errors}\n"
                              "Run `python scripts/validate.py` to see them all.")
        for study in content.unpublished:
            log.info(f"{study.source_path}: unpublished: true — checked, but not published")
        if self.preview:
            content = preview_content(content)
            log.info(f"lpl: preview of {paths[0].name} only (other case studies and the plan documents are left out)")
        written = generate_pages(content, root, Path(config.docs_dir), self.extra_files(content, root), self.site_url)
        log.info(f"lpl: {len(content.case_studies)} case studies; {written} generated files updated")
        self.content, self._fingerprint = content, fingerprint(root)
        return config

    def extra_files(self, content: Content, root: Path) -> dict[str, dict[str, bytes]]:
        """Further generated files by language: the plan templates' pages (the .docx go to site/downloads/)
        and the open data (JSON, CSV, the Atom feed)."""
        # The .docx take seconds to remake and are not what a case-study preview is for.
        self.plan_documents = {} if self.preview else plan_downloads(content, self.site_url, root)
        files = plan_pages(content, self.plan_documents)
        for lang, data in open_data_files(content, self.site_url).items():
            files.setdefault(lang, {}).update(data)
        return files

    def on_post_build(self, config):
        # Both languages link to the same .docx at the site's root: written once, by the default
        # language's build (static-i18n keeps site_dir and only prefixes the other languages' pages).
        i18n = config.plugins.get("i18n")
        if getattr(i18n, "is_default_language_build", True):
            write_downloads(self.plan_documents, Path(config.site_dir))

    def on_post_template(self, output_content, template_name, config):
        # static-i18n builds Welsh into the same site_dir, so its 404.html would replace the English one:
        # keep the default language's at the root and put the Welsh one at /cy/404.html.
        if template_name != "404.html":
            return output_content
        i18n = config.plugins.get("i18n")
        if getattr(i18n, "is_default_language_build", True):
            self._root_404 = output_content
            return output_content
        target = Path(config.site_dir) / current_language(config) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output_content, encoding="utf-8")
        return getattr(self, "_root_404", output_content)

    def on_serve(self, server, config, builder):
        root = self.root(config)
        for name in WATCHED:
            if (root / name).is_dir():
                server.watch(str(root / name))
        # This plugin rewrites the generated folders during a build; were they watched, every saved
        # case study would set off a second, needless rebuild of the whole site. Watch the rest of
        # docs/ instead (a folder added to docs/<lang>/ while serving is watched from the next start).
        docs = Path(config.docs_dir)
        server.unwatch(str(docs))
        for path, recursive in docs_to_watch(docs):
            server.watch(str(path), recursive=recursive)
        return server

    @event_priority(-50)
    def on_page_markdown(self, markdown, page, config, files):
        # A draft translation is never presented as reviewed: the notice goes right after the title.
        if page.meta.get("translation") != "draft" or self.content is None:
            return markdown
        lang = current_language(config)
        notice = (f'!!! info "{self.content.label("draft_title", lang)}"\n\n'
                  f'    {self.content.label("draft_notice", lang)}\n\n')
        lines = markdown.split("\n")
        for i, line in enumerate(lines):
            if line.startswith("# "):
                return "\n".join(lines[: i + 1] + ["", notice] + lines[i + 1:])
        return notice + markdown

    @event_priority(-110)  # after static-i18n has written the alternates
    def on_post_page(self, output, page, config):
        # Crawlers and Lighthouse want absolute hreflang URLs; Material writes them relative.
        if not page.canonical_url:
            return output
        default = []

        def absolute(match):
            href = urljoin(page.canonical_url, match.group(1))
            if match.group(2) == "en":
                default.append(f'<link rel="alternate" href="{href}" hreflang="x-default">')
            return f'<link rel="alternate" href="{href}" hreflang="{match.group(2)}">'

        output = ALTERNATE.sub(absolute, output)
        if default:
            output = output.replace(default[0].replace("x-default", "en"), default[0].replace("x-default", "en") + default[0], 1)
        return output
