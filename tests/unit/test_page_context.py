"""The render context marks a page a draft translation from what the page shows (no list of texts kept beside a
template), and the typed language helpers the renderers share."""

from __future__ import annotations

import jinja2
import pytest
from lpl.model import DRAFT, REVIEWED, Language, Text, lang_prefix, other
from lpl.render.page_context import PageContext

PAGE = jinja2.Template(
    "---\ntitle: x\ntranslation: {{ ctx.translation }}\n---\n\n{{ ctx.text(value) }} {{ t('kind') }}\n"
)


@pytest.mark.parametrize(
    ("value", "lang", "marked"),
    [
        (Text("Reviewed", "Adolygwyd", REVIEWED, REVIEWED), "cy", "reviewed"),
        (Text("Reviewed", "Drafft", REVIEWED, DRAFT), "cy", "draft"),
        (Text("Reviewed", "Drafft", REVIEWED, DRAFT), "en", "reviewed"),  # the Welsh draft is not on this page
        (Text("Only English", None, REVIEWED, DRAFT), "cy", "reviewed"),  # missing, not draft: its notice says so
    ],
)
def test_a_page_is_a_draft_translation_when_a_text_it_shows_is(content, value, lang, marked):
    ctx = PageContext(content, lang)
    page = ctx.render(PAGE, value=value)
    assert f"\ntranslation: {marked}\n" in page and ctx.translation not in page
    assert content.frameworks.labels["kind"].is_draft("cy")  # the interface's wording is not counted
    ctx.render(PAGE, value=Text("Reviewed", "Drafft", REVIEWED, DRAFT))
    assert "translation: reviewed" in ctx.render(PAGE, value=Text("A", "B", REVIEWED, REVIEWED)), "each page anew"


def test_a_template_without_the_translation_line_is_refused(content):
    with pytest.raises(ValueError, match="translation"):
        PageContext(content, "cy").render(jinja2.Template("---\ntitle: x\n---\n\n{{ ctx.translation }}\n"))


def test_the_other_language_and_each_languages_folder():
    assert (other("en"), other(Language.CY)) == (Language.CY, Language.EN)
    assert (lang_prefix("en"), lang_prefix(Language.CY)) == ("", "cy/")
    assert Language.CY == "cy" and f"{Language.CY}" == "cy" and DRAFT == "draft"
