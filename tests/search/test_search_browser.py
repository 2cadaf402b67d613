"""Search in the built site, in Chromium: the query set's recall, one language per index, the
interface in the page's language, lazy loading, the keyboard, and the browser's word rules."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from lpl.model import welsh
from lpl.search.text import LANGUAGES
from quality import axe_violations, describe

from bench.search import QUERIES, SearchBox, load_queries, recall, wrong_language

pytestmark = pytest.mark.browser
QUERY_SET = load_queries()
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def tab(browser):
    """One page for the whole module: opening a page per query would dominate the time."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def index_of(site, lang):
    """A language's index as build_index gives it (pages, sections, forms), read back from its pieces."""
    folder = site / ("cy/" if lang == "cy" else "") / "search/lpl"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    pages, sections, forms = [], [], set()
    for p in range(len(manifest["sections"])):
        fragment = json.loads((folder / f"f/{p}.json").read_text(encoding="utf-8"))
        assert len(fragment["sections"]) == manifest["sections"][p]
        # fragments' addresses are relative to the manifest, build_index's to search/lpl-index.json
        pages.append(
            [fragment["url"][3:] if fragment["url"].startswith("../") else "lpl/" + fragment["url"], fragment["title"]]
        )
        sections += [[p, *section] for section in fragment["sections"]]
    for n in range(len(manifest["chunks"])):
        forms.update(json.loads((folder / f"t/{n}.json").read_text(encoding="utf-8"))["forms"])
    return {"language": manifest["language"], "pages": pages, "sections": sections, "forms": sorted(forms)}


def test_query_set_recall_and_languages(site_server, tab):
    box = SearchBox(tab, site_server, "lpl")
    for lang in ("cy", "en"):
        box.open(lang)
        # each query pasted in whole (one search each, not one per keystroke: typing is tested below)
        outcomes = [(q, box.search(q.query, typed=False)) for q in QUERY_SET if q.lang == lang]
        wrong = {q.query: wrong_language(lang, found) for q, found in outcomes if wrong_language(lang, found)}
        assert not wrong, f"results in the other language on {lang} pages: {wrong}"
        score = sum(recall(found, q.pages) for q, found in outcomes) / len(outcomes)
        misses = [
            f"{q.query!r}: wanted {list(q.pages)}, got {found[:10]}"
            for q, found in outcomes
            if recall(found, q.pages) < 1
        ]
        assert score >= MIN_RECALL, f"{lang} recall@10 {score:.3f} < {MIN_RECALL}:\n" + "\n".join(misses)


def test_interface_speaks_the_pages_language(site_server, tab):
    tab.goto(site_server + "cy/")
    box = tab.locator("input[name=query]")
    assert box.get_attribute("placeholder") == "Chwilio"
    assert tab.get_attribute("button[type=reset]", "aria-label") == "Clirio"
    meta = tab.locator(".md-search-result__meta")
    SearchBox(tab, site_server, "lpl").search("qqqzzz")
    assert meta.inner_text().strip() == "Dim dogfennau sy'n cyfateb"
    SearchBox(tab, site_server, "lpl").search("cynllun")
    # a Welsh noun after a number is singular (lpl/model/counting.py): "34 dogfen sy'n cyfateb"
    assert re.fullmatch(r"\d+ dogfen sy'n cyfateb", meta.inner_text().strip())
    tab.goto(site_server)
    SearchBox(tab, site_server, "lpl").search("qqqzzz")
    assert tab.locator(".md-search-result__meta").inner_text().strip() == "No matching documents"


@pytest.mark.parametrize(("lang", "other"), [("cy", "en"), ("en", "cy")])
def test_only_the_pages_language_index_is_loaded_and_only_when_search_opens(site_server, browser, lang, other):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_server + ("cy/inset/" if lang == "cy" else "inset/"))
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if u.endswith(".json")], "an index was fetched before the reader asked"
    with page.expect_response(lambda r: r.url.endswith("manifest.json")) as response:
        page.click("input[name=query]")
    assert response.value.url == site_server + ("cy/" if lang == "cy" else "") + "search/lpl/manifest.json"
    page.keyboard.type("cynllun" if lang == "cy" else "plan")
    page.wait_for_selector(".md-search-result__item")
    own = site_server + ("cy/" if lang == "cy" else "") + "search/lpl/"
    pieces = [u for u in requested if u.startswith(own) and not u.endswith("manifest.json")]
    assert any("/t/" in u for u in pieces) and any("/f/" in u for u in pieces), pieces
    # only pieces of the page's own language, a few of them: not the whole index
    other_index = site_server + ("cy/" if other == "cy" else "") + "search/"
    assert not [u for u in requested if u.startswith(other_index) and not u.startswith(own)]
    assert len(pieces) <= 20, pieces
    # no Material index, and nothing of search's from anywhere but the site itself
    assert not [u for u in requested if "search" in u and ("search_index" in u or not u.startswith(site_server))]
    context.close()


def test_keyboard(site_server, tab):
    tab.goto(site_server + "inset/")
    tab.keyboard.press("/")
    assert tab.evaluate("document.activeElement.name") == "query"
    assert tab.evaluate("document.getElementById('__search').checked")
    tab.keyboard.type("governors")
    tab.wait_for_function(
        "document.querySelector('[data-lpl-search-result]').getAttribute('data-lpl-query') === 'governors'"
    )
    assert tab.get_attribute(".md-search-result__list", "role") == "list"
    tab.keyboard.press("ArrowDown")
    first = tab.evaluate("document.activeElement.getAttribute('href')")
    assert first == tab.get_attribute(".md-search-result__item a[href]", "href")
    tab.keyboard.press("ArrowUp")
    assert tab.evaluate("document.activeElement.name") == "query"
    tab.keyboard.press("Escape")
    assert not tab.evaluate("document.getElementById('__search').checked")
    assert tab.get_attribute(".md-search-result__list", "role") == "presentation"
    tab.click("input[name=query]")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.split("#")[0].endswith(first.split("#")[0])


@pytest.mark.parametrize(
    ("lang", "query", "page", "written"),
    [
        ("cy", "cynllun", "cy/funding/", {"gynllun", "chynllun", "nghynllun"}),
        ("en", "plan", "plan-guide/", {"planned"}),
    ],
)
def test_opened_result_marks_the_words_as_written_on_its_page(site_server, tab, lang, query, page, written):
    """search.highlight: the page a result opens marks what matched, Welsh mutated forms included,
    and the marks pass axe-core (contrast)."""
    box = SearchBox(tab, site_server, "lpl")
    box.open(lang)
    assert page in box.search(query)
    link = tab.locator(f".md-search-result__item a[href*='/{page}']").first
    assert "?h=" in link.get_attribute("href")
    with tab.expect_navigation():
        link.click()
    marked = set(
        tab.eval_on_selector_all(
            ".md-content article mark[data-md-highlight]", "marks => marks.map(m => m.textContent.toLowerCase())"
        )
    )
    assert query in marked and marked & written, marked
    assert all(query[1:4] in m for m in marked), f"marked words that did not match {query!r}: {marked}"
    violations = axe_violations(tab)
    assert not violations, describe(violations)


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_browser_and_python_agree_on_words(built_site, site_server, tab, lang):
    language = LANGUAGES[lang]
    index = index_of(built_site, lang)
    words = index["forms"][::7] + [
        "Nghymraeg",
        "Gymraeg",
        "ddysgu'r",
        "tîm",
        "dîm",
        "Ŵyr",
        "hysgol",
        "lywodraeth",
        "chairs",
        "planning",
        "evaluation",
        "school's",
    ]
    tab.goto(site_server + ("cy/" if lang == "cy" else ""))
    # lpl-words.js over the rules of the language's own manifest, as lpl-search.js uses them
    browser_side = tab.evaluate(
        """async words => {
        const index = document.querySelector('[data-lpl-search-result]').getAttribute('data-lpl-index');
        const manifest = await (await fetch(new URL(index, location.href))).json();
        const search = document.querySelector('script[src$="lpl-search.js"]').src;
        const w = (await import(new URL('lpl-words.js', search).href)).forLanguage(manifest.language);
        return words.map(x => [w.terms(x), w.terms(x).map(t => w.keys(t))]); }""",
        words,
    )
    python_side = [[language.terms(x), [language.keys(t) for t in language.terms(x)]] for x in words]
    assert browser_side == python_side


def test_query_set_is_labelled_and_true_to_the_text(built_site):
    cy = [q for q in QUERY_SET if q.lang == "cy"]
    en = [q for q in QUERY_SET if q.lang == "en"]
    assert len(cy) >= 60 and len(en) >= 30
    text = {lang: page_texts(index_of(built_site, lang)) for lang in ("cy", "en")}
    covered = set()
    for q in cy:
        assert q.mutation and q.text, f"{q.query!r}: label the mutation and the form on the page"
        pairs = [(a, b) for a, b in zip(q.query.lower().split(), q.text.lower().split(), strict=True) if a != b]
        assert len(pairs) == 1, f"{q.query!r} / {q.text!r}: exactly one word should differ"
        assert welsh.relation(*pairs[0]) == (q.mutation, q.initial), q.query
        covered.add((q.mutation, q.initial))
        for page in q.pages:
            assert page in text["cy"], f"{q.query!r}: no Welsh page {page}"
            assert re.search(rf"(?<!\w){re.escape(q.text)}(?!\w)", text["cy"][page], re.I), (
                f"{q.query!r}: {q.text!r} is no longer on {page}: update {QUERIES.name} to the text"
            )
    for q in en:
        for page in q.pages:
            assert page in text["en"], f"{q.query!r}: no English page {page}"
    absent = {tuple(pair) for pair in load_absent()}
    every = {(m, i) for m, table in welsh.MUTATIONS.items() for i in table} | {(welsh.H_PROTHESIS, "vowel")}
    assert every - absent <= covered, f"mutations without a query: {sorted(every - absent - covered)}"
    for lang in ("cy", "en"):
        wanted = {p for q in QUERY_SET if q.lang == lang for p in q.pages}
        for kind in ("case-studies/", "frameworks/", "plan-templates/"):
            assert any(kind in p for p in wanted), f"no {lang} query finds a page under {kind}"


def page_texts(index) -> dict[str, str]:
    """{site path: every heading and text of the page} from a language's index, but for a case study's
    related list: it repeats other case studies' summaries, so a word there is not the page's own."""
    found: dict[str, str] = {}
    for section in index["sections"]:
        path = page_path(index, section)
        if section[1] == "related":
            found.setdefault(path, "")
            continue
        found[path] = found.get(path, "") + " " + section[2] + " " + section[3]
    return found


def page_path(index, section) -> str:
    """The site path of a section's page ("cy/inset/"), from its location relative to the index."""
    location = index["pages"][section[0]][0]
    prefix = "cy/" if index["language"]["lang"] == "cy" else ""
    parts = []
    for part in ("search/" + location).split("/"):
        if part == "..":
            parts.pop()
        elif part:
            parts.append(part)
    return prefix + "".join(p + "/" for p in parts)


def load_absent():
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8")).get("not_in_text", [])


def synthetic(tab, site_server, lang, pages):
    """Open the site with the language's index replaced by one built from `pages` ({path: html})."""
    from lpl.search.index import PageText, build_index
    from lpl.search.shards import split_index

    files = split_index(build_index([PageText(f"../../{p}/", p, html) for p, html in pages.items()], lang), target=200)
    prefix = "cy/" if lang == "cy" else ""
    base = f"{site_server}{prefix}search/lpl/"
    tab.route(
        base + "**",
        lambda route: route.fulfill(
            body=files[route.request.url[len(base) :].split("?")[0]], content_type="application/json"
        ),
    )
    tab.goto(f"{site_server}{prefix}")
    return SearchBox(tab, site_server, "lpl")


def test_exact_forms_rank_first_and_mutations_are_found_both_ways(site_server, browser):
    context = browser.new_context()
    tab = context.new_page()
    box = synthetic(
        tab,
        site_server,
        "cy",
        {
            "radical": "<p>Mae'r cynllun yn barod.</p>",
            "soft": "<p>Ein gynllun ni yw hwn.</p>",
            "nasal": "<p>Yn fy nghynllun i mae pob dim.</p>",
            "aspirate": "<p>Ei chynllun hi, a'i phennaeth.</p>",
            "other": "<p>Mae'r ysgol yn dysgu am gynghorau a'r celfyddydau.</p>",
            "eyebrow": "<p>Mae ael y bryn yn serth.</p>",
            "get": "<p>Bydd pawb yn cael cyfle i gael hyfforddiant.</p>",
        },
    )
    for query in ("cynllun", "gynllun", "nghynllun", "chynllun", "Nghynllun"):
        found = [p.split("/")[-2] for p in box.search(query)]
        assert set(found[:4]) == {"radical", "soft", "nasal", "aspirate"}, (query, found)
        assert "other" not in found
        assert found[0] == query.lower().replace("nghynllun", "nasal").replace("chynllun", "aspirate").replace(
            "gynllun", "soft"
        ).replace("cynllun", "radical"), (query, found)
    assert [p.split("/")[-2] for p in box.search("pennaeth")] == ["aspirate"]
    assert [p.split("/")[-2] for p in box.search("mhennaeth")] == ["aspirate"]
    # "gael" (soft of cael) could be a radical whose soft form is "ael": found, but after the exact form
    found = [p.split("/")[-2] for p in box.search("gael")]
    assert found[0] == "get" and "eyebrow" in found
    # Welsh function words are not searched for: "yr" and "a" change nothing
    assert box.search("y cynllun a'r") == box.search("cynllun")
    context.close()


def test_english_stems_inflections(site_server, browser):
    context = browser.new_context()
    tab = context.new_page()
    box = synthetic(
        tab,
        site_server,
        "en",
        {
            "chair": "<p>The chair of governors meets the head.</p>",
            "chaired": "<p>She chaired three meetings.</p>",
            "leadership": "<p>Leadership is shared.</p>",
        },
    )
    assert set(box.search("chairs")) == {"chair/", "chaired/"}
    assert box.search("chairing") and "leadership/" not in box.search("chairing")
    assert box.search("the") == []
    context.close()
