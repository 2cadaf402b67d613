"""The plan templates' pages on the site, per language: the downloads page, a printable page per
setting and the "Make your plan" page (a form filled in the browser, exported into the .docx).

Pages live at plan-templates/ in each language's docs; the .docx files at the site's root in
downloads/, shared by both languages. Links to them are raw HTML (MkDocs does not check those:
tests/test_plans.py does), links to guidance pages are relative `.md` links (MkDocs checks them).
"""

from __future__ import annotations

import json

from ..model import Content, Text, lang_prefix
from ..model.plan import PLAN_LANGUAGES, PlanTemplate
from .links import page_href
from .plan_view import (
    DOCX_MEDIA_TYPE,
    document_texts,
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


def root_href(page: str, lang: str, path: str) -> str:
    """From a page (docs path, directory URLs) of `lang` to a file at the built site's root."""
    depth = page.count("/") + (0 if page.endswith("index.md") else 1) + lang_prefix(lang).count("/")
    return "../" * depth + path


def downloads_href(page: str, lang: str, name: str) -> str:
    """From a page (docs path, directory URLs) of `lang` to a file in the site root's downloads/."""
    return root_href(page, lang, f"{DOWNLOADS_DIR}/{name}")


def size_label(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


def _is_draft(lang: str, *texts: Text | None) -> bool:
    return any(t is not None and t.is_draft(lang) for t in texts)


def render_plan_pages(
    content: Content, lang: str, sizes: dict[str, int], versions: dict[str, str] | None = None
) -> dict[str, str]:
    """{docs path under docs/<lang>/: Markdown} for the downloads page, every printable page and "Make
    your plan".

    `sizes` gives each .docx file's size in bytes by file name (the downloads page shows them);
    `versions` each template pack's version by file name (the "Make your plan" page asks for it).
    """
    plan = content.plan
    if plan is None:
        return {}
    env = environment("plans")

    def t(key: str, **values) -> str:
        text = plan.label(key).best(lang)
        return text.format(**values) if values else text

    def text(value: Text | None) -> str:
        return value.best(lang) if value else ""

    def setting_label(setting: str) -> str:
        return text(content.frameworks.settings.term(setting).label)

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
        rows.append(
            {
                "id": setting,
                "label": setting_label(setting),
                "files": files,
                "print_page": print_page(setting).split("/", 1)[1],
            }
        )
    wording = [plan.label(k) for k in plan.labels]
    pages["plan-templates/index.md"] = env.get_template("downloads.md.j2").render(
        t=t,
        text=text,
        rows=rows,
        lang=lang,
        draft=_is_draft(lang, *wording, plan.title),
        make_page=make_page().split("/", 1)[1],
    )
    pages[make_page()] = render_make_page(content, plan, lang, versions)

    for setting in plan.settings:
        page = print_page(setting)
        sections = []
        used: list[Text | None] = [plan.title, plan.intro, *plan.how_to_use]
        for number, section in enumerate(plan.sections_for(setting), start=1):
            links = section_links(
                content, section, setting, plan.label("statement_number"), plan.label("all_case_studies")
            )
            tables = section.tables_for(setting)
            questions = [q.text for q in section.questions_for(setting)]
            examples = [e.text for e in section.examples_for(setting)]
            used += [section.title, section.purpose, *questions, *examples]
            used += [x for table in tables for x in (table.title, table.note, *table.columns, *table.rows)]
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
        pages[page] = env.get_template("printable.md.j2").render(
            t=t,
            text=text,
            plan=plan,
            setting=setting,
            setting_label=setting_label(setting),
            fields=fields,
            sections=sections,
            page=page,
            lang=lang,
            draft=_is_draft(lang, *used),
            docx_href=downloads_href(page, lang, docx_name(setting, lang)),
            docx_type=DOCX_MEDIA_TYPE,
            updated=plan.updated.isoformat(),
        )
    return pages


def _pair(text: Text | None) -> list[str] | None:
    """A text for the browser: [English, Welsh], each the best there is."""
    return None if text is None else [text.best("en"), text.best("cy")]


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
# Wording of the document itself, in both languages: the print shows what the Word file holds.
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
    "draft_notice",
    "draft_notice_plan",
    "make_title_page",
)


def make_data(content: Content, lang: str, versions: dict[str, str]) -> dict:
    """What the "Make your plan" page's script builds the form, the print and the filled .docx from: the
    parts of every setting once (an entry limited to some settings says which), each text in both
    languages, and the fields' tags from `table_fields` / `plan_fields` (the one list the .docx uses).
    About 60 KB as JSON, 14 KB gzipped, against 467 KB of HTML when every box was in the page."""
    plan = content.plan
    assert plan is not None
    page = make_page()

    def only(settings: tuple[str, ...]) -> dict:
        """An entry limited to some settings says which (in the plan's order, as each setting's document)."""
        return {"settings": list(settings)} if settings else {}

    def limited(entries) -> list[list]:
        """Questions or examples: [text] or [text, settings]."""
        return [[_pair(e.text), *([list(e.settings)] if e.settings else [])] for e in entries]

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
                [_pair(row[0].row) if row and row[0].row else None, [f.tag for f in row]] for row in table_fields(table)
            ]
            tables.append(
                {
                    "id": table.id,
                    "title": _pair(table.title),
                    "note": _pair(table.note),
                    "columns": [_pair(c) for c in table.columns],
                    "ticks": {str(i): _pair(t) for i, t in enumerate(table.tick_labels, start=1) if t},
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
                "title": _pair(section.title),
                "purpose": _pair(section.purpose),
                "questions": limited(section.questions),
                "examples": limited(section.examples),
                "links": [
                    [_pair(plan.label(key)), [[_pair(link.label), link.href(page)] for link in found]]
                    for key, found in (
                        ("entitlement_statements", links.entitlement),
                        ("hallmarks", links.hallmarks),
                        ("characteristics", links.characteristics),
                    )
                    if found
                ],
                "cases": [[_pair(link.label), link.href(page)] for link in cases],
                "cases_by_setting": by_setting,
                "catalogue": [_pair(links.catalogue.label), links.catalogue.href(page)],
                "notes": {"tag": notes.tag, "lines": notes.lines} if notes else None,
                "tables": tables,
            }
            | only(section.settings)
        )
    settings: dict[str, dict[str, object]] = {}
    for setting in plan.settings:
        name = pack_name(setting)
        settings[setting] = {
            "label": _pair(content.frameworks.settings.term(setting).label),
            "documents": {
                doc_lang: [docx_name(setting, doc_lang), docx_name(setting, doc_lang, guidance=False)]
                for doc_lang in PLAN_LANGUAGES
            },
            # Whether the Welsh of each document (with the guidance, without) is a draft translation.
            "draft": [
                any(t.is_draft("cy") for t in document_texts(content, setting, guidance=guidance))
                for guidance in (True, False)
            ],
        }
        if name in versions:
            settings[setting]["pack"] = downloads_href(page, lang, f"{name}?v={versions[name]}")
            settings[setting]["version"] = versions[name]
    return {
        "lang": lang,
        "languages": {code: list(langs) for code, langs in PLAN_LANGUAGES.items()},
        "names": {code: plan.label(f"language_{code}").best(lang) for code in ("en", "cy")},
        "say": {key: plan.label(key).best(lang) for key in MAKE_MESSAGES},
        "doc": {key: _pair(plan.label(key)) for key in DOCUMENT_LABELS}
        | {"title": _pair(plan.title), "intro": _pair(plan.intro), "how_to_use": [_pair(t) for t in plan.how_to_use]},
        "settings": settings,
        "title": [
            {"tag": title_tag(field.id), "label": _pair(field.label)} | only(field.settings)
            for field in plan.title_fields
        ],
        "parts": parts,
        "fflate": root_href(page, lang, FFLATE),
    }


def render_make_page(content: Content, plan: PlanTemplate, lang: str, versions: dict[str, str] | None = None) -> str:
    """The "Make your plan" page: the choices, the parts' contents and the buttons as HTML; each part's
    form, built by the script from `make_data` (inline JSON) one part at a time. Everything from YAML is
    escaped: here by the template, in the browser by going in only as text."""
    page = make_page()
    data = make_data(content, lang, versions or {})

    def t(key: str, **values) -> str:
        text = plan.label(key).best(lang)
        return text.format(**values) if values else text

    used = [plan.title, *[f.label for f in plan.title_fields], *[s.title for s in plan.sections]]
    # Inside <script type="application/json">: no "<" at all, so no "</script>" can end it early.
    data_json = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("<", "\\u003c")
    return (
        environment("plans")
        .get_template("make.md.j2")
        .render(
            t=t,
            lang=lang,
            data_json=data_json,
            draft=_is_draft(lang, *used, *[plan.label(k) for k in plan.labels if k.startswith("make_")]),
            settings=[(s, content.frameworks.settings.term(s).label.best(lang)) for s in plan.settings],
            languages=[(code, t(f"language_{code}")) for code in PLAN_LANGUAGES],
            blank_href=downloads_href(page, lang, docx_name(plan.settings[0], lang)),
            downloads_page=page_href(page, "plan-templates/index.md"),
            stylesheet=root_href(page, lang, MAKE_STYLE),
            script=root_href(page, lang, MAKE_SCRIPT),
        )
    )


def field_id(tag: str, lang: str = "") -> str:
    """An HTML id for a field's box ("_" never occurs in a tag, so ids cannot collide)."""
    return "lpl-f-" + tag.replace(".", "_") + (f"-{lang}" if lang else "")
