"""The term base (data/terms.yml): one name per concept in each language, and the names not to use."""

from __future__ import annotations

from dataclasses import dataclass, field

from .language import Language
from .text import REVIEWED, Source, Text


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
    # Other names its sources write it as, by language ("National Academy for Educational Leadership", a
    # publisher's name as a source gives it): found by `TermBase.name_in`, never forbidden.
    also: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def names(self) -> set[str]:
        return {n for n in (self.term.en, self.term.cy) if n} | {n for ns in self.also.values() for n in ns}


@dataclass(frozen=True)
class TermBase:
    concepts: tuple[Concept, ...]
    name: Text = Text()  # the glossary page's title
    intro: Text | None = None

    def __len__(self) -> int:
        return len(self.concepts)

    def name_in(self, name: str, lang: Language) -> str | None:
        """A name (a publisher's, as a source gives it) in `lang`, where the term base has it: the English term,
        or the Welsh one when it is reviewed (official or checked). None when the term base does not know it."""
        for concept in self.concepts:
            if name.strip() in concept.names():
                term = concept.term.get(lang)
                if term and (lang == "en" or concept.term.status(lang) == REVIEWED):
                    return term
        return None
