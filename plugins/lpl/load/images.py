"""What a case-study image file may hold: checked by its bytes, not trusted by its name.

An image is copied to the site as it is. A raster image must be what its name says (a browser told
"image/png" that receives HTML or SVG could otherwise be led to run it). An SVG is a document: opened
directly it runs on the site's own address, so it may only draw. Editors' diagrams need shapes, text,
gradients and markers; they never need scripts, event handlers, links, external files, embedded HTML
(foreignObject), animation or style sheets, so an allow-list of elements and attributes refuses those,
and XML declarations of entities ("billion laughs", external files) are refused before parsing.
"""

from __future__ import annotations

import io
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
# A presentation attribute's value is CSS (fill, stroke, mask, clip-path, filter, marker-*, cursor …), and
# CSS can fetch through a function: url(), image-set(), image(), cross-fade(), src() … So values are not
# searched for "url(" (CSS escapes write it as \75 rl( or u\rl(): every function in a value is found by
# its parenthesis and must be one that draws (colours, transforms, url(#id) of a part of this file), and
# escapes and comments, which no drawing needs, are refused.
_FUNCTION = re.compile(r"(?<![-\w])([-\w]*+)\(")  # the name before each '(': possessive, so linear
_DRAWING_FUNCTIONS = {
    "",  # a bare parenthesis
    "url",  # only as url(#id): checked below
    *("rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color"),
    *("matrix", "translate", "scale", "rotate", "skewx", "skewy"),
}
_LOCAL_URL = re.compile(r"url\(\s*(['\"]?)#[-\w.:]{1,100}\1\s*\)", re.I)
_LOCAL_REFERENCE = re.compile(r"url\(\s*['\"]?#([-\w.:]{1,100})", re.I)
_NUMBER = re.compile(r"\d+")
# What one SVG may make a browser draw. A <use> draws its target again, so a few nested uses multiply:
# 8 uses a level over 12 levels (3.3 KB) is 68 billion shapes, and the tab that opens it hangs.
MAX_ELEMENTS = 10_000  # elements written in the file
MAX_DEPTH = 40  # elements inside elements
MAX_DRAWN = 50_000  # shapes drawn, counting every <use>, marker and reference as often as it is drawn


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
    root, problem = _parse(data)
    if root is None:
        return problem or "the SVG is empty"
    for element in root.iter():
        name = element.tag.removeprefix(SVG_NS) if isinstance(element.tag, str) else ""
        if not isinstance(element.tag, str) or not element.tag.startswith(SVG_NS) or name not in SVG_ELEMENTS:
            return (
                f"the SVG contains a <{name or element.tag}> element; an image may only draw (shapes, text, "
                "gradients): no scripts, links, embedded HTML, animation or style sheets"
            )
        for attribute, value in element.attrib.items():
            problem = _attribute_problem(attribute, value)
            if problem:
                return problem
    drawn = _drawn(root)
    if drawn is None:
        return "the SVG has a part that refers to itself (a <use> or url(#id) loop), which never ends; remove the loop"
    if drawn > MAX_DRAWN:
        return (
            f"the SVG draws its shapes more than {MAX_DRAWN:,} times (through <use>, markers or patterns "
            "that repeat each other); draw each shape once"
        )
    return None


def _parse(data: bytes) -> tuple[ElementTree.Element | None, str | None]:
    """The SVG's element tree, refused past MAX_ELEMENTS or MAX_DEPTH while it is read."""
    root, depth, elements = None, 0, 0
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
            if event == "end":
                depth -= 1
                continue
            root = element if root is None else root  # the first element to start is the document's
            depth, elements = depth + 1, elements + 1
            if depth > MAX_DEPTH:
                return None, f"the SVG nests elements more than {MAX_DEPTH} deep; save it again flattened"
            if elements > MAX_ELEMENTS:
                return None, f"the SVG has more than {MAX_ELEMENTS:,} elements; simplify it"
    except ElementTree.ParseError as error:
        return None, f"the SVG cannot be read as XML ({error})"
    return root, None


def _attribute_problem(attribute: str, value: str) -> str | None:
    local = attribute.rsplit("}", 1)[-1]
    if attribute in _HREF:
        if not value.startswith("#"):
            return (
                f"the SVG refers to another file or address ({local}={value[:60]!r}); "
                "an image may only refer to its own parts (#id)"
            )
        return None
    if local.lower().startswith("on") or local == "style" or not _ATTRIBUTE.fullmatch(local):
        return (
            f"the SVG has a {local!r} attribute; event handlers and style attributes are not allowed "
            "(use presentation attributes such as fill= and stroke=)"
        )
    if "\\" in value or "/*" in value:
        return f"the SVG writes {local}={value[:60]!r} with CSS escapes or comments; write the value plainly"
    if "(" in value:
        for call in _FUNCTION.finditer(value):
            name = call.group(1).lower()
            if name not in _DRAWING_FUNCTIONS or (name == "url" and not _LOCAL_URL.match(value, call.start())):
                return (
                    f"the SVG refers to another file or uses {call.group(1)[:30]}() in {local}={value[:60]!r}; "
                    "only colours, transforms and url(#id) of this file's own parts are allowed"
                )
    return None


def _drawn(root) -> int | None:
    """How many shapes a browser draws for `root`: each element once, and again each time something
    refers to it (href="#id", url(#id)), a marker once per vertex of the path that carries it. Counted
    without recursion (a chain of references may be long), each element's count worked out once; None
    when a part refers to itself."""
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}

    def refers_to(el) -> list[tuple[object, int]]:
        found = []
        for attribute, value in el.attrib.items():
            if attribute in _HREF and value.startswith("#") and value[1:] in by_id:
                found.append((by_id[value[1:]], 1))
            elif "url(" in value.lower():
                times = 1
                if attribute.startswith("marker"):  # drawn at the path's vertices: at most one per number pair
                    times = 1 + len(_NUMBER.findall(el.get("d", "") + el.get("points", ""))) // 2
                found += [(by_id[ref], times) for ref in _LOCAL_REFERENCE.findall(value) if ref in by_id]
        return found

    drawn: dict[int, int] = {}
    pending, stack = set(), [(root, False)]
    while stack:
        el, children_done = stack.pop()
        if id(el) in drawn:
            continue
        parts = [(child, 1) for child in el] + refers_to(el)
        if not children_done:
            if id(el) in pending:  # a reference back to an element being counted: it would never end
                return None
            pending.add(id(el))
            stack.append((el, True))
            stack += [(part, False) for part, _ in parts if id(part) not in drawn]
            continue
        pending.discard(id(el))
        drawn[id(el)] = min(MAX_DRAWN + 1, 1 + sum(drawn.get(id(part), MAX_DRAWN + 1) * times for part, times in parts))
    return drawn[id(root)]
