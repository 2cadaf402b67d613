"""Plan templates as schools get them: the .docx files reopened, the pages a reader prints, the script.

Most tests read the real site built once per session (`built_site`); the generated Word documents
are opened again with python-docx and checked against plans/plan.yml.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlparse

import docx
import lxml.html
import pytest
from docx.oxml.ns import qn
from harness import ROOT, mkdocs_build, repository_content
from lpl.load import load
from lpl.model.plan import LOCALES, PLAN_LANGUAGES
from lpl.render.plan_view import docx_name, plan_fields
from plan_docs import (
    W14,
    all_words,
    column_widths_cm,
    document_from_pack,
    heading_words,
    open_docx,
    pdf_pages,
    pdf_text,
    printed_cm,
    read_pack,
    to_pdf,
    unbreakable,
    words,
)

SITE_URL = "https://leading-professional-learning.example.org/"
PLACEHOLDERS = re.compile(r"\{|\}|TODO|TBC|\bNone\b|\bnan\b|[Ll]orem ipsum")


def documents():
    plan = repository_content().plan
    return [(setting, lang) for setting in plan.settings for lang in PLAN_LANGUAGES]


def locale(lang: str) -> str:
    return LOCALES[PLAN_LANGUAGES[lang][0]]


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.footer.paragraphs]
    return "\n".join(parts)


def run_languages(document) -> list[tuple[str, str | None]]:
    """(text, w:lang) of every run with text in the body, hyperlinks and tables included."""
    found = []
    for run in document.element.body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if not text.strip():
            continue
        lang = run.find(qn("w:rPr") + "/" + qn("w:lang"))
        found.append((text, lang.get(qn("w:val")) if lang is not None else None))
    return found


def expected_headings(plan, setting: str, lang: str) -> list[str]:
    langs = PLAN_LANGUAGES[lang]

    def both(text, prefix=""):
        return prefix + " / ".join(text.best(one) for one in langs)

    return [both(plan.label("how_to_use_title"))] + [
        both(section.title, f"{n}. ") for n, section in enumerate(plan.sections_for(setting), start=1)
    ]


def site_file(site: Path, url: str) -> Path:
    path = urlparse(url).path.lstrip("/")
    return site / path / "index.html" if not path or path.endswith("/") else site / path


def anchors(page: Path) -> set[str]:
    return set(lxml.html.fromstring(page.read_bytes()).xpath("//@id"))


# --- the plan's data, through the one loader ---------------------------------------------------


def test_plan_is_loaded_with_the_content(plan, content):
    assert plan.settings == ("primary", "secondary", "special", "all-age", "cluster")
    ids = [s.id for s in plan.sections]
    for required in (
        "context-and-vision",
        "priorities",
        "national-priorities",
        "individual-journeys",
        "collaboration",
        "enquiry-and-research",
        "inset",
        "funding",
        "evaluating-impact",
        "review",
        "action-plan",
    ):
        assert required in ids
    statements = {s.id for s in content.frameworks.entitlement.statements}
    for section in plan.sections:
        assert section.hallmarks or section.entitlement_statements or section.characteristics, section.id
        assert set(section.entitlement_statements) <= statements
        for text in [section.title, section.purpose, *(q.text for q in section.questions)]:
            assert text.en and text.cy, (section.id, text)
    # Setting variants are data: a cluster plan has a partner-schools table, a primary plan has not.
    tables = {s: [t.id for sec in plan.sections_for(s) for t in sec.tables_for(s)] for s in plan.settings}
    assert "partner-schools" in tables["cluster"] and "partner-schools" not in tables["primary"]
    # Every setting has examples that fit it.
    for setting in plan.settings:
        assert sum(len(s.examples_for(setting)) for s in plan.sections_for(setting)) >= 5


def write_plan(project: Path, old: str, new: str) -> int:
    path = project / "plans" / "plan.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def validate(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/validate.py", "--root", str(project)], cwd=ROOT, capture_output=True, text=True
    )


@pytest.mark.build
def test_plan_errors_are_located_with_a_suggestion(project_copy):
    line = write_plan(project_copy, "    hallmarks: [collaboration]\n", "    hallmarks: [colaboration]\n")
    other = write_plan(project_copy, "    notes_lines: 8\n", "    note_lines: 8\n")
    result = validate(project_copy)
    assert result.returncode == 1
    assert (
        f"plans/plan.yml:{line}:17: error: 'sections[4].hallmarks' must be one of" in result.stdout
        and "(got 'colaboration' — did you mean 'collaboration'?)" in result.stdout
    ), result.stdout
    assert f"plans/plan.yml:{other}:5: error: unknown field 'note_lines'" in result.stdout
    assert "did you mean 'notes_lines'?" in result.stdout
    build = mkdocs_build(project_copy)
    assert build.returncode == 1 and f"plans/plan.yml:{line}:17" in build.stderr


def test_unknown_setting_in_a_plan_entry_is_reported(project_copy):
    line = write_plan(project_copy, "    settings: [cluster]\n", "    settings: [clustre]\n")
    result = validate(project_copy)
    assert f"plans/plan.yml:{line}:16: error:" in result.stdout
    assert "did you mean 'cluster'?" in result.stdout


# --- the Word documents -----------------------------------------------------------------------


@pytest.mark.parametrize(("setting", "lang"), documents())
def test_docx_structure_language_and_properties(built_site, plan, setting, lang):
    path = built_site / "downloads" / docx_name(setting, lang)
    document = docx.Document(str(path))
    first = PLAN_LANGUAGES[lang][0]

    # Real heading styles, in the order of plans/plan.yml.
    by_style = {}
    for p in document.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Heading 1"] == expected_headings(plan, setting, lang)
    assert by_style.get("Heading 2") and by_style.get("Heading 3")
    assert plan.label("guiding_questions").best(first) in " ".join(by_style["Heading 2"])

    # Every table of the plan repeats its header row; rows are left to write in.
    plan_tables = [t for s in plan.sections_for(setting) for t in s.tables_for(setting)]
    headed = [t for t in document.tables if t.rows[0]._tr.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None]
    assert len(headed) == len(plan_tables)
    for table, source in zip(headed, plan_tables, strict=True):
        assert len(table.rows) == 1 + source.row_count
        assert len(table.columns) == len(source.columns)
        assert not any(c.text for row in table.rows[1 + len(source.rows) :] for c in row.cells)

    # The language of every run, and of the styles' defaults.
    runs = run_languages(document)
    assert runs and all(value in (LOCALES["en"], LOCALES["cy"]) for _, value in runs), [
        r for r in runs if r[1] not in LOCALES.values()
    ][:5]
    if lang != "bilingual":
        assert {value for _, value in runs} == {locale(lang)}
    else:
        assert {value for _, value in runs} == {"cy-GB", "en-GB"}
        for section in plan.sections_for(setting):
            for question in section.questions_for(setting):
                assert (question.text.cy, "cy-GB") in runs and (question.text.en, "en-GB") in runs
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert defaults.get(qn("w:val")) == locale(lang)
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title"):
        assert document.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == locale(lang)
    assert document.settings.element.find(qn("w:proofState")) is None  # Word checks the spelling again

    check_properties(document, path.read_bytes(), plan, lang)

    # The draft-translation notice where a Welsh text it shows is a draft, as "Make your plan" prints it too.
    text = all_text(document)
    notice = plan.label("draft_notice")
    drafted = lang != "en" and make_page_data(built_site, "cy")["settings"][setting]["draft"][0]
    assert (notice.best(first) in text) == drafted and (notice.best("cy") in text) == drafted

    # Nothing left unfilled by the generator.
    assert not PLACEHOLDERS.search(text), PLACEHOLDERS.search(text)
    assert document.sections[0].page_width.cm == pytest.approx(21.0, abs=0.1)  # A4


UNUSED_PARTS = ("docProps/thumbnail.jpeg", "customXml/item1.xml", "word/stylesWithEffects.xml")


def check_properties(document, data: bytes, plan, lang: str) -> None:
    """The document's own properties, and none of python-docx's template's leftovers."""
    first = PLAN_LANGUAGES[lang][0]
    props = document.core_properties
    assert props.title.startswith(plan.title.best(first)) and props.language == locale(lang)
    setting_words = props.subject
    assert setting_words and "python-docx" not in setting_words
    assert props.created.date() == plan.updated
    site = " / ".join(plan.label("document_author").best(one) for one in PLAN_LANGUAGES[lang])
    assert props.author == site and props.last_modified_by == site
    assert props.identifier == SITE_URL
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode("utf-8")
        types = package.read("[Content_Types].xml").decode("utf-8")
    assert not set(UNUSED_PARTS) & set(names), names
    assert "Macintosh" not in app and "Normal.dotm" not in app
    assert f"<Application>{plan.label('document_author').best(first)}</Application>" in app
    assert "thumbnail" not in types and "stylesWithEffects" not in types and "customXml" not in types
    used = {e.get(qn("w:val")) for e in document.element.body.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))}
    defined = {s.get(qn("w:styleId")) for s in document.styles.element.iter(qn("w:style"))}
    assert used <= defined and len(defined) < 30, sorted(defined)  # the styles it uses, not python-docx's 160


def make_page_data(site: Path, lang: str) -> dict:
    """What the built "Make your plan" page builds its form and print from."""
    page = site_file(site, SITE_URL + ("cy/" if lang == "cy" else "") + "plan-templates/make/")
    return json.loads(lxml.html.fromstring(page.read_bytes()).get_element_by_id("lpl-make-data").text)


def texts_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def plan_alone(site: Path, setting: str, lang: str) -> bytes:
    """The plan without its guidance, as "Make your plan" gets it (from the setting's pack)."""
    return document_from_pack(read_pack(site, setting), docx_name(setting, lang, guidance=False))


@pytest.mark.parametrize(("setting", "lang"), documents())
def test_the_plan_alone_is_what_a_school_circulates(built_site, content, plan, setting, lang):
    """By default "Make your plan" downloads the school's plan: the title page with its details, each part's
    heading, its answers and its tables; the guidance and the template's own words are left out."""
    data = plan_alone(built_site, setting, lang)
    document = open_docx(data)
    langs = PLAN_LANGUAGES[lang]

    def both(text, prefix=""):
        return prefix + " / ".join(text.best(one) for one in langs)

    sections = plan.sections_for(setting)
    by_style = {}
    for p in document.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Heading 1"] == [both(s.title, f"{n}. ") for n, s in enumerate(sections, start=1)]
    assert by_style["Heading 2"] == [both(t.title) for s in sections for t in s.tables_for(setting)]
    assert "Heading 3" not in by_style
    text = all_text(document)
    for section in sections:  # no purpose, question, example or link
        for guidance in [section.purpose, *(q.text for q in section.questions_for(setting))]:
            assert guidance.best(langs[0])[:60] not in text, guidance
    assert plan.intro.best(langs[0])[:40] not in text  # "This template helps you write …"
    assert plan.label("how_to_use_title").best(langs[0]) not in text
    assert not [r for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]

    # The title page holds the plan's title, the setting and its lines; the draft notice is not on it.
    body = list(document.element.body.iterchildren())
    first_part = next(i for i, b in enumerate(body) if b.tag == qn("w:p") and texts_of(b) == by_style["Heading 1"][0])
    cover = "".join(texts_of(b) for b in body[:first_part])
    assert plan.title.best(langs[0]) in cover
    notice = plan.label("draft_notice_plan")
    # Where the plan alone shows a draft Welsh text, as "Make your plan" has it from the Welsh document's writing
    # (and prints it so): every Welsh heading is a draft today.
    if "cy" in langs and make_page_data(built_site, "cy")["settings"][setting]["draft"][1]:
        assert notice.best(langs[0]) not in cover
        assert notice.best(langs[0]) in document.paragraphs[-1].text  # at the end of the plan
    else:
        assert notice.best("en") not in text and notice.best("cy") not in text

    # Every field is a content control, in the order of plan_fields; ticks are Word check boxes.
    fields = plan_fields(plan, setting)
    controls = list(document.element.body.iter(qn("w:sdt")))
    assert [c.find(f"{qn('w:sdtPr')}/{qn('w:tag')}").get(qn("w:val")) for c in controls] == [f.tag for f in fields]
    ticks = [c for c, f in zip(controls, fields, strict=True) if f.kind == "tick"]
    assert len(ticks) == sum(1 for f in fields if f.kind == "tick") == 8  # the contributory factors
    for control in ticks:
        box = control.find(f"{qn('w:sdtPr')}/{{{W14}}}checkbox")
        assert box is not None and box.find(f"{{{W14}}}checked").get(f"{{{W14}}}val") == "0"
        assert texts_of(control) == "\u2610"
    check_properties(document, data, plan, lang)


@pytest.mark.parametrize(("setting", "lang"), documents())
def test_no_column_is_narrower_than_its_headings_longest_word(built_site, setting, lang):
    """A heading never breaks mid-word ("Arweinyd|d"): each piece of a header cell or row label that a line
    cannot break inside fits its column at 11 pt bold, with the cell's margins, in the font LibreOffice
    prints Arial with here (DejaVu Sans Bold, wider than Arial). Both documents of each kind."""
    margins = 2 * 0.19
    for data in (
        (built_site / "downloads" / docx_name(setting, lang)).read_bytes(),
        plan_alone(built_site, setting, lang),
    ):
        document = open_docx(data)
        for table in document.tables:
            widths = column_widths_cm(table)
            labelled = [table.rows[0].cells] + [[row.cells[0]] for row in table.rows[1:]]
            for cells in labelled:
                for i, cell in enumerate(cells):
                    for piece in unbreakable(cell.text):
                        needed = printed_cm(piece, 11) + margins
                        assert needed <= widths[i], f"{piece!r} needs {needed:.2f} cm, its column is {widths[i]:.2f}"


@pytest.mark.parametrize(("setting", "lang"), documents())
def test_docx_links_resolve_to_pages_of_the_built_site(built_site, setting, lang):
    document = docx.Document(str(built_site / "downloads" / docx_name(setting, lang)))
    urls = [rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")]
    assert len(urls) > 20
    kinds = set()
    for url in urls:
        assert url.startswith(SITE_URL), url
        page = site_file(built_site, url)
        assert page.is_file(), f"{url} is not a page of the built site"
        fragment = urlparse(url).fragment
        if fragment:
            assert fragment in anchors(page), url
        kinds.add(urlparse(url).path.split("/")[1 if "/cy/" not in url else 2])
        assert ("/cy/" in url) == (lang == "cy") or lang == "bilingual"
    assert {"case-studies", "frameworks"} <= kinds
    if lang == "bilingual":
        assert any("/cy/" in u for u in urls) and any("/cy/" not in u for u in urls)
    assert any("#leaders-" in u for u in urls) and any(re.search(r"/case-studies/[a-z0-9-]+/$", u) for u in urls)


@pytest.mark.build
def test_documents_are_made_once_and_again_when_an_input_changes(project_copy, monkeypatch):
    """With the cache kept, a changed kind label in data/ui.yml reaches every document that shows it (it once did
    not: the cache was keyed on a hand-kept list of inputs). Every other kind of input: tests/unit/test_inputs.py."""
    from lpl.publish import downloads as plan_downloads

    calls = []
    real = plan_downloads.make_documents
    monkeypatch.setattr(plan_downloads, "make_documents", lambda *a: calls.append(a) or real(*a))
    first = plan_downloads.plan_downloads(load(project_copy), SITE_URL, project_copy)
    again = plan_downloads.plan_downloads(load(project_copy), SITE_URL, project_copy)
    assert len(calls) == 1 and first == again and len(first) == 30  # 15 templates, 15 plans alone
    ui = project_copy / "data" / "ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("{en: Illustrative example,", "{en: Made-up example,"))
    changed = plan_downloads.plan_downloads(load(project_copy), SITE_URL, project_copy)
    assert len(calls) == 2
    showing = [
        name
        for name, document in first.items()
        if "Illustrative example" in all_text(docx.Document(io.BytesIO(document.data)))
    ]
    assert len(showing) == 10  # the English and bilingual templates (a plan alone has no links)
    for name in showing:
        text = all_text(docx.Document(io.BytesIO(changed[name].data)))
        assert "Illustrative example" not in text and "Made-up example" in text, name
    assert len(list((project_copy / plan_downloads.CACHE_DIR).iterdir())) == 1  # stale sets are removed


# One build of both languages (the reuse of the cache by a later build: the test above).
BUILD_ONCE = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from lpl.publish import downloads as plan_downloads
calls = []
real = plan_downloads.make_documents
plan_downloads.make_documents = lambda *a: calls.append(1) or real(*a)
build(load_config(config_file=sys.argv[1]))
print(len(calls))
"""


@pytest.mark.build
def test_a_bilingual_build_makes_the_documents_once(project_copy):
    """static-i18n runs the whole build per language; the documents are still made once, then reused."""
    result = subprocess.run(
        [sys.executable, "-c", BUILD_ONCE, str(project_copy / "mkdocs.yml")],
        cwd=project_copy,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1"]  # once, though static-i18n builds the site once per language
    assert len(list((project_copy / "site" / "downloads").glob("*.docx"))) == 15
    assert not (project_copy / "site" / "cy" / "downloads").exists()


# --- the pages on the site ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_downloads_page_lists_every_template_and_its_links_resolve(built_site, plan, content, lang):
    base = SITE_URL + ("cy/" if lang == "cy" else "")
    page_url = base + "plan-templates/"
    page = site_file(built_site, page_url)
    tree = lxml.html.fromstring(page.read_bytes())
    assert tree.get("lang") == lang
    links = tree.xpath("//article//a[@download]")  # the footer's open-data links download too
    assert len(links) == len(plan.settings) * len(PLAN_LANGUAGES)
    names = set()
    for a in links:
        url = urljoin(page_url, a.get("href"))
        assert url.startswith(SITE_URL + "downloads/"), url  # one copy of each file, for both languages
        target = site_file(built_site, url)
        assert target.is_file(), url
        names.add(target.name)
        row = a.getparent().getparent()
        cells = [c.text_content().strip() for c in row.findall("td")]
        assert cells[1] == plan.label("format_docx").best(lang)
        assert cells[2] == f"{max(1, round(target.stat().st_size / 1024))} KB"
    assert names == {docx_name(s, d) for s in plan.settings for d in PLAN_LANGUAGES}
    headings = [h.text_content().replace("¶", "").strip() for h in tree.xpath("//article//h2")]
    assert headings == [content.frameworks.settings.term(s).label.best(lang) for s in plan.settings]
    for setting in plan.settings:  # the printable page of each setting is linked
        assert tree.xpath(f"//a[@href='{setting}/']"), setting


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_printable_pages_follow_the_plan(built_site, plan, lang):
    for setting in plan.settings:
        page_url = SITE_URL + ("cy/" if lang == "cy" else "") + f"plan-templates/{setting}/"
        page = site_file(built_site, page_url)
        tree = lxml.html.fromstring(page.read_bytes())
        assert tree.get("lang") == lang
        ids = [h.get("id") for h in tree.xpath("//article//h2")]
        assert ids == ["how-to-use"] + [s.id for s in plan.sections_for(setting)]
        tables = tree.xpath("//table[contains(@class, 'lpl-plan-table')]")
        assert len(tables) == sum(len(s.tables_for(setting)) for s in plan.sections_for(setting))
        assert all(t.find("thead") is not None for t in tables)  # repeated on every printed page
        assert tree.xpath("//section[contains(@class, 'lpl-plan-section--landscape')]")
        download = tree.xpath("//article//a[@download]")[0]
        assert site_file(built_site, urljoin(page_url, download.get("href"))).name == docx_name(setting, lang)
        assert site_file(built_site, urljoin(page_url, download.get("href"))).is_file()
        other = "en" if lang == "cy" else "cy"
        alternates = {a.get("hreflang"): a.get("href") for a in tree.xpath("//link[@rel='alternate'][@hreflang]")}
        assert alternates[other] == SITE_URL + ("cy/" if other == "cy" else "") + f"plan-templates/{setting}/"
        if lang == "cy":
            assert "Cwestiynau i'ch arwain" in tree.text_content()


def test_print_css_starts_each_part_on_a_page():
    css = (ROOT / "plugins/lpl/overrides/assets/lpl.css").read_text(encoding="utf-8")
    print_css = css[css.index("==== Plan templates") :]
    assert "@media print" in print_css and ".lpl-plan-section { break-before: page; }" in print_css
    assert "display: table-header-group" in print_css


def test_guidance_links_to_the_plan_templates():
    for lang in ("en", "cy"):
        for name in ("index.md", "plan-guide.md"):
            page = ROOT / "docs" / lang / name
            assert page.is_file() and "plan-templates/index.md" in page.read_text(encoding="utf-8"), page


# --- LibreOffice: the documents open and print ---------------------------------------------------


def test_documents_convert_to_pdf_with_libreoffice(built_site, plan, tmp_path):
    """Templates and plans alone open and print in LibreOffice: portrait A4 and the action plan across the
    page; an English plan alone is at most 12 pages; no table heading is broken mid-word (a broken word
    prints as two, so it is found fewer times in the PDF than in the document)."""
    templates = [("primary", "en"), ("special", "cy"), ("cluster", "bilingual")]
    chosen = {docx_name(s, lang): (built_site / "downloads" / docx_name(s, lang)).read_bytes() for s, lang in templates}
    alone = [("primary", "en"), ("cluster", "en"), ("secondary", "cy"), ("all-age", "bilingual")]
    chosen |= {docx_name(s, lang, guidance=False): plan_alone(built_site, s, lang) for s, lang in alone}
    pdfs = to_pdf(chosen, tmp_path)
    for name, data in chosen.items():
        lang = next(d for d in PLAN_LANGUAGES if name.endswith((f"-{d}.docx", f"-{d}-plan-only.docx")))
        pdf = pdfs[name]
        assert pdf.stat().st_size > 10_000, name
        flat = " ".join(pdf_text(pdf).split())
        assert plan.title.best(PLAN_LANGUAGES[lang][0]) in flat
        assert plan.sections[-1].title.best(PLAN_LANGUAGES[lang][0]) in flat
        document = open_docx(data)
        printed, written = words(pdf_text(pdf)), all_words(document)
        broken = {w: (written[w], printed[w]) for w in heading_words(document) if printed[w] < written[w]}
        assert not broken, f"{name}: headings broken across lines (in the document, in the PDF): {broken}"
        # No page holds a box (or a heading) alone: each has more on it than its footer and a few words.
        footer = plan.title.best(PLAN_LANGUAGES[lang][0])
        for number, page in enumerate(pdf_text(pdf).split("\f")[:-1], start=1):
            body = [line for line in page.splitlines() if line.strip() and not line.startswith(footer)]
            assert len(" ".join(body).split()) >= 6, f"{name}, page {number} holds only: {body}"
        pages = pdf_pages(pdf)
        if name.endswith("-plan-only.docx"):
            assert pages <= (12 if lang == "en" else 16), (name, pages)
        else:
            assert pages >= 12, name  # the template, with its guidance
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", "-l", "999", str(pdf)], capture_output=True, text=True).stdout
            sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)
            assert float(sizes[0][0]) < float(sizes[0][1])  # portrait A4 …
            assert float(sizes[-1][0]) > float(sizes[-1][1])  # … and the action plan across the page


# --- scripts/make_plan.py ----------------------------------------------------------------------


def make_plan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/make_plan.py", *args], cwd=ROOT, capture_output=True, text=True)


def test_make_plan_puts_the_school_on_the_title_page(tmp_path, plan):
    out = tmp_path / "cynllun.docx"
    result = make_plan(
        "--lang",
        "cy",
        "--setting",
        "primary",
        "--school",
        "Ysgol Gynradd Cwm Derwen",
        "--year",
        "2026/27",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    title_page = []
    for block in document.element.body.iterchildren():
        if (
            block.tag == qn("w:p")
            and block.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
            and block.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "Heading1"
        ):
            break
        title_page.append("".join(t.text or "" for t in block.iter(qn("w:t"))))
    first_page = "\n".join(title_page)
    assert "Ysgol Gynradd Cwm Derwen" in first_page and "2026/27" in first_page
    props = document.core_properties
    assert "Ysgol Gynradd Cwm Derwen" in props.title and "2026/27" in props.subject
    assert props.language == "cy-GB" and props.created.date() == datetime.now(UTC).date()
    assert not PLACEHOLDERS.search(all_text(document))


def test_make_plan_refuses_unknown_values_clearly(tmp_path):
    result = make_plan("--lang", "cy", "--setting", "secondry", "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "unknown setting 'secondry' — did you mean 'secondary'?" in result.stderr
    assert "primary, secondary, special, all-age, cluster" in result.stderr
    result = make_plan("--lang", "welsh", "--setting", "primary", "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "unknown language 'welsh'" in result.stderr
    result = make_plan("--lang", "en", "--setting", "primary", "--year", "2026-2027", "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "like 2026/27" in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_make_plan_can_leave_the_guidance_out(tmp_path, plan):
    out = tmp_path / "plan.docx"
    result = make_plan(
        "--lang", "en", "--setting", "cluster", "--school", "Clwstwr Teifi", "--plan-only", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    styles = [p.style.name for p in document.paragraphs]
    assert "Heading 3" not in styles and plan.label("guiding_questions").en not in all_text(document)
    assert "Clwstwr Teifi" in all_text(document)
