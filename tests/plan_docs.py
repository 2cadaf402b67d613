"""What the plan tests share: the documents as the browser gets them (the packs), LibreOffice's PDF of a
document with its page count and words, and how wide a word prints (read from the font LibreOffice
prints with, independently of the renderer's own table in `lpl.render.text_width`)."""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections import Counter
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lpl.render.plan_view import pack_name

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
BOLD_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")  # fonts-dejavu-core (.ci/run)


# --- The packs "Make your plan" fetches ------------------------------------------------------------


def read_pack(site: Path, setting: str) -> dict:
    script = (site / "downloads" / pack_name(setting)).read_text(encoding="ascii")
    return json.loads(script[script.index("= {") + 2 : script.rindex(";")])


def document_from_pack(pack: dict, name: str) -> bytes:
    """The .docx the browser would zip from the pack, unfilled."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for part, key in pack["documents"][name]:
            z.writestr(part, zlib.decompress(base64.b64decode(pack["parts"][key]), -15))
    return out.getvalue()


# --- LibreOffice --------------------------------------------------------------------------------------


def to_pdf(documents: dict[str, bytes], folder: Path) -> dict[str, Path]:
    """Each document converted by LibreOffice (its own profile, so one running elsewhere does not
    swallow the conversion), by name; skips the test where LibreOffice is missing."""
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui (.ci/run does)")
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in documents.items():
        (folder / name).write_bytes(data)
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *documents,
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    pdfs = {name: folder / name.replace(".docx", ".pdf") for name in documents}
    for pdf in pdfs.values():
        assert pdf.is_file(), result.stdout + result.stderr
    return pdfs


def pdf_pages(pdf: Path) -> int:
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo is not installed: apt-get install poppler-utils (.ci/run does)")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(pdf: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils (.ci/run does)")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def words(text: str) -> Counter:
    """Words, with hyphens dropped: a line may break after a hyphen, and pdftotext joins such a break."""
    return Counter(w.replace("-", "") for w in re.findall(r"[\w'’-]+", text) if len(w.replace("-", "")) > 1)


def heading_words(document) -> Counter:
    """The words of every table's header row and row labels (its first column)."""
    found = Counter()
    for table in document.tables:
        for cell in table.rows[0].cells:
            found += words(cell.text)
        for row in table.rows[1:]:
            found += words(row.cells[0].text)
    return found


def all_words(document) -> Counter:
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return words("\n".join(texts))


# --- How wide a word prints ----------------------------------------------------------------------------


@cache
def advance_widths(font: Path = BOLD_FONT) -> dict[str, float]:
    """{character: advance width in em} from a TrueType font's cmap (format 4) and hmtx tables."""
    if not font.is_file():
        pytest.skip(f"{font} is missing: apt-get install fonts-dejavu-core (.ci/run does)")
    data = font.read_bytes()
    tables = {}
    for i in range(struct.unpack(">H", data[4:6])[0]):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        tables[tag.decode("ascii")] = offset
    units = struct.unpack(">H", data[tables["head"] + 18 : tables["head"] + 20])[0]
    metrics = struct.unpack(">H", data[tables["hhea"] + 34 : tables["hhea"] + 36])[0]
    advances = [
        struct.unpack(">H", data[tables["hmtx"] + 4 * i : tables["hmtx"] + 4 * i + 2])[0] for i in range(metrics)
    ]
    cmap, widths = tables["cmap"], {}
    for i in range(struct.unpack(">H", data[cmap + 2 : cmap + 4])[0]):
        platform, _, offset = struct.unpack(">HHI", data[cmap + 4 + 8 * i : cmap + 12 + 8 * i])
        sub = cmap + offset
        if platform != 3 or struct.unpack(">H", data[sub : sub + 2])[0] != 4:
            continue
        count = struct.unpack(">H", data[sub + 6 : sub + 8])[0] // 2
        at = sub + 14
        ends = struct.unpack(f">{count}H", data[at : at + 2 * count])
        starts = struct.unpack(f">{count}H", data[at + 2 + 2 * count : at + 2 + 4 * count])
        deltas = struct.unpack(f">{count}h", data[at + 2 + 4 * count : at + 2 + 6 * count])
        ranges_at = at + 2 + 6 * count
        ranges = struct.unpack(f">{count}H", data[ranges_at : ranges_at + 2 * count])
        for k in range(count):
            for code in range(starts[k], min(ends[k], 0x2FFF) + 1):
                if ranges[k] == 0:
                    glyph = (code + deltas[k]) & 0xFFFF
                else:
                    where = ranges_at + 2 * k + ranges[k] + 2 * (code - starts[k])
                    glyph = struct.unpack(">H", data[where : where + 2])[0]
                    glyph = (glyph + deltas[k]) & 0xFFFF if glyph else 0
                widths[chr(code)] = advances[min(glyph, metrics - 1)] / units
        break
    return widths


def printed_cm(piece: str, size_pt: float) -> float:
    widths = advance_widths()
    return sum(widths.get(ch, 1.0) for ch in piece) * size_pt / 72 * 2.54


def unbreakable(text: str) -> list[str]:
    """The pieces of a text a line cannot break inside: words, split after their hyphens."""
    return [piece for word in text.split() for piece in re.findall(r"[^-]*-|[^-]+", word)]


def column_widths_cm(table) -> list[float]:
    """A table's columns as LibreOffice reads them (w:tblGrid), in centimetres."""
    grid = table._tbl.find(qn("w:tblGrid"))
    return [int(col.get(qn("w:w"))) / 567 for col in grid.findall(qn("w:gridCol"))]  # twips


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))
