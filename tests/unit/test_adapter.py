"""The MkDocs adapter's hooks (`lpl.mkdocs.content.ContentPlugin`), called in process as MkDocs calls them, on
the real mkdocs.yml of a copy of the project: no site build. (tests/test_build.py and the rest build for real.)"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from harness import copy_project
from lpl.mkdocs.content import UNDATED
from lpl.model.plan import PLAN_LANGUAGES
from lpl.publish import downloads
from lpl.render.plan_docx import PlanDocument
from lpl.render.plan_view import docx_name
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

SITE_URL = "https://example.org/lpl/"


@pytest.fixture
def made(monkeypatch) -> list[str]:
    """Each making of the plan documents, by a quick stand-in (the real ones: tests/test_plans.py)."""
    calls: list[str] = []

    def make(content, site_url):
        calls.append(site_url)
        document = io.BytesIO()
        with zipfile.ZipFile(document, "w") as docx:  # the template pack reads each document's parts
            docx.writestr("word/document.xml", site_url)
        return {  # each template and its plan alone (guidance=False)
            docx_name(s, lang, guidance=g): PlanDocument(document.getvalue(), frozenset())
            for s in content.plan.settings
            for lang in PLAN_LANGUAGES
            for g in (True, False)
        }

    monkeypatch.setattr(downloads, "make_documents", make)
    return calls


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    for name in ("LPL_ONLY", "SITE_URL"):  # mkdocs.yml reads them: the tests set what they need
        monkeypatch.delenv(name, raising=False)
    return copy_project(tmp_path / "project")


def configure(project: Path, **options):
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"), **options)
    return config, config.plugins["lpl-content"]


def page_of(config, src_uri: str) -> Page:
    """A page as MkDocs has it when on_page_markdown runs: its Markdown and front matter read."""
    page = Page(None, File(src_uri, config.docs_dir, config.site_dir, True), config)
    page.read_source(config)
    return page


def markdown_of(plugin, config, page: Page) -> str:
    return plugin.on_page_markdown(page.markdown, page=page, config=config, files=Files([page.file]))


def test_on_config_makes_the_pages_once_and_again_when_an_input_or_the_address_changes(project, made):
    config, plugin = configure(project, site_url=SITE_URL)
    plugin.on_config(config)
    first = plugin.content
    study = first.case_studies[0]
    generated = project / "docs" / "en" / "case-studies" / f"{study.slug}.md"
    assert generated.is_file() and (project / "docs" / "cy" / "case-studies" / f"{study.slug}.md").is_file()
    assert made == [SITE_URL]
    plugin.on_config(config)  # static-i18n's second language build: nothing changed, nothing made again
    assert plugin.content is first and made == [SITE_URL]
    source = project / "case_studies" / f"{study.slug}.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(study.title.en, "A title changed"), encoding="utf-8")
    plugin.on_config(config)
    assert plugin.content is not first and "A title changed" in generated.read_text(encoding="utf-8")
    config.site_url = "https://elsewhere.example/"
    plugin.on_config(config)
    assert made == [SITE_URL, SITE_URL, "https://elsewhere.example/"]  # the documents link to the site


def test_a_content_error_fails_the_build_with_the_located_message(project, made):
    path = sorted((project / "case_studies").glob("*.yml"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("\nkind: ", "\nkind: nonsense-", 1), encoding="utf-8")
    config, plugin = configure(project)
    with pytest.raises(PluginError, match=rf"case_studies/{path.name}:\d+:\d+: error: 'kind' must be one of"):
        plugin.on_config(config)
    assert made == []


def test_a_preview_loads_one_case_study_and_makes_no_documents(project, made):
    slug = sorted((project / "case_studies").glob("*.yml"))[1].stem
    config, plugin = configure(project, plugins={"lpl-content": {"preview_case_study": slug}})
    plugin.on_config(config)
    assert [s.slug for s in plugin.content.case_studies] == [slug] and made == []


def test_on_page_markdown_dates_labels_cites_and_marks_drafts(project, made):
    config, plugin = configure(project, site_url=SITE_URL)
    plugin.on_config(config)
    content = plugin.content
    # A hand-written page: its case-study links labelled with their kind, its "Sources" section, no date
    # (the copy has no git history; the build's date would be wrong).
    study = next(s for s in content.case_studies if s.kind == "illustrative")
    guidance = project / "docs" / "en" / "inset.md"
    guidance.write_text(
        guidance.read_text(encoding="utf-8") + f"\nSee [a case](case-studies/{study.slug}.md).\n", encoding="utf-8"
    )
    page = page_of(config, "en/inset.md")
    out = markdown_of(plugin, config, page)
    assert f"[a case](case-studies/{study.slug}.md) " in out and content.label("kind_illustrative", "en") in out
    assert content.label("sources", "en") in out.rsplit("\n#", 1)[-1]  # the last section
    assert page.update_date == UNDATED and not page.update_date
    # A generated case-study page: its date is the case study's.
    page = page_of(config, f"cy/case-studies/{study.slug}.md")
    markdown_of(plugin, config, page)
    assert page.update_date == (study.last_reviewed or study.published).isoformat()
    # A draft Welsh page says so at its top, in the Welsh build.
    config.plugins["i18n"].current_language = "cy"
    draft = next(p for p in sorted((project / "docs" / "cy").glob("*.md")) if "\ntranslation: draft" in p.read_text())
    out = markdown_of(plugin, config, page_of(config, f"cy/{draft.name}"))
    assert content.label("draft_notice", "cy") in out


def test_a_guidance_page_without_sources_fails_the_build(project, made):
    config, plugin = configure(project)
    plugin.on_config(config)
    guidance = project / "docs" / "en" / "inset.md"
    text = guidance.read_text(encoding="utf-8")
    guidance.write_text("---\ntitle: INSET\n---\n" + text.split("\n---\n", 1)[1], encoding="utf-8")
    with pytest.raises(PluginError, match=r"docs/en/inset\.md:1:1: error: a guidance page must name its sources"):
        markdown_of(plugin, config, page_of(config, "en/inset.md"))


def test_on_post_page_adds_the_csp_where_asked_and_makes_alternates_absolute(project):
    config, plugin = configure(project, site_url=SITE_URL)
    page = page_of(config, "en/inset.md")  # at en/inset/ here: static-i18n moves it to /inset/ in a build
    html = '<html><head><link rel="alternate" href="../../cy/inset/" hreflang="cy"></head><body></body></html>'
    out = plugin.on_post_page(html, page=page, config=config)
    assert f'href="{SITE_URL}cy/inset/" hreflang="cy"' in out and "Content-Security-Policy" not in out
    page.meta["lpl_csp"] = True
    assert "Content-Security-Policy" in plugin.on_post_page(html, page=page, config=config)


def test_the_files_and_the_404_page_are_written_once_per_language(project, made):
    config, plugin = configure(project, site_url=SITE_URL)
    plugin.on_config(config)
    i18n = config.plugins["i18n"]
    i18n.current_language = "en"
    plugin.on_post_build(config=config)
    assert (project / "site" / "robots.txt").is_file() and (project / "site" / "downloads").is_dir()
    assert plugin.on_post_template("English 404", template_name="404.html", config=config) == "English 404"
    i18n.current_language = "cy"
    (project / "site" / "robots.txt").unlink()
    plugin.on_post_build(config=config)  # the Welsh build writes no second copy of the site's files
    assert not (project / "site" / "robots.txt").exists() and not (project / "site" / "cy" / "downloads").exists()
    assert plugin.on_post_template("404 Cymraeg", template_name="404.html", config=config) == "English 404"
    assert (project / "site" / "cy" / "404.html").read_text(encoding="utf-8") == "404 Cymraeg"
