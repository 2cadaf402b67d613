"""`lpl check-summary`'s comparison: runs of 10+ words a summary shares with its source's excerpt, the quoting
rule, the lines it gives, and that it stays linear."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from lpl.editorial.check_summary import RUN, Excerpt, compare, quoted, read_excerpt, words
from lpl.model import CaseStudy, PublishedSource, Text

SOURCE = (
    "The headteacher and the senior staff of three primary schools have liaised closely over six years "
    "to create an effective network between their schools. Staff could put themselves forward for "
    "professional learning or be recommended by a leader."
)
HEADER = "Source: https://www.estyn.gov.wales/example (read 2026-12-02; licence: Open Government Licence v3.0)"


def excerpt(text: str = SOURCE) -> Excerpt:
    return Excerpt(
        "case_studies/sources/ysgol.en.txt",
        "en",
        "https://www.estyn.gov.wales/example",
        date(2026, 12, 2),
        "OGL",
        tuple(words(text, 2)),
    )


def study(summary: str, cy: str = "Crynodeb.") -> CaseStudy:
    texts = {name: Text("x", "x") for name in ("title", "context", "approach", "impact")}
    return CaseStudy(
        slug="ysgol", source_path="case_studies/ysgol.yml", schools=(Text.same("Ysgol Prawf"),), settings=("primary",),
        local_authority="gwynedd", language_scheme=None, language_category=None, audiences=("leaders",),
        hallmarks=(), entitlement_statements=(), slo_dimensions=(), standards_version=None, standards=(),
        characteristics=(), contributory_factors=(), national_priorities=(),
        summary=Text(summary, cy, lines=(3, 4)), advice=None, resources=(), images=(), contact=None,
        published=date(2026, 12, 1), last_reviewed=None, kind="summary",
        source=PublishedSource("Estyn", "Example", "https://www.estyn.gov.wales/example", "en"),
        unpublished=False, region=None, **texts,
    )  # fmt: skip


def findings(summary: str, lines: list[str] | None = None):
    return compare(study(summary), [excerpt()], lines or ["", "", "  en: x", ""])


def test_a_ten_word_run_is_found_and_nine_words_are_not():
    ten = "have liaised closely over six years to create an effective"
    assert len(ten.split()) == RUN
    [found] = findings(f"Leaders {ten} way of working.")
    assert found.words == RUN and "summary.en: 10 words shared with case_studies/sources/ysgol.en.txt:2" in str(found)
    assert findings("Leaders " + " ".join(ten.split()[:9]) + " way of working.") == []


def test_case_punctuation_and_apostrophes_are_folded():
    source = "Gallai’r staff gynnig eu hunain ar gyfer dysgu proffesiynol neu gael eu hargymell."
    text = "GALLAI'R staff, gynnig eu hunain — ar gyfer dysgu proffesiynol; neu gael eu hargymell!"
    assert len(compare(study("x", text), [excerpt(source)], ["", "", "", "  cy: x"])) == 1


def test_a_long_run_is_one_finding_with_its_length_and_words():
    [found] = findings("In short, " + SOURCE)
    assert found.words == len(SOURCE.split())
    assert "“The headteacher and the senior staff" in found.message


@pytest.mark.parametrize(
    ("text", "listed", "note"),
    [
        # quoted and attributed (the publisher named in the paragraph): not listed
        ("Estyn says leaders “have liaised closely over six years to create an effective network”.", False, ""),
        ('As Estyn puts it, "have liaised closely over six years to create an effective network".', False, ""),
        ("In Estyn’s words, ‘staff could put themselves forward for professional learning or be recommended’.",
         False, ""),
        # the school's name is an attribution too
        ("Ysgol Prawf’s leaders “have liaised closely over six years to create an effective network”.", False, ""),
        # quoted but nobody named: still listed, and said so
        ("Leaders “have liaised closely over six years to create an effective network”.", True, "in quotation marks, but not attributed"),
        # not quoted at all
        ("Estyn says leaders have liaised closely over six years to create an effective network.", True, ""),
        # a blockquote attributed in its own last line, or by the paragraph before it
        ("> Staff could put themselves forward for professional learning or be recommended by a leader.\n>\n"
         "> — Estyn", False, ""),
        ("Estyn describes it so:\n\n> Staff could put themselves forward for professional learning or be "
         "recommended by a leader.", False, ""),
        ("> Staff could put themselves forward for professional learning or be recommended by a leader.", True,
         "not attributed"),
    ],
)  # fmt: skip
def test_the_quoting_rule(text, listed, note):
    found = findings(text)
    assert bool(found) == listed, found
    if note:
        assert note in found[0].message


def test_an_apostrophe_inside_a_word_does_not_close_a_single_quotation():
    text = "Estyn: ‘the school’s staff could put themselves forward’ and more."
    [(start, end, attributed)] = quoted(text, ["estyn"])
    assert text[start:end] == "‘the school’s staff could put themselves forward’" and attributed


def test_lines_are_those_of_the_case_study_file_in_a_folded_block():
    lines = ["summary:", "  en: >-", "    Leaders in the Vale", "    have liaised closely over six years to",
             "    create an effective network."]  # fmt: skip
    s = study("Leaders in the Vale have liaised closely over six years to create an effective network.")
    s = s.__class__(**{**s.__dict__, "summary": Text(s.summary.en, "x", lines=(2, 2))})
    [found] = compare(s, [excerpt()], lines)
    assert found.line == 4


def test_an_excerpt_needs_its_header(tmp_path: Path):
    path = tmp_path / "ysgol.en.txt"
    path.write_text(HEADER + "\n" + SOURCE + "\n", encoding="utf-8")
    found, problems = read_excerpt(path, "case_studies/sources/ysgol.en.txt")
    assert problems == [] and found.url == "https://www.estyn.gov.wales/example" and found.read == date(2026, 12, 2)
    assert found.words[0].line == 2
    path.write_text(SOURCE + "\n", encoding="utf-8")
    found, problems = read_excerpt(path, "case_studies/sources/ysgol.en.txt")
    assert found is None and "first line must give the source's address" in str(problems[0])
    bad = tmp_path / "ysgol.fr.txt"
    bad.write_text(HEADER + "\n", encoding="utf-8")
    assert "ends in .en.txt or .cy.txt" in str(read_excerpt(bad, "x")[1][0])


def test_linear_time():
    """100,000 words of source and 25,000 of summary (all shared): a fraction of a second when linear."""
    body = " ".join(f"w{i}" for i in range(100_000))
    big = excerpt(body)
    text = " ".join(f"w{i}" for i in range(25_000))
    started = time.perf_counter()
    [found] = compare(study(text), [big], ["", "", "  en: x"])
    assert found.words == 25_000
    assert time.perf_counter() - started < 5
