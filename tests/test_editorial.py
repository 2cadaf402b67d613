"""The editorial workflow as the editorial group meets it: scaffold a case study, preview it, read the
validator and the translation report, and the pull-request checks that run the README's commands."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from harness import ROOT, copy_project, fetch, free_port, mkdocs_build
from lpl.editorial.scaffold import ChoiceError, choices, resolve, resolve_many, slugify
from lpl.editorial.translation_report import REVIEW_AFTER_YEARS, build_report, render_json, render_markdown, render_text
from lpl.load import check, check_data
from lpl.load.preview import preview_file
from test_open_data import open_data_mentions

NEW = "ysgol-y-dderwen-peer-coaching"
FLAGS = [
    "--slug",
    NEW,
    "--title-en",
    "Peer coaching: every teacher a coach",
    "--title-cy",
    "Hyfforddi cymheiriaid",
    "--school",
    "Ysgol y Dderwen",
    "--setting",
    "secondary",
    "--local-authority",
    "cardiff",
    "--language-category",
    "2",
    "--audiences",
    "teachers,leaders",
    "--hallmarks",
    "3, research-and-enquiry",
    "--published",
    "2026-01-15",
]


def run_script(name: str, *args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), *args],
        input=stdin,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def content_root(tmp_path) -> Path:
    """A copy of the project's content (no build): what the scripts read with --root."""
    return copy_project(tmp_path / "p")


# --- scaffold -------------------------------------------------------------------------------------


def test_scaffold_with_flags_writes_a_commented_file_that_validates(content_root):
    result = run_script("new_case_study.py", "--root", str(content_root), *FLAGS)
    assert result.returncode == 0, result.stderr
    path = content_root / "case_studies" / f"{NEW}.yml"
    assert f"case_studies/{NEW}.yml" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../plugins/lpl/schema/case_study.schema.json\n")
    assert "# The local authority (data/local_authorities.yml)" in text  # comments explain each field
    validated = run_script("validate.py", "--root", str(content_root), str(path))
    assert validated.returncode == 0, validated.stdout + validated.stderr
    # Every text still to be written is flagged where it is, so a forgotten one shows in review.
    line = next(
        i
        for i, text_line in enumerate(text.splitlines(), 1)
        if text_line.strip().startswith("Ysgrifennwch yma: un i dair")
    )
    assert (
        f"case_studies/{NEW}.yml:{line - 1}:7: warning: 'summary.cy' still has the template's placeholder text"
        in validated.stdout
    )
    [study] = check(content_root, [path])[0].case_studies
    assert study.local_authority == "cardiff" and study.language_category == "dual-language"
    assert study.hallmarks == ("collaboration", "research-and-enquiry") and study.audiences == ("teachers", "leaders")
    assert study.title.cy == "Hyfforddi cymheiriaid" and study.title.en == "Peer coaching: every teacher a coach"
    assert study.summary.cy_status == "draft" and study.summary.en_status == "reviewed" and study.kind == "school"


def test_scaffold_for_a_summary_asks_for_its_source_and_saves_the_excerpt(content_root, tmp_path):
    """`lpl new --summary`: the source (both languages here, dated) and the saved text of each version go into the
    file and case_studies/sources/, where `lpl check-summary` finds them (issue 24)."""
    copied = "The headteacher and the senior staff of three primary schools have liaised closely over six years."
    (tmp_path / "en.txt").write_text(copied + "\n", encoding="utf-8")
    (tmp_path / "cy.txt").write_text(
        "Mae'r pennaeth a'r uwch staff wedi cydweithio'n agos dros chwe blynedd.\n", "utf-8"
    )
    flags = [f for f in FLAGS if f not in ("--language-category", "2", "--hallmarks", "3, research-and-enquiry")]
    result = run_script(
        "new_case_study.py", "--root", str(content_root), *flags, "--summary", "--publisher", "Estyn",
        "--source-title", "A title", "--source-url", "https://www.estyn.gov.wales/effective-practice/x",
        "--source-language", "both", "--source-title-cy", "Teitl", "--source-url-cy",
        "https://estyn.llyw.cymru/adnoddau-gwella/x", "--described", "2015-05", "--described-after", "inspection",
        "--excerpt", str(tmp_path / "en.txt"), "--excerpt-cy", str(tmp_path / "cy.txt"),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    path = content_root / "case_studies" / f"{NEW}.yml"
    [study] = check(content_root, [path])[0].case_studies
    assert study.kind == "summary" and study.language_category is None and study.hallmarks == ()
    assert (study.source.url_cy, study.source.described.isoformat(), study.source.described_after) == (
        "https://estyn.llyw.cymru/adnoddau-gwella/x",
        "2015-05",
        "inspection",
    )
    en = (content_root / "case_studies" / "sources" / f"{NEW}.en.txt").read_text(encoding="utf-8").splitlines()
    assert en[0].startswith("Source: https://www.estyn.gov.wales/effective-practice/x (read ") and en[1] == copied
    cy = (content_root / "case_studies" / "sources" / f"{NEW}.cy.txt").read_text(encoding="utf-8")
    assert cy.startswith("Source: https://estyn.llyw.cymru/adnoddau-gwella/x (read ")
    checked = subprocess.run(
        [Path(sys.executable).with_name("lpl"), "check-summary", NEW, "--root", content_root],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0 and "1 summary checked" in checked.stdout, checked.stdout
    again = run_script("new_case_study.py", "--root", str(content_root), *flags, "--summary")
    assert again.returncode == 1  # the slug (and its excerpts) exist: nothing is replaced


def test_scaffold_asks_in_welsh_with_answers_on_stdin(content_root):
    answers = (
        "Teaching assistants leading enquiry\nCynorthwywyr addysgu yn arwain ymholi\n\nYsgol Gynradd Bryn Awel\ncynradd\ngwyneth\ngwynedd\n3\n2,3\n4"
        + "\n"
    )
    result = run_script("new_case_study.py", "--lang", "cy", "--root", str(content_root), stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Awdurdod lleol" in result.stdout and "Cynradd" in result.stdout  # questions and labels in Welsh
    assert "oeddech chi'n golygu 'gwynedd'?" in result.stdout
    path = content_root / "case_studies" / "teaching-assistants-leading-enquiry.yml"
    text = path.read_text(encoding="utf-8")
    assert "# Yr awdurdod lleol (data/local_authorities.yml)" in text  # comments in Welsh
    assert "translation: {en: draft, cy: reviewed}" in text  # written in Welsh first
    content, problems = check(content_root, [path])
    assert content is not None, [str(p) for p in problems]
    [study] = content.case_studies
    assert (study.settings, study.local_authority, study.language_category) == (("primary",), "gwynedd", "welsh-medium")
    assert study.audiences == ("teachers", "teaching-assistants") and study.hallmarks == ("practitioner-driven",)


def test_scaffold_refuses_an_existing_slug(content_root):
    existing = sorted((content_root / "case_studies").glob("*.yml"))[0]
    before = existing.read_bytes()
    result = run_script("new_case_study.py", "--root", str(content_root), *FLAGS[2:], "--slug", existing.stem)
    assert result.returncode == 1
    assert f"A case study called '{existing.stem}' already exists: case_studies/{existing.name}" in result.stderr
    assert existing.read_bytes() == before


def test_scaffold_refuses_an_unknown_choice_given_as_a_flag(content_root):
    flags = [f if f != "cardiff" else "cardif" for f in FLAGS]
    result = run_script("new_case_study.py", "--root", str(content_root), *flags)
    assert result.returncode == 2
    assert "--local-authority: 'cardif' is not one of the choices — did you mean 'cardiff'?" in result.stderr
    assert not (content_root / "case_studies" / f"{NEW}.yml").exists()


def test_choices_by_number_id_or_label():
    frameworks, _ = check_data(ROOT)
    settings = choices(frameworks, "settings")
    assert resolve("2", settings) == settings[1].id
    assert resolve("secondary", settings) == "secondary"
    assert resolve("Uwchradd", settings) == "secondary"
    assert resolve_many("1, secondary 1", settings) == (settings[0].id, "secondary")
    with pytest.raises(ChoiceError, match="did you mean 'secondary'"):
        resolve("secondry", settings)
    with pytest.raises(ChoiceError, match="oeddech chi'n golygu 'secondary'"):
        resolve("secondry", settings, "cy")
    with pytest.raises(ChoiceError, match="1 to"):
        resolve("99", settings)
    assert slugify("Ysgol Gŵyr: Coaching & Mentoring!") == "ysgol-gwyr-coaching-mentoring"


# --- preview --------------------------------------------------------------------------------------


def test_preview_refuses_an_unknown_case_study_with_a_suggestion(content_root):
    existing = sorted((content_root / "case_studies").glob("*.yml"))[0].stem
    assert preview_file(content_root, f"case_studies/{existing}.yml").stem == existing
    result = run_script("preview.py", "--root", str(content_root), existing[:-1] + "x")
    assert result.returncode == 1
    assert f"did you mean '{existing}'?" in result.stderr


# --- the site build: at most two full builds in this file -------------------------------------------


@pytest.mark.build
def test_new_case_study_is_published_and_an_unpublished_one_is_not(project_copy):
    assert run_script("new_case_study.py", "--root", str(project_copy), *FLAGS).returncode == 0
    guidance = "".join(p.read_text(encoding="utf-8") for p in (project_copy / "docs").rglob("*.md"))
    # One that no guidance page links to (unpublishing a linked one rightly fails the strict build).
    hidden = next(p for p in sorted((project_copy / "case_studies").glob("*.yml")) if p.stem not in guidance)
    hidden.write_text(hidden.read_text(encoding="utf-8") + "unpublished: true\n", encoding="utf-8")
    result = mkdocs_build(project_copy)
    assert result.returncode == 0, result.stderr
    assert f"case_studies/{hidden.name}: unpublished: true — checked, but not published" in result.stderr
    site = project_copy / "site"
    for lang in ("", "cy/"):
        assert (site / f"{lang}case-studies/{NEW}/index.html").is_file()
        assert not (site / f"{lang}case-studies/{hidden.stem}").exists()
        assert hidden.stem not in (site / f"{lang}case-studies/index.html").read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/case-studies/{NEW}/" in sitemap and hidden.stem not in sitemap
    assert open_data_mentions(site, hidden.stem) == []  # JSON, CSV, Atom, JSON-LD, both languages


@pytest.mark.build
def test_preview_builds_just_that_case_study_in_both_languages(project_copy, monkeypatch):
    studies = sorted((project_copy / "case_studies").glob("*.yml"))
    shown, other = studies[0], studies[1]
    # Previewing works before publication: an unpublished case study is shown in its preview.
    shown.write_text(shown.read_text(encoding="utf-8") + "unpublished: true\n", encoding="utf-8")
    other.write_text("title: [this file is being written by someone else\n", encoding="utf-8")  # not read
    monkeypatch.setenv("LPL_ONLY", shown.stem)
    result = mkdocs_build(project_copy)
    assert result.returncode == 0, result.stderr
    assert f"lpl: preview of {shown.name} only" in result.stderr
    site = project_copy / "site"
    for lang in ("", "cy/"):
        page = (site / f"{lang}case-studies/{shown.stem}/index.html").read_text(encoding="utf-8")
        assert 'hreflang="cy"' in page and 'hreflang="en"' in page
        built = {p.parent.name for p in (site / f"{lang}case-studies").glob("*/index.html")}
        assert shown.stem in built and not built & {s.stem for s in studies[1:]}
    assert not list((site / "downloads").glob("*.docx"))  # the plan documents are left out of a preview


@pytest.mark.build
def test_serve_shows_a_saved_case_study_after_one_rebuild_and_still_sees_guidance_edits(project_copy):
    """`mkdocs serve` as an editor uses it (the preview, so it is quick): a saved case study shows in both
    languages after one rebuild (the Markdown the plugin regenerates does not set off another), and a
    hand-written guidance page is still watched."""
    study = sorted((project_copy / "case_studies").glob("*.yml"))[0]
    port = free_port()
    log = project_copy / "serve.log"

    def page(path: str) -> str:
        return fetch(f"http://127.0.0.1:{port}/{path}")

    def wait_for(text: str, path: str, timeout: float = 90) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in page(path):
                return
            assert process.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.1)
        raise AssertionError(f"{path} never showed {text!r}:\n" + log.read_text(encoding="utf-8"))

    def assert_builds(n: int) -> None:
        """Exactly n builds have run: wait for the n-th to finish, then long enough for a follow-on one.
        (Counted by serve's own messages: mkdocs drops a repeated "Documentation built in 1.10 seconds".)"""
        text = lambda: log.read_text(encoding="utf-8")  # noqa: E731
        end = time.monotonic() + 90
        while text().count("Reloading browsers") < n - 1 and time.monotonic() < end:  # none after the first
            time.sleep(0.1)
        time.sleep(4)
        assert text().count("Building documentation...") == n, text()

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", LPL_ONLY=study.stem)
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
            cwd=project_copy,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for("<html", f"case-studies/{study.stem}/")
        assert_builds(1)
        doc = yaml.safe_load(study.read_text(encoding="utf-8"))
        text = study.read_text(encoding="utf-8")
        text = text.replace(doc["title"]["en"], "Saved by an editor", 1).replace(
            doc["title"]["cy"], "Cadwyd gan olygydd", 1
        )
        study.write_text(text, encoding="utf-8")
        wait_for("Saved by an editor", f"case-studies/{study.stem}/")
        wait_for("Cadwyd gan olygydd", f"cy/case-studies/{study.stem}/")
        assert_builds(2)
        guidance = project_copy / "docs" / "en" / "key-principles.md"
        guidance.write_text(guidance.read_text(encoding="utf-8") + "\nA sentence an editor added.\n", encoding="utf-8")
        wait_for("A sentence an editor added.", "key-principles/")
        assert_builds(3)
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- translation report -----------------------------------------------------------------------------

REPORTED = textwrap.dedent("""\
    # yaml-language-server: $schema=../plugins/lpl/schema/case_study.schema.json
    title: {en: "Reading together", cy: "Darllen gyda'n gilydd"}
    schools:
      - name: Ysgol Prawf
    settings: [primary]
    local_authority: gwynedd
    language_category: {scheme: "2023", category: welsh-medium}
    audiences: [teachers]
    hallmarks: [collaboration]
    translation: {en: reviewed, cy: reviewed}
    summary: {en: "A summary.", cy: "Crynodeb."}
    context: {en: "Context.", cy: "Cyd-destun."}
    approach:
      en: "Approach."
      cy: "Dull."
      cy_status: draft
    impact: {en: "Impact.", cy: "Effaith."}
    advice: {en: "Advice."}
    published: 2020-02-29
    kind: illustrative
    """)


def test_translation_report_lists_draft_and_missing_texts_with_file_field_and_line(content_root):
    for path in (content_root / "case_studies").glob("*.yml"):
        path.unlink()
    (content_root / "case_studies" / "ysgol-prawf.yml").write_text(REPORTED, encoding="utf-8")
    (content_root / "docs" / "en" / "only-in-english.md").write_text("# Only in English\n", encoding="utf-8")
    content, problems = check(content_root)
    assert content is not None, [str(p) for p in problems]
    report = build_report(content, content_root, today=date(2026, 3, 1))
    found = {(e.kind, e.path, e.line, e.field, e.lang, e.status) for e in report.entries}
    assert ("case study", "case_studies/ysgol-prawf.yml", 15, "approach", "cy", "draft") in found
    assert ("case study", "case_studies/ysgol-prawf.yml", 18, "advice", "cy", "missing") in found
    assert not any(e.field == "summary" for e in report.entries)  # reviewed in both languages
    assert ("page", "docs/cy/only-in-english.md", None, "", "cy", "missing") in found
    draft_page = next(e for e in report.entries if e.path == "docs/cy/index.md")
    assert draft_page.status == "draft" and draft_page.line is not None
    assert any(e.kind == "data" and e.path == "data/hallmarks.yml" and e.status == "draft" for e in report.entries)
    # Data texts are located too: the line holds the draft Welsh (or, when Welsh is missing, the English).
    data_entries = [e for e in report.entries if e.kind == "data"]
    assert data_entries and all(e.line for e in data_entries), [e for e in data_entries if not e.line]
    nursery = next(e for e in data_entries if e.field == "settings.terms[nursery].description" and e.lang == "cy")
    line = (content_root / "data" / "settings.yml").read_text(encoding="utf-8").splitlines()[nursery.line - 1]
    assert line.strip().startswith("cy: Ysgolion meithrin"), line
    assert report.count("case study", "cy", "reviewed") >= 3 and report.count("case study", "cy", "draft") == 1
    # Lifecycle: published on 29 February 2020, never reviewed: due on 28 February 2022 (+2 years).
    [due] = report.review_due
    assert (due.path, due.reviewed, due.due) == ("case_studies/ysgol-prawf.yml", False, date(2022, 2, 28))
    assert REVIEW_AFTER_YEARS == 2
    text = render_text(report)
    assert "case_studies/ysgol-prawf.yml:15: approach: Welsh draft" in text
    assert "case_studies/ysgol-prawf.yml: published, never reviewed, 2020-02-29; due 2022-02-28" in text
    assert "| `case_studies/ysgol-prawf.yml` | 15 | approach | Welsh | draft |" in render_markdown(report)
    data = json.loads(render_json(report, ("cy",)))
    assert data["counts"]["case study"]["cy"]["missing"] == 1 and {t["lang"] for t in data["texts"]} == {"cy"}


@pytest.mark.slow  # three reports, each making the plan documents for its Welsh check
def test_translation_report_script_and_unpublished_case_study_not_due(content_root):
    path = sorted((content_root / "case_studies").glob("*.yml"))[0]
    text = re.sub(r"(?m)^published: .*$", "published: 2019-01-10", path.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^last_reviewed: .*\n", "", text)
    path.write_text(text, encoding="utf-8")
    # the review dates need no spelling check (the Markdown report below runs it)
    result = run_script("translation_report.py", "--root", str(content_root), "--format", "json", "--no-welsh-check")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert f"case_studies/{path.name}" in [r["path"] for r in report["review_due"]]
    path.write_text(text + "unpublished: true\n", encoding="utf-8")  # not on the site: not due for review
    again = run_script("translation_report.py", "--root", str(content_root), "--format", "json", "--no-welsh-check")
    again = json.loads(again.stdout)
    assert f"case_studies/{path.name}" not in [r["path"] for r in again["review_due"]]
    markdown = run_script("translation_report.py", "--root", str(content_root), "--format", "markdown").stdout
    assert markdown.startswith("## Translation report") and "<details>" in markdown


# --- the pull request's checks ------------------------------------------------------------------------

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def workflow_steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflow_runs_the_readme_commands():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs = "\n".join(step.get("run", "") for step in workflow_steps(workflow))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/run" in runs and "make test" in ci and "make test" in readme  # tests: as CI and README
    assert "make build" in runs and "make build" in readme
    assert "lpl validate --github" in runs and "lpl validate" in readme
    assert 'lpl report --format markdown >> "$GITHUB_STEP_SUMMARY"' in runs
    check = workflow["jobs"]["check"]
    order = [step.get("run", step.get("uses", "")) for step in check["steps"]]
    position = {
        what: next(i for i, s in enumerate(order) if what in s)
        for what in ("lpl validate", "make build", "upload-artifact", ".ci/run")
    }
    assert position["lpl validate"] < position["make build"] < position["upload-artifact"] < position[".ci/run"]
    # "on" is read as True by YAML 1.1
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]


def test_workflow_is_locked_down():
    text = WORKFLOW.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        writes = {k for k, v in job.get("permissions", {}).items() if v == "write"}
        assert writes == ({"pages", "id-token"} if name == "deploy" else set()), name
    for step in workflow_steps(workflow):
        assert "${{" not in step.get("run", ""), f"template expansion in a run: script: {step}"
        if "checkout" in step.get("uses", ""):
            assert step["with"]["persist-credentials"] is False
    uses = re.findall(r"uses: (\S+)(.*)", text)
    assert uses and all(re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", u) and re.match(r" # v\d", c) for u, c in uses), (
        uses
    )
    assert workflow["jobs"]["deploy"]["concurrency"]["cancel-in-progress"] is False


def test_issue_form_offers_the_choices_in_data():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "case-study.yml").read_text(encoding="utf-8"))
    fields = {item.get("id"): item["attributes"] for item in form["body"]}
    frameworks, _ = check_data(ROOT)
    expected = {
        "setting": choices(frameworks, "settings"),
        "local_authority": choices(frameworks, "local_authority"),
        "language_category": choices(frameworks, "language_category"),
    }
    for field, terms in expected.items():
        options = fields[field]["options"]
        assert len(options) == len(terms) and all(
            o.startswith(t.label.en) for o, t in zip(options, terms, strict=True)
        ), f"update .github/ISSUE_TEMPLATE/case-study.yml '{field}' to match data/: {[t.label.en for t in terms]}"
    hallmarks = [o["label"] for o in fields["hallmarks"]["options"]]
    assert len(hallmarks) == len(frameworks.hallmarks.terms)
    assert all(
        o.startswith(f"{t.number}. {t.label.en}") for o, t in zip(hallmarks, frameworks.hallmarks.terms, strict=True)
    )


def test_contributing_guides_exist_in_both_languages():
    en = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    cy = (ROOT / "CONTRIBUTING.cy.md").read_text(encoding="utf-8")
    for guide in (en, cy):
        for command in ("scripts/new_case_study.py", "scripts/preview.py", "scripts/validate.py"):
            assert command in guide
    assert "draft translation" in cy.split("\n\n", 2)[1] or "cyfieithiad drafft" in cy.split("\n\n", 2)[1]


def test_translation_report_lists_a_bilingual_source_without_its_welsh_title(content_root):
    for path in (content_root / "case_studies").glob("*.yml"):
        path.unlink()
    summary = REPORTED.replace(
        "kind: illustrative\n",
        textwrap.dedent("""\
        kind: summary
        source:
          publisher: Estyn
          title: "Professional learning in a small school"
          url: https://www.estyn.gov.wales/effective-practice/example
          language: both
        """),
    )
    (content_root / "case_studies" / "ysgol-prawf.yml").write_text(summary, encoding="utf-8")
    content, problems = check(content_root)
    assert content is not None, [str(p) for p in problems]
    missing = {
        e.field
        for e in build_report(content, content_root, today=date(2026, 3, 1)).entries
        if e.path == "case_studies/ysgol-prawf.yml" and e.status == "missing"
    }
    assert {"source.title_cy", "source.url_cy"} <= missing
    # A source published in English only has no Welsh title to find: nothing is missing.
    (content_root / "case_studies" / "ysgol-prawf.yml").write_text(
        summary.replace("language: both", "language: en"), encoding="utf-8"
    )
    content, _ = check(content_root)
    assert not any(
        e.field.startswith("source.") for e in build_report(content, content_root, today=date(2026, 3, 1)).entries
    )
