"""Property: whatever an editor saves, the loader answers with located problems and never crashes."""

from __future__ import annotations

import string

import pytest
import yaml
from harness import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lpl.load import check_case_study, check_data
from lpl.load.source import Problem
from test_validate import GOOD

VOCAB, _ = check_data(ROOT)
FIELDS = [
    "title",
    "schools",
    "settings",
    "local_authority",
    "language_category",
    "audiences",
    "hallmarks",
    "entitlement_statements",
    "slo_dimensions",
    "professional_standards",
    "characteristics",
    "translation",
    "summary",
    "context",
    "approach",
    "impact",
    "advice",
    "resources",
    "images",
    "contact",
    "published",
    "last_reviewed",
    "kind",
    "source",
    "publisher",
    "unpublished",
    "name",
    "en",
    "cy",
    "cy_status",
    "url",
    "path",
    "alt",
    "scheme",
    "category",
    "version",
    "standards",
    "consent",
    "email",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.sampled_from(
        ["primary", "leaders-2", "2025-02-30", "<script>", "[x](javascript:1)", "images/../../x.png", "draft"]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), inner, max_size=5),
    ),
    max_leaves=20,
)
structured = st.dictionaries(st.sampled_from(FIELDS), values, max_size=12).map(
    lambda d: yaml.safe_dump(d, allow_unicode=True)
)


@st.composite
def edited_good_file(draw):
    """The valid example with a few characters changed, as a slip of the keyboard would."""
    text = GOOD
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 5))
        text = text[:at] + draw(st.text(string.printable + "ŵŷâ&*!|>{}[]:-#'\"\t", max_size=6)) + text[at + cut :]
    return text


documents = st.one_of(
    structured, edited_good_file(), st.text(max_size=300), st.binary(max_size=200).map(lambda b: b.decode("latin-1"))
)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents)
def test_loader_never_raises_and_locates_every_problem(tmp_path_factory, text):
    folder = tmp_path_factory.getbasetemp() / "hypothesis"
    (folder / "case_studies").mkdir(parents=True, exist_ok=True)
    path = folder / "case_studies" / "ysgol-prawf.yml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    study, problems = check_case_study(path, folder, VOCAB)
    assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 and p.message for p in problems)
    errors = [p for p in problems if p.severity == "error"]
    assert (study is None) == bool(errors), problems
