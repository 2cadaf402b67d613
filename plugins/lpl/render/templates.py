"""The Jinja environment the page renderers share: Markdown out, so no autoescape; every text from YAML
is escaped where it is written, by the filters of `escape.py` (the one rule; see there and the README)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from . import escape

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment(folder: str) -> jinja2.Environment:
    """The environment for templates/<folder>/ (a missing variable is an error, never an empty string)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / folder),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # `e` and `oneline` are the same rule as `inline`: no text from YAML reaches a page unescaped.
    env.filters["e"] = env.filters["oneline"] = env.filters["inline"] = escape.inline
    env.filters["prose"] = escape.prose
    env.filters["href"] = escape.href
    env.filters["urlpath"] = escape.urlpath
    env.filters["yamlstr"] = escape.yamlstr
    env.filters["yamljson"] = escape.yamljson
    return env
