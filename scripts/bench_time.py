"""Score ``find_times`` on TimeML files with the TempEval-3 timex measures.

Usage: python3 scripts/bench_time.py DIR [--held DIR] [--half tune|test] [--cv K] [--json] [--errors N]

DIR holds TimeML ``*.tml`` files (TempEval-3's TimeBank, AQUAINT) or, if none, MEANTIME's CAT
``*.xml`` files (English Wikinews with TIMEX3, read by ``bench.meantime``).

With ``--held`` the folds are also given over both corpora's documents together (the same
``fold_of``), so a change read on some folds is judged on the folds it was not read from.
The rules are fixed, not fitted, so cross-validation here means: the rules were written on the
misses of one corpus (the tuning corpus, TimeBank) and are scored once on another they were not
written on (``--held``, AQUAINT); each corpus is also cut into K folds by document and the value
F1 of every fold is given, so a change that helps only a few documents shows as spread.
``--half`` keeps one of two fixed halves of every corpus (by a hash of the file name): misses are
read on ``tune`` only and ``test`` is scored once, after the rules are settled.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.meantime import iter_cat  # noqa: E402
from bench.timeml import iter_timeml  # noqa: E402
from consistency.extract.time.extract import find_times  # noqa: E402


MEASURES = ("strict", "relaxed", "value", "type")


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


def _score_doc(d, errors: dict[str, list[str]] | None) -> dict[str, float]:
    """Counts of one document: gold, predicted, and matches by each measure."""
    t0 = time.perf_counter()
    pred = find_times(d.text, d.dct)
    c = {"n_gold": len(d.timexes), "n_pred": len(pred), "seconds": time.perf_counter() - t0,
         "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    pairs = _align(list(d.timexes), pred)
    for g, p in pairs:
        c["relaxed"] += 1
        c["strict"] += g.start == p.start and g.end == p.end
        c["value"] += g.value == p.value
        c["type"] += g.type == p.type
    if errors is not None:
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        errors["WRONG"] += [f"{d.dct} {g.text!r}={g.value} | {p.text!r}={p.value}" for g, p in pairs
                            if g.value != p.value or (g.start, g.end) != (p.start, p.end)]
        errors["MISSED"] += [f"{d.dct} {g.text!r}={g.value} [{d.text[max(0, g.start - 40):g.end + 30]!r}]"
                             for g in d.timexes if id(g) not in matched_g]
        errors["SPURIOUS"] += [f"{d.dct} {p.text!r}={p.value}" for p in pred if id(p) not in matched_p]
    return c


def _figures(counts: list[dict[str, float]]) -> dict[str, float]:
    """Micro-averaged P/R/F1 of each measure over the documents' counts."""
    total = {k: sum(c[k] for c in counts) for k in counts[0]} if counts else {}
    n_gold, n_pred = total.get("n_gold", 0), total.get("n_pred", 0)
    res: dict[str, float] = {"n_docs": len(counts), "n_gold": n_gold, "n_pred": n_pred}
    for name in MEASURES:
        p, r, f = _prf(total.get(name, 0), n_pred, n_gold)
        res[f"{name}_precision"], res[f"{name}_recall"], res[f"{name}_f1"] = (
            round(p, 4), round(r, 4), round(f, 4))
    res["seconds"] = round(total.get("seconds", 0.0), 3)
    return res


def fold_of(path: str, folds: int) -> int:
    """A document's fold, stable across runs and machines (a hash of its file name)."""
    return zlib.crc32(Path(path).name.encode("utf-8")) % folds


HALVES = {"tune": 0, "test": 1}


def load_docs(root: str):
    """The documents under root: TimeML ``*.tml`` files, or else MEANTIME's CAT ``*.xml`` files."""
    return iter_timeml(root) if next(Path(root).rglob("*.tml"), None) else iter_cat(root)


def _docs(root: str, half: str | None):
    docs = load_docs(root)
    return docs if half is None else [d for d in docs if fold_of(d.path, 2) == HALVES[half]]


def pooled_folds(roots: list[str], folds: int, half: str | None = None) -> list[float]:
    """Value F1 of each document fold over the documents of several corpora together, so a change
    read on some folds can be judged on the others with both corpora's documents in each."""
    rows = [(d, _score_doc(d, None)) for root in roots for d in _docs(root, half)]
    return [_figures([c for d, c in rows if fold_of(d.path, folds) == k])["value_f1"] for k in range(folds)]


def evaluate(root: str, errors: int = 0, folds: int = 0, half: str | None = None) -> dict[str, float]:
    """Strict/relaxed extraction and value/type scores over every TimeML file under root (or one
    ``half`` of them); with ``folds`` also the value F1 of each document-grouped fold and their spread."""
    docs = _docs(root, half)
    rows: dict[str, list[str]] | None = {"MISSED": [], "SPURIOUS": [], "WRONG": []} if errors else None
    counts = [_score_doc(d, rows) for d in docs]
    res = _figures(counts)
    if folds:
        per_fold = [_figures([c for d, c in zip(docs, counts) if fold_of(d.path, folds) == k])["value_f1"]
                    for k in range(folds)]
        res["fold_value_f1"] = per_fold
        res["fold_value_f1_mean"] = round(statistics.mean(per_fold), 4)
        res["fold_value_f1_std"] = round(statistics.pstdev(per_fold), 4)
    if rows:
        for title, lines in rows.items():
            print(f"== {title} ({len(lines)})", file=sys.stderr)
            for line in lines[:errors]:
                print("  " + line, file=sys.stderr)
    return res


def _print(name: str, res: dict[str, float]) -> None:
    print(f"{name}: docs {res['n_docs']}  gold {res['n_gold']}  predicted {res['n_pred']}  "
          f"time {res['seconds']}s")
    for m in MEASURES:
        print(f"  {m:8s} P {res[m + '_precision']:.3f}  R {res[m + '_recall']:.3f}  F1 {res[m + '_f1']:.3f}")
    if "fold_value_f1" in res:
        print(f"  value F1 by document fold: {' '.join(f'{v:.3f}' for v in res['fold_value_f1'])}  "
              f"(mean {res['fold_value_f1_mean']:.3f}, std {res['fold_value_f1_std']:.3f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", help="the tuning corpus (TimeBank: the rules were written on its misses)")
    ap.add_argument("--held", help="a corpus the rules were not written on (AQUAINT), scored side by side")
    ap.add_argument("--cv", type=int, default=5, metavar="K",
                    help="report value F1 over K document-grouped folds of each corpus (0: off)")
    ap.add_argument("--half", choices=sorted(HALVES),
                    help="score only this half of each corpus's documents (split by a hash of the file name)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind (tuning corpus)")
    a = ap.parse_args()
    if a.cv == 1 or a.cv < 0:
        ap.error("--cv needs at least 2 folds, or 0 for none")
    res = evaluate(a.dir, a.errors, a.cv, a.half)
    held = evaluate(a.held, 0, a.cv, a.half) if a.held else None
    pooled = pooled_folds([a.dir, a.held], a.cv, a.half) if held and a.cv else None
    if a.json:
        out = {**res, "tuning": res, "held": held} if held else res
        print(json.dumps({**out, "pooled_fold_value_f1": pooled} if pooled else out))
        return
    _print(f"tuning {a.dir}", res)
    if held:
        _print(f"held {a.held}", held)
    if pooled:
        print(f"both corpora, value F1 by document fold: {' '.join(f'{v:.3f}' for v in pooled)}")


if __name__ == "__main__":
    main()
