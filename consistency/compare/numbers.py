"""Number conflicts beyond hedges, rounding and unit conversion; newer figures are updates."""

from __future__ import annotations

import math

from ..extract.quantities import quantities_agree, units_compatible
from ..records import Claim, Quantity
from .base import Finding, is_update, same_statement


def _comparable(x: Quantity, y: Quantity) -> bool:
    if x.kind != y.kind or x.kind == "ordinal":
        return False
    return x.unit is None or y.unit is None or units_compatible(x, y)


def _distance(x: Quantity, y: Quantity) -> float:
    return abs(math.log1p(abs(x.value)) - math.log1p(abs(y.value)))


def compare_numbers(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """A figure in one claim that no comparable figure in the other agrees with."""
    if not a.quantities or not b.quantities:
        return None
    update = is_update(a, b)
    if not same_statement(a, b, score, min_score=0.65 if update else 0.8, min_overlap=0.3 if update else 0.55):
        return None
    for x in a.quantities:
        comparable = [y for y in b.quantities if _comparable(x, y)]
        if not comparable or any(quantities_agree(x, y) for y in comparable):
            continue
        y = min(comparable, key=lambda y: _distance(x, y))
        # A figure of b that agrees with some other figure of a is a different detail, not this one.
        if any(quantities_agree(y, other) for other in a.quantities if other is not x):
            continue
        kind = "update" if update else "number"
        confidence = 0.6 + min(0.35, max(0.0, score - 0.8) * 2) if x.unit == y.unit else 0.55
        return Finding(kind, a, b, x.text, y.text, (x.start, x.end), (y.start, y.end),
                       confidence=confidence, what="the figure")
    return None
