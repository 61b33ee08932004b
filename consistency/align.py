"""Line up the same claim across outlets: nearest neighbours in the FAISS index, never all pairs."""

from __future__ import annotations

import logging
import re
from typing import Callable

import numpy as np

from .engine.crash import commit_point
from .lexicon import COUNT_OF, FIGURE_WORDS
from .options import Options
from .scores import cosine, cosines
from .store.database import Store

logger = logging.getLogger(__name__)

CHUNK = 2048


def align_new_claims(store: Store, options: Options, *, progress: Callable[[str, int, int], None] | None = None
                     ) -> list[tuple[int, int, float]]:
    """Store candidate pairs for claims not yet aligned; returns the pairs added.

    The claims stay unchecked: the caller marks them checked in the transaction that saves
    the flags compared from these pairs, so an interrupted check aligns them again.

    Each new claim looks up its ``options.neighbours`` nearest claims; a pair is kept when
    the two come from different outlets of the same story and their cosine similarity
    reaches ``options.align_threshold``. Two lookups nearness misses are added: copies
    that differ only in a name or a figure (by their masked wording), and claims that mention
    what a one-line revision counts. Cost grows with the new claims and their stories only.
    """
    new = store.unchecked_rowids()
    if not new:
        return []
    added: list[tuple[int, int, float]] = []
    for i in range(0, len(new), CHUNK):
        rows = new[i:i + CHUNK]
        meta = _claim_meta(store, rows)
        neighbours = Neighbours(store, rows, meta)
        pairs = neighbours.keep(rows, options.neighbours + 1, options.align_threshold)
        # A report that says it revises a figure ("the number of games was revised to 14") may
        # share little wording with the report it revises: it looks further, more loosely.
        updates = [r for r in rows if r in meta and meta[r][2]]
        if updates:
            _extend_unseen(pairs, neighbours.keep(updates, UPDATE_NEIGHBOURS, UPDATE_FLOOR))
            _extend_unseen(pairs, _same_noun_pairs(store, updates, meta))
        _extend_unseen(pairs, _respelled_copies(store, rows, meta), ordered=False)
        with store.transaction():
            store.add_pairs(pairs)
        commit_point("check.align")
        added.extend(pairs)
        if progress:
            progress("align", min(i + CHUNK, len(new)), len(new))
    logger.info("align: %d new claims, %d candidate pairs", len(new), len(added))
    return added


class Neighbours:
    """Nearest claims of new claims among those a pair may join: their story's claims and the
    claims no story holds yet (a pair never spans two stories). Searching the story's vectors
    exactly, rather than the whole index, keeps the cost with the new claims' stories, not the
    store, and finds the same pairs whenever the story's claims were among the store-wide top k.
    Claims without a story may pair with any story, so they still search the whole index."""

    def __init__(self, store: Store, rows: list[int], meta: dict) -> None:
        self.store, self.meta = store, meta
        storyless = store.claims_without_story()
        stories = sorted({meta[r][1] for r in rows if r in meta and meta[r][1]})
        members: dict[str, list[int]] = {}
        for r, outlet, story, text in store.claim_summaries(stories=stories) if stories else []:
            members.setdefault(story, []).append(r)
            meta.setdefault(r, (outlet, story, False))
        meta.update(_claim_meta(store, [r for r in storyless if r not in meta]))
        candidates = {s: np.array(sorted(set(m) | set(storyless)), np.int64) for s, m in members.items()}
        wanted = sorted({int(r) for ids in candidates.values() for r in ids} | set(rows))
        self.vectors = dict(zip(wanted, store.claim_vectors(wanted))) if wanted else {}
        # story -> (its candidates' row ids, their vectors), for exact search
        self.candidates = {s: (ids, np.stack([self.vectors[int(r)] for r in ids])) for s, ids in candidates.items()}

    def keep(self, rows: list[int], k: int, floor: float) -> list[tuple[int, int, float]]:
        """Pairs of ``rows`` with their ``k`` nearest candidates at or above ``floor``."""
        pairs: list[tuple[int, int, float]] = []
        by_story: dict[str | None, list[int]] = {}
        for r in rows:
            if r in self.meta:
                by_story.setdefault(self.meta[r][1], []).append(r)
        for story, members in by_story.items():
            queries = np.stack([self.vectors[r] for r in members])
            if story is None:
                scores, ids = self._settle(queries, *self.store.index.search(queries, k))
                self.meta.update(_claim_meta(self.store, sorted({int(x) for x in ids.ravel() if x >= 0} - set(self.meta))))
            else:
                scores, ids = top_k(*self.candidates[story], queries, k)
            pairs += _keep(members, scores, ids, self.meta, floor)
        return pairs

    def _settle(self, queries: np.ndarray, scores: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The index's float32 neighbours scored again as ``top_k`` scores them, best first, ties to the
        earlier id: the index's scores carry the last bits of its thread split."""
        found = sorted({int(x) for x in ids.ravel() if x >= 0})
        if not found:
            return scores, ids
        at = {r: i for i, r in enumerate(found)}
        sims = cosines(queries, self.store.claim_vectors(found))
        cols = np.array([at.get(int(x), 0) for x in ids.ravel()], dtype=np.int64).reshape(ids.shape)
        out = np.where(ids >= 0, np.take_along_axis(sims, cols, axis=1), -np.inf)
        order = np.lexsort((ids, -out), axis=1)
        return np.take_along_axis(out, order, axis=1), np.take_along_axis(ids, order, axis=1)


def top_k(ids: np.ndarray, vecs: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact top-k (scores, ids) by inner product, best first, ties to the earlier id (as a flat index)."""
    k = min(k, len(ids))
    sims = cosines(queries, vecs)
    order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(sims, order, axis=1), ids[order]


def _extend_unseen(pairs: list[tuple[int, int, float]], more: list[tuple[int, int, float]], *,
                   ordered: bool = True) -> None:
    """Append the pairs of ``more`` not already in ``pairs`` (in either order unless ``ordered``)."""
    key = (lambda a, b: (a, b)) if ordered else (lambda a, b: (min(a, b), max(a, b)))
    seen = {key(a, b) for a, b, _ in pairs}
    pairs += [p for p in more if key(p[0], p[1]) not in seen]


UPDATE_FLOOR = 0.3
UPDATE_NEIGHBOURS = 50


def _keep(rows, scores, ids, meta, floor: float) -> list[tuple[int, int, float]]:
    """Neighbours at or above ``floor`` from another outlet of the same story."""
    pairs = []
    for row, srow, irow in zip(rows, scores, ids):
        me = meta.get(row)
        if me is None:
            continue
        for score, other in zip(srow, irow):
            other = int(other)
            them = meta.get(other) if other >= 0 and other != row else None
            if them is None or them[0] == me[0] or score < floor:  # same outlet: no cross-outlet pair
                continue
            if me[1] and them[1] and me[1] != them[1]:  # different stories
                continue
            pairs.append((row, other, float(score)))
    return pairs


MAX_NOUN_PARTNERS = 50


def _same_noun_pairs(store: Store, rows: list[int], meta) -> list[tuple[int, int, float]]:
    """Pairs of a revising report ("the number of games was revised to 14") with claims of its
    story, in other outlets, that mention what it counts: a one-line revision shares too few
    words with the report it revises for the index to find it. Cost grows with the story only."""
    out: list[tuple[int, int, float]] = []
    texts = {r: text for r, _, _, text in store.claim_summaries(rowids=rows)}
    for row in rows:
        m = next((m for m in COUNT_OF.finditer(texts.get(row) or "") if len(m.group(1)) >= 3), None)
        outlet, story, _ = meta[row]
        if m is None or story is None:
            continue
        noun = m.group(1).casefold()
        others = store.story_claims_mentioning(story, outlet, noun, MAX_NOUN_PARTNERS)
        if not others:
            continue
        sims = cosines(store.claim_vectors([row])[0], store.claim_vectors(others))
        out += [(row, other, float(sim)) for other, sim in zip(others, sims)]
    return out


_NAME_OR_FIGURE = re.compile(rf"\b[A-Z][\w'’.-]*|[$€£]?\d[\d,.]*|\b(?i:{FIGURE_WORDS})\b")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
MIN_SKELETON_WORDS = 5


def skeleton(text: str) -> str | None:
    """A sentence with its names, figures and dates blanked out: copies that differ only there
    (a respelled name, a changed figure) share it. None when too little is left to be telling."""
    masked = _NAME_OR_FIGURE.sub("_", text)
    if len(_LOWER_WORD.findall(masked)) < MIN_SKELETON_WORDS:
        return None
    return " ".join(masked.casefold().split())


MAX_COPIES = 40  # a masked sentence shared by more claims is boilerplate, not one sentence copied


def _respelled_copies(store: Store, rows: list[int], meta) -> list[tuple[int, int, float]]:
    """Pairs of new claims with same-story claims of other outlets that copy them word for word
    but for a name or a figure. Their meaning vectors can fall apart when the extracted content
    differs (one copy's frame was read, the other's not), yet such copies are what a changed
    figure or a misspelled name is found in. Cost grows with the stories of the new claims."""
    stories = sorted({meta[r][1] for r in rows if r in meta and meta[r][1]})
    if not stories:
        return []
    by_key: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for r, outlet, story, text in store.claim_summaries(stories=stories):
        key = skeleton(text)
        if key is not None:
            by_key.setdefault((story, key), []).append((r, outlet))
    new = set(rows)
    found = []
    for members in by_key.values():
        if len(members) < 2 or len(members) > MAX_COPIES or not any(r in new for r, _ in members):
            continue
        for r, outlet in members:
            if r in new:
                found += [(r, o, 0.0) for o, other_outlet in members if other_outlet != outlet and (o not in new or o > r)]
    if not found:
        return []
    vecs = {r: v for r, v in zip(sorted({x for p in found for x in p[:2]}),
                                  store.claim_vectors(sorted({x for p in found for x in p[:2]})))}
    return [(a, b, cosine(vecs[a], vecs[b])) for a, b, _ in found]



def _claim_meta(store: Store, rowids: list[int]) -> dict[int, tuple[str, str | None, bool]]:
    """rowid -> (outlet, story id, whether it reads as an update) without building whole claims."""
    from .compare.base import UPDATE_CUES

    return {r: (outlet, story, bool(UPDATE_CUES.search(text)))
            for r, outlet, story, text in store.claim_summaries(rowids=rowids)}

