"""WCAG 2.2 AA: axe-core in Chromium on every page type in both languages, on a phone, and by keyboard."""

from __future__ import annotations

import re

import pytest
from quality import LANGUAGES, PAGE_TYPES, axe_violations, describe, open_search, page_kinds, page_path, require_built

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def check(tab, where: str) -> None:
    violations = axe_violations(tab)
    assert not violations, f"axe-core found WCAG 2.2 AA violations on {where}:\n{describe(violations)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kind_of_built_page_has_no_violations(built_site, site_server, page, lang):
    """One page of each kind the build made (quality.page_kinds), in each language."""
    kinds = page_kinds(built_site)
    assert {"plan-templates/", "plan-templates/make/", "case-studies/", "frameworks/entitlement/"} <= set(kinds)
    assert any(p.startswith("plan-templates/") and p.count("/") == 2 and p != "plan-templates/make/" for p in kinds)
    found = []
    for path in kinds.values():
        page.goto(site_server + LANGUAGES[lang] + path)
        violations = axe_violations(page)
        if violations:
            found.append(f"/{LANGUAGES[lang]}{path}:\n{describe(violations)}")
    assert not found, "axe-core found WCAG 2.2 AA violations on:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("name", "template"), [(n, t) for n, t in PAGE_TYPES if "?" in t], ids=lambda v: str(v))
def test_page_state_in_the_address_has_no_violations(built_site, site_server, page, name, template, lang):
    path = LANGUAGES[lang] + page_path(template)
    require_built(built_site, name, path)
    page.goto(site_server + path)
    check(page, path)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_open_have_no_violations(site_server, page, lang):
    page.goto(site_server + LANGUAGES[lang])
    open_search(page, lang)
    check(page, f"{LANGUAGES[lang] or '/'} with search results open")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "template",
    ["", "case-studies/{case_study}/", "plan-templates/all-age/", "plan-templates/make/"],
    ids=["home", "case-study", "printable-plan", "make-plan"],
)
def test_phone_viewport_has_no_violations(built_site, site_server, browser, template, lang):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        tab = context.new_page()
        path = LANGUAGES[lang] + page_path(template)
        tab.goto(site_server + path)
        check(tab, f"{path or '/'} at 390×844")
    finally:
        context.close()


# --- Keyboard only ---------------------------------------------------------------------------------


def tab_to(tab, selector: str, limit: int = 60) -> bool:
    """Press Tab until the focused element matches `selector`; False if it never does."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return True
    return False


@pytest.mark.parametrize(("lang", "other"), [("en", "cy"), ("cy", "en")])
def test_language_switcher_by_keyboard_lands_on_the_same_page(site_server, page, lang, other):
    page.goto(site_server + LANGUAGES[lang] + "key-principles/")
    assert tab_to(page, f"a.lpl-language[hreflang='{other}']"), "the language switcher is not reachable by Tab"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_server + LANGUAGES[other] + "key-principles/"
    assert page.evaluate("document.documentElement.lang") == other


def test_catalogue_filters_by_keyboard_update_the_live_count(site_server, page):
    page.goto(site_server + "case-studies/")
    count = page.locator(".lpl-count")
    assert count.get_attribute("role") == "status" or count.get_attribute("aria-live") in ("polite", "assertive")
    before = count.text_content()
    assert tab_to(page, ".lpl-filter-toggle"), "the Filter button is not reachable by Tab"
    page.keyboard.press("Enter")  # opens the filters under it
    assert page.get_attribute(".lpl-filter-toggle", "aria-expanded") == "true"
    assert tab_to(page, "form[data-lpl-catalogue] select"), "no catalogue filter is reachable by Tab"
    name = page.evaluate("document.activeElement.name")
    for _ in range(12):  # through the options until one narrows the list
        page.keyboard.press("ArrowDown")
        if count.text_content() != before:
            break
    value = page.evaluate("document.activeElement.value")
    assert value, "the arrow keys did not change the focused filter"
    assert count.text_content() != before, f"the result count did not change ({before!r})"
    assert re.search(rf"[?&]{name}={re.escape(value)}\b", page.url), page.url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_box_is_reachable_by_keyboard(site_server, page, lang):
    page.goto(site_server + LANGUAGES[lang] + "key-principles/")
    assert tab_to(page, "input.md-search__input"), "the search box is not reachable by Tab"
    page.keyboard.type("INSET")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15000)
