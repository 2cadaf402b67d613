"""The catalogue and framework pages at a size where listing everything would not do (pure rendering:
the real model, its case studies repeated under new slugs and dates)."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from datetime import timedelta

import pytest
from lpl.model import ILLUSTRATIVE, SUMMARY, real_practice_first
from lpl.model.content import index_citations
from lpl.render.catalogue import PER_PAGE
from lpl.render.page_context import NEWEST, PROPOSE_CASE_STUDY
from lpl.render.pages import render_site_pages


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
    # Real practice first, each kind newest first (lpl.model.real_practice_first)
    listed = re.findall(r"\(\.\./case-studies/([^)]+)\.md\)", section)
    assert listed == [s.slug for s in real_practice_first(citing)[:NEWEST]]
    assert f"(../case-studies/index.md?hallmark={term.id})" in section
    entitlement = pages["frameworks/entitlement.md"]
    assert "(../case-studies/index.md?statement=" in entitlement
    assert len(re.findall(r"\(\.\./case-studies/[^)?]+\.md\)", entitlement)) <= NEWEST * len(
        big.frameworks.entitlement.statements
    )


def item_section(page: str, anchor: str) -> str:
    """An item's section of a generated framework page's Markdown: from its heading to the next one."""
    return re.split(r"\n##+ ", page.split(f"{{ #{anchor} }}")[1])[0]


def with_newer_illustrations(content, hallmark: str, summary, n: int):
    """The content plus n illustrative examples citing `hallmark`, each newer than `summary` and than every case
    study already there (so they, not another real one, are the item's newest)."""
    model = next(s for s in content.case_studies if s.kind == ILLUSTRATIVE)
    newest = max(summary.published, *(s.published for s in content.case_studies))
    extra = tuple(
        dataclasses.replace(
            model, slug=f"invented-{k}", hallmarks=(hallmark,), published=newest + timedelta(days=k + 1)
        )
        for k in range(n)
    )
    studies = content.case_studies + extra
    return dataclasses.replace(content, case_studies=studies, citations=index_citations(studies))


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_an_items_summary_is_listed_before_newer_illustrative_examples(content, lang):
    """Issue 27: an item whose only summary is older than more than NEWEST invented examples still shows the summary
    (first), so a head teacher sees real practice and the coverage counted on the framework pages stays true."""
    summary = next(s for s in content.case_studies if s.kind == SUMMARY and s.hallmarks)
    hallmark = summary.hallmarks[0]
    # The summary is the item's only real practice (the others stop citing it), older than NEWEST + 1 examples.
    alone = tuple(
        s
        if s is summary or s.kind == ILLUSTRATIVE
        else dataclasses.replace(s, hallmarks=tuple(h for h in s.hallmarks if h != hallmark))
        for s in content.case_studies
    )
    content = dataclasses.replace(content, case_studies=alone, citations=index_citations(alone))
    grown = with_newer_illustrations(content, hallmark, summary, NEWEST + 1)
    assert grown.cited_by("hallmarks", hallmark)[0].kind == ILLUSTRATIVE  # newest first, as the catalogue lists them
    section = item_section(render_site_pages(grown, lang)["frameworks/hallmarks.md"], hallmark)
    listed = re.findall(r"\(\.\./case-studies/([^)]+)\.md\)", section)
    real = [s.slug for s in grown.cited_by("hallmarks", hallmark) if s.kind != ILLUSTRATIVE]
    assert listed[: len(real[:NEWEST])] == real[:NEWEST] and summary.slug in listed
    assert "lpl-no-practice" not in section


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_an_item_cited_only_by_invented_examples_says_so_and_asks_for_a_real_one(content, lang):
    hallmark = content.frameworks.hallmarks.terms[0].id
    # Every summary and school account stops citing the hallmark; illustrative examples still do.
    studies = tuple(
        s
        if s.kind == ILLUSTRATIVE
        else dataclasses.replace(s, hallmarks=tuple(h for h in s.hallmarks if h != hallmark))
        for s in content.case_studies
    )
    model = next(s for s in studies if s.kind == ILLUSTRATIVE)
    studies += (dataclasses.replace(model, slug="invented-0", hallmarks=(hallmark,)),)
    only_invented = dataclasses.replace(content, case_studies=studies, citations=index_citations(studies))
    page = render_site_pages(only_invented, lang)["frameworks/hallmarks.md"]
    section = item_section(page, hallmark)
    notice = re.search(r'<p class="lpl-no-practice" markdown>(.*?)</p>', section)
    assert notice, section
    t = lambda key: content.label(key, lang)  # noqa: E731
    said = html.unescape(notice.group(1))  # the labels are escaped where they are written
    assert said.startswith(f"{t('no_published_practice')} {t('only_illustrative')} {t('propose_prompt')}")
    assert f"[{t('propose_case_study')}]({PROPOSE_CASE_STUDY[lang]})" in said
    assert section.index("lpl-no-practice") < section.index("(../case-studies/")  # said before the invented ones
    # An item no case study cites at all: the notice, without the sentence about the examples below.
    empty = html.unescape(
        item_section(
            render_site_pages(dataclasses.replace(content, case_studies=(), citations={}), lang)[
                "frameworks/hallmarks.md"
            ],
            hallmark,
        )
    )
    assert f"{t('no_published_practice')} {t('propose_prompt')}" in empty and t("only_illustrative") not in empty
