"""WCAG 2.2 beyond what axe-core checks, in Chromium on a phone (390 px) and a laptop (1366 px), both languages:
targets of at least 24 × 24 CSS px (2.5.8), the heading's ¶ among them kept beside its last word, a focus ring of
at least 2 px at 3:1 on every stop of the Tab order (2.4.7, 1.4.11), nothing sticky over what has focus (2.4.11),
the other language named in words in the header, link addresses on paper, and a submit button in every form
(HTML_CodeSniffer H32.2)."""

from __future__ import annotations

import pytest
from quality import LANGUAGES, page_kinds

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def open_tab(browser, viewport):
    phone = viewport["width"] < 800
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    return context, context.new_page()


# --- Targets ---------------------------------------------------------------------------------------

# Every control a pointer can use, with its box; a link inside a sentence is left out (2.5.8's inline
# exception: its height is the line's), and so is a label, whose control is measured.
SMALL_TARGETS = """() => {
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')) {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    if (getComputedStyle(el).pointerEvents === 'none') continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (el.tagName === 'A' && !el.classList.contains('headerlink')) {
      const block = el.closest('p, li, td, th, dd, dt, figcaption, blockquote, caption');
      if (block && /[A-Za-zÀ-ž]/.test(block.textContent.replace(el.textContent, ''))) continue;
    }
    if (r.width < 24 || r.height < 24)
      small.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return small;
}"""


# What each test of targets, the ¶ and the header reads of a page, gathered in one visit per page and viewport
# (a page load is most of the cost: three walks over every kind of page, both languages, were 180 loads).
HEADER_LINK = """() => {
  const links = [...document.querySelectorAll('.md-header a.lpl-language')];
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const box = links.length ? links[0].getBoundingClientRect() : null;
  return {count: links.length, text: links.length ? links[0].innerText.trim() : '',
          lang: links.length ? links[0].getAttribute('lang') : null,
          hreflang: links.length ? links[0].getAttribute('hreflang') : null,
          visible: !!box && box.width > 0 && box.height > 0 && getComputedStyle(links[0]).visibility !== 'hidden',
          box: box && {x: box.x, y: box.y, width: box.width, height: box.height},
          header: {y: header.y, height: header.height},
          materialSelect: document.querySelectorAll('.md-header .md-select').length};
}"""


@pytest.fixture(scope="module", params=[PHONE, LAPTOP], ids=["phone", "laptop"])
def visited(request, built_site, site_server, browser):
    """Every kind of page in both languages, loaded once at this viewport: its small targets, its ¶ that stand
    alone, its header's language link; and the catalogue with its filters open."""
    viewport = request.param
    context, tab = open_tab(browser, viewport)
    pages = {}
    try:
        for lang, prefix in LANGUAGES.items():
            for path in page_kinds(built_site).values():
                tab.goto(site_server + prefix + path)
                tab.add_style_tag(content=NO_MOTION)
                pages[(lang, path)] = {
                    "targets": tab.evaluate(SMALL_TARGETS),
                    "permalinks": tab.evaluate(PERMALINKS_ALONE),
                    "header": tab.evaluate(HEADER_LINK),
                }
            tab.goto(site_server + prefix + "case-studies/")
            tab.click(".lpl-filter-toggle")  # the catalogue's filters, open
            pages[(lang, "case-studies/ (filters open)")] = {"targets": tab.evaluate(SMALL_TARGETS)}
    finally:
        context.close()
    return viewport, pages


def test_every_control_is_at_least_24_px_on_every_kind_of_page(visited):
    _, pages = visited
    found = [
        f"/{LANGUAGES[lang]}{path}: {target}" for (lang, path), seen in pages.items() for target in seen["targets"]
    ]
    assert not found, "controls under 24 × 24 CSS px:\n" + "\n".join(found[:40])


# The heading permalinks (¶) whose box is not on the line of the heading's last character: a ¶ that wrapped
# to a line of its own (each heading's text is measured with a Range, so no style of ours can hide it).
PERMALINKS_ALONE = """() => {
  const alone = [];
  let headings = 0;
  for (const link of document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6) > a.headerlink')) {
    const heading = link.parentElement;
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let node = walker.nextNode(); node && !link.contains(node); node = walker.nextNode())
      if (node.data.trim()) last = node;
    if (!last) continue;
    headings++;
    const end = last.data.trimEnd().length;
    const word = document.createRange(), pilcrow = document.createRange();
    word.setStart(last, end - 1);
    word.setEnd(last, end);
    pilcrow.selectNodeContents(link);
    const a = word.getBoundingClientRect(), b = pilcrow.getBoundingClientRect();
    if (!(b.top < a.bottom && a.top < b.bottom)) alone.push(heading.textContent.trim().slice(0, 60));
  }
  return {headings, alone};
}"""


def test_the_heading_permalink_stays_on_the_line_of_the_last_word(visited):
    """On a phone the ¶ after a long heading fell to a line of its own (an inline-block may wrap alone): every
    heading of every kind of page, both languages, keeps it beside its last word (at a laptop's width too)."""
    viewport, pages = visited
    found, headings = [], 0
    for (lang, path), seen in pages.items():
        if "permalinks" in seen:
            headings += seen["permalinks"]["headings"]
            found += [f"/{LANGUAGES[lang]}{path}: {heading}" for heading in seen["permalinks"]["alone"]]
    assert headings > 200, headings  # the check read the pages' headings
    assert not found, f"{len(found)} ¶ on a line of their own at {viewport['width']} px:\n" + "\n".join(found[:40])


# --- Focus ------------------------------------------------------------------------------------------

# The focused element's ring (style, width, colour) and what it is drawn on: the composited background of the
# element itself for a ring drawn inside it (negative offset), else of its parent; and whether what is at its
# centre is the element (or its label), not something sticky over it, once the page has settled.
FOCUS = """async () => {
  // after the scroll a focus move makes has been handled (Material sizes its sidebars on scroll, a frame later)
  for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const st = getComputedStyle(el);
  const rgba = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0, 0, 0, 0];
                      const p = m[1].split(',').map(parseFloat); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const behind = node => {
    const layers = [];
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((out, c) => out.map((v, i) => c[i] * c[3] + v * (1 - c[3])), [255, 255, 255]);
  };
  const offset = parseFloat(st.outlineOffset);
  const r = el.getClientRects()[0] || el.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 1), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const own = hit && (el.contains(hit) || hit.contains(el) || [...(el.labels || [])].some(l => l.contains(hit)));
  return {
    name: `${el.tagName.toLowerCase()}.${typeof el.className === 'string' ? el.className : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`,
    style: st.outlineStyle, width: parseFloat(st.outlineWidth), color: rgba(st.outlineColor),
    behind: behind(offset < 0 ? el : el.parentElement),
    shown: el.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    covered: own ? null : (hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing'),
  };
}"""


def luminance(rgb) -> float:
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def focus_problems(tab, key: str, limit: int = 400) -> tuple[int, list[str]]:
    """Press `key` (Tab or Shift+Tab) through the page; each stop's ring and whether it is in view."""
    problems, seen = [], []
    for _ in range(limit):
        tab.keyboard.press(key)
        stop = tab.evaluate(FOCUS)
        if stop is None:
            continue
        if seen and stop["name"] == seen[0]:
            break  # round the page once
        seen.append(stop["name"])
        ratio = contrast(stop["color"][:3], stop["behind"])
        if stop["style"] == "none" or stop["width"] < 2 or ratio < 3:
            problems.append(f"{stop['name']}: ring {stop['style']} {stop['width']} px, {ratio:.2f}:1")
        if not stop["shown"]:
            problems.append(f"{stop['name']}: has focus but cannot be seen")
        elif stop["covered"]:
            problems.append(f"{stop['name']}: has focus under {stop['covered']}")
    return len(seen), problems


@pytest.mark.parametrize(
    ("lang", "viewport", "path"),
    [
        ("en", LAPTOP, "key-principles/"),
        ("cy", LAPTOP, "case-studies/"),
        ("cy", PHONE, "key-principles/"),
        ("en", PHONE, "case-studies/"),
    ],
    ids=["en-laptop-guidance", "cy-laptop-catalogue", "cy-phone-guidance", "en-phone-catalogue"],
)
def test_every_focus_stop_shows_a_ring_and_is_not_covered(site_server, browser, lang, viewport, path):
    """Through the page with Tab and back with Shift+Tab (scrolling up is when the back-to-top pill shows)."""
    context, tab = open_tab(browser, viewport)
    try:
        tab.goto(site_server + LANGUAGES[lang] + path)
        tab.add_style_tag(content=NO_MOTION)  # the ring as it ends, not halfway through Material's fades
        if path == "case-studies/":
            tab.click(".lpl-filter-toggle")  # the filters and their buttons are stops too
            tab.focus("h1")
        stops, forwards = focus_problems(tab, "Tab")
        _, backwards = focus_problems(tab, "Shift+Tab")
    finally:
        context.close()
    assert stops > 30
    problems = forwards + backwards
    assert not problems, f"{len(problems)} problems at focus stops:\n" + "\n".join(dict.fromkeys(problems))


# --- The other language, in words ---------------------------------------------------------------------


def test_the_header_names_the_other_language_in_words(visited, site_server, browser):
    viewport, pages = visited
    names = {"en": "English", "cy": "Cymraeg"}
    for (lang, path), seen in pages.items():
        if "header" not in seen:
            continue
        link, where = seen["header"], f"/{LANGUAGES[lang]}{path}"
        other = "cy" if lang == "en" else "en"
        assert link["count"] == 1, where
        assert link["text"] == names[other], where
        assert link["lang"] == other and link["hreflang"] == other, where
        box, header = link["box"], link["header"]
        assert link["visible"] and box["x"] + box["width"] <= viewport["width"], where
        assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"], where
        assert box["width"] >= 24 and box["height"] >= 24, where
        assert link["materialSelect"] == 0, where  # Material's icon menu (文A) is gone
    # and it goes to the same page in the other language
    context, tab = open_tab(browser, viewport)
    try:
        for lang, prefix in LANGUAGES.items():
            other = "cy" if lang == "en" else "en"
            tab.goto(site_server + prefix + "key-principles/")
            with tab.expect_navigation():
                tab.click(".md-header a.lpl-language")
            assert tab.url == site_server + LANGUAGES[other] + "key-principles/"
    finally:
        context.close()


# --- Paper, and forms -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_pages_show_where_external_links_go(site_server, page, lang):
    page.goto(site_server + LANGUAGES[lang] + "key-principles/")
    page.emulate_media(media="print")
    external = page.eval_on_selector_all(
        ".md-content a[href^='https://']",
        "els => els.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])",
    )
    assert external and all(after == '" (" attr(href) ")"' or href in after for href, after in external), external[:3]
    internal = page.eval_on_selector(".md-content a[href^='../']", "a => getComputedStyle(a, '::after').content")
    assert internal in ("none", "normal", '""')  # a link within the site is not spelled out
    assert not page.is_visible(".md-header")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_forms_have_a_submit_button_and_search_submits_to_the_best_result(built_site, site_server, page, lang):
    for path in page_kinds(built_site).values():
        if path == "plan-templates/make/":
            continue  # "Make your plan": its form is being rebuilt in parts (issue 26, item 1)
        page.goto(site_server + LANGUAGES[lang] + path)
        lacking = page.eval_on_selector_all(
            "form", "fs => fs.filter(f => !f.querySelector('[type=submit], button:not([type])')).map(f => f.className)"
        )
        assert not lacking, f"/{LANGUAGES[lang]}{path}: forms without a submit button: {lacking}"
    page.goto(site_server + LANGUAGES[lang])
    box = page.locator("input.md-search__input")
    box.click()
    box.type({"en": "INSET", "cy": "HMS"}[lang], delay=20)
    best = page.locator(".md-search-result__item a[href]").first
    best.wait_for(state="visible", timeout=15000)
    target = best.evaluate("a => a.href")
    with page.expect_navigation():
        page.click(".md-search__form button[type=submit]")  # like Enter: the best result
    assert page.url == target
