"""Welsh initial mutations, both ways, as plain data and pure functions.

A word's first letters change after certain words ("cynllun": "ei gynllun", "fy nghynllun", "ei
chynllun"; "ysgol": "ein hysgol"). The search (lpl.search.welsh) indexes and looks up every word under each
radical it could be a mutation of, so a reader who types "cynllun" finds "gynllun" and one who types
"nghynllun" finds "cynllun"; the term check (lpl.editorial.term_check) finds a forbidden variant in its
mutated forms. The backward rules over-generate on purpose (without a dictionary, "gael" may be a radical
too); the search's ranking puts the form the reader typed first.
"""

from __future__ import annotations

VOWELS = "aeiouwy"  # after diacritics are folded (ŵ → w, ŷ → y)

# radical initial → mutated initial ("" = the consonant is dropped)
SOFT = {"c": "g", "p": "b", "t": "d", "g": "", "b": "f", "d": "dd", "ll": "l", "m": "f", "rh": "r"}
NASAL = {"c": "ngh", "p": "mh", "t": "nh", "g": "ng", "b": "m", "d": "n"}
ASPIRATE = {"c": "ch", "p": "ph", "t": "th"}
MUTATIONS = {"soft": SOFT, "nasal": NASAL, "aspirate": ASPIRATE}
H_PROTHESIS = "h-prothesis"  # "ei henw", "ein hysgol": h- before a vowel-initial word

# The same tables read backwards, as (pattern, replacement) rewrites from a surface form to a
# possible radical. Regular expressions valid in both Python and JavaScript: the browser applies
# these very rules to what the reader types. Guards keep digraphs whole (ll, rh, dd, ff, ngh).
RADICAL_RULES: tuple[tuple[str, str, str], ...] = (
    # (mutation, pattern, replacement)
    ("soft", "^g", "c"),
    ("soft", "^b", "p"),
    ("soft", "^d(?!d)", "t"),
    ("soft", "^(?=[aeiouwy]|l(?!l)|r(?!h))", "g"),  # g dropped: waith ← gwaith, lan ← glan
    ("soft", "^f(?!f)", "b"),
    ("soft", "^f(?!f)", "m"),
    ("soft", "^dd", "d"),
    ("soft", "^l(?!l)", "ll"),
    ("soft", "^r(?!h)", "rh"),
    ("nasal", "^ngh", "c"),
    ("nasal", "^mh", "p"),
    ("nasal", "^nh", "t"),
    ("nasal", "^ng(?!h)", "g"),
    ("nasal", "^m(?!h)", "b"),
    ("nasal", "^n(?![gh])", "d"),
    ("aspirate", "^ch", "c"),
    ("aspirate", "^ph", "p"),
    ("aspirate", "^th", "t"),
    (H_PROTHESIS, "^h(?=[aeiouwy])", ""),
)


def mutate(radical: str, mutation: str) -> str | None:
    """`radical` under `mutation` ("soft", "nasal", "aspirate", "h-prothesis"); None if it does not change."""
    word = radical.lower()
    if mutation == H_PROTHESIS:
        return "h" + word if word[:1] in VOWELS else None
    table = MUTATIONS[mutation]
    for initial in sorted(table, key=len, reverse=True):  # "ll" and "rh" before "l" and "r"
        if word.startswith(initial):
            return table[initial] + word[len(initial) :]
    return None


def mutated_forms(radical: str) -> dict[str, str]:
    """Every form a radical takes, by mutation: {"soft": "gynllun", "nasal": "nghynllun", …}."""
    forms = {m: mutate(radical, m) for m in (*MUTATIONS, H_PROTHESIS)}
    return {m: f for m, f in forms.items() if f}


def initial(radical: str) -> str:
    """The mutable initial of a radical ("ll", "rh", a consonant, or "vowel")."""
    word = radical.lower()
    for start in ("ll", "rh"):
        if word.startswith(start):
            return start
    return "vowel" if word[:1] in VOWELS else word[:1]


def relation(a: str, b: str) -> tuple[str, str] | None:
    """How two forms of one word relate, as (mutation, radical initial), when one is the radical.

    relation("cynllun", "nghynllun") == ("nasal", "c"); None when neither form mutates into the other.
    """
    for radical, other in ((a, b), (b, a)):
        for mutation, form in mutated_forms(radical).items():
            if form == other.lower():
                return mutation, initial(radical)
    return None
