"""Stories: articles grouped by the real-world event they report."""

from .cluster import StoryClusterer

__all__ = ["StoryClusterer"]
