"""Calendar arithmetic for TIMEX3 values: shifting anchors and bounding values by days."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
QUARTER_OF = lambda month: (month - 1) // 3 + 1  # noqa: E731


def month_end(y: int, m: int) -> date:
    """Last day of a month."""
    return date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months, clamped to the month's last day."""
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def iso_week(d: date) -> str:
    """The ISO week value of a day ("2024-W44")."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_value(anchor: date, unit: str, n: int) -> str:
    """The value of the ``unit``-sized period ``n`` units from ``anchor`` (n<0: before)."""
    if unit == "day":
        return (anchor + timedelta(days=n)).isoformat()
    if unit == "week":
        return iso_week(anchor + timedelta(weeks=n))
    if unit == "month":
        return add_months(anchor, n).isoformat()[:7]
    if unit == "quarter":
        q = (anchor.year * 4 + QUARTER_OF(anchor.month) - 1) + n
        return f"{q // 4}-Q{q % 4 + 1}"
    if unit == "half":
        h = anchor.year * 2 + (anchor.month > 6) + n
        return f"{h // 2}-H{h % 2 + 1}"
    if unit == "year":
        if anchor.year + n < 1:  # "two thousand years ago": before the calendar TIMEX3 dates write
            raise ValueError(n)
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}"
    raise ValueError(unit)


_V = re.compile(
    r"^(?P<y>\d{2,4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>\d)"
    r"|H(?P<h>\d)|(?P<s>SP|SU|FA|WI)))?(?:T(?P<t>.*))?$"
)


def bounds(value: str, mod: str | None = None) -> tuple[str, str | None, str | None]:
    """Granularity and the first/last calendar day a DATE/TIME value can mean."""
    m = _V.match(value)
    if not m:
        return "day", None, None
    y = m.group("y")
    if len(y) == 2:
        gran, lo, hi = "century", date(int(y) * 100, 1, 1), date(int(y) * 100 + 99, 12, 31)
    elif len(y) == 3:
        gran, lo, hi = "decade", date(int(y) * 10, 1, 1), date(int(y) * 10 + 9, 12, 31)
    else:
        yy = int(y)
        if m.group("d"):
            lo = hi = date(yy, int(m.group("m")), int(m.group("d")))
            gran = "time" if m.group("t") else "day"
        elif m.group("m"):
            mm = int(m.group("m"))
            gran, lo, hi = "month", date(yy, mm, 1), month_end(yy, mm)
        elif m.group("w"):
            lo = date.fromisocalendar(yy, int(m.group("w")), 1)
            gran, hi = "week", lo + timedelta(days=6)
            if m.group("we"):
                lo += timedelta(days=5)
        elif m.group("q"):
            q = int(m.group("q"))
            gran, lo, hi = "quarter", date(yy, 3 * q - 2, 1), month_end(yy, 3 * q)
        elif m.group("h"):
            h = int(m.group("h"))
            gran, lo, hi = "half", date(yy, 6 * h - 5, 1), month_end(yy, 6 * h)
        elif m.group("s"):
            a, b = SEASON_MONTHS[m.group("s")]
            gran, lo = "season", date(yy, a, 1)
            hi = month_end(yy + (b > 12), (b - 1) % 12 + 1)
        else:
            gran, lo, hi = "year", date(yy, 1, 1), date(yy, 12, 31)
    if mod in ("START", "MID", "END") and hi > lo:
        span = (hi - lo).days + 1
        if gran == "month":
            cuts = (lo, lo + timedelta(days=9), lo + timedelta(days=10), lo + timedelta(days=19),
                    lo + timedelta(days=20), hi)
        else:
            third = span // 3
            cuts = (lo, lo + timedelta(days=third - 1), lo + timedelta(days=third),
                    hi - timedelta(days=third), hi - timedelta(days=third - 1), hi)
        lo, hi = {"START": cuts[0:2], "MID": cuts[2:4], "END": cuts[4:6]}[mod]
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return gran, None, hi.isoformat()
    if mod in ("AFTER", "ON_OR_AFTER"):
        return gran, lo.isoformat(), None
    return gran, lo.isoformat(), hi.isoformat()
