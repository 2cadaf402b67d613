"""Language on the page, in memory: counts by each language's rule, names marked with their language, a page read
as a screen reader reads it, a guidance page's sources (README "Welsh spelling and terms")."""

from __future__ import annotations

import pytest
from lpl.editorial.read_aloud import CODE, read_aloud
from lpl.load.case_studies import name_language
from lpl.model import Language, PageSource
from lpl.model.counting import count_phrase
from lpl.render.escape import prose
from lpl.render.marking import marked_inline
from lpl.render.sources import sources_section

CASE_STUDIES = "{n} {astudiaeth achos|astudiaethau achos}"
DOCUMENTS = "{n} {dogfen|dogfennau} sy'n cyfateb"


@pytest.mark.parametrize(
    ("n", "phrase", "lang", "said"),
    [
        (34, DOCUMENTS, "cy", "34 dogfen sy'n cyfateb"),  # the "34 dogfennau" read wrong
        (1, CASE_STUDIES, "cy", "1 astudiaeth achos"),
        (2, CASE_STUDIES, "cy", "2 astudiaeth achos"),
        (2, DOCUMENTS, "cy", "2 dogfen sy'n cyfateb"),  # after a figure the noun keeps its radical form
        (0, "{n} {case study|case studies}", "en", "0 case studies"),
        (1, "{n} {case study|case studies}", "en", "1 case study"),
        (
            34,
            "See all {n} {case study|case studies} in the catalogue",
            "en",
            "See all 34 case studies in the catalogue",
        ),
    ],
)
def test_counts_follow_each_languages_rule(n, phrase, lang, said):
    assert count_phrase(n, phrase, lang) == said


def test_a_school_name_given_once_is_in_the_language_its_words_say():
    assert name_language("Herbert Thompson Primary School") == "en"
    assert name_language("Ysgol Gynradd Cwm Derwen") == "cy"
    assert name_language("Ysgol Example High School") is None  # both: not guessed
    assert name_language("Cyfarthfa Cluster") is None  # neither


def test_names_in_another_language_are_marked_in_prose_and_stay_text():
    names = {"Herbert Thompson Primary School": "en", "<script>x</script>": "en", "Bad": "fr"}
    html = prose(
        "Mae **Herbert Thompson Primary School** yn ysgol; Herbert Thompson Primary Schools. <script>x</script>", names
    )
    assert '<strong><span lang="en">Herbert Thompson Primary School</span></strong>' in html
    assert "Primary Schools" in html and html.count('lang="en"') == 2  # whole words only
    assert "<script>" not in html and "&lt;script&gt;" in html  # the name is text, marked, never markup
    assert 'lang="fr"' not in html
    # nothing in a YAML text can write a span itself
    assert "<span" not in prose('<span lang="en">x</span>') and "&lt;span" in prose('<span lang="en">x</span>')


def test_a_one_line_text_keeps_its_spaces_around_a_marked_name():
    marked = marked_inline("Estyn: Learning Support (Saesneg)", {"Learning Support": "en"}, "cy")
    assert marked == 'Estyn&#58; <span lang="en">Learning Support</span> &#40;Saesneg&#41;'
    assert marked_inline("Learning Support", {"Learning Support": "en"}, "en") == "Learning Support"


def test_a_page_is_read_in_the_language_of_each_element():
    page = (
        '<html lang="cy"><head><title>Teitl y dudalen</title><script>var x = "English words";</script></head><body>'
        '<a class="headerlink" href="#a" title="Dolen barhaol">&para;</a><img src="l.svg" alt="Arwain">'
        '<p>Mae <span lang="en">Castell Alun High School <b lang="cy">ysgol</b></span> yn dda.<br>Diwedd</p>'
        '<p aria-hidden="true">hidden English</p><p hidden>Nôl i\'r brig</p><code>index.json</code>'
        "<svg><title>icon</title></svg><template>English template</template></body></html>"
    )
    spoken = read_aloud(page, "cy")
    assert spoken.of("cy").split() == [
        "Teitl", "y", "dudalen", "Dolen", "barhaol", "¶", "Arwain", "Mae", "ysgol", "yn", "dda.", "Diwedd",
        "Nôl", "i'r", "brig",
    ]  # fmt: skip
    assert spoken.of("en").split() == ["Castell", "Alun", "High", "School"]
    assert spoken.of(CODE) == "index.json"


def test_sources_say_the_language_of_their_titles_publishers_and_pages():
    sources = (
        PageSource("The national model", "Education Scotland", "https://example.org/a", "2018", None, "en", "en"),
        PageSource("Hawl Genedlaethol", "Llywodraeth Cymru (Hwb)", "https://example.org/b", "2022-09", None, None),
        PageSource('<b>"x"</b>', "<i>", "https://example.org/c", None, "2026-11-30", None, None),
    )
    html = sources_section(sources, Language.CY, "Ffynonellau", "heb ddyddiad; darllenwyd ar")
    assert (
        '<li><span lang="en">Education Scotland</span>, <a href="https://example.org/a" hreflang="en" lang="en">'
        'The national model</a>, <time datetime="2018">2018</time></li>'
    ) in html
    # dates as a Welsh reader says them, the ISO form for machines
    assert '<time datetime="2022-09">Medi 2022</time>' in html
    assert 'heb ddyddiad; darllenwyd ar <time datetime="2026-11-30">30 Tachwedd 2026</time>' in html
    assert '<a href="https://example.org/b" hreflang="cy">Hawl Genedlaethol</a>' in html
    assert "&lt;b&gt;&quot;x&quot;&lt;/b&gt;" in html and "&lt;i&gt;" in html
