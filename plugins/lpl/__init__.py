"""Leading Professional Learning: content model, loader and site/plan generation."""
from .load import check, load
from .yaml_source import ContentError, Problem

__all__ = ["check", "load", "ContentError", "Problem"]
