"""Read one YAML file into plain values, remembering where every key and value stands.

PyYAML's own loaders forget line numbers, silently keep the last of two
duplicate keys, expand aliases without limit and (unsafe ones) build objects
from tags. Editors' files go through this reader instead, which composes the
node tree (bounded: an alias is a reference, not a copy) and turns it into
dicts, lists and scalars itself, refusing what editors never need.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

MAX_BYTES = 256 * 1024  # a case study is a few KB; anything this big is a mistake

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
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


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
    data: object
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


def _tag_refused(node: yaml.Node) -> "_Refused":
    written = node.tag.replace("tag:yaml.org,2002:", "!!")  # as the editor typed it
    return _Refused(node, f"the YAML tag '{written}' is not allowed (tags can run code); remove it")


class _Refused(Exception):
    def __init__(self, node: yaml.Node, message: str):
        self.node = node
        self.message = message


def read_yaml(path: Path, display_path: str | None = None) -> tuple[SourceDocument | None, list[Problem]]:
    """Read a YAML file; return the document, or None and the problems that stopped it."""
    shown = display_path or str(path)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return None, [Problem(shown, 1, 1, f"the file is {len(raw) // 1024} KB; the limit is "
                              f"{MAX_BYTES // 1024} KB (images belong in separate files, not in the YAML)")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(shown, line, col, "the file is not saved as UTF-8 text; save it again "
                              "choosing the UTF-8 encoding (Welsh letters such as ŵ and ŷ need it)")]
    return parse_yaml(text, shown)


# libyaml (C) reads a file ~10× faster than PyYAML's Python parser, which dominated the build at
# hundreds of case studies (bench.py build). Files it rejects are read again by the Python parser,
# whose messages (and hints below) editors see.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str, loader) -> tuple[yaml.Node | None, yaml.Mark | None]:
    """The node tree, or the mark of the first anchor or alias.

    Composing is bounded (an alias is a reference to a node, not a copy). Only when the tree holds an
    alias are the tokens scanned, to report it where it is written: scanning every file cost as much
    as composing it (bench.py validate)."""
    node = yaml.compose(text, Loader=loader)
    if node is not None and _has_alias(node):
        for token in yaml.scan(text, Loader=loader):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                return None, token.start_mark
    return node, None


def _has_alias(root: yaml.Node) -> bool:
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def parse_yaml(text: str, shown: str) -> tuple[SourceDocument | None, list[Problem]]:
    try:
        try:
            node, alias = _compose(text, _FAST_LOADER)
        except yaml.YAMLError:
            node, alias = _compose(text, yaml.SafeLoader)
        if alias is not None:
            return None, [Problem(shown, alias.line + 1, alias.column + 1, ALIAS_MESSAGE)]
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
    except yaml.YAMLError as exc:  # pragma: no cover - composer errors are marked
        return None, [Problem(shown, 1, 1, f"YAML syntax: {exc}")]
    doc = SourceDocument(shown, None)
    if node is None:
        return None, [Problem(shown, 1, 1, "the file is empty")]
    try:
        doc.data = _plain(node, (), doc, set())
    except _Refused as refused:
        mark = refused.node.start_mark
        return None, [Problem(shown, mark.line + 1, mark.column + 1, refused.message)]
    return doc, []


def _plain(node: yaml.Node, at: tuple, doc: SourceDocument, seen: set[int]):
    if id(node) in seen:
        # The same node reached twice is an alias; refusing it keeps memory bounded
        # ("billion laughs") and editors never need anchors.
        raise _Refused(node, ALIAS_MESSAGE)
    seen.add(id(node))
    doc.values[at] = Location(node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            raise _tag_refused(node)
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(key_node, "merge keys ('<<') are not allowed; write the fields out in full")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node, "a key must be a plain word")
            key = key_node.value
            if key in result:
                first = doc.keys[at + (key,)]
                raise _Refused(key_node, f"'{key}' appears twice in the same block (first on line {first.line}); "
                                         "only one can be kept, so delete or rename one")
            doc.keys[at + (key,)] = Location(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _plain(value_node, at + (key,), doc, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise _tag_refused(node)
        return [_plain(item, at + (i,), doc, seen) for i, item in enumerate(node.value)]
    if node.tag not in _PLAIN_TAGS:
        raise _tag_refused(node)
    kind = _PLAIN_TAGS[node.tag]
    if kind is None:
        return None
    if kind is str:
        return node.value
    return yaml.SafeLoader(" ").construct_object(node) if kind is not bool else _bool(node.value)


def _bool(value: str) -> bool:
    return value.lower() in ("yes", "true", "on", "y")
