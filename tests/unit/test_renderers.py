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
from lpl.render.plan_docx import render_plan_docx


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
    document = docx.Document(io.BytesIO(render_plan_docx(content, setting, "cy", site_url="https://example.org/")))
    assert document.paragraphs and document.tables


def test_plan_pages_write_the_plans_labels_as_plain_text(content):
    """Every label of plans/plan.yml the plan pages show is escaped where it is written: Markdown a label holds
    (the loader already refuses HTML and attribute lists in it) stays text, and links nowhere."""
    import dataclasses

    import markdown
    from lpl.render.plan_pages import render_plan_pages

    payload = " *star* _under_ [away](https://elsewhere.example/) `code`"
    plan = content.plan
    labels = {
        key: dataclasses.replace(text, en=(text.en or "") + payload, cy=(text.cy or "") + payload)
        for key, text in plan.labels.items()
    }
    marked = dataclasses.replace(content, plan=dataclasses.replace(plan, labels=labels))
    for lang in ("en", "cy"):
        for path, page in render_plan_pages(marked, Language(lang), {}, {}).items():
            body = page.split("\n---\n", 1)[-1]  # after the front matter
            html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables"])
            assert "elsewhere.example" not in " ".join(re.findall(r'href="([^"]*)"', html)), path
            assert "<em>star</em>" not in html and "<code>code</code>" not in html, path
