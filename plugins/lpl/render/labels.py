"""What kind of case study a link leads to, in words: the one place every list, page and download takes it
from, so an invented example is never linked without saying so (issue 15)."""
from __future__ import annotations

from ..model import LANGUAGES, CaseStudy, Content, Text


def kind_label(content: Content, study: CaseStudy) -> Text:
    """'Illustrative example', 'Summary of a published case study' or 'The school's own account' (data/ui.yml)."""
    return content.frameworks.labels[f"kind_{study.kind}"]


def labelled_title(content: Content, study: CaseStudy) -> Text:
    """The title with its kind, for places that hold plain text only (the plan templates' links)."""
    kind = kind_label(content, study)
    parts = {lang: f"{study.title.best(lang)} ({kind.best(lang)})" for lang in LANGUAGES}
    status = {f"{lang}_status": "draft" if study.title.is_draft(lang) or kind.is_draft(lang) else "reviewed"
              for lang in LANGUAGES}
    return Text(**parts, **status)
