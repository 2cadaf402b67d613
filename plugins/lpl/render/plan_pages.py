"""The plan templates' pages on the site, per language: the downloads page, a printable page per
setting and the "Make your plan" page (a form filled in the browser, exported into the .docx).

Pages live at plan-templates/ in each language's docs; the .docx files at the site's root in
downloads/, shared by both languages. Links to them are raw HTML (MkDocs does not check those:
tests/test_plans.py does), links to guidance pages are relative `.md` links (MkDocs checks them).

Each page is written through a `PageContext` (`plan_context`), which marks it a draft translation from the texts
it resolves for the page, as the generated pages are. What counts: the plan's content, and the plan document's
own wording where the page shows the document (its headings, "Setting", "Statement 2": `doc` in the printable
page, `doc` in "Make your plan"'s data) — a school prints that page as its plan, headings and all, and the .docx
counts them too; not the pages' own interface wording (`t`: "Plan templates", "Download", "Save to a file"), as
data/ui.yml's is not counted on the generated pages.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping

from ..model import Content, Language, Text, lang_prefix
from ..model.plan import PLAN_LANGUAGES, PlanTemplate
from .dates import long_date
from .links import page_href
from .page_context import PageContext
from .plan_view import (
    DOCX_MEDIA_TYPE,
    docx_name,
    make_page,
    notes_field,
    pack_name,
    print_page,
    section_links,
    table_fields,
    title_tag,
)
from .templates import environment

DOWNLOADS_DIR = "downloads"  # under the root of the built site (the default language's site_dir)
FFLATE = "assets/vendor/fflate/fflate.js"  # vendored zip library (see its SOURCE.json), loaded with a pack
MAKE_SCRIPT = "assets/make-plan.js"
MAKE_STYLE = "assets/make-plan.css"  # only this page needs it


def root_href(page: str, lang: Language, path: str) -> str:
    """From a page (docs path, directory URLs) of `lang` to a file at the built site's root."""
    depth = page.count("/") + (0 if page.endswith("index.md") else 1) + lang_prefix(lang).count("/")
    return "../" * depth + path


def downloads_href(page: str, lang: Language, name: str) -> str:
    """From a page (docs path, directory URLs) of `lang` to a file in the site root's downloads/."""
    return root_href(page, lang, f"{DOWNLOADS_DIR}/{name}")


def size_label(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


def plan_context(content: Content, plan: PlanTemplate, lang: Language) -> PageContext:
    """The plan pages' context: `t` says the pages' own wording, from plans/plan.yml's labels."""
    return PageContext(content, lang, labels=plan.labels)


def render_plan_pages(
    content: Content,
    lang: Language,
    sizes: dict[str, int],
    versions: dict[str, str] | None = None,
    drafts: Mapping[str, Collection[str]] | None = None,
) -> dict[str, str]:
    """{docs path under docs/<lang>/: Markdown} for the downloads page, every printable page and "Make
    your plan".

    `sizes` gives each .docx file's size in bytes by file name (the downloads page shows them);
    `versions` each template pack's version by file name (the "Make your plan" page asks for it);
    `drafts` the languages each document's shown texts are drafts in (its print says so as the document does).
    """
    plan = content.plan
    if plan is None:
        return {}
    env = environment("plans")
    ctx = plan_context(content, plan, lang)
    t = ctx.t

    def doc(key: str) -> str:
        """The plan document's own wording (a heading the .docx writes too): content, so it counts (module doc)."""
        return ctx.text(plan.label(key))

    pages: dict[str, str] = {}
    rows = []
    for setting in plan.settings:
        files = []
        for doc_lang in PLAN_LANGUAGES:
            name = docx_name(setting, doc_lang)
            files.append(
                {
                    "href": downloads_href("plan-templates/index.md", lang, name),
                    "name": name,
                    "language": t(f"language_{doc_lang}"),
                    "hreflang": doc_lang if doc_lang != "bilingual" else "",
                    "size": size_label(sizes[name]) if name in sizes else "",
                    "type": DOCX_MEDIA_TYPE,
                }
            )
        rows.append({"id": setting, "files": files, "print_page": print_page(setting).split("/", 1)[1]})
    pages["plan-templates/index.md"] = ctx.render(
        env.get_template("downloads.md.j2"), rows=rows, make_page=make_page().split("/", 1)[1]
    )
    pages[make_page()] = render_make_page(content, plan, lang, versions, drafts, ctx=ctx)

    for setting in plan.settings:
        page = print_page(setting)
        sections = []
        for number, section in enumerate(plan.sections_for(setting), start=1):
            links = section_links(
                content, section, setting, plan.label("statement_number"), plan.label("all_case_studies")
            )
            tables = section.tables_for(setting)
            questions = [q.text for q in section.questions_for(setting)]
            examples = [e.text for e in section.examples_for(setting)]
            sections.append(
                {
                    "number": number,
                    "section": section,
                    "questions": questions,
                    "examples": examples,
                    "tables": tables,
                    "links": links,
                    "landscape": any(table.landscape for table in tables),
                }
            )
        fields = plan.title_fields_for(setting)
        pages[page] = ctx.render(
            env.get_template("printable.md.j2"),
            text=ctx.text,
            doc=doc,
            plan=plan,
            setting=setting,
            fields=fields,
            sections=sections,
            page=page,
            docx_href=downloads_href(page, lang, docx_name(setting, lang)),
            docx_type=DOCX_MEDIA_TYPE,
            updated=long_date(plan.updated, lang),
        )
    return pages


def _pair(text: Text | None) -> list[str] | None:
    """A text for the browser: [English, Welsh], each the best there is."""
    return None if text is None else [text.best(Language.EN), text.best(Language.CY)]


def _shown(ctx: PageContext):
    """`_pair` for a text the page shows (the script writes it): noted in the page's language, as `ctx.text` is."""

    def pair(text: Text | None) -> list[str] | None:
        if text is not None:
            ctx.drafts.note(text, ctx.lang)
        return _pair(text)

    return pair


# Interface wording the script needs, in the page's language.
MAKE_MESSAGES = (
    "make_empty",
    "make_saved",
    "make_cleared",
    "make_opened",
    "make_storage_error",
    "make_file_error",
    "make_download_error",
    "make_clear_confirm",
    "make_title_page",
    "make_row",
    "make_not_started",
    "make_started",
    "make_part_of",
    "make_previous",
    "make_next",
    "make_back",
    "make_preparing",
    "guiding_questions",
    "examples",
    "see_also",
    "case_studies",
    "your_notes",
)
# Wording of the document itself, in both languages: the print shows what the Word file holds (counted: module doc).
DOCUMENT_LABELS = (
    "setting",
    "how_to_use_title",
    "in_this_plan",
    "guiding_questions",
    "examples",
    "your_notes",
    "see_also",
    "case_studies",
    "no_case_study",
    "entitlement_statements",
    "hallmarks",
    "characteristics",
)
# The print's too, not counted: the notices, shown only where the document is a draft (they would count themselves),
# and the form's name for the title page ("Title page", which the document does not write).
PRINT_LABELS = ("draft_notice", "draft_notice_plan", "make_title_page")


def make_data(
    content: Content,
    lang: Language,
    versions: dict[str, str],
    drafts: Mapping[str, Collection[str]] | None = None,
    *,
    ctx: PageContext | None = None,
) -> dict:
    """What the "Make your plan" page's script builds the form, the print and the filled .docx from: the
    parts of every setting once (an entry limited to some settings says which), each text in both
    languages, and the fields' tags from `table_fields` / `plan_fields` (the one list the .docx uses).
    About 60 KB as JSON, 14 KB gzipped, against 467 KB of HTML when every box was in the page.

    Every text the page's script shows is noted through `ctx` (the page's language), so the page is a draft
    translation where one is; `drafts` (by document) tells the print where to say the document is one."""
    plan = content.plan
    assert plan is not None
    ctx = ctx or plan_context(content, plan, lang)
    shown = _shown(ctx)
    page = make_page()

    def only(settings: tuple[str, ...]) -> dict:
        """An entry limited to some settings says which (in the plan's order, as each setting's document)."""
        return {"settings": list(settings)} if settings else {}

    def limited(entries) -> list[list]:
        """Questions or examples: [text] or [text, settings]."""
        return [[shown(e.text), *([list(e.settings)] if e.settings else [])] for e in entries]

    parts = []
    for section in plan.sections:
        links = section_links(
            content, section, plan.settings[0], plan.label("statement_number"), plan.label("all_case_studies")
        )
        # The case studies chosen for each setting (the most fitting first): each once, then by setting.
        cases: dict = {}
        by_setting = {}
        for setting in plan.settings:
            chosen = section_links(
                content, section, setting, plan.label("statement_number"), plan.label("all_case_studies")
            ).case_studies
            by_setting[setting] = [cases.setdefault(link, len(cases)) for link in chosen]
        tables = []
        for table in section.tables:
            rows = [
                [shown(row[0].row) if row and row[0].row else None, [f.tag for f in row]] for row in table_fields(table)
            ]
            tables.append(
                {
                    "id": table.id,
                    "title": shown(table.title),
                    "note": shown(table.note),
                    "columns": [shown(c) for c in table.columns],
                    "ticks": {str(i): shown(t) for i, t in enumerate(table.tick_labels, start=1) if t},
                    "shares": [round(share, 4) for share in table.column_shares()],
                    "landscape": table.landscape,
                    "rows": rows,
                }
                | only(table.settings)
            )
        notes = notes_field(plan, section)
        parts.append(
            {
                "id": section.id,
                "title": shown(section.title),
                "purpose": shown(section.purpose),
                "questions": limited(section.questions),
                "examples": limited(section.examples),
                "links": [
                    [shown(plan.label(key)), [[shown(link.label), link.href(page)] for link in found]]
                    for key, found in (
                        ("entitlement_statements", links.entitlement),
                        ("hallmarks", links.hallmarks),
                        ("characteristics", links.characteristics),
                    )
                    if found
                ],
                "cases": [[shown(link.label), link.href(page)] for link in cases],
                "cases_by_setting": by_setting,
                "catalogue": [shown(links.catalogue.label), links.catalogue.href(page)],
                "notes": {"tag": notes.tag, "lines": notes.lines} if notes else None,
                "tables": tables,
            }
            | only(section.settings)
        )
    settings: dict[str, dict[str, object]] = {}
    for setting in plan.settings:
        name = pack_name(setting)
        settings[setting] = {
            "label": shown(content.frameworks.settings.term(setting).label),
            "documents": {
                doc_lang: [docx_name(setting, doc_lang), docx_name(setting, doc_lang, guidance=False)]
                for doc_lang in PLAN_LANGUAGES
            },
            # Whether the Welsh of each document (with the guidance, without) is a draft translation: as its
            # Welsh document was written (the bilingual one says the same Welsh); not known without the documents.
            "draft": [
                Language.CY in (drafts or {}).get(docx_name(setting, "cy", guidance=guidance), ())
                for guidance in (True, False)
            ],
        }
        if name in versions:
            settings[setting]["pack"] = downloads_href(page, lang, f"{name}?v={versions[name]}")
            settings[setting]["version"] = versions[name]
    return {
        "lang": lang,
        "languages": {code: list(langs) for code, langs in PLAN_LANGUAGES.items()},
        "names": {code: ctx.t(f"language_{code}") for code in ("en", "cy")},
        "say": {key: ctx.t(key) for key in MAKE_MESSAGES},
        "doc": {key: shown(plan.label(key)) for key in DOCUMENT_LABELS}
        | {key: _pair(plan.label(key)) for key in PRINT_LABELS}
        | {"title": shown(plan.title), "intro": shown(plan.intro), "how_to_use": [shown(t) for t in plan.how_to_use]},
        "settings": settings,
        "title": [
            {"tag": title_tag(field.id), "label": shown(field.label)} | only(field.settings)
            for field in plan.title_fields
        ],
        "parts": parts,
        "fflate": root_href(page, lang, FFLATE),
    }


def render_make_page(
    content: Content,
    plan: PlanTemplate,
    lang: Language,
    versions: dict[str, str] | None = None,
    drafts: Mapping[str, Collection[str]] | None = None,
    *,
    ctx: PageContext | None = None,
) -> str:
    """The "Make your plan" page: the choices, the parts' contents and the buttons as HTML; each part's
    form, built by the script from `make_data` (inline JSON) one part at a time. Everything from YAML is
    escaped: here by the template, in the browser by going in only as text. Its texts are the template's and
    the data's: both count for its `translation:`, so the page starts before the data is made."""
    page = make_page()
    ctx = ctx or plan_context(content, plan, lang)
    template = environment("plans").get_template("make.md.j2")
    ctx.start()
    data = make_data(content, lang, versions or {}, drafts, ctx=ctx)
    # Inside <script type="application/json">: no "<" at all, so no "</script>" can end it early.
    data_json = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("<", "\\u003c")
    markdown = template.render(
        data_json=data_json,
        settings=plan.settings,
        languages=[(code, ctx.t(f"language_{code}")) for code in PLAN_LANGUAGES],
        blank_href=downloads_href(page, lang, docx_name(plan.settings[0], lang)),
        downloads_page=page_href(page, "plan-templates/index.md"),
        stylesheet=root_href(page, lang, MAKE_STYLE),
        script=root_href(page, lang, MAKE_SCRIPT),
        **ctx.common,
    )
    return ctx.finish(markdown, template.name)


def field_id(tag: str, lang: Language | None = None) -> str:
    """An HTML id for a field's box ("_" never occurs in a tag, so ids cannot collide)."""
    return "lpl-f-" + tag.replace(".", "_") + (f"-{lang}" if lang else "")
