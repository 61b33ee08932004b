"""Number conflicts beyond hedges, rounding and unit conversion; newer figures are updates."""

from __future__ import annotations

import math

from ..extract.quantities import quantities_agree, units_compatible
from ..records import Claim, Quantity
from .base import Finding, is_update, same_statement, same_subjects

TOLERANCE = 0.03  # hedged figures that meet at a boundary ("nearly 100", "over a hundred") agree


def _comparable(x: Quantity, y: Quantity) -> bool:
    if x.kind != y.kind or x.kind == "ordinal":
        return False
    return x.unit is None or y.unit is None or units_compatible(x, y)


def agree(x: Quantity, y: Quantity) -> bool:
    """Figures that can describe the same count, allowing a little slack at hedge boundaries
    and a scale word one outlet dropped ("110" and "110 billion")."""
    if quantities_agree(x, y):
        return True
    lo_x, hi_x = x.low * (1 - TOLERANCE), x.high * (1 + TOLERANCE)
    lo_y, hi_y = y.low * (1 - TOLERANCE), y.high * (1 + TOLERANCE)
    if lo_x <= hi_y and lo_y <= hi_x:
        return True
    big, small = max(abs(x.value), abs(y.value)), min(abs(x.value), abs(y.value))
    if small > 0 and big / small >= 1000:
        ratio = math.log10(big / small)
        return abs(ratio - round(ratio)) < 1e-6 and round(ratio) % 3 == 0
    return False


def _distance(x: Quantity, y: Quantity) -> float:
    return abs(math.log1p(abs(x.value)) - math.log1p(abs(y.value)))


def compare_numbers(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """A figure in one claim that no comparable figure in the other agrees with."""
    if not a.quantities or not b.quantities:
        return None
    if not same_subjects(a, b):
        return None
    if is_update(a, b):
        return _update(a, b, score)
    if not same_statement(a, b, score, min_score=0.8, min_overlap=0.6):
        return None
    for x in a.quantities:
        comparable = [y for y in b.quantities if _comparable(x, y)]
        if not comparable or any(agree(x, y) for y in comparable):
            continue
        y = min(comparable, key=lambda y: _distance(x, y))
        # A figure of b that agrees with some other figure of a is a different detail, not this one.
        if any(agree(y, other) for other in a.quantities if other is not x):
            continue
        if x.unit != y.unit and not same_statement(a, b, score, min_score=0.85, min_overlap=0.75):
            continue  # one figure counts something named, the other nothing: only near-copies compare
        confidence = 0.6 + min(0.35, max(0.0, score - 0.8) * 2) if x.unit == y.unit else 0.55
        return Finding("number", a, b, x.text, y.text, (x.start, x.end), (y.start, y.end),
                       confidence=confidence, what="the figure")
    return None


def _update(a: Claim, b: Claim, score: float) -> Finding | None:
    """A later report that says its figure is newer ("has risen to 14", "revised from 10 to 12").

    Figures both reports share are set aside first. What is left must count the same thing:
    the same counted noun ("the number of games was revised to 14" updates "won 12 games"),
    or statements that are otherwise alike. A report that names the old figure beside the new
    one ("rose to 14 from nine") updates it too."""
    shared_a = [x for x in a.quantities if any(_comparable(x, y) and agree(x, y) for y in b.quantities)]
    left_a = [x for x in a.quantities if x not in shared_a]
    left_b = [y for y in b.quantities if not any(_comparable(x, y) and agree(x, y) for x in a.quantities)]
    for x in left_a or shared_a:  # with nothing left in a, its figure may be the "from" of b's new one
        candidates = [y for y in left_b if _comparable(x, y)]
        same_noun = [y for y in candidates if x.unit and y.unit == x.unit and score >= 0.3]
        if not same_noun and not same_statement(a, b, score, min_score=0.65, min_overlap=0.3):
            continue
        if not (same_noun or candidates):
            continue
        y = min(same_noun or candidates, key=lambda y: _distance(x, y))
        return Finding("update", a, b, x.text, y.text, (x.start, x.end), (y.start, y.end),
                       confidence=0.6 if same_noun else 0.5, what="the figure")
    return None
