"""What only the benchmarks need besides the tests' harness (tests/harness.py): our site's configuration as
written, and a plain Material site with the same Markdown pages beside ours."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from lpl.load.site_config import read_site_config


def our_config(project: Path) -> dict:
    return read_site_config(project / "mkdocs.yml", environ={})  # the site as configured, not as this shell sets it


def plain_material(docs: Path, dest: Path, config: dict) -> Path:
    """A plain Material + static-i18n project over a copy of `docs` (the Markdown as generated):
    the same navigation, languages and Markdown extensions, but no lpl plugins, theme overrides,
    custom CSS or JavaScript. `font: false` as ours: Material's default loads Google Fonts, which a
    public-sector site must not (and which this machine cannot reach)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(docs, dest / "docs", dirs_exist_ok=True)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    plain = {
        "site_name": config["site_name"],
        "site_description": config.get("site_description"),
        "site_url": config["site_url"],
        "docs_dir": "docs",
        "theme": {"name": "material", "language": "en", "font": False, "features": config["theme"].get("features", [])},
        "plugins": ["search", {"i18n": i18n}],
        "nav": config.get("nav"),
        "not_in_nav": config.get("not_in_nav"),
        "markdown_extensions": config.get("markdown_extensions", []),
    }
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump({k: v for k, v in plain.items() if v is not None}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return dest
