"""The Jinja environment the page renderers share: Markdown out, so no autoescape; values that go
into HTML or YAML front matter are escaped by the `e` and `yamlstr` filters where they are written."""
from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=None)
def environment(folder: str) -> jinja2.Environment:
    """The environment for templates/<folder>/ (a missing variable is an error, never an empty string)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / folder), autoescape=False,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters["e"] = lambda s: html.escape(str(s), quote=True)
    env.filters["oneline"] = lambda s: " ".join(str(s).split())
    # A JSON string is a valid YAML double-quoted scalar: any title is written safely in front matter.
    env.filters["yamlstr"] = lambda s: json.dumps(" ".join(str(s).split()), ensure_ascii=False)
    return env
