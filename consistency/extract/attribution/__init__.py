"""Attribution: who said what, how, and through which channel."""

from .frames import find_attributions

__all__ = ["find_attributions"]
