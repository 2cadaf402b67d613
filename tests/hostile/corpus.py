"""The second hostile corpus (issue 23), generated from (field, payload) pairs rather than written by hand.

Each attack is one payload put into one field of tests/hostile/base.yml (or of its summary variant), so the
line it is written on is known and every refusal can be checked against it. `REFUSED` must each be refused on
that line; `ACCEPTED` are hostile-looking but legal, so the validator must accept them and the build must make
them inert (tests/test_hostile_browser.py builds them and opens them in Chromium).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = (HERE / "base.yml").read_text(encoding="utf-8")

# The same case study as a summary of a published one: a source, and no contact.
SUMMARY = BASE.replace("kind: illustrative", "kind: summary").split("contact:")[0] + (
    "published: 2025-01-15\n"
    "kind: summary\n"
    "source:\n"
    '  publisher: "Estyn"\n'
    '  title: "Peer coaching in two schools"\n'
    '  url: "https://www.estyn.gov.wales/effective-practice/peer-coaching"\n'
    "  language: en\n"
)


def quoted(value: str) -> str:
    """`value` as a YAML double-quoted scalar with every character outside printable ASCII escaped: what an
    attacker writes to put a character in a file without it appearing there (\\x7f, \\uffff, \\ud800)."""
    out = []
    for c in value:
        code = ord(c)
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= code < 0x7F:
            out.append(c)
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


@dataclass(frozen=True)
class Field:
    line: str  # the line of the base file that holds it
    name: str  # its name in messages
    one_line: bool  # a one-line text (plain) rather than Markdown
    summary: bool = False  # in the summary variant


FIELDS = [
    Field('  en: "Peer coaching across two schools"', "title.en", True),
    Field('  cy: "Hyfforddi cymheiriaid ar draws dwy ysgol"', "title.cy", True),
    Field('  - name: "Ysgol Hostile One"', "schools[0].name", True),
    Field('      en: "Hostile Two Primary School"', "schools[1].name.en", True),
    Field('      cy: "Ysgol Gynradd Hostile Dau"', "schools[1].name.cy", True),
    Field('  en: "Two schools coached each other for a year."', "summary.en", False),
    Field('  cy: "Bu dwy ysgol yn hyfforddi ei gilydd am flwyddyn."', "summary.cy", False),
    Field('  en: "Two small schools in Gwynedd."', "context.en", False),
    Field('  cy: "Parodd athrawon ar draws yr ysgolion."', "approach.cy", False),
    Field('  en: "Staff reported more confidence."', "impact.en", False),
    Field('  cy: "Dechreuwch yn fach."', "advice.cy", False),
    Field('      en: "Professional learning on Hwb"', "resources[0].title.en", True),
    Field('      en: "A diagram of the coaching cycle"', "images[0].alt.en", True),
    Field('      cy: "Diagram o\'r cylch hyfforddi"', "images[0].alt.cy", True),
    Field('      en: "The coaching cycle"', "images[0].caption.en", True),
    Field('  name: "Alex Example"', "contact.name", True),
    Field('    en: "Deputy headteacher"', "contact.role.en", True),
    Field('  publisher: "Estyn"', "source.publisher", True, summary=True),
    Field('  title: "Peer coaching in two schools"', "source.title", True, summary=True),
]
TEXT_FIELDS = {f.name: f for f in FIELDS}


@dataclass(frozen=True)
class Case:
    name: str
    text: str  # the whole file
    line: int  # where the attack is written (1-based)
    said: str  # what the message must say (besides the field's name)
    field: str = ""  # the field's name in messages, where there is one


def put(line_text: str, value: str, *, summary: bool = False, raw: bool = False, base: str = "") -> tuple[str, int]:
    """The base file (or `base`) with `line_text`'s value replaced by `value` (quoted, unless `raw`), and its line."""
    base = base or (SUMMARY if summary else BASE)
    assert line_text in base, line_text
    key = line_text.split(":", 1)[0]
    new = f"{key}: {value if raw else quoted(value)}"
    text = base.replace(line_text, new, 1)
    return text, text.splitlines().index(new.splitlines()[0]) + 1


# --- Characters no text may hold: written with YAML's escapes, into every text field ---------------------

CHARACTERS = {
    "del": "\x7f",
    "c1-control": "\x86",
    "escape": "\x1b[31m",
    "vertical-tab": "\x0b",
    "nul": "\x00",
    "non-character-ffff": "\uffff",
    "non-character-fdd0": "\ufdd0",
    "non-character-plane-16": "\U0010ffff",
    "lone-surrogate": "\ud800",  # libyaml refuses it; PyYAML's own reader, the fallback, accepted it
    "right-to-left-override": "\u202e",
}


def character_cases() -> list[Case]:
    cases = []
    for name, character in CHARACTERS.items():
        for f in FIELDS:
            text, line = put(f.line, f"Text {character} more", summary=f.summary)
            cases.append(Case(f"{name}-in-{f.name}", text, line, f"U+{ord(character[0]):04X}", f.name))
    return cases


# --- One-line texts: markup in every form, across lines too ---------------------------------------------

ONE_LINE = {
    # the route of issue 23: an image whose attribute list is split over a line break
    "image-attribute-list-across-lines": ("Title ![x](https://evil.example/x.png)\n{: onerror=alert(1)}", "line break"),
    "image-on-one-line": ("Title ![x](https://evil.example/x.png)", "image"),
    "nested-brackets-image": ("Title ![a [b] c](https://evil.example/x.png)", "image"),
    "attribute-list-across-lines": ("Title {\nautofocus onfocus=alert(1)}", "line break"),
    "bare-attribute": ("Title {hidden}", "braces"),
    "id-attribute": ("Title { #main }", "braces"),
    "tab": ("Title\tmore", "a tab"),
    "carriage-return": ("Title\rmore", "U+000D"),
    "too-long": ("x" * 1_001, "the limit is 1,000"),
}
# Markdown texts: attribute lists and images over several lines (a bare {word} is prose there: inert)
MARKDOWN = {
    "attribute-list-across-lines": ("See [this](https://hwb.gov.wales/){\nautofocus onfocus=alert(1)\n}", "attribute"),
    "attribute-list-blank-inside": ("Text {\n\n: .x onclick=alert(1) }", "attribute"),
    "image-across-lines": ("Text ![a\nb](https://evil.example/x.png)", "image"),
    "image-reference": ("Text ![a][r]\n\n[r]: https://evil.example/x.png", "image"),
    "too-long": ("x" * 20_001, "the limit is 20,000"),
}
# In every text: markup written with entities, which a reader of the open data could decode into markup
ENTITIES = {
    "entity-html": ("&lt;img src=x onerror=alert(document.domain)&gt;", "HTML"),
    "numeric-entity-html": ("&#60;script&#62;alert(1)&#60;/script&#62;", "HTML"),
    "entity-attribute-list": ("Text &#123;: onclick=alert(1) &#125;", "attribute list"),
}


def markup_cases() -> list[Case]:
    cases = []
    for f in FIELDS:
        for name, (payload, said) in ({**ENTITIES, **(ONE_LINE if f.one_line else MARKDOWN)}).items():
            text, line = put(f.line, payload, summary=f.summary)
            cases.append(Case(f"{name}-in-{f.name}", text, line, said, f.name))
    return cases


# --- Addresses: one parser for all of them ---------------------------------------------------------------

RESOURCE_URL = '    url: "https://hwb.gov.wales/professional-development"'
SOURCE_URL = '  url: "https://www.estyn.gov.wales/effective-practice/peer-coaching"'
EMAIL = '  email: "alex@ysgol.example.org"'
SUMMARY_TEXT = '  en: "Two schools coached each other for a year."'
USER_INFO = "https://www.estyn.gov.wales@evil.example/effective-practice"
ADDRESSES = {
    # (where, value, summary variant?, raw YAML?, what the message says)
    "resource-user-info": (RESOURCE_URL, USER_INFO, False, False, "'@'"),
    "resource-user-password": (RESOURCE_URL, "https://user:pass@hwb.gov.wales/", False, False, "'@'"),
    "resource-no-slashes": (RESOURCE_URL, "https:evil.example/x", False, False, "two slashes"),
    "resource-percent-host": (RESOURCE_URL, "https://evil%2eexample/", False, False, "web site name"),
    "resource-backslash": (RESOURCE_URL, "https://hwb.gov.wales\\@evil.example/", False, False, "backslashes"),
    "source-user-info": (SOURCE_URL, USER_INFO, True, False, "'@'"),
    "source-http": (SOURCE_URL, "http://www.estyn.gov.wales/x", True, False, "https://"),
    "email-bcc": (EMAIL, "alex@ysgol.example.org?bcc=all@evil.example", False, False, "e-mail"),
    "email-two": (EMAIL, "alex@ysgol.example.org,all@evil.example", False, False, "e-mail"),
    "email-percent": (EMAIL, "alex%40evil.example@ysgol.example.org", False, False, "e-mail"),
    "prose-link-user-info": (SUMMARY_TEXT, f"See [Estyn]({USER_INFO}).", False, False, "'@'"),
    "prose-autolink-user-info": (SUMMARY_TEXT, "See <https://a@evil.example/>.", False, False, "'@'"),
    "prose-reference-user-info": (SUMMARY_TEXT, "See [Estyn][e].\n\n[e]: https://x@evil.example/", False, False, "'@'"),
    "prose-mailto-bcc": (SUMMARY_TEXT, "[Write](mailto:a@ysgol.cymru?bcc=all@evil.example)", False, False, "?bcc="),
}


def address_cases() -> list[Case]:
    cases = []
    for name, (where, value, summary, raw, said) in ADDRESSES.items():
        text, line = put(where, value, summary=summary, raw=raw)
        cases.append(Case(name, text, line, said))
    return cases


# --- Dates, numbers, lists ---------------------------------------------------------------------------------

PUBLISHED = "published: 2025-01-15"
DATES = {
    "last-reviewed-9999": ("last_reviewed: 9999-12-31", "years 1900 to 2100"),
    "last-reviewed-future": ("last_reviewed: 2099-01-01", "in the future"),
    "published-year-1": ("published: 0001-01-01", "years 1900 to 2100"),
    "published-far-future": ("published: 2099-01-01", "more than a year in the future"),
    "published-not-a-day": ("published: 2025-02-30", "not a real date"),
    "published-basic-format": ('published: "20250115"', "YYYY-MM-DD"),
    "published-week-date": ('published: "2025-W03-1"', "YYYY-MM-DD"),
    "published-trailing-newline": ('published: "2025-01-15\\n"', "not a real date"),
}


def date_cases() -> list[Case]:
    cases = []
    for name, (line_text, said) in DATES.items():
        text = BASE.replace(PUBLISHED, line_text) if line_text.startswith("published") else BASE + line_text + "\n"
        cases.append(Case(name, text, text.splitlines().index(line_text) + 1, said))
    text = SUMMARY + "  published: 2099-01-01\n"
    cases.append(Case("source-published-future", text, len(text.splitlines()), "in the future"))
    return cases


def size_cases() -> list[Case]:
    digits = "9" * 5_000
    hallmarks = "hallmarks: [" + "x, " * 2_000 + "]"
    images = "images:\n" + _image_entries(21)
    cases = [
        ("integer-5000-digits", BASE.replace(PUBLISHED, f"published: {digits}"), f"published: {digits}", "5,000"),
        ("float-5000-digits", BASE + f"extra: {digits}.5\n", f"extra: {digits}.5", "5,002 characters"),
        ("list-of-2000", BASE.replace("hallmarks: [collaboration]", hallmarks), hallmarks, "more than 1,000 entries"),
        ("images-over-limit", BASE.replace("images:\n", images), "images:", "the limit is 20"),
    ]
    found = []
    for name, text, line_text, said in cases:
        line = text.splitlines().index(line_text) + 1
        found.append(Case(name, text, line + (line_text == "images:"), said))  # a list is where its first entry is
    return found


def _image_entries(n: int, path: str = "images/hostile-diagram.png") -> str:
    entry = f'  - path: {path}\n    alt: {{en: "A diagram", cy: "Diagram"}}\n'
    return entry * n


# --- Image paths: text before it is a file name ------------------------------------------------------------

IMAGE_PATH = "  - path: images/hostile-diagram.png"
IMAGE_PATHS = {
    "nul-byte": ("images/\x00.png", "U+0000"),
    "overlong": ("images/" + "a" * 4_000 + ".png", "not a file name"),
    "line-break": ("images/a\nb.png", "not a file name"),
    "directory": ("images", "must be one of"),
    "outside": ("../../mkdocs.yml.png", "inside case_studies"),
}


def image_path_cases() -> list[Case]:
    return [Case(name, *put(IMAGE_PATH, value), said) for name, (value, said) in IMAGE_PATHS.items()]


# --- SVG: what an image may hold --------------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'


def use_bomb(per_level: int = 8, levels: int = 12) -> str:
    """The 3.3 KB <use> bomb of issue 23: each level draws the one below `per_level` times."""
    body = '<g id="l0"><rect width="1" height="1"/></g>'
    for i in range(1, levels + 1):
        body += f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * per_level + "</g>"
    return SVG.format(f'<defs>{body}</defs><use href="#l{levels}"/>')


HOST = "https://evil.example"
SVGS = {
    "css-escape-hex": (SVG.format(f'<rect width="9" height="9" fill="\\75 rl({HOST}/a.svg#p)"/>'), "escapes"),
    "css-escape-letter": (SVG.format(f'<rect width="9" height="9" mask="u\\rl({HOST}/m.svg#m)"/>'), "escapes"),
    "css-comment": (SVG.format(f'<rect width="9" height="9" filter="u/**/rl({HOST}/f.svg#f)"/>'), "comments"),
    "image-set": (
        SVG.format(f'<rect width="9" height="9" fill="image-set(&quot;{HOST}/a.png&quot; 1x)"/>'),
        "image-set()",
    ),
    "cursor-url": (SVG.format(f'<rect width="9" height="9" cursor="url({HOST}/c.cur), auto"/>'), "url()"),
    "marker-end-upper-case": (SVG.format(f'<path d="M0 0L9 9" marker-end="URL({HOST}/m.svg#a)"/>'), "URL()"),
    "clip-path-entity": (SVG.format(f'<rect width="9" height="9" clip-path="&#117;rl({HOST}/c.svg#c)"/>'), "url()"),
    "src-function": (SVG.format(f'<rect width="9" height="9" fill="src(&quot;{HOST}/a.png&quot;)"/>'), "src()"),
    "var-function": (SVG.format('<rect width="9" height="9" fill="var(--x)"/>'), "var()"),
    "use-bomb": (use_bomb(), "more than 50,000 times"),
    "use-loop": (SVG.format('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'), "loop"),
    "marker-bomb": (
        SVG.format(
            '<defs><marker id="m"><g id="g">'
            + '<circle r="1"/>' * 200
            + '</g></marker></defs><path marker-mid="url(#m)" d="M'
            + " ".join(f"{i} {i}" for i in range(2_000))
            + '"/>'
        ),
        "more than 50,000 times",
    ),
    "deep-nesting": (SVG.format("<g>" * 5_000 + "</g>" * 5_000), "more than 40 deep"),
}
ACCEPTED_SVG = SVG.format(
    '<defs><linearGradient id="g"><stop offset="0" stop-color="rgb(10, 20, 30)"/></linearGradient>'
    '<marker id="m" viewBox="0 0 10 10"><path d="M0 0L10 5L0 10z" fill="#333"/></marker></defs>'
    '<rect width="9" height="9" fill="url(#g)" transform="translate(1 1) rotate(5)"/>'
    '<path d="M0 0L9 9" stroke="#000" marker-end="url(\'#m\')"/><use href="#m"/>'
)


# --- Hostile-looking but legal: accepted, and inert once built --------------------------------------------

ACCEPTED = {
    # (field, value): block starters, entities, emoji, braces in prose, punctuation of every kind
    "admonition-title": ("title.en", "??? note Collapsible"),
    "admonition-name": ("contact.name", "!!! danger Alex"),
    "list-and-heading-starters": ("schools[0].name", "# 1. - + > : | Ysgol"),
    "abbreviation-definition": ("title.cy", "*[HTML]: Hyper Text"),
    "blocks-syntax": ("images[0].caption.en", "/// details | Caption"),
    "entities": ("summary.en", "Fish &amp; chips &lt;3 &copy; 2025 &#8211; a &lt; b &gt; c"),
    "braces-in-prose": ("context.en", "Use {this} and {that} and {curly braces}."),
    "every-punctuation": ("resources[0].title.en", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`|~ { done"),
    "emoji-and-welsh": ("title.cy", "Ysgol \U0001f600 ŵ ŷ â \u00a0 \u200b"),
    "formula-school": ("schools[1].name.en", '=HYPERLINK("https://evil.example/";"x")'),
    "formula-after-semicolon": ("schools[1].name.cy", "Ysgol;=1+1"),
    "yaml-looking": ("images[0].alt.en", "--- ... key: value: [a, b] &anchor *alias !!python/object"),
}
WELSH_ONLY_SCHOOL = ("schools[1].name.en", "Ysgol Gymraeg yn unig")  # made Welsh-only below


def accepted_files() -> dict[str, str]:
    """{slug: YAML} of the legal-but-hostile-looking corpus."""
    files = {}
    for name, (field, value) in ACCEPTED.items():
        f = TEXT_FIELDS[field]
        text, _ = put(f.line, value, summary=f.summary)
        files[f"hostile2-{name}"] = text
    # a school with a Welsh name only: the English page shows it (issue 23 showed "School: None")
    files["hostile2-welsh-only-school"] = BASE.replace(
        '      en: "Hostile Two Primary School"\n      cy: "Ysgol Gynradd Hostile Dau"',
        '      cy: "Ysgol Gymraeg Unig"',
    )
    return files
