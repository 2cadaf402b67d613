""" "Make your plan" (plan-templates/make/): a school fills in its plan in the browser and downloads it as
the build's own .docx with its content controls filled — checked by reopening the file with python-docx
and converting it with LibreOffice; the draft survives a reload and a saved file; nothing leaves the page.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path

import docx
import lxml.html
import pytest
from docx.oxml.ns import qn
from harness import ROOT
from lpl.model.plan import PLAN_LANGUAGES
from lpl.render.plan_view import docx_name, fields_data, plan_fields

FFLATE = ROOT / "plugins" / "lpl" / "overrides" / "assets" / "vendor" / "fflate"
LANG_ROOT = {"en": "", "cy": "cy/"}
MAKE = "plan-templates/make/"


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


def page_data(built_site: Path, lang: str) -> tuple[dict, lxml.html.HtmlElement]:
    html = (built_site / LANG_ROOT[lang] / MAKE / "index.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    return json.loads(tree.get_element_by_id("lpl-make-data").text), tree


@pytest.mark.parametrize("lang", LANG_ROOT)
def test_documents_page_and_browser_share_one_field_list(built_site, plan, lang):
    data, tree = page_data(built_site, lang)
    assert data["settings"] == fields_data(plan)["settings"]
    boxes: dict[str, list] = {}
    for box in tree.xpath("//form[@id='lpl-make']//*[@data-tag]"):
        boxes.setdefault(box.get("data-tag"), []).append(box)
    every_tag = set()
    for setting in plan.settings:
        fields = plan_fields(plan, setting)
        every_tag |= {f.tag for f in fields}
        for doc_lang in PLAN_LANGUAGES:
            document = docx.Document(built_site / "downloads" / docx_name(setting, doc_lang))
            assert sdt_tags(document) == [f.tag for f in fields], (setting, doc_lang)
        for field in fields:
            found = boxes.get(field.tag, [])
            # a name is one box; an answer has a Welsh and an English box (shown per the document's language)
            assert sorted(b.get("lang") or "" for b in found) == ([""] if field.kind == "name" else ["cy", "en"]), (
                field.tag
            )
            for box in found:
                label = tree.xpath(f"//label[@for='{box.get('id')}']")
                assert label and label[0].text_content().strip(), f"{field.tag}: no label"
    assert set(boxes) == every_tag


def test_the_template_pack_is_the_built_documents(built_site):
    script = (built_site / "downloads" / "lpl-plan-templates.js").read_text(encoding="ascii")
    pack = json.loads(script[script.index("=") + 1 : script.rindex(";")])
    documents = sorted(p.name for p in (built_site / "downloads").glob("*.docx"))
    assert sorted(pack["documents"]) == documents
    for name in documents:
        with zipfile.ZipFile(built_site / "downloads" / name) as z:
            want = [(i.filename, z.read(i)) for i in z.infolist()]
        got = [
            (part, zlib.decompress(base64.b64decode(pack["parts"][key]), -15)) for part, key in pack["documents"][name]
        ]
        assert got == want, name


# --- In the browser ------------------------------------------------------------------------------


def open_maker(browser, site_server: str, lang: str, **context):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900}, **context)
    tab = ctx.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.goto(site_server + LANG_ROOT[lang] + MAKE, wait_until="load")
    tab.locator("#lpl-make").wait_for(state="visible")
    return ctx, tab, errors


def box(tab, tag: str, lang: str | None = None):
    return tab.locator(f"[data-tag='{tag}']" + (f"[lang='{lang}']" if lang else ""))


def wait_saved(tab):
    tab.wait_for_function("() => /\\d/.test(document.getElementById('lpl-make-status').textContent)")


def download(tab, action: str = "download") -> bytes:
    with tab.expect_download() as info:
        tab.locator(f"button[data-action='{action}']").first.click()
    return Path(info.value.path()).read_bytes()


def controls(data: bytes) -> dict[str, list[tuple[str, str | None]]]:
    """{tag: [(paragraph text, w:lang of its runs)]} of every content control in a .docx."""
    found = {}
    body = docx.Document(io.BytesIO(data)).element.body
    for sdt in body.iter(qn("w:sdt")):
        tag = sdt.find(qn("w:sdtPr") + "/" + qn("w:tag")).get(qn("w:val"))
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


def test_english_plan_is_filled_downloaded_restored_and_reopened(built_site, site_server, browser, tmp_path):
    ctx, tab, errors = open_maker(browser, site_server, "en")
    requests: list[str] = []
    try:
        tab.on("request", lambda r: requests.append(r.url))
        ctx.set_offline(True)  # after loading, the page needs nothing from anywhere
        tab.select_option("#lpl-make-setting", "secondary")
        tab.check("#lpl-make-language-en")
        box(tab, "title.school").fill("Ysgol Uwchradd Aberdyfi <b>&amp;</b>")
        box(tab, "title.year").fill("2026/27")
        box(tab, "notes.context-and-vision", "en").fill("We are a school of 900 learners.\nSecond line.")
        box(tab, "table.priorities.1.1", "en").fill("Writing across the curriculum")
        wait_saved(tab)
        data = download(tab)
        (tmp_path / "plan.docx").write_bytes(data)

        found = controls(data)
        assert found["title.school"] == [("Ysgol Uwchradd Aberdyfi <b>&amp;</b>", "en-GB")]
        assert found["title.year"] == [("2026/27", "en-GB")]
        assert found["notes.context-and-vision"] == [
            ("We are a school of 900 learners.", "en-GB"),
            ("Second line.", "en-GB"),
        ]
        assert found["table.priorities.1.1"] == [("Writing across the curriculum", "en-GB")]
        assert sum(1 for v in found.values() if v) == 4
        blank = (built_site / "downloads" / docx_name("secondary", "en")).read_bytes()
        assert headings(data) == headings(blank) and len(headings(blank)) > 10

        # the printable view shows the filled plan alone
        tab.evaluate("window.print = function () {}")
        tab.locator("button[data-action='print']").click()
        tab.emulate_media(media="print")
        view = tab.locator("#lpl-make-print")
        assert view.is_visible() and not tab.locator("#lpl-make").is_visible()
        assert "Ysgol Uwchradd Aberdyfi <b>&amp;</b>" in view.inner_text()
        assert "Writing across the curriculum" in view.inner_text()
        tab.emulate_media(media="screen")

        draft = download(tab, "save-file")
        ctx.set_offline(False)
        assert requests == [], f"requests after the page loaded: {requests}"
        tab.reload()
        assert box(tab, "title.school").input_value() == "Ysgol Uwchradd Aberdyfi <b>&amp;</b>"
        assert tab.locator("#lpl-make-setting").input_value() == "secondary"
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
        assert box(tab, "table.priorities.1.1", "en").input_value() == "Writing across the curriculum"
        assert errors == []
    finally:
        ctx.close()

    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs it")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "plan.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert (tmp_path / "plan.pdf").stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "plan.pdf"), "-"], capture_output=True, text=True).stdout
        text = " ".join(text.split())  # a narrow cell wraps its words
        assert "Ysgol Uwchradd Aberdyfi" in text and "Writing across the curriculum" in text


def expect_value(tab, tag: str, value: str) -> None:
    tab.wait_for_function(
        "([tag, value]) => document.querySelector(`[data-tag='${tag}']`).value === value", arg=[tag, value]
    )


def test_welsh_page_makes_a_bilingual_plan_each_answer_in_its_language(built_site, site_server, browser):
    ctx, tab, errors = open_maker(browser, site_server, "cy")
    try:
        assert tab.locator("#lpl-make-language-cy").is_checked()  # the page's language first
        assert not box(tab, "notes.context-and-vision", "en").is_visible()
        tab.check("#lpl-make-language-bilingual")
        assert box(tab, "notes.context-and-vision", "en").is_visible()
        box(tab, "title.school").fill("Ysgol Gynradd Llanfair")
        box(tab, "notes.context-and-vision", "cy").fill("Ysgol o 210 o ddysgwyr.")
        box(tab, "notes.context-and-vision", "en").fill("A school of 210 learners.")
        box(tab, "table.journeys.1.2", "cy").fill("Mentora")
        data = download(tab)
        found = controls(data)
        assert found["title.school"] == [("Ysgol Gynradd Llanfair", "cy-GB")]
        assert found["notes.context-and-vision"] == [
            ("Ysgol o 210 o ddysgwyr.", "cy-GB"),
            ("A school of 210 learners.", "en-GB"),
        ]
        assert found["table.journeys.1.2"] == [("Mentora", "cy-GB")]
        blank = (built_site / "downloads" / docx_name("primary", "bilingual")).read_bytes()
        assert headings(data) == headings(blank)
        assert errors == []
    finally:
        ctx.close()


HOSTILE = {
    "format": "lpl-plan-draft",
    "version": 1,
    "setting": "primary",
    "language": "en",
    "answers": {
        "title.school": "<img src=x onerror=\"document.title='owned'\">" + "x" * 1000,
        "notes.context-and-vision": {"en": "<script>document.title='owned'</script>", "de": "?"},
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
                {"format": "lpl-plan-draft", "version": 1, "setting": "nowhere", "language": "en", "answers": {}}
            ),
            False,
        ),
        (json.dumps([1, 2, 3]), False),
        ('{"format": "lpl-plan-draft", "answers": "' + "x" * (5 * 1024 * 1024) + '"}', False),
    ],
    ids=["hostile-values", "not-json", "unknown-setting", "wrong-shape", "too-big"],
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
            assert box(tab, "notes.context-and-vision", "en").input_value() == "<script>document.title='owned'</script>"
            assert tab.locator("#lpl-make img, #lpl-make script").count() == 0
            assert tab.evaluate("({}).polluted") is None
            assert tab.title() != "owned"
        else:
            tab.wait_for_function("() => document.getElementById('lpl-make-error').textContent !== ''")
            assert "not a plan draft" in tab.locator("#lpl-make-error").inner_text()
            assert tab.locator("#lpl-make-error").get_attribute("role") == "alert"
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
        assert tab.evaluate("window.__violations") == []  # nothing on the page breaks the policy
        blocked = tab.evaluate("fetch(location.href).then(() => 'sent', () => 'blocked')")
        assert blocked == "blocked"
        assert tab.evaluate("window.__violations")[0].startswith("connect-src")
    finally:
        ctx.close()


def test_keyboard_only_reaches_the_form_and_downloads(site_server, browser):
    ctx, tab, _errors = open_maker(browser, site_server, "en")
    try:
        for _ in range(80):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.getAttribute('data-tag')") == "title.school":
                break
        tab.keyboard.type("Ysgol Bysellfwrdd")
        for _ in range(3000):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.getAttribute('data-action')") == "download":
                break
        with tab.expect_download() as info:
            tab.keyboard.press("Enter")
        assert controls(Path(info.value.path()).read_bytes())["title.school"] == [("Ysgol Bysellfwrdd", "en-GB")]
    finally:
        ctx.close()
