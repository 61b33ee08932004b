"""Polarity scorers on real coverage: flags, precision and worth-note recall per threshold and part.

Reads a store that ``bench_real.py DIR --store S`` built, scores every cross-outlet pair of claims
of each story (see bench/polarity_scorers.py) with the shipped rule, the stance model's 'against'
the contradiction scorer (bench/contradiction.py) and a cross-encoder reading both sentences together
(scripts/train_cross_nli.py), and scores the flags against DIR/gold.jsonl as bench_real does. Only the
pairs whose two articles are both in the part asked for are scored.

    python3 scripts/bench_polarity_scorers.py DIR --store S --model M         # the tuning folds
    python3 scripts/bench_polarity_scorers.py DIR --store S --model M --diagnose   # the tuning half's gold pairs
    python3 scripts/bench_polarity_scorers.py DIR --store S --model M --part held --scorer nli --threshold 0.9
    python3 scripts/bench_polarity_scorers.py DIR --store S --scorer cross-one-sided --cross-model CROSS_DIR
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.contradiction import ContradictionModel  # noqa: E402
from bench.polarity_scorers import (  # noqa: E402
    MODEL, SCORERS, denial_candidates, flags_at, load_cross, restrict, story_pairs)
from bench.realcoverage import event_part, matches, read_jsonl, score, shares_half, tune_fold  # noqa: E402

THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)


def load(store: Path, min_cosine: float):
    """Every story's claims from the store, and the pairs worth scoring per story."""
    from consistency import Options
    from consistency.pipeline import open_store

    with open_store(Options(store=store), readonly=True) as st:
        claims = st.story_claim_records(None)
        rows = sorted(claims)
        vecs = st.claim_vectors(rows)
    by_story = defaultdict(list)
    for r, v in zip(rows, vecs):
        by_story[claims[r].story_id].append((claims[r], v))
    denial_candidates(list(claims.values()))
    return {s: story_pairs([c for c, _ in cv], np.stack([v for _, v in cv]), min_cosine) for s, cv in by_story.items()}


def parts_of(events: dict, part: str) -> dict[str, list[str]]:
    """The events of each part asked for: the tuning folds and half, or the held half alone."""
    if part == "held":
        return {"held": [e for e in events if event_part(e) == "held"]}
    tune = [e for e in events if event_part(e) == "tune"]
    return {"tune-a": [e for e in tune if tune_fold(e) == "a"], "tune-b": [e for e in tune if tune_fold(e) == "b"],
            "tune": tune}


def diagnose(pairs_by_story: dict, scored: dict, gold: list[dict], events: dict) -> list[dict]:
    """For each polarity item of the tuning half: the best-scored pair whose two sides match its quotes."""
    out = []
    for g in gold:
        if g["type"] != "polarity" or event_part(g["event"]) != "tune":
            continue
        best: dict = {"event": g["event"][:8], "fold": tune_fold(g["event"]), "worth_note": g["worth_note"],
                      "pairs": 0}
        for story, sp in pairs_by_story.items():
            for k, (a, b) in enumerate(zip(sp.a, sp.b)):
                qa, qb = g["quotes"].get(a.article_id), g["quotes"].get(b.article_id)
                if qa is None or qb is None or not (shares_half(a.text, qa) and shares_half(b.text, qb)):
                    continue
                best["pairs"] += 1
                for name, s in scored[story].items():
                    best[name] = max(best.get(name, 0.0), round(float(s[k]), 3))
                best["cosine"] = max(best.get("cosine", 0.0), round(float(sp.cosine[k]), 3))
        out.append(best)
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--min-cosine", type=float, default=0.4)
    ap.add_argument("--scorer", choices=sorted(SCORERS), nargs="+",
                    default=[s for s in sorted(SCORERS) if not s.startswith("cross")])
    ap.add_argument("--threshold", type=float, nargs="+", default=list(THRESHOLDS))
    ap.add_argument("--model", type=Path, help="the contradiction scorer (train_contradiction.py --out); the nli scorers need it")
    ap.add_argument("--cross-model", type=Path,
                    help="a cross-encoder folder (train_cross_nli.py --out); the cross scorers need it")
    ap.add_argument("--part", choices=("tune", "held"), default="tune")
    ap.add_argument("--diagnose", action="store_true", help="the tuning half's gold polarity pairs and their scores")
    ap.add_argument("--show", action="store_true",
                    help="list each flag at the lowest --threshold: fold, score, the gold item it matches, both texts")
    args = ap.parse_args(argv)
    if any(s.startswith("nli") for s in args.scorer):
        if args.model is None:
            ap.error("the nli scorers need --model (write one with scripts/train_contradiction.py)")
        MODEL["nli"] = ContradictionModel.load(args.model)
    if any(s.startswith("cross") for s in args.scorer):
        if args.cross_model is None:
            ap.error("the cross scorers need --cross-model (write one with scripts/train_cross_nli.py)")
        MODEL["cross"] = load_cross(str(args.cross_model))
    gold = read_jsonl(args.dir / "gold.jsonl")
    events = json.loads((args.dir / "events.json").read_text(encoding="utf-8"))
    article_event = {a: e for e, rec in events.items() for a in rec["articles"]}
    parts = parts_of(events, args.part)
    in_part = {a for evs in parts.values() for e in evs for a in events[e]["articles"]}
    pairs_by_story = {s: restrict(sp, [a.article_id in in_part and b.article_id in in_part
                                       for a, b in zip(sp.a, sp.b)])
                      for s, sp in load(args.store, args.min_cosine).items()}
    if args.diagnose:  # only the pairs matching a polarity item's quotes are read, so the slow scorers stay cheap
        items = [g for g in gold if g["type"] == "polarity" and event_part(g["event"]) == "tune"]
        pairs_by_story = {s: restrict(sp, [any(shares_half(a.text, g["quotes"].get(a.article_id) or "\0")
                                               and shares_half(b.text, g["quotes"].get(b.article_id) or "\0")
                                               for g in items) for a, b in zip(sp.a, sp.b)])
                          for s, sp in pairs_by_story.items()}
    pairs_by_story = {s: sp for s, sp in pairs_by_story.items() if sp.a}
    n_pairs = sum(len(sp.a) for sp in pairs_by_story.values())
    scored: dict = defaultdict(dict)
    seconds = {}
    for name in args.scorer:
        t0 = time.process_time()
        for story, sp in pairs_by_story.items():
            scored[story][name] = SCORERS[name](sp)
        seconds[name] = round(time.process_time() - t0, 2)
    print(json.dumps({"pairs": n_pairs, "stories": len(pairs_by_story), "cpu_seconds": seconds,
                      "articles": len(in_part), "cpu_seconds_per_article": {
                          n: round(t / max(len(in_part), 1), 3) for n, t in seconds.items()}}))
    if args.diagnose:
        for row in diagnose(pairs_by_story, scored, gold, events):
            print(json.dumps(row))
        return 0
    if args.show:
        wanted = {e for evs in parts.values() for e in evs}
        polar = [g for g in gold if g["type"] == "polarity" and g["event"] in wanted]
        for name in args.scorer:
            t = 1.0 if name == "rule" else min(args.threshold)
            flags = [f for story, sp in pairs_by_story.items() for f in flags_at(sp, scored[story][name], t)]
            for f in sorted(flags, key=lambda f: -f.score):
                event = article_event.get(f.articles[0], "")
                hit = [g["event"][:8] + ("*" if g.get("worth_note") else "") for g in polar
                       if matches(f, g, same_type=False)]
                fold = tune_fold(event) if event_part(event) == "tune" else "held"
                print(json.dumps({"scorer": name, "fold": fold, "score": round(f.score, 3), "gold": hit,
                                  "a": f.evidence[0].text, "b": f.evidence[1].text}))
        return 0
    for name in args.scorer:
        for t in ([1.0] if name == "rule" else args.threshold):
            flags = [f for story, sp in pairs_by_story.items() for f in flags_at(sp, scored[story][name], t)]
            line = {"scorer": name, "threshold": t}
            for part, evs in parts.items():
                pt = score(flags, gold, article_event, None, evs).figures["per_type"].get("polarity", {})
                line[part] = (f"{pt.get('matched', 0)}/{pt.get('predicted', 0)} right, "
                              f"{pt.get('worth_note_found', 0)}/{pt.get('worth_note', 0)} worth-note")
            print(json.dumps(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
