"""The plan templates' pages on the site, per language: the downloads page and a printable page per setting.

Pages live at plan-templates/ in each language's docs; the .docx files at the site's root in
downloads/, shared by both languages. Links to them are raw HTML (MkDocs does not check those:
tests/test_plans.py does), links to guidance pages are relative `.md` links (MkDocs checks them).
"""
from __future__ import annotations

from ..model import Content, Text
from ..model.plan import PLAN_LANGUAGES
from .templates import environment
from .plan_view import DOCX_MEDIA_TYPE, docx_name, print_page, section_links

DOWNLOADS_DIR = "downloads"  # under the root of the built site (the default language's site_dir)


def downloads_href(page: str, lang: str, name: str) -> str:
    """From a page (docs path, directory URLs) of `lang` to a file in the site root's downloads/."""
    depth = page.count("/") + (0 if page.endswith("index.md") else 1) + (1 if lang == "cy" else 0)
    return "../" * depth + f"{DOWNLOADS_DIR}/{name}"


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
            files.append({"href": downloads_href("plan-templates/index.md", lang, name), "name": name,
                          "language": t(f"language_{doc_lang}"), "hreflang": doc_lang if doc_lang != "bilingual" else "",
                          "size": size_label(sizes[name]) if name in sizes else "", "type": DOCX_MEDIA_TYPE})
        rows.append({"id": setting, "label": setting_label(setting), "files": files,
                     "print_page": print_page(setting).split("/", 1)[1]})
    wording = [plan.label(k) for k in plan.labels]
    pages["plan-templates/index.md"] = env.get_template("downloads.md.j2").render(
        t=t, text=text, rows=rows, lang=lang, draft=_is_draft(lang, *wording, plan.title))

    for setting in plan.settings:
        page = print_page(setting)
        sections = []
        used: list[Text | None] = [plan.title, plan.intro, *plan.how_to_use]
        for number, section in enumerate(plan.sections_for(setting), start=1):
            links = section_links(content, section, setting, plan.label("statement_number"),
                                  plan.label("all_case_studies"))
            tables = section.tables_for(setting)
            questions = [q.text for q in section.questions_for(setting)]
            examples = [e.text for e in section.examples_for(setting)]
            used += [section.title, section.purpose, *questions, *examples]
            used += [x for table in tables for x in (table.title, table.note, *table.columns, *table.rows)]
            sections.append({"number": number, "section": section, "questions": questions, "examples": examples,
                             "tables": tables, "links": links,
                             "landscape": any(table.landscape for table in tables)})
        fields = [f for f in plan.title_fields if not f.settings or setting in f.settings]
        pages[page] = env.get_template("printable.md.j2").render(
            t=t, text=text, plan=plan, setting=setting, setting_label=setting_label(setting), fields=fields,
            sections=sections, page=page, lang=lang, draft=_is_draft(lang, *used),
            docx_href=downloads_href(page, lang, docx_name(setting, lang)), docx_type=DOCX_MEDIA_TYPE,
            updated=plan.updated.isoformat())
    return pages
