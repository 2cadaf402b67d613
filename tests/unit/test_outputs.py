"""The build's outputs, made in one place (lpl.publish.outputs) and written by lpl.publish.pages, without MkDocs."""

from __future__ import annotations

import pytest
from harness import ROOT
from lpl.model import LANGUAGES
from lpl.publish.outputs import OUTPUTS, Build, Outputs, make_outputs
from lpl.publish.pages import GENERATED_DIRS, sync_pages, write_files


def test_every_output_is_made_for_both_languages_and_a_preview_leaves_the_documents_out(content):
    made = make_outputs(content, Build(ROOT, preview=True))
    assert set(made.pages) == set(LANGUAGES) and set(made.files) == {"robots.txt"}  # no documents
    for lang in LANGUAGES:
        folders = {path.split("/", 1)[0] for path in made.pages[lang]}
        assert {"case-studies", "frameworks", "plan-templates"} <= folders
        assert {f"case-studies/{s.slug}.md" for s in content.case_studies} <= set(made.pages[lang])
    assert made.pages["en"].keys() == made.pages["cy"].keys()


def test_an_output_plugs_in_and_two_outputs_cannot_make_the_same_path(content):
    def feed(content, build):
        return Outputs(pages={"cy": {"feed/index.md": b"# Porthiant"}}, files={"feed.xml": b"<feed/>"})

    made = make_outputs(content, Build(ROOT, preview=True), (*OUTPUTS, feed))
    assert made.files["feed.xml"] == b"<feed/>" and made.pages["cy"]["feed/index.md"] == b"# Porthiant"
    with pytest.raises(ValueError, match=r"feed makes docs/cy/feed/index\.md, which another output makes too"):
        make_outputs(content, Build(ROOT, preview=True), (feed, feed))


def test_sync_pages_writes_what_changed_and_removes_what_is_no_longer_made(tmp_path):
    docs = tmp_path / "docs"
    (docs / "en" / GENERATED_DIRS[0]).mkdir(parents=True)
    (docs / "en" / GENERATED_DIRS[0] / "gone.md").write_text("old")
    (docs / "en" / "index.md").write_text("hand-written")
    pages = {"en": {f"{GENERATED_DIRS[0]}/a.md": b"A"}, "cy": {f"{GENERATED_DIRS[0]}/a.md": b"A cy"}}
    assert sync_pages(pages, docs) == 3  # two written, one removed
    assert sync_pages(pages, docs) == 0  # nothing changed: nothing touched (serve would rebuild forever)
    assert not (docs / "en" / GENERATED_DIRS[0] / "gone.md").exists()
    assert (docs / "en" / "index.md").read_text() == "hand-written"


def test_write_files_removes_a_file_of_the_same_kind_left_from_an_earlier_build(tmp_path):
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads" / "renamed.docx").write_bytes(b"old")
    (tmp_path / "downloads" / "notes.txt").write_bytes(b"not ours")
    assert write_files({"downloads/plan.docx": b"new"}, tmp_path) == 1
    assert sorted(p.name for p in (tmp_path / "downloads").iterdir()) == ["notes.txt", "plan.docx"]
