"""Pagefind beside our search, on the very pages our search indexes.

Pagefind (PyPI `pagefind[extended]`, pinned; its Python API drives the bundled binary, offline)
indexes the built site's HTML: each page our index holds, in its language (Pagefind reads
`<html lang>`, so English and Welsh get separate indexes, as ours), without the theme's chrome.
The browser side is Pagefind's own JS API (`pagefind.js`, its WebAssembly, chunked index and
per-page fragments), asked as its UI asks: search, then the data of the first results.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

OUTPUT = "pagefind"  # under the site's root: /pagefind/pagefind.js
# Material's chrome and our widgets: what a reader does not search for (Pagefind reads the whole
# <html> otherwise)
EXCLUDE = (
    ".md-header",
    ".md-tabs",
    ".md-sidebar",
    ".md-footer",
    ".md-search",
    ".md-dialog",
    ".headerlink",
    "form",
    ".lpl-filters",
    "nav",
    "script",
    "style",
    "template",
)

# Runs in the page: Pagefind's API loaded on demand, one search, the data of the first `k` results.
SEARCH = """async ([query, k]) => {
  const start = performance.now();
  const pagefind = await import(new URL("/pagefind/pagefind.js", location.href).href);
  await pagefind.options({ basePath: "/pagefind/" });
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, k).map(r => r.data()));
  return { ms: performance.now() - start, urls: data.map(d => d.url), total: search.results.length };
}"""


def indexed_pages(site: Path, lang_root: str) -> list[str]:
    """Site paths ("cy/inset/") of the pages our index of one language holds (its fragments)."""
    folder = site / lang_root / "search" / "lpl"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    base = f"http://site/{lang_root}search/lpl/manifest.json"
    paths = []
    for p in range(len(manifest["sections"])):
        url = json.loads((folder / "f" / f"{p}.json").read_text(encoding="utf-8"))["url"]
        paths.append(urlsplit(urljoin(base, url)).path.lstrip("/"))
    return paths


def index_site(site: Path) -> Path:
    """Pagefind's bundle for `site` in site/pagefind/, over the pages our search indexes."""
    from pagefind.index import IndexConfig, PagefindIndex

    paths = indexed_pages(site, "") + indexed_pages(site, "cy/")
    output = (site / OUTPUT).resolve()

    async def run():
        config = IndexConfig(exclude_selectors=list(EXCLUDE), output_path=str(output))
        async with PagefindIndex(config=config) as index:
            for path in paths:
                html = (site / path / "index.html").read_text(encoding="utf-8")
                await index.add_html_file(content=html, url="/" + path)

    asyncio.run(run())
    return output
