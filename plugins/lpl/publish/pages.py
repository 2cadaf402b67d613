"""Write what a build made: pages into docs/<lang>/ (git-ignored folders) and files under site/, changing only what changed.

Real files inside docs_dir are what mkdocs-static-i18n localises properly (switcher to the same
page, hreflang alternates, sitemap); see README "Architecture". Files are rewritten only when their
content differs, so `mkdocs serve` does not rebuild forever.
"""

from __future__ import annotations

from pathlib import Path

GENERATED_DIRS = ("case-studies", "frameworks", "plan-templates")  # wholly generated; never hand-edit


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def sync_pages(pages: dict[str, dict[str, bytes]], docs_dir: Path) -> int:
    """Make docs_dir/<lang>/ hold exactly `pages[lang]` in the folders they and GENERATED_DIRS name.

    Returns how many files were written or removed.
    """
    changed = 0
    for lang, wanted in pages.items():
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


def write_files(files: dict[str, bytes], site_dir: Path) -> int:
    """Put `files` under site_dir (once per build: both languages link there); a file of the same kind left
    from an earlier build in the same folder (a renamed .docx while serving) is removed."""
    written = 0
    for rel, data in files.items():
        written += write_if_changed(Path(site_dir) / rel, data)
    kinds = {(Path(rel).parent, Path(rel).suffix) for rel in files}
    for folder, suffix in kinds:
        for stale in (Path(site_dir) / folder).glob(f"*{suffix}"):
            if stale.relative_to(site_dir).as_posix() not in files:
                stale.unlink()
    return written
