"""The catalogue and framework pages at a size where listing everything would not do (pure rendering:
the real model, its case studies repeated under new slugs and dates)."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import timedelta

import pytest
from lpl.model.content import index_citations
from lpl.render.pages import NEWEST, PER_PAGE, render_site_pages


@pytest.fixture(scope="module")
def big(content):
    studies = tuple(
        dataclasses.replace(s, slug=f"{s.slug}-{k}", published=s.published - timedelta(days=k))
        for k in range(6)
        for s in content.case_studies
    )
    return dataclasses.replace(content, case_studies=studies, citations=index_citations(studies))


def card_slugs(markdown: str) -> list[str]:
    return re.findall(r'<h2 class="lpl-card__title" markdown>\[[^\]]*\]\(([^)]+)\.md\)', markdown)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_catalogue_is_pages_of_cards_newest_first_covering_every_case_study(big, lang):
    pages = render_site_pages(big, lang)
    total = len(big.case_studies)
    count = -(-total // PER_PAGE)
    assert count > 2
    listed = card_slugs(pages["case-studies/index.md"])
    for number in range(2, count + 1):
        page = pages[f"case-studies/page-{number}.md"]
        assert "exclude: true" in page  # the search indexes the case studies, not lists of them
        listed += card_slugs(page)
    assert f"case-studies/page-{count + 1}.md" not in pages
    newest = sorted(big.case_studies, key=lambda s: (s.published, s.slug), reverse=True)
    assert listed == [s.slug for s in newest]
    assert len(card_slugs(pages["case-studies/index.md"])) == PER_PAGE
    assert "(page-2.md)" in pages["case-studies/index.md"] and f"(page-{count}.md)" in pages["case-studies/index.md"]
    assert "data-lpl-catalogue" not in pages["case-studies/page-2.md"]  # the filters live on the first page


def test_cards_data_is_compact_and_complete(big):
    pages = render_site_pages(big, "cy")
    data = json.loads(pages["case-studies/cards.json"])
    assert [row[0] for row in data["studies"]] == [
        s.slug for s in sorted(big.case_studies, key=lambda s: (s.published, s.slug), reverse=True)
    ]
    first = next(s for s in big.case_studies if s.slug == data["studies"][0][0])
    row = data["studies"][0]
    assert row[1] == first.title.best("cy")
    hallmarks = data["values"][data["facets"].index("hallmark")]
    assert {hallmarks[i] for i in row[5 + data["facets"].index("hallmark")]} == set(first.hallmarks)
    assert len(pages["case-studies/cards.json"]) < 1500 * len(big.case_studies)


def test_facet_options_carry_their_counts(big):
    page = render_site_pages(big, "en")["case-studies/index.md"]
    n = sum("primary" in s.settings for s in big.case_studies)
    assert re.search(rf'<option value="primary" data-label="[^"]+">[^<]+ \({n}\)</option>', page)


def test_framework_pages_show_counts_and_the_newest_with_a_link_to_the_rest(big):
    pages = render_site_pages(big, "en")
    page = pages["frameworks/hallmarks.md"]
    term, citing = max(
        ((t, big.cited_by("hallmarks", t.id)) for t in big.frameworks.hallmarks.terms), key=lambda x: len(x[1])
    )
    assert len(citing) > NEWEST
    section = page.split(f"{{ #{term.id} }}")[1].split("\n## ")[0]
    assert f"({len(citing)} case studies)" in section
    assert re.findall(r"\(\.\./case-studies/([^)]+)\.md\)", section) == [s.slug for s in citing[:NEWEST]]
    assert f"(../case-studies/index.md?hallmark={term.id})" in section
    entitlement = pages["frameworks/entitlement.md"]
    assert "(../case-studies/index.md?statement=" in entitlement
    assert len(re.findall(r"\(\.\./case-studies/[^)?]+\.md\)", entitlement)) <= NEWEST * len(
        big.frameworks.entitlement.statements
    )
