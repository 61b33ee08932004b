"""Stories and threads on ECB+: B-cubed precision, recall and F1 of stories against the gold
sub-topics and of threads against the gold topics.

Articles of the chosen topics are shuffled with a fixed seed and fed to StoryClusterer in
batches, as a nightly run would, and the ThreadLinker links the stories into threads after each
batch; every article gets the same date (ECB+ has none). Each topic holds two events of one kind
(its sub-topics, e.g. two earthquakes): a story is an event, so the sub-topics are the gold
stories (``subtopic_b3``, scored on stories), and the topic is the gold thread (``topic_b3``,
scored on threads; ``scored_on`` says so in the JSON). ``story_topic_b3`` scores the stories
against the topics too: its precision shows whether stories ever mix kinds of event; once the two
events are told apart its recall is the share of a topic its events hold (about .65 here, F1
about .8). The stories' weights and bars were tuned on the odd topics (scripts/train_stories.py),
and so were the threads' (scripts/train_threads.py): score the even ones.

    python3 scripts/bench_clustering.py ../shared/bench/ecbplus --topics 2-34:2
    python3 scripts/bench_clustering.py ../shared/bench/ecbplus --topics 1-35 --json
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.realcoverage import b_cubed  # noqa: E402
from bench.stories import cluster_threads, ecb_articles  # noqa: E402
from consistency.stories.cluster import StoryClusterer, article_vectors  # noqa: E402
from consistency.stories.threads import ThreadLinker  # noqa: E402


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
    params: dict, thread_params: dict | None = None,
) -> dict:
    """Cluster the topics' articles incrementally, link threads, and score stories against
    sub-topics and threads against topics."""
    from consistency.embed import get_embedder

    articles, topic, subtopic = ecb_articles(data, topics)
    t0 = time.perf_counter()
    vecs = article_vectors(articles, get_embedder(embedder_name))
    t_embed = time.perf_counter() - t0
    sc = StoryClusterer(**params)
    linker = ThreadLinker(**(thread_params or {}))
    t0 = time.perf_counter()
    pred, threads = cluster_threads(sc, linker, articles, vecs, batch_size, seed)
    t_cluster = time.perf_counter() - t0
    return {
        "subtopic_b3": b_cubed(pred, subtopic),
        "topic_b3": b_cubed(threads, topic),
        "story_topic_b3": b_cubed(pred, topic),
        "scored_on": {"subtopic_b3": "stories", "topic_b3": "threads", "story_topic_b3": "stories"},
        "n_articles": len(articles),
        "n_stories": len(set(pred.values())),
        "n_threads": len(set(threads.values())),
        "n_subtopics": len(set(subtopic.values())),
        "n_topics": len(set(topic.values())),
        "embed_seconds": round(t_embed, 1),
        "cluster_seconds": round(t_cluster, 1),
        "params": {**sc.params(), "batch_size": batch_size, "seed": seed, "embedder": embedder_name},
        "thread_params": linker.params(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("data", type=Path, help="the ECB+ folder (holding ECB+/<topic>/*.xml)")
    ap.add_argument("--topics", default="1-35", help='"1-35", "2-34:2" or "1,3,5"')
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--embedder", default="minilm", choices=["minilm", "hashing"])
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threshold", type=float, help="override the tuned join bar (log-odds)")
    ap.add_argument("--merge-threshold", type=float, help="override the tuned merge bar (log-odds)")
    ap.add_argument("--small-margin", type=float, help="override the tuned small-story margin")
    ap.add_argument("--thread-threshold", type=float, help="override the tuned thread bar (log-odds)")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.basicConfig(level=logging.WARNING)
    params = {}
    if args.threshold is not None:
        params["threshold"] = args.threshold
    for key in ("merge_threshold", "small_margin"):
        if getattr(args, key) is not None:
            params[key] = getattr(args, key)
    thread_params = {} if args.thread_threshold is None else {"threshold": args.thread_threshold}
    res = run(args.data, parse_topics(args.topics), args.embedder, args.batch_size, args.seed,
              params, thread_params)
    if args.json:
        print(json.dumps(res))
    else:
        print(f"articles {res['n_articles']} in {res['n_topics']} topics, {res['n_subtopics']} sub-topics "
              f"-> {res['n_stories']} stories in {res['n_threads']} threads")
        for name, key in (("stories/sub-topics", "subtopic_b3"), ("threads/topics", "topic_b3"),
                          ("stories/topics", "story_topic_b3")):
            b3 = res[key]
            print(f"{name:19s} B-cubed P {b3['precision']:.3f}  R {b3['recall']:.3f}  F1 {b3['f1']:.3f}")
        print(f"embed {res['embed_seconds']}s, cluster {res['cluster_seconds']}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
