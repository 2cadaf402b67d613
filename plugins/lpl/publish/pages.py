"""Write the generated pages into docs/<lang>/ (git-ignored folders), changing only what changed.

Real files inside docs_dir are what mkdocs-static-i18n localises properly (switcher to the same
page, hreflang alternates, sitemap); see README "Architecture". Files are rewritten only when their
content differs, so `mkdocs serve` does not rebuild forever.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from ..model import LANGUAGES, Content
from ..render.pages import render_site_pages

GENERATED_DIRS = ("case-studies", "frameworks", "plan-templates")  # wholly generated; never hand-edit


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def generate_pages(content: Content, root: Path, docs_dir: Path, extra: dict[str, dict[str, bytes]] | None = None,
                   site_url: str = "/") -> int:
    """Render every language's pages (plus `extra` files by language) and sync them into docs_dir.

    Returns how many files were written or removed.
    """
    changed = 0
    for lang in LANGUAGES:
        wanted: dict[str, bytes] = {path: md.encode("utf-8") for path, md in render_site_pages(content, lang, site_url).items()}
        for study in content.case_studies:
            for image in study.images:
                wanted[f"case-studies/{image.path}"] = (root / "case_studies" / image.path).read_bytes()
        wanted.update((extra or {}).get(lang, {}))
        base = docs_dir / lang
        for rel, data in wanted.items():
            changed += write_if_changed(base / rel, data)
        for folder in {rel.split("/", 1)[0] for rel in wanted} | set(GENERATED_DIRS):
            for existing in sorted((base / folder).rglob("*"), reverse=True) if (base / folder).exists() else []:
                rel = existing.relative_to(base).as_posix()
                if existing.is_file() and rel not in wanted:
                    existing.unlink()
                    changed += 1
                elif existing.is_dir() and not any(existing.iterdir()):
                    existing.rmdir()
    return changed


def remove_generated(docs_dir: Path) -> None:
    for lang in LANGUAGES:
        for folder in GENERATED_DIRS:
            shutil.rmtree(docs_dir / lang / folder, ignore_errors=True)
