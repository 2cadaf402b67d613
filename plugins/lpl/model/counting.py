"""Counts in words: one rule per language, as data (as lpl/search/ keeps its word rules), used by the pages
(Python) and by the browser (overrides/assets/lpl-count.js, which reads the same rule from the page).

A count phrase names both forms of its noun, "{n} {case study|case studies}"; the language's rule says which
numbers take the singular. In Welsh a noun after a cardinal number is singular: "34 dogfen", "1 astudiaeth achos",
"2 astudiaeth achos" (Universal Dependencies' guidelines for Welsh, https://universaldependencies.org/cy/pos/NUM.html:
"Cardinals are always followed by the singular"). The mutations some numerals bring when said as words (dwy
ddogfen, tri chanlyniad; the table at http://users.aber.ac.uk/bmj/Tr/Cym/tr_geir.html) are not written after a
figure here: the noun keeps its radical form ("2 dogfen"), as the Welsh Government's translators' style guide, Yr
Arddulliadur (https://www.llyw.cymru/bydtermcymru/style-guide, "biliwn / miliwn"), keeps 'miliwn' and 'biliwn'
unmutated after numbers so a figure cannot be misread. No source was found asking for the spoken numeral's
mutation after a figure; practice varies, so a Welsh-speaking editor may revisit this rule (one line below).
"""

from __future__ import annotations

import json
import re

from .language import Language

# Which numbers take the noun's singular form; every other number takes the plural.
COUNT_RULES: dict[str, dict] = {
    "en": {"singular": [1]},  # 1 case study; 0 case studies, 34 case studies
    "cy": {"singular": "all"},  # 1 astudiaeth achos, 34 astudiaeth achos, 34 dogfen
}
FORMS = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")  # {singular|plural}
NUMBER = "{n}"


def takes_singular(n: int, lang: Language) -> bool:
    singular = COUNT_RULES[lang]["singular"]
    return singular == "all" or n in singular


def count_phrase(n: int, phrase: str, lang: Language) -> str:
    """The phrase with its number and the noun form the language's rule asks for."""
    form = 1 if takes_singular(n, lang) else 2
    return FORMS.sub(lambda m: m.group(form), phrase).replace(NUMBER, str(n))


def rule_json(lang: Language) -> str:
    """The language's rule as the browser reads it (a data attribute of the elements that count)."""
    return json.dumps(COUNT_RULES[lang], separators=(",", ":"))
