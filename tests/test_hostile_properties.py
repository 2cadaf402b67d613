"""Property: no pattern or parser over what an editor writes does more than linear work.

Hypothesis builds long strings (up to the 20,000 characters a text may hold, and addresses far past their
limits) from the fragments that make backtracking patterns slow — repeated brackets, braces, angle
brackets, 'javascript', '@', dots, entities, whitespace — and every check must answer in bounded time.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lpl.load import checks, images
from lpl.load.checks import MAX_TEXT, text_problem
from lpl.model.web import email_problem, link_problem
from lpl.render.escape import inline, prose

FRAGMENTS = [
    "[",
    "]",
    "(",
    ")",
    "](",
    "![",
    "{",
    "}",
    "{:",
    "=",
    "<",
    ">",
    "<a",
    "</",
    "@",
    ".",
    ":",
    "&#",
    ";",
    "&#106;",
    "javascript",
    "java\tscript:",
    "http://",
    "https://",
    "mailto:",
    "\\",
    "*",
    "_",
    "`",
    " ",
    "\n",
    "\t",
    "a",
    "1",
    "-",
    "#",
    "'",
    '"',
    "x" * 50,
    "[r]: ",
    "\n[r]:",
    "ŵ",
]
# One fragment repeated many times, or a run of fragments repeated: the shapes of catastrophic inputs.
pathological = st.one_of(
    st.tuples(st.sampled_from(FRAGMENTS), st.integers(1_000, 20_000)).map(lambda t: (t[0] * t[1])[:MAX_TEXT]),
    st.tuples(st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=6), st.integers(500, 5_000)).map(
        lambda t: ("".join(t[0]) * t[1])[:MAX_TEXT]
    ),
)
BOUND = 0.5  # seconds for one check of a whole text; linear work takes a few milliseconds

PATTERNS = {
    name: value
    for module in (checks, images)
    for name, value in vars(module).items()
    if hasattr(value, "pattern") and hasattr(value, "finditer")
}


def timed(call, *args) -> float:
    start = time.perf_counter()
    call(*args)
    return time.perf_counter() - start


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pathological)
def test_every_pattern_over_user_text_is_linear(text):
    assert PATTERNS, "no patterns found"
    for name, pattern in PATTERNS.items():
        took = timed(lambda pattern=pattern: (list(pattern.finditer(text)), pattern.fullmatch(text)))
        assert took < BOUND, f"{name} took {took:.2f} s on {text[:40]!r}… ({len(text)} characters)"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pathological)
def test_the_text_rule_and_the_address_parsers_are_linear(text):
    for name, call in (
        ("text_problem", lambda: (text_problem(text, True), text_problem(text, False))),
        ("link_problem", lambda: link_problem("https://" + text)),
        ("email_problem", lambda: email_problem("a@" + text)),
    ):
        took = timed(call)
        assert took < BOUND, f"{name} took {took:.2f} s on {text[:40]!r}… ({len(text)} characters)"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pathological)
def test_rendering_an_accepted_text_is_bounded(text):
    """What the validator accepts is rendered by the build: bounded too (CommonMark is linear, but Python-slow)."""
    if text_problem(text, True) is None:
        took = timed(lambda: (prose(text), inline(text)))
        assert took < 30 * BOUND, f"rendering took {took:.2f} s on {text[:40]!r}… ({len(text)} characters)"


# === Second round (issue 23) ===================================================================================

import html  # noqa: E402
import shutil  # noqa: E402
import string  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import lxml.html  # noqa: E402
import markdown  # noqa: E402
import pytest  # noqa: E402
import yaml  # noqa: E402
from harness import ROOT, copy_project  # noqa: E402
from hostile import corpus  # noqa: E402
from lpl.load import check_case_study, load_data, source  # noqa: E402
from lpl.load.site_config import read_site_config  # noqa: E402
from lpl.publish import pages as publish_pages  # noqa: E402
from lpl.publish.pages import front_matter_problem  # noqa: E402
from lpl.render.escape import FORMULA_STARTS, PROSE_TAGS, csv_cell, yamljson, yamlstr  # noqa: E402
from lpl.render.pages import render_site_pages  # noqa: E402

PATTERNS.update(
    {
        f"{module.__name__}.{name}": value
        for module in (source, publish_pages)
        for name, value in vars(module).items()
        if hasattr(value, "pattern") and hasattr(value, "finditer")
    }
)
BLOCK_STARTERS = [
    "??? ",
    "???+ ",
    "!!! ",
    "/// ",
    "- ",
    "+ ",
    "* ",
    "1. ",
    "1) ",
    "# ",
    "> ",
    ": ",
    "|",
    "*[a]: ",
    "~~~",
]
SPECIALS = ["\x7f", "\x86", "\uffff", "\ufdd0", "\u2028", "\x85", "\U0001f600", "\u00a0", "\u200b", "\ufeff", "ŵ", "\\"]
any_text = st.text(max_size=300)  # every code point but lone surrogates (hypothesis leaves them out)
hostile_text = st.lists(
    st.sampled_from(FRAGMENTS + BLOCK_STARTERS + SPECIALS + ["Ysgol ", "a ", "\n\n"]), max_size=40
).map("".join)
LOADERS = [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text, hostile_text))
def test_front_matter_values_always_parse_to_what_was_written(text):
    """Every value a template writes into front matter is one line of printable ASCII that both YAML readers
    read back exactly (a DEL, a C1 control or U+FFFF made MkDocs drop the whole front matter before)."""
    collapsed = " ".join(text.split())
    for written, meant in ((yamlstr(text), html.escape(collapsed, quote=True)), (yamljson(text), collapsed)):
        assert written.isascii() and written.isprintable(), written
        page = f"---\ntitle: {written}\n---\n# x\n"
        assert front_matter_problem(page) is None
        for loader in LOADERS:
            assert yaml.load(f"title: {written}", Loader=loader) == {"title": meant}


SITE_MARKDOWN = read_site_config(ROOT / "mkdocs.yml", {})["markdown_extensions"]


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's own extensions (mkdocs.yml), as MkDocs renders a generated page."""
    names, configs = [], {}
    for entry in SITE_MARKDOWN:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = config or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(hostile_text, st.text(alphabet=string.punctuation + " a\n", max_size=60)))
def test_an_inline_text_is_one_paragraph_of_its_own_words_wherever_a_line_starts(text):
    """`inline` output at the start of a line, in a list item and after a definition's ':' is plain text: no
    admonition (??? / !!!), list, heading, quote, table, abbreviation or block: only the words come out."""
    from lpl.render.escape import inline

    collapsed = " ".join(text.split())
    written = inline(text)
    for context, wrapper in (("line", "{}"), ("item", "- x {}"), ("definition", "Term\n:   {}")):
        rendered = site_markdown().convert(wrapper.format(written) + "\n")
        tree = lxml.html.fragment_fromstring(rendered, create_parent="div")
        tags = {el.tag for el in tree.iter()} - {"div"}
        allowed = {"line": {"p"}, "item": {"ul", "li"}, "definition": {"dl", "dt", "dd"}}[context]
        assert tags <= allowed, (context, rendered)
        if context == "line" and collapsed:
            assert tree.text_content() == collapsed, rendered


@settings(max_examples=300, deadline=None)
@given(st.one_of(any_text, hostile_text, st.text(alphabet="=+-@;, \t\ra", max_size=30)))
def test_no_csv_cell_starts_a_formula_whichever_separator_a_spreadsheet_uses(text):
    cell = csv_cell(" ".join(text.split()))
    for part in cell.split(";"):
        stripped = part.lstrip(" ")
        assert not stripped.startswith(FORMULA_STARTS), (cell, part)


# --- A case study the validator accepts renders inert: front matter read, no markup but the template's --------

PAGES = ("case-studies/ysgol-property.md", "case-studies/index.md")


class Project:
    """A copy of the project with no case studies, its data read once (a short repr for hypothesis)."""

    def __init__(self, root: Path):
        self.root = root
        problems: list = []
        self.frameworks = load_data(root, problems)
        self.markup: dict[str, set] = {}

    def __repr__(self) -> str:
        return f"Project({self.root})"

    def render(self, text: str) -> dict[str, list] | None:
        """Each page's elements and attributes as MkDocs would render them, or None if the file is refused."""
        from lpl.model import Content, index_citations

        path = self.root / "case_studies" / "ysgol-property.yml"
        path.write_text(text, encoding="utf-8")
        study, problems = check_case_study(path, self.root, self.frameworks)
        if study is None:
            assert problems and all(p.line >= 1 for p in problems)
            return None
        content = Content(
            frameworks=self.frameworks,
            case_studies=(study,),
            unpublished=(),
            citations=index_citations((study,)),
            plan=None,
        )
        found = {}
        for lang in ("en", "cy"):
            made = render_site_pages(content, lang)
            for rel in PAGES:
                assert front_matter_problem(made[rel]) is None, made[rel][:500]
                _, body = made[rel][4:].split("\n---\n", 1)
                tree = lxml.html.fragment_fromstring(site_markdown().convert(body), create_parent="div")
                found[f"{lang}/{rel}"] = [
                    (el.tag, name, value) for el in tree.iter() for name, value in [*el.attrib.items(), ("", "")]
                ]
        return found


@pytest.fixture(scope="module")
def hostile_project():
    folder = Path(tempfile.mkdtemp(prefix="hostile-properties-"))
    root = copy_project(folder / "project")
    for f in (root / "case_studies").glob("*.yml"):
        f.unlink()
    shutil.copy2(corpus.HERE / "hostile-diagram.png", root / "case_studies" / "images" / "hostile-diagram.png")
    project = Project(root)
    # the template's own markup: every element and attribute name the base file's pages have, also with a text
    # missing in each language (shown in the other language, marked with lang) and as a summary (its source)
    missing, _ = corpus.put(corpus.TEXT_FIELDS["context.en"].line, "")
    missing, _ = corpus.put(corpus.TEXT_FIELDS["approach.cy"].line, "", base=missing)
    for variant in (corpus.BASE, missing, corpus.SUMMARY):
        for page, found in project.render(variant).items():
            project.markup.setdefault(page, set()).update((tag, name) for tag, name, _ in found)
    # and what a Markdown field may hold (lpl.render.escape's allow-list)
    for markup in project.markup.values():
        markup |= {(tag, "") for tag in PROSE_TAGS} | {("a", "href"), ("a", "rel"), ("ol", "start")}
    yield project
    shutil.rmtree(folder)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(corpus.FIELDS), st.one_of(hostile_text, st.text(max_size=80)))
def test_what_the_validator_accepts_renders_as_text(hostile_project, field, text):
    """Any text in any field: refused with a location, or rendered (MkDocs' Markdown, the site's extensions) with
    no element or attribute the base file's pages lack, and links only to https, http or mailto."""
    value = text if not field.one_line else " ".join(text.split())
    found = hostile_project.render(corpus.put(field.line, value, summary=field.summary)[0])
    event("accepted" if found else "refused")
    for page, markup in (found or {}).items():
        for tag, name, value in markup:
            assert (tag, name) in hostile_project.markup[page], (page, tag, name, value, text)
            if name in ("href", "src") and ":" in value.split("/")[0]:
                assert value.split(":")[0] in ("https", "http", "mailto"), (page, value, text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(pathological, st.text(alphabet="u\\rl(#)-a ;/*'\"", max_size=5_000)))
def test_checking_an_svg_attribute_is_linear(value):
    from xml.sax.saxutils import quoteattr

    svg = corpus.SVG.format(f'<rect width="1" height="1" fill={quoteattr(value)}/>').encode("utf-8", "replace")
    took = timed(images.svg_problem, svg)
    assert took < BOUND, f"svg_problem took {took:.2f} s on {value[:40]!r}…"
