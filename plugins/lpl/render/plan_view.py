"""What the plan renderers (Word, the printable page, the "Make your plan" page) share: file names,
the fields a school fills in (one list of tags for the .docx content controls and the browser), and
for each section the guidance it points to — entitlement statements, hallmarks, characteristics and
case studies.

Links are kept as docs paths (`case-studies/x.md`, anchor: render/links.py) so the printable page can use
relative `.md` links that MkDocs checks, and the Word document absolute URLs from the site's `site_url`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import DRAFT, LANGUAGES, REVIEWED, CaseStudy, Content, Text
from ..model.language import Language
from ..model.plan import PLAN_LANGUAGES, PlanSection, PlanTable, PlanTemplate
from .framework_links import framework_link
from .labels import labelled_title
from .links import Link

CASE_STUDIES_PER_SECTION = 3
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_name(setting: str, doc_lang: str, *, guidance: bool = True) -> str:
    """The file's name: stable, ASCII, says which template it is. The template (with the guidance) is
    the download; the plan alone (`guidance=False`) is made only for "Make your plan"."""
    return f"lpl-plan-{setting}-{doc_lang}{'' if guidance else '-plan-only'}.docx"


def pack_name(setting: str) -> str:
    """The script holding a setting's documents for "Make your plan" (publish.downloads.template_packs)."""
    return f"lpl-plan-templates-{setting}.js"


def print_page(setting: str) -> str:
    """The printable page of a setting, as a path under docs/<lang>/."""
    return f"plan-templates/{setting}.md"


def make_page() -> str:
    """The "Make your plan" page, as a path under docs/<lang>/."""
    return "plan-templates/make.md"


@dataclass(frozen=True)
class PlanField:
    """A place a school writes: a content control in the .docx, a box on the "Make your plan" page.

    The tag is the one name both use (`title.<id>`, `notes.<section>`, `table.<table>.<row>.<column>`,
    rows and columns from 1), made from the plan's ids, so it stays stable while the wording changes.
    """

    tag: str
    label: Text  # the title line, "Your notes", the column's heading or a check box's label
    # "name": one line (a name, a year) · "answer": free text, in each of the document's languages ·
    # "tick": a check box (a Word check box content control), the same in every language
    kind: str
    lines: int = 1  # how tall the box is
    row: Text | None = None  # a table cell: the row's label, if the row has one


def title_tag(field_id: str) -> str:
    return f"title.{field_id}"


def notes_tag(section: PlanSection) -> str:
    return f"notes.{section.id}"


def cell_tag(table: PlanTable, row: int, column: int) -> str:
    return f"table.{table.id}.{row}.{column}"


def table_fields(table: PlanTable) -> list[list[PlanField]]:
    """The cells to fill in, row by row: a labelled row's first cell is its label, not a field."""
    rows = []
    for r in range(1, table.row_count + 1):
        label = table.rows[r - 1] if r <= len(table.rows) else None
        first = 2 if label is not None else 1
        rows.append([_cell(table, r, c, label) for c in range(first, len(table.columns) + 1)])
    return rows


def _cell(table: PlanTable, row: int, column: int, label: Text | None) -> PlanField:
    tick = table.tick(column)
    if tick is not None:
        return PlanField(cell_tag(table, row, column), tick, "tick", 1, label)
    return PlanField(cell_tag(table, row, column), table.columns[column - 1], "answer", 2, label)


def notes_field(plan: PlanTemplate, section: PlanSection) -> PlanField | None:
    """The part's own box to write in ("Your notes"), if it has one."""
    if not section.notes_lines:
        return None
    return PlanField(notes_tag(section), plan.label("your_notes"), "answer", section.notes_lines)


def plan_fields(plan: PlanTemplate, setting: str) -> list[PlanField]:
    """Every field of a setting's template, in the document's order: the title page's lines, then each
    part's notes and its tables' cells."""
    fields = [PlanField(title_tag(f.id), f.label, "name") for f in plan.title_fields_for(setting)]
    for section in plan.sections_for(setting):
        if notes := notes_field(plan, section):
            fields.append(notes)
        for table in section.tables_for(setting):
            fields += [field for row in table_fields(table) for field in row]
    return fields


@dataclass(frozen=True)
class SectionLinks:
    entitlement: tuple[Link, ...]
    hallmarks: tuple[Link, ...]
    characteristics: tuple[Link, ...]
    case_studies: tuple[Link, ...]
    catalogue: Link


def statement_label(content: Content, statement_id: str, number_label: Text) -> Text:
    """'Statement 2: As a leader I am entitled to …' in both languages."""
    s = content.frameworks.entitlement.statement(statement_id)
    text, points = s.entitlement.text, getattr(s.entitlement, "points", ())  # a lead-in's sub-points, where modelled
    parts: dict[str, str] = {}
    for lang in LANGUAGES:
        # "As a leader I am entitled to:" says little alone: its points follow, as one line.
        said = " ".join([text.best(lang)] + ["; ".join(p.best(lang) for p in points)] if points else [text.best(lang)])
        parts[lang] = f"{number_label.best(lang).format(n=s.number)}: {said}"
    # Its words are the label's and the statement's: a draft in a language where any of them is.
    en, cy = (DRAFT if any(t.is_draft(lang) for t in (number_label, text, *points)) else REVIEWED for lang in LANGUAGES)
    return Text(parts["en"], parts["cy"], en, cy)


def case_studies_for(
    content: Content, section: PlanSection, setting: str, limit: int = CASE_STUDIES_PER_SECTION
) -> list[CaseStudy]:
    """Case studies citing what the section serves: most shared links first, then the same setting, then newest."""
    wanted = {(k, v) for k, vs in section.links().items() for v in vs}
    scored = []
    for study in content.case_studies:
        shared = len(wanted & {(k, v) for k, vs in study.links().items() for v in vs})
        if shared:
            scored.append((-shared, setting not in study.settings, -study.published.toordinal(), study.slug, study))
    return [entry[-1] for entry in sorted(scored)[:limit]]


def section_links(
    content: Content, section: PlanSection, setting: str, number_label: Text, catalogue_label: Text
) -> SectionLinks:
    return SectionLinks(
        entitlement=tuple(
            framework_link("entitlement", sid, statement_label(content, sid, number_label))
            for sid in section.entitlement_statements
        ),
        hallmarks=tuple(
            framework_link("hallmarks", h, content.frameworks.hallmarks.term(h).label) for h in section.hallmarks
        ),
        characteristics=tuple(
            framework_link("characteristics", c, content.frameworks.characteristics.term(c).label)
            for c in section.characteristics
        ),
        case_studies=tuple(
            Link(labelled_title(content, s), f"case-studies/{s.slug}.md")
            for s in case_studies_for(content, section, setting)
        ),
        catalogue=Link(catalogue_label, "case-studies/index.md"),
    )


def languages(doc_lang: str) -> tuple[Language, ...]:
    """The languages a document is written in, in reading order."""
    return PLAN_LANGUAGES[doc_lang]
