"""Count ``find_times``'s value misses on TimeML files by kind of error, over chosen document folds.

Usage: python3 scripts/time_misses.py DIR [DIR ...] [--half tune] [--folds 0,1,2] [--show KIND]

A miss is a gold expression with no predicted one overlapping it (missed), a predicted one with
no gold (spurious), or an aligned pair whose values differ, sorted by what differs: the
direction from the document date, the granularity (DAY, WEEK, MONTH, ...), a duration against a
point, a set, or the same granularity counted from another reference. The folds are those of
``bench_time.py --cv K`` (``fold_of``), so misses can be read on some folds and a change checked
on the others. ``--show`` prints each miss of the kinds whose name contains the word given.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_time import _align, _docs, fold_of  # noqa: E402
from consistency.extract.time.extract import find_times  # noqa: E402

_GRANULARITIES = [
    ("TIME", r"\d{4}-\d\d-\d\dT.*"), ("DAY", r"\d{4}-\d\d-\d\d"), ("WEEK", r"\d{4}-W\w\w(-WE)?"),
    ("MONTH", r"\d{4}-\d\d"), ("QUARTER/SEASON", r"\d{4}-(Q\w|H\d|SP|SU|FA|WI)"), ("YEAR", r"\d{4}"),
    ("DECADE/CENTURY", r"\d{2,3}X?"),
]


def granularity(value: str) -> str:
    """The coarse kind of a TIMEX3 value: DURATION, REF, or a date's granularity."""
    if value.endswith("_REF"):
        return "REF"
    if value.startswith("P"):
        return "DURATION"
    return next((name for name, pat in _GRANULARITIES if re.fullmatch(pat, value)), "OTHER")


def kind(gold_value: str, gold_type: str, value: str, typ: str, dct: date) -> str:
    """What differs between a gold value and a predicted one of the same span."""
    if "SET" in (gold_type, typ):
        return "set/frequency"
    g, p = granularity(gold_value), granularity(value)
    if g == p == "DURATION":
        return "duration value"
    if "DURATION" in (g, p):
        return "duration vs point"
    if "REF" in (g, p):
        return "REF vs value"
    if g != p:
        return f"granularity {g} vs {p}"
    d = dct.isoformat()

    def side(v: str) -> int:
        v = v[:10]
        return (v > d[:len(v)]) - (v < d[:len(v)])
    if side(gold_value) * side(value) < 0:
        return "direction past/future"
    return "reference anchor/offset"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--half", choices=["tune", "test"])
    ap.add_argument("--folds", default="0,1,2,3,4", help="the document folds to count (of 5)")
    ap.add_argument("--show", help="print the misses of the kinds whose name holds this word")
    a = ap.parse_args()
    folds = {int(k) for k in a.folds.split(",")}
    counts: collections.Counter[str] = collections.Counter()
    lines: dict[str, list[str]] = collections.defaultdict(list)
    n_gold = n_right = 0
    for root in a.dirs:
        for d in _docs(root, a.half):
            f = fold_of(d.path, 5)
            if f not in folds:
                continue
            pred = find_times(d.text, d.dct)
            pairs = _align(list(d.timexes), pred)
            n_gold += len(d.timexes)
            got_g, got_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
            rows = [(kind(g.value, g.type, p.value, p.type, d.dct), g.start, g.end,
                     f"{g.text!r}={g.value} | {p.text!r}={p.value}") for g, p in pairs if g.value != p.value]
            rows += [("missed expression", g.start, g.end, f"{g.text!r}={g.value}")
                     for g in d.timexes if id(g) not in got_g]
            rows += [("spurious expression", p.start, p.end, f"{p.text!r}={p.value}")
                     for p in pred if id(p) not in got_p]
            n_right += sum(g.value == p.value for g, p in pairs)
            for k, s, e, what in rows:
                counts[k] += 1
                lines[k].append(f"f{f} {Path(d.path).name} {d.dct} {what} "
                                f"[{d.text[max(0, s - 60):e + 30]!r}]")
    print(f"folds {sorted(folds)}: gold {n_gold}, right values {n_right}, misses {sum(counts.values())}")
    for k, n in counts.most_common():
        print(f"{n:5d}  {k}")
    if a.show:
        for k in counts:
            if a.show in k:
                print(f"== {k}")
                print("\n".join("  " + x for x in lines[k]))


if __name__ == "__main__":
    main()
