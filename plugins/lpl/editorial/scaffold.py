"""A new case study's file, ready to fill in: what `scripts/new_case_study.py` writes.

Pure: the editor's answers and the vocabularies from `lpl.load.check_data` in, YAML text out.
The choices offered (settings, local authorities, hallmarks…) come from data/, so a new term there
is offered at once. Texts still to be written get placeholders that validate but are warned about
(`lpl.load.PLACEHOLDER`), so a forgotten one shows in review.
"""

from __future__ import annotations

import difflib
import json
import re
import textwrap
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2

from ..load import PLACEHOLDER, SLUG
from ..model import SCHOOL, Frameworks, Term
from ..model.case_study import is_generated_page

TEMPLATES = Path(__file__).resolve().parent / "templates" / "scaffold"
INTERFACE_LANGUAGES = ("en", "cy")

# What each text is for, after the placeholder marker. Welsh wording: draft translation, to be reviewed.
PLACEHOLDER_TEXTS = {
    "summary": {
        "en": "one to three plain sentences saying what the school did and what changed.",
        "cy": "un i dair brawddeg glir yn dweud beth wnaeth yr ysgol a beth newidiodd.",
    },
    "context": {
        "en": "the school (size, setting, language), its learners and staff, and why this professional "
        "learning was needed.",
        "cy": "yr ysgol (ei maint, ei lleoliad, ei hiaith), ei dysgwyr a'i staff, a pham roedd angen y dysgu "
        "proffesiynol hwn.",
    },
    "approach": {
        "en": "what you did, step by step: who took part, when, how time and funding were found, and what "
        "research or expertise you used.",
        "cy": "beth wnaethoch chi, gam wrth gam: pwy gymerodd ran, pryd, sut y cafwyd amser ac arian, a pha "
        "ymchwil neu arbenigedd a ddefnyddiwyd.",
    },
    "impact": {
        "en": "what changed for learners and for staff, how you evaluated it and what evidence you have; say "
        "honestly what did not work.",
        "cy": "beth newidiodd i'r dysgwyr ac i'r staff, sut y gwnaethoch ei werthuso a pha dystiolaeth sydd "
        "gennych; dywedwch yn onest beth na weithiodd.",
    },
    "advice": {
        "en": "advice to a school that wants to try this, and your next steps.",
        "cy": "cyngor i ysgol sydd am roi cynnig ar hyn, a'ch camau nesaf.",
    },
}

# The questions, in the editor's language. Welsh wording: draft translation, to be reviewed.
WORDING = {
    "en": {
        "title_en": "Title of the case study, in English",
        "title_cy": "Title of the case study, in Welsh",
        "slug": "Short name for the web address (lowercase words joined by hyphens)",
        "school": "Name of the school (for a cluster, the lead school; add the others in the file)",
        "settings": "Setting",
        "local_authority": "Local authority",
        "language_category": "Language category",
        "audiences": "Who was the professional learning for?",
        "hallmarks": "Which hallmarks of well-led professional learning does it show?",
        "how_to_choose": "Answer with a number or an id.",
        "how_to_choose_many": "Answer with numbers or ids, separated by commas (e.g. 1, 3).",
        "default": "press Enter for",
        "unknown": "{value!r} is not one of the choices{hint}",
        "did_you_mean": " — did you mean {id!r}?",
        "number_range": "{value!r} is not one of the numbers 1 to {n}.",
        "needed": "An answer is needed.",
        "bad_slug": "{value!r} cannot be a web address: use lowercase letters, numbers and hyphens, e.g. {example!r}.",
        "exists": "A case study called {slug!r} already exists: {path}. Choose another short name, or edit that file.",
        "generated": "{slug!r} is the name of one of the catalogue's own pages; add the school's name, e.g. {example!r}.",
        "no_answer": "No answer was given for: {question}",
        "data_errors": "The files in data/ have errors, so the choices cannot be offered. "
        "Run `python scripts/validate.py` to see them.",
        "written": "Written: {path}",
        "next": "Next: fill in the texts (every 'Write here: …' and 'Ysgrifennwch yma: …'), then\n"
        "  python scripts/validate.py {path}\n"
        "  python scripts/preview.py {path}",
    },
    "cy": {
        "title_en": "Teitl yr astudiaeth achos, yn Saesneg",
        "title_cy": "Teitl yr astudiaeth achos, yn Gymraeg",
        "slug": "Enw byr ar gyfer y cyfeiriad gwe (geiriau mewn llythrennau bach wedi'u cysylltu â chysylltnodau)",
        "school": "Enw'r ysgol (ar gyfer clwstwr, yr ysgol arweiniol; ychwanegwch y lleill yn y ffeil)",
        "settings": "Lleoliad",
        "local_authority": "Awdurdod lleol",
        "language_category": "Categori iaith",
        "audiences": "Ar gyfer pwy roedd y dysgu proffesiynol?",
        "hallmarks": "Pa ddilysnodau o ddysgu proffesiynol dan arweiniad effeithiol y mae'n eu dangos?",
        "how_to_choose": "Atebwch gyda rhif neu id.",
        "how_to_choose_many": "Atebwch gyda rhifau neu ids, wedi'u gwahanu gan atalnodau (e.e. 1, 3).",
        "default": "pwyswch Enter i gael",
        "unknown": "Nid yw {value!r} yn un o'r dewisiadau{hint}",
        "did_you_mean": " — oeddech chi'n golygu {id!r}?",
        "number_range": "Nid yw {value!r} yn un o'r rhifau 1 i {n}.",
        "needed": "Mae angen ateb.",
        "bad_slug": "Ni all {value!r} fod yn gyfeiriad gwe: defnyddiwch lythrennau bach, rhifau a chysylltnodau, "
        "e.e. {example!r}.",
        "generated": "{slug!r} yw enw un o dudalennau'r catalog ei hun; ychwanegwch enw'r ysgol, e.e. {example!r}.",
        "exists": "Mae astudiaeth achos o'r enw {slug!r} yn bodoli eisoes: {path}. Dewiswch enw byr arall, "
        "neu golygwch y ffeil honno.",
        "no_answer": "Ni roddwyd ateb i: {question}",
        "data_errors": "Mae gwallau yn y ffeiliau yn data/, felly ni ellir cynnig y dewisiadau. "
        "Rhedwch `python scripts/validate.py` i'w gweld.",
        "written": "Wedi'i hysgrifennu: {path}",
        "next": "Nesaf: llenwch y testunau (pob 'Write here: …' ac 'Ysgrifennwch yma: …'), yna\n"
        "  python scripts/validate.py {path}\n"
        "  python scripts/preview.py {path}",
    },
}

# The choices an editor makes from data/: answer key → vocabulary name in `check_data`'s result.
CHOICE_FIELDS = {
    "settings": "settings",
    "local_authority": "local_authorities",
    "audiences": "audiences",
    "hallmarks": "hallmarks",
}
MANY = {"settings", "audiences", "hallmarks"}


class ChoiceError(ValueError):
    """An answer that is not one of the choices; the message is for the editor, in their language."""


@dataclass(frozen=True)
class NewCaseStudy:
    """The answers: everything the scaffold fills in; the texts are left for the editor."""

    slug: str
    title_en: str
    title_cy: str
    school: str
    settings: tuple[str, ...]
    local_authority: str
    language_scheme: str
    language_category: str
    audiences: tuple[str, ...]
    hallmarks: tuple[str, ...]
    published: date
    written_in: str = "en"  # the language the school wrote: 'reviewed'; the other starts as 'draft'
    kind: str = SCHOOL  # the scaffold is for a school's own account; `--example` makes an illustrative one


def slugify(title: str) -> str:
    """A web address from a title: 'Ysgol Cwm Derwen: triads' → 'ysgol-cwm-derwen-triads'."""
    plain = title.lower().translate(str.maketrans("âêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳ", "aeiouwyaeiouwyaeiouwyaeiouwy"))
    return "-".join(re.findall(r"[a-z0-9]+", plain))[:60].strip("-")


def slug_problem(slug: str, root: Path, lang: str = "en") -> str | None:
    """Why `slug` cannot be used (bad form, or a case study already has it), or None."""
    words = WORDING[lang]
    if not SLUG.match(slug):
        return words["bad_slug"].format(value=slug, example=slugify(slug) or "ysgol-example-coaching")
    if is_generated_page(slug):
        return words["generated"].format(slug=slug, example=f"ysgol-example-{slug}")
    for existing in (root / "case_studies" / f"{slug}.yml", root / "case_studies" / f"{slug}.yaml"):
        if existing.exists():
            return words["exists"].format(slug=slug, path=existing.relative_to(root).as_posix())
    return None


def choices(frameworks: Frameworks, key: str, scheme: str | None = None) -> list[Term]:
    """The terms offered for one answer, in the data's order."""
    if key == "language_category":
        return list(frameworks.language_categories[scheme or default_scheme(frameworks)].terms)
    return list(getattr(frameworks, CHOICE_FIELDS[key]).terms)


def default_scheme(frameworks: Frameworks) -> str:
    """The first language-category scheme in data/language_categories.yml."""
    return next(iter(frameworks.language_categories))


def resolve(answer: str, terms: list[Term], lang: str = "en") -> str:
    """One answer — a number from the list or an id — as an id; ChoiceError (with "did you mean") if neither."""
    words = WORDING[lang]
    value = answer.strip()
    if value.isdigit():
        if 1 <= int(value) <= len(terms):
            return terms[int(value) - 1].id
        raise ChoiceError(words["number_range"].format(value=value, n=len(terms)))
    ids = [t.id for t in terms]
    if value in ids:
        return value
    # Labels count too ("Primary", "Cynradd"), as editors may type what they read.
    by_label = {label.lower(): t.id for t in terms for label in (t.label.en, t.label.cy) if label}
    if value.lower() in by_label:
        return by_label[value.lower()]
    close = difflib.get_close_matches(value.lower(), ids, n=1, cutoff=0.6)
    hint = words["did_you_mean"].format(id=close[0]) if close else "."
    raise ChoiceError(words["unknown"].format(value=value, hint=hint))


def resolve_many(answer: str, terms: list[Term], lang: str = "en") -> tuple[str, ...]:
    """Several answers separated by commas (or spaces), without repeats."""
    found: list[str] = []
    for part in re.split(r"[,\s]+", answer.strip()):
        if part and (term_id := resolve(part, terms, lang)) not in found:
            found.append(term_id)
    if not found:
        raise ChoiceError(WORDING[lang]["needed"])
    return tuple(found)


def menu(terms: list[Term], lang: str = "en") -> list[str]:
    """The numbered choices as shown to the editor: '  2  primary — Primary'."""
    width = max(len(t.id) for t in terms)
    return [f"{i:>4}  {t.id:<{width}}  {t.label.best(lang)}" for i, t in enumerate(terms, start=1)]


def _wrapped(prefix: str, ids: list[str], width: int = 110) -> list[str]:
    return textwrap.wrap(
        ", ".join(ids), width=width, initial_indent=prefix, subsequent_indent="#   ", break_on_hyphens=False
    )


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    # A JSON string is a valid YAML double-quoted scalar: any title or name is written safely.
    env.filters["yamlstr"] = lambda s: json.dumps(str(s), ensure_ascii=False)
    env.filters["flow"] = lambda ids: "[" + ", ".join(ids) + "]"
    env.filters["block"] = lambda s: textwrap.fill(s, width=100, initial_indent="    ", subsequent_indent="    ")
    return env


def render(new: NewCaseStudy, frameworks: Frameworks, lang: str = "en") -> str:
    """The commented YAML of the new case study, comments in `lang` ('en' or 'cy')."""
    standards = frameworks.current_standards
    reference = {
        "settings": _wrapped("#   ", [t.id for t in frameworks.settings.terms]),
        "local_authorities": _wrapped("#   ", [t.id for t in frameworks.local_authorities.terms]),
        "audiences": _wrapped("#   ", [t.id for t in frameworks.audiences.terms]),
        "language_categories": [
            f'#   scheme "{scheme}": {", ".join(v.ids)}' for scheme, v in frameworks.language_categories.items()
        ],
        "hallmarks": [f"#   {t.id}: {t.label.best(lang)}" for t in frameworks.hallmarks.terms],
        "entitlement": _wrapped("#   ", [s.id for s in frameworks.entitlement.statements]),
        "slo": _wrapped("#   ", frameworks.slo.ids),
        "characteristics": _wrapped("#   ", frameworks.characteristics.ids),
        "contributory_factors": _wrapped("#   ", frameworks.contributory_factors.ids),
        "national_priorities": _wrapped("#   ", frameworks.national_priorities.ids),
        "standards": _wrapped("#   ", standards.ids),
    }
    other = "cy" if new.written_in == "en" else "en"
    placeholders = {
        name: {language: f"{PLACEHOLDER[language]} {texts[language]}" for language in ("en", "cy")}
        for name, texts in PLACEHOLDER_TEXTS.items()
    }
    return (
        _environment()
        .get_template(f"case_study.{lang}.yml.j2")
        .render(
            new=new,
            reference=reference,
            placeholders=placeholders,
            standards_version=standards.version,
            translation={new.written_in: "reviewed", other: "draft"},
        )
    )
