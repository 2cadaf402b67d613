"""Shared fixtures: the repository's content and plan, loaded once; a real `mkdocs build --strict` of a copy of the
project in a temporary folder; the built site served, and Chromium. Also the `build` and `browser` marks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import copy_project, mkdocs_build, repository_content, serve
from lpl.model import Content
from lpl.model.plan import PlanTemplate

# A test that uses one of these fixtures builds the site (or opens it in Chromium): it is marked so, and
# `make test-fast` (-m "not build and not browser") leaves it out with no list kept by hand. Tests that build in
# their own way carry @pytest.mark.build themselves.
BUILD_FIXTURES = {"built_site", "site_server", "properdocs_site"}
BROWSER_FIXTURES = {"browser", "page"}


def pytest_collection_modifyitems(items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def content() -> Content:
    """The repository's content, loaded once per session and shared (the model is frozen: no test can change it)."""
    return repository_content()


@pytest.fixture(scope="session")
def plan(content) -> PlanTemplate:
    assert content.plan is not None, "plans/plan.yml was not loaded"
    return content.plan


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, built once per test session from a copy of the repository's content."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


# --- Browser tests: the built site served on loopback, opened in Debian's Chromium ---------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def site_server(built_site):
    """Serve the built site at http://127.0.0.1:<port>/ for the whole session, as a static host would."""
    with serve(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (no browser download: the system one)."""
    if not CHROMIUM:
        pytest.skip("browser tests need Debian's chromium (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
