"""Valid HTML: the W3C Nu Html Checker (vnu-jar, pinned in tools/vnu/, run with Debian's Java) over every
page of the built site, both languages: no error at all, in the markup we generate or in the theme's.

Material's templates made three errors on every page; our overrides emit valid markup instead:
`partials/nav-item.html` (no tabindex="" on a section's label), `partials/toc.html` (no label for a __toc
toggle a page outside the navigation does not have) and `render/page_html.valid_toggles` (no autocomplete on
base.html's check boxes)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from harness import ROOT

VNU = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_built_page_is_valid_html(built_site):
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.skip(
            "the HTML checker needs Java (apt-get install default-jre-headless) and tools/vnu "
            "(`make test` runs npm ci there); .ci/run installs both"
        )
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(built_site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    assert not [m for m in messages if m.get("type") == "non-document-error"], messages[:3]
    errors = [m for m in messages if m.get("type") == "error"]
    report = "\n".join(
        f"{m['url'].split('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}\n    {m.get('extract', '')!r}"
        for m in errors[:40]
    )
    assert not errors, f"{len(errors)} HTML errors:\n{report}"
