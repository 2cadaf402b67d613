"""What every template of the generated pages can ask for: wording in the page's language, the model's lookups,
and what is written in another language than the page's, marked. One PageContext per language serves the case
studies' pages, the catalogue and the framework pages alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

import jinja2

from ..model import (
    CaseStudy,
    Content,
    Name,
    PublishedSource,
    Resource,
    Text,
    Vocabulary,
    other,
)
from ..model.counting import count_phrase, rule_json
from ..model.language import Language
from ..model.registry import Framework, Shape
from . import marking
from .dates import long_date
from .drafts import Drafts
from .escape import inline, inline_part, prose
from .framework_links import framework_link
from .labels import kind_label, kind_tag

NEWEST = 5  # case studies listed under a framework item; the rest are in the filtered catalogue
# Where a framework item without real practice sends a reader to propose a case study, from a framework page: the
# about page's "Contributing a case study" section in that language (a strict build fails if the heading's anchor
# goes). Not the repository's issue form: the site does not know its repository (mkdocs.yml has no repo_url).
PROPOSE_CASE_STUDY = {"en": "../about.md#contributing-a-case-study", "cy": "../about.md#cyfrannu-astudiaeth-achos"}


# What a page template writes as its front matter's `translation:`; `PageContext.render` puts "draft" or "reviewed"
# in its place once the whole page is written, from the texts the page showed.
TRANSLATION = "lpl-translation-status"
_TRANSLATION_LINE = re.compile(rf"^translation: {TRANSLATION}$", re.M)


class PageContext:
    """What every template can ask for: wording in the page's language and the model's lookups.

    It also notes whether a text it gives a page is a draft in the page's language (`drafts`), so a page is marked
    as a draft translation from what it shows (`render`), not from a list of its texts kept beside the template.
    The interface's own wording (`t`: data/ui.yml, or the plan pages' labels) is not counted: a page is marked for
    its content, as a reader of a draft page needs to know the guidance's text, not a button's, awaits review."""

    def __init__(self, content: Content, lang: Language, labels: Mapping[str, Text] | None = None):
        self.content = content
        self.lang = lang
        self.other = other(lang)
        self.labels = content.frameworks.labels if labels is None else labels  # what `t` says
        self.count_rule = rule_json(lang)  # for the catalogue's script, which counts as count() does
        self.drafts = Drafts()  # the languages a text given to the page being rendered is a draft in
        self.translation = TRANSLATION

    def render(self, template: jinja2.Template, **values) -> str:
        """One page of `template`, with `common`, its front matter's `translation:` filled in (`finish`)."""
        self.start()
        return self.finish(template.render(**values, **self.common), template.name)

    def start(self) -> None:
        """A new page: only texts given from now until `finish` count for it. So the catalogue's filter options,
        labelled once for all its pages before the first is written, do not."""
        self.drafts.clear()

    def finish(self, page: str, name: str | None = None) -> str:
        """A page (written since `start`) with its front matter's `translation:` filled in: draft when a text the
        page showed through this context is a draft in the page's language, else reviewed."""
        front_matter_end = page.find("\n---", page.find("---") + 3)
        filled, found = _TRANSLATION_LINE.subn(
            f"translation: {'draft' if self.lang in self.drafts else 'reviewed'}", page[:front_matter_end], count=1
        )
        if not found:
            raise ValueError(f"{name}: its front matter has no 'translation: {{{{ ctx.translation }}}}'")
        return filled + page[front_matter_end:]

    def t(self, key: str, **values) -> str:
        """The interface's wording, its `{values}` filled in: plain text, as every method here returns unless it says
        HTML (`name`, `marked`, `prose`, `card_meta_html`, `source_title`, `resource`, `kind_tag`); a template escapes
        it where it writes it (tests/unit/test_templates.py reads every template for a value written unescaped)."""
        text = self.labels[key].best(self.lang)
        return text.format(**values) if values else text

    def count(self, n: int, key: str = "results_count") -> str:
        """A count phrase of data/ui.yml with its number, by the language's rule ("34 astudiaeth achos")."""
        return count_phrase(n, self.t(key), self.lang)

    def text(self, value: Text | None) -> str:
        """A text in the page's language (the other's where it is missing: callers show a notice)."""
        if not value:
            return ""
        return self.drafts.best(value, self.lang)

    def written(self, value: Text) -> str | None:
        """A text as written in the page's language, None where it is not."""
        return self.drafts.get(value, self.lang)

    def missing(self, value: Text | None) -> bool:
        return value is not None and value.is_missing(self.lang)

    def term(self, vocabulary: Vocabulary, term_id: str) -> str:
        return self.text(vocabulary.term(term_id).label)

    def setting(self, term_id: str) -> str:
        return self.term(self.content.frameworks.settings, term_id)

    def audience(self, term_id: str) -> str:
        return self.term(self.content.frameworks.audiences, term_id)

    def local_authority(self, term_id: str) -> str:  # callers check for an example placed nowhere real (None)
        return self.term(self.content.frameworks.local_authorities, term_id)

    def region(self, region_id: str | None) -> str:
        return self.text(self.content.region(region_id).label) if region_id else self.t("region_none")

    def language_category(self, study: CaseStudy) -> str:
        if study.language_category is None or study.language_scheme is None:  # a summary's source may not say
            return self.t("not_stated")
        return self.term(self.content.frameworks.language_categories[study.language_scheme], study.language_category)

    def kind(self, study: CaseStudy) -> str:
        return self.text(kind_label(self.content, study))

    def kind_tag(self, study: CaseStudy) -> str:
        return kind_tag(self.content, study, self.lang)

    def statement(self, statement_id: str) -> str:
        s = self.content.frameworks.entitlement.statement(statement_id)
        return f"{self.t('statement_number', n=s.number)}: {self.text(s.label)}"

    def cited(self, framework: Framework, ref: str) -> str:
        """An item a case study cites, as its page lists it ("Statement 2: …", a standard without its version)."""
        if framework.shape is Shape.STATEMENTS:
            return self.statement(ref)
        return self.text(self.content.frameworks.item_label(framework.key, ref))

    def cited_href(self, framework: Framework, ref: str, page: str) -> str:
        """The relative `.md` link from a generated page to an item's place on its framework page."""
        return framework_link(framework.key, ref, Text()).relative(page)

    def option(self, framework: Framework, ref: str) -> str:
        """An item as the catalogue's filter offers it: a hallmark with its number, a standard with its version."""
        label = self.cited(framework, ref)
        if framework.shape is Shape.VERSIONS:
            return f"{label} ({ref.split(':', 1)[0]})"
        if framework.numbered_options:
            number = self.content.frameworks.vocabulary(framework.key).term(ref).number
            return f"{number}. {label}" if number else label
        return label

    def long_date(self, value: date | None) -> str:
        """A day as a reader says it in the page's language ("7 December 2026", "7 Rhagfyr 2026")."""
        return long_date(value, self.lang) if value else ""

    def date(self, value: date | None) -> str:
        """A day for a machine (`<time datetime>`): ISO 8601."""
        return value.isoformat() if value else ""

    def described(self, study: CaseStudy) -> str:
        """When a summary's source dates the practice, as a sentence in the page's language ("Described by Estyn after
        its inspection in May 2015."): plain text, escaped where a template writes it; "" for other kinds."""
        source = study.source
        if source is None:
            return ""
        when = source.described
        if when is None:
            return self.t("described_none")
        month = self.t(f"month_{when.month}") if when.month else ""
        if when.day:
            phrase = self.t("when_day", day=when.day, month=month, year=when.year)
        elif when.month:
            phrase = self.t("when_month", month=month, year=when.year)
        else:
            phrase = self.t("when_year", year=when.year)
        return self.t(f"described_{source.described_after or 'plain'}", publisher=self.publisher(source), when=phrase)

    def reforms_note(self, study: CaseStudy) -> str:
        """For practice described before the ALN and curriculum reforms: a note that some terms have changed."""
        reforms = study.source.reforms_since() if study.source else ()
        return self.t("reforms_" + "_".join(reforms)) if reforms else ""

    newest = NEWEST

    @property
    def propose_case_study(self) -> str:
        return PROPOSE_CASE_STUDY[self.lang]

    def card_meta(self, study: CaseStudy) -> str:
        """Schools · settings · local authority · language category (if stated): a card's second line."""
        return " · ".join(part for part, _ in self.card_meta_runs(study))

    def card_meta_runs(self, study: CaseStudy) -> list[tuple[str, str | None]]:
        """The card's second line as runs of text with their language where it is not the page's (a school's
        English name on a Welsh page), for the built card and the catalogue's script alike."""
        runs: list[tuple[str, str | None]] = []
        for i, school in enumerate(study.schools):
            runs.append((", " if i else "", None))
            runs.append((self.text(school), self.name_language(school)))
        rest = [
            ", ".join(self.setting(s) for s in study.settings),
            self.local_authority(study.local_authority) if study.local_authority else "",
            self.language_category(study) if study.language_category else "",
        ]
        for part in (p for p in rest if p):
            runs.append((" · " if runs else "", None))
            runs.append((part, None))
        return [(text, lang) for text, lang in runs if text]

    def card_meta_html(self, study: CaseStudy) -> str:
        return "".join(marking.span(inline_part(text), lang, self.lang) for text, lang in self.card_meta_runs(study))

    # --- what is written in another language than the page's, marked (render/marking.py) ---------------

    def name_language(self, name: Text) -> str | None:
        """The language of a name on this page when it is not the page's ("Herbert Thompson Primary School")."""
        found = name.language(self.lang) if isinstance(name, Name) else self.lang
        return found if found != self.lang else None

    def name(self, name: Text) -> str:
        """A school's name, escaped, marked with its language when it is not the page's."""
        return marking.span(inline(self.text(name)), self.name_language(name), self.lang)

    def foreign_names(self, study: CaseStudy) -> dict[str, str]:
        """{name: language} for what a case study names in another language than this page's: its schools'
        names, its source's title as published, and the title of each resource in the other language (after
        "Publisher: "): marked wherever the page's texts write them, as YAML cannot mark them itself."""
        pairs = []
        for school in study.schools:
            pairs.append((school.get(self.lang), school.language(self.lang) if isinstance(school, Name) else None))
            if school.en != school.cy:
                pairs.append((school.get(self.other), self.other))
        src = study.source
        if src is not None:
            pairs.append((src.title, "cy" if src.language == "cy" else "en"))
            pairs.append((src.title_cy, "cy"))
        for r in study.resources:
            other = r.title.get(self.other)
            if other and other != r.title.get(self.lang):
                pairs.append((other.split(": ", 1)[-1], self.other))
        return marking.other_language_names(pairs, self.lang)

    def prose(self, value: str | None, study: CaseStudy | None = None) -> str:
        """A Markdown field of a case study, its names in another language marked."""
        return prose(value or "", self.foreign_names(study) if study is not None else None)

    def marked(self, text: str, study: CaseStudy) -> str:
        """A one-line text of a case study (a summary in a list), escaped, its foreign names marked."""
        return marking.marked_inline(text, self.foreign_names(study), self.lang)

    def publisher(self, source: PublishedSource) -> str:
        """A summary's publisher on a Welsh page in its Welsh name where the term base has it (data/terms.yml
        `also`), else as the source gives it: plain text, escaped where a template writes it."""
        return (
            self.content.frameworks.terms.name_in(source.publisher, Language.CY) if self.lang == "cy" else None
        ) or source.publisher

    def source_title(self, source: PublishedSource) -> str:
        """The source's title, linked: on a Welsh page the Welsh original first where there is one, then the
        other language's ("(yn Saesneg: …)"); each link says its page's language, each title its own."""
        original = "cy" if source.language == "cy" else "en"
        main = marking.link(source.url, inline(source.title), original, self.lang, original)
        if not source.url_cy or source.url_cy == source.url:
            return main
        title_lang = "cy" if source.title_cy else original
        welsh = marking.link(source.url_cy, inline(source.title_cy or source.title), "cy", self.lang, title_lang)
        first, then, then_lang = (welsh, main, original) if self.lang == "cy" else (main, welsh, "cy")
        return f"{first} ({inline(self.t('in_language_' + then_lang))}: {then})"

    def resource(self, resource: Resource, study: CaseStudy) -> str:
        """A resource's link: on a Welsh page its Welsh original first where there is one, with the other
        language's page after it ("in English"); names in another language marked."""
        url_lang: str | None
        if resource.url_cy:
            url_lang = self.lang  # url_in gives each language its own page
        elif study.source is not None and resource.url == study.source.url:  # the summarised page itself
            url_lang = "cy" if study.source.language == "cy" else "en"
        else:
            url_lang = None  # not known: a school's own link may be in either language
        main = marking.link(
            resource.url_in(self.lang), self.marked(self.text(resource.title), study), url_lang, self.lang
        )
        if not resource.url_cy or resource.url_cy == resource.url:
            return main
        other_url, other_lang = resource.url_in(self.other), self.other  # the Welsh original exists (above)
        return f"{main} ({marking.link(other_url, inline(self.t('in_language_' + other_lang)), other_lang, self.lang)})"

    @property
    def common(self) -> dict:
        """What every page template is given: the context, `t`, the content and the page's language."""
        return {"ctx": self, "t": self.t, "content": self.content, "lang": self.lang}
