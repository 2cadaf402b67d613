"""The fact ledger (data/facts.yml): its loader, the references pages and plans make to it, and how a fact is
written out — in memory, with the real loader and renderer."""

from __future__ import annotations

import html
import textwrap
from datetime import date

import pytest
from lpl.load.checks import Checker
from lpl.load.facts import due_problems, load_facts, page_fact_problems
from lpl.load.source import parse_yaml
from lpl.model import FactLedger, Text, fact_uses
from lpl.render.dates import long_date
from lpl.render.facts import content_with_facts, expand_markdown, fact_plain, with_facts

LEDGER = textwrap.dedent("""\
    facts:
      - id: body-began
        statement:
          en: The Body began on 1 September 2025
          cy: Dechreuodd y Corff ar 1 Medi 2025
          cy_status: draft
        sources:
          - publisher: {en: Welsh Government, cy: Llywodraeth Cymru, cy_status: reviewed}
            title: "Board meeting: 14 July 2025"
            url: https://www.gov.wales/node/70324
        as_at: 2026-12-07
        check_by: 2027-06-01
      - id: grant-moved
        statement:
          en: The grant 5 < 6 & *changed* [x]
          cy: Symudodd y grant
        sources:
          - publisher: {en: Welsh Government, cy: Llywodraeth Cymru, cy_status: reviewed}
            title: Pre-16 education grants
            url: https://gov.wales/pre-16-education-grants
            title_cy: Grantiau addysg cyn-16
            url_cy: https://llyw.cymru/grantiau-addysg-cyn-16
          - publisher: {en: Senedd Cymru, cy: Senedd Cymru, cy_status: reviewed}
            title: Written question WQ90369
            url: https://record.senedd.wales/WrittenQuestion/90369
        as_at: 2025-06-01
        check_by: 2026-01-01
    """)


def ledger_from(text: str) -> tuple[FactLedger, list[str]]:
    doc, problems = parse_yaml(text, "data/facts.yml")
    assert doc is not None, problems
    c = Checker(doc)
    return load_facts(c), [str(p) for p in c.problems]


def label(key: str, lang: str) -> str:
    return {
        ("fact_as_at", "en"): "as at {date}",
        ("fact_as_at", "cy"): "fel ar {date}",
        ("fact_source", "en"): "source",
        ("fact_source", "cy"): "ffynhonnell",
        ("fact_sources", "en"): "sources",
        ("fact_sources", "cy"): "ffynonellau",
    }[key, lang]


def test_the_ledger_loads_with_its_lines_sources_and_dates():
    ledger, problems = ledger_from(LEDGER)
    assert problems == []
    assert ledger.ids == ["body-began", "grant-moved"]
    fact = ledger.fact("body-began")
    assert (fact.line, fact.as_at, fact.check_by) == (2, date(2026, 12, 7), date(2027, 6, 1))
    assert fact.statement.is_draft("cy") and fact.sources[0].url("cy") == "https://www.gov.wales/node/70324"
    moved = ledger.fact("grant-moved").sources[0]
    assert (moved.url("cy"), moved.title_in("cy"), moved.title_in("en")) == (
        "https://llyw.cymru/grantiau-addysg-cyn-16",
        "Grantiau addysg cyn-16",
        "Pre-16 education grants",
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("began on 1 September 2025\n", "began on 1 September 2025.\n"), "leave out its final full stop"),
        (("check_by: 2027-06-01", "check_by: 2026-01-01"), "'check_by' (2026-01-01) must come after 'as_at'"),
        (("check_by: 2027-06-01", "check_by: 2027-02-30"), "'facts[0].check_by' is not a real date"),
        (("url: https://www.gov.wales/node/70324", "url: http://www.gov.wales/node/70324"), "must be a web address"),
        (("    as_at: 2026-12-07", "    as_at: 2026-12-07\n    note: x"), "unknown field 'note' in a fact"),
        (("- id: grant-moved", "- id: body-began"), "id 'body-began' is used twice"),
        (("began on 1 September 2025\n", "began [[fact:grant-moved]]\n"), "cannot use another fact"),
        (("began on 1 September 2025\n", "began <script>x</script>\n"), "contains HTML"),
        (
            ("        title: Written question WQ90369\n", "        title_cy: Cwestiwn\n"),
            "'facts[1].sources[1].title' is missing",
        ),
        (
            ("        title: Written question WQ90369\n", "        title: W\n        title_cy: Cwestiwn\n"),
            "a Welsh title needs the Welsh page's address",
        ),
    ],
)
def test_a_wrong_fact_is_refused_with_its_line(change, message):
    _, problems = ledger_from(LEDGER.replace(*change, 1))
    assert any(message in p and p.startswith("data/facts.yml:") for p in problems), problems


def test_references_are_found_valid_or_not_in_linear_time():
    uses = list(fact_uses("a [[fact:body-began]] b [[fact:Bad Id]] c [[fact:unclosed"))
    assert [(u.fact_id, u.written) for u in uses] == [
        ("body-began", "[[fact:body-began]]"),
        (None, "[[fact:Bad Id]]"),
        (None, "[[fact:unclosed"),
    ]
    assert len(list(fact_uses("[[fact:" * 50_000))) == 50_000  # each opening looked at once, on a bounded span


def test_an_unknown_or_malformed_reference_in_a_page_is_located(tmp_path):
    ledger, _ = ledger_from(LEDGER)
    page = tmp_path / "funding.md"
    page.write_text("---\nsources: []\n---\n\n# Funding\n\nNow [[fact:grant-moovd]]. And [[fact:Oops]].\n", "utf-8")
    problems = [str(p) for p in page_fact_problems(page, "docs/cy/funding.md", ledger)]
    assert problems == [
        "docs/cy/funding.md:7:5: error: unknown fact 'grant-moovd': data/facts.yml has no fact with this id"
        " — did you mean 'grant-moved'?",
        "docs/cy/funding.md:7:31: error: '[[fact:Oops]]' is not a fact reference: write [[fact:id]], with the id of a"
        " fact in data/facts.yml",
    ]


def test_a_fact_in_a_page_says_when_it_was_true_and_links_its_source_in_each_language():
    ledger, _ = ledger_from(LEDGER)
    en = expand_markdown("Today: [[fact:body-began]].", ledger, "en", label)
    cy = expand_markdown("Heddiw: [[fact:body-began]].", ledger, "cy", label)
    assert html.unescape(en) == (
        'Today: <span class="lpl-fact" data-fact="body-began">The Body began on 1 September 2025 '
        '<span class="lpl-fact__when">(as at 7 December 2026; source: Welsh Government, '
        '<a href="https://www.gov.wales/node/70324">Board meeting: 14 July 2025</a>)</span></span>.'
    )
    # The English-only source keeps its English title, marked as English, on the Welsh page.
    assert html.unescape(cy) == (
        'Heddiw: <span class="lpl-fact" data-fact="body-began">Dechreuodd y Corff ar 1 Medi 2025 '
        '<span class="lpl-fact__when">(fel ar 7 Rhagfyr 2026; ffynhonnell: Llywodraeth Cymru, '
        '<a href="https://www.gov.wales/node/70324" lang="en">Board meeting: 14 July 2025</a>)</span></span>.'
    )


def test_a_statement_is_escaped_and_several_sources_are_listed():
    ledger, _ = ledger_from(LEDGER)
    out = expand_markdown("[[fact:grant-moved]]", ledger, "cy", label)
    out_en = expand_markdown("[[fact:grant-moved]]", ledger, "en", label)
    assert "*changed*" not in out_en and "[x]" not in out_en and "5 &#60; 6 &#38;" in out_en
    assert 'href="https://llyw.cymru/grantiau-addysg-cyn-16">Grantiau' in html.unescape(out)
    assert "ffynonellau: Llywodraeth Cymru" in html.unescape(out) and "Written question WQ90369" in html.unescape(out)
    assert "(fel ar 1 Mehefin 2025;" in html.unescape(out)


def test_in_a_plan_or_data_text_a_fact_is_plain_text_and_the_rest_is_untouched():
    ledger, _ = ledger_from(LEDGER)
    text = Text("Funding: [[fact:body-began]].", "Cyllid: [[fact:body-began]].")
    expanded = with_facts((text, Text("no fact", "dim")), ledger, label)
    assert expanded[0].en == (
        "Funding: The Body began on 1 September 2025 (as at 7 December 2026; source: Welsh Government, "
        "Board meeting: 14 July 2025)."
    )
    # An English-only source's title is left out of Welsh plain text (nothing could mark it as English there).
    assert (
        expanded[0].cy
        == "Cyllid: Dechreuodd y Corff ar 1 Medi 2025 (fel ar 7 Rhagfyr 2026; ffynhonnell: Llywodraeth Cymru)."
    )
    untouched = (Text("no fact", "dim"),)
    assert with_facts(untouched, ledger, label) is untouched
    assert fact_plain(ledger.fact("grant-moved"), "cy", label).endswith(
        "(fel ar 1 Mehefin 2025; ffynonellau: Llywodraeth Cymru, Grantiau addysg cyn-16; Senedd Cymru)"
    )


def test_the_repository_plan_and_glossary_use_facts_written_out(content):
    shown = content_with_facts(content)
    plan_texts = [t.en for s in shown.plan.sections for t in (s.purpose,) if t and t.en]
    assert not any("[[fact:" in t for t in plan_texts)
    assert any("(as at " in t for t in plan_texts)
    definitions = [c.definition for c in shown.frameworks.terms.concepts if c.definition]
    assert definitions and not any("[[fact:" in (d.en + d.cy) for d in definitions)
    assert content_with_facts(shown) is shown  # nothing left to write out


def test_welsh_months_and_facts_past_their_date():
    assert [long_date(date(2026, m, 7), "cy").split()[1] for m in (1, 2, 12)] == ["Ionawr", "Chwefror", "Rhagfyr"]
    ledger, _ = ledger_from(LEDGER)
    assert [f.id for f in ledger.due(date(2026, 12, 7))] == ["grant-moved"]  # body-began is due on 2027-06-01
    assert [f.id for f in ledger.due(date(2027, 4, 15))] == ["grant-moved", "body-began"]  # within 60 days
    [warning] = due_problems(ledger, date(2026, 12, 7))
    assert str(warning).startswith(
        "data/facts.yml:13:1: warning: fact 'grant-moved' was due to be checked again by 2026-01-01"
    )
