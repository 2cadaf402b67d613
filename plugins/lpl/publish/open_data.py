"""The open-data files of each language (JSON, CSV, the Atom feed) and the JSON Schemas they follow,
as pages for `publish.outputs.open_data`: MkDocs copies them into the site beside the pages.
"""

from __future__ import annotations

from pathlib import Path

from ..model import LANGUAGES, Content
from ..render.feed import FEED, FEED_STYLESHEET, render_feed, render_feed_stylesheet
from ..render.open_data import SCHEMAS, render_open_data

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema" / "open_data"


def schema_path(data_path: str) -> Path:
    """The JSON Schema in the repository that a data file follows (`case-studies/index.json` → case-studies)."""
    return SCHEMA_DIR / f"{data_path.split('/')[0]}.schema.json"


def open_data_files(content: Content, site_url: str) -> dict[str, dict[str, bytes]]:
    """{language: {path under docs/<lang>/: bytes}}; the schemas are served at the same path in both languages."""
    files: dict[str, dict[str, bytes]] = {}
    for lang in LANGUAGES:
        texts = render_open_data(content, lang, site_url) | {
            FEED: render_feed(content, lang, site_url),
            FEED_STYLESHEET: render_feed_stylesheet(content, lang),
        }
        files[lang] = {path: text.encode("utf-8") for path, text in texts.items()}
        files[lang].update({schema: schema_path(data).read_bytes() for data, schema in SCHEMAS.items()})
    return files
