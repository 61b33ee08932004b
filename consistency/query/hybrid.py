"""Hybrid claim retrieval: BM25 and dense candidates, fused, then re-ranked by a small learned model."""

from __future__ import annotations

import json
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

    __slots__ = ("rows", "fused", "features", "vector")

    def __init__(self, rows: np.ndarray, fused: np.ndarray, features: np.ndarray | None,
                 vector: np.ndarray | None = None) -> None:
        self.rows, self.fused, self.features, self.vector = rows, fused, features, vector


class ArrayIndex:
    """Exact inner-product search over vectors held in memory, with ``VectorIndex``'s ``add`` and ``search``.

    A store small enough for hybrid search already holds every claim vector in its search state:
    searching them here spares a cold query the FAISS import and the index file.
    """

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._ids = np.zeros(0, np.int64)
        self._vecs = np.zeros((0, dim), np.float32)
        self._pending: list[tuple[np.ndarray, np.ndarray]] = []

    def __len__(self) -> int:
        return len(self._ids) + sum(len(i) for i, _ in self._pending)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Hold more (id, vector) rows, searched after those already held."""
        self._pending.append((np.asarray(ids, np.int64), np.asarray(vectors, np.float32)))

    def search(self, vecs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, ids) per query row, best first, ties in the order rows were added."""
        if self._pending:
            self._ids = np.concatenate([self._ids, *(i for i, _ in self._pending)])
            self._vecs = np.concatenate([self._vecs, *(v for _, v in self._pending)])
            self._pending = []
        vecs = np.asarray(vecs, np.float32)
        if not len(self._ids):
            return np.zeros((len(vecs), 1), np.float32), -np.ones((len(vecs), 1), np.int64)
        k = max(1, min(k, len(self._ids)))
        scores = np.einsum("qd,nd->qn", vecs, self._vecs)  # on this thread: BLAS workers stall on a busy machine
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        out_s = np.take_along_axis(scores, top, 1)
        order = np.lexsort((top, -out_s), axis=1)
        top, out_s = np.take_along_axis(top, order, 1), np.take_along_axis(out_s, order, 1)
        return out_s, self._ids[top]


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
        index: VectorIndex | ArrayIndex | None = None,
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
        self._own_index = index is None or isinstance(index, ArrayIndex)  # fed by ``add``
        self.index = index if index is not None else VectorIndex(embedder.dim)
        self.bm25 = BM25()
        self.row_ids: list[int] = []
        self.id_rows: dict[int, int] = {}
        self.texts: list[str] = []
        self.titles: list[str] = []
        self.dates: list[date | None] = []
        # Claim vectors per row; a title is shared by an article's claims, so each field keeps a table
        # of distinct vectors and a row -> table index (-1: the row has no such field).
        self._vec_chunks: list[np.ndarray] = []
        self._text_vecs = np.zeros((0, embedder.dim), np.float16)
        self._field_rows: dict[str, list[int]] = {f: [] for f in FIELDS}
        self._field_idx: dict[str, np.ndarray] = {f: np.zeros(0, np.int32) for f in FIELDS}
        self._field_vecs: dict[str, list[np.ndarray]] = {f: [] for f in FIELDS}
        self._field_table: dict[str, np.ndarray] = {f: np.zeros((0, embedder.dim), np.float16) for f in FIELDS}
        self._field_seen: dict[str, dict[str, int]] = {f: {} for f in FIELDS}

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
        for name in FIELDS:
            self._add_field(name, [(f.get(name) or "").strip() if name in self.embed_fields else "" for f in fields])
        base = len(self.row_ids)
        for j, i in enumerate(ids):
            self.id_rows[int(i)] = base + j
        self.row_ids.extend(int(i) for i in ids)
        self.texts.extend(texts)
        self.titles.extend(" ".join(f.get(n) or "" for n in FIELDS).strip() for f in fields)
        self.dates.extend(parse_date(str(f.get("date") or "")) for f in fields)
        self._vec_chunks.append(vectors.astype(np.float16))
        if self._own_index:
            self.index.add(np.asarray(ids, np.int64), vectors)
        self.bm25.add([t + " " + title for t, title in zip(texts, self.titles[base:])])

    def _add_field(self, name: str, values: list[str]) -> None:
        """Index one field of new rows, embedding each distinct text not seen before once."""
        seen = self._field_seen[name]
        fresh = [v for v in dict.fromkeys(values) if v and v not in seen]
        if fresh:
            start = len(seen)
            seen.update((v, start + i) for i, v in enumerate(fresh))
            self._field_vecs[name].append(np.asarray(self.embedder.embed(fresh), np.float16))
        self._field_rows[name].extend(seen[v] if v else -1 for v in values)

    def _flush_vectors(self) -> None:
        if self._vec_chunks:
            self._text_vecs = np.concatenate([self._text_vecs, *self._vec_chunks])
            self._vec_chunks = []
        for name in FIELDS:
            if self._field_vecs[name]:
                self._field_table[name] = np.concatenate([self._field_table[name], *self._field_vecs[name]])
                self._field_vecs[name] = []
            if self._field_rows[name]:
                extra = np.asarray(self._field_rows[name], np.int32)
                self._field_idx[name] = np.concatenate([self._field_idx[name], extra])
                self._field_rows[name] = []

    def row_vectors(self, rows: np.ndarray) -> np.ndarray:
        """(len(rows), 3, dim) float32: text, title and subtitle vectors (NaN where a field is absent)."""
        self._flush_vectors()
        out = np.full((len(rows), 1 + len(FIELDS), self.embedder.dim), np.nan, np.float32)
        out[:, 0] = self._text_vecs[rows]
        for col, name in enumerate(FIELDS, start=1):
            idx = self._field_idx[name][rows] if len(self._field_idx[name]) else np.full(len(rows), -1)
            has = idx >= 0
            if has.any():
                out[has, col] = self._field_table[name][idx[has]]
        return out

    def state(self) -> dict[str, np.ndarray]:
        """Everything the retriever holds except the dense index, as arrays (see ``from_state``)."""
        self._flush_vectors()
        out = {"row_ids": np.asarray(self.row_ids, np.int64), "text_vecs": self._text_vecs,
               "dates": np.asarray([d.toordinal() if d else 0 for d in self.dates], np.int32),
               "embed_fields": _pack([",".join(self.embed_fields)])}
        out.update(_pack_strings("texts", self.texts))
        out.update(_pack_strings("titles", self.titles))
        for name in FIELDS:
            out[f"{name}_idx"] = self._field_idx[name]
            out[f"{name}_vecs"] = self._field_table[name]
            out.update(_pack_strings(f"{name}_seen", list(self._field_seen[name])))
        out.update({f"bm25_{k}": v for k, v in self.bm25.state().items()})
        return out

    @classmethod
    def from_state(cls, state: dict[str, np.ndarray], embedder, *, index: VectorIndex | ArrayIndex,
                   **kwargs) -> "HybridRetriever":
        """A retriever over saved ``state``, searching ``index`` for dense hits: a ``VectorIndex`` must
        hold the same rows; an empty ``ArrayIndex`` is filled with the state's own vectors."""
        fields = tuple(f for f in _unpack(state["embed_fields"])[0].split(",") if f)
        self = cls(embedder, index=index, embed_fields=fields, **kwargs)
        self.row_ids = state["row_ids"].tolist()
        self.id_rows = {r: i for i, r in enumerate(self.row_ids)}
        self.texts = _unpack_strings(state, "texts")
        self.titles = _unpack_strings(state, "titles")
        self.dates = [date.fromordinal(int(d)) if d else None for d in state["dates"]]
        self._text_vecs = state["text_vecs"]
        if isinstance(index, ArrayIndex) and not len(index):
            index.add(state["row_ids"], state["text_vecs"])
        for name in FIELDS:
            self._field_idx[name] = state[f"{name}_idx"]
            self._field_table[name] = state[f"{name}_vecs"]
            self._field_seen[name] = {t: i for i, t in enumerate(_unpack_strings(state, f"{name}_seen"))}
        self.bm25 = BM25.from_state({k[5:]: v for k, v in state.items() if k.startswith("bm25_")})
        return self

    def search(self, query: str, k: int = 10) -> list[tuple[int, float]]:
        """The ``k`` best (claim id, score) pairs for ``query``, best first."""
        return self.search_vector(query, k)[0]

    def search_vector(self, query: str, k: int = 10) -> tuple[list[tuple[int, float]], np.ndarray]:
        """``search``'s pairs and the vector the query was matched with."""
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
        return [(self.row_ids[int(cand.rows[i])], float(scores[i])) for i in order], cand.vector

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
        vecs = self.row_vectors(rows)
        cos = np.einsum("nfd,d->nf", vecs, qvec)
        dense, bm = cos[:, 0], self.bm25.score_rows(text, rows)
        rank_d = self._ranks(rows, d_rows)
        rank_b = self._ranks(rows, b_rows)
        z_d, z_b = _zscore(dense, d_ref), _zscore(bm, b_ref)
        fused = self._fuse(dense, bm, z_d, z_b)
        order = np.argsort(-fused, kind="stable")
        rows, fused = rows[order], fused[order]
        if not features:
            return Candidates(rows, fused, None, qvec)
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
        return Candidates(rows, fused, feats, qvec)

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


def _pack(strings: list[str]) -> np.ndarray:
    return np.frombuffer(json.dumps(strings).encode(), np.uint8)


def _unpack(blob: np.ndarray) -> list[str]:
    return json.loads(bytes(blob).decode())


def _pack_strings(name: str, strings: list[str]) -> dict[str, np.ndarray]:
    """Strings as one UTF-8 blob and their end offsets: arrays that load without pickle."""
    data = [s.encode() for s in strings]
    return {f"{name}_blob": np.frombuffer(b"".join(data), np.uint8) if data else np.zeros(0, np.uint8),
            f"{name}_ends": np.cumsum([len(d) for d in data], dtype=np.int64)}


def _unpack_strings(state: dict[str, np.ndarray], name: str) -> list[str]:
    blob, ends = bytes(state[f"{name}_blob"]), state[f"{name}_ends"].tolist()
    starts = [0, *ends[:-1]]
    return [blob[a:b].decode() for a, b in zip(starts, ends)]
