"""Features of a (query, candidate claim) pair and the small learned model that re-ranks them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np

from .retrieval_bm25 import tokenize

SHIPPED = Path(__file__).parent / "models" / "reranker.json"

FEATURES = (
    "cos_text", "cos_title", "cos_sub", "cos_max", "has_title", "has_sub",
    "rel_cos_text", "rel_cos_max", "gap_cos_text",
    "bm25_log", "rel_bm25", "z_dense", "z_bm25", "fused", "rel_fused",
    "rank_dense", "rank_bm25", "rank_fused",
    "cover_claim", "cover_query", "cover_title", "num_match", "num_miss", "cap_overlap",
    "has_dates", "date_gap", "claim_before",
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


def query_info(text: str, when: date | None) -> QueryInfo:
    """Token, number and capitalised-word sets of a normalised query."""
    return QueryInfo(set(tokenize(text)), set(_NUM.findall(text)), {c.lower() for c in _CAP.findall(text)}, when)


def _rank_feature(rank: np.ndarray) -> np.ndarray:
    return 1.0 / np.log2(rank + 2.0)


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
) -> np.ndarray:
    """One feature row per candidate; ``cos`` has columns text, title, subtitle (NaN when absent)."""
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
    for i, (doc, title, when) in enumerate(zip(docs, titles, dates)):
        dt = set(tokenize(doc))
        tt = set(tokenize(title))
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
    """A logistic model over pair features, stored as plain JSON weights."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, intercept: float,
                 features: tuple[str, ...] = FEATURES, meta: dict | None = None) -> None:
        if tuple(features) != FEATURES:
            raise ValueError("re-ranker weights were trained on other features; retrain them")
        self.mean, self.scale, self.coef, self.intercept = mean, scale, coef, intercept
        self.meta = meta or {}

    def score(self, feats: np.ndarray) -> np.ndarray:
        """Relevance log-odds of each feature row."""
        return ((feats - self.mean) / self.scale) @ self.coef + self.intercept

    def save(self, path: Path) -> None:
        """Write the weights as JSON."""
        data = {"features": list(FEATURES), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": float(self.intercept), "meta": self.meta}
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(data, indent=1) + "\n")

    @classmethod
    def load(cls, path: Path = SHIPPED) -> "Reranker":
        """Read weights written by ``save``."""
        d = json.loads(Path(path).read_text())
        return cls(np.asarray(d["mean"]), np.asarray(d["scale"]), np.asarray(d["coef"]),
                   float(d["intercept"]), tuple(d["features"]), d.get("meta"))
