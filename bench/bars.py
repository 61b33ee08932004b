"""The default check's two bars on the fact table, settable from the benchmark scripts."""

from __future__ import annotations

import argparse


def bar(text: str) -> float | None:
    """A bar from the command line: a number, or "off" for none."""
    return None if text.strip().lower() in ("off", "none") else float(text)


def add_bar_arguments(ap: argparse.ArgumentParser) -> None:
    """``--happening-bar`` and ``--figure-bar`` (Options.happening_bar and Options.figure_bar)."""
    ap.add_argument("--happening-bar", type=bar, default=argparse.SUPPRESS, metavar="X",
                    help="check with this Options.happening_bar (a number, or off)")
    ap.add_argument("--figure-bar", type=bar, default=argparse.SUPPRESS, metavar="Y",
                    help="check with this Options.figure_bar (a number, or off)")


def bar_overrides(args: argparse.Namespace) -> dict[str, float | None]:
    """The bars given on the command line, as Options fields (an absent one keeps its default)."""
    return {name: getattr(args, name) for name in ("happening_bar", "figure_bar") if hasattr(args, name)}
