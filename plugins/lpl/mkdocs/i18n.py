"""What the lpl plugins need to know of mkdocs-static-i18n, which builds the whole site once per language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.language import Language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def language_root(config: MkDocsConfig) -> tuple[Language, str]:
    """(language being built, its folder under site/: "" for the default language, "cy/" …). A language the site
    does not have is a ValueError here, where MkDocs' string first becomes ours."""
    i18n = config.plugins.get("i18n")
    lang = Language(getattr(i18n, "current_language", None) or config.theme.get("language") or "en")
    default = getattr(i18n, "default_language", lang) if i18n else lang
    return lang, "" if lang == default else f"{lang}/"


def current_language(config: MkDocsConfig) -> Language:
    return language_root(config)[0]


def is_default_language_build(config: MkDocsConfig) -> bool:
    # static-i18n keeps site_dir for every language and only prefixes the others' pages.
    return getattr(config.plugins.get("i18n"), "is_default_language_build", True)
