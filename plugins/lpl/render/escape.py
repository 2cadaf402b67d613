"""The one escaping rule, applied where a text from YAML is written into a generated page.

Generated pages are Markdown that MkDocs renders with raw HTML and attribute lists enabled (our own
templates use both), so no text from YAML may reach that Markdown as it was written:

- `inline`: a one-line text (a title, a school's or contact's name, a role, alt text, a caption, a label)
  becomes HTML-escaped text in which every ASCII punctuation character is a numeric entity: it reads the
  same, and means nothing to Markdown, its extensions or an attribute list — not a link or an emphasis,
  and not a block either where it starts a line (`!!!` and `???` admonitions, `-`/`+`/`1.` lists, `#`
  headings, `>` quotes, `:` definitions, `|` tables, `*[abbr]:`, `///` blocks): CommonMark lets any ASCII
  punctuation be escaped, so the whole class is closed, not the syntaxes known today.
- `prose`: a Markdown field (summary, context, approach, impact, advice) is rendered here, by its own
  CommonMark parser in which raw HTML and attribute lists do not exist and links are kept only when their
  address is https:, http: or mailto: (`lpl.model.web`), then cleaned by nh3 (the Ammonia sanitiser) to an
  allow-list of tags, attributes and URL schemes, and handed to MkDocs as one line of raw HTML (which it
  passes through untouched), with the same entities for Markdown's characters.
- `href`: an address goes into an attribute, or a Markdown link as `[text](<address>)` (the brackets keep a ')'
  in it from ending the link), only when it is a permitted link, else the link is dropped.
- Front matter (`yamlstr`, `yamljson`): every value is one YAML double-quoted string of printable ASCII,
  every other character written as an escape (\\uXXXX, \\UXXXXXXXX past the BMP, which YAML does not
  join from surrogate pairs as JSON would), so the front matter always parses: a value YAML refused
  (DEL, a C1 control, U+FFFF) made MkDocs drop the whole front matter into the page as Markdown, title
  and all (issue 23), and the build now fails if that ever happens again (`lpl.publish.pages`,
  `lpl.mkdocs.content`). Material writes `page.meta.title` and `page.meta.description` into the page
  without escaping, so they are handed to it HTML-escaped (`yamlstr`); `yamljson` is for the values our
  own overrides/main.html escapes itself (feed_title, json_ld), and for paths.
- `csv_cell`: a spreadsheet cell that could be read as a formula (OWASP; ASVS 1.2.10) starts with an
  apostrophe, also where a `;` would start a cell in a spreadsheet that splits on it (a `,` is inside
  quotes already, as RFC 4180 writes it).
"""

from __future__ import annotations

import html
import re
import string
from urllib.parse import quote

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model.web import is_link

# Every ASCII punctuation character (all that Markdown, its extensions, attribute lists, HTML or Jinja could
# read), as a numeric entity; and line breaks and tabs, though `inline` has collapsed them already.
_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in string.punctuation + "\n\r\t"})

PROSE_TAGS = {"p", "a", "strong", "em", "ul", "ol", "li", "blockquote", "code", "pre", "br", "hr", "h3", "h4", "span"}
_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}, "span": set()}
# The only markup `prose` adds itself: a name's language, one of the site's (a YAML text cannot write a tag at all).
_ATTRIBUTE_VALUES = {"span": {"lang": {"en", "cy"}}}


def inline(value: object) -> str:
    """A one-line text, inert in Markdown and HTML alike (whitespace, line breaks included, collapsed)."""
    return " ".join(str(value).split()).translate(_ENTITIES)


def inline_part(value: object) -> str:
    """A run of a one-line text (a name within it, the text around it): escaped as `inline`, its spaces kept."""
    return re.sub(r"\s+", " ", str(value)).translate(_ENTITIES)


class _Markdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        return is_link(url)  # an address that is not https:, http: or mailto: stays text


def _parser() -> MarkdownIt:
    md = _Markdown("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image", "heading", "lheading"])  # images go under images:, headings are the page's own
    return md


_MD = _parser()


def prose(value: str, names: dict[str, str] | None = None) -> str:
    """A Markdown field as one line of sanitised HTML, wrapped so MkDocs passes it through. `names`: {name: its
    language} for names written in another language than the text's (a school's English name in Welsh prose),
    each found in the text marked `<span lang>` by the renderer, so the text itself carries no markup."""
    tokens = _MD.parse(value)
    if names:
        _mark_names(tokens, names)
    rendered = nh3.clean(
        _MD.renderer.render(tokens, _MD.options, {}),
        tags=PROSE_TAGS,
        attributes=_ATTRIBUTES,
        tag_attribute_values=_ATTRIBUTE_VALUES,
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener",
    )
    # One line, and no character left for MkDocs' Markdown to read: it sees a raw HTML block.
    one_line = rendered.strip().replace("\n", "&#10;")
    for c in "{}[]*_`\\!":
        one_line = one_line.replace(c, f"&#{ord(c)};")
    return f'<div class="lpl-prose">{one_line}</div>'


def _mark_names(tokens: list[Token], names: dict[str, str]) -> None:
    """Each text run of the parsed Markdown split at the names, each name between `<span lang>` tokens (whole
    words, longest first; a literal alternation, so linear)."""
    known = sorted((n for n in names if len(n) >= 3 and names[n] in ("en", "cy")), key=len, reverse=True)
    if not known:
        return
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in known) + r")(?!\w)")
    for block in tokens:
        if block.type != "inline" or not block.children:
            continue
        children = []
        for child in block.children:
            if child.type != "text" or not pattern.search(child.content):
                children.append(child)
                continue
            at = 0
            for m in pattern.finditer(child.content):
                if m.start() > at:
                    children.append(_text(child.content[at : m.start()]))
                children += [
                    _html(f'<span lang="{names[m.group(0)]}">'),
                    _text(m.group(0)),
                    _html("</span>"),
                ]
                at = m.end()
            if at < len(child.content):
                children.append(_text(child.content[at:]))
        block.children = children


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)


def _html(content: str) -> Token:
    return Token("html_inline", "", 0, content=content)


def href(url: str) -> str:
    """An address for an href attribute, or for a Markdown link written `[text](<address>)`, or "" when it may not
    be linked to. A '|' is percent-encoded (RFC 3986 has no '|': %7C is the same address), so no address ends a
    Markdown table's cell; '<' and '>', which would end the `<…>`, are never in a permitted link."""
    return html.escape(url.strip(), quote=True).replace("|", "%7C") if is_link(url) else ""


def urlpath(path: str) -> str:
    """A relative file path (checked by the loader) as a URL path: every other character percent-encoded."""
    return quote(path, safe="/")


def _yaml_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar of printable ASCII: every other character escaped."""
    out = []
    for c in text:
        code = ord(c)
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= code < 0x7F:
            out.append(c)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def yamljson(value: object) -> str:
    """A value for front matter that our own override escapes where it writes it (main.html: feed_title,
    json_ld), or a path: on one line, always readable as YAML."""
    return _yaml_quoted(" ".join(str(value).split()))


def yamlstr(value: object) -> str:
    """A one-line text for front matter that Material writes into HTML unescaped."""
    return _yaml_quoted(html.escape(" ".join(str(value).split()), quote=True))


# A cell a spreadsheet would take for a formula (OWASP "CSV injection"; ASVS 1.2.10): = + - @, tab, CR, NUL.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def csv_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: an apostrophe before a formula's first character, at the
    cell's start and after any ';' (and spaces): where spreadsheets split on ';' (the locales that write
    decimals with a comma), "Ysgol;=1+1" is two cells, the second a formula. A ',' needs nothing: the csv
    module quotes a cell that holds one, as RFC 4180 says."""
    cell = ("'" + value) if value.startswith(FORMULA_STARTS) else value
    if ";" not in cell:
        return cell
    out, after_separator = [], False
    for c in cell:
        if after_separator and c in FORMULA_STARTS:
            out.append("'")
        if c == ";":
            after_separator = True
        elif c != " ":
            after_separator = False
        out.append(c)
    return "".join(out)
