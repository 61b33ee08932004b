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
    if update:
        return _update(a, b, score)
    if not same_statement(a, b, score, min_score=0.8, min_overlap=0.55):
        return None
    for x in a.quantities:
        comparable = [y for y in b.quantities if _comparable(x, y)]
        if not comparable or any(quantities_agree(x, y) for y in comparable):
            continue
        y = min(comparable, key=lambda y: _distance(x, y))
        # A figure of b that agrees with some other figure of a is a different detail, not this one.
        if any(quantities_agree(y, other) for other in a.quantities if other is not x):
            continue
        confidence = 0.6 + min(0.35, max(0.0, score - 0.8) * 2) if x.unit == y.unit else 0.55
        return Finding("number", a, b, x.text, y.text, (x.start, x.end), (y.start, y.end),
                       confidence=confidence, what="the figure")
    return None


def _update(a: Claim, b: Claim, score: float) -> Finding | None:
    """A later report that says its figure is newer ("has risen to 14", "revised from 10 to 12").

    The figures must count the same thing: the same counted noun, or statements that are
    otherwise alike. A report that names the old figure beside the new one updates it too."""
    if not same_statement(a, b, score, min_score=0.45, min_overlap=0.15):
        return None
    for x in a.quantities:
        comparable = [y for y in b.quantities if _comparable(x, y)]
        same_noun = [y for y in comparable if x.unit and y.unit == x.unit]
        if not same_noun and not same_statement(a, b, score, min_score=0.65, min_overlap=0.3):
            continue
        candidates = same_noun or comparable
        newer = [y for y in candidates if not quantities_agree(x, y)]
        if not newer:
            continue
        y = min(newer, key=lambda y: _distance(x, y))
        return Finding("update", a, b, x.text, y.text, (x.start, x.end), (y.start, y.end),
                       confidence=0.6 if same_noun else 0.5, what="the figure")
    return None
