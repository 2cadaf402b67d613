"""Every cached output follows every input: the plan documents' cache (`.lpl-cache/`) and the plugin's reuse
between static-i18n's language builds are keyed on `lpl.publish.inputs.inputs_digest`, which covers the bytes of
every file the loader reads, the package's code and templates, and the build's settings, by construction.

Each kind of input is changed in a copy of the project and the documents are asked for again with the cache kept:
they must be made again. (Making the fifteen real documents takes seconds: here a stand-in makes them;
`tests/test_plans.py` checks with the real ones that a changed kind label reaches every document.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import ROOT
from lpl.load import load
from lpl.model.plan import PLAN_LANGUAGES
from lpl.publish import downloads, inputs
from lpl.render.plan_docx import PlanDocument
from lpl.render.plan_view import docx_name

SITE_URL = "https://example.org/"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_with_kind(root: Path, kind: str) -> Path:
    return next(p for p in sorted((root / "case_studies").glob("*.yml")) if f"\nkind: {kind}\n" in p.read_text())


# (what is changed, how): one of each kind of input a document can be made from.
EDITS = {
    "a kind label in data/ui.yml": lambda root: replace(
        root / "data/ui.yml", "kind_illustrative: {en: Illustrative example", "kind_illustrative: {en: Made-up example"
    ),
    "a case study's kind": lambda root: replace(
        first_with_kind(root, "illustrative"),
        "\nkind: illustrative\n",
        "\nkind: school\nlocal_authority: gwynedd\n",  # a school's account is placed in a real area
    ),
    "a framework's data file": lambda root: replace(
        root / "data/hallmarks.yml", "en: Hallmarks of", "en: The hallmarks of"
    ),
    "the plan": lambda root: replace(
        root / "plans/plan.yml", 'en: "Leading Professional Learning plan"', 'en: "Our plan"'
    ),
    "a new case study image": lambda root: (root / "case_studies/images/new.png").write_bytes(b"\x89PNG"),
}


@pytest.fixture
def project(tmp_path) -> Path:
    for name in inputs.INPUT_DIRS:
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def made(monkeypatch) -> list[str]:
    """Each making of the documents, by a stand-in as quick as the cache is (site_url and a kind label each time)."""
    calls: list[str] = []

    def make(content, site_url):
        calls.append(site_url)
        names = [
            docx_name(s, lang, guidance=g)
            for s in content.plan.settings
            for lang in PLAN_LANGUAGES
            for g in (True, False)
        ]  # each template and its plan alone
        label = content.label("kind_illustrative", "en")
        return {name: PlanDocument(f"{site_url} {label}".encode(), frozenset({"cy"})) for name in names}

    monkeypatch.setattr(downloads, "make_documents", make)
    return calls


def documents(root: Path, site_url: str = SITE_URL) -> dict[str, PlanDocument]:
    return downloads.plan_downloads(load(root), site_url, root)


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_the_documents_are_made_again_when_any_input_changes(project, made, edit):
    first = documents(project)
    assert documents(project) == first and len(made) == 1  # unchanged: from the cache
    EDITS[edit](project)
    documents(project)
    assert len(made) == 2, f"the cached documents were reused after {edit}"
    assert len(list((project / downloads.CACHE_DIR).iterdir())) == 1  # only the current set is kept


def test_the_documents_follow_the_sites_address(project, made):
    documents(project)
    documents(project, "https://elsewhere.example/")
    assert made == [SITE_URL, "https://elsewhere.example/"]


def test_a_changed_kind_label_reaches_the_documents_from_a_kept_cache(project, made):
    """The bug this key fixes: the label changed in data/ui.yml, the documents still said the old one."""
    assert b"Illustrative example" in next(iter(documents(project).values())).data
    EDITS["a kind label in data/ui.yml"](project)
    assert all(b"Made-up example" in document.data for document in documents(project).values())


@pytest.mark.parametrize("changed", ["render/labels.py", "render/templates/pages/_case_link.md.j2", "schema"])
def test_the_key_follows_the_packages_own_code_templates_and_schemas(tmp_path, monkeypatch, changed):
    package = tmp_path / "lpl"
    shutil.copytree(inputs.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(inputs, "PACKAGE", package)
    before = inputs.inputs_digest(ROOT, SITE_URL)
    target = package / changed
    target = next(p for p in sorted(target.rglob("*")) if p.is_file()) if target.is_dir() else target
    target.write_bytes(target.read_bytes() + b"\n")
    assert inputs.inputs_digest(ROOT, SITE_URL) != before


def test_the_key_is_the_same_for_the_same_inputs_and_differs_with_a_setting(project):
    key = inputs.inputs_digest(project, SITE_URL, "")
    assert inputs.inputs_digest(project, SITE_URL, "a-slug") != key  # a preview
    assert inputs.inputs_digest(project, "https://elsewhere.example/", "") != key
    (project / ".lpl-cache").mkdir()
    (project / ".lpl-cache" / "x").write_text("the cache itself is not an input")
    assert inputs.inputs_digest(project, SITE_URL, "") == key
