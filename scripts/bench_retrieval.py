"""Measure claim retrieval on CheckThat! data: MAP@1/3/5, MRR and P@1.

Example:
    python3 scripts/bench_retrieval.py \
        --claims ../shared/bench/clef2020-claim-retrieval/v3.0/verified_claims.docs.tsv \
        --queries ../shared/bench/clef2020-claim-retrieval/test/tweets.queries.tsv \
        --qrels ../shared/bench/clef2020-claim-retrieval/test/tweet-vclaim-pairs.qrels --json
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

import click
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consistency.embed import get_embedder  # noqa: E402
from consistency.retrieval import FUSIONS, HybridRetriever  # noqa: E402
from consistency.retrieval_data import (  # noqa: E402
    CachedEmbedder, evaluate, index_claims, read_claims, read_qrels, read_queries,
)


@click.command()
@click.option("--claims", "claim_files", multiple=True, required=True, type=click.Path(exists=True),
              help="Verified claims (TSV or JSONL); repeat the flag or list several after it.")
@click.argument("more_claims", nargs=-1, type=click.Path(exists=True))
@click.option("--queries", required=True, type=click.Path(exists=True))
@click.option("--qrels", required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--no-rerank", is_flag=True, help="Rank by the fused score alone.")
@click.option("--fusion", type=click.Choice(FUSIONS), default="zscore", show_default=True)
@click.option("--bm25-weight", type=float, default=0.5, show_default=True)
@click.option("--reranker", "reranker_path", type=click.Path(exists=True), default=None,
              help="Re-ranker weights (default: the shipped ones).")
@click.option("--embedder", default="minilm", show_default=True)
@click.option("--cache-dir", type=click.Path(), default=None, help="Embedding cache folder.")
@click.option("-v", "--verbose", is_flag=True)
def main(claim_files, more_claims, queries, qrels, as_json, no_rerank, fusion, bm25_weight,
         reranker_path, embedder, cache_dir, verbose) -> None:
    """Index the claims, run every query that has qrels, print the CheckThat! figures."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)
    emb = CachedEmbedder(get_embedder(embedder), Path(cache_dir) if cache_dir else None)
    claims = [c for f in (*claim_files, *more_claims) for c in read_claims(Path(f))]
    gold = read_qrels(Path(qrels))
    qs = read_queries(Path(queries), keep=set(gold))
    reranker = None if no_rerank else (reranker_path or "shipped")
    retriever = HybridRetriever(emb, reranker=reranker, fusion=fusion, bm25_weight=bm25_weight)
    t0 = time.perf_counter()
    names = index_claims(retriever, claims)
    t_index = time.perf_counter() - t0
    emb.embed([retriever.query_text(q) for _, q in qs])
    runs, times = {}, []
    for qid, text in qs:
        t = time.perf_counter()
        hits = retriever.search(text, k=10)
        times.append(time.perf_counter() - t)
        runs[qid] = [names[i] for i, _ in hits]
    res = evaluate(runs, gold)
    res["reranker"] = retriever.reranker is not None
    res["fusion"] = fusion
    res["n_claims"] = len(claims)
    res["index_seconds"] = round(t_index, 1)
    res["query_ms_p95_cached_vectors"] = round(1000 * float(np.percentile(times, 95)), 2)
    if as_json:
        click.echo(json.dumps(res))
        return
    for key in ("map@1", "map@3", "map@5", "mrr", "p@1"):
        click.echo(f"{key.upper():6s} {res[key]:.4f}")
    click.echo(f"queries {res['n_queries']}  claims {len(claims)}  re-ranked {res['reranker']}")


if __name__ == "__main__":
    main()
