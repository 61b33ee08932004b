"""Timeline conflicts: the same statement dated to days that cannot overlap."""

from __future__ import annotations

from datetime import date

from ..records import Claim, TimeExpr
from .base import Finding, is_update

MIN_SCORE = 0.80


def _interval(t: TimeExpr) -> tuple[date, date] | None:
    if t.type not in ("DATE", "TIME") or not t.earliest or not t.latest:
        return None
    try:
        return date.fromisoformat(t.earliest[:10]), date.fromisoformat(t.latest[:10])
    except ValueError:
        return None


def _dated(c: Claim) -> list[tuple[TimeExpr, tuple[date, date]]]:
    out = []
    for t in c.times:
        iv = _interval(t)
        if iv is not None:
            out.append((t, iv))
    return out


def compare_timeline(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """Dates that are incompatible at their own granularity ("late October" agrees with "October 28")."""
    if score < MIN_SCORE:
        return None
    ta, tb = _dated(a), _dated(b)
    if not ta or not tb:
        return None
    # Every date in one claim must find a compatible date in the other; else the closest two conflict.
    for (x, ix), others in ((t, tb) for t in ta):
        if any(ix[0] <= iy[1] and iy[0] <= ix[1] for _, iy in others):
            continue
        if len(ta) != len(tb):
            return None  # unequal numbers of dates: likely different details, not one date changed
        y, iy = min(others, key=lambda o: min(abs((o[1][0] - ix[1]).days), abs((ix[0] - o[1][1]).days)))
        kind = "update" if is_update(a, b) else "timeline"
        return Finding(kind, a, b, x.text, y.text, (x.start, x.end), (y.start, y.end),
                       confidence=min(0.95, 0.55 + (score - MIN_SCORE) * 2), what="the date")
    return None
