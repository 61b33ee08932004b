"""Time expressions found in news text and normalised to calendar values against a reference date."""

from .extract import find_times

__all__ = ["find_times"]
