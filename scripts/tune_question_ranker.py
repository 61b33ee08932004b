"""Adapt the question re-ranker to fact-checker questions on real coverage, choosing how far by CV over events.

The shipped weights come from TREC QA (scripts/train_question_ranker.py): short newswire
answer sentences, where a matching sentence almost always holds the answer. On a story covered
by several outlets many sentences share the question's topic and only some answer it, so the
weights are refitted here on the ``tune`` questions of bench/questions (the ``held`` and ``fresh``
check sets are never read for fitting), pulled towards the
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
    """Each question's first-stage candidates: feature rows, answer labels, the first stage's prior, and
    what the engine needs to show facts from them (their rows and claims), so that every ranker tried
    re-orders the same candidates without searching again."""
    from consistency.query.questions import first_stage_prior, is_question, question_features

    engine.refresh()  # loads the store's search state, as a query does first
    out = []
    for q in questions:
        text = " ".join(q["question"].split())
        if not is_question(text):
            raise SystemExit(f"{q['id']}: the engine does not read {text!r} as a question; reword it")
        hits, qvec = engine._search(text, engine.question_depth)
        claims = engine.store.claims([r for r, _ in hits])
        hits, claims = engine._with_followers(hits, claims, engine.question_followers)
        hits, claims = engine._with_articles(hits, claims, engine.question_articles)
        rows = [r for r, _ in hits if r in claims]
        cands = [claims[r] for r in rows]
        inputs = engine._answer_inputs(text, rows, claims, qvec)
        X = question_features(text, cands, **inputs).astype(np.float64)
        labels = np.array([answers(q, {"article_id": c.article_id, "start": c.start, "end": c.end}) for c in cands],
                          np.float64)
        out.append({"question": q, "text": text, "rows": rows, "claims": claims, "X": X, "y": labels,
                    "prior": first_stage_prior(len(rows))})
    return out


def adapt(base, data: list[dict], l2: float, weight: float, drop: frozenset[str] = frozenset()):
    """The base ranker's weights refitted on ``data``, pulled towards the base by ``l2``; the features
    in ``drop`` are held at weight 0."""
    from consistency.query.questions import FEATURES, QuestionRanker

    X = np.vstack([d["X"] for d in data])
    y = np.concatenate([d["y"] for d in data])
    g = np.concatenate([np.full(len(d["y"]), i) for i, d in enumerate(data)])
    offset = weight * np.concatenate([d["prior"] for d in data])
    keep = np.array([f not in drop for f in FEATURES], np.float64)
    # a zeroed column has no gradient and its start is 0, so the penalty holds its weight there
    w = adapt_listwise((X - base.mean) / base.scale * keep, y, g, l2, base.coef * keep, offset)
    return QuestionRanker(base.mean, base.scale, w * keep, meta=dict(base.meta))


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


def fold_of(event: str, k: int, deal: str = "") -> int:
    """A stable fold for an event, so that all its questions sit in one fold; another ``deal`` (a word
    hashed before the event id) deals the events into folds another way."""
    return int(hashlib.sha1((deal + event).encode()).hexdigest(), 16) % k


def answer(engine, ranker, data: list[dict]) -> list[list[list[dict]]]:
    """The facts the engine shows for each gathered question with this ranker (as ``engine.query`` orders
    a question's matches: the ranker's score plus the prior, then facts grouped from that order)."""
    shown = []
    for d in data:
        scores = ranker.score(d["X"]) + engine.question_weight * d["prior"]
        order = np.argsort(-scores, kind="stable")
        hits = [(d["rows"][i], float(scores[i])) for i in order]
        shown.append([f["statements"] for f in engine._facts(hits, d["claims"], 5, d["text"], True)])
    return shown


def cross_validate(engine, base, data: list[dict], l2: float, k: int, drop: frozenset[str] = frozenset(),
                   deal: str = "") -> dict[str, list]:
    """The facts shown for every question by a ranker adapted without its event's fold, by question id."""
    shown: dict[str, list] = {}
    for f in range(k):
        test = [d for d in data if fold_of(d["question"]["event"], k, deal) == f]
        if not test:
            continue
        model = adapt(base, [d for d in data if fold_of(d["question"]["event"], k, deal) != f], l2,
                      engine.question_weight, drop)
        shown.update({d["question"]["id"]: s for d, s in zip(test, answer(engine, model, test))})
    return shown


def scores(questions: list[dict], shown: dict[str, list], subset: set[str] | None) -> dict:
    """Fact scores over every question and, when ``subset`` names some, over those apart."""
    out = score(questions, [shown[q["id"]] for q in questions])
    if subset:
        part = [q for q in questions if q["id"] in subset]
        out["subset"] = score(part, [shown[q["id"]] for q in part])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="Corpus folder holding articles.jsonl.")
    ap.add_argument("questions", type=Path, help="Questions JSONL, as scripts/bench_answers.py reads it.")
    ap.add_argument("--store", type=Path, required=True, help="The corpus ingested and checked.")
    ap.add_argument("--folds", type=int, default=5, help="Folds over events.")
    ap.add_argument("--l2", type=float, nargs="*", default=list(L2_GRID), help="Penalties to compare.")
    ap.add_argument("--articles", type=int, default=None, help="Set the engine's question_articles.")
    ap.add_argument("--followers", type=int, default=None, help="Set the engine's question_followers.")
    ap.add_argument("--subset", type=Path, default=None,
                    help="A questions JSONL whose tune questions are also scored apart (an earlier set, say).")
    ap.add_argument("--deal", default="",
                    help="Deal the events into folds by another hash (any word; default: the shipped deal).")
    ap.add_argument("--drop", nargs="*", default=[], help="Features held at weight 0 in the refit.")
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
    unknown = set(args.drop) - set(FEATURES)
    if unknown:
        ap.error(f"--drop: no such feature {sorted(unknown)}; the features are {', '.join(FEATURES)}")
    drop = frozenset(args.drop)
    subset = ({json.loads(line)["id"] for line in args.subset.read_text().splitlines() if line.strip()}
              if args.subset else None)
    data = gather(engine, tune)
    base = base_ranker(SHIPPED, data)
    shown = dict(zip([q["id"] for q in tune], answer(engine, base, data)))
    rows = [{"l2": "base", **scores(tune, shown, subset)}]
    print(json.dumps(rows[0]), flush=True)
    for l2 in args.l2:
        cv = cross_validate(engine, base, data, l2, args.folds, drop, args.deal)
        rows.append({"l2": l2, **scores(tune, cv, subset)})
        print(json.dumps(rows[-1]), flush=True)
    if args.write:
        best = max(rows[1:], key=lambda r: (r["p_at_1"], r["p_at_5"], r["mrr"]))
        model = adapt(base, data, best["l2"], engine.question_weight, drop)
        full = score(tune, answer(engine, model, data))
        model.meta["adapted"] = {"on": f"{args.questions.name} tune", "questions": len(tune), "l2": best["l2"],
                                 "cv_folds_by_event": args.folds, "cv": {str(r["l2"]): r for r in rows},
                                 "dropped": sorted(drop),
                                 "tune_full": full, "base_coef": [float(f"{w:.6g}") for w in base.coef],
                                 "weights": {f: round(float(w), 3) for f, w in zip(FEATURES, model.coef)}}
        model.save(SHIPPED)
        print(json.dumps({"written": str(SHIPPED), "l2": best["l2"], "tune_full": full}))
    engine.close()


if __name__ == "__main__":
    main()
