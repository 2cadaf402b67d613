"""Privacy: a reader's browser talks to this site only — no fonts, icons, scripts or analytics from elsewhere."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from harness import ROOT
from quality import LANGUAGES, PAGE_TYPES, open_search, page_path

pytestmark = pytest.mark.browser

OTHER_PAGES = ["about/", "accessibility/", "privacy/"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_type_requests_only_this_site(built_site, site_server, browser, lang):
    own = urlsplit(site_server).netloc
    context = browser.new_context()
    tab = context.new_page()
    requests: list[tuple[str, str]] = []
    tab.on("request", lambda r: requests.append((tab.url, r.url)))
    try:
        paths = [LANGUAGES[lang] + page_path(t) for _, t in PAGE_TYPES] + [LANGUAGES[lang] + p for p in OTHER_PAGES]
        for path in paths:
            if not (built_site / path.split("?")[0] / "index.html").exists():
                continue  # a page type not built yet (the accessibility tests say which)
            tab.goto(site_server + path, wait_until="networkidle")
            # hreflang alternates stay in the page for crawlers (main.html hides them from one query only)
            assert tab.locator("link[rel=alternate][hreflang]").count() >= 2, path
        tab.goto(site_server + LANGUAGES[lang])
        open_search(tab, lang)  # the search index is fetched now: from this site too
        tab.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert len(requests) > len(paths)
    elsewhere = [
        (at, url)
        for at, url in requests
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != own
    ]
    assert not elsewhere, "requests to other hosts:\n" + "\n".join(f"  {url}  (from {at})" for at, url in elsewhere)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_statement_and_privacy_note_are_published(built_site, lang):
    for name in ("accessibility", "privacy"):
        assert (ROOT / "docs" / lang / f"{name}.md").exists(), f"docs/{lang}/{name}.md is missing"
        assert (built_site / LANGUAGES[lang] / name / "index.html").exists()
