"""Attribution: who said what, how, and through which channel."""

from __future__ import annotations

__all__ = ["find_attributions"]


def __getattr__(name: str):
    # Imported on first use: the frames need spaCy, which a query reading the cue lexicon must not load.
    if name == "find_attributions":
        from .frames import find_attributions

        return find_attributions
    raise AttributeError(name)
