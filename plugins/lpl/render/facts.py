"""A fact of the ledger (data/facts.yml) as a reader sees it: the statement in the page's language, the day it was
checked ("as at 7 December 2026" / "fel ar 7 Rhagfyr 2026") and its sources. Pure: the ledger, a language and the
interface wording in, text out; every value from YAML is escaped where it is written (lpl.render.escape).

- In a guidance page, `[[fact:id]]` becomes inline HTML with the sources linked (`expand_markdown`).
- In a text of data/ or plans/ (plan templates, .docx, glossary, framework pages), it becomes plain text naming
  the sources (`with_facts`): those texts are also written where no link can be (a Word document, a table cell).
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable

from ..model import FACT_REFERENCE, LANGUAGES, Content, Fact, FactLedger, FactSource, Text
from ..model.language import Language
from .dates import long_date
from .escape import href, inline

Label = Callable[[str, Language], str]  # (key, lang) → the interface wording (Content.label)


def _when(fact: Fact, lang: Language, label: Label) -> tuple[str, str]:
    """("as at 7 December 2026", "source") in `lang`."""
    sources = label("fact_source" if len(fact.sources) == 1 else "fact_sources", lang)
    return label("fact_as_at", lang).format(date=long_date(fact.as_at, lang)), sources


def _source_html(source: FactSource, lang: Language) -> str:
    page_lang = source.lang_for(lang)
    marked = f' lang="{page_lang}"' if page_lang != lang else ""  # an English page's title on a Welsh page
    return f'{inline(source.publisher.best(lang))}, <a href="{href(source.url(lang))}"{marked}>{inline(source.title_in(lang))}</a>'


def fact_html(fact: Fact, lang: Language, label: Label) -> str:
    """One line of inline HTML for a Markdown page: the statement, then "(as at …; source: publisher, linked title)"."""
    when, word = _when(fact, lang, label)
    sources = "; ".join(_source_html(s, lang) for s in fact.sources)
    return (
        f'<span class="lpl-fact" data-fact="{html.escape(fact.id)}">{inline(fact.statement.best(lang))} '
        f'<span class="lpl-fact__when">({inline(when)}; {inline(word)}: {sources})</span></span>'
    )


def _source_plain(source: FactSource, lang: Language) -> str:
    # Plain text cannot mark a title as English: on a Welsh page the title is given only when it is Welsh.
    return (
        f"{source.publisher.best(lang)}, {source.title_in(lang)}"
        if source.lang_for(lang) == lang
        else source.publisher.best(lang)
    )


def fact_plain(fact: Fact, lang: Language, label: Label) -> str:
    """The same as plain text: the sources named (publisher, and title where it is in `lang`), without addresses."""
    when, word = _when(fact, lang, label)
    sources = "; ".join(_source_plain(s, lang) for s in fact.sources)
    return f"{fact.statement.best(lang)} ({when}; {word}: {sources})"


def expand_markdown(markdown: str, ledger: FactLedger, lang: Language, label: Label) -> str:
    """A guidance page with each `[[fact:id]]` written out (the loader has refused unknown ids: KeyError if not)."""
    if "[[fact:" not in markdown:
        return markdown
    return FACT_REFERENCE.sub(lambda m: fact_html(ledger.fact(m.group(1)), lang, label), markdown)


def expand_plain(value: str, ledger: FactLedger, lang: Language, label: Label) -> str:
    """A text of data/ or plans/ in one language with each `[[fact:id]]` written out as plain text."""
    return FACT_REFERENCE.sub(lambda m: fact_plain(ledger.fact(m.group(1)), lang, label), value)


def _expand_text(text: Text, ledger: FactLedger, label: Label) -> Text:
    parts: dict[str, str] = {
        lang: expand_plain(value, ledger, lang, label)
        for lang in LANGUAGES
        if (value := text.get(lang)) and "[[fact:" in value
    }
    if not parts:
        return text
    return dataclasses.replace(text, en=parts.get("en", text.en), cy=parts.get("cy", text.cy))


def with_facts(value, ledger: FactLedger, label: Label):
    """`value` (a part of the model) with every Text that uses a fact written out; unchanged parts are the same
    objects, so a model without references costs one walk."""
    if isinstance(value, Text):
        return _expand_text(value, ledger, label)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = with_facts(old, ledger, label)
            if new is not old:
                changed[f.name] = new
        return dataclasses.replace(value, **changed) if changed else value
    if isinstance(value, (tuple, list)):
        items = [with_facts(item, ledger, label) for item in value]
        return type(value)(items) if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        expanded = {key: with_facts(item, ledger, label) for key, item in value.items()}
        return expanded if any(expanded[k] is not value[k] for k in value) else value
    return value


def content_with_facts(content: Content) -> Content:
    """The content as the outputs show it: the texts of data/ and plans/ with their facts written out (the ledger
    itself and the case studies, which may not use facts, stay as they are)."""
    frameworks = content.frameworks
    ledger = frameworks.facts
    parts = {
        f.name: with_facts(getattr(frameworks, f.name), ledger, content.label)
        for f in dataclasses.fields(frameworks)
        if f.name != "facts"
    }
    changed = {name: new for name, new in parts.items() if new is not getattr(frameworks, name)}
    plan = with_facts(content.plan, ledger, content.label)
    if not changed and plan is content.plan:
        return content
    return dataclasses.replace(content, frameworks=dataclasses.replace(frameworks, **changed), plan=plan)
