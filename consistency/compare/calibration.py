"""Confidence that means one thing: the precision measured at a flag's score on development data.

Each comparator scores its findings on its own scale. A table fitted on labelled development data
(``scripts/calibrate_confidence.py``) maps a type's score to the share of flags at that score that
were right, so 0.8 means "four in five flags like this one were real" whatever the type. Types the
development data says nothing about use the table pooled over all types.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Sequence

from ..records import Flag

TABLE = "confidence.json"
POOLED = "*"
FLOOR = 0.01  # a flag is shown as at least this sure: none measured is never right
PRIOR_WEIGHT = 2.0  # flags' worth of pooled precision each type's estimate starts from


@lru_cache(maxsize=1)
def load_table() -> dict[str, list[tuple[float, float]]]:
    """The shipped table: type -> steps of (lowest score, precision), by rising score."""
    try:
        raw = json.loads(resources.files("consistency.models").joinpath(TABLE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {t: [(float(s), float(p)) for s, p in steps] for t, steps in raw["types"].items()}


def calibrated(kind: str, score: float, table: dict[str, list[tuple[float, float]]] | None = None) -> float:
    """The precision measured at ``score`` for flags of ``kind`` (the score itself without a table)."""
    table = load_table() if table is None else table
    steps = table.get(kind) or table.get(POOLED)
    if not steps:
        return score
    i = bisect_right([s for s, _ in steps], score) - 1
    return max(FLOOR, round(steps[max(0, i)][1], 2))


def calibrate(flags: Sequence[Flag], table: dict[str, list[tuple[float, float]]] | None = None) -> list[Flag]:
    """The flags with their scores replaced by calibrated confidences."""
    return [replace(f, confidence=calibrated(str(getattr(f.type, "value", f.type)), f.confidence, table))
            for f in flags]


def _pav(points: list[tuple[float, int]]) -> list[tuple[float, float, float]]:
    """Isotonic (non-decreasing) fit of outcomes by score: blocks of (lowest score, hits, count)."""
    blocks: list[list[float]] = []
    for score, hit in sorted(points):
        blocks.append([score, float(hit), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            s, h, n = blocks.pop()
            blocks[-1][1] += h
            blocks[-1][2] += n
    return [(b[0], b[1], b[2]) for b in blocks]


def fit_table(points: dict[str, list[tuple[float, int]]], prior_weight: float = PRIOR_WEIGHT
              ) -> dict[str, list[tuple[float, float]]]:
    """A table from (score, right?) per type: isotonic in score, each block's precision pulled
    towards the pooled precision by ``prior_weight`` flags so that a type with few flags is not
    given 0 or 1 on the strength of two."""
    everything = [p for ps in points.values() for p in ps]
    if not everything:
        return {}
    base = sum(h for _, h in everything) / len(everything)
    pooled = [(s, (base + h) / (1 + n)) for s, h, n in _pav(everything)]
    table = {POOLED: _monotone(pooled)}
    for kind, ps in points.items():
        if ps:
            prior = calibrated(kind, min(s for s, _ in ps), {POOLED: table[POOLED]})
            steps = [(s, (prior * prior_weight + h) / (prior_weight + n)) for s, h, n in _pav(ps)]
            table[kind] = _monotone(steps)
    return table


def _monotone(steps: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Steps whose precision never falls as the score rises, with the first open to any lower score."""
    out: list[tuple[float, float]] = []
    for s, p in steps:
        p = max(p, out[-1][1]) if out else p
        out.append((round(s, 4) if out else 0.0, round(p, 4)))
    return out
