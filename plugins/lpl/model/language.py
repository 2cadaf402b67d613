"""The site's two languages and a text's review status, as types.

`StrEnum`s, so a value is also the plain string the YAML, the templates, the URLs and the JSON use ("en",
"draft"): data reads and writes as it always did, and a typo in the code is a type error instead of a page
in no language.
"""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    EN = "en"  # the default build, at /
    CY = "cy"  # at /cy/


LANGUAGES = tuple(Language)  # in the sites' order: English first


def other(lang: Language) -> Language:
    """The other language of the site's two: a page's translation, the language a text falls back to."""
    return Language.EN if lang == Language.CY else Language.CY


def lang_prefix(lang: Language) -> str:
    """The folder a language's pages are under, from the site's root: "" for English, "cy/" for Welsh."""
    return "" if lang == Language.EN else f"{Language(lang)}/"


class Status(StrEnum):
    """Whether a text in one language has been reviewed (a draft is shown with a notice, never as reviewed)."""

    DRAFT = "draft"
    REVIEWED = "reviewed"


DRAFT, REVIEWED = Status.DRAFT, Status.REVIEWED
