"""What a case-study image file may hold: checked by its bytes, not trusted by its name.

An image is copied to the site as it is. A raster image must be what its name says (a browser told
"image/png" that receives HTML or SVG could otherwise be led to run it). An SVG is a document: opened
directly it runs on the site's own address, so it may only draw. Editors' diagrams need shapes, text,
gradients and markers; they never need scripts, event handlers, links, external files, embedded HTML
(foreignObject), animation or style sheets, so an allow-list of elements and attributes refuses those,
and XML declarations of entities ("billion laughs", external files) are refused before parsing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
SVG_NS = "{http://www.w3.org/2000/svg}"
SVG_ELEMENTS = {
    "svg",
    "g",
    "defs",
    "title",
    "desc",
    "metadata",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "marker",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "mask",
    "pattern",
    "symbol",
    "use",
}
# Attributes are presentation and geometry: anything else (on…, href outside the file, style) is refused.
_HREF = {"href", "{http://www.w3.org/1999/xlink}href"}
_ATTRIBUTE = re.compile(r"[a-zA-Z][a-zA-Z0-9:-]{0,40}")  # plain names; anchored with fullmatch
_URL_INSIDE = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.I)  # url(...) that is not url(#id)


def image_problem(path: Path, suffix: str) -> str | None:
    """Why the file may not be published as an image, in plain words; None when it may."""
    data = path.read_bytes()
    if suffix == ".svg":
        return svg_problem(data)
    if not any(data.startswith(magic) for magic in MAGIC[suffix]) or (suffix == ".webp" and data[8:12] != b"WEBP"):
        return (
            f"the file is not a {suffix[1:].upper()} image (its content does not match its name); "
            "save it again from an image editor"
        )
    return None


def svg_problem(data: bytes) -> str | None:
    head = data[:4096].lower()
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        return "the SVG declares a DOCTYPE or entities; save it again as plain SVG"
    if b"<?xml-stylesheet" in head or data.lower().count(b"<?") > (1 if head.lstrip().startswith(b"<?xml ") else 0):
        return "the SVG has processing instructions (such as a style sheet); save it again as plain SVG"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"the SVG cannot be read as XML ({error})"
    for element in root.iter():
        name = element.tag.removeprefix(SVG_NS) if isinstance(element.tag, str) else ""
        if not element.tag.startswith(SVG_NS) or name not in SVG_ELEMENTS:
            return (
                f"the SVG contains a <{name or element.tag}> element; an image may only draw (shapes, text, "
                "gradients): no scripts, links, embedded HTML, animation or style sheets"
            )
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            if attribute in _HREF:
                if not value.startswith("#"):
                    return (
                        f"the SVG refers to another file or address ({local}={value[:60]!r}); "
                        "an image may only refer to its own parts (#id)"
                    )
            elif local.lower().startswith("on") or local == "style" or not _ATTRIBUTE.fullmatch(local):
                return (
                    f"the SVG has a {local!r} attribute; event handlers and style attributes are not allowed "
                    "(use presentation attributes such as fill= and stroke=)"
                )
            elif _URL_INSIDE.search(value):
                return f"the SVG refers to another file in {local}={value[:60]!r}; only url(#id) is allowed"
    return None
