"""Every renderer's output, made in memory and read back by a parser of its kind (no build)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import docx
import pytest
import yaml
from harness import ROOT
from lpl.model import LANGUAGES, Language
from lpl.publish.outputs import Build, make_outputs
from lpl.render.plan_docx import write_plan_docx


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_generated_file_reads_back(content, lang):
    made = make_outputs(content, Build(ROOT, "https://example.org/", preview=True))
    kinds = set()
    for path, data in made.pages[lang].items():
        kind = path.rsplit(".", 1)[-1]
        kinds.add(kind)
        text = data.decode("utf-8") if kind in ("md", "json", "xml", "csv") else None
        if kind == "md":
            front, body = text.split("---\n", 2)[1:]
            assert isinstance(yaml.safe_load(front), dict) and body.lstrip().startswith("# "), path
        elif kind == "json":
            json.loads(text)
        elif kind == "xml":
            ET.fromstring(data)
        elif kind == "csv":
            rows = list(csv.DictReader(io.StringIO(text)))
            assert len(rows) == len(content.case_studies), path
    assert {"md", "json", "xml", "csv"} <= kinds


def test_a_plan_document_reopens_in_its_language(content):
    setting = content.plan.settings[0]
    document = docx.Document(io.BytesIO(write_plan_docx(content, setting, "cy", site_url="https://example.org/").data))
    assert document.paragraphs and document.tables


# Markdown and a link to another host, given to every label a test below marks: no braces, as labels are
# str.format-ted. None of it may render: a label is plain text on every page.
PAYLOAD = " *star* _under_ **bold** [away](https://elsewhere.example/) `code`"
RENDERED = ("<em>star</em>", "<em>under</em>", "<strong>bold</strong>", "<code>code</code>")


def site_markdown():
    """Python-Markdown as MkDocs makes it for this site: mkdocs.yml's extensions and their settings, read as MkDocs
    reads them (with the ones MkDocs always adds)."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})


def assert_plain(md, path: str, page: str) -> None:
    """The page's body, converted as the site converts it, shows the payload as text and links nowhere new."""
    body = page.split("\n---\n", 1)[-1]  # after the front matter
    html = md.reset().convert(body)
    assert "elsewhere.example" not in " ".join(re.findall(r'href="([^"]*)"', html)), path
    assert not [r for r in RENDERED if r in html], path


# And after every address of a source: a ')' a permitted address may hold would end a Markdown link early.
URL_PAYLOAD = ")*star*"
ADDRESSES = ("url_en", "url_cy", "en_source", "cy_source")


def with_payload(value, skip=("intro", "description", "facts")):
    """`value` (a model object) with PAYLOAD after every text in it, in both languages, and URL_PAYLOAD after every
    address of a source, but in the Markdown fields (`skip`: a framework's intro, a term's description), which are
    rendered as Markdown on purpose (escape.prose)."""
    import dataclasses

    from lpl.model import Text

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init or f.name in skip:
                continue
            field_value = getattr(value, f.name)
            if f.name in ADDRESSES:
                changes[f.name] = field_value and field_value + URL_PAYLOAD
            elif isinstance(value, Text) and f.name in LANGUAGES:
                changes[f.name] = field_value and field_value + PAYLOAD
            else:
                changes[f.name] = with_payload(field_value)
        return dataclasses.replace(value, **changes)
    if isinstance(value, (tuple, list)):
        return type(value)(with_payload(v) for v in value)
    if isinstance(value, dict):
        return {k: with_payload(v) for k, v in value.items()}
    return value


def test_generated_pages_write_labels_and_names_as_plain_text(content):
    """Every label of data/ui.yml and every one-line text of data/ (vocabulary labels and names, statements, the
    glossary's terms, sources' titles) is escaped where the generated pages write it: headings, admonition titles,
    definition lists, link texts, table cells, HTML. Converted with the site's own Markdown (mkdocs.yml), Markdown a
    label holds (the loader already refuses HTML, attribute lists and images in it) stays text, and links nowhere."""
    import dataclasses

    from lpl.render.pages import render_site_pages

    marked = dataclasses.replace(content, frameworks=with_payload(content.frameworks))
    assert marked.frameworks.labels["kind_summary"].en.endswith(PAYLOAD)
    assert marked.frameworks.settings.terms[0].label.cy.endswith(PAYLOAD)
    assert marked.frameworks.hallmarks.source.url_en.endswith(URL_PAYLOAD)
    md = site_markdown()
    for lang in LANGUAGES:
        pages = render_site_pages(marked, Language(lang), "https://example.org/")
        for path, page in pages.items():
            if path.endswith(".md"):
                assert_plain(md, f"{lang}/{path}", page)
        assert len(pages) > 50


def test_plan_pages_write_the_plans_labels_as_plain_text(content):
    """Every label of plans/plan.yml the plan pages show is escaped where it is written: Markdown a label holds
    (the loader already refuses HTML and attribute lists in it) stays text, and links nowhere."""
    import dataclasses

    from lpl.render.plan_pages import render_plan_pages

    plan = content.plan
    labels = {
        key: dataclasses.replace(text, en=(text.en or "") + PAYLOAD, cy=(text.cy or "") + PAYLOAD)
        for key, text in plan.labels.items()
    }
    marked = dataclasses.replace(content, plan=dataclasses.replace(plan, labels=labels))
    md = site_markdown()
    for lang in LANGUAGES:
        for path, page in render_plan_pages(marked, Language(lang), {}, {}).items():
            assert_plain(md, f"{lang}/{path}", page)
