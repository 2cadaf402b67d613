"""The plan documents and pages say they are a draft translation from what they show, noted as each text is
written, not from a list of their texts kept beside them.

From the repository's plan with every text made reviewed, one text at a time is made a Welsh draft: the Welsh and
bilingual documents (and the Welsh pages) that show it say so, those that do not show it, and every English one,
do not. Several of these texts were missed (or wrongly counted) by the hand-kept lists this replaced: the footer's
"Page", a tick box's name, a title-page line or a hallmark on the printable page, a table row or an example on
"Make your plan", the plan's title on the downloads page (which does not show it)."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from lpl.model import DRAFT, REVIEWED, Content, Text
from lpl.render.plan_docx import PlanDocument, write_plan_docx
from lpl.render.plan_pages import render_plan_pages
from lpl.render.plan_view import case_studies_for, docx_name

SETTING = "primary"
SITE = "https://example.org/"


def rewrite(value, change, memo: dict | None = None):
    """`value` (a part of the model) with `change` applied to every Text in it; shared parts stay shared."""
    memo = {} if memo is None else memo
    if id(value) in memo:
        return memo[id(value)]
    if isinstance(value, Text):
        new = change(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: rewrite(getattr(value, f.name), change, memo) for f in dataclasses.fields(value) if f.init}
        new = dataclasses.replace(value, **fields)
    elif isinstance(value, (tuple, list)):
        new = type(value)(rewrite(item, change, memo) for item in value)
    elif isinstance(value, dict):
        new = {key: rewrite(item, change, memo) for key, item in value.items()}
    else:
        return value
    memo[id(value)] = new
    return new


@pytest.fixture(scope="module")
def reviewed(content) -> Content:
    """The repository's content with every text reviewed in both languages."""
    return rewrite(content, lambda t: dataclasses.replace(t, en_status=REVIEWED, cy_status=REVIEWED))


def with_draft(content: Content, target: Text, lang: str = "cy") -> Content:
    """`content` with `target` (one text, wherever it is used) a draft in `lang`."""
    return rewrite(content, lambda t: dataclasses.replace(t, **{f"{lang}_status": DRAFT}) if t is target else t)


def first_section(plan, wanted):
    return next(s for s in plan.sections_for(SETTING) if wanted(s))


# Where the one draft text is, and what shows it: "template" and "plan" (the .docx with its guidance, and the plan
# alone), "print" (the printable page), "make" ("Make your plan"), "downloads" (the downloads page).
PLACES = {
    "nowhere": (lambda c: None, set()),
    "an example": (
        lambda c: first_section(c.plan, lambda s: s.examples_for(SETTING)).examples_for(SETTING)[0].text,
        {"template", "print", "make"},  # guidance: not in the plan alone
    ),
    "an example for another setting": (
        lambda c: next(e.text for s in c.plan.sections for e in s.examples if SETTING not in e.settings and e.settings),
        {"make"},  # the page offers every setting's plan
    ),
    "a part's purpose": (lambda c: c.plan.sections_for(SETTING)[0].purpose, {"template", "print", "make"}),
    "a table row": (
        lambda c: next(r for s in c.plan.sections_for(SETTING) for t in s.tables_for(SETTING) for r in t.rows),
        {"template", "plan", "print", "make"},
    ),
    "a tick box's name": (
        lambda c: next(
            x for s in c.plan.sections_for(SETTING) for t in s.tables_for(SETTING) for x in t.tick_labels if x
        ),
        {"template", "plan", "make"},  # the content control's name, a check box on the page; not in print
    ),
    "a title-page line": (lambda c: c.plan.title_fields_for(SETTING)[0].label, {"template", "plan", "print", "make"}),
    "a hallmark a part links to": (
        lambda c: c.frameworks.hallmarks.term(first_section(c.plan, lambda s: s.hallmarks).hallmarks[0]).label,
        {"template", "print", "make"},
    ),
    "the plan's title": (lambda c: c.plan.title, {"template", "plan", "print", "make"}),  # not on the downloads page
    "the setting's name": (
        lambda c: c.frameworks.settings.term(SETTING).label,
        {"template", "plan", "print", "make", "downloads"},
    ),
    # The document's own wording counts wherever the document is shown ...
    "the heading 'Guiding questions'": (lambda c: c.plan.label("guiding_questions"), {"template", "print", "make"}),
    "the footer's 'Page'": (lambda c: c.plan.label("page"), {"template", "plan"}),
    # ... the pages' own wording does not (as data/ui.yml's does not on the generated pages).
    "the pages' 'Plan templates'": (lambda c: c.plan.label("downloads_title"), set()),
    "the button 'Download'": (lambda c: c.plan.label("make_download"), set()),
}


def notice_in(document: bytes, content: Content) -> set[str]:
    """The languages of the draft-translation notices a document shows (each one run: `_PlanDocument.text`)."""
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        text = "".join(ET.fromstring(package.read("word/document.xml")).itertext())
    notices = [content.plan.label(key) for key in ("draft_notice", "draft_notice_plan")]
    return {lang for notice in notices for lang in ("en", "cy") if notice.get(lang) in text}


def translation(markdown: str) -> str:
    return re.search(r"^translation: (\w+)$", markdown, re.M).group(1)


def documents(content: Content, shown_by: set[str]) -> dict[str, PlanDocument]:
    """The setting's documents as written, by file name, each checked: the Welsh notice where it shows the draft
    (in both languages in the bilingual one), none where it does not, and never in English (made only where the
    Welsh shows one: the rest would say nothing)."""
    made = {}
    for kind, guidance in (("template", True), ("plan", False)):
        for doc_lang in ("cy", "bilingual", "en") if kind in shown_by else ("cy", "bilingual"):
            document = write_plan_docx(content, SETTING, doc_lang, site_url=SITE, guidance=guidance)
            made[docx_name(SETTING, doc_lang, guidance=guidance)] = document
            notices = {"cy", "en"} if doc_lang == "bilingual" else {"cy"}
            expected = notices if kind in shown_by and doc_lang != "en" else set()
            assert notice_in(document.data, content) == expected, (kind, doc_lang)
    return made


PAGES = {
    "print": f"plan-templates/{SETTING}.md",
    "make": "plan-templates/make.md",
    "downloads": "plan-templates/index.md",
}


def plan_pages(content: Content, drafts=None) -> dict[str, dict[str, str]]:
    """The plan pages of both languages, by language and path."""
    return {lang: render_plan_pages(content, lang, {}, {}, drafts) for lang in ("en", "cy")}


def marked(pages: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """{page: {language: its `translation:`}} (the setting's printable page)."""
    return {name: {lang: translation(pages[lang][path]) for lang in pages} for name, path in PAGES.items()}


@pytest.mark.slow  # 14 × the setting's documents
@pytest.mark.parametrize("place", PLACES)
def test_a_draft_welsh_text_marks_what_shows_it_and_nothing_else(reviewed, place):
    locate, shown_by = PLACES[place]
    target = locate(reviewed)
    content = reviewed if target is None else with_draft(reviewed, target)
    made = documents(content, shown_by)
    pages = plan_pages(content, {name: document.drafts for name, document in made.items()})
    for name, found in marked(pages).items():
        assert found == {"en": "reviewed", "cy": "draft" if name in shown_by else "reviewed"}, name
    # The page's print says what the Welsh document says (with the guidance, and the plan alone).
    data = json.loads(re.search(r'id="lpl-make-data">(.*?)</script>', pages["cy"][PAGES["make"]]).group(1))
    assert data["settings"][SETTING]["draft"] == ["template" in shown_by, "plan" in shown_by]


def test_a_guidance_text_marks_the_template_not_the_plan_alone(reviewed):
    """A part's purpose is in the data, and in the template; the plan alone does not show it, so says nothing."""
    content = with_draft(reviewed, reviewed.plan.sections_for(SETTING)[0].purpose)
    for guidance, drafts in ((True, {"cy"}), (False, set())):
        document = write_plan_docx(content, SETTING, "cy", site_url=SITE, guidance=guidance)
        assert document.drafts == drafts and notice_in(document.data, content) == drafts, guidance


def test_an_english_draft_never_gives_a_document_the_welsh_notice(reviewed):
    """A case study written in Welsh first has a draft English title; the template links it. The English document
    does not say its Welsh is a draft (the hand-kept list counted a draft in any of a document's languages); the
    English printable page, which shows the title, is an English draft translation, as a case study's page is."""
    section = first_section(reviewed.plan, lambda s: case_studies_for(reviewed, s, SETTING))
    content = with_draft(reviewed, case_studies_for(reviewed, section, SETTING)[0].title, "en")
    document = write_plan_docx(content, SETTING, "en", site_url=SITE)
    assert document.drafts == {"en"} and notice_in(document.data, content) == set()
    assert marked(plan_pages(content))["print"] == {"en": "draft", "cy": "reviewed"}


def test_a_table_row_marks_the_welsh_pages_that_show_it_not_the_english(reviewed):
    """A row's label is shown by the printable page and "Make your plan", in Welsh; the downloads page has none."""
    row = next(r for s in reviewed.plan.sections_for(SETTING) for t in s.tables_for(SETTING) for r in t.rows)
    pages = marked(plan_pages(with_draft(reviewed, row)))
    assert pages["print"] == pages["make"] == {"en": "reviewed", "cy": "draft"}
    assert pages["downloads"] == {"en": "reviewed", "cy": "reviewed"}


def test_a_page_is_not_marked_for_a_text_it_does_not_show(reviewed):
    """The downloads page names the settings, not the plan's title (the hand-kept list counted it)."""
    pages = marked(plan_pages(with_draft(reviewed, reviewed.plan.title)))
    assert pages["downloads"] == {"en": "reviewed", "cy": "reviewed"}
    assert pages["print"] == pages["make"] == {"en": "reviewed", "cy": "draft"}
