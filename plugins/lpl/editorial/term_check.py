"""The term base applied: a forbidden variant (data/terms.yml) in a text of its language, with file and line.

A Welsh variant is also found in its mutated forms (its first word soft, nasal, aspirate or with h-: the
tables of `lpl.model.welsh`), so "llesiant" catches "lesiant". A variant in capitals (an acronym) is matched
with its case ("SLO", not the "slo" of an address); other variants in any case. A match inside the concept's
own term or one of its `allowed_in` names is not a finding ("Academi … Addysgol" inside "Academi … Addysgol
Cymru"; "Llesiant" inside "Deddf Llesiant Cenedlaethau'r Dyfodol").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Concept, TermBase
from ..model.language import Language
from ..model.welsh import mutated_forms
from .passages import Passage


@dataclass(frozen=True)
class TermMisuse:
    path: str
    line: int
    found: str
    concept: Concept
    lang: Language

    def message(self) -> str:
        return (
            f"{self.found!r} is not the site's term: write {self.concept.term.get(self.lang)!r} "
            f"(data/terms.yml, '{self.concept.id}')"
        )


def phrase_pattern(phrase: str, lang: Language) -> re.Pattern:
    """A phrase as whole words, spaces flexible; in Welsh its first word in every mutated form."""
    first, *rest = phrase.split()
    firsts = {first} | (set(mutated_forms(first).values()) if lang == "cy" else set())
    head = "|".join(re.escape(f) for f in sorted(firsts, key=len, reverse=True))
    body = "".join(r"\s+" + re.escape(w) for w in rest)
    flags = 0 if phrase.isupper() else re.IGNORECASE
    return re.compile(rf"(?<![\w'’-])(?:{head}){body}(?![\w-])", flags)


def misuses(passages: Iterable[Passage], terms: TermBase, lang: Language) -> list[TermMisuse]:
    rules = []
    for concept in terms.concepts:
        forbidden = concept.forbidden.get(lang, ())
        if not forbidden:
            continue
        names = [p for p in (concept.term.get(lang), *concept.allowed_in.get(lang, ())) if p]
        rules.append((concept, [phrase_pattern(f, lang) for f in forbidden], [phrase_pattern(p, lang) for p in names]))
    found = []
    for passage in passages:
        for concept, wrong, right in rules:
            spans = [m.span() for p in right for m in p.finditer(passage.text)]
            for pattern in wrong:
                for m in pattern.finditer(passage.text):
                    if not any(a <= m.start() and m.end() <= b for a, b in spans):
                        found.append(TermMisuse(passage.path, passage.line, m.group(0), concept, lang))
    return found
