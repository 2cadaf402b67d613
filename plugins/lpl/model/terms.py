"""The term base (data/terms.yml): one name per concept in each language, and the names not to use."""

from __future__ import annotations

from dataclasses import dataclass

from .text import Source, Text


@dataclass(frozen=True)
class Concept:
    """A thing the site names, with its English and Welsh term, where they come from, and the variants
    that must not be used (e.g. "llesiant" where the site writes "lles", as Hwb does)."""

    id: str
    term: Text  # cy_source set (reviewed) when the Welsh term is quoted from its source
    definition: Text | None
    source: Source | None  # e.g. Hwb, the Academy, TermCymru; None for the team's own choice
    forbidden: dict[str, tuple[str, ...]]  # by language: variants a text in that language must not use
    # Longer names in which a forbidden variant is right ("Deddf Llesiant Cenedlaethau'r Dyfodol" is the
    # Act's official name), by language.
    allowed_in: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class TermBase:
    concepts: tuple[Concept, ...]
    name: Text = Text()  # the glossary page's title
    intro: Text | None = None

    def __len__(self) -> int:
        return len(self.concepts)
