"""Adapt the question re-ranker to fact-checker questions on real coverage, choosing how far by CV over events.

The shipped weights come from TREC QA (scripts/train_question_ranker.py): short newswire
answer sentences, where a matching sentence almost always holds the answer. On a story covered
by several outlets many sentences share the question's topic and only some answer it, so the
weights are refitted here on the ``tune`` questions of bench/questions, pulled towards the
TREC QA weights by a ridge penalty (``--l2``): with few questions they move only as far as the
questions agree. Each candidate is a first-stage match of the question in STORE, labelled by
whether its span overlaps an answer span; the first stage's prior enters the fit as the engine
adds it. The penalty is chosen by cross-validation with folds grouped by event (a question's
event never sits on both sides), scored as scripts/bench_answers.py scores facts.

    python3 scripts/tune_question_ranker.py DIR bench/questions/basil.jsonl --store STORE          # CV table
    python3 scripts/tune_question_ranker.py DIR bench/questions/basil.jsonl --store STORE --write  # and save

``--write`` fits on every tune question at the penalty CV chose and writes the weights (with
the CV figures in their meta) over consistency/models/question_ranker.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.listwise import adapt_listwise  # noqa: E402
from bench_answers import answers, read_questions, score  # noqa: E402

L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)


def gather(engine, questions: list[dict]) -> list[dict]:
    """Each question's first-stage candidates: feature rows, answer labels and the first stage's prior."""
    from consistency.query.questions import first_stage_prior

    out = []
    for q in questions:
        claims, feats = engine.question_candidates(q["question"])
        labels = np.array([answers(q, {"article_id": c.article_id, "start": c.start, "end": c.end}) for c in claims],
                          np.float64)
        out.append({"question": q, "X": feats.astype(np.float64), "y": labels, "prior": first_stage_prior(len(claims))})
    return out


def adapt(base, data: list[dict], l2: float, weight: float):
    """The base ranker's weights refitted on ``data``, pulled towards the base by ``l2``."""
    from consistency.query.questions import QuestionRanker

    X = np.vstack([d["X"] for d in data])
    y = np.concatenate([d["y"] for d in data])
    g = np.concatenate([np.full(len(d["y"]), i) for i, d in enumerate(data)])
    offset = weight * np.concatenate([d["prior"] for d in data])
    w = adapt_listwise((X - base.mean) / base.scale, y, g, l2, base.coef, offset)
    return QuestionRanker(base.mean, base.scale, w, meta=dict(base.meta))


def base_ranker(path: Path, data: list[dict]):
    """The TREC QA weights the shipped file was adapted from; a feature they were fitted without joins at
    weight 0, scaled on the tune candidates (``data``), so that the refit alone weighs it."""
    from consistency.query.questions import FEATURES, QuestionRanker

    d = json.loads(path.read_text())
    meta = d.get("meta") or {}
    adapted = meta.pop("adapted", None)
    coef = adapted["base_coef"] if adapted else d["coef"]  # start again from TREC QA, not an earlier adaptation
    # a feature an earlier refit joined (listed in "new_features") is still new to the TREC QA weights
    known = {f: (m, s, c) for f, m, s, c in zip(d["features"], d["mean"], d["scale"], coef)
             if f not in meta.get("new_features", [])}
    X = np.vstack([x["X"] for x in data])
    new = [f for f in FEATURES if f not in known]
    for f in new:
        col = X[:, FEATURES.index(f)]
        known[f] = (float(col.mean()), float(col.std()) if col.std() > 1e-6 else 1.0, 0.0)
    mean, scale, coef = (np.array([known[f][i] for f in FEATURES]) for i in range(3))
    meta["new_features"] = new
    return QuestionRanker(mean, scale, coef, meta=meta)


def fold_of(event: str, k: int) -> int:
    """A stable fold for an event, so that all its questions sit in one fold."""
    return int(hashlib.sha1(event.encode()).hexdigest(), 16) % k


def answer(engine, ranker, questions: list[dict]) -> list[list[list[dict]]]:
    """The facts the engine shows for each question with this ranker."""
    engine.question_ranker = ranker
    return [[f["statements"] for f in engine.query(q["question"], k=10, facts=5).facts] for q in questions]


def cross_validate(engine, base, data: list[dict], l2: float, k: int) -> dict:
    """Fact scores of every question answered by a ranker adapted without its event's fold."""
    shown: dict[str, list] = {}
    for f in range(k):
        test = [d["question"] for d in data if fold_of(d["question"]["event"], k) == f]
        if not test:
            continue
        model = adapt(base, [d for d in data if fold_of(d["question"]["event"], k) != f], l2, engine.question_weight)
        shown.update({q["id"]: s for q, s in zip(test, answer(engine, model, test))})
    qs = [d["question"] for d in data]
    return score(qs, [shown[q["id"]] for q in qs])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="Corpus folder holding articles.jsonl.")
    ap.add_argument("questions", type=Path, help="Questions JSONL, as scripts/bench_answers.py reads it.")
    ap.add_argument("--store", type=Path, required=True, help="The corpus ingested and checked.")
    ap.add_argument("--folds", type=int, default=5, help="Folds over events.")
    ap.add_argument("--l2", type=float, nargs="*", default=list(L2_GRID), help="Penalties to compare.")
    ap.add_argument("--articles", type=int, default=None, help="Set the engine's question_articles.")
    ap.add_argument("--followers", type=int, default=None, help="Set the engine's question_followers.")
    ap.add_argument("--write", action="store_true", help="Fit on all tune questions at the best penalty and save.")
    args = ap.parse_args()

    from consistency.options import Options
    from consistency.query.engine import QueryEngine
    from consistency.query.questions import FEATURES, SHIPPED

    articles = {}
    with open(args.dir / "articles.jsonl") as fh:
        for line in fh:
            rec = json.loads(line)
            articles[rec["id"]] = rec["text"]
    tune = [q for q in read_questions(args.questions, articles) if q.get("split", "tune") == "tune"]
    engine = QueryEngine(Options(store=args.store))
    if args.articles is not None:
        engine.question_articles = args.articles
    if args.followers is not None:
        engine.question_followers = args.followers
    data = gather(engine, tune)
    base = base_ranker(SHIPPED, data)
    rows = [{"l2": "base", **score(tune, answer(engine, base, tune))}]
    print(json.dumps(rows[0]), flush=True)
    for l2 in args.l2:
        rows.append({"l2": l2, **cross_validate(engine, base, data, l2, args.folds)})
        print(json.dumps(rows[-1]), flush=True)
    if args.write:
        best = max(rows[1:], key=lambda r: (r["p_at_1"], r["p_at_5"], r["mrr"]))
        model = adapt(base, data, best["l2"], engine.question_weight)
        full = score(tune, answer(engine, model, tune))
        model.meta["adapted"] = {"on": f"{args.questions.name} tune", "questions": len(tune), "l2": best["l2"],
                                 "cv_folds_by_event": args.folds, "cv": {str(r["l2"]): r for r in rows},
                                 "tune_full": full, "base_coef": [float(f"{w:.6g}") for w in base.coef],
                                 "weights": {f: round(float(w), 3) for f, w in zip(FEATURES, model.coef)}}
        model.save(SHIPPED)
        print(json.dumps({"written": str(SHIPPED), "l2": best["l2"], "tune_full": full}))
    engine.close()


if __name__ == "__main__":
    main()
