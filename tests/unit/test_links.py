"""Links and addresses in what the renderers make, checked in memory (no build): a broken link is found in
milliseconds here, and again by the strict build in tests/test_build.py and tests/test_site.py."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin, urlsplit

import pytest
from harness import ROOT
from lpl.model import LANGUAGES
from lpl.model.plan import PLAN_LANGUAGES
from lpl.publish.outputs import Build, make_outputs
from lpl.render.plan_pages import DOWNLOADS_DIR, downloads_href
from lpl.render.plan_view import docx_name

MARKDOWN_LINK = re.compile(r"\]\(<?([^)\s<>]+)>?\)")  # [text](address) or [text](<address>)
RAW_HREF = re.compile(r'href="([^"]+)"')
SITE = "https://example.org/"


@pytest.fixture(scope="module")
def made(content):
    return make_outputs(content, Build(ROOT, SITE, preview=True))


def docs_files(lang: str) -> set[str]:
    """Hand-written files of a language, by path under docs/<lang>/."""
    base = ROOT / "docs" / lang
    return {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file()}


def page_url(lang: str, path: str) -> str:
    """The address MkDocs gives a page (directory URLs), under the language's root."""
    stem = path[: -len(".md")]
    folder = "" if stem == "index" else stem[: -len("index")] if stem.endswith("/index") else stem + "/"
    return SITE + ("" if lang == "en" else f"{lang}/") + folder


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_relative_link_in_a_generated_page_reaches_a_page_of_the_same_language(made, lang):
    known = docs_files(lang) | set(made.pages[lang])
    broken = []
    for path, data in made.pages[lang].items():
        if not path.endswith(".md"):
            continue
        for target in MARKDOWN_LINK.findall(data.decode("utf-8")):
            if urlsplit(target).scheme or target.startswith(("#", "/")) or not urlsplit(target).path:
                continue
            # A filtered catalogue link (index.md?hallmark=…) reaches the catalogue page: the query is for its script.
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), urlsplit(target).path))
            if resolved not in known:
                broken.append(f"docs/{lang}/{path}: {target}")
    assert broken == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_download_links_reach_the_documents_at_the_sites_root_from_every_plan_page(made, content, lang):
    names = {docx_name(setting, doc_lang) for setting in content.plan.settings for doc_lang in PLAN_LANGUAGES}
    found = set()
    for path, data in made.pages[lang].items():
        for href in RAW_HREF.findall(data.decode("utf-8")):
            if href.endswith(".docx"):
                url = urljoin(page_url(lang, path), href)
                assert url.startswith(f"{SITE}{DOWNLOADS_DIR}/"), f"docs/{lang}/{path}: {href} → {url}"
                found.add(url.rsplit("/", 1)[1])
    assert found == names


@pytest.mark.parametrize(
    ("page", "lang", "expected"),
    [
        ("plan-templates/index.md", "en", "https://example.org/downloads/x.docx"),
        ("plan-templates/primary.md", "en", "https://example.org/downloads/x.docx"),
        ("plan-templates/index.md", "cy", "https://example.org/downloads/x.docx"),
        ("plan-templates/primary.md", "cy", "https://example.org/downloads/x.docx"),
    ],
)
def test_downloads_href_counts_the_folders_a_page_sits_in(page, lang, expected):
    assert urljoin(page_url(lang, page), downloads_href(page, lang, "x.docx")) == expected


def test_page_url_follows_directory_urls():
    assert page_url("en", "index.md") == SITE
    assert page_url("cy", "case-studies/index.md") == SITE + "cy/case-studies/"
    assert page_url("en", "case-studies/x.md") == SITE + "case-studies/x/"
