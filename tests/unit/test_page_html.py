"""The edits a page gets on its way out (lpl.render.page_html), in memory."""

from __future__ import annotations

from lpl.render.page_html import absolute_alternates, with_draft_notice


def test_draft_notice_goes_right_after_the_title_or_first():
    page = "---\ntranslation: draft\n---\n# Teitl\n\nTestun."
    assert with_draft_notice(page, "Drafft", "Cyfieithiad drafft.") == (
        '---\ntranslation: draft\n---\n# Teitl\n\n!!! info "Drafft"\n\n    Cyfieithiad drafft.\n\n\n\nTestun.'
    )
    assert with_draft_notice("Testun.", "Drafft", "N.").startswith('!!! info "Drafft"\n\n    N.\n\n')


def test_alternates_become_absolute_with_an_x_default_after_english():
    html = '<link rel="alternate" href="./" hreflang="en"><link rel="alternate" href="../cy/" hreflang="cy">'
    assert absolute_alternates(html, "https://example.org/key-principles/") == (
        '<link rel="alternate" href="https://example.org/key-principles/" hreflang="en">'
        '<link rel="alternate" href="https://example.org/key-principles/" hreflang="x-default">'
        '<link rel="alternate" href="https://example.org/cy/" hreflang="cy">'
    )
