"""Stories: articles grouped by the real-world event they report; threads: stories of one subject."""

from .cluster import StoryClusterer
from .threads import ThreadLinker

__all__ = ["StoryClusterer", "ThreadLinker"]
