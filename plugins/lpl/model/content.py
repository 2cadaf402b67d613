"""Everything loaded and checked, and the cross-links computed once from it."""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from dataclasses import dataclass, field

from .case_study import CaseStudy
from .frameworks import Frameworks, Region
from .language import Language
from .plan import PlanTemplate


@dataclass(frozen=True)
class Content:
    """Everything loaded and checked: what data/ holds, the case studies, the plan, and the cross-links."""

    frameworks: Frameworks  # what data/ holds
    case_studies: tuple[CaseStudy, ...]  # published ones, sorted by slug
    unpublished: tuple[CaseStudy, ...] = ()
    citations: dict[tuple[str, str], tuple[CaseStudy, ...]] = field(default_factory=dict)
    plan: PlanTemplate | None = None  # plans/plan.yml: the plan template (lpl.model.plan)

    def label(self, key: str, lang: Language) -> str:
        return self.frameworks.label(key, lang)

    def region(self, region_id: str) -> Region:
        return next(r for r in self.frameworks.regions if r.id == region_id)

    def cited_by(self, framework: str, term_id: str) -> tuple[CaseStudy, ...]:
        """Case studies that cite a framework item, newest first: the reverse of `CaseStudy.links`."""
        return self.citations.get((framework, term_id), ())

    def related(self, study: CaseStudy, limit: int = 3) -> list[CaseStudy]:
        """Other case studies sharing most links with this one (ties: same setting, then newest)."""
        # Counted through the citation index (Counter counts in C) and only the best-sharing candidates
        # are ranked: comparing every pair in Python made the build grow with the square of the
        # catalogue (bench.py build).
        shared: Counter[str] = Counter()
        for k, vs in study.links().items():
            for v in set(vs):
                shared.update(self._citing_slugs.get((k, v), ()))
        shared.pop(study.slug, None)
        ranked = shared.most_common()
        if not ranked:
            return []
        cutoff = ranked[min(limit, len(ranked)) - 1][1]
        by_slug = self._studies_by_slug
        scored = []
        for slug, count in itertools.takewhile(lambda entry: entry[1] >= cutoff, ranked):
            other = by_slug[slug]
            same_setting = len(set(study.settings) & set(other.settings))
            scored.append((-count, -same_setting, -other.published.toordinal(), slug, other))
        return [entry[-1] for entry in sorted(scored)[:limit]]

    @functools.cached_property
    def _citing_slugs(self) -> dict[tuple[str, str], tuple[str, ...]]:
        return {key: tuple(dict.fromkeys(s.slug for s in studies)) for key, studies in self.citations.items()}

    @functools.cached_property
    def _studies_by_slug(self) -> dict[str, CaseStudy]:
        return {s.slug: s for s in self.case_studies}


def index_citations(case_studies: tuple[CaseStudy, ...]) -> dict[tuple[str, str], tuple[CaseStudy, ...]]:
    index: dict[tuple[str, str], list[CaseStudy]] = {}
    for study in sorted(case_studies, key=lambda s: (s.published, s.slug), reverse=True):
        for framework, ids in study.links().items():
            for term_id in ids:
                index.setdefault((framework, term_id), []).append(study)
    return {k: tuple(v) for k, v in index.items()}
