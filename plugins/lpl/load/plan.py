"""Read and check `plans/plan.yml` against the vocabularies in `data/`, for `lpl.load.check`.

Same reader, same located messages as the rest of the content: an unknown hallmark or setting is
reported at its line and column with "did you mean …?".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..model import Frameworks, Text, Vocabulary
from ..model.plan import (
    PlanExample,
    PlanQuestion,
    PlanSection,
    PlanTable,
    PlanTemplate,
    TitleField,
)
from ..model.registry import framework
from .checks import Checker, field_name, suggest
from .source import Problem, read_yaml

PLAN_FILE = "plans/plan.yml"
# Wording the renderers need; checked here so a missing one is an editor's error, not a crash.
PLAN_LABELS = (
    "setting",
    "how_to_use_title",
    "in_this_plan",
    "guiding_questions",
    "examples",
    "your_notes",
    "see_also",
    "case_studies",
    "no_case_study",
    "all_case_studies",
    "entitlement_statements",
    "hallmarks",
    "characteristics",
    "statement_number",
    "draft_notice",
    "draft_notice_plan",
    "document_author",
    "page",
    "updated",
    "downloads_title",
    "downloads_intro",
    "downloads_how",
    "downloads_guide",
    "col_language",
    "col_format",
    "col_size",
    "format_docx",
    "format_print",
    "size_web",
    "language_en",
    "language_cy",
    "language_bilingual",
    "print_title",
    "print_intro",
    "print_download",
    "make_title",
    "make_intro",
    "make_privacy",
    "make_noscript",
    "make_choices",
    "make_language",
    "make_bilingual_hint",
    "make_title_page",
    "make_row",
    "make_download",
    "make_print",
    "make_save_file",
    "make_open_file",
    "make_clear",
    "make_clear_confirm",
    "make_empty",
    "make_saved",
    "make_cleared",
    "make_opened",
    "make_storage_error",
    "make_file_error",
    "make_download_error",
    "make_link",
    "make_parts",
    "make_not_started",
    "make_started",
    "make_part_of",
    "make_previous",
    "make_next",
    "make_back",
    "make_finish",
    "make_guidance",
    "make_guidance_hint",
    "make_preparing",
    "make_draft",
)
# Vocabularies a table may take its row labels from (`rows_from:`), so they are never copied by hand.
MAX_ROWS = 40

TOP_KEYS = ("updated", "title", "intro", "how_to_use", "settings", "title_page", "labels", "sections")
SECTION_KEYS = (
    "id",
    "title",
    "purpose",
    "settings",
    "hallmarks",
    "entitlement_statements",
    "characteristics",
    "questions",
    "examples",
    "tables",
    "notes_lines",
)
TABLE_KEYS = ("id", "title", "columns", "rows", "rows_from", "blank_rows", "note", "settings", "landscape", "widths")


def _known_keys(c: Checker, at: tuple, allowed: tuple[str, ...]) -> None:
    value = c.get(at)
    if isinstance(value, dict):
        for key in value:
            if key not in allowed:
                c.error(
                    at + (key,),
                    f"unknown field '{key}' in '{field_name(at)}'{suggest(key, list(allowed))}"
                    f" (allowed: {', '.join(allowed)})",
                    key=True,
                )


def _count(c: Checker, at: tuple, default: int) -> int:
    value = c.get(at)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ROWS:
        c.error(at, f"'{field_name(at)}' must be a whole number from 0 to {MAX_ROWS} (got {value!r})")
        return default
    return value


def _texts(c: Checker, at: tuple, required: bool = False) -> tuple[Text, ...]:
    return tuple(t for i, _ in enumerate(c.items(at, required=required)) if (t := c.text(at + (i,))))


def _with_settings(c: Checker, at: tuple, settings: list[str], what: str) -> tuple[Text | None, tuple[str, ...]]:
    """An entry written either as a text ({en:, cy:}) or as {text:, settings: [...]}."""
    value = c.get(at)
    if isinstance(value, dict) and "text" in value:
        _known_keys(c, at, ("text", "settings"))
        return c.text(at + ("text",)), c.term_ids(at + ("settings",), settings, f"'settings:' at the top of {what}")
    return c.text(at), ()


def _columns(c: Checker, at: tuple) -> tuple[tuple[Text, ...], tuple[Text | None, ...]]:
    """A table's column headings and, for a column written as {text:, tick:}, its check box's label."""
    columns, ticks = [], []
    for i, _ in enumerate(c.items(at, required=True)):
        value = c.get(at + (i,))
        if isinstance(value, dict) and "text" in value:
            _known_keys(c, at + (i,), ("text", "tick"))
            text, tick = c.text(at + (i, "text")), c.text(at + (i, "tick"))
        else:
            text, tick = c.text(at + (i,)), None
        if text:
            columns.append(text)
            ticks.append(tick)
    return tuple(columns), tuple(ticks) if any(ticks) else ()


def _table(c: Checker, at: tuple, settings: list[str], frameworks: Frameworks) -> PlanTable | None:
    _known_keys(c, at, TABLE_KEYS)
    table_id = c.slug_id(at + ("id",))
    columns, ticks = _columns(c, at + ("columns",))
    if not columns and c.get(at + ("columns",)) is not None:
        c.error(at + ("columns",), f"'{field_name(at + ('columns',))}' needs at least one column")
    rows = _texts(c, at + ("rows",))
    source = c.get(at + ("rows_from",))
    if source is not None:
        if rows:
            c.error(at + ("rows_from",), "write either 'rows:' or 'rows_from:', not both")
        elif source not in Frameworks.ROW_SOURCES:
            c.error(
                at + ("rows_from",),
                f"'rows_from' must be one of {', '.join(Frameworks.ROW_SOURCES)} "
                f"(got {source!r}{suggest(str(source), list(Frameworks.ROW_SOURCES))})",
            )
        else:
            vocabulary: Vocabulary = frameworks.rows_from(source)
            rows = tuple(t.label for t in vocabulary.terms)
    if rows and ticks and ticks[0] is not None:
        c.error(at + ("columns", 0), "the first column names the rows: it cannot be ticked")
    landscape = c.get(at + ("landscape",))
    if landscape not in (None, True, False):
        c.error(at + ("landscape",), "'landscape' must be true or false")
    widths = tuple(c.items(at + ("widths",), required=False))
    if widths and (
        len(widths) != len(columns)
        or not all(isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 for w in widths)
    ):
        c.error(
            at + ("widths",),
            f"'widths' must give a positive number for each of the {len(columns)} columns "
            f"(relative widths, e.g. [3, 1, 4])",
        )
        widths = ()
    blank = _count(c, at + ("blank_rows",), 0 if rows else 3)
    if not rows and not blank:
        c.error(at, f"'{field_name(at)}' has no rows: give 'rows:', 'rows_from:' or 'blank_rows:'")
    if not table_id or not columns:
        return None
    return PlanTable(
        table_id,
        c.text(at + ("title",)) or Text(),
        columns,
        rows,
        blank,
        c.text(at + ("note",), required=False),
        c.term_ids(at + ("settings",), settings, PLAN_FILE),
        landscape is True,
        tuple(float(w) for w in widths),
        ticks,
    )


def _section(c: Checker, at: tuple, settings: list[str], frameworks: Frameworks) -> PlanSection | None:
    _known_keys(c, at, SECTION_KEYS)
    section_id = c.slug_id(at + ("id",))
    questions = []
    for i, _ in enumerate(c.items(at + ("questions",))):
        text, only = _with_settings(c, at + ("questions", i), settings, PLAN_FILE)
        if text:
            questions.append(PlanQuestion(text, only))
    examples = []
    for i, _ in enumerate(c.items(at + ("examples",), required=False)):
        text, only = _with_settings(c, at + ("examples", i), settings, PLAN_FILE)
        if text:
            examples.append(PlanExample(text, only))
    tables = [
        t
        for i, _ in enumerate(c.items(at + ("tables",), required=False))
        if (t := _table(c, at + ("tables", i), settings, frameworks))
    ]
    # A part serves hallmarks, entitlement statements and characteristics, named as a case study names them.
    links = {
        f.field: c.term_ids(at + (f.field,), frameworks.refs(f.key), f.data_file)
        for f in map(framework, ("hallmarks", "entitlement", "characteristics"))
    }
    if not any(links.values()):
        c.error(
            at,
            f"'{field_name(at)}' is linked to no hallmark, entitlement statement or characteristic: "
            "add at least one so the plan can point to the guidance and case studies",
        )
    if not section_id:
        return None
    return PlanSection(
        id=section_id,
        title=c.text(at + ("title",)) or Text(),
        purpose=c.text(at + ("purpose",)) or Text(),
        questions=tuple(questions),
        examples=tuple(examples),
        tables=tuple(tables),
        notes_lines=_count(c, at + ("notes_lines",), 6),
        settings=c.term_ids(at + ("settings",), settings, PLAN_FILE),
        **links,
    )


def check_plan(c: Checker, frameworks: Frameworks) -> PlanTemplate | None:
    """The plan template from one checked document (problems collect in `c`)."""
    if not isinstance(c.doc.data, dict):
        c.error((), "the plan must be a block of fields (title:, settings:, sections:, …)")
        return None
    _known_keys(c, (), TOP_KEYS)
    settings = c.term_ids(("settings",), frameworks.settings, "data/settings.yml", required=True)
    fields: list[TitleField] = []
    seen_fields: set[str] = set()
    for i, _ in enumerate(c.items(("title_page",))):
        at = ("title_page", i)
        _known_keys(c, at, ("id", "label", "fill", "settings"))
        field_id = c.slug_id(at + ("id",), seen_fields) or ""
        fill = c.get(at + ("fill",))
        if fill not in (None, "school", "year"):
            c.error(
                at + ("fill",),
                f"'fill' can be 'school' or 'year' (got {fill!r}{suggest(str(fill), ['school', 'year'])})",
            )
            fill = None
        fields.append(
            TitleField(
                field_id,
                c.text(at + ("label",)) or Text(),
                fill,
                c.term_ids(at + ("settings",), list(settings), PLAN_FILE),
            )
        )
    labels = {}
    for key in c.mapping(("labels",)):
        if key not in PLAN_LABELS:
            c.warning(
                ("labels", key),
                f"label '{key}' is not used by the plan templates{suggest(key, list(PLAN_LABELS))}",
                key=True,
            )
        if text := c.text(("labels", key)):
            labels[key] = text
    missing = [key for key in PLAN_LABELS if key not in labels and c.get(("labels", key)) is None]
    if missing and isinstance(c.get(("labels",)), dict):
        c.error(("labels",), f"'labels' is missing {', '.join(missing)}")
    sections, seen_sections, seen_tables = [], set(), set()
    for i, _ in enumerate(c.items(("sections",))):
        section = _section(c, ("sections", i), list(settings), frameworks)
        if section is None:
            continue
        if section.id in seen_sections:
            c.error(("sections", i, "id"), f"section id {section.id!r} is used twice")
        seen_sections.add(section.id)
        for j, table in enumerate(section.tables):
            if table.id in seen_tables:
                c.error(("sections", i, "tables", j, "id"), f"table id {table.id!r} is used twice")
            seen_tables.add(table.id)
        sections.append(section)
    for setting in settings:
        if not any(not s.settings or setting in s.settings for s in sections):
            c.error(("settings",), f"no section applies to the setting {setting!r}")
    updated = c.date(("updated",))
    if c.failed:
        return None
    return PlanTemplate(
        title=c.text(("title",)) or Text(),
        intro=c.text(("intro",)) or Text(),
        how_to_use=_texts(c, ("how_to_use",)),
        title_fields=tuple(fields),
        settings=settings,
        sections=tuple(sections),
        labels=labels,
        updated=updated or date(2000, 1, 1),
        source_path=c.doc.path,
    )


def load_plan(root: Path, frameworks: Frameworks, problems: list[Problem]) -> PlanTemplate | None:
    """The plan template of a project with a `plans/` folder (None without one, or on any error)."""
    path = Path(root) / PLAN_FILE
    if not path.parent.is_dir():
        return None
    if not path.is_file():
        problems.append(Problem(PLAN_FILE, 1, 1, "the plan template file is missing (plans/ holds no plan.yml)"))
        return None
    doc, found = read_yaml(path, PLAN_FILE)
    problems.extend(found)
    if doc is None:
        return None
    c = Checker(doc)
    plan = check_plan(c, frameworks)
    problems.extend(c.problems)
    return plan
