"""The one loader: read `data/`, `case_studies/` (and the interface labels), check everything,
and return the model — or every problem found, each located at its file, line and column.

The validator script, the MkDocs plugin and the plan generator all call `load` or `check`.
"""

from __future__ import annotations

from pathlib import Path

from ..model import CaseStudy, Content, index_citations
from .case_studies import CASE_STUDY_SUFFIXES, case_study_files, check_case_study, twin_of
from .checks import PLACEHOLDER, SLUG
from .data import check_data, load_data
from .facts import due_problems, fact_use_problems
from .plan import load_plan
from .source import ContentError, Problem

__all__ = [
    "PLACEHOLDER",
    "SLUG",
    "ContentError",
    "Problem",
    "case_study_files",
    "check",
    "check_case_study",
    "check_data",
    "due_problems",
    "load",
]


def check(root: Path, paths: list[Path] | None = None) -> tuple[Content | None, list[Problem]]:
    """Load and check everything (or, with `paths`, just those case-study files against the data).

    Returns the model (None when there is any error) and every problem found, warnings included.
    """
    root = Path(root)
    problems: list[Problem] = []
    frameworks = load_data(root, problems)
    if frameworks is None or any(p.severity == "error" for p in problems):
        return None, problems
    files = [Path(p) for p in paths] if paths else case_study_files(root)
    studies: list[CaseStudy] = []
    seen: dict[str, str] = {}
    for path in files:
        path = path if path.is_absolute() else (Path.cwd() / path)
        shown = (
            path.relative_to(root.resolve()).as_posix() if path.resolve().is_relative_to(root.resolve()) else str(path)
        )
        if path.stem in seen:
            if path.suffix not in CASE_STUDY_SUFFIXES or twin_of(path) is None:  # twins in one folder: said already
                problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        f"two case studies have the slug {path.stem!r} ({seen[path.stem]} and {shown}); rename one file",
                    )
                )
            continue
        seen[path.stem] = shown
        study, found = check_case_study(path, root, frameworks, shown)
        problems.extend(found)
        if study:
            studies.append(study)
    plan = load_plan(root, frameworks, problems)
    problems.extend(fact_use_problems(root, frameworks, plan, studies))
    if any(p.severity == "error" for p in problems):
        return None, problems
    published = tuple(sorted((s for s in studies if not s.unpublished), key=lambda s: s.slug))
    content = Content(
        frameworks=frameworks,
        case_studies=published,
        unpublished=tuple(s for s in studies if s.unpublished),
        citations=index_citations(published),
        plan=plan,
    )
    return content, problems


def load(root: Path) -> Content:
    """The model, or ContentError carrying every problem (the build stops on it)."""
    content, problems = check(root)
    if content is None:
        raise ContentError(problems)
    return content
