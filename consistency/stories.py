"""Group articles into stories (reports of the same real-world event), incrementally.

Each story keeps the sum of its articles' dense vectors and the sum of their L2-normalised
tf-idf vectors (hashed content words). A new article is scored against every live story as
``dense_weight * dense + lexical_weight * lexical`` where, with the default average linkage,
each part is the mean cosine between the article and the story's members (the summed vector
divided by the story size, so a story that has grown diffuse does not keep attracting
articles), minus a soft penalty when the article lies far in time from the story. It joins the
best story when the score clears ``threshold`` and opens a new one otherwise. After each batch,
stories touched by the batch are merged into stories they now resemble; merged ids are kept in
``merged_into`` so an id handed out earlier always resolves (``resolve``). Cost per article is
linear in the number of stories.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Sequence

import numpy as np

from .records import Article

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d[\d,.]*\d|\d", re.UNICODE)
_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’')\]]))\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
_LEX_DIM = 1 << 18
STATE_VERSION = 1


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {
        "said", "says", "say", "told", "according", "reported", "reports", "news", "year",
        "years", "new", "just", "like", "also", "would", "could", "one", "two", "people",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "week", "day", "today", "yesterday", "time", "percent", "mr", "mrs", "ms",
    }


_STOP: frozenset[str] | None = None


def split_sentences(text: str) -> list[str]:
    """Split article text into sentences on line breaks and sentence-final punctuation."""
    return [s.strip() for s in _SENT.split(text) if s and s.strip()]


def lexical_terms(text: str) -> Counter[int]:
    """Hashed counts of the content words of ``text`` (lowercased, stop words dropped)."""
    global _STOP
    if _STOP is None:
        _STOP = _stop_words()
    counts: Counter[int] = Counter()
    for tok in _WORD.findall(text.casefold()):
        tok = tok.replace("’", "'")
        if tok.endswith("'s"):
            tok = tok[:-2]
        if len(tok) < 3 or tok in _STOP:
            continue
        h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=8).digest(), "little")
        counts[h % _LEX_DIM] += 1
    return counts


def article_vectors(
    articles: Sequence[Article], embedder: Any, lead_sentences: int = 4
) -> np.ndarray:
    """One L2-normalised vector per article: the title plus its lead, embedded as one text."""
    texts = []
    for a in articles:
        sents = split_sentences(a.text)
        if sents and a.title and sents[0].strip() == a.title.strip():
            sents = sents[1:]
        texts.append(" ".join([a.title, *sents[:lead_sentences]]).strip() or a.text[:1000])
    vecs = np.asarray(embedder.embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


@dataclass
class _Story:
    id: str
    centroid: np.ndarray  # sum of member vectors (unnormalised)
    terms: dict[int, float]  # summed sublinear term weights
    n: int
    first: str  # ISO timestamps of the earliest and latest member
    last: str
    members: list[str] = field(default_factory=list)


class StoryClusterer:
    """Incremental, order-stable clustering of articles into stories."""

    def __init__(
        self,
        threshold: float = 0.22,
        window_days: float = 7.0,
        dense_weight: float = 0.5,
        lexical_weight: float = 0.5,
        merge_threshold: float | None = 0.2,
        time_penalty: float = 0.05,
        max_profile_terms: int = 400,
        linkage: str = "average",
        merge_every: int = 5,
    ) -> None:
        if linkage not in ("average", "centroid"):
            raise ValueError(f"linkage must be 'average' or 'centroid', got {linkage!r}")
        self.threshold = threshold
        self.window_days = window_days
        self.dense_weight = dense_weight
        self.lexical_weight = lexical_weight
        self.merge_threshold = threshold if merge_threshold is None else merge_threshold
        self.time_penalty = time_penalty
        self.max_profile_terms = max_profile_terms
        self.linkage = linkage
        self.merge_every = merge_every
        self.stories: dict[str, _Story] = {}
        self.merged_into: dict[str, str] = {}
        self.df: Counter[int] = Counter()
        self.n_docs = 0
        self.dim: int | None = None
        self._norms: dict[str, float] = {}

    # -- public -----------------------------------------------------------------------------

    def assign(self, articles: Sequence[Article], vectors: np.ndarray) -> list[str]:
        """Give each article a story id, joining existing stories or opening new ones."""
        if len(articles) != len(vectors):
            raise ValueError(f"{len(articles)} articles but {len(vectors)} vectors")
        if not articles:
            return []
        vectors = np.asarray(vectors, dtype=np.float32)
        if self.dim is None:
            self.dim = int(vectors.shape[1])
        elif vectors.shape[1] != self.dim:
            raise ValueError(f"vectors have dimension {vectors.shape[1]}, stories use {self.dim}")
        counts = [lexical_terms(f"{a.title}\n{a.text}") for a in articles]
        for c in counts:
            self.df.update(c.keys())
        self.n_docs += len(articles)
        bags = [self._tfidf(c) for c in counts]
        ids: list[str] = [""] * len(articles)
        touched: list[str] = []
        order = sorted(range(len(articles)), key=lambda i: articles[i].published)
        for i in order:
            art, vec, bag = articles[i], vectors[i], bags[i]
            best, best_score = None, -1.0
            if self.stories:
                scores = self._scores(vec, bag, art.published)
                j = int(np.argmax(scores[1]))
                best, best_score = scores[0][j], float(scores[1][j])
            if best is not None and best_score >= self.threshold:
                self._add(self.stories[best], art, vec, bag)
                ids[i] = best
            else:
                story = self._open(art, vec, bag)
                ids[i] = story.id
            if ids[i] not in touched:
                touched.append(ids[i])
            # merging as the batch goes, not only at its end, keeps results independent of
            # how a night's articles are split into batches
            if self.merge_every and len(touched) >= self.merge_every:
                self._merge_pass(touched)
                touched = []
        self._merge_pass(touched)
        return [self.resolve(s) for s in ids]

    def resolve(self, story_id: str) -> str:
        """The live story an id now belongs to (itself unless it was merged)."""
        seen = set()
        while story_id in self.merged_into and story_id not in seen:
            seen.add(story_id)
            story_id = self.merged_into[story_id]
        return story_id

    def to_dict(self) -> dict:
        """JSON-serialisable state."""
        return {
            "version": STATE_VERSION,
            "params": {
                "threshold": self.threshold,
                "window_days": self.window_days,
                "dense_weight": self.dense_weight,
                "lexical_weight": self.lexical_weight,
                "merge_threshold": self.merge_threshold,
                "time_penalty": self.time_penalty,
                "max_profile_terms": self.max_profile_terms,
                "linkage": self.linkage,
                "merge_every": self.merge_every,
            },
            "dim": self.dim,
            "n_docs": self.n_docs,
            "df": {str(k): v for k, v in self.df.items()},
            "merged_into": dict(self.merged_into),
            "stories": [
                {
                    "id": s.id,
                    "centroid": [round(float(x), 6) for x in s.centroid],
                    "terms": {str(k): round(v, 4) for k, v in s.terms.items()},
                    "n": s.n,
                    "first": s.first,
                    "last": s.last,
                    "members": list(s.members),
                }
                for s in self.stories.values()
            ],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "StoryClusterer":
        """Rebuild a clusterer from ``to_dict`` output."""
        if d.get("version") != STATE_VERSION:
            raise ValueError(f"story state version {d.get('version')!r}; expected {STATE_VERSION}")
        sc = cls(**d["params"])
        sc.dim = d["dim"]
        sc.n_docs = int(d["n_docs"])
        sc.df = Counter({int(k): int(v) for k, v in d["df"].items()})
        sc.merged_into = dict(d["merged_into"])
        for s in d["stories"]:
            sc.stories[s["id"]] = _Story(
                id=s["id"],
                centroid=np.asarray(s["centroid"], dtype=np.float32),
                terms={int(k): float(v) for k, v in s["terms"].items()},
                n=int(s["n"]),
                first=s["first"],
                last=s["last"],
                members=list(s["members"]),
            )
        return sc

    # -- scoring ----------------------------------------------------------------------------

    def _idf(self, term: int) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def _tfidf(self, counts: Counter[int]) -> dict[int, float]:
        """Sublinear tf times idf as known now, L2-normalised (the idf is frozen into profiles)."""
        w = {t: (1.0 + math.log(c)) * self._idf(t) for t, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        return {t: x / norm for t, x in w.items()}

    def _denominator(self, story: _Story, dense: bool) -> float:
        """Average linkage divides by the size; centroid linkage by the summed vector's norm."""
        if self.linkage == "average":
            return float(story.n)
        if dense:
            return float(np.linalg.norm(story.centroid)) or 1.0
        norm = self._norms.get(story.id)
        if norm is None:
            norm = self._norms[story.id] = math.sqrt(sum(x * x for x in story.terms.values()))
        return norm or 1.0

    def _lexical(self, a: _Story, b: _Story) -> float:
        ta, tb = (a.terms, b.terms) if len(a.terms) <= len(b.terms) else (b.terms, a.terms)
        dot = sum(v * tb.get(t, 0.0) for t, v in ta.items())
        return dot / (self._denominator(a, False) * self._denominator(b, False))

    def _time_gap(self, story: _Story, when: datetime) -> float:
        """Days between ``when`` and the story's span (0 inside it)."""
        first, last = datetime.fromisoformat(story.first), datetime.fromisoformat(story.last)
        try:
            if when < first:
                return (first - when).total_seconds() / 86400
            if when > last:
                return (when - last).total_seconds() / 86400
        except TypeError:  # naive against aware timestamps: no time signal
            return 0.0
        return 0.0

    def _penalty(self, gap_days: float) -> float:
        if gap_days <= self.window_days or self.window_days <= 0:
            return 0.0
        return self.time_penalty * min(1.0, (gap_days - self.window_days) / self.window_days)

    def _scores(
        self, vec: np.ndarray, bag: dict[int, float], when: datetime
    ) -> tuple[list[str], np.ndarray]:
        ids = list(self.stories)
        stories = [self.stories[s] for s in ids]
        cents = np.stack([s.centroid for s in stories])
        dense = cents @ vec / np.array([self._denominator(s, True) for s in stories])
        lex = np.zeros(len(ids), dtype=np.float32)
        for k, story in enumerate(stories):
            # loop over the article's terms only: the story profile is looked up, not scanned
            terms = story.terms
            dot = sum(v * terms.get(t, 0.0) for t, v in bag.items())
            if dot:
                lex[k] = dot / self._denominator(story, False)
        scores = self.dense_weight * dense + self.lexical_weight * lex
        for k, sid in enumerate(ids):
            scores[k] -= self._penalty(self._time_gap(self.stories[sid], when))
        return ids, scores

    # -- updates ----------------------------------------------------------------------------

    def _open(self, art: Article, vec: np.ndarray, bag: dict[int, float]) -> _Story:
        sid = _story_id(art.id, self.stories, self.merged_into)
        when = art.published.isoformat()
        story = _Story(sid, vec.astype(np.float32).copy(), dict(bag), 1, when, when, [art.id])
        self.stories[sid] = story
        return story

    def _add(self, story: _Story, art: Article, vec: np.ndarray, bag: dict[int, float]) -> None:
        story.centroid = story.centroid + vec
        self._norms.pop(story.id, None)
        for t, v in bag.items():
            story.terms[t] = story.terms.get(t, 0.0) + v
        self._trim(story)
        story.n += 1
        story.members.append(art.id)
        when = art.published.isoformat()
        story.first, story.last = _span(story.first, story.last, when)

    def _trim(self, story: _Story) -> None:
        if len(story.terms) > self.max_profile_terms * 2:
            keep = sorted(story.terms.items(), key=lambda kv: -kv[1])[: self.max_profile_terms]
            story.terms = dict(keep)

    def _story_pair_score(self, a: _Story, b: _Story) -> float:
        ca, cb = a.centroid, b.centroid
        dense = float(ca @ cb) / (self._denominator(a, True) * self._denominator(b, True))
        lex = self._lexical(a, b)
        gap = self._time_gap(a, datetime.fromisoformat(b.first))
        gap = min(gap, self._time_gap(a, datetime.fromisoformat(b.last)))
        return self.dense_weight * dense + self.lexical_weight * lex - self._penalty(gap)

    def _merge_pass(self, touched: list[str]) -> None:
        """Merge stories touched by this batch into the stories they now resemble."""
        for sid in touched:
            sid = self.resolve(sid)
            if sid not in self.stories:
                continue
            src = self.stories[sid]
            best, best_score = None, self.merge_threshold
            for other in self.stories.values():
                if other.id == sid:
                    continue
                score = self._story_pair_score(src, other)
                if score >= best_score:
                    best, best_score = other, score
            if best is None:
                continue
            keep, drop = (best, src) if best.n >= src.n else (src, best)
            self._absorb(keep, drop)

    def _absorb(self, keep: _Story, drop: _Story) -> None:
        keep.centroid = keep.centroid + drop.centroid
        self._norms.pop(keep.id, None)
        self._norms.pop(drop.id, None)
        for t, v in drop.terms.items():
            keep.terms[t] = keep.terms.get(t, 0.0) + v
        self._trim(keep)
        keep.n += drop.n
        keep.members.extend(drop.members)
        keep.first, keep.last = _span(keep.first, keep.last, drop.first)
        keep.first, keep.last = _span(keep.first, keep.last, drop.last)
        del self.stories[drop.id]
        self.merged_into[drop.id] = keep.id
        logger.debug("merged story %s into %s", drop.id, keep.id)


def _span(first: str, last: str, when: str) -> tuple[str, str]:
    try:
        return min(first, when, key=datetime.fromisoformat), max(
            last, when, key=datetime.fromisoformat)
    except TypeError:
        return first, last


def _story_id(article_id: str, stories: dict, merged: dict) -> str:
    base = "story-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]
    sid, k = base, 1
    while sid in stories or sid in merged:
        k += 1
        sid = f"{base}-{k}"
    return sid
