"""Features of a (query, candidate claim) pair and the small learned model that re-ranks them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np

from ..errors import ModelError
from ..models import model_path
from .bm25 import tokenize

SHIPPED = model_path("reranker.json")

FEATURES = (
    "cos_text", "cos_title", "cos_sub", "cos_max", "has_title", "has_sub",
    "rel_cos_text", "rel_cos_max", "gap_cos_text",
    "bm25_log", "rel_bm25", "z_dense", "z_bm25", "fused", "rel_fused",
    "rank_dense", "rank_bm25", "rank_fused",
    "cover_claim", "cover_query", "cover_title", "num_match", "num_miss", "cap_overlap",
    "has_dates", "date_gap", "claim_before",
    "bm25_claim", "bm25_title", "idf_cover", "idf_max", "bigram_cover", "bigram_count",
    "query_len", "has_author", "author_match",
    "sent_cos_text", "sent_cos_title", "rel_sent_text", "rel_sent_title", "sent_gain",
    "dup_better", "dup_count", "dup_max",
)

_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_CAP = re.compile(r"\b[A-Z][a-zA-Z]+")
_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%Y-%m-%d")


def parse_date(text: str | None) -> date | None:
    """A calendar date from "26 May 2015", "May 26, 2015" or ISO text; None when unparseable."""
    if not text:
        return None
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text[:30] if fmt != "%Y-%m-%d" else text[:10], fmt).date()
        except ValueError:
            continue
    return None


@dataclass(slots=True)
class QueryInfo:
    """What the features need to know about one query, computed once."""

    tokens: set[str]
    numbers: set[str]
    caps: set[str]
    when: date | None
    idf: dict[str, float]
    bigrams: set[tuple[str, str]]
    author: set[str]
    avgdl: float = 1.0


def _bigrams(toks: list[str]) -> set[tuple[str, str]]:
    return set(zip(toks, toks[1:]))


def query_info(text: str, when: date | None, idf: dict[str, float] | None = None,
               author: str = "", avgdl: float = 1.0) -> QueryInfo:
    """What the features need of a normalised query; ``idf`` maps its tokens to their idf."""
    toks = tokenize(text)
    return QueryInfo(set(toks), set(_NUM.findall(text)), {c.lower() for c in _CAP.findall(text)}, when,
                     idf if idf is not None else dict.fromkeys(toks, 1.0), _bigrams(toks),
                     set(tokenize(author)), avgdl)


def _field_bm25(q: QueryInfo, toks: list[str], k1: float = 1.2, b: float = 0.75) -> float:
    """BM25 of one field against the query, with the collection's idf and mean length."""
    if not toks:
        return 0.0
    tf: dict[str, int] = {}
    for t in toks:
        if t in q.tokens:
            tf[t] = tf.get(t, 0) + 1
    norm = k1 * (1 - b + b * len(toks) / q.avgdl)
    return sum(q.idf.get(t, 0.0) * f * (k1 + 1) / (f + norm) for t, f in tf.items())


def _rank_feature(rank: np.ndarray) -> np.ndarray:
    return 1.0 / np.log2(rank + 2.0)


def _near_copies(vecs: np.ndarray, fused: np.ndarray) -> np.ndarray:
    """Per candidate: its best cosine to a better-fused candidate, its count of near copies
    (cosine > 0.9) and its best cosine to any other candidate."""
    # Collections hold the same claim checked more than once, under other ids and wordings: how
    # a candidate sits among such copies in the pool tells how crowded its topic is.
    # einsum keeps this small product on the calling thread: a BLAS call here wakes BLAS worker
    # threads, which cost a query milliseconds whenever the other cores are busy.
    sim = np.einsum("id,jd->ij", vecs, vecs)
    np.fill_diagonal(sim, -1.0)
    better = fused[None, :] > fused[:, None]
    return np.stack([np.where(better, sim, -1.0).max(1), (sim > 0.9).sum(1), sim.max(1)], axis=1)


def pair_features(
    q: QueryInfo,
    docs: list[str],
    titles: list[str],
    dates: list[date | None],
    cos: np.ndarray,
    bm25: np.ndarray,
    z_dense: np.ndarray,
    z_bm25: np.ndarray,
    fused: np.ndarray,
    rank_dense: np.ndarray,
    rank_bm25: np.ndarray,
    sent_cos: np.ndarray | None = None,
    text_vecs: np.ndarray | None = None,
) -> np.ndarray:
    """One feature row per candidate.

    ``cos`` has columns text, title, subtitle (NaN when absent); ``sent_cos`` holds, for the
    text and title columns, the best cosine of any one query sentence (``cos`` when omitted);
    ``text_vecs`` holds the candidates' normalised text vectors (the ``dup_*`` columns stay 0
    without them).
    """
    n = len(docs)
    has = ~np.isnan(cos)
    c = np.where(has, cos, 0.0)
    cmax = np.max(np.where(has, cos, -1.0), axis=1)
    order = np.argsort(-fused, kind="stable")
    rank_fused = np.empty(n)
    rank_fused[order] = np.arange(n)
    out = np.zeros((n, len(FEATURES)), np.float32)
    out[:, 0:3] = c
    out[:, 3] = cmax
    out[:, 4] = has[:, 1]
    out[:, 5] = has[:, 2]
    out[:, 6] = c[:, 0] - c[:, 0].max()
    out[:, 7] = cmax - cmax.max()
    second = np.sort(c[:, 0])[-2] if n > 1 else c[0, 0]
    out[:, 8] = c[:, 0] - second
    out[:, 9] = np.log1p(bm25)
    out[:, 10] = bm25 / max(float(bm25.max()), 1e-6)
    out[:, 11] = z_dense
    out[:, 12] = z_bm25
    out[:, 13] = fused
    out[:, 14] = fused - fused.max()
    out[:, 15] = _rank_feature(rank_dense)
    out[:, 16] = _rank_feature(rank_bm25)
    out[:, 17] = _rank_feature(rank_fused)
    q_idf = sum(q.idf.get(t, 0.0) for t in q.tokens)
    q_max = max((q.idf.get(t, 0.0) for t in q.tokens), default=0.0)
    # A tweet often wraps the claim in comment ("Unbelievable. <claim>. Share!"): its best
    # sentence can match the claim better than the whole text does.
    best = c[:, :2] if sent_cos is None else np.nan_to_num(sent_cos[:, :2])
    out[:, 36:38] = best
    out[:, 38:40] = best - best.max(0)
    out[:, 40] = best[:, 0] - c[:, 0]
    if text_vecs is not None and n > 1:
        out[:, 41:44] = _near_copies(np.asarray(text_vecs, np.float32), fused)
    out[:, 33] = np.log1p(len(q.tokens))
    out[:, 34] = bool(q.author)
    for i, (doc, title, when) in enumerate(zip(docs, titles, dates)):
        dl, tl = tokenize(doc), tokenize(title)
        dt, tt = set(dl), set(tl)
        both = dt | tt
        out[i, 27] = np.log1p(_field_bm25(q, dl))
        out[i, 28] = np.log1p(_field_bm25(q, tl))
        matched = q.tokens & both
        if q_idf > 0:
            out[i, 29] = sum(q.idf.get(t, 0.0) for t in matched) / q_idf
        if q_max > 0:
            out[i, 30] = max((q.idf.get(t, 0.0) for t in matched), default=0.0) / q_max
        shared = len(q.bigrams & (_bigrams(dl) | _bigrams(tl)))
        if q.bigrams:
            out[i, 31] = shared / len(q.bigrams)
        out[i, 32] = np.log1p(shared)
        if q.author:
            out[i, 35] = len(q.author & both) / len(q.author)
        if dt:
            out[i, 18] = len(q.tokens & dt) / len(dt)
        if q.tokens:
            out[i, 19] = len(q.tokens & (dt | tt)) / len(q.tokens)
        if tt:
            out[i, 20] = len(q.tokens & tt) / len(tt)
        nums = set(_NUM.findall(doc + " " + title))
        out[i, 21] = len(nums & q.numbers) > 0
        out[i, 22] = len(nums - q.numbers) > 0
        caps = {w.lower() for w in _CAP.findall(doc + " " + title)}
        if caps:
            out[i, 23] = len(caps & q.caps) / len(caps)
        if when is not None and q.when is not None:
            gap = (when - q.when).days
            out[i, 24] = 1.0
            out[i, 25] = np.log1p(abs(gap)) / 10.0
            out[i, 26] = gap < -3
    return out


class Reranker:
    """A linear scorer over pair features, stored as JSON."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, intercept: float,
                 features: tuple[str, ...] = FEATURES, meta: dict | None = None) -> None:
        if tuple(features) != FEATURES or not (len(mean) == len(scale) == len(coef) >= len(FEATURES)):
            raise ModelError("re-ranker weights were trained on other features; retrain them with scripts/train_reranker.py")
        self.mean, self.scale, self.coef, self.intercept = mean, scale, coef, intercept
        self.meta = meta or {}

    @property
    def width(self) -> int:
        """How many leading feature columns the weights read."""
        return len(self.coef)

    def score(self, feats: np.ndarray) -> np.ndarray:
        """Relevance score of each feature row (higher is better)."""
        if feats.shape[1] < self.width:
            raise ValueError(f"re-ranker reads {self.width} feature columns, got {feats.shape[1]}")
        return ((feats[:, : self.width] - self.mean) / self.scale) @ self.coef + self.intercept

    def save(self, path: Path) -> None:
        """Write the weights as JSON."""
        def floats(a: np.ndarray) -> list[float]:
            return [float(f"{x:.6g}") for x in np.asarray(a, np.float64)]

        data = {"features": list(FEATURES), "meta": self.meta, "intercept": float(self.intercept),
                "mean": floats(self.mean), "scale": floats(self.scale), "coef": floats(self.coef)}
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(data) + "\n")

    @classmethod
    def load(cls, path: Path = SHIPPED) -> "Reranker":
        """Read weights written by ``save``."""
        d = json.loads(Path(path).read_text())
        return cls(np.asarray(d["mean"]), np.asarray(d["scale"]), np.asarray(d["coef"]),
                   float(d["intercept"]), tuple(d["features"]), d.get("meta"))
