"""Choose the lone-article margin and floor of StoryClusterer by leave-one-fold-out cross-validation.

A story of one article may join its best story below the join bar when that story leads the
runner-up by ``lone_margin`` and scores at least ``lone_floor``. This script runs the story
clusterer alone (no claims, no comparison) on the stored benchmark articles for every (margin,
floor) of a grid and scores, per fold, story B-cubed F1 against the gold stories and the gold
``update`` pairs whose articles share a story. The folds are generated contradiction benches
(each one fold; their gold stories are the ECB+ topic and corpus half each article was drawn from)
and the ECB+ topics given by --ecb (one run over them all, B-cubed scored per fold of topics).
For each held fold the grid point with the best mean F1 over the other folds is chosen, then the
held fold is scored with it.

    python3 scripts/lone_margin_cv.py --draw DRAW_DIR --draw DRAW_DIR2 \\
        --ecb ../shared/bench/ecbplus --topics 1-33:2 --ecb-folds 3
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import re
import sys
from datetime import datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.realcoverage import b_cubed  # noqa: E402
from bench.stories import cluster_threads, ecb_articles  # noqa: E402
from consistency.records import Article  # noqa: E402
from consistency.stories.cluster import StoryClusterer, article_vectors  # noqa: E402

MARGINS = (None, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0)
FLOORS = (-4.0, -3.5, -3.0, -2.5, -2.0)


def draw_articles(bench: Path) -> tuple[list[Article], dict[str, str], list[list[str]]]:
    """A generated bench's articles, gold story per article id, and its gold update pairs."""
    rows = [json.loads(line) for line in (bench / "articles.jsonl").read_text().splitlines() if line.strip()]
    origin = json.loads((bench / "manifest.json").read_text())["origin"]
    articles = [Article(r["id"], r["outlet"], r.get("url", ""), r.get("title", ""),
                        datetime.fromisoformat(r["published"]), r["text"]) for r in rows]
    gold = {a: re.sub(r"^(\d+)_\d+(ecb\w*)$", r"\1_\2", o) for a, o in origin.items()}
    updates = [g["articles"] for line in (bench / "gold.jsonl").read_text().splitlines() if line.strip()
               for g in [json.loads(line)] if g["type"] == "update" and g.get("expect") == "flag"]
    return articles, gold, updates


def vectors(name: str, articles: list[Article], cache: Path) -> np.ndarray:
    """The articles' story vectors (minilm), cached by data set name."""
    from consistency.embed import get_embedder

    path = cache / f"{name}.npy"
    if path.exists():
        return np.load(path)
    vecs = article_vectors(articles, get_embedder("minilm"))
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vecs)
    return vecs


def fold_figures(pred: dict[str, str], gold: dict[str, str], ids: set[str], updates: list[list[str]]) -> dict:
    """B-cubed F1 of the stories on these articles, and the update pairs kept in one story."""
    b3 = b_cubed({a: s for a, s in pred.items() if a in ids}, {a: g for a, g in gold.items() if a in ids})
    together = sum(len({pred[a] for a in pair}) == 1 for pair in updates)
    return {"f1": b3["f1"], "precision": b3["precision"], "recall": b3["recall"],
            "updates_together": together, "updates": len(updates)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--draw", type=Path, action="append", default=[], help="a generated bench folder")
    ap.add_argument("--ecb", type=Path, help="the ECB+ folder")
    ap.add_argument("--topics", default="1-33:2", help="ECB+ topics (tuning topics only)")
    ap.add_argument("--ecb-folds", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/lone_margin_vectors"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.basicConfig(level=logging.WARNING)
    from bench_clustering import parse_topics  # noqa: E402  (same folder)

    grid = [(m, f) for m, f in itertools.product(MARGINS, FLOORS) if m is not None or f == FLOORS[0]]
    # data set -> (articles, vectors, gold, {fold: (ids, updates)}, batch size)
    sets = {}
    for d in args.draw:
        arts, gold, updates = draw_articles(d)
        sets[d.name] = (arts, vectors(d.name, arts, args.cache), gold, {d.name: ({a.id for a in arts}, updates)}, 0)
    if args.ecb:
        topics = list(parse_topics(args.topics))
        arts, top, sub = ecb_articles(args.ecb, topics)
        chunks = [topics[i::args.ecb_folds] for i in range(args.ecb_folds)]
        folds = {f"ecb{'+'.join(map(str, c))}": ({a for a in top if int(top[a]) in c}, []) for c in chunks}
        sets["ecb"] = (arts, vectors("ecb_" + args.topics.replace(":", "s"), arts, args.cache), sub, folds, 50)
    table: dict[tuple, dict[str, dict]] = {}
    for point in grid:
        m, f = point
        row = {}
        for arts, vecs, gold, folds, batch in sets.values():
            sc = StoryClusterer(lone_margin=m, lone_floor=None if m is None else f)
            pred, _ = cluster_threads(sc, None, arts, vecs, batch, 0)
            for name, (ids, updates) in folds.items():
                row[name] = fold_figures(pred, gold, ids, updates)
        table[point] = row
        print(f"M={m} F={f}: " + " ".join(f"{k} {v['f1']:.3f}/{v['updates_together']}" for k, v in row.items()),
              file=sys.stderr)
    names = list(next(iter(table.values())))
    held = {}
    for name in names:
        def train_score(p: tuple) -> tuple:
            rest = [table[p][k]["f1"] for k in names if k != name]
            # ties go to the rule off, then to the larger margin and the higher floor (fewer joins)
            return (round(sum(rest) / len(rest), 6), p[0] is None, p[0] or 0.0, p[1])
        best = max(grid, key=train_score)
        held[name] = {"chosen": best, "held": table[best][name], "off": table[(None, FLOORS[0])][name],
                      "train_mean_f1": train_score(best)[0]}
    out = {"held": {k: {**v, "chosen": list(v["chosen"])} for k, v in held.items()},
           "grid": {f"{m},{f}": row for (m, f), row in table.items()}}
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        for name, h in held.items():
            print(f"{name:16s} chosen M={h['chosen'][0]} F={h['chosen'][1]}  held F1 {h['off']['f1']:.3f} -> "
                  f"{h['held']['f1']:.3f}  updates together {h['off']['updates_together']} -> "
                  f"{h['held']['updates_together']} of {h['held']['updates']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
