"""Group stories into threads: the stories of one ongoing subject, each story still one event.

Two earthquakes in one region, or two hearings on one bill, are two stories (two events) and
one thread. A thread is scored against a story as a story is against an article: by average
linkage over all pairs of their articles, read off the summed profiles the story clusterer
keeps (dense vector, content words, names, written dates). Only the weights differ: they were
fitted on pairs of articles labelled same subject or not (ECB+ topics, each holding two events
of one kind; ``scripts/train_threads.py``), and they leave out the publication gap, which ECB+
cannot teach (its articles carry no dates).

Linking is incremental, like story clustering: a story without a thread joins the best thread
when the score clears ``threshold`` and opens its own otherwise; a story that is still alone
in its thread is linked again whenever it changes, since a story of one article says little
about its subject. A story in a thread with others keeps it. A story merged away leaves its
thread; the thread of the story it merged into stays.
"""

from __future__ import annotations

import hashlib
import math
from typing import Iterable

import numpy as np

from ..scores import cosines
from .cluster import Story, StoryClusterer

__all__ = ["ThreadLinker", "THREAD_FEATURES", "THREAD_WEIGHTS"]

THREAD_FEATURES = ("dense", "words", "names", "dates")
# Log-odds that two articles report one subject, fitted by scripts/train_threads.py on the odd
# ECB+ topics, which also chose the default bar.
THREAD_WEIGHTS: dict[str, float] = {"bias": -8.142, "dense": 14.0, "words": 24.054, "names": 12.894,
                                    "dates": -5.462}


class ThreadLinker:
    """Incremental grouping of a story clusterer's live stories into threads."""

    def __init__(self, threshold: float = -1.0, weights: dict[str, float] | None = None,
                 candidates: int = 64) -> None:
        weights = dict(THREAD_WEIGHTS if weights is None else weights)
        missing = [k for k in ("bias", *THREAD_FEATURES) if k not in weights]
        if missing:
            raise ValueError(f"weights lack {', '.join(missing)}; give bias and {', '.join(THREAD_FEATURES)}")
        self.threshold = threshold
        self.weights = weights
        self.candidates = candidates
        self.thread_of: dict[str, str] = {}  # story id -> thread id

    def params(self) -> dict:
        """The constructor arguments this linker runs with."""
        return {"threshold": self.threshold, "weights": dict(self.weights), "candidates": self.candidates}

    @classmethod
    def from_state(cls, params: dict | None, thread_of: dict[str, str]) -> "ThreadLinker":
        """A linker with stored parameters (the defaults when None) and story-to-thread links."""
        linker = cls(**params) if params else cls()
        linker.thread_of = {s: t for s, t in thread_of.items() if t}
        return linker

    def members(self) -> dict[str, list[str]]:
        """Thread id -> its story ids."""
        out: dict[str, list[str]] = {}
        for story, thread in self.thread_of.items():
            out.setdefault(thread, []).append(story)
        return out

    def link(self, clusterer: StoryClusterer, touched: Iterable[str] = ()) -> dict[str, str]:
        """Give every live story a thread; relink the touched stories that are alone in theirs.

        Returns the story -> thread links that are new or changed.
        """
        live = clusterer.stories
        self.thread_of = {s: t for s, t in self.thread_of.items() if s in live}
        members = self.members()
        touched = {clusterer.resolve(s) for s in touched}
        todo = [s for s in live if s not in self.thread_of
                or (s in touched and len(members[self.thread_of[s]]) == 1)]
        if not todo:
            return {}
        todo.sort(key=lambda s: (live[s].first, s))
        clusterer.prefetch(todo)
        # every thread's mean vector finds the candidates; full profiles are summed for those alone
        ids = list(members)
        sums = [sum((live[s].centroid for s in members[t]), np.zeros(clusterer.dim or 0, dtype=np.float32))
                for t in ids]
        sizes = [sum(live[s].n for s in members[t]) for t in ids]
        mat = np.stack([c / n for c, n in zip(sums, sizes)]) if ids else np.zeros((0, clusterer.dim or 0))
        rows_of = {t: r for r, t in enumerate(ids)}
        full: dict[str, Story] = {}
        changed: dict[str, str] = {}
        for sid in todo:
            story = live[sid]
            own = self.thread_of.get(sid)
            best, best_score = None, -math.inf
            if ids:
                dense = mat @ (story.centroid / story.n)
                rows = np.arange(len(ids))
                if len(ids) > self.candidates:
                    rows = np.argpartition(-dense, self.candidates - 1)[: self.candidates]
                rows = sorted(rows.tolist())
                clusterer.prefetch([m for r in rows if ids[r] not in full for m in members.get(ids[r], ())])
                exact = dict(zip(rows, cosines(story.centroid / story.n, mat[rows]).tolist()))
                for r in rows:
                    tid = ids[r]
                    if tid == own or not members.get(tid):
                        continue
                    if tid not in full:
                        full[tid] = _sum([live[m] for m in members[tid]])
                    score = self._score(clusterer, full[tid], story, exact[r])
                    if score > best_score:
                        best, best_score = tid, score
            if best is not None and best_score >= self.threshold:
                target = best
                if own is not None:  # a lone story moves: its old thread empties
                    members[own] = []
                    mat[rows_of[own]] = 0.0
                members[target].append(sid)
                full[target] = _sum([full[target], story])
                mat[rows_of[target]] = full[target].centroid / full[target].n
            elif own is not None:
                continue
            else:
                target = _thread_id(sid)
                members[target] = [sid]
                rows_of[target] = len(ids)
                ids.append(target)
                mat = np.vstack([mat, (story.centroid / story.n)[None, :]])
            self.thread_of[sid] = target
            changed[sid] = target
        return changed

    def _score(self, clusterer: StoryClusterer, a: Story, b: Story, dense: float) -> float:
        f = clusterer.features(a, b, dense)
        w = self.weights
        return w["bias"] + sum(w[k] * f[k] for k in THREAD_FEATURES)


def _sum(groups: list[Story]) -> Story:
    """One group holding the articles of several (summed profiles, joint time span)."""
    out = Story("", sum((g.centroid for g in groups), np.zeros_like(groups[0].centroid)), {}, {},
                 sum(g.n for g in groups), min(g.first for g in groups), max(g.last for g in groups))
    for g in groups:
        for mine, theirs in ((out.terms, g.terms), (out.names, g.names), (out.dates, g.dates)):
            for t, v in theirs.items():
                mine[t] = mine.get(t, 0.0) + v
    return out


def _thread_id(story_id: str) -> str:
    return "thread-" + hashlib.sha1(story_id.encode("utf-8")).hexdigest()[:12]
