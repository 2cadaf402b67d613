"""The one loader: read `data/`, `case_studies/` (and the interface labels), check everything,
and return the model — or every problem found, each located at its file, line and column.

The validator script, the MkDocs plugin and the plan generator all call `load` or `check`.
"""
from __future__ import annotations

import difflib
import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath

import fastjsonschema
import jsonschema

from .model import (
    DRAFT, LANGUAGES, REVIEWED, CaseStudy, Contact, Content, Entitlement, EntitlementStatement,
    EntitlementTable, Image, Membership, PracticePoint, Region, Resource, Source, StatementPart, Term, Text,
    Vocabulary, index_citations, region_for,
)
from .yaml_source import ContentError, Problem, SourceDocument, read_yaml

SCHEMA_PATH = Path(__file__).parent / "schema" / "case_study.schema.json"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif"}
MAX_IMAGE_BYTES = 1024 * 1024
# Raw HTML is never needed in a case study and is how scripts get in; Markdown covers the rest.
HTML_TAG = re.compile(r"<\s*[a-zA-Z!/][^>]*>?")
JAVASCRIPT = re.compile(r"javascript\s*:", re.I)
MD_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)")
SAFE_URL = re.compile(r"^(https?://[^\s/]+\S*|mailto:[^\s@]+@[^\s@]+)$", re.I)
EMAIL = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")
TEXT_FIELDS_BOTH_REQUIRED = ("title", "summary")  # shown on cards and in navigation: both languages needed
# What scripts/new_case_study.py (lpl.scaffold) writes in the texts still to be written: valid, so a new
# file validates at once, but warned about, so a forgotten placeholder shows in review.
PLACEHOLDER = {"en": "Write here:", "cy": "Ysgrifennwch yma:"}

DATA_FILES = ("settings", "audiences", "local_authorities", "regions", "language_categories", "hallmarks",
              "slo", "characteristics", "contributory_factors", "national_priorities", "standards",
              "entitlement", "ui")


class Checker:
    """Collects located problems for one document while its parts are read."""

    def __init__(self, doc: SourceDocument, defaults: dict[str, str] | None = None):
        self.doc = doc
        self.problems: list[Problem] = []
        self.defaults = defaults or {"en": REVIEWED, "cy": DRAFT}

    def error(self, at: tuple, message: str, *, key: bool = False) -> None:
        self.problems.append(self.doc.problem(at, message, key=key))

    def warning(self, at: tuple, message: str, *, key: bool = False) -> None:
        self.problems.append(self.doc.problem(at, message, key=key, severity="warning"))

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def get(self, at: tuple):
        value = self.doc.data
        for part in at:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def mapping(self, at: tuple, required: bool = True) -> dict:
        value = self.get(at)
        if value is None:
            if required:
                self.error(at, f"'{field_name(at)}' is missing")
            return {}
        if not isinstance(value, dict):
            self.error(at, f"'{field_name(at)}' must be a block of fields")
            return {}
        return value

    def items(self, at: tuple, required: bool = True) -> list:
        value = self.get(at)
        if value is None:
            if required:
                self.error(at, f"'{field_name(at)}' is missing (a list is needed)")
            return []
        if not isinstance(value, list):
            self.error(at, f"'{field_name(at)}' must be a list (lines starting with '- ')")
            return []
        return value

    def string(self, at: tuple, required: bool = True) -> str | None:
        value = self.get(at)
        if value is None:
            if required:
                self.error(at, f"'{field_name(at)}' is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(at, f"'{field_name(at)}' must be a piece of text")
            return None
        return str(value)

    def text(self, at: tuple, required: bool = True, both: bool = True) -> Text | None:
        """A bilingual text; in data files both languages are required."""
        value = self.get(at)
        if value is None:
            if required:
                self.error(at, f"'{field_name(at)}' is missing")
            return None
        if not isinstance(value, dict):
            self.error(at, f"'{field_name(at)}' must have an 'en:' and a 'cy:' line")
            return None
        unknown = set(value) - {"en", "cy", "en_status", "cy_status"}
        for key in sorted(unknown):
            hint = suggest(key, ['en', 'cy', 'en_status', 'cy_status'])
            if " " in key:  # a comma split an unquoted text inside { }
                hint = " (a text with a comma inside { } must be put in quotes)"
            self.error(at + (key,), f"unknown field '{key}' in '{field_name(at)}'{hint}", key=True)
        parts = {}
        for lang in LANGUAGES:
            text = value.get(lang)
            if text is not None and not isinstance(text, str):
                self.error(at + (lang,), f"'{field_name(at + (lang,))}' must be text (put it in quotes)")
                text = None
            if text is not None and not text.strip():
                text = None
            parts[lang] = text
            status = value.get(f"{lang}_status", self.defaults[lang])
            if status not in (DRAFT, REVIEWED):
                self.error(at + (f"{lang}_status",), f"'{lang}_status' must be 'draft' or 'reviewed' (got {status!r})")
                status = DRAFT
            parts[f"{lang}_status"] = status
            if both and text is None:
                self.error(at, f"'{field_name(at)}' has no {LANGUAGE_NAMES[lang]} text (add a '{lang}:' line)")
        if not parts["en"] and not parts["cy"] and not both:
            self.error(at, f"'{field_name(at)}' has no text in either language")
        return Text(**parts, path=self.doc.path, lines=tuple(self.doc.where(at + (lang,)).line for lang in LANGUAGES))

    def term_ids(self, at: tuple, vocabulary: Vocabulary | list[str], what: str, required: bool = False) -> tuple[str, ...]:
        known = vocabulary.ids if isinstance(vocabulary, Vocabulary) else list(vocabulary)
        found = []
        for i, item in enumerate(self.items(at, required=required)):
            if not isinstance(item, str):
                self.error(at + (i,), f"each entry of '{field_name(at)}' must be an id (a word such as {known[0]!r})")
                continue
            if item not in known:
                self.error(at + (i,), unknown_id_message(field_name(at), item, known, what))
                continue
            if item in found:
                self.warning(at + (i,), f"'{item}' is listed twice in '{field_name(at)}'")
                continue
            found.append(item)
        return tuple(found)

    def date(self, at: tuple, required: bool = True) -> date | None:
        value = self.get(at)
        if value is None:
            if required:
                self.error(at, f"'{field_name(at)}' is missing (a date such as 2025-03-14)")
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.error(at, f"'{field_name(at)}' is not a real date: {value!r} (write it as YYYY-MM-DD, e.g. 2025-03-14)")
            return None


LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}


def field_name(at: tuple) -> str:
    name = ""
    for part in at:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "the file"


def suggest(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def unknown_id_message(field: str, value: str, known: list[str], what: str) -> str:
    shown = ", ".join(known) if len(known) <= 12 else ", ".join(known[:12]) + ", …"
    return f"'{field}' must be one of {shown} (got {value!r}{suggest(value, known).replace(' — ', ' — ')}); see {what}"


# --- data/ --------------------------------------------------------------------------------------

def _source(c: Checker, at: tuple) -> Source | None:
    value = c.get(at)
    if value is None:
        return None
    urls = c.mapping(at + ("url",), required=False)
    for lang, url in urls.items():
        if not isinstance(url, str) or not SAFE_URL.match(url):
            c.error(at + ("url", lang), f"'{field_name(at + ('url', lang))}' must be a web address starting https://")
    return Source(c.text(at + ("title",)) or Text(), urls.get("en"), urls.get("cy"))


def _terms(c: Checker, at: tuple) -> tuple[Term, ...]:
    terms, seen = [], set()
    for i, _ in enumerate(c.items(at)):
        here = at + (i,)
        entry = c.mapping(here)
        term_id = c.string(here + ("id",))
        if term_id is None:
            continue
        if not SLUG.match(term_id):
            c.error(here + ("id",), f"id {term_id!r} must be lowercase words joined by hyphens")
        if term_id in seen:
            c.error(here + ("id",), f"id {term_id!r} is used twice")
        seen.add(term_id)
        for key in sorted(set(entry) - {"id", "number", "label", "description", "status", "kind", "memberships"}):
            c.error(here + (key,), f"unknown field '{key}'", key=True)
        number = entry.get("number")
        if number is not None and not isinstance(number, int):
            c.error(here + ("number",), "'number' must be a whole number")
            number = None
        status = entry.get("status")
        if status not in (None, "unconfirmed"):
            c.error(here + ("status",), "'status' can only be 'unconfirmed'")
        terms.append(Term(term_id, c.text(here + ("label",)) or Text(), number,
                          c.text(here + ("description",), required=False), status == "unconfirmed",
                          entry.get("kind")))
    return tuple(terms)


def _vocabulary(c: Checker, at: tuple = (), *, version: str | None = None, current: bool = True) -> Vocabulary:
    return Vocabulary(
        id=str(c.get(at + ("id",)) or c.doc.path),
        name=c.text(at + ("name",)) or Text(),
        terms=_terms(c, at + ("items",)),
        intro=c.text(at + ("intro",), required=False),
        source=_source(c, at + ("source",)),
        version=version, current=current,
    )


def _regions(c: Checker, local_authorities: Vocabulary) -> tuple[Region, ...]:
    regions = []
    for i, _ in enumerate(c.items(("items",))):
        here = ("items", i)
        memberships = []
        for j, _ in enumerate(c.items(here + ("memberships",))):
            m = here + ("memberships", j)
            memberships.append(Membership(
                c.term_ids(m + ("local_authorities",), local_authorities, "data/local_authorities.yml", required=True),
                c.date(m + ("from",), required=False), c.date(m + ("until",), required=False)))
        regions.append(Region(str(c.get(here + ("id",))), c.text(here + ("label",)) or Text(), tuple(memberships),
                              c.get(here + ("status",)) == "unconfirmed"))
    return tuple(regions)


def _texts(c: Checker, at: tuple, required: bool = True) -> tuple[Text, ...]:
    return tuple(t for i, _ in enumerate(c.items(at, required=required)) if (t := c.text(at + (i,))))


def _practice(c: Checker, at: tuple) -> tuple[PracticePoint, ...]:
    points = []
    for i, item in enumerate(c.items(at)):
        if isinstance(item, dict) and "text" in item:  # a lead-in with sub-points
            points.append(PracticePoint(c.text(at + (i, "text")) or Text(), _texts(c, at + (i, "points"))))
        elif (text := c.text(at + (i,))) is not None:
            points.append(PracticePoint(text))
    return tuple(points)


def _statement_part(c: Checker, at: tuple) -> StatementPart:
    c.mapping(at)
    return StatementPart(c.text(at + ("text",)) or Text(), _texts(c, at + ("points",), required=False),
                         _practice(c, at + ("effective_practice",)), _practice(c, at + ("sustained_practice",)))


def _entitlement(c: Checker, audiences: Vocabulary) -> Entitlement:
    columns = {key: c.text(("columns", key)) or Text() for key in ("statement", "effective_practice", "sustained_practice")}
    tables, seen = [], set()
    for i, _ in enumerate(c.items(("audiences",))):
        at = ("audiences", i)
        audience = c.string(at + ("audience",)) or ""
        if audience and audience not in audiences:
            c.error(at + ("audience",), unknown_id_message("audience", audience, audiences.ids, "data/audiences.yml"))
        statements = []
        for j, _ in enumerate(c.items(at + ("statements",))):
            s = at + ("statements", j)
            sid = c.string(s + ("id",)) or ""
            if sid in seen:
                c.error(s + ("id",), f"statement id {sid!r} is used twice")
            seen.add(sid)
            number = c.get(s + ("number",))
            statements.append(EntitlementStatement(sid, number if isinstance(number, int) else j + 1, audience,
                                                   _statement_part(c, s + ("entitlement",)),
                                                   _statement_part(c, s + ("expectation",)),
                                                   c.text(s + ("title",), required=False)))
        tables.append(EntitlementTable(audience, c.text(at + ("title",)) or Text(), tuple(statements)))
    return Entitlement(c.text(("name",)) or Text(), _source(c, ("source",)) or Source(Text()), columns,
                       tuple(tables), c.text(("intro",), required=False))


def _load_data(root: Path, problems: list[Problem]) -> dict | None:
    docs: dict[str, Checker] = {}
    for name in DATA_FILES:
        path = root / "data" / f"{name}.yml"
        shown = f"data/{name}.yml"
        if not path.exists():
            problems.append(Problem(shown, 1, 1, "this data file is missing"))
            continue
        doc, found = read_yaml(path, shown)
        problems.extend(found)
        if doc is not None:
            docs[name] = Checker(doc)
    if len(docs) < len(DATA_FILES):
        return None
    vocab = {name: _vocabulary(docs[name]) for name in
             ("settings", "audiences", "local_authorities", "hallmarks", "slo", "characteristics",
              "contributory_factors", "national_priorities")}
    c = docs["language_categories"]
    vocab["language_categories"] = {
        str(c.get(("schemes", i, "scheme"))): _vocabulary(c, ("schemes", i), version=str(c.get(("schemes", i, "scheme"))))
        for i, _ in enumerate(c.items(("schemes",)))}
    c = docs["standards"]
    vocab["standards"] = {
        str(c.get(("versions", i, "version"))): _vocabulary(
            c, ("versions", i), version=str(c.get(("versions", i, "version"))),
            current=bool(c.get(("versions", i, "current"))))
        for i, _ in enumerate(c.items(("versions",)))}
    vocab["standards_name"] = docs["standards"].text(("name",))
    vocab["regions"] = _regions(docs["regions"], vocab["local_authorities"])
    vocab["entitlement"] = _entitlement(docs["entitlement"], vocab["audiences"])
    c = docs["ui"]
    vocab["labels"] = {key: t for key in c.mapping(("labels",)) if (t := c.text(("labels", key)))}
    for checker in docs.values():
        problems.extend(checker.problems)
    return vocab


# --- case_studies/ ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _schema_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


@lru_cache(maxsize=1)
def _schema_fast_check():
    """A compiled validator that only says yes or no: most files are valid, and for those it is ~20×
    quicker than jsonschema; jsonschema then runs only on files with problems, for the located messages."""
    schema = dict(_schema_validator().schema, **{"$schema": "http://json-schema.org/draft-07/schema#"})
    return fastjsonschema.compile(schema)


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


TYPE_WORDS = {"string": "text", "array": "a list (lines starting with '- ')", "object": "a block of fields",
              "boolean": "true or false", "integer": "a whole number"}


def _schema_problems(c: Checker) -> set[tuple]:
    """Check the shape against the JSON Schema; return the paths already reported as wrong."""
    reported: set[tuple] = set()
    try:
        _schema_fast_check()(c.doc.data)
        return reported
    except fastjsonschema.JsonSchemaException:
        pass
    for err in _schema_validator().iter_errors(c.doc.data):
        at = tuple(err.absolute_path)
        name = field_name(at)
        kind = err.validator
        if kind == "additionalProperties":
            allowed = list(err.schema.get("properties", {}))
            for key in sorted(set(err.instance) - set(allowed)):
                c.error(at + (key,), f"unknown field '{key}'{' in ' + repr(name) if at else ''}{suggest(key, allowed)}", key=True)
                reported.add(at + (key,))
            continue
        if kind == "required":
            missing = err.message.split("'")[1]
            c.error(at, f"'{field_name(at + (missing,))}' is missing" + (" (it is required)" if not at else ""))
            reported.add(at + (missing,))
            continue
        if kind == "type":
            expected = err.validator_value
            words = TYPE_WORDS.get(expected, expected) if isinstance(expected, str) else " or ".join(TYPE_WORDS.get(e, e) for e in expected)
            hint = ""
            if expected == "object" and isinstance(err.instance, str):
                hint = " — write it as two lines, 'en: …' and 'cy: …', indented under it"
            elif expected == "string" and isinstance(err.instance, bool):
                hint = " (yes/no/true/false are read as true or false: put the text in quotes)"
            elif expected == "string" and isinstance(err.instance, (int, float)):
                hint = " (put it in quotes)"
            c.error(at, f"'{name}' must be {words}{hint}")
        elif kind == "enum":
            c.error(at, f"'{name}' must be one of {', '.join(map(str, err.validator_value))} (got {err.instance!r}"
                        f"{suggest(str(err.instance), [str(v) for v in err.validator_value])})")
        elif kind == "pattern" and err.schema.get("pattern", "").startswith("^\\d{4}"):
            c.error(at, f"'{name}' must be a date written YYYY-MM-DD, e.g. 2025-03-14 (got {err.instance!r})")
        elif kind == "pattern":
            c.error(at, f"'{name}' must be an id: lowercase words joined by hyphens (got {err.instance!r})")
        elif kind == "minItems":
            c.error(at, f"'{name}' needs at least one entry")
        elif kind in ("minProperties", "minLength"):
            c.error(at, f"'{name}' is empty")
        elif kind == "anyOf" and at[-1:] == ("name",):
            c.error(at, f"'{name}' must be the school's name, or 'en:' and 'cy:' lines when it has a name in each language")
        else:  # pragma: no cover - a rule added to the schema without a message here
            c.error(at, f"'{name}': {err.message}")
        reported.add(at)
    return reported


def _check_markdown(c: Checker, at: tuple, text: str | None) -> None:
    if not text:
        return
    # Cheap membership tests first: 1,000 case studies × 6 texts × 2 languages (bench.py validate).
    # Any tag is refused, so an event handler (onerror=…) can only come with one.
    tag = HTML_TAG.search(text) if "<" in text else None
    if tag:
        c.error(at, f"'{field_name(at)}' contains HTML ({tag.group(0)[:30]!r}); HTML is not allowed "
                    "in case studies — use Markdown (**bold**, [link text](https://…), lists starting with '- ')")
    for image_mark, url in MD_LINK.findall(text) if "](" in text else ():
        if image_mark:
            c.error(at, f"'{field_name(at)}' has an image in the text; put images under 'images:' with alt text in both languages")
        elif not SAFE_URL.match(url):
            c.error(at, f"'{field_name(at)}' links to {url!r}; links must start with https://, http:// or mailto:")
    if ":" in text and JAVASCRIPT.search(text):
        c.error(at, f"'{field_name(at)}' contains 'javascript:', which is not allowed")


def _case_text(c: Checker, at: tuple, required: bool, both_required: bool) -> Text | None:
    if c.get(at) is None and not required:
        return None
    text = c.text(at, required=required, both=both_required)
    if text is None:
        return None
    for lang in LANGUAGES:
        _check_markdown(c, at + (lang,), text.get(lang))
        if any(marker in (text.get(lang) or "") for marker in PLACEHOLDER.values()):
            c.warning(at + (lang,), f"'{field_name(at + (lang,))}' still has the template's placeholder text "
                                    "(replace it with your own words)")
        if not both_required and text.is_missing(lang) and not text.is_missing("en" if lang == "cy" else "cy"):
            other = "English" if lang == "cy" else "Welsh"
            c.warning(at, f"'{field_name(at)}' has no {LANGUAGE_NAMES[lang]} text yet; {LANGUAGE_NAMES[lang]} readers "
                          f"will see the {other} with a notice (add a '{lang}:' line)")
    return text


def check_case_study(path: Path, root: Path, vocab: dict, shown: str | None = None) -> tuple[CaseStudy | None, list[Problem]]:
    shown = shown or path.relative_to(root).as_posix()
    doc, problems = read_yaml(path, shown)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), "a case study must be a block of fields (title:, schools:, …)")]
    translation = doc.data.get("translation")
    defaults = {"en": REVIEWED, "cy": DRAFT}
    if isinstance(translation, dict):
        defaults.update({k: v for k, v in translation.items() if k in LANGUAGES and v in (DRAFT, REVIEWED)})
    c = Checker(doc, defaults)
    reported = _schema_problems(c)
    slug = path.stem
    if not SLUG.match(slug):
        c.problems.append(Problem(shown, 1, 1, f"the file name {path.name!r} becomes the web address: use lowercase words joined by hyphens, "
                    f"e.g. {re.sub(r'[^a-z0-9]+', '-', slug.lower()).strip('-') or 'ysgol-example'}.yml"))

    def ids(key: str, vocabulary, what: str):
        return () if (key,) in reported else c.term_ids((key,), vocabulary, what)

    settings = ids("settings", vocab["settings"], "data/settings.yml")
    audiences = ids("audiences", vocab["audiences"], "data/audiences.yml")
    hallmarks = ids("hallmarks", vocab["hallmarks"], "data/hallmarks.yml")
    statements = ids("entitlement_statements", [s.id for s in vocab["entitlement"].statements], "data/entitlement.yml")
    slo = ids("slo_dimensions", vocab["slo"], "data/slo.yml")
    characteristics = ids("characteristics", vocab["characteristics"], "data/characteristics.yml")
    factors = ids("contributory_factors", vocab["contributory_factors"], "data/contributory_factors.yml")
    priorities = ids("national_priorities", vocab["national_priorities"], "data/national_priorities.yml")

    la = c.get(("local_authority",))
    if isinstance(la, str) and la not in vocab["local_authorities"]:
        c.error(("local_authority",), unknown_id_message("local_authority", la, vocab["local_authorities"].ids,
                                                         "data/local_authorities.yml"))
    scheme = category = None
    lc = c.get(("language_category",))
    if isinstance(lc, dict) and ("language_category",) not in reported:
        scheme, category = str(lc.get("scheme", "")), lc.get("category")
        schemes = vocab["language_categories"]
        if scheme not in schemes:
            c.error(("language_category", "scheme"), unknown_id_message("language_category.scheme", scheme, list(schemes), "data/language_categories.yml"))
        elif isinstance(category, str) and category not in schemes[scheme]:
            c.error(("language_category", "category"), unknown_id_message(
                "language_category.category", category, schemes[scheme].ids, f"scheme {scheme} in data/language_categories.yml"))

    standards_version, standards = None, ()
    ps = c.get(("professional_standards",))
    if isinstance(ps, dict) and ("professional_standards",) not in reported:
        standards_version = str(ps.get("version"))
        if standards_version not in vocab["standards"]:
            c.error(("professional_standards", "version"), unknown_id_message(
                "professional_standards.version", standards_version, list(vocab["standards"]), "data/standards.yml"))
        elif ("professional_standards", "standards") not in reported:
            standards = c.term_ids(("professional_standards", "standards"), vocab["standards"][standards_version],
                                   f"version {standards_version} in data/standards.yml")

    texts = {}
    for key in ("title", "summary", "context", "approach", "impact", "advice"):
        if (key,) not in reported:
            texts[key] = _case_text(c, (key,), required=key != "advice", both_required=key in TEXT_FIELDS_BOTH_REQUIRED)

    schools = []
    for i, school in enumerate(c.get(("schools",)) or [] if ("schools",) not in reported else []):
        name = school.get("name") if isinstance(school, dict) else None
        if isinstance(name, str):
            schools.append(Text.same(name))
        elif isinstance(name, dict) and ("schools", i, "name") not in reported:
            schools.append(c.text(("schools", i, "name"), both=False) or Text())

    resources = []
    for i, res in enumerate(c.get(("resources",)) or [] if ("resources",) not in reported else []):
        if not isinstance(res, dict) or ("resources", i) in reported:
            continue
        url = res.get("url")
        if isinstance(url, str) and not SAFE_URL.match(url.strip()):
            c.error(("resources", i, "url"), f"'resources[{i}].url' must start with https://, http:// or mailto: (got {url!r})")
        title = _case_text(c, ("resources", i, "title"), required=True, both_required=True)
        if title and isinstance(url, str):
            resources.append(Resource(title, url.strip()))

    images = []
    for i, img in enumerate(c.get(("images",)) or [] if ("images",) not in reported else []):
        if not isinstance(img, dict) or ("images", i) in reported:
            continue
        alt = c.text(("images", i, "alt"))  # alt text is needed in both languages: screen readers read it
        caption = _case_text(c, ("images", i, "caption"), required=False, both_required=True)
        rel = img.get("path")
        if isinstance(rel, str) and _check_image(c, ("images", i, "path"), root, rel) and alt:
            images.append(Image(PurePosixPath(rel).as_posix(), alt, caption))

    contact = None
    ct = c.get(("contact",))
    if isinstance(ct, dict) and ("contact",) not in reported:
        email = ct.get("email")
        if isinstance(email, str) and not EMAIL.match(email):
            c.error(("contact", "email"), f"'contact.email' is not an email address (got {email!r})")
        if ct.get("consent") is not True:
            c.warning(("contact", "consent"), "the contact will not be published: 'consent' is not true "
                                              "(set it to true only once the person has agreed in writing)")
        role = _case_text(c, ("contact", "role"), required=False, both_required=False)
        contact = Contact(str(ct.get("name")), role, email, ct.get("consent") is True)

    published = c.date(("published",)) if ("published",) not in reported else None
    reviewed = c.date(("last_reviewed",), required=False) if ("last_reviewed",) not in reported else None
    if published and reviewed and reviewed < published:
        c.error(("last_reviewed",), f"'last_reviewed' ({reviewed}) is before 'published' ({published})")
    if published and published > date.today():
        c.warning(("published",), f"'published' ({published}) is in the future")

    if c.failed:
        return None, c.problems
    region = region_for(vocab["regions"], la, published) if published else None
    return CaseStudy(
        slug=slug, source_path=shown, title=texts["title"], schools=tuple(schools), settings=settings,
        local_authority=la, language_scheme=scheme, language_category=category, audiences=audiences,
        hallmarks=hallmarks, entitlement_statements=statements, slo_dimensions=slo,
        standards_version=standards_version, standards=standards, characteristics=characteristics,
        contributory_factors=factors, national_priorities=priorities, summary=texts["summary"],
        context=texts["context"], approach=texts["approach"], impact=texts["impact"], advice=texts.get("advice"),
        resources=tuple(resources), images=tuple(images), contact=contact, published=published,
        last_reviewed=reviewed, example=doc.data.get("example") is True, unpublished=doc.data.get("unpublished") is True,
        region=region), c.problems


def _check_image(c: Checker, at: tuple, root: Path, rel: str) -> bool:
    pure = PurePosixPath(rel)
    base = (root / "case_studies").resolve()
    if pure.is_absolute() or ".." in pure.parts or "\\" in rel:
        c.error(at, f"image path {rel!r} must be inside case_studies/ (e.g. images/my-school-1.jpg), without '..'")
        return False
    target = (base / pure).resolve()
    if not target.is_relative_to(base):
        c.error(at, f"image path {rel!r} must be inside case_studies/")
        return False
    if pure.suffix.lower() not in IMAGE_TYPES:
        c.error(at, f"image {rel!r} must be one of: {', '.join(sorted(IMAGE_TYPES))}")
        return False
    if not target.is_file():
        c.error(at, f"image {rel!r} was not found in case_studies/ (check the name and that it was added)")
        return False
    if target.stat().st_size > MAX_IMAGE_BYTES:
        c.error(at, f"image {rel!r} is {target.stat().st_size // 1024} KB; make it smaller than "
                    f"{MAX_IMAGE_BYTES // 1024} KB (about 1600 pixels wide is plenty)")
        return False
    return True


def case_study_files(root: Path) -> list[Path]:
    folder = root / "case_studies"
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file()) if folder.is_dir() else []


def check_data(root: Path) -> tuple[dict | None, list[Problem]]:
    """Only data/: the vocabularies by name (what scripts/new_case_study.py offers), or None on errors."""
    problems: list[Problem] = []
    vocab = _load_data(Path(root), problems)
    return (None if vocab is None or any(p.severity == "error" for p in problems) else vocab), problems


def check(root: Path, paths: list[Path] | None = None) -> tuple[Content | None, list[Problem]]:
    """Load and check everything (or, with `paths`, just those case-study files against the data).

    Returns the model (None when there is any error) and every problem found, warnings included.
    """
    root = Path(root)
    problems: list[Problem] = []
    vocab = _load_data(root, problems)
    if vocab is None or any(p.severity == "error" for p in problems):
        return None, problems
    files = [Path(p) for p in paths] if paths else case_study_files(root)
    studies: list[CaseStudy] = []
    seen: dict[str, str] = {}
    for path in files:
        path = path if path.is_absolute() else (Path.cwd() / path)
        shown = path.relative_to(root.resolve()).as_posix() if path.resolve().is_relative_to(root.resolve()) else str(path)
        if path.stem in seen:
            problems.append(Problem(shown, 1, 1, f"two case studies have the slug {path.stem!r} "
                                                 f"({seen[path.stem]} and {shown}); rename one file"))
            continue
        seen[path.stem] = shown
        study, found = check_case_study(path, root, vocab, shown)
        problems.extend(found)
        if study:
            studies.append(study)
    from .plan_load import load_plan  # here, as plan_load builds on this module's Checker
    plan = load_plan(root, vocab, problems)
    if any(p.severity == "error" for p in problems):
        return None, problems
    published = tuple(sorted((s for s in studies if not s.unpublished), key=lambda s: s.slug))
    content = Content(
        settings=vocab["settings"], audiences=vocab["audiences"], local_authorities=vocab["local_authorities"],
        regions=vocab["regions"], language_categories=vocab["language_categories"], hallmarks=vocab["hallmarks"],
        slo=vocab["slo"], characteristics=vocab["characteristics"], contributory_factors=vocab["contributory_factors"],
        national_priorities=vocab["national_priorities"], standards=vocab["standards"],
        entitlement=vocab["entitlement"], labels=vocab["labels"], case_studies=published,
        unpublished=tuple(s for s in studies if s.unpublished), citations=index_citations(published), plan=plan)
    return content, problems


def load(root: Path) -> Content:
    """The model, or ContentError carrying every problem (the build stops on it)."""
    content, problems = check(root)
    if content is None:
        raise ContentError(problems)
    return content
