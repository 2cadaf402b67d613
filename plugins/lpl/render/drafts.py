"""Whether what a renderer showed is a draft translation, noted as its texts are resolved.

A page or a document says it is a draft translation when a text it shows is a draft in its language. Kept as
lists of "the texts this page shows" beside each template, that drifted whenever a template started showing a
new text; so every renderer resolves its texts through one `Drafts`, which notes each draft as it goes, and the
notice follows from what was shown. `PageContext` (the generated pages, the plan pages) and the Word writer
(`plan_docx`) share it.
"""

from __future__ import annotations

from ..model import Text
from ..model.language import Language


class Drafts:
    """The languages in which a text resolved through it is a draft (`lang in drafts`)."""

    def __init__(self) -> None:
        self.languages: set[Language] = set()

    def note(self, value: Text, lang: Language) -> None:
        """`value` is shown in `lang`: a draft there makes what shows it a draft translation in `lang`."""
        if value.is_draft(lang):
            self.languages.add(lang)

    def best(self, value: Text, lang: Language) -> str:
        """`value` in `lang` (the other language's where it is missing: `Text.best`), noted."""
        self.note(value, lang)
        return value.best(lang)

    def get(self, value: Text, lang: Language) -> str | None:
        """`value` as written in `lang`, None where it is not, noted."""
        self.note(value, lang)
        return value.get(lang)

    def clear(self) -> None:
        self.languages.clear()

    def __contains__(self, lang: object) -> bool:
        return lang in self.languages
