"""The command line: a thin layer over the Python API (commands, and how their results are rendered)."""

from .commands import main

__all__ = ["main"]
