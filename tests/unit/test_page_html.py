"""The edits a page gets on its way out (lpl.render.page_html), in memory."""

from __future__ import annotations

from lpl.render.page_html import (
    absolute_alternates,
    localised_permalinks,
    named_downloads,
    valid_toggles,
    with_draft_notice,
)

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


def test_materials_toggles_lose_only_the_attribute_html_does_not_allow_on_a_check_box():
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
        '<input type="text" name="query" autocomplete="off">'
    )
    assert valid_toggles(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
        '<input type="text" name="query" autocomplete="off">'
    )


def test_open_data_links_get_their_languages_download_name_wherever_they_are():
    names = {"case-studies/index.csv": "lpl.csv", "cy/case-studies/index.csv": "adp&.csv"}
    page = (
        '<a href="../case-studies/index.csv">CSV</a> <a href="index.csv">CSV</a> '
        '<a href="https://example.org/case-studies/index.csv">elsewhere</a> <a href="../case-studies/index.json">J</a>'
    )
    assert named_downloads(page, "about/", names) == (
        '<a href="../case-studies/index.csv" download="lpl.csv">CSV</a> <a href="index.csv">CSV</a> '
        '<a href="https://example.org/case-studies/index.csv">elsewhere</a> <a href="../case-studies/index.json">J</a>'
    )
    assert 'download="adp&amp;.csv"' in named_downloads('<a href="index.csv">', "cy/case-studies/", names)
    assert 'download="lpl.csv"' in named_downloads('<a href="/case-studies/index.csv">', "", names)  # the 404 page
