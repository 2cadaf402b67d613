"""Every value a template writes is escaped where it is written (the house rule: escape at output), or is on a short
list of values that are ours, each with its reason: a template that writes a text from YAML as it is fails here,
before any page is built. The escaping itself is tested by giving the texts Markdown (tests/unit/test_renderers.py).
"""

from __future__ import annotations

import re

from jinja2 import nodes
from lpl.render.templates import TEMPLATES, environment

# The filters of lpl.render.escape (templates.py registers them), and Jinja's own for a URL's query value.
ESCAPING = {"inline", "e", "oneline", "prose", "href", "urlpath", "yamlstr", "yamljson", "urlencode"}
# A filter that may follow an escaping one: it adds our own markup to text already escaped ("&#47;<wbr>").
AFTER_ESCAPING = {"replace"}

# What may be written without a filter: (the templates it may be written in, a pattern the whole expression matches,
# why it is safe). A short name (`s`, `code`) is allowed only in the template that gives it its meaning.
ANY = r".*"
ALLOWED: tuple[tuple[str, str, str], ...] = (
    # Already HTML, escaped inside (lpl.render.page_context, escape, marking)
    (ANY, r"ctx\.(name|marked|prose|card_meta_html|source_title|resource|kind_tag)\(.*\)",
     "a PageContext method that returns HTML it escaped itself (escape.inline, escape.prose, marking.link)"),
    (r"pages/.*", r"(case_link|web_link|card|pager|cited_list)\(.*\)",
     "a macro of these templates: it escapes what it writes, and its template is read by this test too"),
    # Ours, not from YAML
    (ANY, r"ctx\.translation|'draft' if lang == 'cy' else 'reviewed'",
     "the front matter's translation status: a constant, filled in by PageContext.finish"),
    (ANY, r"lang|other|ctx\.other", "a language of the site (Language): en or cy"),
    (r"plans/make\.md\.j2", r"code", "a plan document's language code (model.plan.PLAN_LANGUAGES)"),
    (ANY, r"ctx\.date\(.*\)", "a date, as ISO 8601 digits and hyphens"),
    (r"pages/_catalogue\.md\.j2", r"k|number \+ 1", "a catalogue page's number"),
    (r"pages/catalogue\.md\.j2", r"n", "how many case studies have a filter's value"),
    (r"feed/feed\.xsl\.j2", r"loop\.index", "a month's number (1–12), looping over the language's month names"),
    (ANY, r"term\.number|s\.number|s\.section\.notes_lines|'%\.1f' \| format\(share \* 100\)",
     "a number the loader read as an int (an item's number, a count of lines, a column's share)"),
    (r"pages/.*", r"field|facet|facet\.key|key \| replace\('_', '-'\)",
     "a name from the code: a case study's section (a literal list), a catalogue facet (catalogue.FACETS)"),
    (r"plans/.*", r"file\.type|docx_type|file\.size",
     "a media type (a constant) or a size the build measured (size_label: digits and 'KB'), from plan_pages"),
    (r"plans/make\.md\.j2", r"data_json",
     "JSON plan_pages wrote for a <script type=\"application/json\">, every '<' written as \\u003c"),
    # Ids: each a slug (lowercase words joined by hyphens) or a vocabulary's id the loader matched
    (ANY, r"study\.slug|study\.kind|study\.local_authority|study\.language_scheme|study\.language_category"
          r"|term\.id|s\.id|table\.audience|group\.id|sub\.id|version\.version|row\.id|s\.section\.id|table\.id"
          r"|file\.hreflang",
     "an id the loader checked: a slug (Checker.slug_id, SLUG), a term of a vocabulary, a kind, a language"),
    (r"pages/case_study\.md\.j2", r"s|a",
     "a setting's or audience's id, each a term of data/settings.yml or data/audiences.yml (Checker.term_ids)"),
    (r"pages/_catalogue\.md\.j2", r"values \| join\(' '\)",
     "a card's facet values: ids as above, a standard as <version>:<id>"),
    (r"pages/case_study\.md\.j2",
     r"\" \(%s\)\" % study\.standards_version if framework\.shape == \"versions\" else \"\"",
     "a standards version, a slug the loader matched against data/standards.yml"),
    # Addresses we build from ids and the site's own paths
    (ANY, r"ctx\.propose_case_study|ctx\.cited_href\(.*\)|link\.relative\(page\)|s\.links\.catalogue\.relative\(page\)"
          r"|\"index\.md\" if k == 1 else \"page-\" ~ k ~ \"\.md\"|row\.print_page|file\.href|docx_href|blank_href"
          r"|downloads_page|stylesheet|script|'\.\./' \* \(2 if lang == 'cy' else 1\)",
     "a relative address the renderer built from slugs and ids (lpl.render.links, plan_pages)"),
    (r"pages/_case_link\.md\.j2", r"href", "the macro's address, built by its callers from a slug"),
    (r"pages/follow\.md\.j2", r"feed_address",
     "mkdocs.yml's site_url and the feed's path, in a code span (where an entity would show as written)"),
)  # fmt: skip

VALUE = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.S)
COMMENT = re.compile(r"\{#.*?#\}", re.S)
# Where a value starts an address: a Markdown link's or image's destination, or an HTML attribute that is one.
ADDRESS_BEFORE = re.compile(r"""(\]\(<?|\b(href|src)=")$""")
ADDRESS_FILTERS = {"href", "urlpath"}  # a text escaped for Markdown is no address: "javascript&#58;" is javascript:
FOLDERS = ("pages", "plans", "feed")


def escaped(node: nodes.Node) -> bool:
    """The expression is escaped at its outermost filter, or is a literal."""
    if isinstance(node, nodes.Filter):
        return node.name in ESCAPING or (node.name in AFTER_ESCAPING and escaped(node.node))
    if isinstance(node, nodes.CondExpr):  # "a" if x else "b"
        return escaped(node.expr1) and (node.expr2 is None or escaped(node.expr2))
    return isinstance(node, nodes.Const)


def written_values(folder: str) -> list[tuple[str, str, nodes.Node, bool]]:
    """(template:line, expression, its parsed node, whether it starts an address) for every {{ … }} of a folder."""
    env = environment(folder)
    found = []
    for path in sorted((TEMPLATES / folder).glob("*.j2")):
        source = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8"))
        for match in VALUE.finditer(source):
            expression = " ".join(match.group(1).split())
            output = env.parse("{{ " + expression + " }}").body[0]
            assert isinstance(output, nodes.Output)
            where = f"{folder}/{path.name}:{source.count(chr(10), 0, match.start()) + 1}"
            found.append((where, expression, output.nodes[0], bool(ADDRESS_BEFORE.search(source[: match.start()]))))
    return found


WRITTEN = [value for folder in FOLDERS for value in written_values(folder)]
UNESCAPED = [(where, expression) for where, expression, node, _ in WRITTEN if not escaped(node)]


def allowed(where: str, expression: str) -> bool:
    template = where.rsplit(":", 1)[0]
    return any(re.fullmatch(files, template) and re.fullmatch(pattern, expression) for files, pattern, _ in ALLOWED)


def test_every_value_a_template_writes_is_escaped_or_ours():
    unexplained = [
        f"{where}: {{{{ {expression} }}}}" for where, expression in UNESCAPED if not allowed(where, expression)
    ]
    assert unexplained == [], (
        "written unescaped: escape each for where it goes (| inline in Markdown or HTML text and attributes, | href "
        "or | urlpath for an address, | prose for a Markdown field), or, if it cannot come from YAML, add it to "
        "ALLOWED in tests/unit/test_templates.py with the reason"
    )
    assert len(WRITTEN) > 300 and UNESCAPED  # every template was read


def test_an_address_is_escaped_as_an_address():
    """A value that starts a link's address is escaped by `href` or `urlpath` (or is an address we built, above):
    `inline` makes text inert, not an address safe ("javascript&#58;…" is still javascript: to a browser)."""
    wrong = [
        f"{where}: {{{{ {expression} }}}}"
        for where, expression, node, address in WRITTEN
        if address and escaped(node) and not (isinstance(node, nodes.Filter) and node.name in ADDRESS_FILTERS)
    ]
    assert wrong == []
    assert len([w for w in WRITTEN if w[3]]) > 15  # the addresses are found


def test_every_allowed_pattern_is_still_needed():
    """The list stays short: a pattern no template needs any more is taken off."""
    unused = [
        pattern
        for files, pattern, _ in ALLOWED
        if not any(re.fullmatch(files, w.rsplit(":", 1)[0]) and re.fullmatch(pattern, e) for w, e in UNESCAPED)
    ]
    assert unused == []


def test_the_reader_finds_an_unescaped_label():
    """The test above can fail: a label written as it is, in a heading or inside an admonition's title."""
    env = environment("pages")
    for written in ("## {{ t('source') }}", '!!! info "{{ ctx.kind(study) }}"', "{{ ctx.text(x) | oneline | upper }}"):
        expression = VALUE.search(written).group(1)
        assert not escaped(env.parse("{{ " + expression + " }}").body[0].nodes[0]), written
    assert escaped(env.parse("{{ t('x') | inline | replace('&#47;', '&#47;<wbr>') }}").body[0].nodes[0])
