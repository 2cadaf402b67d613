"""The Welsh checks (README "Welsh spelling and terms"): every Welsh text through hunspell-cy, and the term
base over every text; `make test` fails on any finding the allowlist does not allow, with its file and line. And
the built site's Welsh pages read as a screen reader reads them (the session's one build, `built_site`): English
words outside lang="en" and unknown words per 1,000, within their limits, and planted English caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lpl.cli import main as cli_main
from lpl.editorial.built_welsh import check_built_site, render_text, site_pages, summary_line
from lpl.editorial.language_check import check_languages
from lpl.editorial.passages import Passage, markdown_lines
from lpl.editorial.spelling import ENGLISH, UNKNOWN, misspellings, read_allowlist, unknown_words, words
from lpl.editorial.term_check import misuses
from lpl.load import check
from lpl.model.counting import count_phrase
from lpl.publish.downloads import document_files, make_documents

ROOT = Path(__file__).resolve().parents[1]
DICTIONARY = ROOT / "tools" / "hunspell-cy" / "cy_GB"


@pytest.mark.build  # makes the fifteen plan documents to read their Welsh
def test_every_welsh_text_is_spelt_and_named_as_the_site_does(content):
    """Pages, data/, plans/, case studies, interface labels and the Welsh plan documents."""
    result = check_languages(content, ROOT, document_files(make_documents(content, "/")))
    assert result.passages > 5000 and result.words > 30000  # it really read the site
    assert not result.problems, result.problems
    assert not result.findings, "\n".join(f"{f.location()}: {f.message}" for f in result.findings)


def test_welsh_words_with_apostrophes_stay_whole_and_are_known():
    found = words("Mae'r ysgol sy'n dysgu i'w staff a'r dysgwyr, ac mae’r cyd-destun yn glir.")
    assert {"Mae'r", "sy'n", "i'w", "a'r", "mae'r", "cyd-destun"} <= set(found)
    assert unknown_words(found, DICTIONARY) == set()
    assert unknown_words(["twilights", "ysgoll"], DICTIONARY) == {"twilights", "ysgoll"}


def test_a_misspelling_and_an_english_word_are_reported_where_they_are():
    passages = [
        Passage("docs/cy/x.md", 3, "Mae'r ysgoll yn cynnal twilights bob tymor."),
        Passage("data/y.yml", 9, "Cafodd ADY sylw."),
    ]
    found = {(m.path, m.line, m.word, m.kind) for m in misspellings(passages, ROOT, {"ADY": "acronym"})}
    assert found == {("docs/cy/x.md", 3, "ysgoll", UNKNOWN), ("docs/cy/x.md", 3, "twilights", ENGLISH)}


def test_text_marked_english_is_skipped_and_lines_stay_true():
    page = (
        '---\ntitle: "Teitl"\ntranslation: draft\n---\n# Pennawd\n\n'
        'Gweler <span lang="en">*Developing schools\nas learning organisations*</span> a [dolen](https://example.org/slo).\n'
        "```\ncode here\n```\nDiwedd `code` {: .class }\n"
    )
    lines = dict(markdown_lines(page))
    assert lines[2] == "Teitl" and 3 not in lines
    assert "Developing" not in " ".join(lines.values()) and "organisations" not in " ".join(lines.values())
    assert lines[7].split() == ["Gweler"] and "dolen" in lines[8] and "example" not in lines[8]
    assert 10 not in lines and lines[12].split() == ["Diwedd"]


def test_forbidden_variants_are_found_in_their_mutated_forms_but_not_inside_right_names(content):
    passages = [
        Passage("a.md", 1, "ystyriol o lesiant dysgwyr"),
        Passage("a.md", 2, "Mae llesiant yn bwysig."),
        Passage("a.md", 3, "Deddf Llesiant Cenedlaethau'r Dyfodol"),
        Passage("a.md", 4, "yr arolwg SLO, frameworks/slo.md"),
        Passage(
            "a.md",
            5,
            "Academi Genedlaethol ar gyfer Arweinyddiaeth Addysgol Cymru; Academi Genedlaethol ar gyfer Arweinyddiaeth Addysgol.",
        ),
    ]
    found = [(m.line, m.found, m.concept.id) for m in misuses(passages, content.frameworks.terms, "cy")]
    assert found == [
        (1, "lesiant", "well-being"),
        (2, "llesiant", "well-being"),
        (4, "SLO", "schools-as-learning-organisations"),
        (5, "Academi Genedlaethol ar gyfer Arweinyddiaeth Addysgol", "academy"),
    ]
    english = [
        (m.found, m.concept.id)
        for m in misuses([Passage("b.md", 1, "The NPLE and wellbeing")], content.frameworks.terms, "en")
    ]
    assert english == [("NPLE", "entitlement"), ("wellbeing", "well-being")]


def test_an_allowlist_entry_needs_a_reason(tmp_path):
    path = tmp_path / "allow.txt"
    path.write_text("# comment\nGwE  # a name\nXYZ\n", encoding="utf-8")
    allowed, problems = read_allowlist(path)
    assert allowed == {"GwE": "a name", "XYZ": ""} and problems == [
        "allow.txt:3: 'XYZ' has no reason (write 'word  # why it is right')"
    ]
    entries, problems = read_allowlist(ROOT / "data" / "welsh_allowlist.txt")
    assert not problems and len(entries) < 80  # short (60 on 30 Nov 2026), every entry reasoned


def test_lpl_welsh_fails_with_file_and_line(project_copy, capsys):
    shutil.copytree(ROOT / "tools" / "hunspell-cy", project_copy / "tools" / "hunspell-cy")
    study = project_copy / "case_studies" / "pen-y-rhedyn-cluster-shared-inset.yml"
    text = study.read_text(encoding="utf-8")
    study.write_text(text.replace("neu les a phontio", "neu lesiant a phontio ysgoll"), encoding="utf-8")
    page = project_copy / "docs" / "cy" / "inset.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMae'r staff yn mynychu twilights.\n", encoding="utf-8")
    code = cli_main(["welsh", "--root", str(project_copy), "--no-documents"])
    run = capsys.readouterr()
    assert code == 1, run.out + run.err
    line = next(n for n, text in enumerate(study.read_text(encoding="utf-8").split("\n"), 1) if "ysgoll" in text)
    assert f"case_studies/pen-y-rhedyn-cluster-shared-inset.yml:{line}: unknown Welsh word: 'ysgoll'" in run.out
    assert f"case_studies/pen-y-rhedyn-cluster-shared-inset.yml:{line}: 'lesiant' is not the site's term" in run.out
    last = len(page.read_text(encoding="utf-8").rstrip("\n").split("\n"))
    assert f"docs/cy/inset.md:{last}: English word in Welsh text: 'twilights'" in run.out
    assert f"docs/cy/inset.md:{last}: 'twilights' is not the site's term" in run.out


def test_translation_report_tells_official_from_reviewed_and_draft_and_shows_the_findings(content):
    from datetime import date

    from lpl.editorial.language_check import Finding, LanguageCheck
    from lpl.editorial.translation_report import build_report, render_json, render_markdown, render_text

    finding = Finding("docs/cy/inset.md", 12, "spelling", "ysgoll", "unknown Welsh word: 'ysgoll'")
    report = build_report(
        content, ROOT, date(2026, 11, 30), LanguageCheck(findings=[finding], hunspell="Hunspell 1.7.1")
    )
    assert content.frameworks.entitlement.name.is_official("cy")  # quoted from Hwb's Welsh page, with its address
    assert report.count("data", "cy", "official") >= 20 and report.count("data", "cy", "reviewed") > 0
    assert report.count("data", "cy", "draft") > 0
    assert not any(e.status == "official" for e in report.entries)  # official Welsh is not to do
    markdown = render_markdown(report)
    assert "Welsh: official | Welsh: reviewed | Welsh: draft | Welsh: missing" in markdown
    assert (
        "### Welsh spelling and terms" in markdown
        and "| `docs/cy/inset.md` | 12 | unknown Welsh word: 'ysgoll' |" in markdown
    )
    assert "docs/cy/inset.md:12: unknown Welsh word: 'ysgoll'" in render_text(report)
    assert '"word": "ysgoll"' in render_json(report)


def test_a_source_on_a_draft_text_is_refused(project_copy):
    path = project_copy / "data" / "national_priorities.yml"
    text = path.read_text(encoding="utf-8")
    assert "cy: Cwricwlwm i Gymru, cy_status: reviewed, cy_source:" in text
    path.write_text(
        text.replace("cy: Cwricwlwm i Gymru, cy_status: reviewed,", "cy: Cwricwlwm i Gymru, cy_status: draft,"),
        encoding="utf-8",
    )
    _, problems = check(project_copy)
    assert any(
        "'cy_source' says this Welsh text is quoted from an official source: set 'cy_status: reviewed'" in p.message
        for p in problems
    ), problems


def test_glossary_pages_come_from_the_term_base(content):
    from html import unescape

    from lpl.render.pages import render_site_pages

    # as a reader sees them: the texts are escaped where they are written, an address is written (<…>)
    welsh = unescape(render_site_pages(content, "cy")["frameworks/glossary.md"])
    english = unescape(render_site_pages(content, "en")["frameworks/glossary.md"])
    hwb = "https://hwb.gov.wales/dysgu-proffesiynol/arwain-dysgu-proffesiynol/hawl-genedlaethol-ar-gyfer-dysgu-proffesiynol/"
    # each term of the other language marked with its language, for screen readers
    assert (
        f'| lles | <span lang="en">well-being</span> | Cymraeg fel y\'i cyhoeddwyd gan [Hwb (Llywodraeth Cymru)](<{hwb}>) |'
        in welsh
    )
    assert (
        f'| well-being | <span lang="cy">lles</span> | Welsh as published by [Hwb (Welsh Government)](<{hwb}>) |'
        in english
    )
    assert (
        '| twilight session | <span lang="cy">sesiwn ar ôl ysgol</span> | the site\'s choice (draft, for review) |'
        in english
    )
    assert welsh.count("\n| ") == len(content.frameworks.terms) + 1 and "translation: draft" in welsh


# --- The Welsh of the built site, read as a screen reader reads it (lpl.editorial.built_welsh) ----------------

# Theme strings a Welsh page must not carry (Material's and Python-Markdown's English defaults).
ENGLISH_CHROME = ('title="Permanent link"', 'alt="logo"', "Made with", "Material for MkDocs")


def test_every_welsh_page_as_built_reads_as_welsh(built_site):
    """English words outside lang="en" at most 0.1 per 1,000 Welsh words read, unknown words at most 1.0, over
    every /cy/ page with its chrome; no English theme string on any of them, and Welsh ones in their place."""
    result = check_built_site(built_site, ROOT)
    assert result.pages >= 50 and result.words > 50000, summary_line(result)  # it read the whole Welsh site
    assert not result.failed, render_text(result)
    pages = dict(site_pages(built_site))
    for path, html in pages.items():
        assert not [s for s in ENGLISH_CHROME if s in html], path
    case_study = pages["cy/case-studies/herbert-thompson-lsa-led-interventions/index.html"]
    assert 'title="Dolen barhaol"' in case_study and 'alt="Arwain Dysgu Proffesiynol"' in case_study
    assert (
        '<a href="../../../case-studies/herbert-thompson-lsa-led-interventions/" hreflang="en" lang="en"' in case_study
    )
    english = (built_site / "case-studies/herbert-thompson-lsa-led-interventions/index.html").read_text("utf-8")
    assert 'title="Permanent link"' in english and 'alt="Leading Professional Learning"' in english


def test_english_is_marked_where_the_renderers_write_it(built_site):
    """A summary's Welsh page: the school's English name (facts and prose), the Welsh original linked first."""
    page = (built_site / "cy/case-studies/herbert-thompson-lsa-led-interventions/index.html").read_text("utf-8")
    assert '<dd><span lang="en">Herbert Thompson Primary School</span></dd>' in page
    assert 'Roedd gan <span lang="en">Herbert Thompson Primary School</span>, yn Nhrelái' in page
    welsh = "https://estyn.llyw.cymru/adnoddau-gwella/cynorthwywyr-cymorth-dysgu-yn-arwain-ar-raglenni-ymyrraeth"
    english = "https://www.estyn.gov.wales/effective-practice/learning-support-assistants-lead-intervention-programmes"
    title = page.split("<dt>Teitl</dt>")[1].split("</dd>")[0]
    assert title.index(f'href="{welsh}" hreflang="cy"') < title.index(
        f'yn Saesneg: <a href="{english}" hreflang="en" lang="en"'
    )
    resources = page.split('id="resources"')[1].split("</ul>")[0]
    assert f'<a href="{welsh}" hreflang="cy">Estyn&#58; Cynorthwywyr Cymorth Dysgu' in resources
    assert "Saesneg&#41;" not in resources and f'<a href="{english}" hreflang="en">yn Saesneg</a>' in resources
    sources = (built_site / "cy/key-principles/index.html").read_text("utf-8").split('class="lpl-sources"')[1]
    assert '<span lang="en">Education Scotland</span>' in sources and 'hreflang="en" lang="en"' in sources


def _with(pages: list[tuple[str, str]], change) -> list[tuple[str, str]]:
    return [(path, change(path, html)) for path, html in pages]


def test_the_built_check_fails_on_an_english_sentence_planted_in_a_welsh_page(built_site):
    sentence = (
        "Every member of staff attends a weekly twilight session where they share what worked in their classroom "
        "and plan the next steps together with colleagues."
    )
    target = "cy/inset/index.html"
    planted = _with(
        site_pages(built_site),
        lambda p, h: h.replace("</article>", f"<p>{sentence}</p></article>", 1) if p == target else h,
    )
    result = check_built_site(built_site, ROOT, planted)
    assert result.failed, summary_line(result)
    found = {w for (w, page) in result.found[ENGLISH] if page == target}
    assert {"weekly", "twilight", "classroom", "colleagues", "together"} <= found
    # the same sentence marked as English is what the check allows
    marked = _with(
        site_pages(built_site),
        lambda p, h: h.replace("</article>", f'<p lang="en">{sentence}</p></article>', 1) if p == target else h,
    )
    assert not check_built_site(built_site, ROOT, marked).failed


def test_the_built_check_fails_on_unmarked_english_source_titles(built_site):
    """What a renderer that forgot lang="en" on a summary's source title would build: every summary page's English
    title read in Welsh."""

    def unmarked(path, html):
        if "/case-studies/" not in path or "lpl-source" not in html:
            return html
        head, facts = html.split('<div class="lpl-facts lpl-source">', 1)
        return head + '<div class="lpl-facts lpl-source">' + facts.replace(' lang="en"', "", 3)

    result = check_built_site(built_site, ROOT, _with(site_pages(built_site), unmarked))
    assert result.failed, summary_line(result)
    assert ("intervention", "cy/case-studies/herbert-thompson-lsa-led-interventions/index.html") in result.found[
        ENGLISH
    ]


def test_the_draft_notice_is_not_what_search_shows(built_site, content):
    """The notice is the same on every draft page: results show the page's own text instead."""
    notice = content.label("draft_notice", "cy")
    assert notice in (built_site / "cy/inset/index.html").read_text("utf-8")  # still on the page
    pieces = list((built_site / "cy/search/lpl").rglob("*.json"))
    assert pieces and not [p for p in pieces if notice[:60] in p.read_text("utf-8")]


def test_counts_in_the_browser_follow_the_same_rule_as_python(site_server, page, content):
    """lpl-count.js (the module the page's scripts import) over the rule each language's page carries, against
    lpl.model.counting, for every count phrase."""
    phrases = {key: content.frameworks.labels[key] for key in ("results_count", "search_count", "cited_by_all")}
    numbers = list(range(125)) + [1000, 1001]
    for lang, root in (("cy", "cy/case-studies/"), ("en", "case-studies/")):
        page.goto(site_server + root)
        browser_side = page.evaluate(
            """async ([phrases, numbers]) => {
            const el = document.querySelector('.lpl-count');
            const search = document.querySelector('script[src$="lpl-search.js"]').src;
            const { countPhrase, readRule } = await import(new URL('lpl-count.js', search).href);
            const rule = readRule(el.getAttribute('data-count-rule'));
            return phrases.map(p => numbers.map(n => countPhrase(n, p, rule))); }""",
            [[t.get(lang) for t in phrases.values()], numbers],
        )
        python_side = [[count_phrase(n, t.get(lang), lang) for n in numbers] for t in phrases.values()]
        assert browser_side == python_side, lang
        rule = page.get_attribute("[data-lpl-search-result]", "data-count-rule")
        assert rule == page.get_attribute(".lpl-count", "data-count-rule")  # search and catalogue count alike
    assert count_phrase(34, content.label("search_count", "cy"), "cy") == "34 dogfen sy'n cyfateb"
