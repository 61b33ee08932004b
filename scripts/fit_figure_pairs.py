"""Fit and cross-validate a model that weighs pairs of figures two outlets give differently
(``bench/figure_pairs.py``) on labelled real coverage, with folds grouped by labelled set.

Every pair of figure rows the finder reads (one story, two outlets, within days, values that cannot
both be right) is a candidate. It is positive when its two claims match a number or update gold item's
quotes the way ``scripts/bench_real.py`` matches flags and its two values are the ones the item gives;
two other figures of the quoted sentences are left out of the fit; every other candidate is negative,
and those matching a ``must_not_flag`` item count three times. Each ``--bench DIR STORE`` is a labelled
set (BASIL layout) and a store that holds its articles with stories assigned (``bench_real.py DIR
--store STORE`` builds one); ``--tune-half`` reads only the tuning half of a set's events (BASIL's held
half stays unseen).

The regularisation and the bar are chosen by cross-validation over the sets: each fold of sets is
scored by a model fitted on the others, precision over flagged claim pairs (each its surest pair) and
recall over worth-note number and update items, and the bar with the best F0.5 is taken (a flag a
fact-checker must dismiss costs more than a finding missed). ``nested`` is what that whole choice is
worth on sets it did not see. The script writes nothing: the check does not use the model.

    python3 scripts/fit_figure_pairs.py --bench D/as1 S/as1 --bench D/duo1 S/duo1 --tune-half B S/basil --json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.realcoverage import event_part, quotes_match, read_jsonl, values_match  # noqa: E402

TYPES = ("number", "update")
HARD_NEGATIVE_WEIGHT = 3.0
C_GRID = (0.01, 0.1, 1.0)
FOLDS = 5
def candidate_table(name: str, bench: Path, store: Path, tune_half: bool) -> tuple[list[dict], set[str]]:
    """The set's candidates with features and labels, and its worth-note number and update items."""
    from consistency import Options
    from consistency.compare.facts import story_tables
    from bench.figure_pairs import marked, pairs
    from consistency.pipeline import open_store

    def kept(event: str) -> bool:
        return not tune_half or event_part(event) == "tune"

    gold = read_jsonl(bench / "gold.jsonl")
    events = json.loads((bench / "events.json").read_text(encoding="utf-8"))
    article_event = {a: e for e, rec in events.items() for a in rec["articles"]}
    by_event: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for i, g in enumerate(gold):
        by_event[g["event"]].append((i, g))
    worth = {f"{name}/{i}" for i, g in enumerate(gold) if g["type"] in TYPES and g.get("worth_note") and kept(g["event"])}
    rows = []
    with open_store(Options(store=store), readonly=True) as st:
        claims = st.story_claim_records(None)
        for _, facts, similarity in story_tables(claims, st.claim_vectors):
            for p in pairs(facts, similarity):
                a, b = p.a.claim, p.b.claim
                event = article_event.get(a.article_id)
                if event is None or not kept(event):
                    continue
                items = by_event[event] if article_event.get(b.article_id) == event else []
                hit = [i for i, g in items if g["type"] in TYPES and quotes_match(g, a, b)]
                exact = [i for i in hit if values_match(gold[i], p.a) and values_match(gold[i], p.b)]
                hard = any(g["type"] == "must_not_flag" and quotes_match(g, a, b) for _, g in items)
                weight = HARD_NEGATIVE_WEIGHT if hard and not hit else 0.0 if hit and not exact else 1.0
                rows.append({"x": list(p.x), "set": name, "pair": (a.id, b.id), "label": int(bool(exact)),
                             "items": [f"{name}/{i}" for i in hit], "weight": weight,
                             "texts": (marked(p.a), marked(p.b))})
    return rows, worth


def _fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    model.fit((X - mean) / scale, y, sample_weight=w)
    return mean, scale, model


def _arrays(rows: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (np.array([r["x"] for r in rows], dtype=float), np.array([r["label"] for r in rows]),
            np.array([r["weight"] for r in rows]))


def _folds(rows: list[dict], k: int):
    from sklearn.model_selection import GroupKFold

    groups = [r["set"] for r in rows]
    return GroupKFold(n_splits=min(k, len(set(groups)))).split(rows, groups=groups)


def out_of_fold(rows: list[dict], c: float) -> np.ndarray:
    """Each candidate's probability from a model fitted without its fold of sets."""
    X, y, w = _arrays(rows)
    out = np.zeros(len(rows))
    for train, test in _folds(rows, FOLDS):
        mean, scale, model = _fit(X[train], y[train], w[train], c)
        out[test] = model.predict_proba((X[test] - mean) / scale)[:, 1]
    return out


def figures_at(rows: list[dict], probs: np.ndarray, cut: float, worth: set[str]) -> dict:
    """Precision over flagged claim pairs (each its surest candidate), recall over worth-note items."""
    best: dict[tuple, tuple[float, dict]] = {}
    for r, p in zip(rows, probs, strict=True):
        if p > best.get(r["pair"], (-1.0, None))[0]:
            best[r["pair"]] = (p, r)
    flagged = [r for p, r in best.values() if p >= cut]
    right = sum(1 for r in flagged if r["items"])
    wrong = sum(max(1.0, r["weight"]) for r in flagged if not r["items"])
    found = {i for r in flagged for i in r["items"]} & worth
    precision = right / (right + wrong) if flagged else 0.0
    recall = len(found) / len(worth) if worth else 0.0
    f05 = 1.25 * precision * recall / (0.25 * precision + recall) if precision + recall else 0.0
    return {"cut": round(float(cut), 4), "flags": len(flagged), "right": right, "precision": round(precision, 3),
            "worth_found": len(found), "recall": round(recall, 3), "f0.5": round(f05, 3)}


def choose(rows: list[dict], worth: set[str]) -> tuple[float, dict]:
    """The regularisation and bar with the best cross-validated F0.5 (on a tie the stronger regularisation)."""
    best = None
    for c in C_GRID:
        probs = out_of_fold(rows, c)
        for cut in np.arange(0.5, 0.99, 0.02):
            t = figures_at(rows, probs, float(cut), worth)
            if best is None or t["f0.5"] > best[1]["f0.5"]:
                best = (c, t)
    return best


def decide(train: list[dict], test: list[dict], c: float, cut: float) -> np.ndarray:
    """Whether a model of ``train`` flags each candidate of ``test`` at ``cut``."""
    X, y, w = _arrays(train)
    mean, scale, model = _fit(X, y, w, c)
    return model.predict_proba((_arrays(test)[0] - mean) / scale)[:, 1] >= cut


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", nargs=2, action="append", type=Path, default=[], metavar=("DIR", "STORE"),
                    help="a labelled set and a store holding its articles (repeatable)")
    ap.add_argument("--tune-half", nargs=2, action="append", type=Path, default=[], metavar=("DIR", "STORE"),
                    help="as --bench, reading only the tuning half of the set's events")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sources = [(d, s, False) for d, s in args.bench] + [(d, s, True) for d, s in args.tune_half]
    if len(sources) < 2:
        ap.error("give at least two labelled sets: the folds are grouped by set")
    rows: list[dict] = []
    worth: set[str] = set()
    for d, s, half in sources:
        for path, what in ((d / "gold.jsonl", "a gold.jsonl"), (d / "events.json", "an events.json"), (s, "a store")):
            if not path.exists():
                ap.error(f"{path}: not found; each --bench needs {what} (build the store with bench_real.py DIR --store STORE)")
        r, w = candidate_table(d.name, d, s, half)
        rows += r
        worth |= w
    c, chosen = choose(rows, worth)
    report = {"sets": len(sources), "candidates": len(rows), "positives": sum(r["label"] for r in rows),
              "worth_note_items": len(worth), "C": c, "cross_validated": chosen}
    probs = out_of_fold(rows, c)
    report["trade_off"] = [figures_at(rows, probs, cut, worth) for cut in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)]
    # The whole choice made without each fold of sets, scored on that fold.
    decided = np.zeros(len(rows))
    for train, test in _folds(rows, FOLDS):
        inner = [rows[i] for i in train]
        c_in, t_in = choose(inner, {i for i in worth if i.split("/")[0] in {r["set"] for r in inner}})
        decided[test] = decide(inner, [rows[i] for i in test], c_in, t_in["cut"])
    report["nested"] = figures_at(rows, decided, 0.5, worth)
    from bench.figure_pairs import FEATURES

    X, y, w = _arrays(rows)
    _, _, model = _fit(X, y, w, c)
    report["weights"] = {f: round(float(v), 5) for f, v in zip(FEATURES, model.coef_[0], strict=True)}
    print(json.dumps(report, indent=1) if args.json else "\n".join(f"{k}: {v}" for k, v in report.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
