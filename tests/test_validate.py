"""The validator an editor relies on: every check, with a real bad file, its exact location and message."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest
from harness import ROOT, copy_project
from lpl.load import check

GOOD = textwrap.dedent("""\
    # yaml-language-server: $schema=../plugins/lpl/schema/case_study.schema.json
    kind: illustrative
    title: {en: "Twilight triads", cy: "Triawdau gyda'r hwyr"}
    schools:
      - name: Ysgol Prawf
    settings: [primary]
    local_authority: gwynedd
    language_category: {scheme: "2023", category: welsh-medium}
    audiences: [leaders, teachers]
    hallmarks: [collaboration]
    entitlement_statements: [leaders-2]
    slo_dimensions: [team-learning]
    professional_standards: {version: "2017", standards: [collaboration]}
    translation: {en: reviewed, cy: draft}
    summary: {en: "A summary.", cy: "Crynodeb."}
    context: {en: "Context.", cy: "Cyd-destun."}
    approach: {en: "Approach.", cy: "Dull."}
    impact: {en: "Impact.", cy: "Effaith."}
    published: 2025-03-14
    """)


@pytest.fixture
def project(tmp_path) -> Path:
    root = copy_project(tmp_path / "p")
    for f in (root / "case_studies").glob("*.yml"):
        f.unlink()
    return root


def problems_for(project: Path, text: str | bytes, name: str = "ysgol-prawf.yml"):
    path = project / "case_studies" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    content, problems = check(project)
    return content, [str(p) for p in problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_good_file_loads(project):
    content, problems = problems_for(project, GOOD)
    assert problems == []
    [study] = content.case_studies
    assert study.slug == "ysgol-prawf" and study.region == "gwe"
    assert content.cited_by("hallmarks", "collaboration") == (study,)


def test_repository_content_is_valid():
    content, problems = check(ROOT)
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert len(content.case_studies) >= 8


@pytest.mark.parametrize(
    ("bad", "needle", "col", "message"),
    [
        (
            "settings: [secondry]",
            "settings:",
            12,
            "'settings' must be one of nursery, primary, secondary, all-age, special, pru, cluster (got 'secondry' — did you mean 'secondary'?)",
        ),
        ("hallmarks: [colaboration]", "hallmarks:", 13, "did you mean 'collaboration'?"),
        ("entitlement_statements: [leaders-9]", "entitlement_statements:", 26, "(got 'leaders-9'"),
        ("local_authority: cardif", "local_authority:", 18, "did you mean 'cardiff'?"),
        ("published: 2025-02-30", "published:", 12, "'published' is not a real date: '2025-02-30'"),
        ("published: 14/03/2025", "published:", 12, "'published' must be a date written YYYY-MM-DD"),
        ("audiences: leaders", "audiences:", 12, "'audiences' must be a list"),
    ],
)
def test_bad_values_are_located(project, bad, needle, col, message):
    key = bad.split(":")[0]
    text = "\n".join(bad if line.startswith(key + ":") else line for line in GOOD.splitlines()) + "\n"
    _, problems = problems_for(project, text)
    line = line_of(text, needle)
    assert any(
        p.startswith(f"case_studies/ysgol-prawf.yml:{line}:{col}: error: ") and message in p for p in problems
    ), problems


def test_unknown_key_suggests(project):
    text = GOOD + "summry: {en: x, cy: y}\n"
    _, problems = problems_for(project, text)
    assert (
        f"case_studies/ysgol-prawf.yml:{line_of(text, 'summry')}:1: error: unknown field 'summry' — did you mean 'summary'?"
        in problems
    )


def test_missing_required_field(project):
    text = GOOD.replace('impact: {en: "Impact.", cy: "Effaith."}\n', "")
    _, problems = problems_for(project, text)
    assert "case_studies/ysgol-prawf.yml:2:1: error: 'impact' is missing (it is required)" in problems


def test_wrong_type_plain_text_instead_of_both_languages(project):
    text = GOOD.replace('summary: {en: "A summary.", cy: "Crynodeb."}', "summary: Just English")
    _, problems = problems_for(project, text)
    line = line_of(text, "summary:")
    assert any(
        p.startswith(f"case_studies/ysgol-prawf.yml:{line}:10: error: 'summary' must be a block of fields")
        for p in problems
    ), problems


def test_duplicate_key_is_caught(project):
    text = GOOD + "kind: school\n"
    _, problems = problems_for(project, text)
    line = line_of(text, "kind: school")
    first = line_of(text, "kind: illustrative")
    assert problems == [
        f"case_studies/ysgol-prawf.yml:{line}:1: error: 'kind' appears twice in the same block "
        f"(first on line {first}); only one can be kept, so delete or rename one"
    ]


def test_yaml_syntax_error_is_located(project):
    text = GOOD.replace('impact: {en: "Impact.", cy: "Effaith."}', "impact:\n  en: Impact: it worked\n  cy: Effaith")
    _, problems = problems_for(project, text)
    assert len(problems) == 1 and problems[0].startswith(f"case_studies/ysgol-prawf.yml:{line_of(text, 'Impact: it')}:")
    assert "(a text containing ': ' must be put in quotes)" in problems[0]


def test_missing_welsh_summary_is_an_error_missing_welsh_advice_a_warning(project):
    text = (
        GOOD.replace('summary: {en: "A summary.", cy: "Crynodeb."}', 'summary: {en: "A summary."}')
        + 'advice: {en: "Advice."}\n'
    )
    _content, problems = problems_for(project, text)
    assert (
        f"case_studies/ysgol-prawf.yml:{line_of(text, 'summary:')}:10: error: 'summary' has no Welsh text (add a 'cy:' line)"
        in problems
    )
    assert any(
        ":warning: " in p.replace(": warning: ", ":warning: ") and "'advice' has no Welsh text yet" in p
        for p in problems
    )


def test_missing_welsh_narrative_still_publishes_with_warning(project):
    content, problems = problems_for(project, GOOD + 'advice: {en: "Advice."}\n')
    assert content is not None and content.case_studies[0].advice.is_missing("cy")
    assert [p for p in problems if "warning" in p]


def test_slug_must_match_file_name_rules(project):
    _, problems = problems_for(project, GOOD, name="Ysgol Prawf.yml")
    assert any(
        p.startswith("case_studies/Ysgol Prawf.yml:1:1: error: the file name 'Ysgol Prawf.yml'")
        and "ysgol-prawf.yml" in p
        for p in problems
    )


def test_duplicate_slug(project):
    (project / "case_studies" / "ysgol-prawf.yaml").write_text(GOOD, encoding="utf-8")
    _, problems = problems_for(project, GOOD)
    assert any("two case studies have the slug 'ysgol-prawf'" in p for p in problems), problems


def test_html_and_javascript_links_rejected(project):
    text = GOOD.replace(
        'approach: {en: "Approach.", cy: "Dull."}',
        'approach: {en: "We did <script>alert(1)</script> it.", cy: "[cliciwch](javascript:alert(1))"}',
    )
    _, problems = problems_for(project, text)
    line = line_of(text, "approach:")
    assert any(
        p.startswith(f"case_studies/ysgol-prawf.yml:{line}:16: error: 'approach.en' contains HTML ('<script>')")
        for p in problems
    ), problems
    assert any(f":{line}:" in p and "'approach.cy' links to 'javascript:alert'" in p for p in problems), problems


def test_event_handler_html_rejected(project):
    text = GOOD.replace(
        'impact: {en: "Impact.", cy: "Effaith."}', 'impact: {en: "<img src=x onerror=alert(1)>", cy: "Effaith."}'
    )
    _, problems = problems_for(project, text)
    assert any("'impact.en' contains HTML" in p for p in problems)


def test_resource_link_must_be_web_address(project):
    text = GOOD + 'resources:\n  - title: {en: "Guide", cy: "Canllaw"}\n    url: "ftp://example.org/x"\n'
    _, problems = problems_for(project, text)
    assert (
        f"case_studies/ysgol-prawf.yml:{line_of(text, 'ftp://')}:10: error: 'resources[0].url' is not a link a page may carry (got 'ftp://example.org/x'): links must start with https://, http:// or mailto:"
        in problems
    )


def test_images_missing_outside_and_without_alt(project):
    text = GOOD + (
        'images:\n  - path: images/nope.png\n    alt: {en: "A chart", cy: "Siart"}\n'
        '  - path: ../../etc/passwd.png\n    alt: {en: "x", cy: "y"}\n'
        '  - path: images/ok.svg\n    alt: {en: "Only English"}\n'
    )
    (project / "case_studies" / "images").mkdir(exist_ok=True)
    (project / "case_studies" / "images" / "ok.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    _, problems = problems_for(project, text)
    assert any(
        f":{line_of(text, 'nope.png')}:11: error: image 'images/nope.png' was not found" in p for p in problems
    ), problems
    assert any(
        f":{line_of(text, 'passwd')}:11: error: image path '../../etc/passwd.png' must be inside case_studies/" in p
        for p in problems
    )
    assert any(f":{line_of(text, 'Only English')}:10: error: 'images[2].alt' has no Welsh text" in p for p in problems)


def test_yaml_tags_that_construct_objects_are_refused(project):
    text = GOOD.replace(
        'title: {en: "Twilight triads", cy: "Triawdau gyda\'r hwyr"}',
        "title: !!python/object/apply:os.system ['echo hacked']",
    )
    _, problems = problems_for(project, text)
    assert problems == [
        f"case_studies/ysgol-prawf.yml:{line_of(text, 'title:')}:8: error: the YAML tag "
        "'!!python/object/apply:os.system' is not allowed (tags can run code); remove it"
    ]


def test_anchor_and_alias_refused_where_written(project):
    text = (
        GOOD.replace('impact: {en: "Impact.", cy: "Effaith."}', 'impact: &same {en: "Impact.", cy: "Effaith."}')
        + "advice: *same\n"
    )
    _, problems = problems_for(project, text)
    assert problems == [
        f"case_studies/ysgol-prawf.yml:{line_of(text, 'impact:')}:9: error: anchors and aliases "
        "('&name' / '*name') are not allowed; write the text out in full"
    ]


def test_non_utf8_file(project):
    good = GOOD.replace("Crynodeb.", "Crynodeb ŵ.")
    text = good.encode("utf-8").replace("ŵ".encode(), b"\xf5")
    line = line_of(good, "summary:")
    column = good.splitlines()[line - 1].index("ŵ") + 1
    _, problems = problems_for(project, text)
    assert problems == [
        f"case_studies/ysgol-prawf.yml:{line}:{column}: error: the file is not saved as "
        "UTF-8 text; save it again choosing the UTF-8 encoding (Welsh letters such as ŵ and ŷ need it)"
    ]


def test_oversized_file(project):
    text = GOOD + "# " + "x" * 300_000 + "\n"
    _, problems = problems_for(project, text)
    assert problems == [
        f"case_studies/ysgol-prawf.yml:1:1: error: the file is {len(text.encode()) // 1024} KB; the limit is 256 KB "
        "(images belong in separate files, not in the YAML)"
    ]


def test_billion_laughs_rejected_quickly_with_bounded_memory(project):
    bomb = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        bomb.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    text = "\n".join(bomb) + "\n" + GOOD
    tracemalloc.start()
    started = time.perf_counter()
    _, problems = problems_for(project, text)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert any("anchors and aliases ('&name' / '*name') are not allowed" in p for p in problems)
    assert elapsed < 5 and peak < 50 * 1024 * 1024


def test_validate_script_output_and_exit_codes(project):
    bad = GOOD.replace("settings: [primary]", "settings: [secondry]")
    (project / "case_studies" / "ysgol-prawf.yml").write_text(bad, encoding="utf-8")
    script = [sys.executable, str(ROOT / "scripts" / "validate.py"), "--root", str(project)]
    run = subprocess.run(script + ["--github"], capture_output=True, text=True)
    assert run.returncode == 1
    line = line_of(bad, "settings:")
    assert f"case_studies/ysgol-prawf.yml:{line}:12: error: 'settings' must be one of" in run.stdout
    assert f"::error file=case_studies/ysgol-prawf.yml,line={line},col=12::'settings' must be one of" in run.stdout
    (project / "case_studies" / "ysgol-prawf.yml").write_text(GOOD, encoding="utf-8")
    run = subprocess.run(script, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "OK: 1 case study checked" in run.stderr


def test_every_error_reported_at_once(project):
    text = (
        GOOD.replace("settings: [primary]", "settings: [secondry]")
        .replace("local_authority: gwynedd", "local_authority: gwyned")
        .replace("published: 2025-03-14", "published: 2025-13-01")
    )
    _, problems = problems_for(project, text)
    assert len([p for p in problems if ": error: " in p]) == 3


# --- kinds of case study (issue 15) ------------------------------------------------------------------------------

SUMMARY = (
    GOOD.replace(
        "kind: illustrative\n",
        textwrap.dedent("""\
    kind: summary
    source:
      publisher: Estyn
      title: "Professional learning in a small school"
      title_cy: "Dysgu proffesiynol mewn ysgol fach"
      published: 2019-06-20
      url: https://www.estyn.gov.wales/effective-practice/example
      language: both
    """),
    )
    .replace('language_category: {scheme: "2023", category: welsh-medium}\n', "")
    .replace("hallmarks: [collaboration]", "hallmarks: []")
)


def test_summary_loads_with_its_source_and_without_what_its_source_does_not_state(project):
    content, problems = problems_for(project, SUMMARY)
    assert problems == []
    [study] = content.case_studies
    assert study.kind == "summary" and study.language_category is None and study.hallmarks == ()
    assert (
        study.source.publisher,
        study.source.title_in("cy"),
        study.source.published.isoformat(),
        study.source.language,
    ) == ("Estyn", "Dysgu proffesiynol mewn ysgol fach", "2019-06-20", "both")


@pytest.mark.parametrize(
    ("change", "needle", "message"),
    [
        (
            lambda t: t.replace("kind: summary", "kind: sumary"),
            "kind:",
            "'kind' must be one of summary, school, illustrative (got 'sumary' — did you mean 'summary'?)",
        ),
        (lambda t: t.split("source:")[0] + "title:" + t.split("\ntitle:", 1)[1], "kind:", "'source' is missing"),
        (
            lambda t: t.replace("url: https://www.estyn", "url: http://www.estyn"),
            "url: http",
            "'source.url' must be a web address starting with https://",
        ),
        (
            lambda t: t.replace("url: https://www.estyn.gov.wales/effective-practice/example", "url: https:///nohost"),
            "url: https",
            "'source.url' must be a web address starting with https://",
        ),
        (
            lambda t: t.replace("language: both", "language: fr"),
            "language: fr",
            "'source.language' must be one of en, cy, both",
        ),
        (lambda t: t + "contact: {name: A Person, consent: true}\n", "contact:", "a summary has no 'contact'"),
        (
            lambda t: t.replace("published: 2019-06-20", "published: 2099-01-01"),
            "published: 2099",
            "'source.published' (2099-01-01) is in the future",
        ),
        (lambda t: t.replace("publisher: Estyn", "publisher: '   '"), "publisher:", "'source.publisher' is empty"),
    ],
)
def test_summary_problems_are_located(project, change, needle, message):
    text = change(SUMMARY)
    _, problems = problems_for(project, text)
    assert any(f":{line_of(text, needle)}:" in p and message in p for p in problems), problems


@pytest.mark.parametrize(
    ("described", "after", "iso", "reforms"),
    [
        ("2015-05", "inspection", "2015-05", ("aln", "curriculum")),
        ("2015", None, "2015", ("aln", "curriculum")),  # a bare year is read by YAML as a number: taken as a year
        ('"2019-01-31"', "report", "2019-01-31", ("aln", "curriculum")),
        ("2022-03", "visit", "2022-03", ("curriculum",)),
        ("2019-06", "publication", "2019-06", ("aln", "curriculum")),
    ],
)
def test_summary_says_when_its_source_described_the_practice(project, described, after, iso, reforms):
    text = SUMMARY.replace(
        "  language: both\n",
        f"  language: both\n  described: {described}\n" + (f"  described_after: {after}\n" if after else ""),
    ).replace("published: 2019-06-20", "published: 2022-06-20")
    content, problems = problems_for(project, text)
    assert problems == []
    [study] = content.case_studies
    assert (study.source.described.isoformat(), study.source.described_after) == (iso, after)
    assert study.source.reforms_since() == reforms


@pytest.mark.parametrize(
    ("change", "needle", "message"),
    [
        (
            "  described: 2015-5\n",
            "described:",
            "'source.described' must be a year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2015-05 (got '2015-5')",
        ),
        ("  described: 2015-13\n", "described:", "'source.described' is not a real year, month or day: '2015-13'"),
        ("  described: 2099-01\n", "described:", "'source.described' (2099-01) is in the future"),
        ("  described: 2019-07\n", "described:", "is after the source's own date, 'source.published' (2019-06-20)"),
        ("  described_after: inspection\n", "described_after:", "add 'described'"),
        (
            "  described: 2015-05\n  described_after: inspected\n",
            "described_after:",
            "'source.described_after' must be one of inspection, report, visit, publication",
        ),
    ],
)
def test_described_problems_are_located(project, change, needle, message):
    text = SUMMARY.replace("  language: both\n", "  language: both\n" + change)
    _, problems = problems_for(project, text)
    assert any(f":{line_of(text, needle)}:" in p and message in p for p in problems), problems


@pytest.mark.parametrize("kind", ["illustrative", "school"])
def test_other_kinds_refuse_a_source_and_need_what_a_summary_may_leave_out(project, kind):
    text = SUMMARY.replace("kind: summary", f"kind: {kind}")
    _, problems = problems_for(project, text)
    assert any(f":{line_of(text, 'source:')}:1: error: 'source' is only for a summary" in p for p in problems), problems
    assert any("'language_category' is missing" in p for p in problems), problems
    assert any(
        f":{line_of(text, 'hallmarks:')}:" in p and "'hallmarks' needs at least one entry" in p for p in problems
    ), problems


def test_kind_is_required(project):
    _, problems = problems_for(project, GOOD.replace("kind: illustrative\n", ""))
    assert any("'kind' is missing" in p for p in problems), problems


# --- regions: what applies on the date a case study was published (data/regions.yml, issue 15) ---------------------


@pytest.mark.parametrize(
    ("authority", "published", "region"),
    [
        ("conwy", "2025-05-31", "gwe"),  # GwE's last day (it ended on 31 May 2025)
        ("conwy", "2025-06-01", None),  # after it: the local authority's own arrangements
        ("gwynedd", "2013-01-15", None),  # before GwE was set up (February 2013)
        ("swansea", "2021-08-31", "erw"),  # ERW supported its members until 31 August 2021
        ("swansea", "2021-09-01", "partneriaeth"),  # its successor from 1 September 2021
        ("powys", "2021-09-01", "mid-wales"),
        ("neath-port-talbot", "2020-06-01", None),  # left ERW on 31 March 2020, in no later partnership
    ],
)
def test_region_comes_from_the_authority_and_the_date_published(project, authority, published, region):
    text = GOOD.replace("local_authority: gwynedd", f"local_authority: {authority}").replace(
        "published: 2025-03-14", f"published: {published}"
    )
    content, problems = problems_for(project, text)
    assert problems == [] and content.case_studies[0].region == region


def test_a_case_study_after_an_end_date_never_names_the_ended_body(project):
    from lpl.render.pages import render_site_pages

    for published, shows, never in (
        ("2025-05-31", "GwE", "own arrangements"),
        ("2025-06-01", "own arrangements", "GwE"),
    ):
        content, _ = problems_for(project, GOOD.replace("published: 2025-03-14", f"published: {published}"))
        page = render_site_pages(content, "en")["case-studies/ysgol-prawf.md"]
        region = page.split("Region when added\n:   ", 1)[1].split("\n", 1)[0]
        assert shows in region and never not in region, region
        cy = render_site_pages(content, "cy")["case-studies/ysgol-prawf.md"].split(
            "Rhanbarth pan ychwanegwyd\n:   ", 1
        )[1]
        assert ("GwE" in cy.split("\n", 1)[0]) == (published == "2025-05-31")


def test_an_illustrative_example_may_be_placed_nowhere_real_other_kinds_may_not(project):
    """An invented school need not be put in a real local authority (issue 24): then it has no region either."""
    text = GOOD.replace("local_authority: gwynedd\n", "")
    content, problems = problems_for(project, text)
    assert problems == [] and (content.case_studies[0].local_authority, content.case_studies[0].region) == (None, None)
    _, problems = problems_for(project, text.replace("kind: illustrative", "kind: school"))
    assert any("'local_authority' is missing (it is required)" in p for p in problems), problems
