"""The no-YAML route: the case-study issue form, written from data/, read back by `lpl new --from-issue`.

Bodies are made from the committed form the way GitHub renders a submitted issue form, so a change to the form
that the reader does not follow fails here. Every file written is checked by `lpl validate`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lpl.cli.from_issue import from_issue
from lpl.editorial.issue_form import FORM_PATH, NO_RESPONSE, choice_table, form_text
from lpl.load import check, check_data

ROOT = Path(__file__).resolve().parents[1]
FORM = yaml.safe_load((ROOT / FORM_PATH).read_text(encoding="utf-8"))
FRAMEWORKS, _ = check_data(ROOT)
CHOICES = choice_table(FRAMEWORKS)
TODAY = __import__("datetime").date(2026, 12, 7)


def github_body(answers: dict) -> str:
    """A submitted form as GitHub renders it: `### label`, a blank line, the answer, a blank line.

    `answers` maps a field id to: a string (input, textarea, one dropdown choice), a list of option labels
    (a multiple dropdown: joined with ', '; check boxes: the ticked ones), or nothing (`_No response_`)."""
    parts = []
    for item in FORM["body"]:
        if item["type"] == "markdown":
            continue
        attributes, value = item["attributes"], answers.get(item["id"])
        if item["type"] == "checkboxes":
            ticked = set(value or [])
            lines = [f"- [{'X' if o['label'] in ticked else ' '}] {o['label']}" for o in attributes["options"]]
            parts.append(f"### {attributes['label']}\n\n" + "\n".join(lines))
            continue
        if isinstance(value, list):
            value = ", ".join(value)
        parts.append(f"### {attributes['label']}\n\n{value if value else NO_RESPONSE}")
    return "\n\n".join(parts) + "\n"


def label(form_id: str, term_id: str) -> str:
    return next(text for text, tid in CHOICES[form_id].items() if tid == term_id)


CONSENT = [o["label"] for o in next(i for i in FORM["body"] if i.get("id") == "consent")["attributes"]["options"]]


def english_answers(**changes) -> dict:
    answers = {
        "written_in": label("written_in", "en"),
        "title": "Coaching pairs for newly qualified teachers",
        "schools": "Ysgol Gynradd Example\nYsgol Uwchradd Example",
        "setting": [label("setting", "primary"), label("setting", "cluster")],
        "local_authority": label("local_authority", "gwynedd"),
        "language_category": CHOICES["language_category"] and next(iter(CHOICES["language_category"])),
        "audiences": [label("audiences", "teachers")],
        # an option whose own text holds a comma, to test the multiple dropdown's ', '
        "hallmarks": [label("hallmarks", "collaboration"), label("hallmarks", "strategic-planning")],
        "slo_dimensions": [next(iter(CHOICES["slo_dimensions"]))],
        "contributory_factors": [next(iter(CHOICES["contributory_factors"]))],
        "professional_standards": [next(iter(CHOICES["professional_standards"]))],
        "summary": "Teachers in their first years worked in coaching pairs, and **observed** each other termly.",
        "context": "A small rural school.\n\n- one\n- two",
        "approach": "We met every fortnight after school.",
        "impact": "Teachers said they felt more confident; we are still measuring the effect on pupils.",
        "contact_role": "Deputy headteacher",
        "contact_email": "office@example.sch.uk",
        "consent": CONSENT,
    }
    answers.update(changes)
    return answers


@pytest.fixture
def project(project_copy):
    form = project_copy / FORM_PATH
    form.parent.mkdir(parents=True, exist_ok=True)
    form.write_text((ROOT / FORM_PATH).read_text(encoding="utf-8"), encoding="utf-8")
    return project_copy


def run(project: Path, body: str, issue: int | None = 12):
    path = project / "issue-body.md"
    path.write_text(body, encoding="utf-8")
    return from_issue(path, project, issue, TODAY, "https://github.com/example/site/issues/12")


def files(project: Path) -> set[str]:
    return {p.name for p in (project / "case_studies").glob("*.y*ml")}


# --- The form ------------------------------------------------------------------------------------------------------


def test_the_committed_form_is_the_one_written_from_data():
    assert (ROOT / FORM_PATH).read_text(encoding="utf-8") == form_text(FRAMEWORKS), "run `lpl form`"


def test_the_form_offers_every_framework_the_validator_knows_and_no_duplicate_choices():
    ids = {item.get("id") for item in FORM["body"]}
    for needed in (
        "hallmarks",
        "entitlement_statements",
        "slo_dimensions",
        "characteristics",
        "contributory_factors",
        "national_priorities",
        "professional_standards",
        "audiences",
        "summary",
        "context",
        "approach",
        "impact",
        "written_in",
        "consent",
    ):
        assert needed in ids
    for form_id, options in CHOICES.items():
        assert len(options) == len(set(options.values())), form_id
    assert len(CHOICES["hallmarks"]) == len(FRAMEWORKS.hallmarks.terms)
    assert len(CHOICES["entitlement_statements"]) == len(FRAMEWORKS.entitlement.statements)


def test_the_form_asks_for_no_pupil_and_no_personal_address_by_default():
    text = (ROOT / FORM_PATH).read_text(encoding="utf-8")
    assert "pupil" in text and "disgybl" in text
    contact = next(i for i in FORM["body"] if i.get("id") == "contact_email")
    assert contact["validations"]["required"] is False and "role" in text.lower()


# --- Forms that become case studies ----------------------------------------------------------------------------------


def test_an_english_form_becomes_a_valid_unpublished_case_study(project):
    path, refusals = run(project, github_body(english_answers()))
    assert refusals == [] and path is not None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["unpublished"] is True and data["kind"] == "school"
    assert data["settings"] == ["primary", "cluster"] and data["local_authority"] == "gwynedd"
    assert data["hallmarks"] == ["collaboration", "strategic-planning"]
    assert data["translation"] == {"en": "reviewed", "cy": "draft"}
    assert data["title"]["en"] == "Coaching pairs for newly qualified teachers"
    assert data["title"]["cy"].startswith("Ysgrifennwch yma:")  # the other language, marked as still to write
    assert "cy" not in data["context"] and data["context"]["en"].endswith("- two")
    assert data["contact"] == {
        "name": "Deputy headteacher",
        "consent": False,
        "role": {"en": "Deputy headteacher"},
        "email": "office@example.sch.uk",
    }
    assert "issue #12" in path.read_text(encoding="utf-8")
    assert data["professional_standards"]["version"] == FRAMEWORKS.current_standards.version
    _content, problems = check(project, [path])
    assert not [p for p in problems if p.severity == "error"], problems


def test_a_welsh_form_becomes_a_valid_case_study_with_welsh_reviewed(project):
    answers = english_answers(
        written_in=label("written_in", "cy"),
        title="Parau hyfforddi i athrawon newydd gymhwyso",
        summary="Bu athrawon yn eu blynyddoedd cyntaf yn gweithio mewn parau hyfforddi.",
        context="Ysgol fach wledig.",
        approach="Roedden ni'n cwrdd bob pythefnos ar ôl ysgol.",
        impact="Dywedodd yr athrawon eu bod yn fwy hyderus.",
        advice="Dechreuwch yn fach.",
        contact_role="Dirprwy bennaeth",
        contact_email=None,
        audiences=[label("audiences", "teachers"), label("audiences", "teaching-assistants")],
    )
    path, refusals = run(project, github_body(answers))
    assert refusals == [], [str(r) for r in refusals]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["translation"] == {"cy": "reviewed", "en": "draft"}
    assert data["title"]["cy"] == "Parau hyfforddi i athrawon newydd gymhwyso"
    assert data["title"]["en"].startswith("Write here:") and data["advice"] == {"cy": "Dechreuwch yn fach."}
    assert "email" not in data["contact"]
    assert path.name == "parau-hyfforddi-i-athrawon-newydd-gymhwyso.yml"
    _, problems = check(project, [path])
    assert not [p for p in problems if p.severity == "error"], problems


def test_the_command_line_writes_and_validate_accepts(project):
    body = project / "body.md"
    body.write_text(github_body(english_answers()), encoding="utf-8")
    lpl = [str(Path(sys.executable).parent / "lpl")]
    written = subprocess.run(
        lpl + ["new", "--from-issue", str(body), "--issue", "7", "--root", str(project)], capture_output=True, text=True
    )
    assert written.returncode == 0, written.stderr
    assert "case_studies/coaching-pairs-for-newly-qualified-teachers.yml" in written.stdout
    checked = subprocess.run(lpl + ["validate", "--root", str(project)], capture_output=True, text=True, cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr


# --- Forms that are refused, naming the field, writing nothing ------------------------------------------------------


def refused(project: Path, body: str) -> list[str]:
    before = files(project)
    path, refusals = run(project, body)
    assert path is None and refusals, "expected a refusal"
    assert files(project) == before, "a refused form wrote a file"
    return [str(r) for r in refusals]


def field_label(form_id: str) -> str:
    return next(i["attributes"]["label"] for i in FORM["body"] if i.get("id") == form_id)


HOSTILE = {
    "script in a text": ("approach", "We tried <script>alert(1)</script> this."),
    "event handler": ("context", '<img src=x onerror="alert(1)">'),
    "entity-encoded scheme": ("impact", "[see](jav&#x61;script:alert(1))"),
    "attribute list": ("summary", 'Read this{: onclick="alert(1)" }'),
    "attribute list across lines": ("summary", "![x](https://example.org/a.png){\nonerror=alert(1)}"),
    "script link": ("approach", "[click](javascript:alert(document.domain))"),
    "html in the title": ("title", "<b>Coaching</b>"),
    "image in the title": ("title", "![x](https://evil.example/x.png)"),
    "two lines of role": ("contact_role", "Head\nteacher"),
    "e-mail with a query": ("contact_email", "office@example.org?bcc=all@example.org"),
    "not an e-mail": ("contact_email", "javascript:alert(1)"),
    "100 KB answer": ("context", "word " * 20_000),
    "long title": ("title", "T" * 400),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_answer_is_refused_naming_its_field(project, case):
    form_id, value = HOSTILE[case]
    messages = refused(project, github_body(english_answers(**{form_id: value})))
    assert any(m.startswith(f"“{field_label(form_id)}”") for m in messages), messages


def test_a_markdown_heading_in_an_answer_cannot_stand_for_a_later_field(project):
    # the teacher's own "### Effaith / Impact" inside the approach stays text; the real Impact is still read
    approach = "Step one.\n\n### " + field_label("impact") + "\n\nNot the impact."
    path, refusals = run(project, github_body(english_answers(approach=approach)))
    assert refusals == [] and path is not None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["impact"]["en"].startswith("Teachers said")
    # …but an answer cannot drop a required field: an empty body under the real heading is refused
    messages = refused(project, github_body(english_answers(impact=None)))
    assert any(field_label("impact") in m for m in messages)


@pytest.mark.parametrize(
    "form_id",
    [
        "title",
        "schools",
        "setting",
        "local_authority",
        "language_category",
        "audiences",
        "summary",
        "context",
        "approach",
        "impact",
        "written_in",
    ],
)
def test_a_missing_required_answer_is_refused_naming_its_field(project, form_id):
    messages = refused(project, github_body(english_answers(**{form_id: None})))
    assert any(m.startswith(f"“{field_label(form_id)}”") for m in messages), messages


def test_malformed_answers_are_refused(project):
    for changes, form_id in (
        ({"local_authority": "Atlantis"}, "local_authority"),
        ({"setting": ["Primary / Cynradd", "Moon base"]}, "setting"),
        ({"hallmarks": []}, "hallmarks"),
        ({"consent": CONSENT[:1]}, "consent"),
    ):
        messages = refused(project, github_body(english_answers(**changes)))
        assert any(field_label(form_id) in m for m in messages), (changes, messages)
    # a ticked box the form does not have
    body = github_body(english_answers()).replace("- [ ] 8.", "- [X] 99. Invented hallmark\n- [ ] 8.", 1)
    assert any(field_label("hallmarks") in m for m in refused(project, body))
    # not a form at all, or one far too long
    assert refused(project, "Hello, please add my school.")
    assert refused(project, "x" * 300_000)


def test_a_title_whose_address_exists_is_refused(project):
    existing = next((project / "case_studies").glob("*.yml")).stem
    messages = refused(project, github_body(english_answers(title=existing.replace("-", " "))))
    assert any(field_label("title") in m and existing in m for m in messages)


def test_refusals_read_in_welsh_and_english(project):
    messages = refused(project, github_body(english_answers(summary=None)))
    assert any("Mae angen ateb." in m and "An answer is needed." in m for m in messages)
