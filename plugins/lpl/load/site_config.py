"""mkdocs.yml read without MkDocs (for the commands and the benchmarks), its `!ENV` tags resolved as MkDocs does."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import yaml


def read_site_config(path: Path, environ: Mapping[str, str] | None = None) -> dict:
    """`!ENV NAME` is that variable or null; `!ENV [A, B, default]` the first variable set, else the default.
    `environ={}` gives the defaults (the site as configured, whatever the shell has set)."""
    env = os.environ if environ is None else environ

    class Loader(yaml.SafeLoader):
        pass

    def from_env(loader, node):
        if isinstance(node, yaml.ScalarNode):
            names, default = [loader.construct_scalar(node)], None
        else:
            items = loader.construct_sequence(node)
            names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
        return next((env[n] for n in names if n in env), default)

    Loader.add_constructor("!ENV", from_env)
    # mkdocs.yml may name Python callables (pymdownx's !!python/name): none is needed here, so they read as null.
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=Loader)
