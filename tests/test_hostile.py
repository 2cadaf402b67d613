"""Hostile case studies (issue 14): every route in is refused at its line, in bounded time, with a
message that is safe to print; the tools refuse what would crash or overwrite."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from harness import ROOT, copy_project
from lpl.load import check

HOSTILE = ROOT / "tests" / "hostile"
BASE = (HOSTILE / "base.yml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with no case studies but the hostile corpus's image."""
    root = copy_project(tmp_path_factory.mktemp("hostile"))
    for f in (root / "case_studies").glob("*.yml"):
        f.unlink()
    shutil.copy2(HOSTILE / "hostile-diagram.png", root / "case_studies" / "images" / "hostile-diagram.png")
    return root


def errors_for(project: Path, text: str | bytes, name: str = "ysgol-hostile.yml") -> list:
    path = project / "case_studies" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    try:
        _, problems = check(project, [path])
    finally:
        path.unlink()
    return [p for p in problems if p.severity == "error"]


def test_the_base_file_is_valid(project):
    assert errors_for(project, BASE) == []


# --- Bounded work: nesting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nested",
    [
        "title: " + "[" * 5_000 + "]" * 5_000,  # a RecursionError traceback before
        "title: " + "[" * 100_000,  # a segmentation fault before (200 KB)
        "title: " + "{a: " * 40_000,  # a mapping 40,000 deep: a segmentation fault before
        "title:\n" + "".join(" " * i + "- \n" for i in range(1, 300)),  # block nesting by indentation
    ],
    ids=["list-5000", "list-100000", "mapping-40000", "block-300"],
)
def test_deep_nesting_is_refused_with_a_location(project, nested):
    start = time.perf_counter()
    errors = errors_for(project, nested)
    assert time.perf_counter() - start < 1
    assert len(errors) == 1 and "nested more than 20 levels deep" in errors[0].message, errors
    assert errors[0].line >= 1 and errors[0].column > 1


# --- Images ---------------------------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<rect width="10" height="10" onclick="alert(1)"/>', "'onclick'"),
        ("<foreignObject><p>x</p></foreignObject>", "<foreignObject>"),
        ('<use href="https://evil.example/x.svg#a"/>', "another file or address"),
        ('<rect fill="url(https://evil.example/p.svg#g)"/>', "another file"),
        ('<rect style="fill:url(x.svg)"/>', "'style'"),
    ],
)
def test_an_svg_that_does_more_than_draw_is_refused_at_its_path(project, body, said):
    (project / "case_studies" / "images" / "hostile.svg").write_text(SVG.format(body), encoding="utf-8")
    text = BASE.replace("path: images/hostile-diagram.png", "path: images/hostile.svg")
    errors = errors_for(project, text)
    assert [(e.line, said in e.message) for e in errors] == [
        (text.splitlines().index("  - path: images/hostile.svg") + 1, True)
    ], errors


def test_the_projects_own_svg_diagrams_are_accepted(project):
    shutil.copy2(next((ROOT / "case_studies" / "images").glob("*.svg")), project / "case_studies" / "images" / "d.svg")
    assert errors_for(project, BASE.replace("images/hostile-diagram.png", "images/d.svg")) == []


def test_a_raster_image_must_be_what_its_name_says(project):
    (project / "case_studies" / "images" / "fake.png").write_text(SVG.format("<script>alert(1)</script>"))
    errors = errors_for(project, BASE.replace("images/hostile-diagram.png", "images/fake.png"))
    assert len(errors) == 1 and "not a PNG image" in errors[0].message


# --- Messages safe to print in CI -----------------------------------------------------------------

LPL = "import sys; from lpl.cli import main; sys.exit(main(sys.argv[1:]))"  # the `lpl` command


def test_messages_print_control_characters_and_workflow_commands_as_text(project):
    forged = BASE + '"x\\n::error file=README.md,line=1::forged\\u001b[31m": 1\n'
    path = project / "case_studies" / "ysgol-forged.yml"
    path.write_text(forged, encoding="utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-c", LPL, "validate", "--github", "--root", str(project), str(path)],
            capture_output=True,
            text=True,
            cwd=project,
        )
    finally:
        path.unlink()
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any("control character" in line for line in lines), result.stdout
    for line in lines:
        assert "\x1b" not in line
        if line.startswith("::"):  # our own annotation: the real file, on its one line
            assert re.match(r"^::error file=case_studies/ysgol-forged\.yml,line=\d+,col=\d+::", line), line
            assert "::" not in line.split("::", 2)[2]
        else:
            assert line.startswith("case_studies/ysgol-forged.yml:"), line


# --- make_plan.py ---------------------------------------------------------------------------------


def make_plan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/make_plan.py", "--lang", "en", "--setting", "primary", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_make_plan_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "plan.docx"
    out.write_bytes(b"a plan someone filled in")
    refused = make_plan("-o", str(out))
    assert refused.returncode == 2 and "already exists" in refused.stderr and "--force" in refused.stderr
    assert out.read_bytes() == b"a plan someone filled in"
    assert make_plan("-o", str(out), "--force").returncode == 0
    assert out.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("school", "said"),
    [
        ("Ysgol\x07Gynradd", "control character"),
        ("Ysgol\u202eGynradd", "control character"),
        ("x" * 100_000, "the limit is 200"),
    ],
)
def test_make_plan_refuses_school_names_word_cannot_hold(tmp_path, school, said):
    result = make_plan("-o", str(tmp_path / "p.docx"), "--school", school)
    assert result.returncode == 2 and said in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "p.docx").exists()


# --- Every text field × every way in: refused on its line -----------------------------------------

FIELDS = {  # a line of base.yml holding one text field → its name in messages
    '  en: "Peer coaching across two schools"': "title.en",
    '  cy: "Hyfforddi cymheiriaid ar draws dwy ysgol"': "title.cy",
    '  - name: "Ysgol Hostile One"': "schools[0].name",
    '      en: "Hostile Two Primary School"': "schools[1].name.en",
    '      cy: "Ysgol Gynradd Hostile Dau"': "schools[1].name.cy",
    '  en: "Two schools coached each other for a year."': "summary.en",
    '  cy: "Bu dwy ysgol yn hyfforddi ei gilydd am flwyddyn."': "summary.cy",
    '  en: "Two small schools in Gwynedd."': "context.en",
    '  cy: "Parodd athrawon ar draws yr ysgolion."': "approach.cy",
    '  en: "Staff reported more confidence."': "impact.en",
    '  cy: "Dechreuwch yn fach."': "advice.cy",
    '      en: "Professional learning on Hwb"': "resources[0].title.en",
    '      en: "A diagram of the coaching cycle"': "images[0].alt.en",
    '      cy: "Diagram o\'r cylch hyfforddi"': "images[0].alt.cy",
    '      en: "The coaching cycle"': "images[0].caption.en",
    '  name: "Alex Example"': "contact.name",
    '    en: "Deputy headteacher"': "contact.role.en",
}
PAYLOADS = {
    "raw-html": "Text <img src=x onerror=alert(1)> more",
    "event-attribute-list": 'Text {: onclick="alert(1)" }',
    "entity-encoded-scheme": "See [this](&#106;avascript:alert(1))",
    "reference-link": "See [this][r]\n\n[r]: vbscript:msgbox(1)",
    "markdown-break-out": "x](javascript:alert(1)){onerror=alert(1)} ![y",
}


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
@pytest.mark.parametrize("line_text", FIELDS, ids=FIELDS.values())
def test_every_text_field_refuses_every_way_in_on_its_line(project, line_text, payload):
    key = line_text.split(":", 1)[0]
    text = BASE.replace(line_text, f"{key}: {json.dumps(payload)}")
    line = text.splitlines().index(f"{key}: {json.dumps(payload)}") + 1
    errors = errors_for(project, text)
    assert [(e.line, FIELDS[line_text] in e.message) for e in errors] == [(line, True)], errors


@pytest.mark.parametrize(
    ("line_text", "value", "said"),
    [
        (
            '    url: "https://hwb.gov.wales/professional-development"',
            "https://a.example/){onmouseover=alert(1)}",
            "braces",
        ),
        (
            '    url: "https://hwb.gov.wales/professional-development"',
            "&#x6A;avascript:alert(1)",
            "must start with https",
        ),
        ('    url: "https://hwb.gov.wales/professional-development"', "https://" + "a" * 60_000 + " x", "longer than"),
        ('  email: "alex@ysgol.example.org"', "a@b.co><svg/onload=alert(1)>", "not a web domain"),
        ('  email: "alex@ysgol.example.org"', "a@" + "." * 60_000, "longer than 254"),
        ('  email: "alex@ysgol.example.org"', "Alex <alex@ysgol.example.org>", "not an e-mail address"),
    ],
)
def test_addresses_are_parsed_and_refused_on_their_line_in_bounded_time(project, line_text, value, said):
    key = line_text.split(":", 1)[0]
    text = BASE.replace(line_text, f"{key}: {json.dumps(value)}")
    start = time.perf_counter()
    errors = errors_for(project, text)
    assert time.perf_counter() - start < 1
    assert [(e.line, said in e.message) for e in errors] == [
        (text.splitlines().index(f"{key}: {json.dumps(value)}") + 1, True)
    ], errors


INERT = sorted((HOSTILE / "inert").glob("*.yml"))
ACCEPTED = {"hostile-innocent-quotes", "hostile-summary-meta-refresh"}  # inert at output (test_hostile_browser.py)


@pytest.mark.parametrize("path", [p for p in INERT if p.stem not in ACCEPTED], ids=lambda p: p.stem)
def test_the_browser_corpus_is_refused_at_the_line_of_its_attack(project, path):
    shutil.copy2(HOSTILE / "inert" / "images" / "hostile-script.svg", project / "case_studies" / "images")
    text = path.read_text(encoding="utf-8")
    lines = {
        i
        for i, t in enumerate(text.splitlines(), 1)
        if any(mark in t for mark in ("alert(", "msgbox", "data:text", "hostile-script.svg"))
    }
    errors = errors_for(project, text)
    # every attack is refused on its own line (a summary's file also has a contact, which summaries may not)
    assert lines and {e.line for e in errors if "'contact'" not in e.message} == lines, errors


# --- Slugs of the catalogue's own pages ------------------------------------------------------------


def test_generated_page_names_are_the_reserved_slugs():
    from lpl.load import load
    from lpl.model.case_study import is_generated_page
    from lpl.render.pages import render_site_pages

    content = load(ROOT)
    slugs = {s.slug for s in content.case_studies}
    pages = render_site_pages(content, "en")
    own = {p.split("/")[1].split(".")[0] for p in pages if p.startswith("case-studies/")} - slugs
    linked = set(re.findall(r"\]\(([a-z0-9-]+)\.(?:xml|json|csv)\)", pages["case-studies/index.md"]))
    assert "page-2" in own  # more case studies than one catalogue page holds: the further pages are checked too
    assert all(is_generated_page(name) for name in own | linked | {"images"}), {
        name for name in own | linked if not is_generated_page(name)
    }


@pytest.mark.parametrize("slug", ["index", "by-setting", "by-kind", "feed", "cards", "page-2", "page-40"])
def test_a_slug_of_a_generated_page_is_refused(project, slug):
    errors = errors_for(project, BASE, name=f"{slug}.yml")
    assert [(e.line, "would replace the catalogue's own page") for e in errors] == [(1, True)] or [
        ("would replace the catalogue's own page" in e.message) for e in errors
    ] == [True], errors
