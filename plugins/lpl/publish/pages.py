"""Write what a build made: pages into docs/<lang>/ (git-ignored folders) and files under site/, changing only what changed.

Real files inside docs_dir are what mkdocs-static-i18n localises properly (switcher to the same
page, hreflang alternates, sitemap); see README "Architecture". Files are rewritten only when their
content differs, so `mkdocs serve` does not rebuild forever.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

GENERATED_DIRS = ("case-studies", "frameworks", "plan-templates")  # wholly generated; never hand-edit

# A page's front matter as MkDocs finds it (mkdocs.utils.meta.YAML_RE), read by the loader MkDocs uses.
# When that fails, MkDocs says nothing and renders the front matter as the page's Markdown (with raw
# HTML and attribute lists on): a title YAML refused became markup on the page (issue 23). So a page
# whose front matter does not read is an error, here for the pages we make and in the plugin for all.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MADE_FROM = re.compile(r"^generated_from: *(.*)$", re.M)


class FrontMatterError(ValueError):
    """A page's front matter that MkDocs would not read; the message names the page and where it came from."""


def front_matter_problem(markdown: str) -> str | None:
    """Why MkDocs would not read this page's front matter, in plain words; None when it would (or there is none)."""
    found = FRONT_MATTER.match(markdown)
    if found is None:
        return "its front matter has no closing '---' line" if re.match(r"-{3}[ \t]*\n", markdown) else None
    try:
        data = yaml.load(found.group(1), Loader=_LOADER)  # the safe loader, as MkDocs uses
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark else ""  # + the opening '---'
        return f"its front matter cannot be read ({where}{getattr(error, 'problem', None) or error})"
    if not isinstance(data, dict):
        return "its front matter is not a block of fields"
    return None


def check_front_matter(pages: dict[str, dict[str, bytes]]) -> None:
    """Raise FrontMatterError naming every generated page whose front matter MkDocs would not read."""
    found = []
    for lang, made in pages.items():
        for rel, data in made.items():
            if not rel.endswith(".md"):
                continue
            text = data.decode("utf-8", errors="replace")
            problem = front_matter_problem(text)
            if problem:
                source = _MADE_FROM.search(text[:4096])
                origin = f" (made from {source.group(1).strip()})" if source else ""
                found.append(f"docs/{lang}/{rel}{origin}: {problem}".encode("ascii", "backslashreplace").decode())
    if found:
        raise FrontMatterError(
            "A generated page would lose its title and show its front matter as text; nothing was built:\n"
            + "\n".join(found)
        )


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def sync_pages(pages: dict[str, dict[str, bytes]], docs_dir: Path) -> int:
    """Make docs_dir/<lang>/ hold exactly `pages[lang]` in the folders they and GENERATED_DIRS name.

    Returns how many files were written or removed. Raises FrontMatterError, writing nothing, when a page's
    front matter would not be read.
    """
    check_front_matter(pages)
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
