"""What a build's outputs are keyed on: every input they are made from, by content, listed by construction.

A cached output (the plan documents in `.lpl-cache/`, the plugin's outputs reused by static-i18n's second
build) is reused only while this key is unchanged. It is not a hand-kept list of the fields an output reads,
which misses one as soon as a renderer reads something new (the kind labels of `data/ui.yml` once did):
it is the bytes of every file under the folders the loader reads, of the package's own code, templates and
schemas, the versions of the libraries it installs with, and the build's settings.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path

INPUT_DIRS = ("case_studies", "data", "plans")  # every file the loader reads is under one of these
PACKAGE = Path(__file__).resolve().parent.parent  # lpl: its code, templates, schemas and theme
DISTRIBUTION = "leading-professional-learning"


def files_under(folder: Path) -> list[Path]:
    """Every file under `folder`, in a fixed order (compiled Python left out: it follows its source)."""
    found = []
    for dirpath, dirnames, names in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        found += [Path(dirpath) / name for name in sorted(names) if not name.endswith(".pyc")]
    return found


def _libraries() -> list[str]:
    """name==version of each library the package declares (a new python-docx may write other bytes)."""
    try:
        declared = requires(DISTRIBUTION) or []
    except PackageNotFoundError:  # run from a checkout that is not installed: the code is still hashed
        return []
    names = sorted({re.split(r"[^A-Za-z0-9._-]", r, maxsplit=1)[0] for r in declared if "extra ==" not in r})
    found = []
    for name in names:
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} missing")
    return found


def inputs_digest(root: Path, *settings: object) -> str:
    """A key that changes whenever any input file, the package or one of `settings` (the site's address …) does."""
    h = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)

    root = Path(root)
    for name in INPUT_DIRS:
        for path in files_under(root / name):
            add(path.relative_to(root).as_posix(), path.read_bytes())
    for path in files_under(PACKAGE):
        add("lpl/" + path.relative_to(PACKAGE).as_posix(), path.read_bytes())
    add("libraries", "\n".join([sys.version, *_libraries()]).encode())
    add("settings", repr(settings).encode())
    return h.hexdigest()
