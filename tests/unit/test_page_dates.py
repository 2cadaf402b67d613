"""The sitemap's dates (a page's content date, never the build's) and robots.txt, without a build."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from harness import ROOT
from lpl.load.history import last_changed
from lpl.publish.page_dates import PageDates
from lpl.render.robots import robots_txt


def commit(repo: Path, day: str, **files: str) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    stamp = f"{day}T12:00:00+00:00"
    env = dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", day],
        check=True,
        env=env,
    )


@pytest.fixture
def repo(tmp_path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    return tmp_path / "repo"


def test_a_files_date_is_its_last_commit_and_the_same_on_every_run(repo):
    commit(repo, "2026-01-05", **{"docs/en/a.md": "a", "docs/en/tŷ.md": "b", "data/x.yml": "x: 1"})
    commit(repo, "2026-03-09", **{"docs/en/a.md": "a, changed"})
    found = last_changed(repo)
    assert found[repo.resolve() / "docs/en/a.md"] == date(2026, 3, 9)
    assert found[repo.resolve() / "docs/en/tŷ.md"] == date(2026, 1, 5)  # a Welsh file name, as written
    assert found == last_changed(repo)
    (repo / "docs/en/a.md").write_text("not committed yet")
    assert last_changed(repo)[repo.resolve() / "docs/en/a.md"] == date(2026, 3, 9)


def test_no_history_no_date(tmp_path, repo):
    assert last_changed(tmp_path / "not-a-checkout") == {}
    commit(repo, "2026-01-05", **{"a.md": "a"})
    commit(repo, "2026-02-05", **{"b.md": "b"})
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    assert last_changed(shallow) == {}  # its one commit would seem to have written every file


def test_each_page_gets_its_content_date(content):
    changed = {ROOT.resolve() / "docs/en/inset.md": date(2026, 2, 1), ROOT.resolve() / "data/ui.yml": date(2027, 1, 1)}
    dates = PageDates.of(content, changed, ROOT)
    study = content.case_studies[0]
    meta = {"generated_from": f"case_studies/{study.slug}.yml"}
    assert dates.page_date(meta, None, generated=True) == (study.last_reviewed or study.published)
    assert dates.page_date({}, None, generated=True) == date(2027, 1, 1)  # a data file changed last
    assert dates.page_date({}, ROOT / "docs/en/inset.md", generated=False) == date(2026, 2, 1)
    assert dates.page_date({}, ROOT / "docs/en/funding.md", generated=False) is None
    newest = max(s.last_reviewed or s.published for s in content.case_studies)
    assert PageDates.of(content, {}, ROOT).page_date({}, None, generated=True) == newest


@pytest.mark.parametrize(
    ("site_url", "sitemap"),
    [
        ("https://example.org/", "https://example.org/sitemap.xml"),
        ("https://example.org/lpl", "https://example.org/lpl/sitemap.xml"),
        ("/", None),
        ("https://example.org/\nDisallow: /", None),
        ("javascript:alert(1)//", None),
    ],
)
def test_robots_allows_everything_and_names_the_sitemap_by_its_absolute_address(site_url, sitemap):
    lines = robots_txt(site_url).splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert [line for line in lines if line.startswith("Sitemap:")] == ([f"Sitemap: {sitemap}"] if sitemap else [])
    assert not [line for line in lines if line.startswith("Disallow")]
