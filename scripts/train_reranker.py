"""Train the claim re-ranker on CheckThat! training splits and write its JSON weights.

The model is linear, fitted with a softmax loss over each query's candidate list (the
relevant claim should beat its own competitors, not a global threshold). Claims whose text
is identical to a relevant claim's once case and punctuation are ignored (collections hold
such copies under other ids) count as relevant while training, so the model is not asked to
separate two copies of one text.

The 2020 train and dev tweets are the 2021 train tweets, matched against another collection,
and the 2020 test tweets are the 2021 dev tweets. Any held-out check must therefore keep a
tweet out in every collection at once: ``--cv K`` does K-fold cross-validation grouped by the
tweet's text across all ``--train`` splits and prints MAP@5 per split; ``--l2`` and the
features were chosen that way. The shipped model:
    B=../shared/bench
    python3 scripts/train_reranker.py \
        --train $B/clef2020-claim-retrieval/v3.0/verified_claims.docs.tsv \
                $B/clef2020-claim-retrieval/v3.0/train/tweets.queries.tsv \
                $B/clef2020-claim-retrieval/v3.0/train/tweet-vclaim-pairs.qrels \
        --train $B/clef2020-claim-retrieval/v3.0/verified_claims.docs.tsv \
                $B/clef2020-claim-retrieval/v3.0/dev/tweets.queries.tsv \
                $B/clef2020-claim-retrieval/v3.0/dev/tweet-vclaim-pairs.qrels \
        --train "$B/clef2021-claim-retrieval/vclaims.part1.jsonl,$B/clef2021-claim-retrieval/vclaims.part2.jsonl" \
                $B/clef2021-claim-retrieval/tweets-train-dev.tsv $B/clef2021-claim-retrieval/qrels-train.tsv
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from pathlib import Path

import click
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.checkthat import (  # noqa: E402
    CachedEmbedder,
    average_precision,
    index_claims,
    read_claims,
    read_qrels,
    read_queries,
)
from bench.listwise import fit_listwise  # noqa: E402
from consistency.embed import get_embedder  # noqa: E402
from consistency.query.hybrid import HybridRetriever  # noqa: E402
from consistency.query.rerank import FEATURES, SHIPPED, Reranker  # noqa: E402

logger = logging.getLogger("train_reranker")


def collect(emb, claim_files: list[str], queries: str, qrels: str, fusion: str, weight: float,
            fields: tuple[str, ...]):
    """Feature rows, labels and query groups for every training query with qrels."""
    claims = [c for f in claim_files for c in read_claims(Path(f))]
    copies: dict[str, set[str]] = {}
    for c in claims:
        copies.setdefault(_text_key(c.text), set()).add(c.id)
    texts = {c.id: c.text for c in claims}
    gold = read_qrels(Path(qrels))
    qs = read_queries(Path(queries), keep=set(gold))
    retriever = HybridRetriever(emb, reranker=None, fusion=fusion, bm25_weight=weight, embed_fields=fields)
    names = index_claims(retriever, claims)
    emb.embed([retriever.query_text(q) for _, q in qs])
    X, y, groups, n_rel, keys = [], [], [], [], []
    for qid, text in qs:
        cand = retriever.candidates(text)
        top = cand.rows[: len(cand.features)]
        X.append(cand.features)
        same = set().union(*(copies[_text_key(texts[g])] for g in gold[qid] if g in texts))
        y.append(np.array([names[r] in gold[qid] or names[r] in same for r in top], np.float32))
        groups.append(np.full(len(top), len(n_rel)))
        n_rel.append(len(gold[qid]))
        keys.append(_text_key(text))
    return np.vstack(X), np.concatenate(y), np.concatenate(groups), np.array(n_rel), keys


def _text_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def tweet_folds(keys: list[str], k: int) -> np.ndarray:
    """A fold per query from its text, so one tweet falls in the same fold in every split."""
    return np.array([int(hashlib.sha1(key[:120].encode()).hexdigest()[:8], 16) % k for key in keys])


def cross_validate(parts: list[tuple], k: int, l2: float) -> list[float]:
    """MAP@5 of each split's queries, each scored by a model fitted without their fold."""
    folds = [tweet_folds(p[4], k) for p in parts]
    scores: list[list[tuple[float, int]]] = [[] for _ in parts]
    for f in range(k):
        train = [_select(p, fold != f) for p, fold in zip(parts, folds)]
        model = fit(*_stack(train)[:3], l2)
        for i, (p, fold) in enumerate(zip(parts, folds)):
            held = _select(p, fold == f)
            scores[i].append((map_at(model.score(held[0]), held[1], held[2], held[3]), len(held[3])))
    return [sum(m * n for m, n in s) / sum(n for _, n in s) for s in scores]


def _select(part: tuple, queries: np.ndarray) -> tuple:
    X, y, groups, n_rel, keys = part
    kept = np.flatnonzero(queries)
    rows = np.isin(groups, kept)
    renumber = np.full(len(n_rel), -1)
    renumber[kept] = np.arange(len(kept))
    return X[rows], y[rows], renumber[groups[rows]], n_rel[kept], [keys[i] for i in kept]


def _stack(parts: list[tuple]) -> tuple:
    offset, Xs, ys, gs, rels = 0, [], [], [], []
    for X, y, g, n_rel, _ in parts:
        Xs.append(X), ys.append(y), gs.append(g + offset), rels.append(n_rel)
        offset += len(n_rel)
    return np.vstack(Xs), np.concatenate(ys), np.concatenate(gs), np.concatenate(rels)


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


def fit(X: np.ndarray, y: np.ndarray, groups: np.ndarray, l2: float) -> Reranker:
    """A linear re-ranker on standardised features, by softmax loss over each query's candidates."""
    return Reranker(*fit_listwise(X, y, groups, l2), 0.0)


@click.command()
@click.option("--train", "sets", nargs=3, multiple=True, required=True,
              help="CLAIMS[,CLAIMS...] QUERIES QRELS; repeat for each training split.")
@click.option("--out", type=click.Path(), default=str(SHIPPED), show_default=True)
@click.option("--fusion", default="zscore", show_default=True)
@click.option("--bm25-weight", type=float, default=0.5, show_default=True)
@click.option("--l2", type=float, default=3.0, show_default=True,
              help="Ridge penalty on the standardised weights (picked by --cv 5).")
@click.option("--embed-fields", default="title", show_default=True,
              help="Claim fields embedded besides the claim text (comma-separated, may be empty).")
@click.option("--cache-dir", type=click.Path(), default=None)
@click.option("--cv", "folds", type=int, default=0,
              help="Cross-validate with this many tweet-grouped folds and print MAP@5, instead of training.")
def main(sets, out, fusion, bm25_weight, l2, embed_fields, cache_dir, folds) -> None:
    """Collect candidate features on the training splits, fit the re-ranker, write its weights."""
    logging.basicConfig(level=logging.INFO)
    emb = CachedEmbedder(get_embedder("minilm"), Path(cache_dir) if cache_dir else None)
    fields = tuple(f for f in embed_fields.split(",") if f)
    parts = [collect(emb, c.split(","), q, r, fusion, bm25_weight, fields) for c, q, r in sets]
    if folds:
        names = [Path(q).parent.name + "/" + Path(r).name for _, q, r in sets]
        result = {"folds": folds, "l2": l2, "map@5": dict(zip(names, (round(m, 4) for m in cross_validate(parts, folds, l2))))}
        click.echo(json.dumps(result))
        return
    X, y, groups, n_rel = _stack(parts)
    offset = len(n_rel)
    fused = X[:, FEATURES.index("fused")]
    click.echo(f"fused MAP@5 on training queries: {map_at(fused, y, groups, n_rel):.4f}")
    model = fit(X, y, groups, l2)
    train_map = map_at(model.score(X), y, groups, n_rel)
    click.echo(f"re-ranked MAP@5 on training queries: {train_map:.4f}")
    model.meta = {"loss": "listwise softmax", "l2": l2, "train_map@5": round(train_map, 4),
                  "fusion": fusion, "bm25_weight": bm25_weight, "embed_fields": list(fields),
                  "n_queries": int(offset), "n_pairs": int(len(y)), "n_columns": int(X.shape[1]),
                  "trained_on": [Path(q).parent.name + "/" + Path(r).name for _, q, r in sets]}
    model.save(Path(out))
    click.echo(json.dumps(model.meta))


if __name__ == "__main__":
    main()
