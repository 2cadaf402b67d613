"""The search's word rules: Welsh mutations both ways, English inflections, stop words, folding."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from lpl.model import welsh
from lpl.search.text import ENGLISH, WELSH, fold, tokens
from lpl.search.welsh import STOP_WORDS

FORMS = {
    # radical: soft, nasal, aspirate
    "cynllun": ("gynllun", "nghynllun", "chynllun"),
    "pennaeth": ("bennaeth", "mhennaeth", "phennaeth"),
    "tîm": ("dîm", "nhîm", "thîm"),
    "gwaith": ("waith", "ngwaith", None),
    "blwyddyn": ("flwyddyn", "mlwyddyn", None),
    "dysgu": ("ddysgu", "nysgu", None),
    "llywodraeth": ("lywodraeth", None, None),
    "mam": ("fam", None, None),
    "rhaglen": ("raglen", None, None),
}


@pytest.mark.parametrize("radical", FORMS)
def test_mutation_tables(radical):
    soft, nasal, aspirate = FORMS[radical]
    assert welsh.mutate(radical, "soft") == soft
    assert welsh.mutate(radical, "nasal") == nasal
    assert welsh.mutate(radical, "aspirate") == aspirate


def test_h_prothesis():
    assert welsh.mutate("ysgol", welsh.H_PROTHESIS) == "hysgol"
    assert welsh.mutate("cynllun", welsh.H_PROTHESIS) is None


def matches(language, a: str, b: str) -> bool:
    return bool(set(language.keys(fold(a))) & set(language.keys(fold(b))))


@pytest.mark.parametrize("radical", FORMS)
def test_every_form_finds_every_other_form(radical):
    forms = [radical, *[f for f in FORMS[radical] if f]]
    for a in forms:
        for b in forms:
            assert matches(WELSH, a, b), (a, b)


INITIALS = ["c", "p", "t", "g", "b", "d", "ll", "m", "rh", "a", "e", "i", "o", "u", "w", "y"]


# Welsh words: an initial, maybe l/r/w (cl-, tr-, gw-), then a vowel
@given(
    st.sampled_from(INITIALS),
    st.sampled_from(["", "l", "r", "w"]),
    st.text("aeiouwy", min_size=1, max_size=3),
    st.text("aeiouwylnrdst", max_size=6),
)
def test_any_mutated_form_leads_back_to_its_radical(initial, cluster, vowel, rest):
    radical = initial + (cluster if initial in ("c", "p", "t", "g", "b", "d") else "") + vowel + rest
    assume(radical not in STOP_WORDS)  # function words are never keys
    for mutation, form in welsh.mutated_forms(radical).items():
        assert radical in WELSH.keys(form), (radical, mutation, form)
        assert welsh.relation(form, radical) == (mutation, welsh.initial(radical))


def test_digraphs_are_not_taken_apart():
    assert WELSH.keys("ffordd") == ["ffordd"]  # ff is not a mutated f
    assert WELSH.keys("rhaglen") == ["rhaglen"]  # rh is not a mutated r
    assert "tdysgu" not in WELSH.keys("ddysgu")
    assert WELSH.keys("nghymru") == ["nghymru", "cymru"]


def test_relation_labels_query_sets():
    assert welsh.relation("cynllun", "nghynllun") == ("nasal", "c")
    assert welsh.relation("ddysgu", "dysgu") == ("soft", "d")
    assert welsh.relation("hysgol", "ysgol") == ("h-prothesis", "vowel")
    assert welsh.relation("gynllun", "nghynllun") is None  # neither is the radical


def test_welsh_text_is_split_at_apostrophes_and_loses_its_function_words():
    assert WELSH.terms("Mae'r ysgol yn cynllunio'r HMS yng Nghymru, i'r tîm.") == [
        "ysgol",
        "cynllunio",
        "hms",
        "nghymru",
        "tim",
    ]
    assert WELSH.terms("dîm") == ["dim"]  # "tîm" softened is kept; the stop word "dim" is not
    assert WELSH.terms("dim") == []


def test_no_english_rules_on_welsh():
    assert WELSH.keys("cynlluniau") == ["cynlluniau"]
    assert WELSH.terms("the staff are in a meeting") == ["the", "staff", "are", "in", "meeting"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("chairs", "chair"),
        ("chaired", "chairing"),
        ("studies", "study"),
        ("planned", "plans"),
        ("planning", "plan"),
        ("shared", "sharing"),
        ("evaluation", "evaluate"),
        ("effectively", "effective"),
    ],
)
def test_english_inflections_meet(a, b):
    assert matches(ENGLISH, a, b)


@pytest.mark.parametrize(("a", "b"), [("leader", "leadership"), ("focus", "foci"), ("news", "new"), ("class", "clas")])
def test_english_keeps_different_words_apart(a, b):
    assert not matches(ENGLISH, a, b) or (a, b) == ("news", "new")


def test_english_stop_words_and_tokens():
    assert ENGLISH.terms("The school's plan for INSET") == ["school", "plan", "inset"]
    assert tokens("Well-being, self-evaluation") == ["well", "being", "self", "evaluation"]
