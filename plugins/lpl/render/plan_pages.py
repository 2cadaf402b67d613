"""The plan templates' pages on the site, per language: the downloads page, a printable page per
setting and the "Make your plan" page (a form filled in the browser, exported into the .docx).

Pages live at plan-templates/ in each language's docs; the .docx files at the site's root in
downloads/, shared by both languages. Links to them are raw HTML (MkDocs does not check those:
tests/test_plans.py does), links to guidance pages are relative `.md` links (MkDocs checks them).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

from ..model import Content, Text
from ..model.plan import PLAN_LANGUAGES, PlanTemplate
from .plan_view import (
    DOCX_MEDIA_TYPE,
    PlanField,
    docx_name,
    fields_data,
    make_page,
    notes_tag,
    page_href,
    print_page,
    section_links,
    table_fields,
    title_tag,
)
from .templates import environment

DOWNLOADS_DIR = "downloads"  # under the root of the built site (the default language's site_dir)
TEMPLATES_PACK = "lpl-plan-templates.js"  # the .docx templates for the "Make your plan" page, in downloads/
FFLATE = "assets/vendor/fflate/fflate.js"  # vendored zip library (see its SOURCE.json)
MAKE_SCRIPT = "assets/make-plan.js"


def root_href(page: str, lang: str, path: str) -> str:
    """From a page (docs path, directory URLs) of `lang` to a file at the built site's root."""
    depth = page.count("/") + (0 if page.endswith("index.md") else 1) + (1 if lang == "cy" else 0)
    return "../" * depth + path


def downloads_href(page: str, lang: str, name: str) -> str:
    """From a page (docs path, directory URLs) of `lang` to a file in the site root's downloads/."""
    return root_href(page, lang, f"{DOWNLOADS_DIR}/{name}")


def size_label(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


def _is_draft(lang: str, *texts: Text | None) -> bool:
    return any(t is not None and t.is_draft(lang) for t in texts)


def render_plan_pages(content: Content, lang: str, sizes: dict[str, int]) -> dict[str, str]:
    """{docs path under docs/<lang>/: Markdown} for the downloads page and every printable page.

    `sizes` gives each .docx file's size in bytes by file name (the downloads page shows them).
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
    pages[make_page()] = render_make_page(content, plan, lang)

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


def _settings_attr(settings) -> str:
    return " ".join(settings)


def render_make_page(content: Content, plan: PlanTemplate, lang: str) -> str:
    """The "Make your plan" page: every setting's fields in one form (the script shows the chosen
    setting's), with each part's guidance beside its boxes. Everything from YAML is escaped in the template."""
    page = make_page()

    def t(key: str, **values) -> str:
        text = plan.label(key).best(lang)
        return text.format(**values) if values else text

    def where(items) -> dict:
        """{item: settings it appears in}, in the order first met: one element per item, shown per setting."""
        found: dict = {}
        for setting in plan.settings:
            for item in items(setting):
                found.setdefault(item, []).append(setting)
        return {item: ("" if len(found[item]) == len(plan.settings) else _settings_attr(found[item])) for item in found}

    title_fields = where(lambda setting: list(plan.title_fields_for(setting)))
    sections, used = [], [plan.title, *[f.label for f in title_fields]]
    for section in plan.sections:
        links = section_links(
            content, section, plan.settings[0], plan.label("statement_number"), plan.label("all_case_studies")
        )
        studies = where(
            lambda setting, section=section: list(
                section_links(
                    content, section, setting, plan.label("statement_number"), plan.label("all_case_studies")
                ).case_studies
            )
        )
        tables = []
        for table, shown in where(lambda setting, section=section: section.tables_for(setting)).items():
            rows = [
                {"legend": (row[0].row.best(lang) if row and row[0].row else t("make_row", n=n)), "cells": row}
                for n, row in enumerate(table_fields(table), start=1)
            ]
            tables.append({"table": table, "settings": shown, "rows": rows})
            used += [table.title, table.note, *table.columns, *table.rows]
        questions = where(lambda setting, section=section: [q.text for q in section.questions_for(setting)])
        examples = where(lambda setting, section=section: [e.text for e in section.examples_for(setting)])
        used += [section.title, section.purpose, *questions, *examples]
        sections.append(
            {
                "section": section,
                "settings": _settings_attr(section.settings),
                "questions": questions,
                "examples": examples,
                "tables": tables,
                "links": [
                    (key, [(link.label.best(lang), link.href(page)) for link in found])
                    for key, found in (
                        ("entitlement_statements", links.entitlement),
                        ("hallmarks", links.hallmarks),
                        ("characteristics", links.characteristics),
                    )
                    if found
                ],
                "case_studies": [(link.label.best(lang), link.href(page), shown) for link, shown in studies.items()],
                "catalogue": (links.catalogue.label.best(lang), links.catalogue.href(page)),
                "notes": PlanField(notes_tag(section), plan.label("your_notes"), "answer", section.notes_lines)
                if section.notes_lines
                else None,
            }
        )
    languages = [(code, t(f"language_{code}")) for code in PLAN_LANGUAGES]
    data = dict(
        fields_data(plan),
        lang=lang,
        title=plan.title.best(lang),
        messages={
            key: t(key)
            for key in (
                "make_empty",
                "make_saved",
                "make_cleared",
                "make_opened",
                "make_storage_error",
                "make_file_error",
                "make_download_error",
                "make_clear_confirm",
            )
        },
    )
    # Inside <script type="application/json">: no "<" at all, so no "</script>" can end it early.
    data_json = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return (
        environment("plans")
        .get_template("make.md.j2")
        .render(
            t=t,
            lang=lang,
            plan=plan,
            title_fields=title_fields,
            title_tag=title_tag,
            sections=sections,
            languages=languages,
            data_json=data_json,
            field_id=field_id,
            draft=_is_draft(lang, *used, *[plan.label(k) for k in plan.labels if k.startswith("make_")]),
            settings=[(s, content.frameworks.settings.term(s).label.best(lang)) for s in plan.settings],
            blank_href=downloads_href(page, lang, docx_name(plan.settings[0], lang)),
            downloads_page=page_href(page, "plan-templates/index.md"),
            scripts=[
                root_href(page, lang, FFLATE),
                downloads_href(page, lang, TEMPLATES_PACK),
                root_href(page, lang, MAKE_SCRIPT),
            ],
            lang_names={"en": t("language_en"), "cy": t("language_cy")},
        )
    )


def field_id(tag: str, lang: str = "") -> str:
    """An HTML id for a field's box ("_" never occurs in a tag, so ids cannot collide)."""
    return "lpl-f-" + tag.replace(".", "_") + (f"-{lang}" if lang else "")


# Inline scripts Material's template writes; the "Make your plan" page allows exactly these (by hash).
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def content_security_policy(html: str) -> str:
    """Add to a built page a Content-Security-Policy that lets nothing leave the device: no connection
    anywhere (connect-src 'none'), no form posts, scripts only from this site or inline ones it already
    has (by hash). Put first in <head>, so it covers every script after it."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"
        for body in dict.fromkeys(_INLINE_SCRIPT.findall(html))
    )
    policy = (
        "default-src 'none'; script-src 'self' " + hashes + "; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self'; manifest-src 'self'; connect-src 'none'; "
        "form-action 'none'; base-uri 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'"
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html.replace("<head>", "<head>" + meta, 1)
