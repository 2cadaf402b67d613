"""Where each framework and each of its items lives on the site: page and anchor, one place for all renderers."""

from __future__ import annotations

from ..model import Content, Text, Vocabulary
from .plan_view import Link

# Frameworks with a page of their own under frameworks/: (key in CaseStudy.links, page, vocabulary attribute)
FRAMEWORK_PAGES = (
    ("hallmarks", "hallmarks", "hallmarks"),
    ("slo", "slo", "slo"),
    ("characteristics", "characteristics", "characteristics"),
    ("contributory_factors", "contributory-factors", "contributory_factors"),
    ("national_priorities", "national-priorities", "national_priorities"),
)
# Every framework key of `CaseStudy.links`, in the order of the case-study page.
FRAMEWORKS = (
    "hallmarks",
    "entitlement",
    "slo",
    "standards",
    "characteristics",
    "contributory_factors",
    "national_priorities",
)
_PAGES = {key: f"frameworks/{page}.md" for key, page, _ in FRAMEWORK_PAGES} | {
    "entitlement": "frameworks/entitlement.md",
    "standards": "frameworks/standards.md",
}


def framework_page(key: str) -> Link:
    """A framework's page (the standards page holds every version)."""
    return Link(Text(), _PAGES[key])


def framework_link(key: str, ref: str, label: Text) -> Link:
    """The page and anchor of an item as a case study cites it (`CaseStudy.links`)."""
    if key == "standards":  # cited as "<version>:<id>", anchored as on the standards page
        version, term_id = ref.split(":", 1)
        return Link(label, _PAGES[key], f"standards-{version}-{term_id}")
    return Link(label, _PAGES[key], ref)


def item_label(content: Content, key: str, ref: str) -> Text:
    """The label of an item as a case study cites it."""
    if key == "entitlement":
        return content.frameworks.entitlement.statement(ref).label
    if key == "standards":
        version, term_id = ref.split(":", 1)
        return content.frameworks.standards[version].term(term_id).label
    vocabulary: Vocabulary = getattr(content.frameworks, key)
    return vocabulary.term(ref).label
