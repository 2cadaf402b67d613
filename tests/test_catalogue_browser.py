"""The catalogue as a reader uses it in Chromium: two filters, the shared URL, and no JavaScript."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from lpl.render.pages import PER_PAGE

pytestmark = pytest.mark.browser


def visible_slugs(page) -> set[str]:
    page.wait_for_function("!document.querySelector('.lpl-cards[aria-busy]')")  # a filter waiting for cards.json
    hrefs = page.eval_on_selector_all(
        ".lpl-card:not([hidden]) .lpl-card__title a:not(.headerlink)", "els => els.map(a => a.getAttribute('href'))"
    )
    return {h.strip("/").split("/")[-1] for h in hrefs}


def test_two_filters_show_the_right_cards_and_go_in_the_url(site_server, page, content):
    expected = {s.slug for s in content.case_studies if "primary" in s.settings and "collaboration" in s.hallmarks}
    assert expected and expected != {s.slug for s in content.case_studies}
    page.goto(site_server + "case-studies/")
    page.select_option("#lpl-filter-setting", "primary")
    page.select_option("#lpl-filter-hallmark", "collaboration")
    assert visible_slugs(page) == expected
    query = parse_qs(urlparse(page.url).query)
    assert query == {"setting": ["primary"], "hallmark": ["collaboration"]}
    assert page.inner_text(".lpl-count").startswith(str(len(expected)))
    # each option counts what it would show given the other filter; the cards come from cards.json
    primary_and = {s.slug for s in content.case_studies if "collaboration" in s.hallmarks and "primary" in s.settings}
    option = page.inner_text("#lpl-filter-setting option[value=primary]")
    assert option.endswith(f"({len(primary_and)})"), option
    page.select_option("#lpl-filter-setting", "")
    with_collaboration = {s.slug for s in content.case_studies if "collaboration" in s.hallmarks}
    assert visible_slugs(page) == with_collaboration
    page.select_option("#lpl-filter-hallmark", "")
    assert visible_slugs(page) == first_page(content)  # the page as built again
    page.select_option("#lpl-filter-setting", "primary")
    page.select_option("#lpl-filter-hallmark", "collaboration")
    # the shared address opens the same view, in Welsh too, with the filters set
    page.goto(site_server + "cy/case-studies/?setting=primary&hallmark=collaboration")
    assert visible_slugs(page) == expected
    assert page.eval_on_selector("#lpl-filter-hallmark", "s => s.value") == "collaboration"
    assert "astudiaeth" in page.inner_text(".lpl-count")
    switcher = page.get_attribute("a.md-select__link[hreflang='en']", "href")
    assert switcher.endswith("?setting=primary&hallmark=collaboration")


def first_page(content) -> set[str]:
    newest = sorted(content.case_studies, key=lambda s: (s.published, s.slug), reverse=True)
    return {s.slug for s in newest[:PER_PAGE]}


def test_without_javascript_every_case_study_is_listed(browser, site_server, content):
    """Pages of cards, newest first, linked by the pager; the browse pages linked too."""
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        for prefix in ("", "cy/"):
            tab.goto(site_server + prefix + "case-studies/")
            assert visible_slugs(tab) == first_page(content)
            assert not tab.is_visible("form[data-lpl-catalogue]")
            assert tab.is_visible("a[href='by-setting/']")
            listed = set(visible_slugs(tab))
            while tab.locator(".lpl-pager a[rel=next]").count():
                tab.click(".lpl-pager a[rel=next]")
                listed |= visible_slugs(tab)
            assert listed == {s.slug for s in content.case_studies}
    finally:
        context.close()


@pytest.mark.parametrize("kind", ["summary", "illustrative"])
def test_the_kind_filter_tells_summaries_from_illustrative_examples(site_server, page, kind, content):
    expected = {s.slug for s in content.case_studies if s.kind == kind}
    assert expected and expected != {s.slug for s in content.case_studies}
    for prefix in ("", "cy/"):
        page.goto(site_server + prefix + f"case-studies/?kind={kind}")
        assert visible_slugs(page) == expected
        label = content.label(f"kind_{kind}", "cy" if prefix else "en")
        assert set(
            page.eval_on_selector_all(".lpl-card:not([hidden]) .lpl-card__tag", "els => els.map(e => e.textContent)")
        ) == {label}
    # without JavaScript, the browse page by kind lists the same case studies under the kind's heading
    page.goto(site_server + "case-studies/by-kind/")
    links = page.eval_on_selector_all(
        f"xpath=//h2[@id='{kind}']/following-sibling::ul[1]//a", "els => els.map(a => a.getAttribute('href'))"
    )
    assert {h.strip("/").split("/")[-1] for h in links} == expected
