"""The plan template's model: the parts of a school's Leading Professional Learning plan.

Built by `lpl.load.plan` from `plans/plan.yml`; free of YAML, MkDocs and Word. A plan is one
structure for every setting: questions, examples, tables and whole sections can be limited to
some settings (`settings: [cluster]`), so a setting's template is a view of the same data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .language import Language
from .text import Text

# How each kind of document is written: the site's languages, plus bilingual with Welsh first
# (the usual order for bilingual documents in Wales).
# A plan document's languages, in reading order, by its language choice (a bilingual plan puts Welsh first).
PLAN_LANGUAGES: dict[str, tuple[Language, ...]] = {
    "en": (Language.EN,),
    "cy": (Language.CY,),
    "bilingual": (Language.CY, Language.EN),
}
LOCALES = {Language.EN: "en-GB", Language.CY: "cy-GB"}


def applies(settings: tuple[str, ...], setting: str) -> bool:
    """An empty `settings` means every setting."""
    return not settings or setting in settings


@dataclass(frozen=True)
class PlanQuestion:
    text: Text
    settings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanExample:
    """A worked example that fits one kind of setting (what a primary school might write, …)."""

    text: Text
    settings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanTable:
    """A table for the school to fill in: headed columns, labelled rows and blank rows to write in."""

    id: str
    title: Text
    columns: tuple[Text, ...]
    rows: tuple[Text, ...] = ()  # labels of the first column, written in advance (e.g. "Short term")
    blank_rows: int = 0
    note: Text | None = None
    settings: tuple[str, ...] = ()
    landscape: bool = False  # wide tables print across the page
    widths: tuple[float, ...] = ()  # relative column widths; equal when empty
    # A column the school ticks (a check box in each row, not a box to write in): its check box's
    # label by column, None for a column to write in; empty when no column is ticked.
    tick_labels: tuple[Text | None, ...] = ()

    def column_shares(self) -> list[float]:
        """Each column's share of the table's width (they add up to 1)."""
        weights = self.widths or (1.0,) * len(self.columns)
        return [w / sum(weights) for w in weights]

    @property
    def row_count(self) -> int:
        return len(self.rows) + self.blank_rows

    def tick(self, column: int) -> Text | None:
        """The check box's label if `column` (from 1) is ticked, else None."""
        return self.tick_labels[column - 1] if column <= len(self.tick_labels) else None


@dataclass(frozen=True)
class PlanSection:
    id: str
    title: Text
    purpose: Text
    questions: tuple[PlanQuestion, ...]
    examples: tuple[PlanExample, ...]
    tables: tuple[PlanTable, ...]
    notes_lines: int  # height of the bordered box to write in; 0 for none
    hallmarks: tuple[str, ...]
    entitlement_statements: tuple[str, ...]
    characteristics: tuple[str, ...]
    settings: tuple[str, ...] = ()

    def questions_for(self, setting: str) -> list[PlanQuestion]:
        return [q for q in self.questions if applies(q.settings, setting)]

    def examples_for(self, setting: str) -> list[PlanExample]:
        return [e for e in self.examples if applies(e.settings, setting)]

    def tables_for(self, setting: str) -> list[PlanTable]:
        return [t for t in self.tables if applies(t.settings, setting)]

    def links(self) -> dict[str, tuple[str, ...]]:
        """What the section serves, by framework (the same keys as `CaseStudy.links`)."""
        return {
            "hallmarks": self.hallmarks,
            "entitlement": self.entitlement_statements,
            "characteristics": self.characteristics,
        }


@dataclass(frozen=True)
class TitleField:
    """A line of the title page (school, year, …); `fill` says which command-line value goes in it."""

    id: str  # stable: names the field's content control in the .docx and its box on the "Make your plan" page
    label: Text
    fill: str | None = None  # "school" or "year"
    settings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanTemplate:
    title: Text
    intro: Text
    how_to_use: tuple[Text, ...]
    title_fields: tuple[TitleField, ...]
    settings: tuple[str, ...]  # a template is made for each of these
    sections: tuple[PlanSection, ...]
    labels: dict[str, Text]
    updated: date  # when the template's wording last changed: the documents' date
    source_path: str = "plans/plan.yml"

    def title_fields_for(self, setting: str) -> list[TitleField]:
        return [f for f in self.title_fields if applies(f.settings, setting)]

    def sections_for(self, setting: str) -> list[PlanSection]:
        return [s for s in self.sections if applies(s.settings, setting)]

    def label(self, key: str) -> Text:
        return self.labels[key]
