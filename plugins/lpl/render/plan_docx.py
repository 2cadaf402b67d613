"""A plan template as a Word document (.docx): model in, bytes out.

What schools need from the file, and why it is built this way:
- real Heading 1–3 styles, so Word's navigation pane and screen readers see the structure;
- every run carries its language (`w:lang` cy-GB / en-GB), and so do the styles' defaults, so
  spelling, hyphenation and speech work in Welsh; a bilingual document (Welsh first) marks each run;
- tables repeat their header row on every page (`w:tblHeader`) and leave rows and boxes to write in;
- every place a school writes (title-page lines, table cells, notes boxes) is a content control
  (`w:sdt`, block-level, tagged with `plan_view.PlanField.tag`): a form in Word and LibreOffice,
  and what the "Make your plan" page fills in the browser (the one list of tags: `plan_fields`);
- links go to the site's case studies and frameworks (absolute URLs from `site_url`);
- the bytes depend only on the inputs (fixed dates inside the zip), so an unchanged template is
  not rewritten and a build never churns.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..model import Content, Text
from ..model.plan import LOCALES, PlanSection, PlanTable, PlanTemplate
from .facts import content_with_facts
from .plan_view import Link, PlanField, languages, notes_tag, section_links, table_fields, title_tag

FONT = "Arial"  # on every Windows, Mac and LibreOffice (as Liberation Sans); has ŵ and ŷ
GREEN = RGBColor(0x00, 0x59, 0x4F)  # the site's primary colour, 7.9:1 on white
GREY = RGBColor(0x3D, 0x47, 0x4D)
HEADER_FILL = "DCEBE8"
ROW_HEIGHT = Cm(1.1)
LINE_HEIGHT = Cm(0.75)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def render_plan_docx(
    content: Content,
    setting: str,
    doc_lang: str,
    *,
    site_url: str,
    school: str | None = None,
    year: str | None = None,
    created: datetime | None = None,
) -> bytes:
    """The plan template for one setting in `doc_lang` ('en', 'cy' or 'bilingual'), its facts written out."""
    content = content_with_facts(content)  # the same object when they already are (the build's outputs)
    plan = content.plan
    if plan is None:
        raise ValueError("the content has no plan template (plans/plan.yml)")
    if setting not in plan.settings:
        raise ValueError(f"no plan template for the setting {setting!r}")
    writer = _PlanDocument(content, plan, setting, doc_lang, site_url)
    writer.write(school, year)
    writer.properties(
        school, year, created or datetime(plan.updated.year, plan.updated.month, plan.updated.day, tzinfo=UTC)
    )
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same parts with a fixed date: python-docx stamps each part with the time of saving."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in src.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            stable.compress_type = zipfile.ZIP_DEFLATED
            stable.external_attr = 0o644 << 16
            dest.writestr(stable, src.read(info.filename))
    return out.getvalue()


def _set_lang(rPr, locale: str) -> None:
    """Set `w:lang` on run properties, in its schema position."""
    for old in rPr.findall(qn("w:lang")):
        rPr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), locale)
    lang.set(qn("w:eastAsia"), locale)
    rPr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _set_font(rPr) -> None:
    """Replace theme fonts (Calibri/Cambria, often missing) by one explicit font."""
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rPr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


class _PlanDocument:
    def __init__(self, content: Content, plan: PlanTemplate, setting: str, doc_lang: str, site_url: str):
        self.content, self.plan, self.setting, self.doc_lang, self.site_url = content, plan, setting, doc_lang, site_url
        self.langs = languages(doc_lang)
        self.doc = Document()
        self.draft = False  # any Welsh text used is a draft translation
        self.sections = plan.sections_for(setting)
        self.controls = 0
        self._styles()
        self._page(self.doc.sections[0], landscape=False)

    # --- words ------------------------------------------------------------------------------

    def label(self, key: str) -> Text:
        return self.plan.label(key)

    def _note(self, text: Text) -> None:
        if any(text.is_draft(lang) for lang in self.langs):
            self.draft = True

    def run(
        self,
        paragraph,
        value: str,
        lang: str,
        *,
        bold: bool | None = None,
        italic: bool | None = None,
        colour: RGBColor | None = None,
    ):
        run = paragraph.add_run(value)
        if bold is not None:
            run.bold = bold
        if italic is not None:
            run.italic = italic
        if colour is not None:
            run.font.color.rgb = colour
        _set_lang(run._r.get_or_add_rPr(), LOCALES[lang])
        return run

    def text(self, paragraph, text: Text, *, sep: str = "break", bold: bool | None = None, prefix: str = "") -> None:
        """A text in the document's languages inside one paragraph (bilingual: Welsh, then English).

        `prefix` (a section's number) goes before the first language only.
        """
        self._note(text)
        for i, lang in enumerate(self.langs):
            if i:
                if sep == "break":
                    paragraph.add_run().add_break(WD_BREAK.LINE)
                else:
                    self.run(paragraph, sep, lang)
            second = i > 0 and sep == "break"
            self.run(
                paragraph,
                ("" if i else prefix) + text.best(lang),
                lang,
                bold=bold,
                italic=True if second else None,
                colour=GREY if second else None,
            )

    def para(self, style_id: str | None = None):
        """A new paragraph; the style is set by id, as python-docx's lookup by name is slow."""
        paragraph = self.doc.add_paragraph()
        if style_id:
            paragraph._p.style = style_id
        return paragraph

    def heading(self, text: Text, level: int, *, number: int | None = None, page_break: bool = False):
        paragraph = self.para(f"Heading{level}")
        paragraph.paragraph_format.page_break_before = page_break
        self.text(paragraph, text, sep=" / ", prefix=f"{number}. " if number else "")
        return paragraph

    def paragraphs(self, text: Text) -> None:
        """Running text: one paragraph per language, the second in grey italics."""
        self._note(text)
        for i, lang in enumerate(self.langs):
            for chunk in [c for c in text.best(lang).split("\n\n") if c.strip()]:
                paragraph = self.doc.add_paragraph()
                self.run(
                    paragraph, " ".join(chunk.split()), lang, italic=True if i else None, colour=GREY if i else None
                )

    def bullets(self, texts: list[Text]) -> None:
        for text in texts:
            self.text(self.para("ListBullet"), text)

    def hyperlink(self, paragraph, url: str, value: str, lang: str, *, second: bool = False) -> None:
        rel = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel)
        run = OxmlElement("w:r")
        rPr = run.get_or_add_rPr()
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        rPr.append(style)
        if second:
            rPr.append(OxmlElement("w:i"))
        _set_lang(rPr, LOCALES[lang])
        t = OxmlElement("w:t")
        t.text = value
        t.set(qn("xml:space"), "preserve")
        run.append(t)
        link.append(run)
        paragraph._p.append(link)

    def link_item(self, link: Link, paragraph=None) -> None:
        paragraph = paragraph or self.para("ListBullet")
        self._note(link.label)
        for i, lang in enumerate(self.langs):
            if i:
                paragraph.add_run().add_break(WD_BREAK.LINE)
            self.hyperlink(paragraph, link.url(self.site_url, lang), link.label.best(lang), lang, second=i > 0)

    # --- layout -----------------------------------------------------------------------------

    def _styles(self) -> None:
        styles = self.doc.styles
        root = styles.element
        defaults = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_font(defaults)
        _set_lang(defaults, LOCALES[self.langs[0]])  # the document's language, for text typed in later
        sizes = {"Normal": 11, "Title": 26, "Heading 1": 18, "Heading 2": 14, "Heading 3": 12, "List Bullet": 11}
        for name, size in sizes.items():
            style = styles[name]
            rPr = style.element.get_or_add_rPr()
            _set_font(rPr)
            _set_lang(rPr, LOCALES[self.langs[0]])
            style.font.size = Pt(size)
            if name.startswith(("Heading", "Title")):
                style.font.color.rgb = GREEN
        for border in styles["Title"].element.iter(qn("w:bottom")):  # the template's rule is theme blue
            border.set(qn("w:color"), str(GREEN))
            border.attrib.pop(qn("w:themeColor"), None)
        styles["Normal"].paragraph_format.space_after = Pt(6)
        styles["Normal"].paragraph_format.line_spacing = 1.15
        styles["Heading 1"].paragraph_format.space_before = Pt(0)
        styles["Heading 1"].paragraph_format.space_after = Pt(6)
        styles["Heading 2"].paragraph_format.space_before = Pt(14)
        styles["Heading 2"].paragraph_format.space_after = Pt(4)
        styles["Heading 3"].paragraph_format.space_before = Pt(10)
        styles["Heading 3"].paragraph_format.space_after = Pt(2)
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = GREEN
        link.font.underline = True
        # Without this Word trusts the template's "already checked" flag and skips Welsh spelling.
        settings = self.doc.settings.element
        for proof in settings.findall(qn("w:proofState")):
            settings.remove(proof)
        for theme_lang in settings.findall(qn("w:themeFontLang")):
            theme_lang.set(qn("w:val"), LOCALES[self.langs[0]])

    def _page(self, section, *, landscape: bool) -> None:
        short, long = Cm(21.0), Cm(29.7)  # A4
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.0))
        section.footer_distance = Cm(1.0)

    def _footer(self) -> None:
        paragraph = self.doc.sections[0].footer.paragraphs[0]
        setting = self.content.frameworks.settings.term(self.setting).label
        for i, lang in enumerate(self.langs):
            if i:
                self.run(paragraph, " / ", lang, colour=GREY)
            self.run(paragraph, f"{self.plan.title.best(lang)} · {setting.best(lang)}", lang, colour=GREY)
        lang = self.langs[0]
        self.run(paragraph, f" · {self.label('page').best(lang)} ", lang, colour=GREY)
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        number = OxmlElement("w:r")
        _set_lang(number.get_or_add_rPr(), LOCALES[lang])
        t = OxmlElement("w:t")
        t.text = "1"
        number.append(t)
        field.append(number)
        paragraph._p.append(field)
        for run in paragraph.runs:
            run.font.size = Pt(9)

    def _repeat_header(self, row) -> None:
        trPr = row._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        trPr.append(header)

    def _caption(self, table, text: Text) -> None:
        """The table's title for screen readers (Word's "Alt Text" title)."""
        caption = OxmlElement("w:tblCaption")
        caption.set(qn("w:val"), " / ".join(text.best(lang) for lang in self.langs))
        table._tbl.tblPr.append(caption)

    def _grid(self, rows: int, cols: int):
        """A bordered table with a little room above and below the writing in each cell."""
        grid = self.doc.add_table(rows=rows, cols=cols)
        tblPr = grid._tbl.tblPr
        tblPr.style = "TableGrid"
        margins = OxmlElement("w:tblCellMar")
        for side, width in (("top", 57), ("left", 108), ("bottom", 57), ("right", 108)):  # twips: 0.1 cm, 0.19 cm
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:w"), str(width))
            edge.set(qn("w:type"), "dxa")
            margins.append(edge)
        tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
        return grid

    def control(self, cell, field: PlanField, value: str | None = None) -> None:
        """Make the cell's paragraph a tagged content control (rich text, so answers may run to paragraphs)."""
        paragraph = cell.paragraphs[0]
        if value:
            self.run(paragraph, value, self.langs[0])
        self.controls += 1
        sdt, properties, content = OxmlElement("w:sdt"), OxmlElement("w:sdtPr"), OxmlElement("w:sdtContent")
        label = field.label
        if field.row is not None:
            en, cy = (f"{field.row.best(lang)}: {field.label.best(lang)}" for lang in ("en", "cy"))
            label = Text(en, cy)
        for name, val in (
            ("w:alias", " / ".join(label.best(lang) for lang in self.langs)),
            ("w:tag", field.tag),
            ("w:id", str(self.controls)),
        ):
            element = OxmlElement(name)
            element.set(qn("w:val"), val)
            properties.append(element)
        sdt.append(properties)
        sdt.append(content)
        paragraph._p.addprevious(sdt)
        content.append(paragraph._p)

    def _shade(self, cell) -> None:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)

    def table(self, table: PlanTable) -> None:
        columns = len(table.columns)
        grid = self._grid(1 + table.row_count, columns)
        section = self.doc.sections[-1]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        assert width is not None and left is not None and right is not None  # _page sets them on every section
        usable = width - left - right
        grid.autofit = False
        for column, share in zip(grid.columns, table.column_shares(), strict=True):
            column.width = int(usable * share)
            for cell in column.cells:  # Word reads the cells' widths, LibreOffice the grid's
                cell.width = int(usable * share)
        self._caption(grid, table.title)
        header = grid.rows[0]
        self._repeat_header(header)
        for cell, column in zip(header.cells, table.columns, strict=True):
            self._shade(cell)
            self.text(cell.paragraphs[0], column, bold=True)
        for i, (row, fields) in enumerate(zip(grid.rows[1:], table_fields(table), strict=True)):
            row.height, row.height_rule = ROW_HEIGHT, WD_ROW_HEIGHT_RULE.AT_LEAST
            cant_split = OxmlElement("w:cantSplit")
            row._tr.get_or_add_trPr().append(cant_split)
            if i < len(table.rows):
                self.text(row.cells[0].paragraphs[0], table.rows[i], bold=True)
            for cell, field in zip(row.cells[len(row.cells) - len(fields) :], fields, strict=True):
                self.control(cell, field)
        self.doc.add_paragraph()

    def notes_box(self, section: PlanSection) -> None:
        """A bordered box to write in (a one-cell table: it prints, and Word lets you type inside)."""
        box = self._grid(1, 1)
        self._caption(box, self.label("your_notes"))
        row = box.rows[0]
        row.height, row.height_rule = LINE_HEIGHT * section.notes_lines, WD_ROW_HEIGHT_RULE.AT_LEAST
        self.control(row.cells[0], PlanField(notes_tag(section), self.label("your_notes"), "answer"))
        self.doc.add_paragraph()

    # --- the document -----------------------------------------------------------------------

    def write(self, school: str | None, year: str | None) -> None:
        self._footer()
        self.title_page(school, year)
        landscape = False
        for number, section in enumerate(self.sections, start=1):
            wants = any(t.landscape for t in section.tables_for(self.setting))
            if wants != landscape:
                self._page(self.doc.add_section(WD_SECTION.NEW_PAGE), landscape=wants)
                landscape = wants
                self.section(number, section, page_break=False)
            else:
                self.section(number, section, page_break=True)

    def title_page(self, school: str | None, year: str | None) -> None:
        title = self.para("Title")
        self.text(title, self.plan.title)
        subtitle = self.doc.add_paragraph()
        setting = self.content.frameworks.settings.term(self.setting).label
        en, cy = (f"{self.label('setting').best(lang)}: {setting.best(lang)}" for lang in ("en", "cy"))
        self.text(subtitle, Text(en, cy, setting.en_status, setting.cy_status), bold=True)
        for run in subtitle.runs:
            run.font.size = Pt(16)
        if school or year:
            named = self.doc.add_paragraph()
            lang = self.langs[0]
            self.run(named, " · ".join(v for v in (school, year) if v), lang, bold=True).font.size = Pt(20)
        fields = self.plan.title_fields_for(self.setting)
        grid = self._grid(len(fields), 2)
        self._caption(grid, self.plan.title)
        values = {"school": school, "year": year}
        for row, field in zip(grid.rows, fields, strict=True):
            row.height, row.height_rule = ROW_HEIGHT, WD_ROW_HEIGHT_RULE.AT_LEAST
            self._shade(row.cells[0])
            self.text(row.cells[0].paragraphs[0], field.label, bold=True)
            self.control(
                row.cells[1], PlanField(title_tag(field.id), field.label, "name"), values.get(field.fill or "")
            )
        self.doc.add_paragraph()
        self.paragraphs(self.plan.intro)
        after_intro = self.heading(self.label("how_to_use_title"), 1, page_break=True)
        for text in self.plan.how_to_use:
            self.paragraphs(text)
        self.heading(self.label("in_this_plan"), 2)
        for number, section in enumerate(self.sections, start=1):
            entry = self.para()
            entry.paragraph_format.left_indent = Cm(0.5)
            entry.paragraph_format.space_after = Pt(2)
            self.text(entry, section.title, prefix=f"{number}. ", sep=" / ")
        self._notice_before = after_intro

    def section(self, number: int, section: PlanSection, *, page_break: bool) -> None:
        self.heading(section.title, 1, number=number, page_break=page_break)
        self.paragraphs(section.purpose)
        self.heading(self.label("guiding_questions"), 2)
        self.bullets([q.text for q in section.questions_for(self.setting)])
        examples = section.examples_for(self.setting)
        if examples:
            self.heading(self.label("examples"), 2)
            self.bullets([e.text for e in examples])
        self.see_also(section)
        for table in section.tables_for(self.setting):
            self.heading(table.title, 2)
            if table.note:
                self.paragraphs(table.note)
            self.table(table)
        if section.notes_lines:
            self.heading(self.label("your_notes"), 2)
            self.notes_box(section)

    def see_also(self, section: PlanSection) -> None:
        links = section_links(
            self.content, section, self.setting, self.label("statement_number"), self.label("all_case_studies")
        )
        self.heading(self.label("see_also"), 2)
        for key, found in (
            ("entitlement_statements", links.entitlement),
            ("hallmarks", links.hallmarks),
            ("characteristics", links.characteristics),
        ):
            if found:
                self.heading(self.label(key), 3)
                for link in found:
                    self.link_item(link)
        self.heading(self.label("case_studies"), 3)
        if links.case_studies:
            for link in links.case_studies:
                self.link_item(link)
        else:
            self.paragraphs(self.label("no_case_study"))
        self.link_item(links.catalogue, self.doc.add_paragraph())

    def properties(self, school: str | None, year: str | None, when: datetime) -> None:
        if self.draft:
            self.text(self._notice_before.insert_paragraph_before(), self.label("draft_notice"))
        setting = self.content.frameworks.settings.term(self.setting).label
        both = " / ".join
        title = both(self.plan.title.best(lang) for lang in self.langs)
        props = self.doc.core_properties
        props.title = (
            f"{title} — {school}" if school else f"{title} — {both(setting.best(lang) for lang in self.langs)}"
        )
        props.subject = both(setting.best(lang) for lang in self.langs) + (f" · {year}" if year else "")
        props.language = LOCALES[self.langs[0]]
        props.author = school or title
        props.last_modified_by = school or title
        props.keywords = "; ".join(
            dict.fromkeys(
                [self.plan.title.best(lang) for lang in self.langs] + [setting.best(lang) for lang in self.langs]
            )
        )
        props.category = self.plan.label("language_" + self.doc_lang).best(self.langs[0])
        props.comments = ""
        props.revision = 1
        props.created = props.modified = when.replace(microsecond=0)
