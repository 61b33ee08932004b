"""``python -m consistency.cli``: the same command as ``consistency``."""

from .commands import main

main()
