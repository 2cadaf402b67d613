"""`python scripts/bench.py search`: our search against Material's, measured the same way in Chromium.

Both sites are built from temporary copies of the project: ours as configured, the baseline with
`lpl-search` swapped back to Material's `search` plugin. Each query of tests/search/queries.yml is
typed into the real search box of the language's home page and the result list is read back, as
a reader would see it. Prints recall@10 per language (and per Welsh mutation), results in the
wrong language, index sizes, what search loads with the page, and time to first results.
"""
from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .sites import ROOT, copy_project as copy_content, mkdocs_build, serve

QUERIES = ROOT / "tests" / "search" / "queries.yml"
K = 10
HOME = {"en": "", "cy": "cy/"}


@dataclass(frozen=True)
class Query:
    lang: str
    query: str
    pages: tuple[str, ...]       # site paths that must be among the first K results ("cy/inset/")
    mutation: str | None = None  # Welsh: how the query's form differs from the page's (soft, nasal…)
    initial: str | None = None   # Welsh: the radical's initial (c, p, ll, vowel…)
    text: str | None = None      # the form as written on the pages


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(lang, str(q["query"]), tuple(q["pages"]), q.get("mutation"), q.get("initial"), q.get("text"))
            for lang in ("cy", "en") for q in data[lang]]


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


def build(dest: Path, engine: str) -> Path:
    project = copy_project(dest, engine)
    result = mkdocs_build(project)
    if result.returncode:
        raise SystemExit(f"building the {engine} site failed:\n{result.stderr}")
    return project / "site"


def engine_of(site: Path) -> str:
    return "lpl" if (site / "search" / "lpl-index.json").exists() else "material"


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
                "() => !/initiali[sz]|Cychwyn/i.test(document.querySelector('.md-search-result__meta').textContent)")

    def search(self, query: str) -> list[str]:
        """Site paths of the results, best first (one per result item, as listed)."""
        box = self.page.locator("input[name=query]")
        box.click()
        box.press("Control+a")
        box.press("Backspace")
        self.page.keyboard.type(query)
        if self.engine == "lpl":
            self.page.wait_for_function(
                "q => document.querySelector('[data-lpl-search-result]').getAttribute('data-lpl-query') === q",
                arg=query)
        else:
            self.page.evaluate(SETTLED, [250, 5000])
        hrefs = self.page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(i => i.querySelector('a[href]').href)")
        base_path = urlsplit(self.base).path
        return [urlsplit(h).path[len(base_path):] for h in hrefs]


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


def time_to_first_results(browser, base: str, engine: str, samples: int = 5) -> dict[str, float]:
    """Median ms from focusing the box (page loaded, cache cold) to the first result on screen."""
    times = {}
    for lang, query in (("cy", "cynllun"), ("en", "plan")):
        found = []
        for _ in range(samples):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + HOME[lang])
            page.wait_for_load_state("load")
            page.evaluate("""() => { window.__firstResult = new Promise(resolve => {
                const list = document.querySelector('.md-search-result__list');
                new MutationObserver(() => list.querySelector('.md-search-result__item') && resolve(performance.now()))
                  .observe(list, {childList: true, subtree: true}); });
              document.querySelector('input[name=query]').addEventListener('focus',
                () => { window.__focused = performance.now(); }, {once: true}); }""")
            page.click("input[name=query]")
            page.keyboard.type(query)
            end = page.evaluate("() => window.__firstResult")
            found.append(end - page.evaluate("() => window.__focused"))
            context.close()
        times[lang] = statistics.median(found)
    return times


def loaded_with_page(browser, base: str) -> dict[str, int]:
    """Bytes of search files (index, worker, script) a page fetches before the reader does anything."""
    sizes = {}
    for lang in ("cy", "en"):
        context = browser.new_context()
        page = context.new_page()
        got = []
        page.on("response", lambda r: got.append(r) if "search" in r.url else None)
        page.goto(base + HOME[lang])
        page.wait_for_load_state("networkidle")
        sizes[lang] = sum(len(r.body()) for r in got if r.ok)
        context.close()
    return sizes


def index_sizes(site: Path) -> dict[str, tuple[int, int]]:
    """{name: (bytes, gzip bytes)} of the search index files a site ships."""
    files = ({"en": site / "search/lpl-index.json", "cy": site / "cy/search/lpl-index.json"}
             if engine_of(site) == "lpl" else {"en+cy": site / "search/search_index.json"})
    return {name: (len(p.read_bytes()), len(gzip.compress(p.read_bytes(), 9))) for name, p in files.items()}


# --- Report --------------------------------------------------------------------------------------

def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def measure(browser, site: Path, queries: list[Query]) -> dict:
    engine = engine_of(site)
    with serve(site) as base:
        outcomes = run_queries(browser, base, engine, queries)
        return {"engine": engine, "outcomes": outcomes, "sizes": index_sizes(site),
                "first": time_to_first_results(browser, base, engine), "loaded": loaded_with_page(browser, base)}


def kib(n: int) -> str:
    return f"{n / 1024:.0f} KiB"


def report(results: list[tuple[str, dict]], queries: list[Query]) -> str:
    """A table with one column per measured site: [("ours (lpl-search)", result), …]."""
    n_cy, n_en = sum(q.lang == "cy" for q in queries), sum(q.lang == "en" for q in queries)
    lines = [f"Search, measured in Chromium: {n_cy} Welsh and {n_en} English queries (tests/search/queries.yml)", ""]
    row = "{:<38}" + "{:>28}" * len(results)
    lines.append(row.format("", *(label for label, _ in results)))

    def recall_of(result, lang, mutation=None):
        return mean(o.recall for o in result["outcomes"]
                    if o.query.lang == lang and (mutation is None or o.query.mutation == mutation))

    def line(label, cell):
        lines.append(row.format(label, *(cell(r) for _, r in results)))

    for lang, name in (("cy", "Welsh"), ("en", "English")):
        line(f"{name} recall@{K}", lambda r: f"{recall_of(r, lang):.3f}")
    for mutation in sorted({q.mutation for q in queries if q.lang == "cy" and q.mutation}):
        n = sum(q.mutation == mutation for q in queries if q.lang == "cy")
        line(f"  Welsh, {mutation} ({n} queries)", lambda r: f"{recall_of(r, 'cy', mutation):.3f}")
    for lang, name in (("cy", "Welsh"), ("en", "English")):
        line(f"Other-language results, {name} pages",
             lambda r: str(sum(len(o.wrong) for o in r["outcomes"] if o.query.lang == lang)))
        line(f"Mean results per query, {name}",
             lambda r: f"{mean(len(o.found) for o in r['outcomes'] if o.query.lang == lang):.1f}")
    line("Index files (gzip)", lambda r: ", ".join(f"{name} {kib(raw)} ({kib(gz)})" for name, (raw, gz) in r["sizes"].items()))
    for lang, name in (("cy", "Welsh"), ("en", "English")):
        line(f"Search bytes with the page, {name}", lambda r: kib(r["loaded"][lang]))
        line(f"Time to first results, {name}", lambda r: f"{r['first'][lang]:.0f} ms")
    for label, result in results:
        misses = [o for o in result["outcomes"] if o.recall < 1]
        lines += ["", f"Queries {label} misses in its first {K} results: {len(misses)}"]
        lines += [f"  [{o.query.lang}] {o.query.query!r}: wanted {list(o.query.pages)}, got {o.found[:K]}"
                  for o in misses if label.startswith("ours")]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.py search", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site with our search (default: build one)")
    parser.add_argument("--baseline-site", type=Path, help="an already built site with Material's search")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--no-baseline", action="store_true", help="measure our search only (quicker)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    queries = load_queries(args.queries)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("needs Debian's chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="lpl-bench-") as tmp:
        start = time.perf_counter()
        site = args.site or build(Path(tmp) / "ours", "lpl")
        baseline_site = None if args.no_baseline else args.baseline_site or build(Path(tmp) / "baseline", "material")
        print(f"(sites ready in {time.perf_counter() - start:.0f} s)", file=sys.stderr)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            try:
                results = [("ours (lpl-search)", measure(browser, site, queries))]
                if baseline_site:
                    results.append(("Material (baseline)", measure(browser, baseline_site, queries)))
            finally:
                browser.close()
    print(report(results, queries))
    return 0
