"""Property: no pattern or parser over what an editor writes does more than linear work.

Hypothesis builds long strings (up to the 20,000 characters a text may hold, and addresses far past their
limits) from the fragments that make backtracking patterns slow — repeated brackets, braces, angle
brackets, 'javascript', '@', dots, entities, whitespace — and every check must answer in bounded time.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
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
