"""A second engine, kept working: ProperDocs (a maintained fork of MkDocs 1.x, same plugins and theme) builds
the same site as MkDocs: the same addresses, and on each page the same main text. One extra build; deselect with
`-m "not second_engine"` when iterating."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from harness import copy_project, mkdocs_build

pytestmark = pytest.mark.second_engine


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("properdocs"))
    result = mkdocs_build(project, engine="properdocs")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def addresses(site: Path) -> set[str]:
    """Every file the site serves, by path; compressed and generated-at-build-time files (sitemap.xml.gz) included."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def main_text(page: Path) -> str:
    article = lxml.html.fromstring(page.read_bytes()).xpath("//article")
    return re.sub(r"\s+", " ", article[0].text_content()).strip() if article else ""


def test_properdocs_serves_the_same_addresses(built_site, properdocs_site):
    ours, theirs = addresses(built_site), addresses(properdocs_site)
    assert sorted(ours - theirs) == [] and sorted(theirs - ours) == []


def test_properdocs_pages_have_the_same_main_text(built_site, properdocs_site):
    pages = sorted(p.relative_to(built_site) for p in built_site.rglob("*.html"))
    assert len(pages) > 80
    differ = [str(p) for p in pages if main_text(built_site / p) != main_text(properdocs_site / p)]
    assert differ == []
    assert all(main_text(built_site / p) for p in pages if p.name == "index.html" and "search" not in p.parts)
