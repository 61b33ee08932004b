"""Fit the thread score on ECB+ topics, then choose its bar by the topic B-cubed F1 of threads.

Every ECB+ topic holds two events of one kind (two earthquakes, two rehab stays): its
sub-topics are stories, the topic is their thread. The score is a logistic regression over the
average-linkage features of two articles (``consistency.stories.threads.THREAD_FEATURES``), fitted
on every pair of articles of the tuning topics: same topic or not. The bar is then chosen by
running the story clusterer and the thread linker as bench_clustering.py does, over several
shuffles, and keeping the bar with the best mean topic B-cubed F1. Tune on the odd topics and
score the even ones once with bench_clustering.py.

    python3 scripts/train_threads.py ../shared/bench/ecbplus --topics 1-35:2
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.realcoverage import b_cubed  # noqa: E402
from bench.stories import cluster_threads, ecb_articles  # noqa: E402
from consistency.stories.cluster import StoryClusterer, article_vectors  # noqa: E402
from consistency.stories.threads import THREAD_FEATURES, ThreadLinker  # noqa: E402
from scripts.bench_clustering import parse_topics  # noqa: E402
from scripts.train_stories import pair_features, print_fit  # noqa: E402


def fit_weights(x: np.ndarray, y: np.ndarray, c: float) -> dict[str, float]:
    """Logistic-regression weights over the thread features."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    out = {"bias": round(float(model.intercept_[0]), 3)}
    out.update({k: round(float(v), 3) for k, v in zip(THREAD_FEATURES, model.coef_[0])})
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the ECB+ folder")
    ap.add_argument("--topics", default="1-35:2", help='tuning topics, e.g. "1-35:2" (odd)')
    ap.add_argument("--c", type=float, default=100.0, help="inverse regularisation strength")
    ap.add_argument("--thresholds", default="-3,-2.5,-2,-1.5,-1,-0.5,0,0.5,1", help="thread bars to try")
    ap.add_argument("--seeds", default="0,1,2", help="shuffles of the articles to average over")
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from consistency.embed import get_embedder

    articles, topic, _ = ecb_articles(args.data, parse_topics(args.topics))
    vecs = article_vectors(articles, get_embedder("minilm"))
    weights = fit_weights(*pair_features(articles, vecs, topic, THREAD_FEATURES), args.c)
    seeds = [int(s) for s in args.seeds.split(",")]
    results = []
    for t in (float(x) for x in args.thresholds.split(",")):
        f1s = []
        for seed in seeds:
            _, threads = cluster_threads(StoryClusterer(), ThreadLinker(t, weights), articles, vecs,
                                         args.batch_size, seed)
            f1s.append(b_cubed(threads, topic)["f1"])
        results.append({"threshold": t, "topic_f1": [round(f, 4) for f in f1s],
                        "mean": round(float(np.mean(f1s)), 4)})
        if not args.json:
            print(json.dumps(results[-1]), flush=True)
    best = max(results, key=lambda r: (r["mean"], r["threshold"]))
    print_fit(weights, best, results, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
