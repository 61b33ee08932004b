"""Whether two values of fact rows vouch for each other or cannot both be right."""

from __future__ import annotations

import math
from dataclasses import replace

from ...extract.quantities import rounding_interval
from ...records import Quantity, TimeExpr
from ..numbers import agree, figures_comparable
from ..timeline import anchor_kind, compatible, dates_comparable, quoted
from .rows import Fact


GRANULARITY = {"time": 0, "day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 3, "year": 4, "decade": 5,
               "century": 6}
MAX_GRANULARITY_GAP = 2  # "mid May" may date what "April 30" dates; "2006" does not date "Wednesday", nor "June"


NEAR_RATIO = 1.35  # a figure an outlet got slightly wrong: "$5,587.75" for "$5,687.75", "$3.5 billion" for "$3.6"
NEAR_STEPS = {"month": 1, "year": 1}  # a day named wrongly is too common a different day to count alone


def near_figures(x: Quantity, y: Quantity) -> bool:
    """Values close enough that one reads as a slip for the other, whatever verb each outlet used."""
    lo, hi = sorted((abs(x.value), abs(y.value)))
    return lo > 0 and hi / lo <= NEAR_RATIO


def near_dates(x: Fact, y: Fact) -> bool:
    """Dates of one granularity a step or two apart ("Tuesday" and "Wednesday", "1966" and "1967")."""
    if x.slot.granularity != y.slot.granularity or x.slot.granularity not in NEAR_STEPS:
        return False
    (a0, _), (b0, _) = x.interval, y.interval
    if x.slot.granularity in ("day", "time"):
        steps = abs((a0 - b0).days)
    elif x.slot.granularity == "month":
        steps = abs((a0.year - b0.year) * 12 + a0.month - b0.month)
    else:
        steps = abs(a0.year - b0.year)
    return 0 < steps <= NEAR_STEPS[x.slot.granularity]


def _scale_dropped(x: Quantity, y: Quantity) -> bool:
    """"110" and "110 billion": one outlet left the scale word out, which is no disagreement."""
    big, small = max(abs(x.value), abs(y.value)), min(abs(x.value), abs(y.value))
    if small <= 0 or big / small < 1000:
        return False
    ratio = math.log10(big / small)
    return abs(ratio - round(ratio)) < 1e-6 and round(ratio) % 3 == 0


ROUNDING_SHARE = 0.05  # "$27 million" for "$27,412,960", "42 percent" for "41.8"; not "20,000" for "22,000"


def significant(v: float) -> int:
    """How many significant digits a figure is written with ("27 million": 2, "27,412,960": 8)."""
    digits = f"{abs(v):.6f}".replace(".", "").strip("0")
    return max(1, len(digits))


def _rounded(x: Quantity, y: Quantity) -> bool:
    """One figure is the other rounded or cut to fewer digits, by a few percent at most: a rounder
    report of one value."""
    rough, exact = sorted((x, y), key=lambda q: significant(q.value))
    n = significant(rough.value)
    if n >= significant(exact.value) or exact.value <= 0 or rough.value <= 0:
        return False
    step = 10 ** (math.floor(math.log10(exact.value)) - n + 1)
    shortened = (math.floor(exact.value / step + 1e-9) * step, math.floor(exact.value / step + 0.5) * step)
    return (any(math.isclose(v, rough.value, rel_tol=1e-9) for v in shortened)
            and abs(exact.value - rough.value) <= ROUNDING_SHARE * exact.value)


def fineness(f: Fact) -> int:
    """The rank of a date fact's granularity in GRANULARITY (0 a day, higher is coarser); 0 for a figure."""
    return GRANULARITY.get(f.slot.granularity, 0) if f.kind == "date" else 0


def facts_agree(x: Fact, y: Fact) -> bool:
    """The two values vouch for each other: comparable, compatible, and for figures close ("over $300"
    allows "$5,587.75" but does not confirm it)."""
    if x.kind == "figure":
        return figures_comparable(x.slot, y.slot) and not differ(x, y) and near_figures(x.slot, y.slot)
    return fact_dates_comparable(x, y) and compatible(x.slot, x.interval, y.slot, y.interval)


RELATIVE = frozenset({"deictic", "other"})


def fact_dates_comparable(x: Fact, y: Fact) -> bool:
    """Dates that can be held against each other: relative words of two articles of one day ("last
    month", "last week") are both read from that day."""
    if ({anchor_kind(x.slot), anchor_kind(y.slot)} <= RELATIVE and x.claim.published.date() == y.claim.published.date()
            and not (quoted(x.claim, x.slot) or quoted(y.claim, y.slot))):
        return True
    return dates_comparable(x.slot, y.slot, x.claim, y.claim)


def differ(x: Fact, y: Fact) -> bool:
    """The two values cannot both be right."""
    if x.kind == "figure":
        if not figures_comparable(x.slot, y.slot):
            return False
        if x.slot.hedge == y.slot.hedge == "up to":
            # Two caps ("as many as 1.5 million", "up to 1.6 million") each give the most there can be:
            # they state one maximum, which differs when the caps do.
            return differ(_plain(x), _plain(y))
        if x.slot.hedge or y.slot.hedge:
            return not agree(x.slot, y.slot)
        # Plain figures agree only when their rounding intervals truly overlap: "$3.5 billion" and
        # "$3.6 billion" merely touch, "$5,587.75" is not "$5,687.75".
        lo, hi = max(x.slot.low, y.slot.low), min(x.slot.high, y.slot.high)
        touching = lo == hi and x.slot.low < x.slot.high and y.slot.low < y.slot.high
        return (lo > hi or touching) and not _scale_dropped(x.slot, y.slot) and not _rounded(x.slot, y.slot)
    if not fact_dates_comparable(x, y) or overnight(x, y):
        return False
    # a date after "by", "before" or "after" (TIMEX3 mod BEFORE, AFTER) bounds its happening on one side:
    # its row's days are open there, so a date inside the bound does not differ from it
    return not compatible(x.slot, x.interval, y.slot, y.interval)


def _plain(f: Fact) -> Fact:
    """A hedged figure read as the plain value it names."""
    low, high = rounding_interval(f.slot.value, f.slot.text)
    return replace(f, slot=replace(f.slot, hedge=None, low=low, high=high))


def _late(t: TimeExpr) -> bool:
    # "late Saturday morning" is still before noon, a day and more from the next morning
    if t.value.endswith("TMO"):
        return False
    return t.mod == "END" or t.value.endswith(("TNI", "TEV")) or t.text.casefold().startswith("late")


def _early(t: TimeExpr) -> bool:
    return t.mod == "START" or t.value.endswith("TMO") or t.text.casefold().startswith("early")


def _whole_day(t: TimeExpr) -> bool:
    """A day named with no part of it ("today", "Tuesday"): its early hours are in it."""
    return t.granularity == "day" and not t.mod and not _late(t)


def overnight(x: Fact, y: Fact) -> bool:
    """Late one day and early the next ("late Monday" / "early Tuesday"), or a night and the whole next
    day ("last night" / "today", told where the night's hours already fall on the next day): hours apart,
    one night."""
    if x.kind != "date" or y.kind != "date" or x.interval is None or y.interval is None:
        return False
    first, second = (x, y) if x.interval[0] <= y.interval[0] else (y, x)
    return (second.interval[0] - first.interval[0]).days == 1 and _late(first.slot) and (
        _early(second.slot) or first.slot.value.endswith("TNI") and _whole_day(second.slot))
