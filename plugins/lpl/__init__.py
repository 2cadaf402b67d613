"""Leading Professional Learning: content model, loader and site/plan generation."""

from .load import check, load
from .load.source import ContentError, Problem

__all__ = ["ContentError", "Problem", "check", "load"]
