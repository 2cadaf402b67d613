"""`lpl new --from-issue BODY.md [--issue N]`: a submitted case-study issue form becomes case_studies/<slug>.yml.

Reads the body exactly as GitHub renders the form (README, "Editorial workflow"), against the form's own YAML.
Writes one unpublished case study that `lpl validate` accepts — or nothing, and says why in Welsh and English,
naming the form's field, so the teacher can edit the issue. Exit 0 written, 1 refused, 2 bad arguments.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

import yaml

from ..editorial.issue_form import (
    FORM_PATH,
    FRAMEWORK_BOXES,
    NARRATIVE,
    Refusal,
    case_study_yaml,
    draft_case_study,
    label_of,
    read_answers,
    slug_for,
)
from ..load import check_case_study, check_data

# A loader problem's field (its first quoted name, e.g. 'context.en') → the form field that gave it.
FIELD_OF = {
    "title": "title",
    "schools": "schools",
    "settings": "setting",
    "local_authority": "local_authority",
    "language_category": "language_category",
    "audiences": "audiences",
    "contact": "contact_role",
    **{key: form_id for form_id, key, *_ in FRAMEWORK_BOXES},
    **{form_id: form_id for form_id, *_ in NARRATIVE},
}


def from_issue(
    body_path: Path, root: Path, issue: int | None, today: date, issue_url: str | None = None
) -> tuple[Path | None, list[Refusal]]:
    """Write the case study (returning its path) or nothing (returning the refusals)."""
    if not (root / FORM_PATH).is_file():
        return None, [
            Refusal("", f"Nid oes ffurflen yn {FORM_PATH}.", f"There is no form at {FORM_PATH}: run `lpl form`.")
        ]
    the_form = yaml.safe_load((root / FORM_PATH).read_text(encoding="utf-8"))
    frameworks, problems = check_data(root)
    if frameworks is None:
        return None, [Refusal("", "Mae gwallau yn data/.", f"data/ has errors: {problems[0] if problems else ''}")]
    raw = body_path.read_bytes()
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, [Refusal("", "Nid yw'r ffurflen yn destun UTF-8.", "The form is not UTF-8 text.")]
    answers = read_answers(body, the_form, frameworks)
    if answers.refusals:
        return None, answers.refusals
    slug, refusal = slug_for(str(answers.values["title"]), root)
    if refusal:
        return None, [Refusal(label_of(the_form, "title"), refusal.cy, refusal.en)]
    text = case_study_yaml(draft_case_study(answers.values, frameworks, today), issue, issue_url)
    # The loader checks the file before it is written where anyone will see it: what it refuses is refused here.
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / f"{slug}.yml"
        trial.write_text(text, encoding="utf-8")
        _, found = check_case_study(trial, root, frameworks, f"case_studies/{slug}.yml")
    errors = [p for p in found if p.severity == "error"]
    if errors:
        return None, [_refusal_for(p.message, the_form) for p in errors]
    path = root / "case_studies" / f"{slug}.yml"
    try:
        with open(path, "x", encoding="utf-8") as out:  # never overwrite
            out.write(text)
    except FileExistsError:
        return None, [Refusal(label_of(the_form, "title"), "Mae'r ffeil yn bodoli eisoes.", "The file exists already.")]
    return path, []


def _refusal_for(message: str, the_form: dict) -> Refusal:
    name = message.split("'")[1].split(".")[0].split("[")[0] if message.count("'") >= 2 else ""
    form_id = FIELD_OF.get(name)
    label = label_of(the_form, form_id) if form_id else ""
    return Refusal(label, "Ni ellir derbyn yr ateb hwn (gweler y neges Saesneg).", message)


def main(body: Path, root: Path, issue: int | None) -> int:
    repository = os.environ.get("GITHUB_REPOSITORY", "")
    server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
    issue_url = f"{server}/{repository}/issues/{issue}" if issue and repository else None
    if not body.is_file():
        print(f"{body}: no such file", file=sys.stderr)
        return 2
    path, refusals = from_issue(body, root, issue, date.today(), issue_url)
    if refusals or path is None:
        print("Ni ysgrifennwyd astudiaeth achos / No case study was written:", file=sys.stderr)
        for r in refusals:
            print(f"- {r}", file=sys.stderr)
        return 1
    shown = path.relative_to(root).as_posix()
    print(f"Wedi'i hysgrifennu / Written: {shown}")
    return 0
