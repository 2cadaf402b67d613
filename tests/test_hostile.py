"""Hostile case studies (issues 14 and 23): every route in is refused at its line, in bounded time, with a
message that is safe to print; the tools refuse what would crash or overwrite."""

from __future__ import annotations

import functools
import io
import json
import re
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from harness import ROOT, copy_project
from hostile import corpus
from lpl.load import check, check_case_study, load_data

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


@functools.cache
def frameworks_of(project: Path):
    """data/ read once per project copy: checking one case study is then what the validator does per file."""
    problems: list = []
    frameworks = load_data(project, problems)
    assert frameworks is not None and not problems, problems
    return frameworks


def errors_for(project: Path, text: str | bytes, name: str = "ysgol-hostile.yml") -> list:
    path = project / "case_studies" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    try:
        _, problems = check_case_study(path, project, frameworks_of(project))
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


# === Second round (issue 23): a corpus generated from (field, payload) pairs: tests/hostile/corpus.py ======

REFUSED = [
    *corpus.character_cases(),
    *corpus.markup_cases(),
    *corpus.address_cases(),
    *corpus.date_cases(),
    *corpus.size_cases(),
    *corpus.image_path_cases(),
]


def test_the_summary_variant_of_the_base_file_is_valid(project):
    assert errors_for(project, corpus.SUMMARY) == []


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.name)
def test_each_attack_is_refused_once_on_its_line_in_plain_words(project, case):
    errors = errors_for(project, case.text)
    assert [(e.line, case.said in e.message, case.field in e.message) for e in errors] == [(case.line, True, True)], (
        errors
    )
    assert "Traceback" not in str(errors[0]) and "\x1b" not in str(errors[0])


def test_official_welsh_quoted_from_an_address_with_user_information_is_refused():
    """Data files' texts (cy_source) are read by the same Checker and the same address parser."""
    from lpl.load.checks import Checker
    from lpl.load.source import parse_yaml

    doc, _ = parse_yaml(
        f'label:\n  en: A\n  cy: B\n  cy_status: reviewed\n  cy_source: "{corpus.USER_INFO}"\n', "d.yml"
    )
    checker = Checker(doc)
    checker.text(("label",))
    assert [(p.line, "'@'" in p.message) for p in checker.problems] == [(5, True)], checker.problems


@pytest.mark.parametrize(
    ("file", "payload", "said"),
    [
        ("data/hallmarks.yml", "Hallmarks <img src=x onerror=alert(1)>", "contains HTML"),
        ("data/ui.yml", "Case studies {: onclick=alert(1) }", "attribute list"),
        ("data/hallmarks.yml", "[Hallmarks](javascript:alert(1))", "links to"),
        ("data/hallmarks.yml", "Hallmarks \x7f", "U+007F"),
    ],
)
def test_a_data_text_goes_through_the_same_text_rule(project_copy, file, payload, said):
    """data/ and plans/ are written by pull request too: every text there is checked by the one rule."""
    path = project_copy / file
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if re.match(r"^ +en: [A-Z]", line) or "{en: Case studies" in line)
    lines[at] = re.sub(r"(en: )[^,}]+", lambda m: m.group(1) + corpus.quoted(payload), lines[at], count=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    content, problems = check(project_copy)
    errors = [p for p in problems if p.severity == "error"]
    assert content is None and [(e.path, e.line, said in e.message) for e in errors] == [(file, at + 1, True)], errors


@pytest.mark.parametrize(
    ("file", "line_text", "value"),
    [
        ("data/regions.yml", "  - id: gwe", '"gwe } x"'),
        ("data/standards.yml", '  - version: "2017"', '"2017 x"'),
        ("data/language_categories.yml", '  - scheme: "2023"', '"20/23"'),
        ("data/entitlement.yml", "      - id: leaders-1", '"leaders-1 }"'),
    ],
)
def test_every_name_that_becomes_an_anchor_or_a_filter_value_is_a_slug(project_copy, file, line_text, value):
    """A region's id, a standards version, a language scheme and an Entitlement statement's id are written
    unescaped where anchors, filter values and addresses are built (`{ #id }`, data-* attributes, ?facet=id), as a
    term's id is: each is refused on its line unless it is lowercase words joined by hyphens."""
    path = project_copy / file
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(line_text)
    lines[at] = line_text.split(": ", 1)[0] + ": " + value
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    content, problems = check(project_copy)
    assert content is None
    assert any(p.path == file and p.line == at + 1 and "lowercase words" in p.message for p in problems), problems


@pytest.mark.parametrize(("svg", "said"), corpus.SVGS.values(), ids=corpus.SVGS.keys())
def test_an_svg_that_fetches_or_multiplies_is_refused_at_its_path(project, svg, said):
    (project / "case_studies" / "images" / "hostile2.svg").write_text(svg, encoding="utf-8")
    text, line = corpus.put(corpus.IMAGE_PATH, "images/hostile2.svg")
    start = time.process_time()
    errors = errors_for(project, text)
    assert time.process_time() - start < 1
    assert [(e.line, said in e.message) for e in errors] == [(line, True)], errors


def test_an_svg_that_only_draws_is_accepted(project):
    (project / "case_studies" / "images" / "drawing.svg").write_text(corpus.ACCEPTED_SVG, encoding="utf-8")
    assert errors_for(project, corpus.put(corpus.IMAGE_PATH, "images/drawing.svg")[0]) == []


@pytest.mark.parametrize("name", ["zz\n.yml", "zz .yml", "Zz.yml", "zz\t.yml", "ysgol-\u0175.yml"])
def test_a_file_name_that_is_not_a_slug_is_refused(project, name):
    errors = errors_for(project, corpus.BASE, name=name)
    assert [(e.line, "lowercase words joined by hyphens" in e.message) for e in errors] == [(1, True)], errors


def test_a_yaml_twin_is_refused_when_either_file_is_checked_alone(project):
    files = [project / "case_studies" / f"ysgol-twin.{suffix}" for suffix in ("yml", "yaml")]
    for path in files:
        path.write_text(corpus.BASE, encoding="utf-8")
    try:
        for path, other in (files, files[::-1]):
            _, problems = check(project, [path])
            assert [(p.line, other.name in p.message) for p in problems if p.severity == "error"] == [(1, True)]
        _, problems = check(project)  # the whole project: said once, not twice
        assert len([p for p in problems if "two case studies" in p.message]) == 1, problems
    finally:
        for path in files:
            path.unlink()


def test_a_link_to_an_image_outside_the_project_is_refused(project):
    link = project / "case_studies" / "images" / "outside.png"
    link.symlink_to(ROOT / "tests" / "hostile" / "hostile-diagram.png")
    try:
        text, line = corpus.put(corpus.IMAGE_PATH, "images/outside.png")
        assert [(e.line, "inside case_studies" in e.message) for e in errors_for(project, text)] == [(line, True)]
    finally:
        link.unlink()


# --- Time: any file within the size cap is checked in under 2 s (CPU time: the machine is shared) ------------


def big_svg() -> str:
    """A 190 KB drawing that only draws."""
    return corpus.SVG.format("".join(f'<rect x="{i % 97}" y="{i % 89}" width="1" height="1"/>' for i in range(4_500)))


def with_block(block: str) -> str:
    """The base file with the top-level fields `block` writes replaced by it (the rest kept), cut to the size cap."""
    keys = {line.split(":")[0] for line in block.splitlines() if line and not line.startswith((" ", "-"))}
    kept, skipping = [], False
    for line in corpus.BASE.splitlines():
        if line and not line.startswith((" ", "-", "#")):
            skipping = line.split(":")[0] in keys
        if not skipping:
            kept.append(line)
    text = block + "\n".join(kept) + "\n"
    assert len(text.encode()) <= 256 * 1024, f"{len(text.encode()) // 1024} KB: over the size cap"
    return text


def _entries(template: str, n: int) -> str:
    return "".join(template.format(i=i) for i in range(n))


HEAVY = {  # the most work the checks can be made to do, each within the 256 KB cap
    "110000-bad-list-items": "settings: [" + "x," * 110_000 + "]\n",
    "60000-bad-block-items": "hallmarks:\n" + "- x\n" * 60_000,
    "999-unknown-fields": _entries("field_{i}_" + "x" * 200 + ": 1\n", 999),
    "999-unknown-ids-with-suggestions": "hallmarks: [" + ", ".join(f"colaboration-{i}" for i in range(999)) + "]\n",
    "999-each-of-four-lists": "schools:\n"
    + _entries("  - name: {{en: School {i}, cy: Ysgol {i}}}\n", 999)
    + "resources:\n"
    + _entries("  - {{title: {{en: R{i}, cy: R{i}}}, url: 'https://a{i}.example/'}}\n", 999)
    + "images:\n"
    + _entries("  - {{path: images/big.svg, alt: {{en: A{i}, cy: A{i}}}}}\n", 999)
    + "audiences: ["
    + ", ".join(f"x{i}" for i in range(999))
    + "]\n",
    "3000-image-entries-of-one-svg": "images:\n" + corpus._image_entries(3_000, "images/big.svg"),
    "20-image-entries-of-one-svg": "images:\n" + corpus._image_entries(20, "images/big.svg"),
    "brackets-text": 'summary:\n  en: "'
    + "[" * 19_999
    + '"\n  cy: a\n'
    + 'context:\n  en: "'
    + "](" * 9_999
    + '"\n  cy: a\n',
    "braces-text": 'summary:\n  en: "'
    + "{" * 19_998
    + '}"\n  cy: a\n'
    + 'context:\n  en: "'
    + "{\\n" * 6_000
    + '"\n  cy: a\n',
    "angle-text": 'summary:\n  en: "'
    + "<a" * 9_999
    + '"\n  cy: a\n'
    + 'context:\n  en: "'
    + "<h" * 9_999
    + '"\n  cy: a\n',
    "largest-valid": "".join(
        f'{key}:\n  en: "' + "Word [a link](https://hwb.gov.wales/) **bold** _it_ {x} &amp; " * 300 + '"\n'
        '  cy: "' + "Gair [dolen](https://hwb.gov.wales/) **trwm** &#119; " * 300 + '"\n'
        for key in ("summary", "context", "approach", "impact", "advice")
    )
    + "schools:\n"
    + _entries("  - name: {{en: School {i}, cy: Ysgol {i}}}\n", 50)
    + "resources:\n"
    + _entries("  - {{title: {{en: R{i}, cy: R{i}}}, url: 'https://a{i}.example/'}}\n", 30),
    "20000-values": "x:\n" + _entries("  k{i}: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n", 999) + "y: [" + "1," * 999 + "]\n",
}


@pytest.mark.parametrize("body", HEAVY.values(), ids=HEAVY.keys())
def test_a_file_within_the_size_cap_is_checked_in_under_two_seconds(project, body):
    (project / "case_studies" / "images" / "big.svg").write_text(big_svg(), encoding="utf-8")
    text = with_block(body)
    start = time.process_time()
    errors = errors_for(project, text)
    took = time.process_time() - start
    assert took < 2, f"{took:.2f} s of CPU"
    assert all(e.line >= 1 for e in errors)
    assert not any("YAML syntax" in e.message for e in errors), errors[0]  # the attack reached the checks


def test_an_image_named_many_times_is_read_once(project, monkeypatch):
    from lpl.load import case_studies

    (project / "case_studies" / "images" / "big.svg").write_text(big_svg(), encoding="utf-8")
    reads = []
    monkeypatch.setattr(case_studies, "image_problem", lambda *a: reads.append(a) or None)
    case_studies._image_problem.cache_clear()
    text = corpus.BASE.replace("images:\n", "images:\n" + corpus._image_entries(19, "images/big.svg"))
    assert errors_for(project, text) == []
    assert len(reads) == 2  # big.svg and hostile-diagram.png, each once


# --- What the validator accepts builds: pages, Word, the report ----------------------------------------------


def test_the_hostile_looking_corpus_is_accepted(project):
    for slug, text in corpus.accepted_files().items():
        assert errors_for(project, text, name=f"{slug}.yml") == [], slug


def test_every_character_the_validator_accepts_can_go_into_word():
    """python-docx (lxml) refuses what XML 1.0 cannot hold: an ESC in a title crashed the Word build."""
    from docx import Document
    from lpl.load.source import character_problem

    paragraph = Document().add_paragraph()
    accepted = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and not character_problem(chr(c))]
    assert len(accepted) > 1_100_000
    for start in range(0, len(accepted), 50_000):
        paragraph.add_run("".join(accepted[start : start + 50_000]))  # raises ValueError on any it cannot hold


def test_a_title_with_the_edges_of_what_is_accepted_builds_a_plan(project):
    from docx import Document
    from lpl.render.plan_docx import write_plan_docx

    title = "Ysgol \u00a0\u00ad\u200b\u200d\u2060\ufeff\ue000\ufffd\U0001f600\U0010fffd ŵŷ — «»‘’ !!! ??? end"
    text, _ = corpus.put(corpus.TEXT_FIELDS["title.en"].line, title)
    path = project / "case_studies" / "ysgol-edges.yml"
    path.write_text(text, encoding="utf-8")
    try:
        content, problems = check(project)
        assert content is not None, [str(p) for p in problems if p.severity == "error"]
        docx = write_plan_docx(content, "primary", "en", site_url="https://example.org/").data
    finally:
        path.unlink()
    document = Document(io.BytesIO(docx))
    assert any(title in p.text for p in document.paragraphs), "the title is not in the plan"


def test_the_report_and_the_validator_run_on_every_accepted_file(project):
    written = []
    for slug, text in corpus.accepted_files().items():
        (project / "case_studies" / f"{slug}.yml").write_text(text, encoding="utf-8")
        written.append(project / "case_studies" / f"{slug}.yml")
    (project / "case_studies" / "ysgol-reviewed.yml").write_text(
        corpus.BASE + f"last_reviewed: {date.today().isoformat()}\n", encoding="utf-8"
    )
    written.append(project / "case_studies" / "ysgol-reviewed.yml")
    try:
        # the review dates crashed the report (9999-12-31); the Welsh check is tests/test_welsh.py's (10 s more here)
        reports = (["report", "--format", f, "--no-welsh-check"] for f in ("text", "markdown", "json"))
        for args in (["validate"], *reports):
            result = subprocess.run(
                [sys.executable, "-c", LPL, *args, "--root", str(project)], capture_output=True, text=True, cwd=project
            )
            assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr[-2000:])
    finally:
        for path in written:
            path.unlink()


def test_every_refusal_is_printed_on_its_line_by_the_command(project, tmp_path):
    """The whole refused corpus through `lpl validate`, as an editor or CI runs it: file:line:column, no traceback."""
    folder = project / "case_studies"
    paths = []
    for i, case in enumerate(REFUSED):
        path = folder / f"ysgol-refused-{i}.yml"
        path.write_text(case.text, encoding="utf-8")
        paths.append(path)
    try:
        result = subprocess.run(
            [sys.executable, "-c", LPL, "validate", "--root", str(project), *map(str, paths)],
            capture_output=True,
            text=True,
            cwd=project,
        )
    finally:
        for path in paths:
            path.unlink()
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert f"{len(REFUSED)} error(s)" in result.stderr
    located = re.compile(r"^case_studies/ysgol-refused-(\d+)\.yml:(\d+):\d+: error: ")
    lines = [line for line in result.stdout.splitlines() if " error: " in line]
    found = {(int(m.group(1)), int(m.group(2))) for m in map(located.match, lines) if m}
    assert len(found) == len(lines) == len(REFUSED), "\n".join(lines[:20])
    assert found == {(i, case.line) for i, case in enumerate(REFUSED)}


# --- Front matter: written so it always parses; a page whose front matter does not parse fails the build ------


def test_a_generated_page_whose_front_matter_would_not_parse_stops_the_build():
    from lpl.publish.pages import FrontMatterError, sync_pages

    broken = b'---\ntitle: "a\x7f"\ngenerated_from: "case_studies/ysgol-x.yml"\n---\n# x\n'
    with pytest.raises(FrontMatterError, match=r"docs/en/case-studies/ysgol-x\.md \(made from \"case_studies/ysgol-x"):
        sync_pages({"en": {"case-studies/ysgol-x.md": broken}}, Path("/nonexistent"))


def test_any_page_whose_front_matter_mkdocs_dropped_fails_in_the_plugin():
    from types import SimpleNamespace

    from lpl.mkdocs.content import ContentPlugin
    from mkdocs.exceptions import PluginError
    from mkdocs.utils.meta import get_data

    source = '---\ntitle: "Hello\x85"\nx: [\n---\n# Hello\n'
    markdown, meta = get_data(source)  # what MkDocs hands the plugin: the front matter left in, no meta
    assert meta == {} and markdown.startswith("---")
    page = SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri="en/guide.md", abs_src_path=None))
    with pytest.raises(PluginError, match=r"en/guide\.md: its front matter cannot be read"):
        ContentPlugin().on_page_markdown(markdown, page=page, config=None, files=None)


def test_a_welsh_only_school_name_shows_on_the_english_page(project):
    from lpl.render.pages import render_site_pages

    path = project / "case_studies" / "hostile2-welsh-only-school.yml"
    path.write_text(corpus.accepted_files()["hostile2-welsh-only-school"], encoding="utf-8")
    try:
        content, problems = check(project, [path])
    finally:
        path.unlink()
    assert content is not None, problems
    page = render_site_pages(content, "en")["case-studies/hostile2-welsh-only-school.md"]
    facts = page.split('<div class="lpl-facts" markdown>')[1].split("</div>")[0]
    assert "None" not in facts and "Ysgol Gymraeg Unig" in facts, facts
