"""A summary says when its source dates the practice, in both languages with Welsh grammar, and notes the reforms
that came after it (PageContext.described, .reforms_note)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from lpl.model import PartialDate
from lpl.render.case_study_pages import render_case_study_pages
from lpl.render.escape import inline
from lpl.render.page_context import PageContext


def summary(content, described: str | None, after: str | None = None, publisher: str = "Estyn"):
    study = next(s for s in content.case_studies if s.kind == "summary")
    source = replace(
        study.source,
        publisher=publisher,
        described=PartialDate.parse(described) if described else None,
        described_after=after,
    )
    return replace(study, source=source)


@pytest.mark.parametrize(
    ("described", "after", "en", "cy"),
    [
        ("2015-05", "inspection", "Described by Estyn after its inspection in May 2015.",
         "Disgrifiwyd gan Estyn ar ôl ei arolygiad ym mis Mai 2015."),
        ("2019", None, "Described by Estyn in 2019.", "Disgrifiwyd gan Estyn yn 2019."),
        ("2022-03-07", "visit", "Described by Estyn after a visit on 7 March 2022.",
         "Disgrifiwyd gan Estyn ar ôl ymweliad ar 7 Mawrth 2022."),
        ("2020-11", "report", "Described by Estyn in a report written in November 2020.",
         "Disgrifiwyd gan Estyn mewn adroddiad a ysgrifennwyd ym mis Tachwedd 2020."),
        ("2023-06", "publication", "Described by Estyn in an account published in June 2023.",
         "Disgrifiwyd gan Estyn mewn hanes a gyhoeddwyd ym mis Mehefin 2023."),
    ],
)  # fmt: skip
def test_when_the_practice_was_described(content, described, after, en, cy):
    study = summary(content, described, after)
    assert PageContext(content, "en").described(study) == en
    assert PageContext(content, "cy").described(study) == cy


def test_no_date_is_said_plainly_and_other_kinds_say_nothing(content):
    assert (
        PageContext(content, "en")
        .described(summary(content, None))
        .startswith("The source, as we read it, gives no date")
    )
    other = next(s for s in content.case_studies if s.kind != "summary")
    assert PageContext(content, "cy").described(other) == "" and PageContext(content, "en").reforms_note(other) == ""


@pytest.mark.parametrize(
    ("described", "mentions"),
    [("2015-05", ("additional learning needs", "Curriculum for Wales")), ("2022-03", ("Curriculum for Wales",)),
     ("2022-09", ()), ("2023", ())],
)  # fmt: skip
def test_a_note_on_the_reforms_since(content, described, mentions):
    note = PageContext(content, "en").reforms_note(summary(content, described))
    assert all(m in note for m in mentions) and (bool(note) == bool(mentions))
    if mentions == ("Curriculum for Wales",):
        assert "additional learning needs" not in note


def test_the_sentence_is_escaped_where_the_page_writes_it(content):
    """`described` is plain text (its publisher as written); the case study's page escapes it, and the notice
    naming the publisher, where it writes them."""
    study = summary(content, "2015", publisher="*Estyn* <b>")
    studies = tuple(study if s.slug == study.slug else s for s in content.case_studies)
    ctx = PageContext(replace(content, case_studies=studies), "en")
    assert "*Estyn* <b>" in ctx.described(study)
    page = render_case_study_pages(ctx, "/")[f"case-studies/{study.slug}.md"]
    body = page.split("\n---\n", 1)[1]  # after the front matter (its JSON-LD is script-safe JSON)
    assert "*Estyn*" not in body and "<b>" not in body and body.count(inline("*Estyn* <b>")) >= 3
