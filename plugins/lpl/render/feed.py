"""An Atom feed (RFC 4287) of one language's case studies, newest first: text from the model; and the
XSLT stylesheet that shows it to a person who opens it in a browser as a page in its language.

Built with ElementTree, which escapes every text and attribute; characters XML 1.0 cannot carry are
dropped first, so no content can make the feed ill-formed.

Each entry has one `alternate` link, its page in the feed's language: a feed reader opens that one (feedparser,
like many readers, takes the last alternate as the entry's link, so a second one in the other language was
opened instead). The other language's page is a `related` link.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

from ..model import CaseStudy, Content, Text, other
from ..model.language import Language
from .dates import MONTHS
from .labels import kind_label, labelled_title
from .links import Link
from .open_data import LICENCE, site_file
from .templates import environment

ATOM = "http://www.w3.org/2005/Atom"
FEED = "case-studies/feed.xml"
FEED_STYLESHEET = "case-studies/feed.xsl"  # beside the feed: same site, so browsers apply it
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
ET.register_namespace("", ATOM)


def _timestamp(day: date) -> str:
    """RFC 3339, as Atom requires: a case study has a date, so its time is midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def updated(study: CaseStudy) -> date:
    return max(study.published, study.last_reviewed or study.published)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: NOT_XML.sub("", v) for k, v in attributes.items()})
    if text is not None:
        element.text = NOT_XML.sub("", " ".join(text.split()))
    return element


def render_feed(content: Content, lang: Language, site_url: str) -> str:
    other_lang = other(lang)
    catalogue = Link(Text(), "case-studies/index.md")
    studies = sorted(content.case_studies, key=lambda s: (s.published, s.slug), reverse=True)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _add(feed, "id", catalogue.url(site_url, lang))
    _add(feed, "title", content.label("feed_title", lang))
    _add(feed, "subtitle", content.label("catalogue_intro", lang))
    _add(feed, "updated", _timestamp(max((updated(s) for s in studies), default=date(2020, 1, 1))))
    _add(_add(feed, "author"), "name", content.label("feed_author", lang))
    _add(feed, "link", rel="self", type="application/atom+xml", href=site_file(site_url, FEED, lang))
    _add(feed, "link", rel="alternate", type="text/html", hreflang=lang, href=catalogue.url(site_url, lang))
    _add(
        feed,
        "link",
        rel="alternate",
        type="application/atom+xml",
        hreflang=other_lang,
        href=site_file(site_url, FEED, other_lang),
    )
    _add(feed, "rights", f"{content.label('open_data_attribution', lang)} {LICENCE.url.best(lang)}")
    for study in studies:
        page = Link(Text(), f"case-studies/{study.slug}.md")
        entry = _add(feed, "entry")
        _add(entry, "id", page.url(site_url, lang))
        # An invented example says so where every reader shows it, the title, and every summary opens with its kind.
        title = labelled_title(content, study) if study.kind == "illustrative" else study.title
        _add(entry, "title", title.best(lang), type="text")
        _add(entry, "link", rel="alternate", type="text/html", hreflang=lang, href=page.url(site_url, lang))
        _add(entry, "link", rel="related", type="text/html", hreflang=other_lang, href=page.url(site_url, other_lang))
        _add(entry, "published", _timestamp(study.published))
        _add(entry, "updated", _timestamp(updated(study)))
        _add(entry, "summary", f"{kind_label(content, study).best(lang)}: {study.summary.best(lang)}", type="text")
        _add(entry, "category", term=study.kind, label=kind_label(content, study).best(lang))
        for setting in study.settings:
            _add(entry, "category", term=setting, label=content.frameworks.settings.term(setting).label.best(lang))
    ET.indent(feed)
    stylesheet = f'<?xml-stylesheet type="text/xsl" href="{FEED_STYLESHEET.rsplit("/", 1)[1]}"?>\n'
    return '<?xml version="1.0" encoding="utf-8"?>\n' + stylesheet + ET.tostring(feed, encoding="unicode") + "\n"


def render_feed_stylesheet(content: Content, lang: Language) -> str:
    """The XSLT 1.0 stylesheet that turns `lang`'s feed into a page saying what it is and how to follow it."""
    other_lang = other(lang)
    return (
        environment("feed")
        .get_template("feed.xsl.j2")
        .render(
            lang=lang,
            other=other_lang,
            months=MONTHS[lang],  # the day is written as a reader says it ("7 Rhagfyr 2026"), as on the pages
            t=lambda key: content.label(key, lang),
            other_language_feed=content.label("feed_in_language", other_lang),
        )
    )
