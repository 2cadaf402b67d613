"""The build as an editor meets it: errors stop it with the validator's located message; serve shows edits."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from harness import fetch, free_port, mkdocs_build, wait_for

pytestmark = pytest.mark.build  # every test here builds the site or serves it


def first_case_study(project):
    return sorted((project / "case_studies").glob("*.yml"))[0]


def test_invalid_case_study_stops_the_build_with_the_validators_message(project_copy):
    path = first_case_study(project_copy)
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("settings:"))
    lines[index] = "settings: [secondry]"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(project_copy)
    assert result.returncode == 1
    expected = f"case_studies/{path.name}:{index + 1}:12: error: 'settings' must be one of"
    assert expected in result.stderr, result.stderr
    validator = subprocess.run(
        [sys.executable, "scripts/validate.py", "--root", str(project_copy)],
        capture_output=True,
        text=True,
        cwd=os.path.dirname(os.path.dirname(__file__)),
    )
    assert expected in validator.stdout
    assert not (project_copy / "site" / "case-studies" / path.stem).exists()


def test_serve_rebuilds_when_a_case_study_changes(project_copy):
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project_copy,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        path = first_case_study(project_copy)
        for lang in ("", "cy/"):
            url = f"http://127.0.0.1:{port}/{lang}case-studies/{path.stem}/"
            assert wait_for(lambda url=url: "<h1" in fetch(url), 120) is not None, f"serve did not answer at {url}"
        text = path.read_text(encoding="utf-8")
        marker_en, marker_cy = "Newly edited title", "Teitl newydd ei olygu"
        lines = text.splitlines()
        index = next(i for i, line in enumerate(lines) if line.startswith("title:"))
        end = index + 1
        while end < len(lines) and lines[end].startswith((" ", "\t")):
            end += 1
        lines[index:end] = [f'title: {{en: "{marker_en}", cy: "{marker_cy}"}}']
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert (
            wait_for(lambda: marker_en in fetch(f"http://127.0.0.1:{port}/case-studies/{path.stem}/"), 60) is not None
        )
        assert (
            wait_for(lambda: marker_cy in fetch(f"http://127.0.0.1:{port}/cy/case-studies/{path.stem}/"), 30)
            is not None
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
