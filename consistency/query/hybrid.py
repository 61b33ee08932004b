"""Hybrid claim retrieval: BM25 and dense candidates, fused, then re-ranked by a small learned model."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import numpy as np

from ..store.index import VectorIndex
from .bm25 import BM25, tokenize
from .rerank import SHIPPED, Reranker, pair_features, parse_date, query_info
from .textnorm import normalize_social, query_sentences, trailing_author, trailing_date

logger = logging.getLogger(__name__)

FUSIONS = ("zscore", "dense", "bm25")
FIELDS = ("title", "subtitle")


class Candidates:
    """The fused candidate list of one query, with everything the re-ranker looks at."""

    __slots__ = ("rows", "fused", "features")

    def __init__(self, rows: np.ndarray, fused: np.ndarray, features: np.ndarray | None) -> None:
        self.rows, self.fused, self.features = rows, fused, features


def _zscore(x: np.ndarray, ref: np.ndarray) -> np.ndarray:
    if len(ref) < 2:
        return np.zeros_like(x)
    return (x - ref.mean()) / max(float(ref.std()), 1e-6)


class HybridRetriever:
    """Find the stored claims that best match a query: BM25 + dense, fused, optionally re-ranked."""

    def __init__(
        self,
        embedder,
        *,
        reranker: str | Path | Reranker | None = "shipped",
        fusion: str = "zscore",
        bm25_weight: float = 0.5,
        depth: int = 100,
        rerank_depth: int = 50,
        normalize_queries: bool = True,
        embed_fields: tuple[str, ...] = ("title",),
        index: VectorIndex | None = None,
    ) -> None:
        if fusion not in FUSIONS:
            raise ValueError(f"unknown fusion {fusion!r}; use one of {', '.join(FUSIONS)}")
        self.embedder = embedder
        self.fusion = fusion
        self.bm25_weight = bm25_weight
        self.depth = depth
        self.rerank_depth = rerank_depth
        self.normalize_queries = normalize_queries
        self.embed_fields = tuple(f for f in embed_fields if f in FIELDS)
        if reranker == "shipped":
            reranker = Reranker.load(SHIPPED) if SHIPPED.exists() else None
        elif isinstance(reranker, (str, Path)):
            reranker = Reranker.load(Path(reranker))
        self.reranker: Reranker | None = reranker
        trained = tuple((reranker.meta if reranker else {}).get("embed_fields", self.embed_fields))
        if trained != self.embed_fields:
            logger.warning("re-ranker was trained with embedded fields %s, not %s", trained, self.embed_fields)
        self.index = index if index is not None else VectorIndex(embedder.dim)
        self.bm25 = BM25()
        self.row_ids: list[int] = []
        self.id_rows: dict[int, int] = {}
        self.texts: list[str] = []
        self.titles: list[str] = []
        self.dates: list[date | None] = []
        self._vec_chunks: list[np.ndarray] = []
        self._vecs = np.zeros((0, 3, embedder.dim), np.float16)

    def __len__(self) -> int:
        return len(self.row_ids)

    def add(
        self,
        ids: list[int],
        texts: list[str],
        vectors: np.ndarray | None = None,
        fields: list[dict] | None = None,
    ) -> None:
        """Index more claims; ``vectors`` are their text embeddings when already computed."""
        if len(ids) != len(texts) or (fields is not None and len(fields) != len(texts)):
            raise ValueError("ids, texts and fields must have the same length")
        dup = [i for i in ids if int(i) in self.id_rows]
        if dup or len(set(ids)) != len(ids):
            raise ValueError(f"ids already indexed or repeated: {sorted(set(dup))[:5] or 'repeated'}")
        if not ids:
            return
        fields = fields or [{} for _ in texts]
        if vectors is None:
            vectors = self.embedder.embed(list(texts))
        vectors = np.asarray(vectors, np.float32)
        stack = np.full((len(texts), 3, self.embedder.dim), np.nan, np.float16)
        stack[:, 0] = vectors
        for col, name in enumerate(FIELDS, start=1):
            if name not in self.embed_fields:
                continue
            rows = [i for i, f in enumerate(fields) if (f.get(name) or "").strip()]
            if rows:
                # Claims of one article share its title: embed each distinct text once.
                distinct = list(dict.fromkeys(fields[i][name] for i in rows))
                vecs = dict(zip(distinct, self.embedder.embed(distinct)))
                stack[rows, col] = np.stack([vecs[fields[i][name]] for i in rows])
        base = len(self.row_ids)
        for j, i in enumerate(ids):
            self.id_rows[int(i)] = base + j
        self.row_ids.extend(int(i) for i in ids)
        self.texts.extend(texts)
        self.titles.extend(" ".join(f.get(n) or "" for n in FIELDS).strip() for f in fields)
        self.dates.extend(parse_date(str(f.get("date") or "")) for f in fields)
        self._vec_chunks.append(stack)
        self.index.add(np.asarray(ids, np.int64), vectors)
        self.bm25.add([t + " " + title for t, title in zip(texts, self.titles[base:])])

    def _vectors(self) -> np.ndarray:
        if self._vec_chunks:
            self._vecs = np.concatenate([self._vecs, *self._vec_chunks])
            self._vec_chunks = []
        return self._vecs

    def search(self, query: str, k: int = 10) -> list[tuple[int, float]]:
        """The ``k`` best (claim id, score) pairs for ``query``, best first."""
        cand = self.candidates(query, features=self.reranker is not None)
        scores = cand.fused.astype(np.float64)
        if self.reranker is not None and len(cand.rows):
            top = min(self.rerank_depth, len(cand.rows))
            # Re-ranked candidates stay above the rest: their scores are shifted past the tail's.
            rer = self.reranker.score(cand.features[:top])
            tail = scores[top:]
            floor = float(tail.max()) + 1.0 if len(tail) else 0.0
            scores = np.concatenate([rer - rer.min() + floor, tail])
        order = np.argsort(-scores, kind="stable")[:k]
        return [(self.row_ids[int(cand.rows[i])], float(scores[i])) for i in order]

    def query_text(self, query: str) -> str:
        """The text that is actually embedded and matched for ``query``."""
        return normalize_social(query) if self.normalize_queries else query

    def candidates(self, query: str, features: bool = True) -> Candidates:
        """Fused candidates of ``query`` sorted best first, with re-ranker features for the top."""
        if not self.row_ids:
            return Candidates(np.zeros(0, np.int64), np.zeros(0), None)
        when = trailing_date(query)
        text = self.query_text(query)
        sentences = query_sentences(text) if features else []
        if sentences == [text]:
            sentences = []  # one sentence: its vector is the query's
        qvecs = self.embedder.embed([text, *sentences])
        qvec = qvecs[0]
        d_scores, d_ids = self.index.search(qvec[None, :], self.depth)
        keep = d_ids[0] >= 0
        d_rows = np.array([self.id_rows[int(i)] for i in d_ids[0][keep]], np.int64)
        d_ref = d_scores[0][keep]
        b_rows, b_ref = self.bm25.top(text, self.depth)
        rows = np.unique(np.concatenate([d_rows, b_rows]))
        vecs = self._vectors()[rows].astype(np.float32)
        cos = np.einsum("nfd,d->nf", vecs, qvec)
        dense, bm = cos[:, 0], self.bm25.score_rows(text, rows)
        rank_d = self._ranks(rows, d_rows)
        rank_b = self._ranks(rows, b_rows)
        z_d, z_b = _zscore(dense, d_ref), _zscore(bm, b_ref)
        fused = self._fuse(dense, bm, z_d, z_b)
        order = np.argsort(-fused, kind="stable")
        rows, fused = rows[order], fused[order]
        if not features:
            return Candidates(rows, fused, None)
        top = order[: self.rerank_depth]
        top_vecs = np.nan_to_num(vecs[top])  # an absent title or subtitle is NaN
        info = query_info(text, when, self.bm25.token_idf(tokenize(text)), trailing_author(query),
                          self.bm25.avgdl())
        feats = pair_features(
            info,
            [self.texts[r] for r in rows[: len(top)]],
            [self.titles[r] for r in rows[: len(top)]],
            [self.dates[r] for r in rows[: len(top)]],
            cos[top], bm[top], z_d[top], z_b[top], fused[: len(top)], rank_d[top], rank_b[top],
            np.einsum("nfd,sd->nfs", top_vecs, qvecs[1:] if sentences else qvecs).max(-1),
            top_vecs[:, 0],
        )
        return Candidates(rows, fused, feats)

    def _ranks(self, rows: np.ndarray, ranked: np.ndarray) -> np.ndarray:
        pos = {int(r): i for i, r in enumerate(ranked)}
        return np.array([pos.get(int(r), self.depth) for r in rows], np.float64)

    def _fuse(self, dense, bm, z_d, z_b) -> np.ndarray:
        """z-scored dense plus weighted z-scored BM25; "dense" and "bm25" score by one side alone."""
        if self.fusion == "dense":
            return dense.astype(np.float64)
        if self.fusion == "bm25":
            return bm.astype(np.float64)
        return z_d + self.bm25_weight * z_b
