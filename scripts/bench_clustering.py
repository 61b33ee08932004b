"""Story clustering on ECB+: B-cubed precision, recall and F1 against the gold topics.

Articles of the chosen topics are shuffled with a fixed seed and fed to StoryClusterer in
batches, as a nightly run would; every article gets the same date (ECB+ has none). The gold
story is the topic; the score against the finer sub-topics (two events per topic) is shown too.

    python3 scripts/bench_clustering.py ../shared/bench/ecbplus --topics 1-35
    python3 scripts/bench_clustering.py ../shared/bench/ecbplus --topics 2-34:2 --json
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Hashable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ecbplus import read_ecbplus  # noqa: E402
from consistency.records import Article  # noqa: E402
from consistency.stories.cluster import StoryClusterer, article_vectors  # noqa: E402


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    n = len(pred)
    if n == 0:
        return 0.0, 0.0, 0.0
    pc, gc, both = Counter(pred), Counter(gold), Counter(zip(pred, gold))
    p = sum(c * c / pc[pl] for (pl, _), c in both.items()) / n
    r = sum(c * c / gc[gl] for (_, gl), c in both.items()) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def parse_topics(spec: str) -> range | list[int]:
    """"1-35" -> range(1, 36); "2-34:2" -> every second topic; "1,3,5" -> a list."""
    if "," in spec:
        return [int(x) for x in spec.split(",")]
    step = 1
    if ":" in spec:
        spec, s = spec.split(":")
        step = int(s)
    lo, _, hi = spec.partition("-")
    return range(int(lo), int(hi or lo) + 1, step)


def run(
    data: Path, topics: range | list[int], embedder_name: str, batch_size: int, seed: int,
    params: dict,
) -> dict:
    """Cluster the topics' articles incrementally and score them."""
    from consistency.embed import get_embedder

    wanted = set(topics)
    docs = [d for d in read_ecbplus(data) if d.topic in wanted]
    when = datetime(2020, 1, 1, tzinfo=timezone.utc)
    articles = [Article(d.doc_id, "ecbplus", d.url, d.title, when, d.text) for d in docs]
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)

    t0 = time.perf_counter()
    vecs = article_vectors(articles, get_embedder(embedder_name))
    t_embed = time.perf_counter() - t0

    sc = StoryClusterer(**params)
    ids: dict[int, str] = {}
    t0 = time.perf_counter()
    for start in range(0, len(order), batch_size):
        chunk = order[start : start + batch_size]
        got = sc.assign([articles[i] for i in chunk], vecs[chunk])
        ids.update(zip(chunk, got))
    t_cluster = time.perf_counter() - t0
    # ids handed out in earlier batches may since have been merged: resolve them as a store would
    pred = [sc.resolve(ids[i]) for i in range(len(docs))]
    p, r, f = bcubed(pred, [d.topic for d in docs])
    _, _, f_sub = bcubed(pred, [(d.topic, d.subtopic) for d in docs])
    return {
        "b3_precision": round(p, 4),
        "b3_recall": round(r, 4),
        "b3_f1": round(f, 4),
        "b3_f1_subtopic": round(f_sub, 4),
        "n_articles": len(docs),
        "n_clusters": len(set(pred)),
        "n_topics": len({d.topic for d in docs}),
        "embed_seconds": round(t_embed, 1),
        "cluster_seconds": round(t_cluster, 1),
        "params": {**sc.params(), "batch_size": batch_size,
                   "seed": seed, "embedder": embedder_name},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("data", type=Path, help="the ECB+ folder (holding ECB+/<topic>/*.xml)")
    ap.add_argument("--topics", default="1-35", help='"1-35", "2-34:2" or "1,3,5"')
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--embedder", default="minilm", choices=["minilm", "hashing"])
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threshold", type=float, help="override the tuned default")
    ap.add_argument("--merge-threshold", type=float, help="override the tuned default")
    ap.add_argument("--name-weight", type=float, help="override the tuned default")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.basicConfig(level=logging.WARNING)
    params = {}
    if args.threshold is not None:
        params["threshold"] = args.threshold
    for key in ("merge_threshold", "name_weight"):
        if getattr(args, key) is not None:
            params[key] = getattr(args, key)
    res = run(args.data, parse_topics(args.topics), args.embedder, args.batch_size, args.seed,
              params)
    if args.json:
        print(json.dumps(res))
    else:
        print(f"articles {res['n_articles']} in {res['n_topics']} topics -> "
              f"{res['n_clusters']} stories")
        print(f"B-cubed P {res['b3_precision']:.3f}  R {res['b3_recall']:.3f}  "
              f"F1 {res['b3_f1']:.3f}   (against sub-topics F1 {res['b3_f1_subtopic']:.3f})")
        print(f"embed {res['embed_seconds']}s, cluster {res['cluster_seconds']}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
