"""The catalogue as a reader uses it in Chromium: two filters, the shared URL, and no JavaScript."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from lpl.model.counting import count_phrase
from lpl.render.catalogue import PER_PAGE

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
    page.click(".lpl-filter-toggle")  # the filters are behind the Filter button
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
    switcher = page.get_attribute("a.lpl-language[hreflang='en']", "href")
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
            assert not tab.is_visible("form[data-lpl-catalogue]") and not tab.is_visible(".lpl-filter-toggle")
            assert tab.is_visible("a[href='by-setting/']")
            # in place of the Filter button, a link down to the browse pages, which work without scripts
            assert tab.is_visible(".lpl-results a.lpl-browse-jump[href='#browse']") and tab.is_visible("#browse")
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
        visible_slugs(page)
        while page.locator(".lpl-more").count():  # twenty at a time: there are more summaries than that
            page.click(".lpl-more")
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


# --- Results first (issue 26): the count and a Filter button before the cards, on a phone too -----------

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_on_a_phone_the_first_case_study_is_within_a_screen_and_a_quarter(browser, site_server, lang):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        tab = context.new_page()
        tab.goto(site_server + ("cy/" if lang == "cy" else "") + "case-studies/")
        top = tab.evaluate("document.querySelector('.lpl-card').getBoundingClientRect().top + scrollY")
        assert top <= 1.25 * PHONE["height"], f"the first case study starts {top:.0f} px down"
        toggle, count = tab.locator(".lpl-filter-toggle"), tab.locator(".lpl-count")
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert not tab.is_visible("#" + toggle.get_attribute("aria-controls"))  # the filters, shut
        # the count sits beside the button, on its line
        button, said = toggle.bounding_box(), count.bounding_box()
        assert (
            said["x"] > button["x"] + button["width"]
            and abs((said["y"] + said["height"] / 2) - (button["y"] + button["height"] / 2)) < button["height"] / 2
        ), (button, said)
        # opened: one select a row, the panel's full width, so no option's text is cut
        toggle.tap()
        assert toggle.get_attribute("aria-expanded") == "true"
        widths = tab.evaluate(
            """() => [...document.querySelectorAll('#lpl-filters select')].map(s => [s.getBoundingClientRect().width,
                      s.parentElement.getBoundingClientRect().width])"""
        )
        assert widths and all(select >= row - 1 for select, row in widths), widths
        assert all(select >= 0.75 * PHONE["width"] for select, _ in widths), widths
    finally:
        context.close()


def test_the_filter_button_works_before_the_filter_module_has_come(browser, site_server, content):
    """On a slow connection the button is drawn before catalogue-filter.js arrives: a tap must still open the panel,
    and a filter chosen meanwhile applies once the module comes (CI once tapped in that gap and nothing opened)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    held = []
    try:
        tab = context.new_page()
        tab.route("**/catalogue-filter.js", lambda route: held.append(route))  # held back until the reader acts
        tab.goto(site_server + "case-studies/", wait_until="domcontentloaded")
        tab.wait_for_function("document.querySelector('.lpl-filter-toggle').getAttribute('aria-expanded') !== null")
        toggle = tab.locator(".lpl-filter-toggle")
        toggle.tap()
        assert toggle.get_attribute("aria-expanded") == "true" and tab.is_visible("#lpl-filters")
        tab.select_option("#lpl-filter-setting", "primary")
        assert held, "the filter module was not requested"
        held[0].continue_()
        tab.wait_for_function("document.querySelector('.lpl-filter-toggle .lpl-filter-set').textContent !== ''")
        primary = {s.slug for s in content.case_studies if "primary" in s.settings}
        shown = visible_slugs(tab)
        assert shown and shown <= primary and tab.inner_text(".lpl-count").startswith(str(len(primary)))
        toggle.tap()
        assert toggle.get_attribute("aria-expanded") == "false" and not tab.is_visible("#lpl-filters")
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_filter_button_says_how_many_are_set_and_the_count_is_announced(site_server, page, content, lang):
    t = lambda key: content.label(key, lang)  # noqa: E731
    page.goto(site_server + ("cy/" if lang == "cy" else "") + "case-studies/")
    toggle, count = page.locator(".lpl-filter-toggle"), page.locator(".lpl-count")
    # a polite live region: what it says when a filter changes is read out
    assert count.get_attribute("role") == "status" and count.get_attribute("aria-live") == "polite"
    assert toggle.inner_text().strip() == t("filter_button")
    toggle.click()
    page.select_option("#lpl-filter-setting", "primary")
    visible_slugs(page)
    primary = [s for s in content.case_studies if "primary" in s.settings]
    assert count.inner_text() == count_phrase(len(primary), t("results_count"), lang)
    assert toggle.inner_text().strip() == f"{t('filter_button')} ({t('filters_set_one')})"
    page.select_option("#lpl-filter-kind", "illustrative")
    visible_slugs(page)
    both = [s for s in primary if s.kind == "illustrative"]
    assert count.inner_text().startswith(str(len(both))) or count.inner_text() == t("results_none")
    assert toggle.inner_text().strip() == f"{t('filter_button')} ({t('filters_set_other').format(n=2)})"
    # "Show results" (the form's submit button) shuts the filters and takes the reader to the count
    page.click("#lpl-filters button[type=submit]")
    assert toggle.get_attribute("aria-expanded") == "false" and not page.is_visible("#lpl-filters")
    assert page.evaluate("document.activeElement.classList.contains('lpl-count')")
    assert toggle.inner_text().strip().endswith(f"({t('filters_set_other').format(n=2)})")  # still says so
    # the shared address says which filters, and opens with the button saying how many
    assert parse_qs(urlparse(page.url).query) == {"setting": ["primary"], "kind": ["illustrative"]}
    page.reload()
    visible_slugs(page)
    assert toggle.inner_text().strip() == f"{t('filter_button')} ({t('filters_set_other').format(n=2)})"
    # Escape in the open panel shuts it and gives focus back to the button
    toggle.click()
    page.focus("#lpl-filter-kind")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('lpl-filter-toggle')")
