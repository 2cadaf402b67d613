"""The edits a page gets on its way out (lpl.render.page_html), in memory."""

from __future__ import annotations

from lpl.render.page_html import absolute_alternates, localised_permalinks, with_draft_notice

NOTICE = (
    '<div class="admonition info" data-search-exclude>\n<p class="admonition-title">Drafft</p>\n<p>{}</p>\n</div>\n\n'
)


def test_draft_notice_goes_right_after_the_title_or_first_and_out_of_search():
    page = "---\ntranslation: draft\n---\n# Teitl\n\nTestun."
    assert with_draft_notice(page, "Drafft", "Cyfieithiad drafft.") == (
        "---\ntranslation: draft\n---\n# Teitl\n\n" + NOTICE.format("Cyfieithiad drafft.") + "\n\nTestun."
    )
    assert with_draft_notice("Testun.", "Drafft", "N <b>") == NOTICE.format("N &lt;b&gt;") + "Testun."


def test_heading_links_are_titled_in_the_page_language():
    html = (
        '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2><p title="Permanent link">'
    )
    assert localised_permalinks(html, 'Dolen "barhaol"') == (
        '<h2 id="a">A<a class="headerlink" href="#a" title="Dolen &quot;barhaol&quot;">&para;</a></h2>'
        '<p title="Permanent link">'
    )


def test_alternates_become_absolute_with_an_x_default_after_english():
    html = '<link rel="alternate" href="./" hreflang="en"><link rel="alternate" href="../cy/" hreflang="cy">'
    assert absolute_alternates(html, "https://example.org/key-principles/") == (
        '<link rel="alternate" href="https://example.org/key-principles/" hreflang="en">'
        '<link rel="alternate" href="https://example.org/key-principles/" hreflang="x-default">'
        '<link rel="alternate" href="https://example.org/cy/" hreflang="cy">'
    )
