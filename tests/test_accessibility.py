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


# --- The header on a phone, keyboard only: the menu and its drawer, the search -----------------------------

NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
SEARCH_NAME = {"en": "Search", "cy": "Chwilio"}  # Material's own wording (lang.t("search")), as the search box has

# The focused element: what it is, its accessible name as written, whether it is drawn and in the drawer.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return {
    tag: el.tagName.toLowerCase(), name: el.getAttribute('aria-label') || el.textContent.trim(),
    expanded: el.getAttribute('aria-expanded'), controls: el.getAttribute('aria-controls'),
    shown: el.checkVisibility({visibilityProperty: true}), inDrawer: !!el.closest('.md-sidebar--primary'),
    inSearch: !!el.closest('.md-search'),
  };
}"""


def phone_tab(browser, url: str):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(url)
    tab.add_style_tag(content=NO_MOTION)  # the drawer where it ends, not halfway through its slide
    return context, tab


def tab_stops(tab, key: str, count: int, until=lambda stop: False) -> list[dict | None]:
    """Press `key` `count` times, or until the focused element is the one `until` is looking for."""
    stops = []
    for _ in range(count):
        tab.keyboard.press(key)
        stops.append(tab.evaluate(FOCUSED))
        if stops[-1] and until(stops[-1]):
            break
    return stops


def named_button(name: str):
    return lambda stop: stop["tag"] == "button" and stop["name"] == name


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "key-principles/"], ids=["home", "guidance"])
def test_phone_menu_by_keyboard_opens_the_drawer_and_keeps_focus_in_it(site_server, browser, content, lang, path):
    """WAI-ARIA's disclosure and dialog patterns: a button reached by Tab, named in the page's language, that
    opens the navigation drawer (Material's check box and all), focus in the drawer and kept there, Escape and
    the drawer's close button closing it with focus back on the button; the overlay still closes it."""
    menu = content.label("menu", lang)
    context, tab = phone_tab(browser, site_server + LANGUAGES[lang] + path)
    try:
        stops = tab_stops(tab, "Tab", 4, until=named_button(menu))
        button = stops[-1]
        assert button and named_button(menu)(button), f"Tab from the top never reached a button named {menu!r}: {stops}"
        assert button["shown"] and button["expanded"] == "false", button
        assert tab.evaluate("id => !!document.getElementById(id)?.querySelector('a[href]')", button["controls"])

        tab.keyboard.press("Enter")
        assert tab.is_checked("#__drawer"), "Enter did not open Material's drawer"
        drawer = tab.locator(".md-sidebar--primary")
        box = drawer.bounding_box()
        assert drawer.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        assert tab.evaluate("document.querySelector('.lpl-menu-button').getAttribute('aria-expanded')") == "true"
        first = tab.evaluate(FOCUSED)
        assert first and first["inDrawer"] and first["shown"], f"focus did not move into the drawer: {first}"
        check(tab, f"/{LANGUAGES[lang]}{path} with the menu open at 390×844")

        for key in ("Tab", "Shift+Tab"):
            stops = tab_stops(tab, key, 30)
            outside = [s for s in stops if not (s and s["inDrawer"] and s["shown"])]
            assert not outside, f"{key} left the open drawer: {outside[:3]}"
            assert len({s["name"] for s in stops}) < 30, f"{key} did not go round the drawer"

        tab.keyboard.press("Escape")
        assert not tab.is_checked("#__drawer"), "Escape did not close the drawer"
        back = tab.evaluate(FOCUSED)
        assert back and back["name"] == menu and back["expanded"] == "false", f"focus is not on the menu: {back}"
        assert tab.locator("[inert]").count() == 0, "the page behind stayed inert"

        tab.keyboard.press(" ")  # Space opens it too; its own close button (named) closes it
        assert tab.is_checked("#__drawer")
        close = tab.get_by_role("button", name=content.label("menu_close", lang), exact=True)
        close.focus()
        tab.keyboard.press("Enter")
        assert not tab.is_checked("#__drawer"), "the drawer's close button did not close it"
        assert tab.evaluate(FOCUSED)["name"] == menu

        tab.keyboard.press("Enter")
        tab.mouse.click(PHONE["width"] - 20, PHONE["height"] // 2)  # Material's overlay, beside the drawer
        assert not tab.is_checked("#__drawer"), "a tap on the overlay no longer closes the drawer"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_menu_drawer_panels_open_and_go_back_by_keyboard(site_server, browser, lang):
    """On a guidance page the drawer opens on its section's panel: its title leads back to the whole navigation
    and another section's entry opens that section, by Enter or Space, focus following."""
    context, tab = phone_tab(browser, site_server + LANGUAGES[lang] + "key-principles/")
    try:
        tab.locator(".lpl-menu-button").focus(timeout=5000)
        tab.keyboard.press("Enter")
        assert tab_to(tab, "label.md-nav__title[for^='__nav_']", limit=5), "the section's title is not a Tab stop"
        section = tab.evaluate("document.activeElement.htmlFor")
        tab.keyboard.press("Enter")
        assert not tab.is_checked(f"#{section}")
        assert tab.evaluate("document.activeElement.htmlFor") == section  # on the entry that opens it again
        other = ""
        for _ in range(10):  # on to another section's entry
            tab.keyboard.press("Tab")
            other = tab.evaluate("(e => e.matches('label.md-nav__link') ? e.htmlFor : '')(document.activeElement)")
            if other and other != section:
                break
        assert other and other != section, "no other section's entry is a Tab stop"
        tab.keyboard.press(" ")
        assert tab.is_checked(f"#{other}")
        here = tab.evaluate(FOCUSED)
        assert here["inDrawer"] and here["shown"] and tab.evaluate("document.activeElement.htmlFor") == other
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_search_button_by_keyboard(site_server, browser, lang):
    """The search, too, is a button on a phone (Material's is a label): Enter opens the box with focus in it,
    Escape closes it with focus back on the button; while shut, the box is no Tab stop."""
    context, tab = phone_tab(browser, site_server + LANGUAGES[lang] + "key-principles/")
    try:
        stops = tab_stops(tab, "Tab", 6, until=named_button(SEARCH_NAME[lang]))
        button = stops[-1]
        assert button and named_button(SEARCH_NAME[lang])(button), f"Tab never reached the search button: {stops}"
        assert button["shown"] and button["expanded"] == "false" and button["controls"]
        assert not any(s and s["inSearch"] for s in stops), "the closed search box took focus"
        tab.keyboard.press("Enter")
        assert tab.is_checked("#__search")
        assert tab.evaluate("document.activeElement.matches('input.md-search__input')")
        tab.keyboard.type({"en": "INSET", "cy": "HMS"}[lang])
        tab.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15000)
        tab.keyboard.press("Escape")
        assert not tab.is_checked("#__search")
        tab.wait_for_function("document.activeElement.classList.contains('lpl-search-button')")
        assert tab.evaluate(FOCUSED)["expanded"] == "false"
    finally:
        context.close()
