"""Read one YAML file into plain values, remembering where every key and value stands.

PyYAML's own loaders forget line numbers, silently keep the last of two
duplicate keys, expand aliases without limit, (unsafe ones) build objects
from tags, and compose by recursion (a file nested 100,000 deep crashes the
process). Editors' files go through this reader instead, which turns the
parser's events into dicts, lists and scalars itself in one loop, refusing
what editors never need and nesting deeper than MAX_DEPTH.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

MAX_BYTES = 256 * 1024  # a case study is a few KB; anything this big is a mistake
# Bounds on what one file may hold, checked as it is read so no later step does more work than they allow
# (plans/plan.yml, the largest file, has about 3,000 values and no list or block of more than 60).
MAX_ITEMS = 1_000  # entries in one list, or fields in one block
MAX_VALUES = 20_000  # keys, values, lists and blocks in one file
MAX_NUMBER = 30  # characters in a number (Python refuses to read an integer of more than 4,300 digits)

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": bool,
    "tag:yaml.org,2002:null": None,
    # Dates stay text here; the checks parse them and say what is wrong.
    "tag:yaml.org,2002:timestamp": str,
}


@dataclass(frozen=True)
class Location:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in one file, for an editor to read."""

    path: str
    line: int
    column: int
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        return f"{printable(self.path)}:{self.line}:{self.column}: {self.severity}: {printable(self.message)}"


# Messages quote what editors wrote (a key, a value). Printed in a terminal or a CI log, a control
# character or a line starting with '::' (a GitHub Actions command) from a file must show as text.
_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F]} | {
    c: f"\\u{c:04x}"
    for c in (
        *range(0x80, 0xA0),
        0x2028,
        0x2029,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x200E,
        0x200F,
        0xFEFF,
    )
}
_CONTROL.update({0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"})


MAX_MESSAGE = 400  # characters of a message: a quoted value is cut, not printed whole


def printable(text: str) -> str:
    """`text` on one line, control and direction characters written as escapes, '::' broken up."""
    text = str(text)
    if len(text) > MAX_MESSAGE:
        text = text[:MAX_MESSAGE] + "…"
    return text.translate(_CONTROL).replace("::", ":\\:")


# --- The one rule for characters: every key and value of every file, whichever YAML reader read it ---

_FORBIDDEN_RANGES = {
    "a control character": [(0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F)],  # tab and line break are text
    "half of a surrogate pair (an encoding error)": [(0xD800, 0xDFFF)],
    "a non-character": [(0xFDD0, 0xFDEF)] + [(p + 0xFFFE, p + 0xFFFF) for p in range(0, 0x110000, 0x10000)],
    "an invisible text-direction control": [(0x202A, 0x202E), (0x2066, 0x2069)],
}
# One character class: a search for it is linear, whatever the text.
FORBIDDEN_CHARACTER = re.compile(
    "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for ranges in _FORBIDDEN_RANGES.values() for a, b in ranges) + "]"
)


def character_problem(text: str) -> str | None:
    """Why `text` may not be published, if it holds a character no page, feed or Word document may carry:
    C0 and C1 controls (but tab and line break), DEL, lone surrogates, non-characters (U+FDD0–FDEF, U+xFFFE,
    U+xFFFF) and text-direction controls. YAML's escapes ("\\x7f", "\\uffff", "\\ud800") write them
    without the characters appearing in the file; XML (Word, the feed) cannot hold most of them at all."""
    found = FORBIDDEN_CHARACTER.search(text)
    if found is None:
        return None
    return f"{_forbidden(found.group())} at character {found.start() + 1} of the text{_DELETE_IT}"


_DELETE_IT = ", which cannot be shown on a page; delete it (retype the words around it)"


def _forbidden(character: str) -> str:
    code = ord(character)
    what = next((w for w, ranges in _FORBIDDEN_RANGES.items() if any(a <= code <= b for a, b in ranges)), None)
    return f"contains {what or 'a character YAML cannot hold'} (U+{code:04X})"


def field_name(at: tuple) -> str:
    """A field's name as an editor reads it: schools[1].name.cy."""
    name = ""
    for part in at:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "the file"


class ContentError(Exception):
    """Raised when content cannot be loaded; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__("\n".join(str(p) for p in errors) or "content has errors")


@dataclass
class SourceDocument:
    """Plain values from one file, plus where each key and value was written."""

    path: str
    data: Any  # plain YAML values: dict, list, str, int, float, bool, date, None
    keys: dict[tuple, Location] = field(default_factory=dict)
    values: dict[tuple, Location] = field(default_factory=dict)

    def where(self, at: tuple, *, key: bool = False) -> Location:
        """Location of the value (or key) at a path; falls back to the nearest parent that exists."""
        table = self.keys if key else self.values
        while at:
            if at in table:
                return table[at]
            if at in self.values:
                return self.values[at]
            at = at[:-1]
        return self.values.get((), Location(1, 1))

    def problem(self, at: tuple, message: str, *, key: bool = False, severity: str = "error") -> Problem:
        loc = self.where(at, key=key)
        return Problem(self.path, loc.line, loc.column, message, severity)


ALIAS_MESSAGE = "anchors and aliases ('&name' / '*name') are not allowed; write the text out in full"


def read_yaml(path: Path, display_path: str | None = None) -> tuple[SourceDocument | None, list[Problem]]:
    """Read a YAML file; return the document, or None and the problems that stopped it."""
    shown = display_path or str(path)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                shown,
                1,
                1,
                f"the file is {len(raw) // 1024} KB; the limit is "
                f"{MAX_BYTES // 1024} KB (images belong in separate files, not in the YAML)",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                shown,
                line,
                col,
                "the file is not saved as UTF-8 text; save it again "
                "choosing the UTF-8 encoding (Welsh letters such as ŵ and ŷ need it)",
            )
        ]
    return parse_yaml(text, shown)


# libyaml (C) reads a file ~10× faster than PyYAML's Python parser, which dominated the build at
# hundreds of case studies (bench.py build). Files it rejects are read again by the Python parser,
# whose messages (and hints below) editors see.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A case study nests four levels deep (images[0].alt.en), data files a few more. Deeper nesting is a
# mistake or an attack: composing 100,000 levels overflows the C stack (a crash, not a message).
MAX_DEPTH = 20
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def parse_yaml(text: str, shown: str) -> tuple[SourceDocument | None, list[Problem]]:
    try:
        try:
            return _read_events(text, shown, _FAST_LOADER)
        except yaml.YAMLError:
            return _read_events(text, shown, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "the YAML cannot be read"
        hint = ""
        if "mapping values are not allowed" in what:
            hint = " (a text containing ': ' must be put in quotes)"
        elif "found character '\\t'" in what:
            hint = " (use spaces, not tabs, to indent)"
        return None, [Problem(shown, line, col, f"YAML syntax: {what}{hint}")]
    except yaml.reader.ReaderError as exc:  # a character YAML may not hold raw, written as it is
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return None, [Problem(shown, line, column, f"the file {_forbidden(character)} here{_DELETE_IT}")]
    except yaml.YAMLError as exc:  # pragma: no cover - parser errors are marked
        return None, [Problem(shown, 1, 1, f"YAML syntax: {exc}")]
    except _Refused as refused:
        return None, [Problem(shown, refused.at.line, refused.at.column, refused.message)]


class _Mark(Protocol):
    """Where an event is in the text: yaml.Mark, or the C parser's own mark."""

    line: int
    column: int


def _location(mark: _Mark | None) -> Location:
    """1-based; the parser marks every event (its stubs allow None)."""
    return Location(mark.line + 1, mark.column + 1) if mark else Location(1, 1)


class _Refused(Exception):
    def __init__(self, mark: _Mark | None, message: str):
        self.at = _location(mark)
        self.message = message


def _tag_refused(mark: _Mark | None, tag: str) -> _Refused:
    written = tag.replace("tag:yaml.org,2002:", "!!")  # as the editor typed it
    return _Refused(mark, f"the YAML tag '{written}' is not allowed (tags can run code); remove it")


def _read_events(text: str, shown: str, loader) -> tuple[SourceDocument | None, list[Problem]]:
    """Plain values straight from the parser's events, in one loop with an explicit stack.

    No node tree is composed: nesting is counted as it is read and refused past MAX_DEPTH with its
    location, so no input reaches a recursion limit or the C stack; anchors, aliases, tags other than
    plain ones and merge keys are refused where they are written (so no "billion laughs")."""
    doc = SourceDocument(shown, None)
    stack: list[list] = []  # [container, path, key waiting for its value (mappings)]
    root: list = []
    refused: list[Problem] = []  # characters no page may carry: every one reported, then no document
    parser = loader(text)
    try:
        # get_event directly, not yaml.parse: its generator cost a third more per event.
        for event in iter(parser.get_event, None):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None:
                    raise _Refused(event.start_mark, ALIAS_MESSAGE)
                is_key = bool(stack) and stack[-1][2] is None and type(stack[-1][0]) is dict
                problem = character_problem(event.value)
                if problem and len(refused) < 50:
                    at = _next_path(stack) if not is_key else stack[-1][1]
                    what = (f"a key in '{field_name(at)}'" if at else "a key") if is_key else f"'{field_name(at)}'"
                    where = _location(event.start_mark)
                    refused.append(Problem(shown, where.line, where.column, f"{what} {problem}"))
                if is_key:
                    _key(stack[-1], event, doc)
                else:
                    _place(stack, root, _scalar(event), _next_path(stack), event, doc)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                _open(stack, event, doc)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value, at, _ = stack.pop()
                _place(stack, root, value, at, event, doc, done=True)
            elif kind is yaml.AliasEvent:
                raise _Refused(event.start_mark, ALIAS_MESSAGE)
            elif kind is yaml.DocumentStartEvent and root:
                raise _Refused(event.start_mark, "the file holds more than one YAML document ('---'); keep one")
            elif kind is yaml.StreamEndEvent:
                break
    finally:
        parser.dispose()
    if refused:
        return None, refused
    if not root:
        return None, [Problem(shown, 1, 1, "the file is empty")]
    doc.data = root[0]
    return doc, []


def _open(stack: list[list], event, doc: SourceDocument) -> None:
    """A mapping or a list starts: refused if it is a key, tagged, anchored or nested too deep."""
    mark = event.start_mark
    if event.anchor is not None:
        raise _Refused(mark, ALIAS_MESSAGE)
    if stack and stack[-1][2] is None and type(stack[-1][0]) is dict:
        raise _Refused(mark, "a key must be a plain word")
    if len(stack) >= MAX_DEPTH:
        raise _Refused(
            mark,
            f"the file is nested more than {MAX_DEPTH} levels deep; a case study needs "
            "four or five (check the indentation and the [ ] and { } brackets)",
        )
    is_map = type(event) is yaml.MappingStartEvent
    if event.tag not in (None, "!") and event.tag != ("tag:yaml.org,2002:map" if is_map else "tag:yaml.org,2002:seq"):
        raise _tag_refused(mark, event.tag)
    at = _next_path(stack)
    doc.values[at] = _location(mark)
    if len(doc.values) > MAX_VALUES:
        raise _Refused(mark, f"the file holds more than {MAX_VALUES:,} values; a case study holds about a hundred")
    stack.append([{} if is_map else [], at, None])


def _next_path(stack: list[list]) -> tuple:
    if not stack:
        return ()
    container, at, key = stack[-1]
    return at + ((key,) if isinstance(container, dict) else (len(container),))


def _key(frame: list, event: yaml.ScalarEvent, doc: SourceDocument) -> None:
    mapping, at, _ = frame
    if event.tag not in (None, "!") and event.tag not in _PLAIN_TAGS:
        raise _tag_refused(event.start_mark, event.tag)
    if event.value == "<<" and event.implicit[0]:
        raise _Refused(event.start_mark, "merge keys ('<<') are not allowed; write the fields out in full")
    key = event.value
    if key in mapping:
        first = doc.keys[at + (key,)]
        raise _Refused(
            event.start_mark,
            f"'{key}' appears twice in the same block (first on line {first.line}); "
            "only one can be kept, so delete or rename one",
        )
    doc.keys[at + (key,)] = _location(event.start_mark)
    frame[2] = key


def _place(stack: list[list], root: list, value, at: tuple, event, doc: SourceDocument, done: bool = False) -> None:
    """Put a finished value into its parent (or make it the document)."""
    if not done:
        doc.values[at] = _location(event.start_mark)
        if len(doc.values) > MAX_VALUES:
            raise _Refused(
                event.start_mark,
                f"the file holds more than {MAX_VALUES:,} values; a case study holds about a hundred "
                "(is a list repeated, or a file pasted in?)",
            )
    if not stack:
        root.append(value)
        return
    frame = stack[-1]
    if len(frame[0]) >= MAX_ITEMS:
        raise _Refused(
            event.start_mark,
            f"'{field_name(frame[1])}' has more than {MAX_ITEMS:,} "
            f"{'fields' if isinstance(frame[0], dict) else 'entries'}; no list here needs so many",
        )
    if isinstance(frame[0], dict):
        frame[0][frame[2]] = value
        frame[2] = None
    else:
        frame[0].append(value)


def _scalar(event: yaml.ScalarEvent):
    if event.tag is None and not event.implicit[0]:
        return event.value  # quoted or a block: text (the resolver would say so, slower)
    tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag not in _PLAIN_TAGS:
        raise _tag_refused(event.start_mark, tag)
    kind = _PLAIN_TAGS[tag]
    if kind is None:
        return None
    if kind is str:
        return event.value
    if kind is bool:
        return _bool(event.value)
    if len(event.value) > MAX_NUMBER:
        raise _Refused(
            event.start_mark,
            f"a number of {len(event.value):,} characters is not allowed (the limit is {MAX_NUMBER}); "
            "if it is text, put it in quotes",
        )
    return _CONSTRUCTOR.construct_object(yaml.ScalarNode(tag, event.value))  # our own refusals carry the marks


def _bool(value: str) -> bool:
    return value.lower() in ("yes", "true", "on", "y")
