"""Everything a build makes from the content, made in one place, once per change of the content.

Each output is a function `(content, build) -> Outputs`: pages by language (written into docs/<lang>/,
where static-i18n localises them: switcher, hreflang, sitemap) and files (written once under site/,
for both languages). To add an output (a feed, a data file, another document), write such a function
and add it to OUTPUTS. Free of MkDocs: the plugin calls `make_outputs`, then `sync_pages` and `write_files`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import LANGUAGES, Content
from ..render.facts import content_with_facts
from ..render.pages import render_site_pages
from ..render.plan_pages import DOWNLOADS_DIR
from ..render.robots import robots_txt
from .downloads import plan_downloads, plan_pages, site_downloads, template_packs
from .open_data import open_data_files


@dataclass(frozen=True)
class Build:
    """What an output may need besides the content."""

    root: Path  # the project: data/, case_studies/, plans/
    site_url: str = "/"  # absolute links (the .docx link to the site)
    preview: bool = False  # one case study previewed: leave out what takes seconds and is not being previewed


@dataclass(frozen=True)
class Outputs:
    pages: dict[str, dict[str, bytes]] = field(default_factory=dict)  # language → path under docs/<lang>/ → bytes
    files: dict[str, bytes] = field(default_factory=dict)  # path under site/ → bytes


def site_pages(content: Content, build: Build) -> Outputs:
    """The case studies' and frameworks' pages, with the case studies' images beside them."""
    images = {
        f"case-studies/{image.path}": (build.root / "case_studies" / image.path).read_bytes()
        for study in content.case_studies
        for image in study.images
    }
    return Outputs(
        pages={
            lang: {path: md.encode("utf-8") for path, md in render_site_pages(content, lang, build.site_url).items()}
            | images
            for lang in LANGUAGES
        }
    )


def plan_templates(content: Content, build: Build) -> Outputs:
    """The plan templates as .docx (from the cache when unchanged) and, with the plans alone, as a script
    per setting for "Make your plan"; their downloads page, printable pages and the "Make your plan" page."""
    documents = {} if build.preview else plan_downloads(content, build.site_url, build.root)
    packs = template_packs(content.plan, documents)
    return Outputs(
        pages=plan_pages(content, documents, packs),
        files={f"{DOWNLOADS_DIR}/{name}": data for name, data in site_downloads(content, documents, packs).items()},
    )


def open_data(content: Content, build: Build) -> Outputs:
    """JSON, CSV and the Atom feed of each language, with the JSON Schemas they follow."""
    return Outputs(pages=open_data_files(content, build.site_url))


def robots(content: Content, build: Build) -> Outputs:
    """robots.txt at the site's root, naming the sitemap."""
    return Outputs(files={"robots.txt": robots_txt(build.site_url).encode("utf-8")})


Output = Callable[[Content, Build], Outputs]
OUTPUTS: tuple[Output, ...] = (site_pages, plan_templates, open_data, robots)


def make_outputs(content: Content, build: Build, outputs: tuple[Output, ...] = OUTPUTS) -> Outputs:
    """All outputs together; two outputs making the same path is a mistake, not an override. Every output sees
    the texts of data/ and plans/ with their facts (`[[fact:id]]`) written out."""
    content = content_with_facts(content)
    pages: dict[str, dict[str, bytes]] = {lang: {} for lang in LANGUAGES}
    files: dict[str, bytes] = {}
    for output in outputs:
        made = output(content, build)
        for lang, by_path in made.pages.items():
            _add(pages[lang], by_path, output, f"docs/{lang}/")
        _add(files, made.files, output, "site/")
    return Outputs(pages, files)


def _add(into: dict[str, bytes], new: dict[str, bytes], output: Output, where: str) -> None:
    clash = sorted(into.keys() & new.keys())
    if clash:
        raise ValueError(f"{output.__name__} makes {where}{clash[0]}, which another output makes too")
    into.update(new)
