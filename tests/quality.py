"""What the accessibility and privacy tests share: the page types a reader meets, and axe-core."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from harness import repository_content

# Each kind of page, by its path under a language's root. "{case_study}" and "{filters}" are filled in
# from the content, so they always name a page that exists and a filter that matches something.
PAGE_TYPES = [
    ("home", ""),
    ("guidance", "key-principles/"),
    ("case-study", "case-studies/{case_study}/"),
    ("catalogue", "case-studies/"),
    ("catalogue-filtered", "case-studies/?{filters}"),
    ("entitlement", "frameworks/entitlement/"),
    ("framework", "frameworks/hallmarks/"),
    ("downloads", "plan-templates/"),
]
LANGUAGES = {"en": "", "cy": "cy/"}
SEARCH_QUERY = {"en": "professional learning", "cy": "dysgu proffesiynol"}

# axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA (UK public sector regulations).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@functools.cache
def _example() -> tuple[str, str]:
    study = repository_content().case_studies[0]
    return study.slug, f"setting={study.settings[0]}&hallmark={study.hallmarks[0]}"


def page_path(template: str) -> str:
    slug, filters = _example()
    return template.format(case_study=slug, filters=filters)


STRUCTURE = ("table", "form", "details", "figure", "img", "dl", "select", "textarea", "input", "nav", "section")


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind in the built site, by English path ("" is home; Welsh is at "cy/" + path).

    Chosen from what was built, not listed by hand: pages whose content (the <article>) has the same
    structural elements and the same lpl- classes are one kind, so a new kind of page — a generated
    page type, a form — is checked as soon as it exists. Grouping errs towards more pages, never fewer.
    """
    import lxml.html

    kinds: dict[tuple, str] = {}
    for index in sorted(site.rglob("index.html")):
        path = index.parent.relative_to(site).as_posix()
        path = "" if path == "." else path + "/"
        if path.startswith("cy/"):
            continue
        article = lxml.html.parse(str(index)).getroot().xpath("//article")
        if not article:
            continue
        elements = {e.tag for e in article[0].iter() if isinstance(e.tag, str) and e.tag in STRUCTURE}
        classes = {
            c
            for e in article[0].iter()
            if isinstance(e.tag, str)
            for c in (e.get("class") or "").split()
            if c.startswith("lpl-")
        }
        folder = "home" if not path else path.split("/")[0] if path.count("/") > 1 else "top"
        kinds.setdefault((folder, frozenset(elements), frozenset(classes)), path)
    return {path or "/": path for path in kinds.values()}


def require_built(site: Path, name: str, path: str) -> None:
    """Skip, saying why, only for a page type that is not part of the site yet (none is silently left out)."""
    target = site / path.split("?")[0] / "index.html"
    if not target.exists():
        pytest.skip(f"the {name} page ({path.split('?')[0] or '/'}) is not built yet: nothing to check until it exists")


def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(tab) -> list[dict]:
    tab.evaluate(axe_script())
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v.get('impact')}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"]:
            lines.append(f"    target: {' '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def open_search(tab, lang: str) -> None:
    """Type a query into the header's search box, as a reader would, and wait for results."""
    box = tab.locator("input.md-search__input").first
    box.click()
    box.type(SEARCH_QUERY[lang], delay=20)
    tab.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15000)
