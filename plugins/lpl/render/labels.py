"""What kind of case study a link leads to, in words: the one place every list, page and download takes it
from, so an invented example is never linked without saying so (issue 15)."""

from __future__ import annotations

import re

from ..model import DRAFT, LANGUAGES, REVIEWED, CaseStudy, Content, Text
from ..model.language import Language
from .escape import inline


def kind_label(content: Content, study: CaseStudy) -> Text:
    """'Illustrative example', 'Summary of a published case study' or 'The school's own account' (data/ui.yml)."""
    return content.frameworks.labels[f"kind_{study.kind}"]


def labelled_title(content: Content, study: CaseStudy) -> Text:
    """The title with its kind, for places that hold plain text only (the plan templates' links)."""
    kind = kind_label(content, study)
    en, cy = (f"{study.title.best(lang)} ({kind.best(lang)})" for lang in LANGUAGES)
    en_status, cy_status = (
        DRAFT if study.title.is_draft(lang) or kind.is_draft(lang) else REVIEWED for lang in LANGUAGES
    )
    return Text(en, cy, en_status, cy_status)


# A Markdown link to a case study page in hand-written guidance: [text](case-studies/<slug>.md#anchor).
CASE_LINK = re.compile(r"(\[[^\]\n]*\]\((?:\.\./)*case-studies/([a-z0-9-]+)\.md(?:#[A-Za-z0-9_-]*)?\))")


def kind_tag(content: Content, study: CaseStudy, lang: Language) -> str:
    """The kind as it follows a link on a page (the `case_link` macro writes the same): HTML in Markdown, so its
    label is escaped for both (`escape.inline`: Markdown reads the text inside a `<span>`)."""
    return f'<span class="lpl-kind lpl-kind--{study.kind}">({inline(kind_label(content, study).best(lang))})</span>'


def label_case_links(markdown: str, content: Content, lang: Language) -> str:
    """Hand-written guidance linking a case study gets the same label after the link as the generated lists."""
    studies = {s.slug: s for s in content.case_studies}

    def label(match: re.Match) -> str:
        study = studies.get(match.group(2))
        return f"{match.group(1)} {kind_tag(content, study, lang)}" if study else match.group(1)

    return CASE_LINK.sub(label, markdown)
