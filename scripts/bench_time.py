"""Score ``find_times`` on TimeML files with the TempEval-3 timex measures.

Usage: python3 scripts/bench_time.py DIR [--json] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timeml import iter_timeml  # noqa: E402
from consistency.extract.time.extract import find_times  # noqa: E402


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _align(gold, pred):
    """One-to-one pairs of overlapping spans, exact matches first, then largest overlap."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                exact = g.start == p.start and g.end == p.end
                cands.append((not exact, -ov, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return pairs


def evaluate(root: str, errors: int = 0) -> dict[str, float]:
    """Strict/relaxed extraction and value/type scores over every TimeML file under root."""
    docs = iter_timeml(root)
    n_gold = n_pred = strict = relaxed = val = typ = 0
    seconds = 0.0
    missed, spurious, wrong = [], [], []
    for d in docs:
        t0 = time.perf_counter()
        pred = find_times(d.text, d.dct)
        seconds += time.perf_counter() - t0
        n_gold += len(d.timexes)
        n_pred += len(pred)
        pairs = _align(list(d.timexes), pred)
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        for g, p in pairs:
            relaxed += 1
            strict += g.start == p.start and g.end == p.end
            val += g.value == p.value
            typ += g.type == p.type
            if g.value != p.value or (g.start, g.end) != (p.start, p.end):
                wrong.append(f"{d.dct} {g.text!r}={g.value} | {p.text!r}={p.value}")
        missed += [f"{d.dct} {g.text!r}={g.value} [{d.text[max(0, g.start - 40):g.end + 30]!r}]"
                   for g in d.timexes if id(g) not in matched_g]
        spurious += [f"{d.dct} {p.text!r}={p.value}" for p in pred if id(p) not in matched_p]
    res: dict[str, float] = {"n_docs": len(docs), "n_gold": n_gold, "n_pred": n_pred}
    for name, tp in (("strict", strict), ("relaxed", relaxed), ("value", val), ("type", typ)):
        p, r, f = _prf(tp, n_pred, n_gold)
        res[f"{name}_precision"], res[f"{name}_recall"], res[f"{name}_f1"] = (
            round(p, 4), round(r, 4), round(f, 4))
    res["seconds"] = round(seconds, 3)
    if errors:
        for title, rows in (("MISSED", missed), ("SPURIOUS", spurious), ("WRONG", wrong)):
            print(f"== {title} ({len(rows)})", file=sys.stderr)
            for row in rows[:errors]:
                print("  " + row, file=sys.stderr)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    a = ap.parse_args()
    res = evaluate(a.dir, a.errors)
    if a.json:
        print(json.dumps(res))
        return
    print(f"docs {res['n_docs']}  gold {res['n_gold']}  predicted {res['n_pred']}  "
          f"time {res['seconds']}s")
    for name in ("strict", "relaxed", "value", "type"):
        print(f"{name:8s} P {res[name + '_precision']:.3f}  R {res[name + '_recall']:.3f}  "
              f"F1 {res[name + '_f1']:.3f}")


if __name__ == "__main__":
    main()
