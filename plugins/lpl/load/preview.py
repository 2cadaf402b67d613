"""What a preview of one case study loads: its file, found by slug or path, and the content with it published.

`LPL_ONLY=<slug>` (or the lpl-content option `preview_case_study`) makes the MkDocs plugin load just that file
against data/ (`check(root, [preview_file(root, slug)])`), so one being written elsewhere cannot stop the
preview; an `unpublished: true` case study is shown too (`preview_content`): seeing it before it goes live is
the point. The adapter and `lpl preview` (lpl.editorial.preview) both use it.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

from ..model import Content, index_citations
from .case_studies import case_study_files


def preview_file(root: Path, slug_or_path: str) -> Path:
    """The case-study file for a slug ('ysgol-x') or a path ('case_studies/ysgol-x.yml'); ValueError if none."""
    slug = Path(slug_or_path).stem
    files = case_study_files(Path(root))
    for path in files:
        if path.stem == slug:
            return path
    close = difflib.get_close_matches(slug, [p.stem for p in files], n=1, cutoff=0.6)
    hint = f" — did you mean {close[0]!r}?" if close else ""
    raise ValueError(f"there is no case study {slug!r} in case_studies/{hint}")


def preview_content(content: Content) -> Content:
    """The content with its (only) case study published, even if marked `unpublished: true`."""
    studies = tuple(sorted(content.case_studies + content.unpublished, key=lambda s: s.slug))
    return replace(content, case_studies=studies, unpublished=(), citations=index_citations(studies))
