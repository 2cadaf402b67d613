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
from ..model import DESCRIBED_AFTER, SCHOOL, Frameworks, Kind, PartialDate, Term, other
from ..model.case_study import EXCERPTS, is_generated_page
from ..model.language import Language
from ..model.web import link_problem
from .check_summary import HEADER, MAX_EXCERPT_BYTES

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
        "publisher": "Who published the case study you are summarising? (e.g. Estyn)",
        "source_title": "Its title, exactly as published",
        "source_url": "Its web address (https://…)",
        "source_language": "Which language(s) is it published in? en, cy or both",
        "source_title_cy": "Its Welsh title, exactly as published",
        "source_url_cy": "The web address of the Welsh version (https://…)",
        "described": "When does the source date the practice? YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2015-05 for an "
        "inspection in May 2015); press Enter if it gives no date",
        "described_after": "What is that date of? inspection, report, visit or publication (Enter if it does not say)",
        "excerpt": "Where did you save the source's text as you read it, in {language}? (a plain-text file; it is copied to "
        "{target}, kept for `lpl check-summary` and never published)",
        "licence": "Under which licence is the source published?",
        "bad_url": "{value!r} is not a web address a page may carry: {problem}.",
        "bad_date": "{value!r} is not a real year, month or day: write YYYY, YYYY-MM or YYYY-MM-DD.",
        "bad_language": "{value!r}: answer en, cy or both.",
        "bad_after": "{value!r}: answer inspection, report, visit or publication, or press Enter.",
        "bad_licence": "{value!r}: write the licence's name on one line, without brackets.",
        "bad_excerpt": "{value!r} cannot be used: {problem}.",
        "excerpt_saved": "Saved the excerpt: {path}",
        "next_summary": "Next: write the summary in your own words (every 'Write here: …' and 'Ysgrifennwch yma: …'), "
        "then\n  lpl check-summary {slug}\n  lpl validate {path}\n  lpl preview {path}",
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
        "publisher": "Pwy a gyhoeddodd yr astudiaeth achos rydych yn ei chrynhoi? (e.e. Estyn)",
        "source_title": "Ei theitl, yn union fel y'i cyhoeddwyd",
        "source_url": "Ei chyfeiriad gwe (https://…)",
        "source_language": "Ym mha iaith neu ieithoedd y'i cyhoeddwyd? en, cy neu both",
        "source_title_cy": "Ei theitl Cymraeg, yn union fel y'i cyhoeddwyd",
        "source_url_cy": "Cyfeiriad gwe'r fersiwn Gymraeg (https://…)",
        "described": "Pa ddyddiad y mae'r ffynhonnell yn ei roi i'r arfer? BBBB, BBBB-MM neu BBBB-MM-DD (e.e. 2015-05 "
        "ar gyfer arolygiad ym mis Mai 2015); pwyswch Enter os nad yw'n rhoi dyddiad",
        "described_after": "Dyddiad beth yw hwnnw? inspection (arolygiad), report (adroddiad), visit (ymweliad) neu "
        "publication (cyhoeddi) (Enter os nad yw'n dweud)",
        "excerpt": "Ble y cadwoch chi destun y ffynhonnell fel y'i darllenwyd gennych, yn {language}? (ffeil testun plaen; "
        "caiff ei chopïo i {target}, ei chadw ar gyfer `lpl check-summary` a byth ei chyhoeddi)",
        "licence": "O dan ba drwydded y cyhoeddwyd y ffynhonnell?",
        "bad_url": "Nid yw {value!r} yn gyfeiriad gwe y gall tudalen ei gynnwys: {problem}.",
        "bad_date": "Nid yw {value!r} yn flwyddyn, mis neu ddiwrnod go iawn: ysgrifennwch BBBB, BBBB-MM neu BBBB-MM-DD.",
        "bad_language": "{value!r}: atebwch en, cy neu both.",
        "bad_after": "{value!r}: atebwch inspection, report, visit neu publication, neu pwyswch Enter.",
        "bad_licence": "{value!r}: ysgrifennwch enw'r drwydded ar un llinell, heb gromfachau.",
        "bad_excerpt": "Ni ellir defnyddio {value!r}: {problem}.",
        "excerpt_saved": "Wedi cadw'r dyfyniad: {path}",
        "next_summary": "Nesaf: ysgrifennwch y crynodeb yn eich geiriau eich hun (pob 'Write here: …' ac 'Ysgrifennwch "
        "yma: …'), yna\n  lpl check-summary {slug}\n  lpl validate {path}\n  lpl preview {path}",
    },
}
LANGUAGE_WORDS = {"en": {"en": "English", "cy": "Welsh"}, "cy": {"en": "Saesneg", "cy": "Cymraeg"}}
DEFAULT_LICENCE = "Open Government Licence v3.0"  # Estyn's and the Welsh Government's pages

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
class NewSource:
    """For a summary: the published case study it summarises, as the editor gives it (`source:` in the file)."""

    publisher: str
    title: str
    url: str
    language: str  # en | cy | both
    title_cy: str | None = None
    url_cy: str | None = None
    described: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, as the source dates the practice
    described_after: str | None = None  # one of DESCRIBED_AFTER


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
    written_in: Language = Language.EN  # the language the school wrote: 'reviewed'; the other starts as 'draft'
    kind: Kind = SCHOOL  # the scaffold is for a school's own account; `--example` makes an illustrative one
    source: NewSource | None = None  # `--summary`: a summary of a case study published elsewhere


def check_url(value: str, lang: Language = Language.EN) -> str:
    """An https address a page may carry, or ChoiceError in the editor's language."""
    value = value.strip()
    problem = link_problem(value) or (None if value.startswith("https://") else "it must start with https://")
    if problem:
        raise ChoiceError(WORDING[lang]["bad_url"].format(value=value[:80], problem=problem))
    return value


def check_described(value: str, lang: Language = Language.EN) -> str:
    try:
        return PartialDate.parse(value).isoformat()
    except ValueError:
        raise ChoiceError(WORDING[lang]["bad_date"].format(value=value[:40])) from None


def check_source_language(value: str, lang: Language = Language.EN) -> str:
    if value.strip() not in ("en", "cy", "both"):
        raise ChoiceError(WORDING[lang]["bad_language"].format(value=value[:40]))
    return value.strip()


def check_described_after(value: str, lang: Language = Language.EN) -> str:
    if value.strip() not in DESCRIBED_AFTER:
        raise ChoiceError(WORDING[lang]["bad_after"].format(value=value[:40]))
    return value.strip()


def check_licence(value: str, lang: Language = Language.EN) -> str:
    value = " ".join(value.split())
    if not value or len(value) > 120 or any(c in value for c in "()"):
        raise ChoiceError(WORDING[lang]["bad_licence"].format(value=value[:40]))
    return value


def excerpt_path(root: Path, slug: str, lang: Language) -> Path:
    return root / EXCERPTS / f"{slug}.{lang}.txt"


def save_excerpt(root: Path, slug: str, lang: Language, text: str, url: str, read: date, licence: str) -> Path:
    """The excerpt as `lpl check-summary` reads it: its header line (address, day read, licence), then the text.
    A first line that is already a header is replaced. Refuses to replace an existing excerpt (FileExistsError)."""
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    first, _, rest = body.partition("\n")
    if HEADER.fullmatch(first.strip()):
        body = rest
    if len(body.encode("utf-8")) > MAX_EXCERPT_BYTES:
        raise ValueError(f"it is over {MAX_EXCERPT_BYTES // 1024} KB: save only the source's text")
    path = excerpt_path(root, slug, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as out:  # never replace an excerpt already saved
        out.write(f"Source: {url} (read {read.isoformat()}; licence: {licence})\n{body.rstrip()}\n")
    return path


def slugify(title: str) -> str:
    """A web address from a title: 'Ysgol Cwm Derwen: triads' → 'ysgol-cwm-derwen-triads'."""
    plain = title.lower().translate(str.maketrans("âêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳ", "aeiouwyaeiouwyaeiouwyaeiouwy"))
    return "-".join(re.findall(r"[a-z0-9]+", plain))[:60].strip("-")


def slug_problem(slug: str, root: Path, lang: Language = Language.EN) -> str | None:
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


def resolve(answer: str, terms: list[Term], lang: Language = Language.EN) -> str:
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


def resolve_many(answer: str, terms: list[Term], lang: Language = Language.EN) -> tuple[str, ...]:
    """Several answers separated by commas (or spaces), without repeats."""
    found: list[str] = []
    for part in re.split(r"[,\s]+", answer.strip()):
        if part and (term_id := resolve(part, terms, lang)) not in found:
            found.append(term_id)
    if not found:
        raise ChoiceError(WORDING[lang]["needed"])
    return tuple(found)


def menu(terms: list[Term], lang: Language = Language.EN) -> list[str]:
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
        trim_blocks=True,  # a line holding only {% if %} or {% endif %} leaves no blank line
        lstrip_blocks=True,
    )
    # A JSON string is a valid YAML double-quoted scalar: any title or name is written safely.
    env.filters["yamlstr"] = lambda s: json.dumps(str(s), ensure_ascii=False)
    env.filters["flow"] = lambda ids: "[" + ", ".join(ids) + "]"
    env.filters["block"] = lambda s: textwrap.fill(s, width=100, initial_indent="    ", subsequent_indent="    ")
    return env


def render(new: NewCaseStudy, frameworks: Frameworks, lang: Language = Language.EN) -> str:
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
            translation={new.written_in: "reviewed", other(new.written_in): "draft"},
        )
    )
