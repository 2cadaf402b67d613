"""The catalogue and the frameworks as open data, per language: JSON and CSV text from the model.

Pure: the model and the site's address in, strings out (`lpl.publish.open_data` puts them where the
site serves them). The JSON files follow the schemas in `plugins/lpl/schema/open_data/`; a change
of their shape is a change of `SCHEMA_VERSION` (semantic versioning: a removed or renamed field is a
new major version). Only published case studies are in the model's `case_studies`, so only they
are here.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date

from ..model import LANGUAGES, CaseStudy, Content, Text, Vocabulary, lang_prefix, other
from ..model.language import Language
from ..model.registry import FRAMEWORKS, Shape
from .escape import csv_cell
from .framework_links import framework_link, framework_page
from .labels import kind_label
from .links import Link

SCHEMA_VERSION = "1.1.0"  # 1.1.0: source.described, .described_after; local_authority may be null
CATALOGUE_JSON, CATALOGUE_CSV, FRAMEWORKS_JSON = (
    "case-studies/index.json",
    "case-studies/index.csv",
    "frameworks/index.json",
)
SCHEMAS = {CATALOGUE_JSON: "case-studies/index.schema.json", FRAMEWORKS_JSON: "frameworks/index.schema.json"}


# The Open Government Licence v3.0 as The National Archives names it, in both languages.
@dataclass(frozen=True)
class Licence:
    id: str  # its SPDX identifier
    name: Text
    url: Text


LICENCE = Licence(
    "OGL-UK-3.0",
    Text("Open Government Licence v3.0", "Trwydded Llywodraeth Agored v3.0"),
    Text(
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "https://www.nationalarchives.gov.uk/doc/open-government-licence-cymraeg/version/3/",
    ),
)


def bilingual(text: Text | None) -> dict | None:
    """A text in both languages, with each language's status: reviewed, draft, or missing."""
    if text is None:
        return None
    return {
        "en": text.en or None,
        "cy": text.cy or None,
        "status": {lang: "missing" if text.is_missing(lang) else text.status(lang) for lang in LANGUAGES},
    }


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def page_urls(site_url: str, page: str, anchor: str | None = None) -> dict[str, str]:
    return {lang: Link(Text(), page, anchor).url(site_url, lang) for lang in LANGUAGES}


def source(study: CaseStudy) -> dict | None:
    """The published case study a summary is based on (None for other kinds)."""
    found = study.source
    if found is None:
        return None
    return {
        "publisher": found.publisher,
        "title": {"en": found.title, "cy": found.title_cy},
        "published": _date(found.published),
        "url": {"en": found.url, "cy": found.url_cy},
        "language": found.language,
        "described": found.described.isoformat() if found.described else None,
        "described_after": found.described_after,
    }


class Labels:
    """Vocabulary labels in one language: what differs between the two languages' files."""

    def __init__(self, content: Content, lang: Language):
        self.content, self.lang = content, lang

    def term(self, vocabulary: Vocabulary, term_id: str) -> dict:
        return {"id": term_id, "label": vocabulary.term(term_id).label.best(self.lang)}

    def region(self, region_id: str | None) -> dict | None:
        if region_id is None:
            return None
        region = self.content.region(region_id)
        return {"id": region.id, "label": region.label.best(self.lang), "unconfirmed": region.unconfirmed}

    def language_category(self, study: CaseStudy) -> dict | None:
        if not study.language_category or not study.language_scheme:
            return None
        scheme = self.content.frameworks.language_categories[study.language_scheme]
        return {"scheme": study.language_scheme, **self.term(scheme, study.language_category)}


def case_study_record(content: Content, study: CaseStudy, lang: Language, site_url: str) -> dict:
    """One case study as the catalogue's data gives it."""
    labels = Labels(content, lang)
    frameworks = {}
    for framework in FRAMEWORKS:
        frameworks[framework.key] = [
            {
                "id": ref,
                "label": content.frameworks.item_label(framework.key, ref).best(lang),
                "url": framework_link(framework.key, ref, Text()).url(site_url, lang),
            }
            for ref in study.links()[framework.key]
        ]
    return {
        "slug": study.slug,
        "url": page_urls(site_url, f"case-studies/{study.slug}.md"),
        "title": bilingual(study.title),
        "summary": bilingual(study.summary),
        "schools": [bilingual(school) for school in study.schools],
        "settings": [labels.term(content.frameworks.settings, s) for s in study.settings],
        "local_authority": (
            labels.term(content.frameworks.local_authorities, study.local_authority) if study.local_authority else None
        ),
        "region": labels.region(study.region),
        "language_category": labels.language_category(study),
        "audiences": [labels.term(content.frameworks.audiences, a) for a in study.audiences],
        "frameworks": frameworks,
        "kind": study.kind,
        "kind_label": kind_label(content, study).best(lang),
        "source": source(study),
        "published": _date(study.published),
        "last_reviewed": _date(study.last_reviewed),
    }


def site_file(site_url: str, path: str, lang: Language = Language.EN) -> str:
    """The absolute address of a file the site serves (`path` from the language's root: Welsh under /cy/)."""
    return f"{site_url.rstrip('/')}/{lang_prefix(lang)}{path}"


def _header(content: Content, lang: Language, site_url: str, path: str, title_key: str) -> dict:
    """What each file says of itself: its schema and version, title, language, address and licence."""
    return {
        "schema": {"version": SCHEMA_VERSION, "url": site_file(site_url, SCHEMAS[path])},
        "title": content.label(title_key, lang),
        "language": lang,
        "url": site_file(site_url, path, lang),
        "licence": {
            "id": LICENCE.id,
            "name": LICENCE.name.best(lang),
            "url": LICENCE.url.best(lang),
            "attribution": content.label("open_data_attribution", lang),
            "note": content.label("open_data_licence_note", lang),
        },
    }


def catalogue_data(content: Content, lang: Language, site_url: str) -> dict:
    studies = [case_study_record(content, s, lang, site_url) for s in content.case_studies]
    return {
        **_header(content, lang, site_url, CATALOGUE_JSON, "open_data_catalogue"),
        "page": Link(Text(), "case-studies/index.md").url(site_url, lang),
        "count": len(studies),
        "case_studies": studies,
    }


def frameworks_data(content: Content, lang: Language, site_url: str) -> dict:
    """Each framework's items with ids, labels in both languages, anchors and the case studies citing them."""

    def item(key: str, ref: str, term_id: str, label: Text, **extra) -> dict:
        link = framework_link(key, ref, label)
        return {
            "id": term_id,
            "ref": ref,
            "label": bilingual(label),
            **extra,
            "anchor": link.anchor,
            "url": link.url(site_url, lang),
            "case_studies": [s.slug for s in content.cited_by(key, ref)],
        }

    def framework(
        key: str, name: Text, vocabulary_source, items: list[dict], version: str | None = None, current: bool = True
    ) -> dict:
        return {
            "key": key,
            "name": bilingual(name),
            "version": version,
            "current": current,
            "url": framework_page(key).url(site_url, lang),
            "source": (
                {"title": bilingual(vocabulary_source.title), "url": vocabulary_source.url(lang)}
                if vocabulary_source
                else None
            ),
            "items": items,
        }

    found = []
    for key, shape in ((f.key, f.shape) for f in FRAMEWORKS):
        if shape is Shape.STATEMENTS:
            e = content.frameworks.entitlement
            found.append(
                framework(
                    key,
                    e.name,
                    e.source,
                    [
                        item(
                            key,
                            s.id,
                            s.id,
                            s.label,
                            number=s.number,
                            audience=s.audience,
                            entitlement=bilingual(s.entitlement.text),
                            expectation=bilingual(s.expectation.text),
                            unconfirmed=False,
                        )
                        for s in e.statements
                    ],
                )
            )
        elif shape is Shape.VERSIONS:
            for v in content.frameworks.standards.values():
                found.append(
                    framework(
                        key,
                        v.name,
                        v.source,
                        [
                            item(key, f"{v.version}:{t.id}", t.id, t.label, number=t.number, unconfirmed=t.unconfirmed)
                            for t in v.terms
                        ],
                        version=v.version,
                        current=v.current,
                    )
                )
        else:
            v = content.frameworks.vocabulary(key)
            found.append(
                framework(
                    key,
                    v.name,
                    v.source,
                    [
                        item(
                            key,
                            t.id,
                            t.id,
                            t.label,
                            number=t.number,
                            description=bilingual(t.description),
                            unconfirmed=t.unconfirmed,
                        )
                        for t in v.terms
                    ],
                )
            )
    return {**_header(content, lang, site_url, FRAMEWORKS_JSON, "open_data_frameworks"), "frameworks": found}


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "slug",
    "url_en",
    "url_cy",
    "title",
    "summary",
    "text_status",
    "schools",
    "settings",
    "setting_labels",
    "local_authority",
    "local_authority_label",
    "region",
    "region_label",
    "language_scheme",
    "language_category",
    "language_category_label",
    "audiences",
    "audience_labels",
    "kind",
    "kind_label",
    "source_publisher",
    "source_title",
    "source_url",
    "source_published",
    "source_language",
    "published",
    "last_reviewed",
    *(f.key for f in FRAMEWORKS),
)


safe_cell = csv_cell  # a cell a spreadsheet would read as a formula is shown as text (the escaping rule)


def csv_row(record: dict, lang: Language) -> dict[str, str]:
    """One case study as a flat row: texts in the file's language, lists joined (ids by spaces, labels by '; ')."""

    def text(value: dict) -> str:
        return value[lang] or value[other(lang)] or ""

    def ids(items):
        return " ".join(i["id"] for i in items)

    def names(items):
        return "; ".join(i["label"] for i in items)

    region, category, src = record["region"] or {}, record["language_category"] or {}, record["source"] or {}
    statuses = {record["title"]["status"][lang], record["summary"]["status"][lang]}
    row = {
        "slug": record["slug"],
        "url_en": record["url"]["en"],
        "url_cy": record["url"]["cy"],
        "title": text(record["title"]),
        "summary": text(record["summary"]),
        "text_status": next(s for s in ("missing", "draft", "reviewed") if s in statuses),
        "schools": "; ".join(text(s) for s in record["schools"]),
        "settings": ids(record["settings"]),
        "setting_labels": names(record["settings"]),
        "local_authority": (record["local_authority"] or {}).get("id", ""),
        "local_authority_label": (record["local_authority"] or {}).get("label", ""),
        "region": region.get("id", ""),
        "region_label": region.get("label", ""),
        "language_scheme": category.get("scheme", ""),
        "language_category": category.get("id", ""),
        "language_category_label": category.get("label", ""),
        "audiences": ids(record["audiences"]),
        "audience_labels": names(record["audiences"]),
        "kind": record["kind"],
        "kind_label": record["kind_label"],
        "source_publisher": src.get("publisher") or "",
        "source_title": (src["title"][lang] or src["title"]["en"]) if src else "",
        "source_url": (src["url"][lang] or src["url"]["en"]) if src else "",
        "source_published": src.get("published") or "",
        "source_language": src.get("language") or "",
        "published": record["published"],
        "last_reviewed": record["last_reviewed"] or "",
        **{f.key: ids(record["frameworks"][f.key]) for f in FRAMEWORKS},
    }
    return {k: safe_cell(" ".join(v.split())) for k, v in row.items()}  # one line per row: no breaks in cells


def catalogue_csv(data: dict) -> str:
    """The catalogue's JSON data as CSV (RFC 4180: comma-separated, CRLF, quoted where needed), UTF-8 with a
    byte-order mark: without one, Excel reads the file as Windows-1252 and garbles ŵ, ŷ and â."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in data["case_studies"]:
        writer.writerow(csv_row(record, data["language"]))
    return out.getvalue()


def download_names(content: Content) -> dict[str, str]:
    """The name each language's open-data file saves under, by its path under the site ("cy/case-studies/index.csv"):
    the same address in both languages, so without its own name every language's CSV saved as index.csv."""
    stems = {CATALOGUE_JSON: "open_data_file_catalogue", CATALOGUE_CSV: "open_data_file_catalogue"}
    stems[FRAMEWORKS_JSON] = "open_data_file_frameworks"
    return {
        lang_prefix(lang) + path: content.label(key, lang) + path[path.rindex(".") :]
        for lang in LANGUAGES
        for path, key in stems.items()
    }


def render_open_data(content: Content, lang: Language, site_url: str) -> dict[str, str]:
    """Every open-data file of one language: {path under the language's root: text}."""
    catalogue = catalogue_data(content, lang, site_url)
    return {
        CATALOGUE_JSON: to_json(catalogue),
        CATALOGUE_CSV: catalogue_csv(catalogue),
        FRAMEWORKS_JSON: to_json(frameworks_data(content, lang, site_url)),
    }
