"""When each file of the project last changed, from its git history: the same answer on every build of a commit.

The sitemap's `<lastmod>` of a hand-written page is the date of the last commit that changed its file (MkDocs
would give every page the build's date). Without git, outside a checkout, or in a shallow clone (where the
oldest commit fetched seems to add every file) there is no answer, and the sitemap gives no date rather than a
wrong one: the Pages build fetches the whole history (`fetch-depth: 0` in .github/workflows/site.yml).
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

COMMIT = "\x00commit "  # a line no file name can be: it starts with NUL


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def last_changed(root: Path, *folders: str) -> dict[Path, date]:
    """The date of the last commit that changed each file under `folders` (all of `root` if none), by absolute path;
    empty when that history is not there to read."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or _git(root, "rev-parse", "--is-shallow-repository") != "false\n":
        return {}
    log = _git(root, "log", "--no-renames", "--name-only", "--format=%x00commit %cs", "--", *(folders or ["."]))
    if log is None:
        return {}
    base, when = Path(top.strip()), None
    found: dict[Path, date] = {}
    for line in log.splitlines():
        if line.startswith(COMMIT):
            when = date.fromisoformat(line[len(COMMIT) :])
        elif line and when is not None:
            found.setdefault(base / line, when)  # newest first: the first date seen is the last change
    return found
