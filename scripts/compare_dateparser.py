"""Compare our normalisation with ``dateparser`` on the gold spans both can be asked about.

Usage: python3 scripts/compare_dateparser.py DIR [DIR ...] [--json]

Only normalisation is compared: for every gold DATE or TIME timex whose exact span ``find_times``
also found, the gold value is checked against our value and against the value ``dateparser``
gives the same words with the document date as its relative base (its period turned into a
TIMEX3 value of that granularity). Figures are given per corpus and by the kind of expression,
so a library can be preferred only where it normalises better.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import datetime, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timeml import iter_timeml  # noqa: E402
from consistency.extract.time.extract import find_times  # noqa: E402

_KINDS = [
    ("relative", re.compile(r"\b(ago|earlier|later|before|after|last|next|previous|yesterday|tomorrow|today"
                            r"|tonight|this|coming|past|following)\b", re.I)),
    ("weekday", re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)),
    ("month", re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)),
    ("year", re.compile(r"\b\d{4}\b")),
]


def kind(text: str) -> str:
    """A coarse kind of expression: relative, weekday, month, year or other."""
    return next((k for k, rx in _KINDS if rx.search(text)), "other")


def dateparser_value(parser, text: str, dct) -> str | None:
    """The TIMEX3 value dateparser gives ``text`` read on ``dct``, at the period it reports."""
    base = datetime.combine(dct, time(12))
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if period == "time" and (d.hour, d.minute) != (base.hour, base.minute):
        return d.strftime("%Y-%m-%dT%H:%M")
    return d.date().isoformat()


def compare(root: str) -> dict:
    """Counts of gold values matched by us and by dateparser, overall and by kind."""
    from dateparser.date import DateDataParser

    counts: dict[str, Counter] = defaultdict(Counter)
    for d in iter_timeml(root):
        base = datetime.combine(d.dct, time(12))
        parser = DateDataParser(languages=["en"], settings={
            "RELATIVE_BASE": base, "PREFER_DATES_FROM": "current_period", "RETURN_TIME_AS_PERIOD": True})
        ours = {(t.start, t.end): t.value for t in find_times(d.text, d.dct)}
        for g in d.timexes:
            if g.type not in ("DATE", "TIME") or (g.start, g.end) not in ours:
                continue
            k = kind(g.text)
            theirs = dateparser_value(parser, g.text, d.dct)
            for key in ("all", k):
                counts[key]["n"] += 1
                counts[key]["ours"] += ours[(g.start, g.end)] == g.value
                counts[key]["dateparser"] += theirs == g.value
                counts[key]["dateparser_answers"] += theirs is not None
    return {k: dict(v) for k, v in sorted(counts.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    res = {root: compare(root) for root in a.dirs}
    if a.json:
        print(json.dumps(res))
        return
    for root, by_kind in res.items():
        print(root)
        for k, c in by_kind.items():
            print(f"  {k:9s} n {c['n']:4d}  ours {c['ours'] / c['n']:.3f}  dateparser {c['dateparser'] / c['n']:.3f}"
                  f"  (dateparser answers {c['dateparser_answers'] / c['n']:.3f})")


if __name__ == "__main__":
    main()
