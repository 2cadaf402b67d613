"""What `mkdocs serve` watches."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..model import LANGUAGES
from ..publish.inputs import INPUT_DIRS
from ..publish.pages import GENERATED_DIRS

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

WATCHED = INPUT_DIRS


def docs_to_watch(docs: Path) -> list[tuple[Path, bool]]:
    """(path, recursive) pairs covering docs/ but the generated folders: docs/ and docs/<lang>/
    themselves, not recursively, and every other folder in them, recursively."""
    watched = [(docs, False)]
    for child in sorted(p for p in docs.iterdir() if p.is_dir()):
        if child.name in LANGUAGES:
            watched.append((child, False))
            watched += [(p, True) for p in sorted(child.iterdir()) if p.is_dir() and p.name not in GENERATED_DIRS]
        else:
            watched.append((child, True))
    return watched


def watch(server: LiveReloadServer, root: Path, docs: Path) -> None:
    """The inputs, and docs/ but the generated folders: the plugin rewrites those during a build, and
    were they watched every saved case study would set off a second, needless rebuild of the whole site
    (a folder added to docs/<lang>/ while serving is watched from the next start)."""
    for name in WATCHED:
        if (root / name).is_dir():
            server.watch(str(root / name))
    server.unwatch(str(docs))
    for path, recursive in docs_to_watch(docs):
        server.watch(str(path), recursive=recursive)
