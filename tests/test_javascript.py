"""The site's own scripts (plugins/lpl/overrides/assets, vendor/ aside), checked as the Python is: TypeScript's type
check over their JSDoc (tools/js/jsconfig.json, strict), ESLint (tools/js/eslint.config.mjs), and the pure modules'
unit tests (tests/js/*.test.mjs) under `node --test`, given what the Python writes to compare with: a real search
index in pieces (lpl.search), the words and keys of both languages, the counts. TypeScript and ESLint are pinned in
tools/js/ (package-lock.json) and installed there by `make test` (npm ci, no install scripts); where Node or they are
missing the tests are skipped with a message (.ci/run installs npm)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from harness import ROOT
from lpl.model.counting import COUNT_RULES, count_phrase, rule_json
from lpl.render.catalogue import FACETS, catalogue_cards, facet_options, facet_values
from lpl.render.page_context import PageContext
from lpl.render.plan_docx import write_plan_docx
from lpl.render.plan_pages import make_data
from lpl.render.plan_view import plan_fields
from lpl.search.index import PageText, build_index
from lpl.search.shards import split_index
from lpl.search.text import LANGUAGES

ASSETS = ROOT / "plugins" / "lpl" / "overrides" / "assets"
TOOLS = ROOT / "tools" / "js"
NODE = shutil.which("node")


def own_scripts() -> list[Path]:
    return sorted(ASSETS.glob("*.js"))


def tool(name: str) -> str:
    if not NODE:
        pytest.skip("the JavaScript checks need Node (apt-get install npm); .ci/run installs it")
    path = TOOLS / "node_modules" / ".bin" / name
    if not path.exists():
        pytest.skip(f"{name} is installed in tools/js by `make test` (npm ci --ignore-scripts); .ci/run installs npm")
    return str(path)


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False, **kwargs)


def test_every_own_script_is_a_checked_module():
    scripts = own_scripts()
    assert {p.name for p in scripts} >= {"lpl-search.js", "lpl-words.js", "lpl-count.js", "lpl-query.js"}
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("// @ts-check\n"), f"{path.name}: start with // @ts-check"
        assert "window.lpl" not in text, f"{path.name}: import, not globals"
    checked = run([tool("tsc"), "-p", "tools/js/jsconfig.json", "--listFilesOnly"])
    assert checked.returncode == 0, checked.stdout + checked.stderr
    listed = {Path(line).name for line in checked.stdout.splitlines() if Path(line).parent == ASSETS}
    assert listed == {p.name for p in scripts}


def test_scripts_pass_the_type_check():
    result = run([tool("tsc"), "-p", "tools/js/jsconfig.json", "--pretty", "false"])
    assert result.returncode == 0, f"tsc found:\n{result.stdout}{result.stderr}"


def test_scripts_and_their_tests_pass_eslint():
    result = run(
        [tool("eslint"), "--config", "tools/js/eslint.config.mjs", "--max-warnings", "0", "--no-warn-ignored"]
        + ["plugins/lpl/overrides/assets", "tests/js", "tools/js/eslint.config.mjs"]
    )
    assert result.returncode == 0, f"eslint found:\n{result.stdout}{result.stderr}"


# --- What the Python writes for the unit tests to compare with -------------------------------------------------

# Pages for a small real index per language: mutated and inflected forms, a heading, text that looks like markup.
PAGES = {
    "cy": [
        (
            "../dysgu-cymraeg/",
            "Dysgu Cymraeg",
            "<p>Mae'r ysgol yn dysgu Cymraeg i bob disgybl.</p>"
            '<h2 id="cynllun">Ein cynllun</h2><p>Cynllun datblygu am dair blynedd.</p>',
        ),
        (
            "../y-gymraeg/",
            "Y Gymraeg yn yr ysgol",
            "<p>Rydym yn defnyddio'r Gymraeg bob dydd; mae ein nghynllun yn glir.</p>",
        ),
        (
            "../arwain/",
            "Arweinyddiaeth",
            "<p>Penderfyniadau'r pennaeth a'r tîm arwain am gyllid &lt;img src=x "
            'onerror=alert(1)&gt; &amp; "mwy".</p>',
        ),
        ("../penaethiaid/", "Penaethiaid", "<p>Mae pennaeth newydd yn y tîm.</p>"),
        ("../pennaeth/", "Pennaeth", "<p>Pennaeth, pennaeth a phennaeth.</p>"),  # one word, many times
    ]
    + [
        (f"../tudalen-{i}/", f"Tudalen {i}", f"<p>Geiriau eraill {i}: llythrennedd, rhifedd, lles{i}.</p>")
        for i in range(8)
    ],
    "en": [
        ("../governors/", "Governors", "<p>The chair of governors chaired the meeting on planning.</p>"),
        ("../chairs/", "Chairs and planners", "<p>Chairs plan the year; a planner helps.</p>"),
        ("../evaluation/", "Evaluation", "<p>Self-evaluation of the school's teaching.</p>"),
    ]
    + [(f"../page-{i}/", f"Page {i}", f"<p>Other words {i}: literacy, numeracy, wellbeing{i}.</p>") for i in range(8)],
}

# Texts whose words and keys the browser must give as the Python does: mutations of every kind, digraphs,
# diacritics, clitics, inflections, stop words, and each language's words through the other's rules.
TEXTS = [
    "Nghymraeg Gymraeg Cymraeg Chymraeg",
    "ddysgu'r dysgu tîm dîm thîm nhîm Ŵyr",
    "hysgol ysgol ei henw ein hysgol",
    "lywodraeth llywodraeth rhaglen raglen lan glan",
    "mhennaeth phennaeth bennaeth fam mam ngwaith waith gwaith",
    "penderfyniadau benderfyniadau Caerdydd Nghaerdydd 2026",
    "ac yn y ar gyfer gyda hefyd",
    "chairs chaired planning planner evaluation school's",
    "teachers taught teaching learners studies policies governors governing",
    "with the and of a an it's",
    "Mae'r ysgol yn dysgu Cymraeg i bob disgybl.",
    "The chair of governors chaired the meeting.",
    "Café, naïve, coöperate: TÎM ŴYR",
]
COUNT_PHRASES = [
    "{n} {case study|case studies}",
    "{n} {astudiaeth achos|astudiaethau achos}",
    "{n} {dogfen|dogfennau} sy'n cyfateb",
    "{n} {result|results} of {n}",
]


def write_fixtures(folder: Path) -> None:
    for lang, pages in PAGES.items():
        index = build_index([PageText(url, title, html) for url, title, html in pages], lang)
        for path, data in split_index(index, target=120).items():  # small chunks: a query reads several
            target = folder / "search" / lang / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    words = {}
    for lang, language in LANGUAGES.items():
        cases = [[text, language.terms(text), [language.keys(t) for t in language.terms(text)]] for text in TEXTS]
        words[lang] = {"language": language.to_json(), "cases": cases}
    (folder / "words.json").write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    counts = [
        {"rule": rule_json(lang), "phrase": phrase, "n": n, "expected": count_phrase(n, phrase, lang)}
        for lang in COUNT_RULES
        for phrase in COUNT_PHRASES
        for n in [*range(40), 100, 101, 1000, 1001]
    ]
    (folder / "counts.json").write_text(json.dumps(counts, ensure_ascii=False), encoding="utf-8")


def write_catalogue(folder: Path, content) -> None:
    """Each language's cards.json as the build writes it, and what the Python says filters keep: the built page's
    option counts (no filter), and for the first value of every facet, the case studies it keeps and every facet's
    counts given it."""
    newest = sorted(content.case_studies, key=lambda s: (s.published, s.slug), reverse=True)
    values = {s.slug: facet_values(content, s) for s in newest}
    for lang in ("en", "cy"):
        ctx = PageContext(content, lang)
        options = facet_options(content, ctx)
        (folder / f"cards-{lang}.json").write_text(catalogue_cards(content, ctx, newest, options), encoding="utf-8")
    # the options, and so the ids, are the same in both languages; only their labels differ
    options = facet_options(content, PageContext(content, "en"))
    cases = [{"chosen": [], "counts": {o["key"]: {v[0]: v[2] for v in o["values"]} for o in options}}]
    for facet in FACETS:
        ids = options_of(options, facet)
        if not ids:
            continue
        chosen = [facet, ids[0][0]]
        kept = [s for s in newest if chosen[1] in values[s.slug][facet]]
        counts = {facet: {v[0]: v[2] for v in ids}}  # a filter's own options count as if it were not set
        for other in FACETS:
            if other != facet:
                counts[other] = {
                    v[0]: sum(v[0] in values[s.slug][other] for s in kept) for v in options_of(options, other)
                }
        cases.append({"chosen": [chosen], "slugs": [s.slug for s in kept], "counts": counts})
    (folder / "catalogue.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")


def options_of(options: list[dict], facet: str) -> list:
    return next(o["values"] for o in options if o["key"] == facet)


# The Word filling: the parts of two real documents, and a school's answers with every kind of field and text that
# must stay text (markup, XML's own characters, control characters, a lone surrogate, line breaks).
PLAN_DOCUMENTS = {"bilingual-plan": ("primary", "bilingual", False), "cy-template": ("secondary", "cy", True)}
HOSTILE = 'Tîm <w:t>arwain</w:t> & "Co" ]]> \x07\ud800 </w:sdtContent>'
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def plan_answers(content, setting: str) -> dict:
    answers: dict = {}
    ticks = 0
    for n, field in enumerate(plan_fields(content.plan, setting)):
        if field.kind == "name":
            answers[field.tag] = f"Ysgol Glan-y-Môr {n} {HOSTILE}"
        elif field.kind == "tick":
            ticks += 1
            answers[field.tag] = True if ticks % 2 else "\u2713"  # only true ticks a box
        elif n % 3:
            answers[field.tag] = {"cy": f"Ateb {n}\nAil linell {HOSTILE}", "en": f"Answer {n}"}
        else:
            answers[field.tag] = {"en": f"Answer {n} only in English\r\n\r\nafter a blank line"}
    answers["not.a.field"] = {"en": "left out"}
    return answers


def write_plan(folder: Path, content) -> dict[str, bytes]:
    """The documents' parts, the page's data and the answers, for tests/js/plan.test.mjs; the documents, to
    put the filled parts back in."""
    documents = {}
    for name, (setting, doc_lang, guidance) in PLAN_DOCUMENTS.items():
        data = write_plan_docx(content, setting, doc_lang, site_url="https://example.org/", guidance=guidance).data
        documents[name] = data
        out = folder / "plan" / name
        out.mkdir(parents=True)
        with zipfile.ZipFile(io.BytesIO(data)) as docx_zip:
            for part in ("word/document.xml", "docProps/core.xml"):
                (out / Path(part).name).write_bytes(docx_zip.read(part))
        fields = [[f.tag, f.kind] for f in plan_fields(content.plan, setting)]
        (out / "case.json").write_text(
            json.dumps({"setting": setting, "language": doc_lang, "fields": fields}), encoding="utf-8"
        )
        (out / "answers.json").write_text(json.dumps(plan_answers(content, setting)), encoding="utf-8")
    for lang in ("en", "cy"):
        (folder / "plan" / f"data-{lang}.json").write_text(json.dumps(make_data(content, lang, {})), encoding="utf-8")
    return documents


def filled_controls(document: bytes, filled: Path) -> dict:
    """{tag: [(paragraph text, its runs' w:lang)] or ("checked" | "unchecked", glyph)} of every content control
    of a document whose parts are the filled ones, as python-docx opens it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            name = Path(info.filename).name
            replaced = filled / name if info.filename in ("word/document.xml", "docProps/core.xml") else None
            target.writestr(info, replaced.read_bytes() if replaced else source.read(info))
    opened = docx.Document(io.BytesIO(buffer.getvalue()))
    found: dict = {"core.title": opened.core_properties.title}
    for sdt in opened.element.body.iter(f"{W}sdt"):
        tag = sdt.find(f"{W}sdtPr/{W}tag").get(f"{W}val")
        box = sdt.find(f"{W}sdtPr/{W14}checkbox")
        if box is not None:
            on = box.find(f"{W14}checked").get(f"{W14}val") == "1"
            found[tag] = ("checked" if on else "unchecked", "".join(t.text for t in sdt.iter(f"{W}t")))
            continue
        found[tag] = [
            ("".join(t.text or "" for t in p.iter(f"{W}t")), sorted({x.get(f"{W}val") for x in p.iter(f"{W}lang")}))
            for p in sdt.find(f"{W}sdtContent").iter(f"{W}p")
        ]
    return found


def test_pure_modules_pass_their_unit_tests(tmp_path, content):
    if not NODE:
        pytest.skip("the JavaScript unit tests need Node (apt-get install npm); .ci/run installs it")
    write_fixtures(tmp_path)
    write_catalogue(tmp_path, content)
    documents = write_plan(tmp_path, content)
    tests = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert tests
    env = {**os.environ, "LPL_JS_FIXTURES": str(tmp_path)}
    result = run([NODE, "--test", "--test-reporter=spec", *tests], env=env)
    assert result.returncode == 0, f"node --test failed:\n{result.stdout}{result.stderr}"
    if (TOOLS / "node_modules").exists():  # without them, the Word filling's tests say they are skipped
        assert "skipped 0" in result.stdout, result.stdout
        check_filled_plans(tmp_path, content, documents)


def check_filled_plans(folder: Path, content, documents: dict[str, bytes]) -> None:
    """The documents with the parts plan-docx.js filled, opened by python-docx: every answer in its content
    control, a paragraph per line, each in its language (the document's leading language first; a name once, in
    it), ticks ticked, the text as written less what XML cannot hold, the school in the title."""
    for name, (setting, doc_lang, _) in PLAN_DOCUMENTS.items():
        answers = plan_answers(content, setting)
        found = filled_controls(documents[name], folder / "plan" / name / "out")
        template = filled_controls(documents[name], folder / "plan" / name)  # the parts as they were
        langs = {"bilingual": ["cy", "en"], "cy": ["cy"], "en": ["en"]}[doc_lang]
        locale = {"cy": ["cy-GB"], "en": ["en-GB"]}
        clean = HOSTILE.replace("\x07", "").replace("\ud800", "\ufffd")
        assert found["core.title"].endswith(" \u2014 " + answers["title.school"].replace(HOSTILE, clean)), name
        for field in plan_fields(content.plan, setting):
            value = answers.get(field.tag)
            if field.kind == "tick":
                assert found[field.tag] == (("checked", "\u2612") if value is True else ("unchecked", "\u2610")), (
                    field.tag
                )
            elif field.kind == "name":
                assert found[field.tag] == [(value.replace(HOSTILE, clean), locale[langs[0]])], field.tag
            else:
                expected = [
                    (line.replace(HOSTILE, clean), locale[lang] if line else [])
                    for lang in langs
                    if value.get(lang)
                    for line in value[lang].replace("\r\n", "\n").split("\n")
                ]
                # nothing in the document's languages: the placeholder stays
                assert found[field.tag] == (expected or template[field.tag]), field.tag
