"""`python scripts/bench.py plan [--site DIR]`: "Make your plan" as a deputy head on a phone meets it, and
the Word plan it downloads.

Builds a temporary copy of the project (or measures an already built `--site`, e.g. an older build, for a
before/after), serves it with gzip as a static host would, and in Debian's Chromium at 390 × 844, for
each language: the bytes on the wire on first load (everything until the network is quiet), the bytes
fetched once writing starts, how many presses of Tab from the top reach Download, and whether the page
scrolls sideways at 320 px. Then the Word file the page makes with one answer written (the school's
name), in each document language, converted by LibreOffice: its pages. With Lighthouse installed in
tools/lighthouse/ (`bench.py pages` installs it), the page's mobile scores too.

Targets (issue 26): first load ≤ 150 KB, Download within 40 presses of Tab, no sideways scrolling at
320 px, an English plan with one answer at most 12 pages, Lighthouse performance ≥ 95 (mobile).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.harness import copy_project, mkdocs_build, serve

from .pages import CHROME, LIGHTHOUSE, lighthouse, summarise

MAKE = "plan-templates/make/"
LANGS = {"en": "", "cy": "cy/"}
TARGET_KB, TARGET_TABS, TARGET_PAGES, TARGET_PERFORMANCE = 150, 40, 12, 95


def page_figures(base: str, sent: list, lang: str, browser, tmp: Path) -> dict:
    """First-load bytes, bytes once writing starts, Tab presses to Download, sideways scroll; and the
    .docx made with one answer in each document language."""
    figures: dict = {}
    sent.clear()
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    tab = ctx.new_page()
    tab.goto(base + LANGS[lang] + MAKE, wait_until="networkidle")
    figures["first_kb"] = sum(size for _, size in sent) / 1024
    figures["requests"] = len(sent)
    tab.evaluate("document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex')")
    figures["tabs"] = None
    for press in range(1, 1500):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.getAttribute('data-action')") == "download":
            figures["tabs"] = press
            break
    before = len(sent)
    tab.locator("[data-tag='title.school']").fill("Ysgol Gynradd Cwm Derwen")
    tab.wait_for_timeout(300)
    tab.wait_for_load_state("networkidle")
    figures["writing_kb"] = sum(size for _, size in sent[before:]) / 1024
    documents = {}
    for doc_lang in ("en", "cy", "bilingual"):
        tab.check(f"#lpl-make-language-{doc_lang}")
        with tab.expect_download() as info:
            tab.locator("button[data-action='download']").first.click()
        path = tmp / f"plan-{lang}-{doc_lang}.docx"
        path.write_bytes(Path(info.value.path()).read_bytes())
        documents[doc_lang] = path
    ctx.close()
    narrow = browser.new_context(viewport={"width": 320, "height": 700})
    tab = narrow.new_page()
    tab.goto(base + LANGS[lang] + MAKE, wait_until="load")
    figures["sideways_px"] = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    narrow.close()
    figures["documents"] = documents
    return figures


def pdf_pages(documents: list[Path], tmp: Path) -> dict[Path, int]:
    soffice = shutil.which("soffice")
    if not soffice or not shutil.which("pdfinfo"):
        return {}
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp / 'lo'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp), *map(str, documents)],
        capture_output=True, check=True, timeout=600,
    )  # fmt: skip
    pages = {}
    for document in documents:
        info = subprocess.run(["pdfinfo", str(document.with_suffix(".pdf"))], capture_output=True, text=True).stdout
        pages[document] = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return pages


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.py plan", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build this checkout)")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="lpl-bench-plan-") as tmp:
        tmp = Path(tmp)
        site = args.site
        if site is None:
            project = copy_project(tmp / "project")
            print("building the site …", file=sys.stderr)
            mkdocs_build(project, check=True)
            site = project / "site"
        sent: list = []
        results = {}
        with serve(site, sent=sent) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROME, args=["--no-sandbox"])
            for lang in LANGS:
                results[lang] = page_figures(base, sent, lang, browser, tmp)
            browser.close()
            scores = {}
            if LIGHTHOUSE.exists() and not args.no_lighthouse:
                for lang in LANGS:
                    report = lighthouse(base + LANGS[lang] + MAKE, tmp / "report.json")
                    scores[lang] = summarise(report, "make-plan", lang, "lpl")
        pages = pdf_pages([d for r in results.values() for d in r["documents"].values()], tmp)
        html = (site / MAKE / "index.html").read_bytes()

    print(f"Make your plan ({site}), phone 390 × 844; page HTML {len(html) / 1024:.0f} KB")
    print(f"{'':<40}{'en':>10}{'cy':>10}   target")
    rows = [
        ("first load, KB (gzip)", "first_kb", "{:.1f}", f"≤ {TARGET_KB}"),
        ("requests on first load", "requests", "{}", ""),
        ("fetched once writing starts, KB", "writing_kb", "{:.1f}", ""),
        ("Tab presses to Download", "tabs", "{}", f"≤ {TARGET_TABS}"),
        ("sideways scroll at 320 px, px", "sideways_px", "{}", "0"),
    ]
    for label, key, form, target in rows:
        print(f"{label:<40}" + "".join(f"{form.format(results[lang][key]):>10}" for lang in LANGS) + f"   {target}")
    for doc_lang in ("en", "cy", "bilingual"):
        label = f"Word plan, one answer, {doc_lang}: pages"
        found = [pages.get(results[lang]["documents"][doc_lang], "?") for lang in LANGS]
        print(
            f"{label:<40}" + "".join(f"{n:>10}" for n in found) + (f"   ≤ {TARGET_PAGES}" if doc_lang == "en" else "")
        )
    if scores:
        for category in ("performance", "accessibility", "best-practices", "seo"):
            print(f"{'Lighthouse (mobile) ' + category:<40}" + "".join(f"{scores[lang].scores[category]:>10}" for lang in LANGS)
                  + (f"   ≥ {TARGET_PERFORMANCE}" if category == "performance" else ""))  # fmt: skip
        print(f"{'Lighthouse: KB transferred':<40}" + "".join(f"{scores[lang].kb:>10.1f}" for lang in LANGS))
    misses = [
        lang
        for lang, r in results.items()
        if r["first_kb"] > TARGET_KB or (r["tabs"] or 9999) > TARGET_TABS or r["sideways_px"] > 0
    ]
    misses += [d.name for d, n in pages.items() if d.name.endswith("-en.docx") and n > TARGET_PAGES]
    misses += [lang for lang, s in scores.items() if s.scores["performance"] < TARGET_PERFORMANCE]
    print("all targets met" if not misses else f"targets missed: {', '.join(misses)}")
    return 0
