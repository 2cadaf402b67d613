"""A plan as a Word document (.docx): model in, bytes out.

Two kinds of document from the same parts: the **template** (`guidance=True`: the downloads, and "Make
your plan" when a school asks for a working draft) gives each part its purpose, guiding questions,
examples and links; the **plan** (`guidance=False`: what "Make your plan" downloads by default) is what a
school circulates — the title page, each part's heading, its answers and its tables, nothing else.

What schools need from the file, and why it is built this way:
- real Heading 1–3 styles, so Word's navigation pane and screen readers see the structure;
- every run carries its language (`w:lang` cy-GB / en-GB), and so do the styles' defaults, so
  spelling, hyphenation and speech work in Welsh; a bilingual document (Welsh first) marks each run;
- tables repeat their header row on every page (`w:tblHeader`) and leave rows and boxes to write in;
- every place a school writes (title-page lines, table cells, notes boxes) is a content control
  (`w:sdt`, block-level, tagged with `plan_view.PlanField.tag`): a form in Word and LibreOffice,
  and what the "Make your plan" page fills in the browser (the one list of tags: `plan_fields`);
- a column to tick is a Word check box content control (`w14:checkbox`), not a box to write "✓" in;
- no column is narrower than its heading's longest word (`text_width`), so no heading breaks mid-word;
  headings keep with what follows, table rows never split;
- the package holds only what the document uses: its own properties (title, subject, language, the
  site as author), no python-docx leftovers (a blank thumbnail, an empty bibliography, styles never
  used, "Microsoft Macintosh Word");
- links go to the site's case studies and frameworks (absolute URLs from `site_url`);
- the draft-translation notice where a text the document shows is a draft in Welsh: noted as each text is
  written (`render.drafts`), so it follows what the document holds, not a list kept beside it;
- the bytes depend only on the inputs (fixed dates inside the zip), so an unchanged template is
  not rewritten and a build never churns.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from ..model import Content, Language, Text
from ..model.plan import LOCALES, PlanSection, PlanTable, PlanTemplate
from .drafts import Drafts
from .facts import content_with_facts
from .links import Link
from .plan_view import (
    PlanField,
    languages,
    notes_field,
    section_links,
    table_fields,
    title_tag,
)
from .text_width import longest_word_cm

FONT = "Arial"  # on every Windows, Mac and LibreOffice (as Liberation Sans); has ŵ and ŷ
GREEN = RGBColor(0x00, 0x59, 0x4F)  # the site's primary colour, 7.9:1 on white
GREY = RGBColor(0x3D, 0x47, 0x4D)
HEADER_FILL = "DCEBE8"
ROW_HEIGHT = Cm(1.1)
LANDSCAPE_ROW_HEIGHT = Cm(0.9)  # the action plan's ten rows and its headings on one landscape page
LINE_HEIGHT = Cm(0.75)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
TABLE_TEXT_PT = 11  # the Normal style's size, which table cells use
CELL_MARGIN = Cm(0.19)  # left and right, inside each cell (_grid)
WORD_SLACK = 1.06  # a word's measured width, and a little more for the renderers' rounding
# Word's own check box glyphs and font (LibreOffice uses a font that has them where it has not this one)
TICK_FONT, TICKED, UNTICKED = "MS Gothic", "\u2612", "\u2610"


@dataclass(frozen=True)
class PlanDocument:
    """A document as written: its bytes, and the languages in which a text it shows is a draft (its Welsh
    shows the draft-translation notice where "cy" is one; "Make your plan" prints the notice from this too)."""

    data: bytes
    drafts: frozenset[Language]


def write_plan_docx(
    content: Content,
    setting: str,
    doc_lang: str,
    *,
    site_url: str,
    guidance: bool = True,
    school: str | None = None,
    year: str | None = None,
    created: datetime | None = None,
) -> PlanDocument:
    """The plan for one setting in `doc_lang` ('en', 'cy' or 'bilingual'): the template with its guidance, or
    (`guidance=False`) the school's plan alone; its bytes, and what it showed that is a draft (`.data` for the file)."""
    content = content_with_facts(content)  # the same object when they already are (the build's outputs)
    plan = content.plan
    if plan is None:
        raise ValueError("the content has no plan template (plans/plan.yml)")
    if setting not in plan.settings:
        raise ValueError(f"no plan template for the setting {setting!r}")
    writer = _PlanDocument(content, plan, setting, doc_lang, site_url, guidance)
    writer.write(school, year)
    writer.draft_notice()
    writer.properties(
        school, year, created or datetime(plan.updated.year, plan.updated.month, plan.updated.day, tzinfo=UTC)
    )
    writer.tidy()
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    data = _stable_zip(buffer.getvalue(), _app_properties(plan.label("document_author").best(writer.langs[0])))
    return PlanDocument(data, frozenset(writer.drafts.languages))


# python-docx's default template brings parts a plan does not use: dropped with their relationships.
_UNUSED_PARTS = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",  # a blank picture
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",  # an empty bibliography
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",  # Word 2010's copy of the styles
)
APP_XML = "docProps/app.xml"


def _app_properties(application: str) -> bytes:
    """docProps/app.xml naming the site, not the template's "Microsoft Macintosh Word" (and none of its
    counts, which were of an empty document)."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}Properties")
    for name, value in (("Application", application), ("DocSecurity", "0"), ("SharedDoc", "false")):
        ET.SubElement(root, f"{{{ns}}}{name}").text = value
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' + ET.tostring(root, encoding="utf-8")


def _stable_zip(data: bytes, app_xml: bytes) -> bytes:
    """The same parts with a fixed date (python-docx stamps each part with the time of saving) and our
    own app.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in src.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            stable.compress_type = zipfile.ZIP_DEFLATED
            stable.external_attr = 0o644 << 16
            dest.writestr(stable, app_xml if info.filename == APP_XML else src.read(info.filename))
    return out.getvalue()


def column_widths(shares: list[float], needs: list[float], usable: float) -> list[float]:
    """Each column's width: its share of `usable`, but never less than it `needs` (its longest word);
    what a wide word takes is taken from the other columns, in proportion to their shares."""
    fixed: dict[int, float] = {}
    while True:
        free = usable - sum(fixed.values())
        rest = sum(share for i, share in enumerate(shares) if i not in fixed)
        widths = [fixed.get(i, free * share / rest if rest else 0.0) for i, share in enumerate(shares)]
        short = [i for i, width in enumerate(widths) if i not in fixed and width < needs[i]]
        if not short:
            return widths
        for i in short:
            fixed[i] = needs[i]
        if len(fixed) == len(shares):  # nothing can give way: every column as wide as it needs
            return [needs[i] for i in range(len(shares))]


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


KEEP_WHOLE_ROWS = 8  # a table of up to this many rows to write in is kept on one page


def _keep_together(table) -> None:
    """Keep a table on one page where it fits (every row's paragraphs keep with the next row, as Word
    does it), so no page starts with a repeated header row and a row or two. A longer table (the
    landscape action plan) may break, but its header row keeps with its first row, so its headings
    are never left alone at the foot of a page."""
    rows = table.rows[:-1] if len(table.rows) <= 1 + KEEP_WHOLE_ROWS else table.rows[:2]
    for row in rows:
        for paragraph in row._tr.iter(qn("w:p")):
            paragraph.get_or_add_pPr().insert_element_before(
                OxmlElement("w:keepNext"),
                *("w:" + tag for tag in ("keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr")),
                *("w:" + tag for tag in ("suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens")),
                *("w:" + tag for tag in ("spacing", "ind", "jc", "rPr", "sectPr", "pPrChange")),
            )


class _PlanDocument:
    def __init__(
        self, content: Content, plan: PlanTemplate, setting: str, doc_lang: str, site_url: str, guidance: bool
    ):
        self.content, self.plan, self.setting, self.doc_lang, self.site_url = content, plan, setting, doc_lang, site_url
        self.guidance = guidance
        self.langs = languages(doc_lang)
        self.doc = Document()
        # Every text the document shows is resolved through `said`, which notes the drafts among them: the notice
        # follows from what was written (`draft_notice`). All of it counts, the plan's own labels too ("Guiding
        # questions", "Setting"): unlike a page's interface, they are the document's headings, which a school
        # prints and circulates as its plan's. Its properties (title, author) are metadata, not counted.
        self.drafts = Drafts()
        self.sections = plan.sections_for(setting)
        self.controls = 0
        self._styles()
        self._page(self.doc.sections[0], landscape=False)

    # --- words ------------------------------------------------------------------------------

    def label(self, key: str) -> Text:
        return self.plan.label(key)

    def said(self, text: Text, lang: Language) -> str:
        """A text as the document writes it in `lang`, noted if it is a draft there."""
        return self.drafts.best(text, lang)

    def run(
        self,
        paragraph,
        value: str,
        lang: Language,
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
        self.line(paragraph, {lang: self.said(text, lang) for lang in self.langs}, sep=sep, bold=bold, prefix=prefix)

    def line(
        self, paragraph, said: dict[Language, str], *, sep: str = "break", bold: bool | None = None, prefix: str = ""
    ) -> None:
        """What `text` writes, from each language's words as said (noted already, or the notice, which is not)."""
        for i, lang in enumerate(self.langs):
            if i:
                if sep == "break":
                    paragraph.add_run().add_break(WD_BREAK.LINE)
                else:
                    self.run(paragraph, sep, lang)
            second = i > 0 and sep == "break"
            self.run(
                paragraph,
                ("" if i else prefix) + said[lang],
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
        for i, lang in enumerate(self.langs):
            for chunk in [c for c in self.said(text, lang).split("\n\n") if c.strip()]:
                paragraph = self.doc.add_paragraph()
                self.run(
                    paragraph, " ".join(chunk.split()), lang, italic=True if i else None, colour=GREY if i else None
                )

    def bullets(self, texts: list[Text]) -> None:
        for text in texts:
            self.text(self.para("ListBullet"), text)

    def hyperlink(self, paragraph, url: str, value: str, lang: Language, *, second: bool = False) -> None:
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
        for i, lang in enumerate(self.langs):
            if i:
                paragraph.add_run().add_break(WD_BREAK.LINE)
            self.hyperlink(paragraph, link.url(self.site_url, lang), self.said(link.label, lang), lang, second=i > 0)

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
        # Parts run on, one after another (a part's box is never left alone on a page): room above each.
        styles["Heading 1"].paragraph_format.space_before = Pt(24)
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
            self.run(paragraph, f"{self.said(self.plan.title, lang)} · {self.said(setting, lang)}", lang, colour=GREY)
        lang = self.langs[0]
        self.run(paragraph, f" · {self.said(self.label('page'), lang)} ", lang, colour=GREY)
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
        caption.set(qn("w:val"), " / ".join(self.said(text, lang) for lang in self.langs))
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

    def _sdt_properties(self, field: PlanField):
        """A content control's properties: its name in the document's languages (what Word shows and a
        screen reader says), its tag (what "Make your plan" fills) and a number."""
        self.controls += 1
        properties = OxmlElement("w:sdtPr")
        row = field.row
        names = (
            (f"{self.said(row, lang)}: " if row is not None else "") + self.said(field.label, lang)
            for lang in self.langs
        )
        for name, val in (
            ("w:alias", " / ".join(names)),
            ("w:tag", field.tag),
            ("w:id", str(self.controls)),
        ):
            element = OxmlElement(name)
            element.set(qn("w:val"), val)
            properties.append(element)
        return properties

    def control(self, paragraph, field: PlanField, value: str | None = None) -> None:
        """Make a paragraph a tagged content control (rich text, so answers may run to paragraphs)."""
        if value:
            self.run(paragraph, value, self.langs[0])
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        sdt.append(self._sdt_properties(field))
        sdt.append(content)
        paragraph._p.addprevious(sdt)
        content.append(paragraph._p)

    def tick_box(self, paragraph, field: PlanField) -> None:
        """A check box content control (Word 2010's `w14:checkbox`), inline in the cell's paragraph."""
        properties = self._sdt_properties(field)
        box = OxmlElement("w14:checkbox")
        checked = OxmlElement("w14:checked")
        checked.set(qn("w14:val"), "0")
        box.append(checked)
        for state, glyph in (("checkedState", TICKED), ("uncheckedState", UNTICKED)):
            element = OxmlElement(f"w14:{state}")
            element.set(qn("w14:val"), f"{ord(glyph):04X}")
            element.set(qn("w14:font"), TICK_FONT)
            box.append(element)
        properties.append(box)
        run = self.run(paragraph, UNTICKED, self.langs[0])
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            fonts.set(qn(attr), TICK_FONT)
        fonts.set(qn("w:hint"), "eastAsia")
        run._r.get_or_add_rPr().insert(0, fonts)
        run.font.size = Pt(14)
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        sdt.append(properties)
        sdt.append(content)
        run._r.addprevious(sdt)
        content.append(run._r)

    def _shade(self, cell) -> None:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)

    def widths(self, table: PlanTable, usable: int) -> list[int]:
        """The columns' widths (EMU): their shares, but none narrower than its heading's longest word in
        any of the document's languages (and, in the first column, the rows' labels): a word is never
        broken across lines, in Word or in LibreOffice."""
        labels = [[column] for column in table.columns]
        labels[0] += list(table.rows)
        needs = [
            max(longest_word_cm(text.best(lang), TABLE_TEXT_PT) for text in texts for lang in self.langs) * WORD_SLACK
            for texts in labels
        ]
        margins = 2 * CELL_MARGIN
        return [
            int(width) for width in column_widths(table.column_shares(), [Cm(need) + margins for need in needs], usable)
        ]

    def table(self, table: PlanTable) -> None:
        grid = self._grid(1 + table.row_count, len(table.columns))
        section = self.doc.sections[-1]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        assert width is not None and left is not None and right is not None  # _page sets them on every section
        grid.autofit = False
        usable = width - left - right
        for column, share in zip(grid.columns, self.widths(table, usable), strict=True):
            column.width = Emu(share)
            for cell in column.cells:  # Word reads the cells' widths, LibreOffice the grid's
                cell.width = Emu(share)
        self._caption(grid, table.title)
        header = grid.rows[0]
        self._repeat_header(header)
        header._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, column in zip(header.cells, table.columns, strict=True):
            self._shade(cell)
            self.text(cell.paragraphs[0], column, bold=True)
        for i, (row, fields) in enumerate(zip(grid.rows[1:], table_fields(table), strict=True)):
            row.height = LANDSCAPE_ROW_HEIGHT if table.landscape else ROW_HEIGHT
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            if i < len(table.rows):
                self.text(row.cells[0].paragraphs[0], table.rows[i], bold=True)
            for cell, field in zip(row.cells[len(row.cells) - len(fields) :], fields, strict=True):
                if field.kind == "tick":
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                    self.tick_box(cell.paragraphs[0], field)
                else:
                    self.control(cell.paragraphs[0], field)
        _keep_together(grid)

    def notes_box(self, field: PlanField) -> None:
        """The template's box to write in (a one-cell table: it prints, and Word lets you type inside)."""
        box = self._grid(1, 1)
        self._caption(box, self.label("your_notes"))
        row = box.rows[0]
        row.height, row.height_rule = LINE_HEIGHT * field.lines, WD_ROW_HEIGHT_RULE.AT_LEAST
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        self.control(row.cells[0].paragraphs[0], field)

    # --- the document -----------------------------------------------------------------------

    def write(self, school: str | None, year: str | None) -> None:
        self._footer()
        self.title_page(school, year)
        if self.guidance:
            self.how_to_use()
        landscape = False
        for number, section in enumerate(self.sections, start=1):
            wants = any(t.landscape for t in section.tables_for(self.setting))
            if wants != landscape:
                self._page(self.doc.add_section(WD_SECTION.NEW_PAGE), landscape=wants)
                landscape = wants
                self.section(number, section, page_break=False)
            else:
                # The first part starts a page (after the title page, or the template's how-to-use page);
                # the others run on, so no page holds a box alone.
                self.section(number, section, page_break=number == 1)
        self.end = self.doc.add_paragraph()  # a table may not end the document; the draft notice goes here

    def title_page(self, school: str | None, year: str | None) -> None:
        """The title, the setting, and the title page's lines (school, year, …) to fill in. Nothing else:
        what the template is and how to use it is guidance (`how_to_use`)."""
        title = self.para("Title")
        self.text(title, self.plan.title)
        subtitle = self.doc.add_paragraph()
        setting = self.content.frameworks.settings.term(self.setting).label
        said = {lang: f"{self.said(self.label('setting'), lang)}: {self.said(setting, lang)}" for lang in self.langs}
        self.line(subtitle, said, bold=True)
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
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            self._shade(row.cells[0])
            self.text(row.cells[0].paragraphs[0], field.label, bold=True)
            self.control(
                row.cells[1].paragraphs[0],
                PlanField(title_tag(field.id), field.label, "name"),
                values.get(field.fill or ""),
            )

    def how_to_use(self) -> None:
        """The template's own page: what it is, how to use it, the draft notice (where the Welsh is a
        draft) and the parts in it."""
        self.heading(self.label("how_to_use_title"), 1, page_break=True)
        self.paragraphs(self.plan.intro)
        for text in self.plan.how_to_use:
            self.paragraphs(text)
        self._notice_before = self.heading(self.label("in_this_plan"), 2)
        for number, section in enumerate(self.sections, start=1):
            entry = self.para()
            entry.paragraph_format.left_indent = Cm(0.5)
            entry.paragraph_format.space_after = Pt(2)
            self.text(entry, section.title, prefix=f"{number}. ", sep=" / ")

    def section(self, number: int, section: PlanSection, *, page_break: bool) -> None:
        self.heading(section.title, 1, number=number, page_break=page_break)
        if self.guidance:
            self.paragraphs(section.purpose)
            self.heading(self.label("guiding_questions"), 2)
            self.bullets([q.text for q in section.questions_for(self.setting)])
            examples = section.examples_for(self.setting)
            if examples:
                self.heading(self.label("examples"), 2)
                self.bullets([e.text for e in examples])
            self.see_also(section)
        notes = notes_field(self.plan, section)
        if notes and self.guidance:
            self.heading(self.label("your_notes"), 2)
            self.notes_box(notes)
        elif notes:  # the plan: the part's own text follows its heading, as running text
            paragraph = self.doc.add_paragraph()
            paragraph.paragraph_format.keep_with_next = True  # while empty, the heading stays with what follows
            self.control(paragraph, notes)
        for table in section.tables_for(self.setting):
            self.heading(table.title, 2)
            if table.note and self.guidance:
                self.paragraphs(table.note)
            self.table(table)

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

    def draft_notice(self) -> None:
        """Once the document is written: where a text it shows is a draft in Welsh, the notice that says so (in
        each of its languages). Only Welsh: the notice speaks of the Welsh text, so an English document never
        has it. Never on the title page: with the guidance, before the list of parts; in a plan, at its end."""
        if Language.CY not in self.drafts:
            return
        notice = self._notice_before.insert_paragraph_before() if self.guidance else self.end
        words = self.label("draft_notice" if self.guidance else "draft_notice_plan")
        self.line(notice, {lang: words.best(lang) for lang in self.langs})
        for run in notice.runs:
            run.font.size = Pt(9)
            run.font.color.rgb = GREY

    def properties(self, school: str | None, year: str | None, when: datetime) -> None:
        setting = self.content.frameworks.settings.term(self.setting).label
        both = " / ".join
        title = both(self.plan.title.best(lang) for lang in self.langs)
        props = self.doc.core_properties
        props.title = (
            f"{title} — {school}" if school else f"{title} — {both(setting.best(lang) for lang in self.langs)}"
        )
        props.subject = both(setting.best(lang) for lang in self.langs) + (f" · {year}" if year else "")
        props.language = LOCALES[self.langs[0]]
        props.author = props.last_modified_by = both(self.label("document_author").best(lang) for lang in self.langs)
        props.keywords = "; ".join(
            dict.fromkeys(
                [self.plan.title.best(lang) for lang in self.langs] + [setting.best(lang) for lang in self.langs]
            )
        )
        props.category = self.plan.label("language_" + self.doc_lang).best(self.langs[0])
        props.comments = ""
        props.identifier = self.site_url
        props.revision = 1
        props.created = props.modified = when.replace(microsecond=0)

    def tidy(self) -> None:
        """Leave out of the package what python-docx's template brings and the document does not use:
        parts (`_UNUSED_PARTS`) and styles (about 160 of them, 350 KB of XML)."""
        package = self.doc.part.package
        for owner in (package, self.doc.part):
            for rel_id, rel in list(owner.rels.items()):
                if rel.reltype in _UNUSED_PARTS:
                    owner.rels.pop(rel_id)
        used = {"Normal"}
        for part in (self.doc.part, *(s.footer.part for s in self.doc.sections)):
            for element in part.element.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle")):
                used.add(element.get(qn("w:val")))
        styles = self.doc.styles.element
        by_id = {style.get(qn("w:styleId")): style for style in styles.iter(qn("w:style"))}
        wanted, queue = set(), [*used, *(i for i, style in by_id.items() if style.get(qn("w:default")) == "1")]
        while queue:  # a style needs the ones it is based on, links to and is followed by
            style_id = queue.pop()
            if style_id in wanted or style_id not in by_id:
                continue
            wanted.add(style_id)
            for ref in ("w:basedOn", "w:link", "w:next"):
                element = by_id[style_id].find(qn(ref))
                if element is not None:
                    queue.append(element.get(qn("w:val")))
        for style_id, style in by_id.items():
            if style_id not in wanted:
                styles.remove(style)
