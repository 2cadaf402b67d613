""" "Make your plan" (plan-templates/make/): a school writes its plan part by part in the browser and
downloads it as the build's own .docx with its content controls filled — checked by reopening the file
with python-docx and converting it with LibreOffice; the contents say which parts are started; Download
and Print are a few key presses from the top; the page is light on first load and fetches the documents
only once writing starts; the draft survives a reload and a saved file (old drafts too); nothing leaves
the page.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
from pathlib import Path

import docx
import lxml.html
import pytest
from docx.oxml.ns import qn
from harness import ROOT, serve
from lpl.model.plan import PLAN_LANGUAGES
from lpl.render.plan_view import docx_name, pack_name, plan_fields
from plan_docs import W14, document_from_pack, pdf_pages, pdf_text, read_pack, to_pdf

FFLATE = ROOT / "plugins" / "lpl" / "overrides" / "assets" / "vendor" / "fflate"
LANG_ROOT = {"en": "", "cy": "cy/"}
MAKE = "plan-templates/make/"
FIRST_LOAD_BUDGET = 150 * 1024  # bytes on the wire, gzipped, for the page and all it loads before use
PHONE = {"width": 390, "height": 844}


# --- The vendored zip library is the pinned release ----------------------------------------------


def test_vendored_fflate_is_the_pinned_npm_release():
    """Hashes of the files in the npm tarball, recorded when it was vendored (scripts/check_vendored.py
    fetches the tarball again and compares; this test never downloads)."""
    source = json.loads((FFLATE / "SOURCE.json").read_text(encoding="utf-8"))
    assert source["package"] == "fflate" and re.fullmatch(r"\d+\.\d+\.\d+", source["version"])
    assert source["tarball"] == f"https://registry.npmjs.org/fflate/-/fflate-{source['version']}.tgz"
    for name, expected in source["files"].items():
        assert hashlib.sha256((FFLATE / name).read_bytes()).hexdigest() == expected["sha256"], (
            f"{name} is not the file {expected['from']} of fflate {source['version']}"
        )
    assert "MIT License" in (FFLATE / "LICENSE").read_text(encoding="utf-8")


# --- One list of fields: the Word renderer, the page and the browser's data agree ----------------


def sdt_tags(document) -> list[str]:
    return [e.get(qn("w:val")) for e in document.element.body.iter(qn("w:tag"))]


def page_data(built_site: Path, lang: str) -> dict:
    html = (built_site / LANG_ROOT[lang] / MAKE / "index.html").read_text(encoding="utf-8")
    return json.loads(lxml.html.fromstring(html).get_element_by_id("lpl-make-data").text)


def shown(entry: dict, setting: str) -> bool:
    return "settings" not in entry or setting in entry["settings"]


def page_fields(data: dict, setting: str) -> list[tuple[str, str]]:
    """(tag, kind) of a setting's fields as the page's script reads them from its data."""
    fields = [(f["tag"], "name") for f in data["title"] if shown(f, setting)]
    for part in data["parts"]:
        if not shown(part, setting):
            continue
        if part["notes"]:
            fields.append((part["notes"]["tag"], "answer"))
        for table in part["tables"]:
            if not shown(table, setting):
                continue
            for _, tags in table["rows"]:
                first = len(table["columns"]) - len(tags)
                fields += [
                    (tag, "tick" if str(first + i + 1) in table["ticks"] else "answer") for i, tag in enumerate(tags)
                ]
    return fields


@pytest.mark.parametrize("lang", LANG_ROOT)
def test_documents_page_and_browser_share_one_field_list(built_site, plan, lang):
    data = page_data(built_site, lang)
    for setting in plan.settings:
        fields = plan_fields(plan, setting)
        assert page_fields(data, setting) == [(f.tag, f.kind) for f in fields], setting
        pack = read_pack(built_site, setting)
        for doc_lang in PLAN_LANGUAGES:
            names = data["settings"][setting]["documents"][doc_lang]
            assert names == [docx_name(setting, doc_lang), docx_name(setting, doc_lang, guidance=False)]
            for name in names:
                document = docx.Document(io.BytesIO(document_from_pack(pack, name)))
                assert sdt_tags(document) == [f.tag for f in fields], (setting, doc_lang, name)
    # The check boxes: the contributory factors' "this year" column, in every setting.
    assert {f.tag for f in plan_fields(plan, "primary") if f.kind == "tick"} == {
        f"table.contributory-factors.{row}.2" for row in range(1, 9)
    }


def test_the_packs_are_the_built_documents(built_site, plan):
    """A setting's pack holds its three templates (the very downloads) and its three plans alone, each
    part once; its version is the one the page asks for."""
    for lang in LANG_ROOT:
        data = page_data(built_site, lang)
        for setting in plan.settings:
            pack = read_pack(built_site, setting)
            assert pack["setting"] == setting and data["settings"][setting]["version"] == pack["version"]
            assert data["settings"][setting]["pack"].endswith(f"downloads/{pack_name(setting)}?v={pack['version']}")
            assert sorted(pack["documents"]) == sorted(
                docx_name(setting, d, guidance=g) for d in PLAN_LANGUAGES for g in (True, False)
            )
            for doc_lang in PLAN_LANGUAGES:
                name = docx_name(setting, doc_lang)
                with_guidance = docx.Document(io.BytesIO(document_from_pack(pack, name)))
                downloaded = docx.Document(built_site / "downloads" / name)
                assert [p.text for p in with_guidance.paragraphs] == [p.text for p in downloaded.paragraphs]
            keys = [key for entries in pack["documents"].values() for _, key in entries]
            assert len(set(keys)) < len(keys)  # shared parts are in the pack once
    assert not list((built_site / "downloads").glob("*-plan-only.docx"))  # the plans alone are not downloads


# --- In the browser ------------------------------------------------------------------------------


def open_maker(browser, site_server: str, lang: str, hash: str = "", viewport=None, **context):
    ctx = browser.new_context(accept_downloads=True, viewport=viewport or {"width": 1280, "height": 900}, **context)
    tab = ctx.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.goto(site_server + LANG_ROOT[lang] + MAKE + hash, wait_until="load")
    tab.locator("#lpl-make").wait_for(state="visible")
    return ctx, tab, errors


def box(tab, tag: str, lang: str | None = None):
    return tab.locator(f"[data-tag='{tag}']" + (f"[lang='{lang}']" if lang else ""))


def goto_part(tab, part: str) -> None:
    """Choose a part in the contents, as a reader would."""
    tab.locator(f"#lpl-make-list a[href='#part-{part}']").click()
    shown_part(tab, part)


def shown_part(tab, part: str) -> None:
    tab.wait_for_function("id => document.getElementById('lpl-make-part').dataset.part === id", arg=part)


def from_the_top(tab) -> None:
    """Start keyboard navigation from the top of the page again, as a reader who has just arrived."""
    tab.evaluate(
        "window.scrollTo(0, 0); document.body.tabIndex = -1; document.body.focus();"
        " document.body.removeAttribute('tabindex')"
    )


def wait_saved(tab):
    tab.wait_for_function("() => /\\d/.test(document.getElementById('lpl-make-status').textContent)")


def wait_for_documents(tab, setting: str) -> None:
    """The setting's documents and the zip library, fetched once writing started."""
    tab.wait_for_function(
        "s => window.fflate && window.lplPlanTemplates && window.lplPlanTemplates[s]", arg=setting, timeout=20000
    )


def download(tab, action: str = "download") -> bytes:
    with tab.expect_download() as info:
        tab.locator(f"button[data-action='{action}']").first.click()
    return Path(info.value.path()).read_bytes()


def controls(data: bytes) -> dict[str, list[tuple[str, str | None]]]:
    """{tag: [(paragraph text, w:lang of its runs)]} of every content control in a .docx; a check box
    gives [("checked" or "unchecked", its glyph)]."""
    found = {}
    body = docx.Document(io.BytesIO(data)).element.body
    for sdt in body.iter(qn("w:sdt")):
        tag = sdt.find(qn("w:sdtPr") + "/" + qn("w:tag")).get(qn("w:val"))
        box = sdt.find(f"{qn('w:sdtPr')}/{{{W14}}}checkbox")
        if box is not None:
            on = box.find(f"{{{W14}}}checked").get(f"{{{W14}}}val") == "1"
            found[tag] = [("checked" if on else "unchecked", "".join(t.text for t in sdt.iter(qn("w:t"))))]
            continue
        paragraphs = []
        for p in sdt.find(qn("w:sdtContent")).iter(qn("w:p")):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            langs = {lang.get(qn("w:val")) for lang in p.iter(qn("w:lang"))}
            if text:
                assert len(langs) == 1, (tag, text, langs)
                paragraphs.append((text, langs.pop()))
        found[tag] = paragraphs
    return found


def headings(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.style.name.startswith("Heading")]


def blank(built_site: Path, setting: str, lang: str, guidance: bool) -> bytes:
    return document_from_pack(read_pack(built_site, setting), docx_name(setting, lang, guidance=guidance))


def print_view(tab) -> str:
    tab.evaluate("window.print = function () {}")
    tab.locator("button[data-action='print']").click()
    tab.emulate_media(media="print")
    view = tab.locator("#lpl-make-print")
    assert view.is_visible() and not tab.locator("#lpl-make").is_visible()
    text = view.inner_text()
    tab.emulate_media(media="screen")
    return text


def test_first_load_is_light_and_fetches_no_documents(built_site, browser):
    """Everything the page loads before it is used, as a static host sends it (gzip): at most 150 KB;
    the documents and the zip library wait until writing starts."""
    sent: list[tuple[str, int]] = []
    with serve(built_site, sent=sent) as base:
        for lang in LANG_ROOT:
            sent.clear()
            ctx = browser.new_context(viewport=PHONE)
            tab = ctx.new_page()
            try:
                tab.goto(base + LANG_ROOT[lang] + MAKE, wait_until="networkidle")
                first = list(sent)
                total = sum(size for _, size in first)
                assert total <= FIRST_LOAD_BUDGET, f"{lang}: {total / 1024:.1f} KB on first load: {first}"
                assert not [p for p, _ in first if "lpl-plan-templates" in p or "fflate" in p], first
                tab.locator("[data-tag='title.school']").fill("Ysgol")
                wait_for_documents(tab, "primary")
                assert [p for p, _ in sent if p.endswith(pack_name("primary"))]
            finally:
                ctx.close()
    page = (built_site / MAKE / "index.html").read_bytes()
    assert len(gzip.compress(page)) < 40 * 1024 and len(page) < 160 * 1024  # was 467 KB of HTML


def test_contents_say_which_parts_are_started_and_lead_to_each_part(plan, site_server, browser):
    ctx, tab, errors = open_maker(browser, site_server, "en")
    try:
        items = tab.locator("#lpl-make-list li")
        sections = plan.sections_for("primary")
        assert items.count() == 1 + len(sections)
        assert items.nth(0).inner_text().startswith(plan.label("make_title_page").en)
        assert items.nth(3).inner_text().startswith(f"3. {sections[2].title.en}")
        states = tab.locator(".lpl-make-state")
        assert set(states.all_inner_texts()) == {"Not started"}
        # the title page shows first; a part is chosen from the contents, one at a time
        assert box(tab, "title.school").is_visible() and box(tab, "notes.context-and-vision").count() == 0
        goto_part(tab, "national-priorities")
        assert tab.evaluate("document.activeElement.id") == "lpl-make-part-title"
        assert tab.locator("#lpl-make-part-title").inner_text() == f"3. {sections[2].title.en}"
        assert tab.locator("#lpl-make-list a[aria-current='step']").inner_text().startswith("3. ")
        assert box(tab, "title.school").count() == 0 and box(tab, "table.contributory-factors.1.2").is_visible()
        assert box(tab, "table.contributory-factors.1.2").get_attribute("type") == "checkbox"
        box(tab, "table.national-priorities.1.2", "en").fill("Curriculum for Wales is well under way")
        assert states.nth(3).inner_text() == "Started" and states.nth(3).get_attribute("data-state") == "started"
        assert states.nth(0).inner_text() == "Not started"
        tab.locator("a[rel=next]").click()
        shown_part(tab, "individual-journeys")
        assert tab.locator("#lpl-make-part-title").inner_text().startswith("4. ")
        tab.go_back()
        shown_part(tab, "national-priorities")
        assert box(tab, "table.national-priorities.1.2", "en").input_value() == "Curriculum for Wales is well under way"
        tab.reload()  # the address names the part; the draft is kept
        assert tab.locator("#lpl-make-part-title").inner_text().startswith("3. ")
        assert tab.locator(".lpl-make-state").nth(3).inner_text() == "Started"
        # a cluster's plan has its own parts' tables
        tab.select_option("#lpl-make-setting", "cluster")
        goto_part(tab, "context-and-vision")
        assert box(tab, "table.partner-schools.1.1", "en").is_visible()
        assert errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", LANG_ROOT)
@pytest.mark.parametrize("width", [390, 1280])
def test_download_and_print_are_reachable_by_keyboard_from_the_top(site_server, browser, lang, width):
    """From the top of the page, on the longest part, at most 40 presses of Tab reach Download and Print."""
    ctx, tab, _ = open_maker(browser, site_server, lang, "#part-action-plan", viewport={"width": width, "height": 844})
    try:
        from_the_top(tab)
        reached = {}
        for press in range(1, 41):
            tab.keyboard.press("Tab")
            action = tab.evaluate("document.activeElement.getAttribute('data-action')")
            if action in ("download", "print"):
                reached.setdefault(action, press)
            if len(reached) == 2:
                break
        assert set(reached) == {"download", "print"}, f"not within 40 presses: {reached}"
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", LANG_ROOT)
def test_nothing_scrolls_sideways_at_320_px(site_server, browser, lang):
    ctx, tab, errors = open_maker(browser, site_server, lang, viewport={"width": 320, "height": 700})
    try:
        tab.check("#lpl-make-language-bilingual")
        for part in ("title-page", "national-priorities", "action-plan"):
            goto_part(tab, part)
            width = tab.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[0] <= width[1], f"{part}: the page is {width[0]} px wide in a {width[1]} px window"
        assert errors == []
    finally:
        ctx.close()


def test_at_200_percent_zoom_nothing_sticky_takes_the_screen(site_server, browser):
    """A 1366 × 768 laptop at 200%: a 683 × 384 CSS px window. What stays on screen while the reader
    writes (sticky or fixed) covers at most a quarter of it."""
    ctx, tab, _ = open_maker(browser, site_server, "cy", "#part-priorities", viewport={"width": 683, "height": 384})
    try:
        box(tab, "table.priorities.1.1", "cy").focus()
        covered = tab.evaluate(
            """() => [...document.querySelectorAll('body *')].filter(e => {
                 const s = getComputedStyle(e); return (s.position === 'fixed' || s.position === 'sticky')
                   && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0; })
               .map(e => e.getBoundingClientRect())
               .filter(r => r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0)
               .reduce((sum, r) => sum + Math.min(r.bottom, innerHeight) - Math.max(r.top, 0), 0)"""
        )
        assert covered <= 384 / 4, f"{covered} of 384 CSS px are covered"
        focused = tab.evaluate("document.activeElement.getBoundingClientRect().top")
        header = tab.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        assert focused >= header  # the box being written in is not under the header
    finally:
        ctx.close()


def test_english_plan_is_written_downloaded_restored_and_reopened(built_site, site_server, browser, tmp_path):
    ctx, tab, errors = open_maker(browser, site_server, "en")
    requests: list[str] = []
    try:
        tab.select_option("#lpl-make-setting", "secondary")
        tab.check("#lpl-make-language-en")
        box(tab, "title.school").fill("Ysgol Uwchradd Aberdyfi <b>&amp;</b>")
        box(tab, "title.year").fill("2026/27")
        wait_for_documents(tab, "secondary")  # fetched once writing started …
        # (the browser asks for the tab's icon again as the address changes part: its own request, not the page's)
        tab.on("request", lambda r: None if r.url.endswith("/favicon.svg") else requests.append(r.url))
        ctx.set_offline(True)  # … so from here the page needs nothing from anywhere
        goto_part(tab, "context-and-vision")
        box(tab, "notes.context-and-vision", "en").fill("We are a school of 900 learners.\nSecond line.")
        goto_part(tab, "priorities")
        box(tab, "table.priorities.1.1", "en").fill("Writing across the curriculum")
        wait_saved(tab)
        data = download(tab)
        assert not tab.locator("#lpl-make-guidance").is_checked()  # by default, the plan alone

        found = controls(data)
        assert found["title.school"] == [("Ysgol Uwchradd Aberdyfi <b>&amp;</b>", "en-GB")]
        assert found["title.year"] == [("2026/27", "en-GB")]
        assert found["notes.context-and-vision"] == [
            ("We are a school of 900 learners.", "en-GB"),
            ("Second line.", "en-GB"),
        ]
        assert found["table.priorities.1.1"] == [("Writing across the curriculum", "en-GB")]
        assert sum(1 for v in found.values() if v and v[0][0] != "unchecked") == 4
        assert headings(data) == headings(blank(built_site, "secondary", "en", guidance=False))
        properties = docx.Document(io.BytesIO(data)).core_properties
        assert properties.title.endswith("— Ysgol Uwchradd Aberdyfi <b>&amp;</b>") and properties.language == "en-GB"

        # the printable view is what the Word file holds: the plan alone, no "Row" column
        text = print_view(tab)
        assert "Ysgol Uwchradd Aberdyfi <b>&amp;</b>" in text and "Writing across the curriculum" in text
        assert "Guiding questions" not in text and not re.search(r"\bRow \d", text)
        assert "Our priorities and the professional learning they need" in text

        draft = download(tab, "save-file")
        assert requests == [], f"requests after the page loaded: {requests}"
        ctx.set_offline(False)
        tab.reload()
        assert tab.locator("#lpl-make-part-title").inner_text().startswith("2. ")  # the part the address names
        goto_part(tab, "title-page")
        assert box(tab, "title.school").input_value() == "Ysgol Uwchradd Aberdyfi <b>&amp;</b>"
        assert tab.locator("#lpl-make-setting").input_value() == "secondary"
        goto_part(tab, "context-and-vision")
        assert (
            box(tab, "notes.context-and-vision", "en").input_value() == "We are a school of 900 learners.\nSecond line."
        )
        assert errors == []
    finally:
        ctx.close()

    # the saved file opens on "another computer" (a fresh browser profile)
    ctx, tab, errors = open_maker(browser, site_server, "en")
    try:
        assert box(tab, "title.school").input_value() == ""
        tab.locator("#lpl-make-file").set_input_files(
            files=[{"name": "draft.json", "mimeType": "application/json", "buffer": draft}]
        )
        expect_value(tab, "title.school", "Ysgol Uwchradd Aberdyfi <b>&amp;</b>")
        goto_part(tab, "priorities")
        assert box(tab, "table.priorities.1.1", "en").input_value() == "Writing across the curriculum"
        assert errors == []
    finally:
        ctx.close()

    # LibreOffice opens it: with one part written, an English plan is at most 12 pages
    pdf = to_pdf({"plan.docx": data}, tmp_path)["plan.docx"]
    assert pdf_pages(pdf) <= 12
    flat = " ".join(pdf_text(pdf).split())  # a narrow cell wraps its words
    assert "Ysgol Uwchradd Aberdyfi" in flat and "Writing across the curriculum" in flat


def expect_value(tab, tag: str, value: str) -> None:
    tab.wait_for_function(
        "([tag, value]) => document.querySelector(`[data-tag='${tag}']`).value === value", arg=[tag, value]
    )


def test_the_guidance_is_there_when_asked_for(built_site, plan, site_server, browser):
    """The check box "Include the guidance" gives the working draft: the template, filled in."""
    ctx, tab, errors = open_maker(browser, site_server, "en")
    try:
        box(tab, "title.school").fill("Ysgol Glan")
        tab.check("#lpl-make-guidance")
        wait_for_documents(tab, "primary")
        data = download(tab)
        assert headings(data) == headings((built_site / "downloads" / docx_name("primary", "en")).read_bytes())
        assert plan.label("guiding_questions").en in headings(data)
        assert controls(data)["title.school"] == [("Ysgol Glan", "en-GB")]
        text = print_view(tab)
        assert plan.label("guiding_questions").en in text and plan.label("how_to_use_title").en in text
        tab.reload()
        assert tab.locator("#lpl-make-guidance").is_checked()  # kept with the draft
        assert errors == []
    finally:
        ctx.close()


def test_welsh_page_makes_a_bilingual_plan_each_answer_in_its_language(built_site, plan, site_server, browser):
    ctx, tab, errors = open_maker(browser, site_server, "cy", viewport=PHONE)
    try:
        assert tab.locator("#lpl-make-language-cy").is_checked()  # the page's language first
        goto_part(tab, "context-and-vision")
        assert box(tab, "notes.context-and-vision", "en").count() == 0
        tab.check("#lpl-make-language-bilingual")
        assert box(tab, "notes.context-and-vision", "en").is_visible()
        assert "(Saesneg)" in tab.locator("label[for='lpl-f-notes_context-and-vision-en']").inner_text()
        box(tab, "notes.context-and-vision", "cy").fill("Ysgol o 210 o ddysgwyr.")
        box(tab, "notes.context-and-vision", "en").fill("A school of 210 learners.")
        goto_part(tab, "national-priorities")
        tab.check("[data-tag='table.contributory-factors.3.2']")
        goto_part(tab, "individual-journeys")
        box(tab, "table.journeys.1.2", "cy").fill("Mentora")
        goto_part(tab, "title-page")
        box(tab, "title.school").fill("Ysgol Gynradd Llanfair")
        wait_for_documents(tab, "primary")
        data = download(tab)
        found = controls(data)
        assert found["title.school"] == [("Ysgol Gynradd Llanfair", "cy-GB")]
        assert found["notes.context-and-vision"] == [
            ("Ysgol o 210 o ddysgwyr.", "cy-GB"),
            ("A school of 210 learners.", "en-GB"),
        ]
        assert found["table.journeys.1.2"] == [("Mentora", "cy-GB")]
        assert found["table.contributory-factors.3.2"] == [("checked", "\u2612")]
        assert found["table.contributory-factors.4.2"] == [("unchecked", "\u2610")]
        assert headings(data) == headings(blank(built_site, "primary", "bilingual", guidance=False))

        # Print in both languages: every heading in Welsh and English, no "Rhes" (row) column
        text = print_view(tab)
        for section in plan.sections_for("primary"):
            assert f"{section.title.cy} / {section.title.en}" in " ".join(text.split()), section.id
        for table in (t for s in plan.sections_for("primary") for t in s.tables_for("primary")):
            assert f"{table.title.cy} / {table.title.en}" in " ".join(text.split()), table.id
        assert not re.search(r"\b(Rhes|Row) \d", text)
        assert "\u2612" in text and "Mentora" in text
        # The draft-translation notice where the Word file has it (as its writer noted the drafts it showed).
        notice, word = plan.label("draft_notice_plan"), blank(built_site, "primary", "bilingual", guidance=False)
        in_word = notice.cy in "".join(p.text for p in docx.Document(io.BytesIO(word)).paragraphs)
        printed = " ".join(text.split())
        assert (notice.cy in printed) == (notice.en in printed) == in_word  # in_word today: its Welsh is a draft
        assert errors == []
    finally:
        ctx.close()


HOSTILE = {
    "format": "lpl-plan-draft",
    "version": 2,
    "setting": "primary",
    "language": "en",
    "guidance": "yes",
    "answers": {
        "title.school": "<img src=x onerror=\"document.title='owned'\">" + "x" * 1000,
        "notes.context-and-vision": {"en": "<script>document.title='owned'</script>", "de": "?"},
        "table.contributory-factors.1.2": "<b>true</b>",
        "table.contributory-factors.2.2": True,
        "__proto__": {"polluted": True},
        "no.such.field": "dropped",
        "title.year": 2026,
    },
}


@pytest.mark.parametrize(
    ("content", "accepted"),
    [
        (json.dumps(HOSTILE), True),
        ("{not json", False),
        (
            json.dumps(
                {"format": "lpl-plan-draft", "version": 2, "setting": "nowhere", "language": "en", "answers": {}}
            ),
            False,
        ),
        (
            json.dumps(
                {"format": "lpl-plan-draft", "version": 3, "setting": "primary", "language": "en", "answers": {}}
            ),
            False,
        ),
        (json.dumps([1, 2, 3]), False),
        ('{"format": "lpl-plan-draft", "answers": "' + "x" * (5 * 1024 * 1024) + '"}', False),
    ],
    ids=["hostile-values", "not-json", "unknown-setting", "unknown-version", "wrong-shape", "too-big"],
)
def test_an_opened_file_is_treated_as_hostile(site_server, browser, content, accepted):
    ctx, tab, errors = open_maker(browser, site_server, "en")
    try:
        tab.locator("#lpl-make-file").set_input_files(
            files=[{"name": "draft.json", "mimeType": "application/json", "buffer": content.encode()}]
        )
        if accepted:
            school = box(tab, "title.school")
            tab.wait_for_function("() => document.querySelector(\"[data-tag='title.school']\").value !== ''")
            assert school.input_value() == HOSTILE["answers"]["title.school"][:300]  # capped, and only ever a value
            assert box(tab, "title.year").input_value() == ""  # not a string: left out
            assert not tab.locator("#lpl-make-guidance").is_checked()  # not true: left out
            goto_part(tab, "context-and-vision")
            assert box(tab, "notes.context-and-vision", "en").input_value() == "<script>document.title='owned'</script>"
            goto_part(tab, "national-priorities")
            assert not box(tab, "table.contributory-factors.1.2").is_checked()  # a tick is true or nothing
            assert box(tab, "table.contributory-factors.2.2").is_checked()
            assert tab.locator("#lpl-make img, #lpl-make script, #lpl-make b").count() == 0
            assert tab.evaluate("({}).polluted") is None
            assert tab.title() != "owned"
        else:
            tab.wait_for_function("() => document.getElementById('lpl-make-error').textContent !== ''")
            assert "not a plan draft" in tab.locator("#lpl-make-error").inner_text()
            assert tab.locator("#lpl-make-error").get_attribute("role") == "alert"
        assert errors == []
    finally:
        ctx.close()


# A draft saved by the one-page form (version 1): its "✓" column was a box to write in.
OLD_DRAFT = {
    "format": "lpl-plan-draft",
    "version": 1,
    "setting": "primary",
    "language": "bilingual",
    "saved": "2026-11-30T10:00:00.000Z",
    "answers": {
        "title.school": "Ysgol yr Hen Ffurflen",
        "table.contributory-factors.1.2": {"cy": "\u2713"},
        "table.contributory-factors.2.2": {"en": "Yes, through coaching"},
        "table.contributory-factors.2.3": {"en": "Weekly coaching sessions"},
        "table.contributory-factors.3.2": {"en": "  "},
        "notes.context-and-vision": {"cy": "Hen nodiadau", "en": "Old notes"},
    },
}


@pytest.mark.parametrize("where", ["file", "browser"])
def test_drafts_of_the_one_page_form_still_open(site_server, browser, where):
    """Version 1 drafts (from a file, or kept in this browser) open: what was written in the "✓" boxes ticks
    them, and words beyond a tick mark move to the row's box to write in."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = ctx.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    try:
        if where == "browser":
            ctx.add_init_script(f"localStorage.setItem('lpl-plan-draft', {json.dumps(json.dumps(OLD_DRAFT))})")
        tab.goto(site_server + MAKE, wait_until="load")
        if where == "file":
            tab.locator("#lpl-make-file").set_input_files(
                files=[{"name": "old.json", "mimeType": "application/json", "buffer": json.dumps(OLD_DRAFT).encode()}]
            )
        expect_value(tab, "title.school", "Ysgol yr Hen Ffurflen")
        assert tab.locator("#lpl-make-language-bilingual").is_checked()
        goto_part(tab, "national-priorities")
        assert box(tab, "table.contributory-factors.1.2").is_checked()
        assert box(tab, "table.contributory-factors.2.2").is_checked()
        assert not box(tab, "table.contributory-factors.3.2").is_checked()  # only spaces: nothing written
        assert (
            box(tab, "table.contributory-factors.2.3", "en").input_value()
            == "Yes, through coaching\nWeekly coaching sessions"
        )
        assert box(tab, "table.contributory-factors.1.3", "cy").input_value() == ""  # a mark alone moves nowhere
        goto_part(tab, "context-and-vision")
        assert box(tab, "notes.context-and-vision", "cy").input_value() == "Hen nodiadau"
        wait_saved(tab)
        kept = json.loads(tab.evaluate("localStorage.getItem('lpl-plan-draft')"))
        if kept["version"] == 2:  # saved again in the new form, once anything changed
            assert kept["answers"]["table.contributory-factors.1.2"] is True
        assert errors == []
    finally:
        ctx.close()


def test_clearing_deletes_the_draft_from_the_browser(site_server, browser):
    ctx, tab, _ = open_maker(browser, site_server, "en")
    try:
        box(tab, "title.school").fill("Ysgol Glan")
        wait_saved(tab)
        assert "Ysgol Glan" in tab.evaluate("localStorage.getItem('lpl-plan-draft')")
        tab.once("dialog", lambda dialog: dialog.accept())
        tab.locator("button[data-action='clear']").click()
        assert tab.evaluate("localStorage.getItem('lpl-plan-draft')") is None
        assert box(tab, "title.school").input_value() == ""
        assert tab.locator(".lpl-make-state").first.inner_text() == "Not started"
        tab.reload()
        assert box(tab, "title.school").input_value() == ""
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", LANG_ROOT)
def test_the_page_forbids_connections_and_material_still_works(built_site, site_server, browser, lang):
    html = (built_site / LANG_ROOT[lang] / MAKE / "index.html").read_text(encoding="utf-8")
    policy = lxml.html.fromstring(html).xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert len(policy) == 1 and "connect-src 'none'" in policy[0] and "default-src 'none'" in policy[0]
    assert html.index("Content-Security-Policy") < html.index("<script")
    ctx = browser.new_context()
    ctx.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    tab = ctx.new_page()
    try:
        tab.goto(site_server + LANG_ROOT[lang] + MAKE, wait_until="load")
        # Material's script runs under the policy: its observables exist and it marks the header on scroll
        assert tab.evaluate("typeof window.document$ === 'object' && typeof window.viewport$ === 'object'")
        tab.mouse.wheel(0, 3000)
        tab.locator(".md-header__title--active").wait_for()
        box(tab, "title.school").fill("Ysgol")  # the documents load as scripts of the site, within the policy
        wait_for_documents(tab, "primary")
        assert tab.evaluate("window.__violations") == []  # nothing on the page breaks the policy
        blocked = tab.evaluate("fetch(location.href).then(() => 'sent', () => 'blocked')")
        assert blocked == "blocked"
        assert tab.evaluate("window.__violations")[0].startswith("connect-src")
    finally:
        ctx.close()


def test_keyboard_only_writes_and_downloads(site_server, browser):
    ctx, tab, _errors = open_maker(browser, site_server, "en")
    try:
        for _ in range(40):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.getAttribute('data-tag')") == "title.school":
                break
        tab.keyboard.type("Ysgol Bysellfwrdd")
        wait_for_documents(tab, "primary")
        from_the_top(tab)
        for _ in range(40):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.getAttribute('data-action')") == "download":
                break
        with tab.expect_download() as info:
            tab.keyboard.press("Enter")
        assert controls(Path(info.value.path()).read_bytes())["title.school"] == [("Ysgol Bysellfwrdd", "en-GB")]
    finally:
        ctx.close()


def test_the_documents_are_kept_for_the_next_visit(site_server, browser):
    """Fetched once, the setting's documents are kept in this browser (IndexedDB): the next visit makes the
    Word file without fetching them again, with no connection at all."""
    ctx, tab, errors = open_maker(browser, site_server, "en")
    try:
        box(tab, "title.school").fill("Ysgol Gyntaf")
        wait_saved(tab)
        wait_for_documents(tab, "primary")
        tab.wait_for_function(
            """() => new Promise(done => { const open = indexedDB.open('lpl-plan-templates');
                 open.onsuccess = () => { const get = open.result.transaction('packs').objectStore('packs').get('primary');
                   get.onsuccess = () => done(!!get.result); get.onerror = () => done(false); };
                 open.onerror = () => done(false); })"""
        )
        again = ctx.new_page()
        again.goto(site_server + MAKE, wait_until="load")
        requests: list[str] = []
        again.on("request", lambda r: None if r.url.endswith("/favicon.svg") else requests.append(r.url))
        ctx.set_offline(True)
        with again.expect_download() as info:
            again.locator("button[data-action='download']").click()
        found = controls(Path(info.value.path()).read_bytes())
        assert found["title.school"] == [("Ysgol Gyntaf", "en-GB")]
        assert not [r for r in requests if "lpl-plan-templates" in r], requests
        assert errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_nothing_jumps_while_the_form_is_built(browser, site_server, lang):
    """The form is built by the page's script: its room is kept from the first paint, so nothing on a phone's first
    screen moves when it appears (the footer stood there and jumped away: Lighthouse's layout shift 0.27–0.46,
    performance 86). Measured with the script held back, as on a slow phone: the footer starts below the screen."""
    viewport = {"width": 412, "height": 823}
    context = browser.new_context(viewport=viewport, is_mobile=True, has_touch=True)
    try:
        tab = context.new_page()
        held = []  # the page's script, held back until the page as first drawn has been measured
        tab.route("**/make-plan.js", lambda route: held.append(route))
        tab.goto(site_server + ("cy/" if lang == "cy" else "") + MAKE, wait_until="commit")
        tab.wait_for_selector(".md-footer", state="attached")
        while not held:
            tab.wait_for_timeout(50)
        top = tab.evaluate("() => document.querySelector('.md-footer').getBoundingClientRect().top")
        assert top >= viewport["height"], f"the footer is drawn {top:.0f} px down, on the first screen, then moves"
        held[0].continue_()
        tab.wait_for_selector("#lpl-make-list li")  # the form, built and shown
        assert tab.is_visible("#lpl-make-setting")
    finally:
        context.close()
