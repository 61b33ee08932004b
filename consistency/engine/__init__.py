"""Engine: where the batch runs (this machine's, in ``pipeline``, or Ray's) and the commit points it may die at."""

from .crash import commit_point
from .distributed import check_stories_on_ray, extract_and_embed

__all__ = ["check_stories_on_ray", "commit_point", "extract_and_embed"]
