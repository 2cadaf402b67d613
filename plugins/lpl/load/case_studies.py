"""case_studies/*.yml: each file checked against the schema and the vocabularies, into a CaseStudy."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import fastjsonschema
import jsonschema

from ..model import (
    DRAFT,
    KINDS,
    LANGUAGES,
    REVIEWED,
    SUMMARY,
    CaseStudy,
    Contact,
    Frameworks,
    Image,
    Kind,
    Language,
    Name,
    PartialDate,
    PublishedSource,
    Resource,
    Status,
    Text,
    Vocabulary,
    other,
    region_for,
)
from ..model.case_study import is_generated_page
from ..model.registry import FRAMEWORKS, Shape, framework
from ..model.web import email_problem, link_problem
from .checks import (
    EARLIEST,
    LANGUAGE_NAMES,
    LATEST,
    NEAR_FUTURE,
    PLACEHOLDER,
    SLUG,
    Checker,
    field_name,
    https_url,
    suggest,
    text_problem,
    unknown_id_message,
)
from .images import image_problem
from .source import Problem, character_problem, read_yaml

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "case_study.schema.json"
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif"}
MAX_IMAGE_BYTES = 1024 * 1024
CASE_STUDY_SUFFIXES = (".yml", ".yaml")
TEXT_FIELDS_BOTH_REQUIRED = ("title", "summary")  # shown on cards and in navigation: both languages needed


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return _inline_refs(schema, schema.get("$defs", {}))


@lru_cache(maxsize=1)
def _schema_validator() -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(_schema())


@lru_cache(maxsize=1)
def _schema_fast_check():
    """A compiled validator that only says yes or no: most files are valid, and for those it is ~20×
    quicker than jsonschema; jsonschema then runs only on files with problems, for the located messages."""
    return fastjsonschema.compile(_schema() | {"$schema": "http://json-schema.org/draft-07/schema#"})


def _inline_refs(node, defs: dict):
    """The schema with its local "#/$defs/…" references written out: jsonschema's reference lookups
    were half of the time spent checking 1,000 case studies (bench.py validate). Same rules."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            merged = {k: v for k, v in node.items() if k != "$ref"}
            return {**_inline_refs(defs[ref.removeprefix("#/$defs/")], defs), **_inline_refs(merged, defs)}
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


TYPE_WORDS = {
    "string": "text",
    "array": "a list (lines starting with '- ')",
    "object": "a block of fields",
    "boolean": "true or false",
    "integer": "a whole number",
}


def _schema_problems(c: Checker) -> None:
    """Check the shape against the JSON Schema; the checker remembers what it reported."""
    try:
        _schema_fast_check()(c.doc.data)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    errors = list(_schema_validator().iter_errors(c.doc.data))
    too_long = {tuple(e.absolute_path) for e in errors if e.validator == "maxItems"}
    for err in errors:
        at = tuple(err.absolute_path)
        if any(at[: len(long)] == long and at != long for long in too_long):
            continue  # one message for a list over its limit, not one per entry
        name = field_name(at)
        kind = err.validator
        # The rule's part of the schema, its value there and the value it refused (typed loosely by jsonschema).
        schema: Mapping[str, Any] = err.schema if isinstance(err.schema, Mapping) else {}
        expected: Any = err.validator_value
        instance: Any = err.instance
        if kind == "additionalProperties":
            allowed = list(schema.get("properties", {}))
            for key in sorted(set(instance) - set(allowed)):
                c.error(
                    at + (key,),
                    f"unknown field '{key}'{' in ' + repr(name) if at else ''}{suggest(key, allowed)}",
                    key=True,
                )
            continue
        if kind == "required":
            missing = err.message.split("'")[1]
            c.error(
                at,
                f"'{field_name(at + (missing,))}' is missing" + (" (it is required)" if not at else ""),
                covers=at + (missing,),
            )
            continue
        if kind == "type":
            words = (
                TYPE_WORDS.get(expected, expected)
                if isinstance(expected, str)
                else " or ".join(TYPE_WORDS.get(e, e) for e in expected)
            )
            hint = ""
            if expected == "object" and isinstance(instance, str):
                hint = " — write it as two lines, 'en: …' and 'cy: …', indented under it"
            elif expected == "string" and isinstance(instance, bool):
                hint = " (yes/no/true/false are read as true or false: put the text in quotes)"
            elif expected == "string" and isinstance(instance, (int, float)):
                hint = " (put it in quotes)"
            c.error(at, f"'{name}' must be {words}{hint}")
        elif kind == "enum":
            c.error(
                at,
                f"'{name}' must be one of {', '.join(map(str, expected))} (got {instance!r}"
                f"{suggest(str(instance), [str(v) for v in expected])})",
            )
        elif kind == "pattern" and at[-1:] == ("described",):
            c.error(
                at,
                f"'{name}' must be a year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2015-05 (got {instance!r})",
            )
        elif kind == "pattern" and schema.get("pattern", "").startswith("^\\d{4}"):
            c.error(at, f"'{name}' must be a date written YYYY-MM-DD, e.g. 2025-03-14 (got {instance!r})")
        elif kind == "pattern":
            c.error(at, f"'{name}' must be an id: lowercase words joined by hyphens (got {instance!r})")
        elif kind == "minItems":
            c.error(at, f"'{name}' needs at least one entry")
        elif kind == "maxItems":
            c.error(at, f"'{name}' has {len(instance):,} entries; the limit is {expected}")
        elif kind in ("minProperties", "minLength"):
            c.error(at, f"'{name}' is empty")
        elif kind == "anyOf" and at[-1:] == ("name",):
            c.error(
                at, f"'{name}' must be the school's name, or 'en:' and 'cy:' lines when it has a name in each language"
            )
        else:  # pragma: no cover - a rule added to the schema without a message here
            c.error(at, f"'{name}': {err.message}")


def _check_text(c: Checker, at: tuple, text: str | None, markdown: bool = True) -> None:
    problem = text_problem(text, markdown) if text else None
    if problem:
        c.error(at, f"'{field_name(at)}' {problem}")


def _case_text(c: Checker, at: tuple, required: bool, both_required: bool, markdown: bool = True) -> Text | None:
    if c.get(at) is None and not required:
        return None
    text = c.text(at, required=required, both=both_required, markdown=None)  # the field's own rule, below
    if text is None:
        return None
    for lang in LANGUAGES:
        _check_text(c, at + (lang,), text.get(lang), markdown)
        if any(marker in (text.get(lang) or "") for marker in PLACEHOLDER.values()):
            c.warning(
                at + (lang,),
                f"'{field_name(at + (lang,))}' still has the template's placeholder text "
                "(replace it with your own words)",
            )
        if not both_required and text.is_missing(lang) and not text.is_missing(other(lang)):
            c.warning(
                at,
                f"'{field_name(at)}' has no {LANGUAGE_NAMES[lang]} text yet; {LANGUAGE_NAMES[lang]} readers "
                f"will see the {LANGUAGE_NAMES[other(lang)]} with a notice (add a '{lang}:' line)",
            )
    return text


def check_case_study(
    path: Path, root: Path, frameworks: Frameworks, shown: str | None = None
) -> tuple[CaseStudy | None, list[Problem]]:
    shown = shown or path.relative_to(root).as_posix()
    doc, problems = read_yaml(path, shown)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), "a case study must be a block of fields (title:, schools:, …)")]
    translation = doc.data.get("translation")
    defaults = {"en": REVIEWED, "cy": DRAFT}
    if isinstance(translation, dict):
        defaults.update({k: Status(v) for k, v in translation.items() if k in LANGUAGES and v in (DRAFT, REVIEWED)})
    c = Checker(doc, defaults)
    _schema_problems(c)
    _slug(c, path)
    fields: dict = {}
    for rule in RULES:
        fields.update(rule(c, frameworks, root))
    if c.failed:
        return None, c.problems
    region = (
        region_for(frameworks.regions, fields["local_authority"], fields["published"])
        if fields["published"] and fields["local_authority"]
        else None
    )
    return CaseStudy(
        slug=path.stem, source_path=shown, unpublished=doc.data.get("unpublished") is True, region=region, **fields
    ), c.problems


# --- The rules: each reads one part of a case study, reports what is wrong, and gives CaseStudy's fields ---


def twin_of(path: Path) -> Path | None:
    """The other file of the same case study (ysgol-x.yml beside ysgol-x.yaml): both would make one page."""
    for suffix in CASE_STUDY_SUFFIXES:
        other = path.with_suffix(suffix)
        if suffix != path.suffix and other.is_file():
            return other
    return None


def _slug(c: Checker, path: Path) -> None:
    slug = path.stem
    twin = twin_of(path) if path.suffix in CASE_STUDY_SUFFIXES else None
    if twin is not None:
        c.problems.append(
            Problem(
                c.doc.path,
                1,
                1,
                f"two case studies have the slug {slug!r} ({path.name} and {twin.name} in the same folder); "
                "they would make one page: delete or rename one file",
            )
        )
    if not SLUG.match(slug):
        c.problems.append(
            Problem(
                c.doc.path,
                1,
                1,
                f"the file name {path.name!r} becomes the web address: use lowercase "
                f"words joined by hyphens, e.g. {re.sub(r'[^a-z0-9]+', '-', slug.lower()).strip('-') or 'ysgol-example'}.yml",
            )
        )
    elif is_generated_page(slug):
        c.problems.append(
            Problem(
                c.doc.path,
                1,
                1,
                f"the file name {path.name!r} would replace the catalogue's own page "
                f"/case-studies/{slug}/; add the school's name, e.g. ysgol-example-{slug}.yml",
            )
        )


def _framework_ids(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    """The settings, audiences and the items of each framework cited by id (the standards: `_professional_standards`)."""
    ids: dict[str, tuple[Vocabulary | list[str], str]] = {
        "settings": (frameworks.settings, "data/settings.yml"),
        "audiences": (frameworks.audiences, "data/audiences.yml"),
    }
    for f in FRAMEWORKS:
        if f.shape is not Shape.VERSIONS:
            ids[f.field] = (frameworks.refs(f.key), f.data_file)
    return {
        key: c.term_ids((key,), vocabulary, what) if c.fresh((key,)) else () for key, (vocabulary, what) in ids.items()
    }


def _local_authority(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    la = c.get(("local_authority",))
    if isinstance(la, str) and la not in frameworks.local_authorities:
        c.error(
            ("local_authority",),
            unknown_id_message("local_authority", la, frameworks.local_authorities.ids, "data/local_authorities.yml"),
        )
    return {"local_authority": la}


def _language_category(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    scheme = category = None
    lc = c.get(("language_category",))
    if isinstance(lc, dict) and c.fresh(("language_category",)):
        scheme, category = str(lc.get("scheme", "")), lc.get("category")
        schemes = frameworks.language_categories
        if scheme not in schemes:
            c.error(
                ("language_category", "scheme"),
                unknown_id_message("language_category.scheme", scheme, list(schemes), "data/language_categories.yml"),
            )
        elif isinstance(category, str) and category not in schemes[scheme]:
            c.error(
                ("language_category", "category"),
                unknown_id_message(
                    "language_category.category",
                    category,
                    schemes[scheme].ids,
                    f"scheme {scheme} in data/language_categories.yml",
                ),
            )
    return {"language_scheme": scheme, "language_category": category}


STANDARDS = framework("standards")


def _professional_standards(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    version: str | None = None
    standards: tuple[str, ...] = ()
    ps = c.get(("professional_standards",))
    if isinstance(ps, dict) and c.fresh(("professional_standards",)):
        version = str(ps.get("version"))
        if version not in frameworks.standards:
            c.error(
                ("professional_standards", "version"),
                unknown_id_message(
                    "professional_standards.version", version, list(frameworks.standards), STANDARDS.data_file
                ),
            )
        elif c.fresh(("professional_standards", "standards")):
            standards = c.term_ids(
                ("professional_standards", "standards"),
                frameworks.standards[version],
                f"version {version} in {STANDARDS.data_file}",
            )
    return {"standards_version": version, "standards": standards}


def _texts(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    # The title is shown as plain text (a heading, links); the others are Markdown.
    return {
        key: _case_text(
            c, (key,), required=key != "advice", both_required=key in TEXT_FIELDS_BOTH_REQUIRED, markdown=key != "title"
        )
        if c.fresh((key,))
        else None
        for key in ("title", "summary", "context", "approach", "impact", "advice")
    }


# The language of a school's name given once, from the kind of institution it names, as a rule (the name's own
# words, never a guess at the rest): "Castell Alun High School" is English, "Ysgol Coed Helyg" Welsh; a name with
# words of both or neither is left unmarked, unless the entry says `lang:`. Pages in the other language mark it.
NAME_WORDS = {
    Language.EN: frozenset(
        {"School", "College", "Academy", "Centre", "Primary", "Comprehensive", "Infant", "Junior", "High"}
    ),
    Language.CY: frozenset(
        {"Ysgol", "Coleg", "Academi", "Canolfan", "Uned", "Cylch", "Meithrin", "Gynradd", "Uwchradd"}
    ),
}


def name_language(name: str) -> Language | None:
    words = set(re.findall(r"[^\W\d_]+", name))
    found = [lang for lang, known in NAME_WORDS.items() if words & known]
    return found[0] if len(found) == 1 else None


def _schools(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    schools = []
    for i, school in enumerate(c.get(("schools",)) or [] if c.fresh(("schools",)) else []):
        at = ("schools", i, "name")
        name = school.get("name") if isinstance(school, dict) else None
        lang = school.get("lang") if isinstance(school, dict) else None
        if isinstance(name, str):
            _check_text(c, at, name, markdown=False)
            same = Text.same(name)
            schools.append(
                Name(
                    same.en,
                    same.cy,
                    same.en_status,
                    same.cy_status,
                    written_in=Language(lang) if lang in LANGUAGES else name_language(name),
                )
            )
        elif isinstance(name, dict) and c.fresh(at):
            text = _case_text(c, at, required=True, both_required=False, markdown=False) or Text()
            schools.append(Name(text.en, text.cy, text.en_status, text.cy_status, path=text.path, lines=text.lines))
    return {"schools": tuple(schools)}


def _resources(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    resources = []
    for i, res in enumerate(c.get(("resources",)) or [] if c.fresh(("resources",)) else []):
        if not isinstance(res, dict) or not c.fresh(("resources", i)):
            continue
        url = res.get("url")
        if isinstance(url, str) and (problem := link_problem(url)):
            c.error(
                ("resources", i, "url"),
                f"'resources[{i}].url' is not a link a page may carry (got {url[:80]!r}): {problem}",
            )
        url_cy = https_url(c, ("resources", i, "url_cy")) if res.get("url_cy") is not None else None
        title = _case_text(c, ("resources", i, "title"), required=True, both_required=True, markdown=False)
        if title and isinstance(url, str):
            resources.append(Resource(title, url.strip(), url_cy))
    return {"resources": tuple(resources)}


def _images(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    images = []
    for i, img in enumerate(c.get(("images",)) or [] if c.fresh(("images",)) else []):
        if not isinstance(img, dict) or not c.fresh(("images", i)):
            continue
        # alt text is needed in both languages: screen readers read it
        alt = _case_text(c, ("images", i, "alt"), required=True, both_required=True, markdown=False)
        caption = _case_text(c, ("images", i, "caption"), required=False, both_required=True, markdown=False)
        rel = img.get("path")
        if isinstance(rel, str) and _check_image(c, ("images", i, "path"), root, rel) and alt:
            images.append(Image(PurePosixPath(rel).as_posix(), alt, caption))
    return {"images": tuple(images)}


def _contact(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    ct = c.get(("contact",))
    if not isinstance(ct, dict) or not c.fresh(("contact",)):
        return {"contact": None}
    email, name = ct.get("email"), ct.get("name")
    if isinstance(email, str) and (problem := email_problem(email)):
        c.error(("contact", "email"), f"'contact.email' is not a plain e-mail address (got {email[:80]!r}): {problem}")
    if isinstance(name, str):
        _check_text(c, ("contact", "name"), name, markdown=False)
    if ct.get("consent") is not True:
        c.warning(
            ("contact", "consent"),
            "the contact will not be published: 'consent' is not true "
            "(set it to true only once the person has agreed in writing)",
        )
    role = _case_text(c, ("contact", "role"), required=False, both_required=False, markdown=False)
    return {"contact": Contact(str(name), role, email, ct.get("consent") is True)}


def _dates(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    published = c.date(("published",)) if c.fresh(("published",)) else None
    reviewed = c.date(("last_reviewed",), required=False, future=False) if c.fresh(("last_reviewed",)) else None
    if published and reviewed and reviewed < published:
        c.error(("last_reviewed",), f"'last_reviewed' ({reviewed}) is before 'published' ({published})")
    if published and published > date.today() + NEAR_FUTURE:
        c.error(("published",), f"'published' ({published}) is more than a year in the future")
        published = None
    elif published and published > date.today():
        c.warning(("published",), f"'published' ({published}) is in the future")
    return {"published": published, "last_reviewed": reviewed}


def _kind_and_source(c: Checker, frameworks: Frameworks, root: Path) -> dict:
    kind = c.get(("kind",))
    source = _published_source(c) if kind == SUMMARY and c.fresh(("source",)) else None
    if kind != SUMMARY and c.get(("source",)) is not None:
        c.error(
            ("source",),
            f"'source' is only for a summary of a published case study (kind: summary), not kind: {kind}",
            key=True,
        )
    if kind == SUMMARY and c.get(("contact",)) is not None:
        c.error(
            ("contact",), "a summary has no 'contact': readers reach the school through the published source", key=True
        )
    return {"kind": Kind(kind) if kind in KINDS else kind, "source": source}


RULES = (
    _framework_ids,
    _local_authority,
    _language_category,
    _professional_standards,
    _texts,
    _schools,
    _resources,
    _images,
    _contact,
    _dates,
    _kind_and_source,
)


def _published_source(c: Checker) -> PublishedSource | None:
    """The `source:` of a summary; the schema has checked its shape."""
    at = ("source",)
    url, url_cy = https_url(c, at + ("url",)), https_url(c, at + ("url_cy",))
    published = c.date(at + ("published",), required=False, future=False)
    described = _described(c, published)
    for key in ("publisher", "title", "title_cy"):
        if isinstance(c.get(at + (key,)), str):
            _check_text(c, at + (key,), c.get(at + (key,)), markdown=False)
    get = lambda key: (c.get(at + (key,)) or "").strip() or None  # noqa: E731
    publisher, title, language = get("publisher"), get("title"), get("language")
    for key, value in (("publisher", publisher), ("title", title)):
        if value is None and c.fresh(at + (key,)):  # spaces only: the schema's minLength lets them by
            c.error(at + (key,), f"'source.{key}' is empty")
    if not (url and publisher and title and language):
        return None
    return PublishedSource(
        publisher=publisher,
        title=title,
        url=url,
        language=language,
        title_cy=get("title_cy"),
        url_cy=url_cy,
        published=published,
        described=described,
        described_after=get("described_after") if described else None,
    )


def _described(c: Checker, published: date | None) -> PartialDate | None:
    """`source.described`: when the source dates the practice (a year, month or day), with `described_after`."""
    at = ("source", "described")
    value = c.get(at)
    if value is None:
        if c.get(("source", "described_after")) is not None:
            c.error(
                ("source", "described_after"),
                "'source.described_after' says what the date in 'source.described' is of: add 'described' "
                "(e.g. described: 2015-05), or remove 'described_after'",
            )
        return None
    if not c.fresh(at):
        return None
    try:
        described = PartialDate.parse(str(value))
    except ValueError:
        c.error(
            at, f"'source.described' is not a real year, month or day: {value!r} (write YYYY, YYYY-MM or YYYY-MM-DD)"
        )
        return None
    if not EARLIEST <= described.earliest <= LATEST:
        c.error(
            at,
            f"'source.described' ({described.isoformat()}) is not a date this site can hold: years "
            f"{EARLIEST.year} to {LATEST.year}",
        )
        return None
    if described.earliest > date.today():
        c.error(at, f"'source.described' ({described.isoformat()}) is in the future")
    elif published and described.earliest > published:
        c.error(
            at,
            f"'source.described' ({described.isoformat()}) is after the source's own date, 'source.published' "
            f"({published}): a source cannot describe practice after it was published",
        )
    return described


MAX_IMAGE_PATH = 200  # characters: images/<slug>-<n>.<ext> is a few dozen


def _check_image(c: Checker, at: tuple, root: Path, rel: str) -> bool:
    """An image path: inside case_studies/, of a known type, there, small enough and what its name says.
    The path is checked as text before the file system sees it (a NUL or a 4,000-character name made the
    system calls fail with a traceback)."""
    shown = repr(rel[:80] + ("…" if len(rel) > 80 else ""))
    if len(rel) > MAX_IMAGE_PATH or character_problem(rel) or "\n" in rel or "\t" in rel:
        c.error(at, f"image path {shown} is not a file name (at most {MAX_IMAGE_PATH} characters, on one line)")
        return False
    pure = PurePosixPath(rel)
    base = (root / "case_studies").resolve()
    if pure.is_absolute() or ".." in pure.parts or "\\" in rel:
        c.error(at, f"image path {shown} must be inside case_studies/ (e.g. images/my-school-1.jpg), without '..'")
        return False
    if pure.suffix.lower() not in IMAGE_TYPES:
        c.error(at, f"image {shown} must be one of: {', '.join(sorted(IMAGE_TYPES))}")
        return False
    try:
        target = (base / pure).resolve()
        if not target.is_relative_to(base):
            c.error(at, f"image path {shown} must be inside case_studies/")
            return False
        if not target.is_file():
            c.error(at, f"image {shown} was not found in case_studies/ (check the name and that it was added)")
            return False
        found = target.stat()
        if found.st_size > MAX_IMAGE_BYTES:
            c.error(
                at,
                f"image {shown} is {found.st_size // 1024} KB; make it smaller than "
                f"{MAX_IMAGE_BYTES // 1024} KB (about 1600 pixels wide is plenty)",
            )
            return False
        problem = _image_problem(target, pure.suffix.lower(), found.st_size, found.st_mtime_ns)
    except (OSError, ValueError) as error:  # a name the file system refuses
        reason = getattr(error, "strerror", None) or error.__class__.__name__
        c.error(at, f"image {shown} cannot be opened ({reason})")
        return False
    if problem:
        c.error(at, f"image {shown}: {problem}")
        return False
    return True


@lru_cache(maxsize=256)
def _image_problem(target: Path, suffix: str, size: int, mtime_ns: int) -> str | None:
    """An image's bytes checked once per version of the file (its size and time), however many entries,
    case studies or rebuilds name it: 3,000 entries naming one 190 KB SVG parsed it 3,000 times."""
    return image_problem(target, suffix)


def case_study_files(root: Path) -> list[Path]:
    folder = root / "case_studies"
    return (
        sorted(p for p in folder.iterdir() if p.suffix in CASE_STUDY_SUFFIXES and p.is_file())
        if folder.is_dir()
        else []
    )
