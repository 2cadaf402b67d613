"""Where each framework and each of its items lives on the site: page and anchor, one place for all renderers.

The pages are the registry's (lpl.model.registry); an item's anchor is its id, a standard's its version and id."""

from __future__ import annotations

from ..model import Text
from ..model.registry import Shape, framework
from .links import Link


def framework_page(key: str) -> Link:
    """A framework's page (the standards page holds every version)."""
    return Link(Text(), framework(key).page)


def framework_link(key: str, ref: str, label: Text) -> Link:
    """The page and anchor of an item as a case study cites it (`CaseStudy.links`)."""
    found = framework(key)
    if found.shape is Shape.VERSIONS:  # cited as "<version>:<id>", anchored as on the standards page
        version, term_id = ref.split(":", 1)
        return Link(label, found.page, f"standards-{version}-{term_id}")
    return Link(label, found.page, ref)
