"""Story clustering data for tuning and scoring: ECB+ topics and real coverage (BASIL layout).

ECB+ gives each topic two events of one kind (its sub-topics) and no publication dates: every
article gets the same date. A real-coverage folder gives every article its own date and
``events.json`` the gold events. Articles are fed to a clusterer in shuffled batches, as
nightly runs would feed them; threads are linked after each batch, as a nightly run links them.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import numpy as np

from consistency.records import Article

from .ecbplus import read_ecbplus
from .realcoverage import event_part

ECB_DATE = datetime(2020, 1, 1, tzinfo=timezone.utc)


def ecb_articles(data: Path, topics: Iterable[int]) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """The articles of the ECB+ topics, with gold topic and gold sub-topic per article id."""
    wanted = set(topics)
    docs = [d for d in read_ecbplus(data) if d.topic in wanted]
    articles = [Article(d.doc_id, "ecbplus", d.url, d.title, ECB_DATE, d.text) for d in docs]
    return (articles, {d.doc_id: str(d.topic) for d in docs},
            {d.doc_id: f"{d.topic}/{d.subtopic}" for d in docs})


def coverage_articles(folder: Path, part: str = "all") -> tuple[list[Article], dict[str, str]]:
    """The articles of a real-coverage folder in one part of its events, with the gold event."""
    from consistency.ingest.readers import read_jsonl

    events = json.loads((Path(folder) / "events.json").read_text(encoding="utf-8"))
    gold = {a: e for e, rec in events.items() for a in rec["articles"]
            if part == "all" or event_part(e) == part}
    articles = [a for a in read_jsonl(Path(folder) / "articles.jsonl")
                if isinstance(a, Article) and a.id in gold]
    return articles, gold


def cluster(clusterer, articles: list[Article], vectors: np.ndarray, batch_size: int = 0,
            seed: int = 0) -> dict[str, str]:
    """Article id -> story id after feeding the articles in shuffled batches (one when 0)."""
    return cluster_threads(clusterer, None, articles, vectors, batch_size, seed)[0]


def cluster_threads(clusterer, linker, articles: list[Article], vectors: np.ndarray, batch_size: int = 0,
                    seed: int = 0) -> tuple[dict[str, str], dict[str, str]]:
    """Article id -> story id and article id -> thread id, linking threads after every batch
    (no threads without a ``linker``)."""
    order = list(range(len(articles)))
    if batch_size:
        random.Random(seed).shuffle(order)
    step = batch_size or len(order) or 1
    ids: dict[int, str] = {}
    for start in range(0, len(order), step):
        chunk = order[start:start + step]
        got = clusterer.assign([articles[i] for i in chunk], vectors[chunk])
        ids.update(zip(chunk, got))
        if linker is not None:
            linker.link(clusterer, got)
    # ids handed out in earlier batches may since have been merged: resolve them as a store would
    stories = {articles[i].id: clusterer.resolve(s) for i, s in ids.items()}
    return stories, ({a: linker.thread_of[s] for a, s in stories.items()} if linker is not None else {})
