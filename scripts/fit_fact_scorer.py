"""Fit the fact-table scorer on the tuning half of a real-coverage bench (BASIL layout) and on
generated contradiction benches.

Every candidate pair of fact rows (same story, different outlets, rows that may state one fact,
values that cannot both be right) gets the features of ``consistency.compare.fact_features``. A
candidate is positive when its two claims match a number, update or timeline gold item's quotes the
way ``scripts/bench_real.py`` matches flags and its two values are the ones the item gives; two other
figures of the same sentences are left out of the fit; every other candidate is negative, and those
matching a ``must_not_flag`` item count more. A logistic model and the cut it flags at are chosen by
cross-validation grouped by event over the tuning half only; the held half is never read here.
``nested`` in the report is what that whole choice is worth on tuning events it did not see (each
fold of events scored by a choice made on the others), the honest figure beside the chosen one.

Real coverage gives few candidates and most of them are disagreements: alone it cannot teach what
is not one. ``--generated BENCH STORE`` (from make_contradiction_bench.py, the store checked by
bench_contradictions.py) adds that draw's candidates: those matching an injected number, timeline or
update case are positive, every other one negative and counted as much as a must-not-flag hit (on
the bench it is a false flag: against the rail when it names an article nothing was injected into,
against its type's precision otherwise). Folds
are grouped by event and by generated story across all sources; recall is over the real items only.

    python3 scripts/bench_real.py DIR --store /tmp/basil-store          # builds the store once
    python3 scripts/fit_fact_scorer.py DIR --store /tmp/basil-store     # writes consistency/models/fact_scorer.json
    python3 scripts/fit_fact_scorer.py DIR --store /tmp/basil-store --generated /tmp/cb1 /tmp/cb1-store --dry-run

``--part tune-a`` (or ``tune-b``) fits on one fold of the tuning events only, so that the scorer it
writes (``--out``) can be checked with ``bench_real.py --folds`` on the fold it never saw.
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

from bench.realcoverage import (  # noqa: E402
    CORE,
    check_inputs,
    event_part,
    quotes_match,
    read_jsonl,
    tune_fold,
    values_match,
)

OUT = Path(__file__).resolve().parents[1] / "consistency" / "models" / "fact_scorer.json"
HARD_NEGATIVE_WEIGHT = 3.0
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
# Nested feature sets, from every feature to the few that say most; cross-validation picks one.
FEATURE_SETS = {
    "all": None,
    "slots": ("date", "specific", "same_event", "shared", "rare", "near", "gap", "similarity", "overlap",
              "granularity_gap", "slots_related", "anchored", "holder_unknown"),
    "small": ("date", "same_event", "near", "gap", "similarity", "overlap"),
    "mechanisms": ("date", "near", "same_holder", "holder_unknown", "same_event", "gap", "similarity"),
    "tiny": ("near", "gap", "similarity", "overlap"),
}
FOLDS = 5




def candidate_table(bench: Path, store: Path) -> list[dict]:
    """Every candidate of the store's stories with its features, event, part, label and weight."""
    from consistency import Options
    from consistency.compare.fact_features import features
    from consistency.compare.facts import candidates, story_tables
    from consistency.pipeline import open_store

    gold = read_jsonl(bench / "gold.jsonl")
    events = json.loads((bench / "events.json").read_text(encoding="utf-8"))
    article_event = {a: e for e, rec in events.items() for a in rec["articles"]}
    by_event: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_event[g["event"]].append(g)
    rows = []
    with open_store(Options(store=store), readonly=True) as st:
        claims = st.story_claim_records(None)
        for _, facts, similarity in story_tables(claims, st.claim_vectors):
            for c in candidates(facts, similarity):
                x, y = c.a, c.b
                event = article_event.get(x.claim.article_id)
                if event is None:
                    continue
                items = by_event[event] if article_event.get(y.claim.article_id) == event else []
                hit = [i for i, g in enumerate(items) if g["type"] in CORE and quotes_match(g, x.claim, y.claim)]
                exact = [i for i in hit if values_match(items[i], x) and values_match(items[i], y)]
                hard = any(g["type"] == "must_not_flag" and quotes_match(g, x.claim, y.claim) for g in items)
                # Two other figures of the sentences a gold item quotes are neither that item nor
                # clearly not it: they teach nothing either way.
                weight = HARD_NEGATIVE_WEIGHT if hard and not hit else 0.0 if hit and not exact else 1.0
                rows.append({"x": features(c), "event": event, "part": event_part(event),
                             "pair": (x.claim.id, y.claim.id), "items": [f"{event}/{i}" for i in hit],
                             "label": int(bool(exact)), "weight": weight, "candidate": c})
    return rows


GENERATED_TYPES = ("number", "timeline", "update")


class _AsFlag:
    """A candidate as the generated bench's scorer sees a flag: a type and two articles."""

    def __init__(self, type_: str, articles: tuple[str, str]) -> None:
        self.type, self.articles = type_, articles


def generated_table(bench: Path, store: Path, tag: str) -> list[dict]:
    """Every candidate of a generated bench's store, labelled by the injected cases it matches."""
    from bench.contrabench.score import _matches
    from consistency import Options
    from consistency.compare.fact_features import features
    from consistency.compare.facts import candidates, story_tables
    from consistency.pipeline import open_store

    gold = read_jsonl(bench / "gold.jsonl")
    texts = {a["id"]: a["text"] for a in read_jsonl(bench / "articles.jsonl")}
    touched = {a for g in gold for a in g["articles"]}
    rows = []
    with open_store(Options(store=store), readonly=True) as st:
        claims = st.story_claim_records(None)
        for story, facts, similarity in story_tables(claims, st.claim_vectors):
            for c in candidates(facts, similarity):
                arts = (c.a.claim.article_id, c.b.claim.article_id)
                hit = [i for i, g in enumerate(gold) if g["expect"] == "flag"
                       and any(_matches(_AsFlag(t, arts), g, texts) > 0 for t in GENERATED_TYPES)]
                untouched = bool(set(arts) - touched)
                rows.append({"x": features(c), "event": f"{tag}:{story}", "part": "tune",
                             "pair": (c.a.claim.id, c.b.claim.id), "items": [f"{tag}/{i}" for i in hit],
                             "label": int(bool(hit)), "untouched": untouched,
                             "weight": 1.0 if hit else HARD_NEGATIVE_WEIGHT, "candidate": c})
    return rows


class _Constant:
    """What a fold whose training candidates are all of one label can say: that label's rate, whatever the input."""

    def __init__(self, rate: float, width: int) -> None:
        self.coef_ = np.zeros((1, width))
        self.intercept_ = np.array([np.log(max(rate, 1e-6) / max(1 - rate, 1e-6))])
        self.rate = rate

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        return np.tile([1 - self.rate, self.rate], (len(X), 1))


def _fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    if len(set(y[w > 0].tolist())) < 2:
        # The rules before the scorer leave few negatives: a fold of events may hold none.
        return mean, scale, _Constant(float(y[w > 0].mean()) if (w > 0).any() else 0.5, X.shape[1])
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    model.fit((X - mean) / scale, y, sample_weight=w)
    return mean, scale, model


def _oof(rows: list[dict], c: float) -> np.ndarray:
    """Out-of-fold probabilities, folds grouped by event."""
    from sklearn.model_selection import GroupKFold

    X = np.array([r["x"] for r in rows])
    y = np.array([r["label"] for r in rows])
    w = np.array([r["weight"] for r in rows])
    groups = [r["event"] for r in rows]
    out = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=min(FOLDS, len(set(groups)))).split(X, y, groups):
        mean, scale, model = _fit(X[train], y[train], w[train], c)
        out[test] = model.predict_proba((X[test] - mean) / scale)[:, 1]
    return out


def figures_at(rows: list[dict], probs: np.ndarray, cut: float, n_items: int) -> dict:
    """Precision over flagged claim pairs (each its surest candidate) and recall over gold items."""
    best: dict[tuple, tuple[float, dict]] = {}
    for r, p in zip(rows, probs, strict=True):
        if p > best.get(r["pair"], (-1.0, None))[0]:
            best[r["pair"]] = (p, r)
    flagged = [r for p, r in best.values() if p >= cut]
    right = sum(1 for r in flagged if r["items"])  # as the bench counts: the claim pair matches an item
    found = {i for r in flagged for i in r["items"]}
    # Recall is over the real coverage's items: a generated draw's injected cases are found by the
    # default check already, what the fact tables are for is what it misses on real text.
    real = {i for r in flagged if ":" not in r.get("event", "") for i in r["items"]}
    # A flag the bench counts as false on its rail costs what a must-not-flag hit costs.
    wrong = sum(max(1.0, r.get("weight", 1.0)) for r in flagged if not r["items"])
    precision = right / (right + wrong) if flagged else 0.0
    recall = len(real) / n_items if n_items else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    f05 = 1.25 * precision * recall / (0.25 * precision + recall) if precision + recall else 0.0
    out = {"cut": round(float(cut), 4), "flags": len(flagged), "right": right, "precision": round(precision, 3),
           "items_found": len(found), "recall": round(recall, 3), "f1": round(f1, 3), "f0.5": round(f05, 3)}
    for tag in sorted({r["event"].split(":")[0] for r in rows if ":" in r.get("event", "")}):
        mine = [r for r in flagged if r["event"].startswith(tag + ":")]
        out[f"{tag}_untouched_false"] = sum(1 for r in mine if not r["items"] and r.get("untouched"))
    out["real_items_found"] = len(real)
    return out


def choose(rows: list[dict], probs: np.ndarray, n_items: int) -> dict:
    """The cut on these probabilities with the best F0.5 (a flag a fact-checker must dismiss costs more
    than a finding missed)."""
    cuts = sorted({round(float(p), 4) for p in probs if p >= 0.05})
    table = [figures_at(rows, probs, c, n_items) for c in cuts]
    return max(table, key=lambda t: (t["f0.5"], t["cut"])) if table else {"cut": 0.5, "f0.5": 0.0}


def _columns(rows: list[dict], name: str) -> list[dict]:
    from consistency.compare.fact_features import FEATURES

    names = tuple(FEATURE_SETS[name] or FEATURES)
    return [dict(r, x=[r["x"][FEATURES.index(f)] for f in names]) for r in rows]


def select(table: list[dict], n_items: int) -> tuple[str, float, dict]:
    """The feature set and regularisation with the best cross-validated F0.5, and every one tried."""
    tried = {}
    for name in FEATURE_SETS:
        rows = _columns(table, name)
        for c in C_GRID:
            tried[(name, c)] = choose(rows, _oof(rows, c), n_items)
    # On a tie the fewer features and the stronger regularisation: what little data says nothing against
    # generalises best.
    name, c = max(tried, key=lambda k: (tried[k]["f0.5"], list(FEATURE_SETS).index(k[0]), -k[1]))
    return name, c, tried


def nested(table: list[dict], items_of: dict[str, int]) -> dict:
    """Figures of the whole choice (feature set, regularisation, cut) made without each fold of events,
    on that fold: what the selection itself is worth on events it never saw."""
    from sklearn.model_selection import GroupKFold

    groups = [r["event"] for r in table]
    decided = np.zeros(len(table))
    for inner, outer in GroupKFold(n_splits=min(FOLDS, len(set(groups)))).split(table, groups=groups):
        train = [table[i] for i in inner]
        seen = {r["event"] for r in train}
        name, c, tried = select(train, sum(n for e, n in items_of.items() if e in seen))
        fit_rows, test_rows = _columns(train, name), _columns([table[i] for i in outer], name)
        X = np.array([r["x"] for r in fit_rows])
        mean, scale, model = _fit(X, np.array([r["label"] for r in fit_rows]),
                                  np.array([r["weight"] for r in fit_rows]), c)
        probs = model.predict_proba((np.array([r["x"] for r in test_rows]) - mean) / scale)[:, 1]
        decided[outer] = probs >= tried[(name, c)]["cut"]
    return figures_at(table, decided, 0.5, sum(items_of.values()))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="a folder with articles.jsonl, events.json and gold.jsonl")
    ap.add_argument("--store", type=Path, required=True, help="a store that already holds the bench's articles")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write the scorer")
    ap.add_argument("--generated", nargs=2, action="append", type=Path, default=[], metavar=("BENCH", "STORE"),
                    help="a generated contradiction bench and a store holding its articles (repeatable)")
    ap.add_argument("--part", choices=("tune", "tune-a", "tune-b"), default="tune",
                    help="the real events fitted on: the tuning half, or one of its folds to score the other")
    ap.add_argument("--dry-run", action="store_true", help="cross-validate only, write nothing")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    check_inputs(ap, args.dir, args.store)
    from consistency.compare.fact_features import FEATURES, FactScorer

    def fitted_on(event: str) -> bool:
        return event_part(event) == "tune" and (args.part == "tune" or tune_fold(event) == args.part[-1])

    table = [r for r in candidate_table(args.dir, args.store) if fitted_on(r["event"])]
    gold = read_jsonl(args.dir / "gold.jsonl")
    items_of: dict[str, int] = defaultdict(int)
    for g in gold:
        if g["type"] in CORE and fitted_on(g["event"]):
            items_of[g["event"]] += 1
    n_items = sum(items_of.values())
    for n, (bench, store) in enumerate(args.generated):
        table += generated_table(bench, store, f"g{n + 1}")
    name, c, tried = select(table, n_items)
    names = tuple(FEATURE_SETS[name] or FEATURES)
    X = np.array([[r["x"][FEATURES.index(f)] for f in names] for r in table])
    mean, scale, model = _fit(X, np.array([r["label"] for r in table]), np.array([r["weight"] for r in table]), c)
    scorer = FactScorer(names, tuple(float(v) for v in mean), tuple(float(v) for v in scale),
                        tuple(round(float(v), 5) for v in model.coef_[0]), round(float(model.intercept_[0]), 5),
                        tried[(name, c)]["cut"])
    oof = _oof(_columns(table, name), c)
    report = {"candidates": len(table), "positives": sum(r["label"] for r in table), "gold_items": n_items,
              "trade_off": [figures_at(table, oof, cut, n_items) for cut in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)],
              # How far the cross-validated probabilities spread: a bar can part only what they part.
              "spread": {f"q{q}": round(float(np.quantile(oof, q / 100)), 3) for q in (5, 25, 50, 75, 95)},
              "reachable_items": len({i for r in table if ":" not in r["event"] for i in r["items"]}), "features": name, "C": c,
              "cross_validated": tried[(name, c)], "nested": nested(table, items_of),
              "tried": {f"{k[0]} C={k[1]}": v for k, v in tried.items()},
              "weights": dict(zip(names, scorer.weights, strict=True))}
    if not args.dry_run:
        args.out.write_text(json.dumps(scorer.to_dict(), indent=1) + "\n", encoding="utf-8")
        report["written"] = str(args.out)
    print(json.dumps(report, indent=1) if args.json else "\n".join(f"{k}: {v}" for k, v in report.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
