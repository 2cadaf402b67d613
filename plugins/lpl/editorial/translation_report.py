"""Which texts still need a translator or a reviewer, which case studies are due for review, and which facts of the
ledger (data/facts.yml) are past, or near, the day they must be checked again.

Pure: the model from `lpl.load.check` (data/, plans/ and case studies: the one loader) and the guidance
pages' front matter in, a `TranslationReport` out, rendered as text, Markdown (for a pull request's
summary) or JSON. A text is *missing* in a language when it has no text there, *draft* when its
`<lang>_status` (or the file's `translation:`) says so; a guidance page is draft when its front matter
says `translation: draft`, missing when the other language has the page and this one does not.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..load.source import parse_yaml
from ..model import DRAFT, DUE_SOON_DAYS, LANGUAGES, REVIEWED, CaseStudy, Content, Fact, Text
from ..model.language import Language
from ..publish.pages import GENERATED_DIRS
from . import built_welsh
from .built_welsh import BuiltWelsh
from .language_check import LanguageCheck
from .language_check import md_cell as _md
from .language_check import render_markdown as language_markdown
from .language_check import render_text as language_text
from .passages import data_texts

REVIEW_AFTER_YEARS = 2  # a case study not reviewed (or, if never, published) for this long is due for review
MISSING = "missing"
OFFICIAL = "official"  # reviewed, and quoted from the official source its `<lang>_source` gives
STATUSES = (OFFICIAL, REVIEWED, DRAFT, MISSING)
DONE = (OFFICIAL, REVIEWED)
KINDS = ("page", "data", "case study")
KIND_TITLES = {
    "page": "Guidance pages",
    "data": "Data (frameworks, vocabularies, interface, plan)",
    "case study": "Case studies",
}
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)


@dataclass(frozen=True)
class Entry:
    """One text in one language that is missing or a draft."""

    kind: str  # "page", "data" or "case study"
    path: str  # the file to edit (for a missing page: the file to create)
    line: int | None
    field: str  # e.g. "summary", "images[0].alt", "hallmarks.terms[collaboration].label"; "" for a page
    lang: Language
    status: str  # "draft" or "missing"
    unpublished: bool = False

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class ReviewDue:
    path: str
    slug: str
    last: date  # last_reviewed, or published if never reviewed
    reviewed: bool  # whether `last` is a review date
    due: date


@dataclass
class TranslationReport:
    today: date
    entries: list[Entry] = field(default_factory=list)
    counts: dict[str, dict[str, Counter]] = field(default_factory=dict)  # kind → lang → status → n
    review_due: list[ReviewDue] = field(default_factory=list)
    language: LanguageCheck | None = None  # the Welsh spelling and term checks, when run
    built: BuiltWelsh | None = None  # the Welsh of a built site, read as a screen reader reads it (`--site`)
    facts_due: list[Fact] = field(default_factory=list)  # past check_by, or reaching it within DUE_SOON_DAYS
    facts_path: str = "data/facts.yml"

    @property
    def facts_overdue(self) -> list[Fact]:
        return [f for f in self.facts_due if f.overdue(self.today)]

    def count(self, kind: str, lang: Language, status: str) -> int:
        return self.counts.get(kind, {}).get(lang, Counter())[status]

    def add(
        self, kind: str, path: str, line: int | None, name: str, lang: Language, status: str, unpublished: bool = False
    ) -> None:
        self.counts.setdefault(kind, {language: Counter() for language in LANGUAGES})[lang][status] += 1
        if status not in DONE:
            self.entries.append(Entry(kind, path, line, name, lang, status, unpublished))


def status_of(text: Text, lang: Language) -> str:
    if text.is_missing(lang):
        return MISSING
    return OFFICIAL if text.is_official(lang) else text.status(lang)


def review_due_date(last: date) -> date:
    try:
        return last.replace(year=last.year + REVIEW_AFTER_YEARS)
    except ValueError:  # 29 February
        return last.replace(year=last.year + REVIEW_AFTER_YEARS, day=28)


def build_report(
    content: Content,
    root: Path,
    today: date,
    language: LanguageCheck | None = None,
    built: BuiltWelsh | None = None,
) -> TranslationReport:
    ledger = content.frameworks.facts
    report = TranslationReport(
        today, language=language, built=built, facts_due=ledger.due(today), facts_path=ledger.path
    )
    _pages(report, Path(root))
    for path, name, text in data_texts(content):
        for lang in LANGUAGES:  # a plan table's rows are data/'s own texts, so they point there
            report.add("data", path, text.line(lang), name, lang, status_of(text, lang))
    for study in sorted(content.case_studies + content.unpublished, key=lambda s: s.source_path):
        _case_study(report, study)
        last = study.last_reviewed or study.published
        if not study.unpublished and today >= review_due_date(last):
            report.review_due.append(
                ReviewDue(study.source_path, study.slug, last, study.last_reviewed is not None, review_due_date(last))
            )
    return report


def _case_study(report: TranslationReport, study: CaseStudy) -> None:
    for name, text in study.texts().items():
        for lang in LANGUAGES:
            report.add(
                "case study", study.source_path, text.line(lang), name, lang, status_of(text, lang), study.unpublished
            )
    # A summarised source published in both languages has an official Welsh title and address to give readers:
    # missing until the editor records them (a source in English only has none, so nothing is missing).
    if study.source and study.source.language == "both":
        for name, value in (("source.title_cy", study.source.title_cy), ("source.url_cy", study.source.url_cy)):
            report.add(
                "case study",
                study.source_path,
                None,
                name,
                Language.CY,
                REVIEWED if value else MISSING,
                study.unpublished,
            )


def _pages(report: TranslationReport, root: Path) -> None:
    docs = root / "docs"
    found = {
        lang: {
            p.relative_to(docs / lang).as_posix(): p
            for p in sorted((docs / lang).rglob("*.md"))
            if p.relative_to(docs / lang).parts[0] not in GENERATED_DIRS
        }
        for lang in LANGUAGES
        if (docs / lang).is_dir()
    }
    for rel in sorted(set().union(*found.values()) if found else ()):
        for lang in LANGUAGES:
            page = found.get(lang, {}).get(rel)
            shown = f"docs/{lang}/{rel}"
            if page is None:
                report.add("page", shown, None, "", lang, MISSING)
            else:
                status, line = _page_status(page, shown)
                report.add("page", shown, line, "", lang, status)


def _page_status(page: Path, shown: str) -> tuple[str, int | None]:
    """'draft' when the front matter says `translation: draft` (with its line), else 'reviewed'."""
    match = FRONT_MATTER.match(page.read_text(encoding="utf-8"))
    if not match:
        return REVIEWED, None
    doc, _ = parse_yaml(match.group(1), shown)  # a broken front matter is the build's to report
    if doc is None or not isinstance(doc.data, dict) or doc.data.get("translation") != DRAFT:
        return REVIEWED, None
    return DRAFT, doc.keys[("translation",)].line + 1  # + the opening '---'


# --- output ---------------------------------------------------------------------------------------


def _label(entry: Entry) -> str:
    what = f"{LANGUAGE_NAMES[entry.lang]} {entry.status}"
    return f"{entry.field}: {what}" if entry.field else what


def _selected(report: TranslationReport, langs: tuple[Language, ...]) -> list[Entry]:
    return [e for e in report.entries if e.lang in langs]


def render_text(report: TranslationReport, langs: tuple[Language, ...] = LANGUAGES) -> str:
    out = [f"Translation report, {report.today.isoformat()}: texts that are missing or still a draft", ""]
    out.append(f"{'':<16}" + "".join(f"{LANGUAGE_NAMES[language] + ' (' + language + ')':<39}" for language in langs))
    out.append(f"{'':<16}" + "".join("".join(f"{s:>9}" for s in STATUSES) + "   " for _ in langs))
    for kind in KINDS:
        out.append(
            f"{KIND_TITLES[kind].split(' (')[0]:<16}"
            + "".join("".join(f"{report.count(kind, language, s):>9}" for s in STATUSES) + "   " for language in langs)
        )
    for kind in KINDS:
        entries = [e for e in _selected(report, langs) if e.kind == kind]
        out += ["", f"{KIND_TITLES[kind]}: {len(entries)}"]
        for e in entries:
            out.append(f"  {e.location()}: {_label(e)}" + (" (unpublished)" if e.unpublished else ""))
    out += ["", f"Case studies due for review (not reviewed for {REVIEW_AFTER_YEARS} years): {len(report.review_due)}"]
    for r in report.review_due:
        out.append(
            f"  {r.path}: {'last reviewed' if r.reviewed else 'published, never reviewed,'} {r.last.isoformat()}; "
            f"due {r.due.isoformat()} (add 'last_reviewed: YYYY-MM-DD' once checked)"
        )
    out += ["", *_facts_text(report)]
    if report.language is not None:
        out += ["", language_text(report.language).rstrip("\n")]
    if report.built is not None:
        out += ["", built_welsh.render_text(report.built).rstrip("\n")]
    return "\n".join(out) + "\n"


def _fact_state(report: TranslationReport, fact: Fact) -> str:
    return "past its date" if fact.overdue(report.today) else f"due within {DUE_SOON_DAYS} days"


def _facts_heading(report: TranslationReport) -> str:
    return (
        f"Facts to check again ({report.facts_path}): {len(report.facts_overdue)} past their check_by date, "
        f"{len(report.facts_due) - len(report.facts_overdue)} due within {DUE_SOON_DAYS} days"
    )


def _facts_text(report: TranslationReport) -> list[str]:
    out = [_facts_heading(report)]
    for f in report.facts_due:
        out.append(
            f"  {report.facts_path}:{f.line}: {f.id}: check_by {f.check_by.isoformat()} ({_fact_state(report, f)}); "
            f"as at {f.as_at.isoformat()}; source {f.sources[0].url_en}"
        )
    if report.facts_due:
        out.append("  (read its sources again, correct the statement if needed, then update 'as_at' and 'check_by')")
    return out


def render_markdown(report: TranslationReport, langs: tuple[Language, ...] = LANGUAGES) -> str:
    out = [
        f"## Translation report ({report.today.isoformat()})",
        "",
        "Texts still missing or a draft (a draft is shown to readers with a notice). *official*: quoted from the "
        "official source its `cy_source`/`en_source` gives; *reviewed*: checked, ours or without a cited source.",
        "",
        "| | " + " | ".join(f"{LANGUAGE_NAMES[language]}: {s}" for language in langs for s in STATUSES) + " |",
        "|---|" + "---:|" * (len(langs) * len(STATUSES)),
    ]
    for kind in KINDS:
        out.append(
            f"| {KIND_TITLES[kind].split(' (')[0]} | "
            + " | ".join(str(report.count(kind, language, s)) for language in langs for s in STATUSES)
            + " |"
        )
    out += ["", f"### {_facts_heading(report)}", ""]
    if report.facts_due:
        out += ["| Fact | Line | Check by | State | As at | Main source |", "|---|---:|---|---|---|---|"]
        out += [
            f"| `{_md(f.id)}` | {f.line} | {f.check_by.isoformat()} | {_fact_state(report, f)} | {f.as_at.isoformat()} | "
            f"{_md(f.sources[0].url_en)} |"
            for f in report.facts_due
        ]
    for kind in KINDS:
        entries = [e for e in _selected(report, langs) if e.kind == kind]
        out += ["", f"<details><summary>{KIND_TITLES[kind]}: {len(entries)} to do</summary>", ""]
        if entries:
            out += ["| File | Line | Field | Language | Status |", "|---|---:|---|---|---|"]
            out += [
                f"| `{_md(e.path)}` | {e.line or ''} | {_md(e.field) or '(whole page)'} | {LANGUAGE_NAMES[e.lang]} | "
                f"{e.status}{' (unpublished)' if e.unpublished else ''} |"
                for e in entries
            ]
        out += ["", "</details>"]
    out += [
        "",
        f"### Case studies due for review (not reviewed for {REVIEW_AFTER_YEARS} years): {len(report.review_due)}",
        "",
    ]
    out += [
        f"- `{_md(r.path)}`: {'last reviewed' if r.reviewed else 'published, never reviewed,'} "
        f"{r.last.isoformat()}; due {r.due.isoformat()}"
        for r in report.review_due
    ]
    if report.language is not None:
        out += ["", language_markdown(report.language).replace("## ", "### ", 1).rstrip("\n")]
    if report.built is not None:
        out += ["", built_welsh.render_markdown(report.built).replace("## ", "### ", 1).rstrip("\n")]
    return "\n".join(out) + "\n"


def render_json(report: TranslationReport, langs: tuple[Language, ...] = LANGUAGES) -> str:
    return (
        json.dumps(
            {
                "date": report.today.isoformat(),
                "review_after_years": REVIEW_AFTER_YEARS,
                "counts": {
                    kind: {language: {s: report.count(kind, language, s) for s in STATUSES} for language in langs}
                    for kind in KINDS
                },
                "texts": [dataclasses.asdict(e) for e in _selected(report, langs)],
                "welsh_check": None
                if report.language is None
                else [dataclasses.asdict(f) for f in report.language.findings],
                "built_welsh": None if report.built is None else built_welsh.as_json(report.built),
                "facts_due": [
                    {
                        "id": f.id,
                        "path": report.facts_path,
                        "line": f.line,
                        "as_at": f.as_at.isoformat(),
                        "check_by": f.check_by.isoformat(),
                        "overdue": f.overdue(report.today),
                        "sources": [s.url_en for s in f.sources],
                    }
                    for f in report.facts_due
                ],
                "review_due": [
                    {
                        "path": r.path,
                        "slug": r.slug,
                        "last": r.last.isoformat(),
                        "reviewed": r.reviewed,
                        "due": r.due.isoformat(),
                    }
                    for r in report.review_due
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


FORMATS = {"text": render_text, "markdown": render_markdown, "json": render_json}
