"""Measure claim retrieval on CheckThat! data: MAP@1/3/5, MRR and P@1.

Example:
    python3 scripts/bench_retrieval.py \
        --claims ../shared/bench/clef2020-claim-retrieval/v3.0/verified_claims.docs.tsv \
        --queries ../shared/bench/clef2020-claim-retrieval/test/tweets.queries.tsv \
        --qrels ../shared/bench/clef2020-claim-retrieval/test/tweet-vclaim-pairs.qrels --json

Model selection uses the dev splits (v3.0/dev for 2020; qrels-dev.tsv with tweets-train-dev.tsv
and vclaims.part1/part2.jsonl for 2021). The 2020 collection holds 184 texts twice under two ids
(differing only in quote marks); ``--merge-copies`` also prints the figures with such copies of a
relevant claim counted as relevant, which shows how much of a miss is the copy's coin toss.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from pathlib import Path

import click
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.checkthat import (  # noqa: E402
    CachedEmbedder,
    evaluate,
    index_claims,
    read_claims,
    read_qrels,
    read_queries,
)
from consistency.embed import get_embedder  # noqa: E402
from consistency.query.hybrid import FUSIONS, HybridRetriever  # noqa: E402


@click.command()
@click.option("--claims", "claim_files", multiple=True, type=click.Path(exists=True),
              help="Verified claims (TSV or JSONL); repeat the flag or list several after it.")
@click.argument("more_claims", nargs=-1, type=click.Path(exists=True))
@click.option("--queries", type=click.Path(exists=True))
@click.option("--qrels", type=click.Path(exists=True))
@click.option("--scale", type=int, default=0,
              help="Instead: time warm queries over this many synthetic claims (no data needed).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--no-rerank", is_flag=True, help="Rank by the fused score alone.")
@click.option("--fusion", type=click.Choice(FUSIONS), default="zscore", show_default=True)
@click.option("--bm25-weight", type=float, default=0.5, show_default=True)
@click.option("--reranker", "reranker_path", type=click.Path(exists=True), default=None,
              help="Re-ranker weights (default: the shipped ones).")
@click.option("--embedder", default="minilm", show_default=True)
@click.option("--embed-fields", default="title", show_default=True,
              help="Claim fields embedded besides the claim text (comma-separated, may be empty).")
@click.option("--cache-dir", type=click.Path(), default=None, help="Embedding cache folder.")
@click.option("--merge-copies", is_flag=True,
              help="Also score with identical-text copies of a relevant claim counted as relevant.")
@click.option("-v", "--verbose", is_flag=True)
def main(claim_files, more_claims, queries, qrels, scale, as_json, no_rerank, fusion, bm25_weight,
         reranker_path, embedder, embed_fields, cache_dir, merge_copies, verbose) -> None:
    """Index the claims, run every query that has qrels, print the CheckThat! figures."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)
    if scale:
        sample = [c.text + " " + c.fields.get("title", "") for f in (*claim_files, *more_claims)
                  for c in read_claims(Path(f))]
        rer = None if no_rerank else (reranker_path or "shipped")
        res = bench_scale(scale, get_embedder(embedder), rer, sample)
        click.echo(json.dumps(res) if as_json else "\n".join(f"{k} {v}" for k, v in res.items()))
        return
    if not (claim_files or more_claims) or not queries or not qrels:
        raise click.UsageError("give --claims, --queries and --qrels (or --scale N)")
    emb = CachedEmbedder(get_embedder(embedder), Path(cache_dir) if cache_dir else None)
    claims = [c for f in (*claim_files, *more_claims) for c in read_claims(Path(f))]
    gold = read_qrels(Path(qrels))
    qs = read_queries(Path(queries), keep=set(gold))
    reranker = None if no_rerank else (reranker_path or "shipped")
    retriever = HybridRetriever(emb, reranker=reranker, fusion=fusion, bm25_weight=bm25_weight,
                                 embed_fields=tuple(f for f in embed_fields.split(",") if f))
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
    if merge_copies:
        merged = evaluate({q: _collapse(r, gold[q], claims) for q, r in runs.items()}, gold)
        res["merged_copies"] = {k: v for k, v in merged.items() if k != "n_queries"}
    res["reranker"] = retriever.reranker is not None
    res["fusion"] = fusion
    res["n_claims"] = len(claims)
    res["embed_fields"] = retriever.embed_fields
    res["index_seconds"] = round(t_index, 1)
    res["query_ms_p95_cached_vectors"] = round(1000 * float(np.percentile(times, 95)), 2)
    if as_json:
        click.echo(json.dumps(res))
        return
    for key in ("map@1", "map@3", "map@5", "mrr", "p@1"):
        click.echo(f"{key.upper():6s} {res[key]:.4f}")
    click.echo(f"queries {res['n_queries']}  claims {len(claims)}  re-ranked {res['reranker']}")


def _collapse(ranked: list[str], relevant: set[str], claims) -> list[str]:
    """The ranking with a relevant claim's identical-text copies renamed to it, later repeats dropped."""
    def key(t: str) -> str:
        return re.sub(r"\W+", " ", t.lower()).strip()

    text = {c.id: key(c.text) for c in claims}
    gold_text = {text[g]: g for g in relevant if g in text}
    out: list[str] = []
    for doc in ranked:
        doc = gold_text.get(text.get(doc, ""), doc)
        if doc not in out:
            out.append(doc)
    return out


def bench_scale(n: int, embedder, reranker, sample: list[str]) -> dict:
    """Warm-query latency over ``n`` synthetic claims: clustered vectors, and words drawn from the
    word frequencies of ``sample`` texts (Zipf-distributed made-up words when there are none)."""
    import resource
    from collections import Counter

    rng = np.random.default_rng(0)
    if sample:
        counts = Counter(w for t in sample for w in t.split())
        vocab = np.array(list(counts))
        p = np.array(list(counts.values()), np.float64)
        p /= p.sum()

        def draw(shape):
            return vocab[rng.choice(len(vocab), size=shape, p=p)]
    else:
        vocab = np.array([f"w{i}" for i in range(50_000)])

        def draw(shape):
            return vocab[np.minimum(rng.zipf(1.3, size=shape), len(vocab)) - 1]
    dim = embedder.dim
    t0 = time.perf_counter()
    retriever = HybridRetriever(embedder, reranker=reranker)
    centres = rng.normal(size=(2000, dim)).astype(np.float32)
    batch = 100_000
    for start in range(0, n, batch):
        m = min(batch, n - start)
        vecs = centres[rng.integers(0, 2000, m)] + 0.6 * rng.normal(size=(m, dim)).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        words = draw((m, 24))
        retriever.add(list(range(start, start + m)), [" ".join(w) for w in words], vectors=vecs)
    build = time.perf_counter() - t0
    queries = [" ".join(draw(30)) for _ in range(200)]
    retriever.search(queries[0])
    times, bm25_times = [], []
    for q in queries:
        t = time.perf_counter()
        retriever.search(q, k=10)
        times.append(time.perf_counter() - t)
        t = time.perf_counter()
        retriever.bm25.top(q, 100)
        bm25_times.append(time.perf_counter() - t)
    return {"n_claims": n, "index_type": retriever.index.type_name, "build_seconds": round(build, 1),
            "query_ms_p50": round(1000 * float(np.percentile(times, 50)), 2),
            "query_ms_p95": round(1000 * float(np.percentile(times, 95)), 2),
            "bm25_ms_p95": round(1000 * float(np.percentile(bm25_times, 95)), 2),
            "max_rss_gb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2)}


if __name__ == "__main__":
    main()
