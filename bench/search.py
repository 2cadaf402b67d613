"""`python scripts/bench.py search [--case-studies N]`: our search beside Pagefind (and, with
--material, Material's), measured the same way in Chromium on the same built pages.

Our site is built from a temporary copy of the project (with N case studies in all: the project's
and synthetic ones, `bench.build`), then Pagefind indexes the very pages our index holds
(`bench.pagefind`). Measured:

- recall@10 on tests/search/queries.yml per language (and per Welsh mutation), and results in the
  other language: ours by typing each query into the real search box of the language's home page,
  Pagefind through its JS API;
- a first search, cold cache, for a sample of the queries: the bytes the server sends from the moment
  the box is focused (ours: manifest, term chunks, the fragments of the first screen of results;
  Pagefind: its script, worker, WebAssembly, entry, metadata, chunks and the data of 10 results),
  and the time until those results are in hand, on a throttled phone profile (Lighthouse's mobile
  settings: 562.5 ms before each response and 1.44 Mbit/s shared, by the server; CPU slowed 4×
  through the Chrome DevTools Protocol), the page having loaded unthrottled first;
- what the search code adds to every page before the reader does anything.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tests.harness import ROOT, Link, mkdocs_build, serve
from tests.harness import copy_project as copy_content

from . import pagefind

QUERIES = ROOT / "tests" / "search" / "queries.yml"
K = 10
HOME = {"en": "", "cy": "cy/"}


@dataclass(frozen=True)
class Query:
    lang: str
    query: str
    pages: tuple[str, ...]  # site paths that must be among the first K results ("cy/inset/")
    mutation: str | None = None  # Welsh: how the query's form differs from the page's (soft, nasal…)
    initial: str | None = None  # Welsh: the radical's initial (c, p, ll, vowel…)
    text: str | None = None  # the form as written on the pages


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(lang, str(q["query"]), tuple(q["pages"]), q.get("mutation"), q.get("initial"), q.get("text"))
        for lang in ("cy", "en")
        for q in data[lang]
    ]


# --- Building and serving ------------------------------------------------------------------------


def copy_project(dest: Path, engine: str = "lpl") -> Path:
    """The project's content in `dest`; engine "material" switches our search for Material's."""
    copy_content(dest)
    if engine == "material":
        config = dest / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "\n  - lpl-search\n" in text, "mkdocs.yml no longer lists lpl-search"
        config.write_text(text.replace("\n  - lpl-search\n", "\n  - search\n"), encoding="utf-8")
    return dest


def build(dest: Path, engine: str, case_studies: int | None = None) -> Path:
    project = copy_project(dest, engine)
    if case_studies:
        from .build import synthetic_case_studies

        synthetic_case_studies(project, case_studies)
    result = mkdocs_build(project)
    if result.returncode:
        raise SystemExit(f"building the {engine} site failed:\n{result.stderr}")
    return project / "site"


def engine_of(site: Path) -> str:
    return "lpl" if (site / "search" / "lpl" / "manifest.json").exists() else "material"


# --- Driving the search box ------------------------------------------------------------------------

# Resolves once the result list has not changed for `quiet` ms (Material says nothing when done).
SETTLED = """([quiet, limit]) => new Promise(resolve => {
  const list = document.querySelector(".md-search-result__list");
  let timer = setTimeout(done, quiet);
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quiet); });
  observer.observe(list, {childList: true, subtree: true, characterData: true});
  setTimeout(done, limit);
  function done() { observer.disconnect(); resolve(); }
})"""


class SearchBox:
    """The search box of one page, used as a reader does: focus, type, read the results."""

    def __init__(self, page, base: str, engine: str):
        self.page, self.base, self.engine = page, base, engine

    def open(self, lang: str):
        self.page.goto(self.base + HOME[lang])
        self.page.wait_for_load_state("load")
        if self.engine == "material":  # its index is fetched with the page; wait until it is ready
            self.page.click("input[name=query]")
            self.page.wait_for_function(
                "() => !/initiali[sz]|Cychwyn/i.test(document.querySelector('.md-search-result__meta').textContent)"
            )

    def search(self, query: str, *, typed: bool = True) -> list[str]:
        """Site paths of the results, best first (one per result item, as listed). `typed=False` puts the whole
        query in at once (one input event, as a paste does): the same results, without a search per keystroke."""
        box = self.page.locator("input[name=query]")
        box.click()
        if typed:
            box.press("Control+a")
            box.press("Backspace")
            self.page.keyboard.type(query)
        else:
            box.fill(query)
        if self.engine == "lpl":
            self.page.wait_for_function(
                "q => document.querySelector('[data-lpl-search-result]').getAttribute('data-lpl-query') === q",
                arg=query,
            )
        else:
            self.page.evaluate(SETTLED, [250, 5000])
        hrefs = self.page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(i => i.querySelector('a[href]').href)"
        )
        base_path = urlsplit(self.base).path
        return [urlsplit(h).path[len(base_path) :] for h in hrefs]


def recall(found: list[str], expected: tuple[str, ...], k: int = K) -> float:
    top = found[:k]
    return sum(1 for p in expected if p in top) / len(expected)


def wrong_language(lang: str, found: list[str]) -> list[str]:
    return [p for p in found if p.startswith("cy/") != (lang == "cy")]


@dataclass
class Outcome:
    query: Query
    found: list[str]

    @property
    def recall(self) -> float:
        return recall(self.found, self.query.pages)

    @property
    def wrong(self) -> list[str]:
        return wrong_language(self.query.lang, self.found)


def run_queries(browser, base: str, engine: str, queries: list[Query]) -> list[Outcome]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    box = SearchBox(page, base, engine)
    outcomes = []
    try:
        for lang in ("cy", "en"):
            box.open(lang)
            outcomes += [Outcome(q, box.search(q.query)) for q in queries if q.lang == lang]
    finally:
        context.close()
    return outcomes


# Lighthouse's mobile profile as DevTools applies it (lighthouse-core/config/constants.js: slow 4G
# with its request-latency and throughput multipliers; CPU 4×). The network is applied by our
# static server (`tests/harness.Link`), not by DevTools: Pagefind fetches from a Web Worker, which page-level
# DevTools throttling and request events do not see; the server sees every request.
PHONE_LATENCY = 0.150 * 3.75  # s before each response
PHONE_RATE = 1.6 * 1024 * 1024 * 0.9 / 8  # bytes a second, all responses together
PHONE_CPU = 4

# Ours: ms from the box's focus until the results of `query` are on screen (data-lpl-query is set
# once the first screen's fragments are in).
OURS_TIMED = """query => { window.__lplFirst = new Promise(resolve => {
  const output = document.querySelector('[data-lpl-search-result]');
  const input = document.querySelector('input[name=query]');
  let start = 0;
  input.addEventListener('focus', () => { start = performance.now(); }, {once: true});
  new MutationObserver((_, observer) => {
    if (output.getAttribute('data-lpl-query') === query) { observer.disconnect(); resolve(performance.now() - start); }
  }).observe(output, {attributes: true});
}); }"""


@dataclass
class FirstSearch:
    lang: str
    query: str
    bytes: int  # transferred after focus: index pieces and code (gzip as served, headers included)
    ms: float  # focus to the first screen of results, throttled
    requests: int


def first_search(browser, base: str, engine: str, lang: str, query: str, sent: list, link: Link) -> FirstSearch:
    """One cold first search on the language's home page, as a phone would make it: the page loads
    on a fast network, then the network slows (`link`) and the CPU is throttled; the bytes are those
    the server sent (`sent`) from the moment the box is focused."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(base + HOME[lang])
        page.wait_for_load_state("networkidle")
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU})
        before = len(sent)
        link.latency, link.rate = PHONE_LATENCY, PHONE_RATE
        try:
            if engine == "pagefind":
                ms = page.evaluate(pagefind.SEARCH, [query, K])["ms"]
            else:
                page.evaluate(OURS_TIMED, query)  # a promise kept in the page: evaluate would wait for it
                page.click("label.md-header__button[for=__search]")  # a phone's magnifier: it focuses the box
                page.keyboard.type(query)
                ms = page.evaluate("() => window.__lplFirst")
            page.wait_for_timeout(200)
        finally:
            link.latency, link.rate = 0.0, float("inf")
        got = sent[before:]
        return FirstSearch(lang, query, sum(n for _, n in got), ms, len(got))
    finally:
        context.close()


def first_search_queries(queries: list[Query], per_language: int) -> list[Query]:
    """An even sample of the query set, `per_language` a language."""
    out = []
    for lang in ("cy", "en"):
        mine = [q for q in queries if q.lang == lang]
        step = max(1, len(mine) // per_language)
        out += mine[::step][:per_language]
    return out


def pagefind_queries(browser, base: str, queries: list[Query]) -> list[Outcome]:
    """Each query through Pagefind's JS API on the language's home page; the first K results' paths."""
    outcomes = []
    for lang in ("cy", "en"):
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + HOME[lang])
        for q in queries:
            if q.lang == lang:
                urls = page.evaluate(pagefind.SEARCH, [q.query, K])["urls"]
                outcomes.append(Outcome(q, [urlsplit(u).path.lstrip("/") for u in urls]))
        context.close()
    return outcomes


def loaded_with_page(browser, base: str) -> dict[str, int]:
    """Bytes (as transferred) of search files a page fetches before the reader does anything."""
    sizes = {}
    for lang in ("cy", "en"):
        context = browser.new_context()
        page = context.new_page()
        got = []
        page.on(
            "requestfinished", lambda r, got=got: got.append(r) if "search" in r.url or "pagefind" in r.url else None
        )
        page.goto(base + HOME[lang])
        page.wait_for_load_state("networkidle")
        sizes[lang] = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in got)
        context.close()
    return sizes


def index_sizes(site: Path, engine: str) -> tuple[int, int]:
    """(files, bytes) of the search index a site ships, both languages."""
    if engine == "pagefind":
        files = [p for p in (site / pagefind.OUTPUT).rglob("*") if p.is_file() and "ui" not in p.name]
    elif engine == "lpl":
        files = [p for root in ("", "cy/") for p in (site / root / "search/lpl").rglob("*.json")]
    else:
        files = [site / "search/search_index.json"]
    return len(files), sum(p.stat().st_size for p in files)


# --- Report --------------------------------------------------------------------------------------


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def measure(browser, site: Path, engine: str, queries: list[Query], sample: list[Query]) -> dict:
    sent, link = [], Link(0.0, float("inf"))
    with serve(site, sent, link) as base:
        start = time.perf_counter()
        outcomes = (
            pagefind_queries(browser, base, queries)
            if engine == "pagefind"
            else run_queries(browser, base, engine, queries)
        )
        print(f"({engine}: {len(queries)} queries in {time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)
        start = time.perf_counter()
        first = (
            [first_search(browser, base, engine, q.lang, q.query, sent, link) for q in sample]
            if engine != "material"
            else []
        )
        print(
            f"({engine}: {len(first)} first searches in {time.perf_counter() - start:.0f} s)",
            file=sys.stderr,
            flush=True,
        )
        return {
            "engine": engine,
            "outcomes": outcomes,
            "sizes": index_sizes(site, engine),
            "first": first,
            "loaded": loaded_with_page(browser, base) if engine != "pagefind" else {"cy": 0, "en": 0},
        }


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KiB" if n < 100 * 1024 else f"{n / 1024:.0f} KiB"


def report(results: list[tuple[str, dict]], queries: list[Query], pages: int) -> str:
    """A table with one column per measured engine: [("ours (lpl-search)", result), …]."""
    n_cy, n_en = sum(q.lang == "cy" for q in queries), sum(q.lang == "en" for q in queries)
    lines = [
        f"Search over {pages} pages a language, measured in Chromium: {n_cy} Welsh and {n_en} English queries "
        "(tests/search/queries.yml)",
        "",
    ]
    row = "{:<38}" + "{:>28}" * len(results)
    lines.append(row.format("", *(label for label, _ in results)))

    def recall_of(result, lang, mutation=None):
        return mean(
            o.recall
            for o in result["outcomes"]
            if o.query.lang == lang and (mutation is None or o.query.mutation == mutation)
        )

    def line(label, cell):
        lines.append(row.format(label, *(cell(r) for _, r in results)))

    for lang, name in (("cy", "Welsh"), ("en", "English")):
        line(f"{name} recall@{K}", lambda r, lang=lang: f"{recall_of(r, lang):.3f}")
    for mutation in sorted({q.mutation for q in queries if q.lang == "cy" and q.mutation}):
        n = sum(q.mutation == mutation for q in queries if q.lang == "cy")
        line(f"  Welsh, {mutation} ({n} queries)", lambda r, mutation=mutation: f"{recall_of(r, 'cy', mutation):.3f}")
    for lang, name in (("cy", "Welsh"), ("en", "English")):
        line(
            f"Other-language results, {name} pages",
            lambda r, lang=lang: str(sum(len(o.wrong) for o in r["outcomes"] if o.query.lang == lang)),
        )
        line(
            f"Mean results per query, {name}",
            lambda r, lang=lang: f"{mean(len(o.found) for o in r['outcomes'] if o.query.lang == lang):.1f}",
        )
    line("Index on disk, both languages", lambda r: f"{r['sizes'][0]} files, {kib(r['sizes'][1])}")
    for lang, name in (("cy", "Welsh"), ("en", "English")):
        line(f"Search code with every page, {name}", lambda r, lang=lang: kib(r["loaded"][lang]))
    for lang, name in (("cy", "Welsh"), ("en", "English")):

        def firsts(r, lang=lang):
            return [f for f in r["first"] if f.lang == lang]

        n = len([q for q in results[0][1]["first"] if q.lang == lang])
        line(
            f"First search, {name} ({n} queries): median",
            lambda r: kib(statistics.median(f.bytes for f in firsts(r))) if firsts(r) else "–",
        )
        line("  largest", lambda r: kib(max(f.bytes for f in firsts(r))) if firsts(r) else "–")
        line(
            "  requests (median)",
            lambda r: f"{statistics.median(f.requests for f in firsts(r)):.0f}" if firsts(r) else "–",
        )
        line(
            "  time to results, phone (median)",
            lambda r: f"{statistics.median(f.ms for f in firsts(r)):.0f} ms" if firsts(r) else "–",
        )
        line("  time, slowest", lambda r: f"{max(f.ms for f in firsts(r)):.0f} ms" if firsts(r) else "–")
    for label, result in results:
        misses = [o for o in result["outcomes"] if o.recall < 1]
        lines += ["", f"Queries {label} misses in its first {K} results: {len(misses)}"]
        lines += [
            f"  [{o.query.lang}] {o.query.query!r}: wanted {list(o.query.pages)}, got {o.found[:K]}"
            for o in misses
            if label.startswith("ours")
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.py search", description=__doc__.splitlines()[0])
    parser.add_argument("--case-studies", type=int, metavar="N", help="N case studies in all (default: the project's)")
    parser.add_argument("--site", type=Path, help="an already built site with our search (default: build one)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument(
        "--first-searches",
        type=int,
        default=8,
        metavar="Q",
        help="first searches measured per language (an even sample of the query set)",
    )
    parser.add_argument("--material", action="store_true", help="also build and measure Material's search")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    queries = load_queries(args.queries)
    sample = first_search_queries(queries, args.first_searches)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("needs Debian's chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="lpl-bench-") as tmp:
        start = time.perf_counter()
        site = args.site or build(Path(tmp) / "ours", "lpl", args.case_studies)
        if not (site / pagefind.OUTPUT / "pagefind-entry.json").exists():
            pagefind.index_site(site)
        baseline = build(Path(tmp) / "material", "material", args.case_studies) if args.material else None
        print(f"(sites ready in {time.perf_counter() - start:.0f} s)", file=sys.stderr)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            try:
                results = [
                    ("ours (lpl-search)", measure(browser, site, "lpl", queries, sample)),
                    ("Pagefind 1.5.2", measure(browser, site, "pagefind", queries, sample)),
                ]
                if baseline:
                    results.append(("Material (baseline)", measure(browser, baseline, "material", queries, sample)))
            finally:
                browser.close()
        pages = len(pagefind.indexed_pages(site, ""))
    print(report(results, queries, pages))
    ours, theirs = results[0][1], results[1][1]
    for lang, name in (("cy", "Welsh"), ("en", "English")):
        mine = statistics.median(f.bytes for f in ours["first"] if f.lang == lang)
        other = statistics.median(f.bytes for f in theirs["first"] if f.lang == lang)
        print(
            f"Target, {name}: first search ≤ Pagefind's: {kib(mine)} vs {kib(other)} "
            f"({mine / other:.2f}×) {'met' if mine <= other else 'NOT met'}"
        )
    return 0
