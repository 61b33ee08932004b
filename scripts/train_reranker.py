"""Train the claim re-ranker on CheckThat! training splits and write its JSON weights.

Example (2020 train + 2021 train; never the split you report):
    B=../shared/bench
    python3 scripts/train_reranker.py \
        --train $B/clef2020-claim-retrieval/v3.0/verified_claims.docs.tsv \
                $B/clef2020-claim-retrieval/v3.0/train/tweets.queries.tsv \
                $B/clef2020-claim-retrieval/v3.0/train/tweet-vclaim-pairs.qrels \
        --train "$B/clef2021-claim-retrieval/vclaims.part1.jsonl,$B/clef2021-claim-retrieval/vclaims.part2.jsonl" \
                $B/clef2021-claim-retrieval/tweets-train-dev.tsv $B/clef2021-claim-retrieval/qrels-train.tsv
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consistency.embed import get_embedder  # noqa: E402
from consistency.retrieval import HybridRetriever  # noqa: E402
from consistency.retrieval_data import (  # noqa: E402
    CachedEmbedder, average_precision, index_claims, read_claims, read_qrels, read_queries,
)
from consistency.retrieval_rerank import FEATURES, SHIPPED, Reranker  # noqa: E402

logger = logging.getLogger("train_reranker")


def collect(emb, claim_files: list[str], queries: str, qrels: str, fusion: str, weight: float,
            fields: tuple[str, ...]):
    """Feature rows, labels and query groups for every training query with qrels."""
    claims = [c for f in claim_files for c in read_claims(Path(f))]
    gold = read_qrels(Path(qrels))
    qs = read_queries(Path(queries), keep=set(gold))
    retriever = HybridRetriever(emb, reranker=None, fusion=fusion, bm25_weight=weight, embed_fields=fields)
    names = index_claims(retriever, claims)
    emb.embed([retriever.query_text(q) for _, q in qs])
    X, y, groups, n_rel = [], [], [], []
    for qid, text in qs:
        cand = retriever.candidates(text)
        top = cand.rows[: len(cand.features)]
        X.append(cand.features)
        y.append(np.array([names[r] in gold[qid] for r in top], np.float32))
        groups.append(np.full(len(top), len(n_rel)))
        n_rel.append(len(gold[qid]))
    return np.vstack(X), np.concatenate(y), np.concatenate(groups), np.array(n_rel)


def map_at(scores: np.ndarray, y: np.ndarray, groups: np.ndarray, n_rel: np.ndarray, k: int = 5) -> float:
    """MAP@k of candidate lists ranked by ``scores`` (relevant claims never retrieved count as misses)."""
    aps = []
    for g in np.unique(groups):
        m = groups == g
        order = np.argsort(-scores[m], kind="stable")
        labels = y[m][order]
        ranked = [str(i) if lab else f"x{i}" for i, lab in enumerate(labels)]
        relevant = {str(i) for i, lab in enumerate(labels) if lab}
        relevant |= {f"missing{j}" for j in range(int(n_rel[g]) - len(relevant))}
        aps.append(average_precision(ranked, relevant, k))
    return float(np.mean(aps))


def fit(X: np.ndarray, y: np.ndarray, C: float) -> Reranker:
    """A logistic re-ranker on standardised features."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(0), X.std(0)
    scale[scale < 1e-6] = 1.0
    model = LogisticRegression(C=C, max_iter=2000).fit((X - mean) / scale, y)
    return Reranker(mean, scale, model.coef_[0], float(model.intercept_[0]))


@click.command()
@click.option("--train", "sets", nargs=3, multiple=True, required=True,
              help="CLAIMS[,CLAIMS...] QUERIES QRELS; repeat for each training split.")
@click.option("--out", type=click.Path(), default=str(SHIPPED), show_default=True)
@click.option("--fusion", default="zscore", show_default=True)
@click.option("--bm25-weight", type=float, default=0.5, show_default=True)
@click.option("--C", "c_values", default="0.01,0.1,1,10", show_default=True,
              help="Regularisation values tried by grouped cross-validation.")
@click.option("--embed-fields", default="title", show_default=True,
              help="Claim fields embedded besides the claim text (comma-separated, may be empty).")
@click.option("--cache-dir", type=click.Path(), default=None)
def main(sets, out, fusion, bm25_weight, c_values, embed_fields, cache_dir) -> None:
    """Collect candidate features on the training splits, pick C by 5-fold CV, fit, write weights."""
    logging.basicConfig(level=logging.INFO)
    emb = CachedEmbedder(get_embedder("minilm"), Path(cache_dir) if cache_dir else None)
    fields = tuple(f for f in embed_fields.split(",") if f)
    parts = [collect(emb, c.split(","), q, r, fusion, bm25_weight, fields) for c, q, r in sets]
    offset, Xs, ys, gs, rels = 0, [], [], [], []
    for X, y, g, n_rel in parts:
        Xs.append(X), ys.append(y), gs.append(g + offset), rels.append(n_rel)
        offset += len(n_rel)
    X, y, groups, n_rel = np.vstack(Xs), np.concatenate(ys), np.concatenate(gs), np.concatenate(rels)
    fused = X[:, FEATURES.index("fused")]
    click.echo(f"fused MAP@5 on training queries: {map_at(fused, y, groups, n_rel):.4f}")
    folds = np.random.default_rng(0).integers(0, 5, offset)[groups]
    best = None
    for C in (float(c) for c in c_values.split(",")):
        scores = np.zeros(len(y))
        for f in range(5):
            model = fit(X[folds != f], y[folds != f], C)
            scores[folds == f] = model.score(X[folds == f])
        cv = map_at(scores, y, groups, n_rel)
        click.echo(f"C={C:g}: cross-validated MAP@5 {cv:.4f}")
        if best is None or cv > best[1]:
            best = (C, cv)
    model = fit(X, y, best[0])
    model.meta = {"C": best[0], "cv_map@5": round(best[1], 4), "fusion": fusion,
                  "bm25_weight": bm25_weight, "embed_fields": list(fields), "n_queries": int(offset), "n_pairs": int(len(y)),
                  "trained_on": [Path(q).parent.name + "/" + Path(r).name for _, q, r in sets]}
    model.save(Path(out))
    click.echo(json.dumps(model.meta))


if __name__ == "__main__":
    main()
