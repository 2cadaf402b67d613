"""data/terms.yml: the term base, checked into `TermBase`."""

from __future__ import annotations

from ..model import LANGUAGES, Concept, TermBase, Text
from .checks import Checker, field_name, source_of


def load_terms(c: Checker) -> TermBase:
    concepts: list[Concept] = []
    seen: set[str] = set()
    for i, _ in enumerate(c.items(("concepts",))):
        at = ("concepts", i)
        entry = c.mapping(at)
        concept_id = c.slug_id(at + ("id",), seen) or ""
        for key in sorted(set(entry) - {"id", "term", "definition", "source", "forbidden", "allowed_in", "also"}):
            c.error(at + (key,), f"unknown field '{key}'", key=True)
        concepts.append(
            Concept(
                concept_id,
                c.text(at + ("term",)) or Text(),
                c.text(at + ("definition",), required=False),
                source_of(c, at + ("source",)),
                _phrases(c, at + ("forbidden",)),
                _phrases(c, at + ("allowed_in",)),
                _phrases(c, at + ("also",)),
            )
        )
    return TermBase(tuple(concepts), c.text(("name",)) or Text(), c.text(("intro",), required=False))


def _phrases(c: Checker, at: tuple) -> dict[str, tuple[str, ...]]:
    """{en: [...], cy: [...]}: phrases by language."""
    found = {}
    for lang in c.mapping(at, required=False):
        if lang not in LANGUAGES:
            c.error(
                at + (lang,),
                f"'{field_name(at)}' has languages {' and '.join(LANGUAGES)} only (got {lang!r})",
                key=True,
            )
            continue
        items = [p for j, p in enumerate(c.items(at + (lang,))) if _phrase(c, at + (lang, j), p)]
        found[lang] = tuple(items)
    return found


def _phrase(c: Checker, at: tuple, value) -> bool:
    if not isinstance(value, str) or not value.strip():
        c.error(at, f"each entry of '{field_name(at[:-1])}' must be a word or phrase")
        return False
    return True
