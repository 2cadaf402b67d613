"""Words as search keys, the same way in the index (here) and in the browser (lpl-search.js).

A word is lower-cased and split at anything that is not a letter or digit (so "dysgu'r" gives
"dysgu" and the clitic "r"); stop words are dropped before diacritics are folded; a word's keys
are its own form plus every rewrite one language rule gives. Two words match when their keys
meet; a typed prefix matches keys that start with one of its keys.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from . import english, welsh

WORD = re.compile(r"[^\W_]+")  # the browser uses /[\p{L}\p{N}]+/gu


def fold(word: str) -> str:
    """Drop diacritics: "tîm" → "tim", "ŵyr" → "wyr" (readers often type without them)."""
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
    )


def tokens(text: str) -> list[str]:
    """Lower-cased words of `text`, diacritics kept."""
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


@dataclass(frozen=True)
class Language:
    code: str
    rules: tuple[tuple[str, str], ...]  # (pattern, replacement): a form → a candidate key
    stop_words: frozenset[str]
    prefix_rules: bool  # the rules rewrite a word's start, so they apply to a typed prefix too
    min_key: int = 1  # shorter rewrites are not keys ("thing" → "th" is not an English word)

    def terms(self, text: str) -> list[str]:
        """The searchable words of `text`, folded, stop words gone."""
        return [fold(t) for t in tokens(text) if t not in self.stop_words]

    def keys(self, term: str) -> list[str]:
        """`term` itself, then each distinct rewrite by one rule (in rule order)."""
        return list(_keys(self, term))

    def to_json(self) -> dict:
        return {
            "lang": self.code,
            "rules": [list(r) for r in self.rules],
            "stop": sorted(self.stop_words),
            "prefixRules": self.prefix_rules,
            "minKey": self.min_key,
        }


@cache
def _compiled(rules: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern, str], ...]:
    # JavaScript's "$1" is Python's "\g<1>"
    return tuple((re.compile(p), re.sub(r"\$(\d)", r"\\g<\1>", r)) for p, r in rules)


@lru_cache(maxsize=200_000)
def _keys(language: Language, term: str) -> tuple[str, ...]:
    found = [term]
    for pattern, replacement in _compiled(language.rules):
        if pattern.search(term):
            key = pattern.sub(replacement, term, count=1)
            if key not in found and len(key) >= language.min_key and key not in language.stop_words:
                found.append(key)
    return tuple(found)


WELSH = Language("cy", tuple((p, r) for _, p, r in welsh.RADICAL_RULES), welsh.STOP_WORDS, prefix_rules=True)
ENGLISH = Language("en", english.SUFFIX_RULES, english.STOP_WORDS, prefix_rules=False, min_key=3)
LANGUAGES = {"cy": WELSH, "en": ENGLISH}
