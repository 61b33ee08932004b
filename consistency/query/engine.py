"""Answer a fact-checker's claim: matching claims by outlet, a side-by-side grid, flags and origins."""

from __future__ import annotations

import logging
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from typing import Iterator

import numpy as np

from ..errors import UsageError
from ..options import Options
from ..provenance import ClaimCluster, claim_clusters
from ..records import Claim, Flag, Match
from ..store.database import Store

logger = logging.getLogger(__name__)


@dataclass
class QueryResult:
    query: str
    matches: list[Match]
    grid: list[dict] = field(default_factory=list)
    clusters: list[dict] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        from ..store.encoding import flag_to_dict

        return {
            "query": self.query,
            "facts": self.facts,
            "matches": [asdict(m) for m in self.matches],
            "grid": self.grid,
            "clusters": self.clusters,
            "flags": [flag_to_dict(f) for f in self.flags],
            "ms": round(self.seconds * 1000, 1),
        }


HYBRID_LIMIT = 100_000
FACT_DEPTH = 30  # matches grouped into facts: enough for the other outlets' versions of the best few
# A question's matches are re-ranked by whether they answer it. Chosen on the tune half of
# bench/questions (scripts/bench_answers.py --grid): how deep the re-ranked list goes, how much
# the first stage's order counts beside the question ranker, and how far below the best a fact
# may score and still be shown (question ranker units). 200 takes every fused candidate (dense
# and BM25 top 100 each): the first stage matches a claim's content without its attribution
# frame, so an answer stated in the frame ("X endorsed Y on Thursday, saying ...") ranks low there.
QUESTION_DEPTH = 200
QUESTION_PRIOR_WEIGHT = 0.5
QUESTION_SHOW_MARGIN = 0.5
# How much the question's words and names count when a match's previous sentence states them and
# the match does not (a follow-up such as "The real problem, he said, is ..."), chosen on the same tune half.
QUESTION_CONTEXT_WEIGHT = 0.25
# How many of a question's best first-stage matches bring the claim their article states next.
QUESTION_FOLLOWERS = 0
# How many of the articles a question's matches come from (in the order of their best match) bring all their claims.
QUESTION_ARTICLES = 3


class QueryEngine:
    """Keeps the store, index and embedder loaded so that warm queries are fast."""

    def __init__(self, options: Options, *, one_shot: bool = False) -> None:
        from ..embed import QuickMiniLM
        from ..pipeline import embedder_for, open_store

        self.options = options
        self.store: Store = open_store(options, readonly=True)
        # A query embeds one or two texts: NumPy MiniLM spares a cold process the torch import.
        self.embedder = QuickMiniLM() if options.embedder == "minilm" else embedder_for(options)
        self._index_mtime: tuple[float, int] | None = None
        self._flags_by_claim: dict[str, list[Flag]] = {}
        self._flags_version = None
        self._pairs = PairIndex([])
        self._retriever = None
        self._entity_resolver = None
        self._index_stale = True
        self._claim_count = 0
        # One query from a fresh process searches the vectors saved with the search state (float16):
        # that spares it the FAISS import and the index file. A long-lived engine searches FAISS,
        # which is faster per query; both find the same neighbours up to float16 rounding.
        self._one_shot = one_shot
        self._question_ranker = UNLOADED  # read from disk at the first question, not for every claim query
        self.question_depth = QUESTION_DEPTH
        self.question_weight = QUESTION_PRIOR_WEIGHT
        self.question_margin = QUESTION_SHOW_MARGIN
        self.question_context = QUESTION_CONTEXT_WEIGHT
        self.question_followers = QUESTION_FOLLOWERS
        self.question_articles = QUESTION_ARTICLES

    @property
    def question_ranker(self):  # -> QuestionRanker | None
        """The shipped question re-ranker (None when absent or switched off)."""
        if self._question_ranker is UNLOADED:
            self._question_ranker = _shipped_question_ranker()
        return self._question_ranker

    @question_ranker.setter
    def question_ranker(self, ranker) -> None:
        self._question_ranker = ranker

    def close(self) -> None:
        self.store.close()

    def refresh(self) -> None:
        """Pick up what a batch wrote since the last query (a new index file, new flags)."""
        from ..store.database import INDEX_NAME

        path = self.store.path / INDEX_NAME
        # A batch adds claims without always rewriting the index file: either one moving means new claims.
        mtime = (path.stat().st_mtime if path.exists() else 0.0, self.store.last_claim_rowid())
        if mtime != self._index_mtime:
            # The FAISS index is read again only when a search needs it (a one-shot hybrid one does not).
            self._index_mtime = mtime
            self._index_stale = True
            self._retriever = None
            self._claim_count = len(self.store.claim_rowid_list())
        # A check run saves its pairs and flags before it is marked finished, so a finished count moves last.
        version = self.store.runs_version()
        if version != self._flags_version:
            self._flags_by_claim = {}
            for f in self.store.flags("open"):
                for cid in f.claims:
                    self._flags_by_claim.setdefault(cid, []).append(f)
            self._pairs = PairIndex(self.store.pairs())
            self._flags_version = version
            self._entity_resolver = None  # a batch may have learnt new spellings

    def search(self, text: str, k: int = 10) -> list[tuple[int, float]]:
        """(claim rowid, score) of the best matches, best first.

        Stores up to ``HYBRID_LIMIT`` claims use hybrid retrieval (BM25 + dense, fused and
        re-ranked); larger ones use the dense FAISS index alone, which stays fast at a million.
        """
        return self._search(text, k)[0]

    def _search(self, text: str, k: int) -> tuple[list[tuple[int, float]], np.ndarray | None]:
        """``search``'s pairs and the query vector they were found with."""
        retriever = self._hybrid()
        with _one_torch_thread():
            if retriever is not None:
                return retriever.search_vector(text, k)
            vec = self.embedder.embed([text])
        self._fresh_index()
        scores, ids = self.store.index.search(vec, k)
        return [(int(i), float(s)) for s, i in zip(scores[0], ids[0]) if i >= 0], vec[0]

    def _hybrid(self):  # -> HybridRetriever | None
        """The hybrid retriever over every stored claim, loaded from the store once per index version."""
        if self._retriever is None and 0 < self._claim_count <= HYBRID_LIMIT:
            from .state import retriever_for

            if not self._one_shot:  # it searches the store's index: the one holding the new claims
                self._fresh_index()
            self._retriever, _ = retriever_for(self.store, self.embedder, in_memory=self._one_shot)
        return self._retriever

    def _fresh_index(self) -> None:
        """Read the index again when a batch added claims since it was read."""
        if self._index_stale:
            self.store.reload_index()
            self._index_stale = False

    def query(self, text: str, k: int = 10, facts: int = 5) -> QueryResult:
        """The ``k`` best-matching claims, and the best ``facts`` facts: each outlet's version side by side."""
        t0 = time.perf_counter()
        text = " ".join(text.split())
        if not text:
            raise UsageError("the query is empty; type the claim to look for")
        from .questions import is_question

        self.refresh()
        question = is_question(text) and self.question_ranker is not None
        hits, qvec = self._search(text, max(k, self.question_depth if question else FACT_DEPTH))
        claims = self.store.claims([r for r, _ in hits])
        if question and qvec is not None:
            hits, claims = self._with_followers(hits, claims, self.question_followers)
            hits, claims = self._with_articles(hits, claims, self.question_articles)
            hits = self._answer_order(text, hits, claims, qvec)
        matches, flags = [], {}
        for rowid, score in hits[:k]:
            c = claims.get(rowid)
            if c is None:
                continue
            touching = self._flags_by_claim.get(c.id, [])
            flags.update({f.id: f for f in touching})
            matches.append(Match(claim_id=c.id, text=c.text, score=round(score, 4), outlet=c.outlet,
                                 article_id=c.article_id, published=c.published.isoformat(),
                                 flags=tuple(f.id for f in touching)))
        found = self._facts(hits, claims, facts, text, question)
        meta = self._article_meta({c.article_id for c in claims.values()}
                                  | {s["article_id"] for f in found for s in f["statements"]})
        matches = [replace(m, url=meta.get(m.article_id, {}).get("url", ""),
                           title=meta.get(m.article_id, {}).get("title", "")) for m in matches]
        for f in found:
            for row in f["statements"]:
                row["url"] = meta.get(row["article_id"], {}).get("url", "")
                row["title"] = meta.get(row["article_id"], {}).get("title", "")
                flags.update({fid: fl for fl in self._flags_by_claim.get(row["claim_id"], []) for fid in [fl.id]})
        top = [r for r, _ in hits[:k]]
        clusters = self._clusters(top)
        return QueryResult(query=text, matches=matches, grid=[grid_row(claims[r]) for r in top if r in claims],
                           clusters=clusters, flags=sorted(flags.values(), key=lambda f: -f.confidence),
                           facts=found,
                           seconds=time.perf_counter() - t0)

    def _answer_order(self, text: str, hits: list[tuple[int, float]], claims: dict[int, Claim],
                      qvec: np.ndarray) -> list[tuple[int, float]]:
        """The hits of a question re-ranked by whether they answer it; ``qvec`` is the vector they were found with."""
        from .questions import rerank_answers

        rows = [r for r, _ in hits if r in claims]
        if not rows:
            return hits
        inputs = self._answer_inputs(text, rows, claims, qvec)
        ranked = rerank_answers(text, [(claims[r], s) for r, s in hits if r in claims], inputs.pop("cos"),
                                self.question_ranker, self.question_weight, **inputs)
        row_of = {claims[r].id: r for r in rows}
        return [(row_of[c.id], s) for c, s in ranked]

    def _with_followers(self, hits: list[tuple[int, float]], claims: dict[int, Claim], lead: int
                        ) -> tuple[list[tuple[int, float]], dict[int, Claim]]:
        """The hits with, after each of the first ``lead``, the claim its article states next when it is
        not a hit itself: an answer often follows the sentence naming the event ("The vote was 134 to 63.")
        and shares too few of the question's words for the first stage to find it."""
        top = [r for r, _ in hits[:lead] if r in claims]
        if not top:
            return hits, claims
        in_articles = self.store.claims(article_ids={claims[r].article_id for r in top})
        following: dict[int, int] = {}
        by_article: dict[str, list[tuple[int, int]]] = {}
        for r, c in in_articles.items():
            by_article.setdefault(c.article_id, []).append((c.start, r))
        for seq in by_article.values():
            seq.sort()
            following.update({a: b for (_, a), (_, b) in zip(seq, seq[1:])})
        have = {r for r, _ in hits}
        out = []
        for i, (r, score) in enumerate(hits):
            out.append((r, score))
            nxt = following.get(r)
            if i < lead and nxt is not None and nxt not in have:
                out.append((nxt, score))
                have.add(nxt)
        return out, {**claims, **{r: in_articles[r] for r in have if r not in claims}}

    def _with_articles(self, hits: list[tuple[int, float]], claims: dict[int, Claim], count: int
                       ) -> tuple[list[tuple[int, float]], dict[int, Claim]]:
        """The hits and, after them, every other claim of the first ``count`` articles they come from:
        the first stage matches a claim's content without its attribution frame, so a sentence whose
        answer sits in the frame ("all 42 members are sending the letter to X, warning that ...") can
        be missing from the hits of an article that answers the question."""
        articles = list(dict.fromkeys(claims[r].article_id for r, _ in hits if r in claims))[:count]
        if not articles:
            return hits, claims
        have = {r for r, _ in hits}
        extra = {r: c for r, c in self.store.claims(article_ids=articles).items() if r not in have}
        floor = min((s for _, s in hits), default=0.0)
        order = sorted(extra, key=lambda r: (articles.index(extra[r].article_id), extra[r].start))
        return hits + [(r, floor) for r in order], {**claims, **extra}

    def _answer_inputs(self, text: str, rows: list[int], claims: dict[int, Claim], qvec: np.ndarray) -> dict:
        """What the question re-ranker reads of these matches besides their text: cosine to the
        question and to the noun it asks about, the question's word weights, each previous sentence and
        each match's article (its title and text)."""
        from .bm25 import tokenize
        from .questions import compared_noun, previous_sentence

        vecs = self.store.claim_vectors(rows)
        noun = compared_noun(text)
        noun_cos = None
        if noun is not None:
            with _one_torch_thread():
                noun_cos = vecs @ self.embedder.embed([noun])[0]
        idf = self._retriever.bm25.token_idf(tokenize(text)) if self._retriever is not None else None
        matched = [claims[r] for r in rows]
        texts = {a.id: a for a in self.store.articles({c.article_id for c in matched})}
        context = None
        if self.question_context > 0:
            context = [previous_sentence(texts[c.article_id].text if c.article_id in texts else "", c.start)
                       for c in matched]
        articles = [f"{texts[c.article_id].title}\n{texts[c.article_id].text}" if c.article_id in texts else ""
                    for c in matched]
        return {"cos": vecs @ qvec, "idf": idf, "context": context, "context_weight": self.question_context,
                "noun_cos": noun_cos, "articles": articles}

    def question_candidates(self, text: str) -> tuple[list[Claim], np.ndarray]:
        """The first stage's matches of a question, in its order, and the re-ranker's feature rows for them."""
        from .questions import question_features

        text = " ".join(text.split())
        self.refresh()
        hits, qvec = self._search(text, self.question_depth)
        claims = self.store.claims([r for r, _ in hits])
        hits, claims = self._with_followers(hits, claims, self.question_followers)
        hits, claims = self._with_articles(hits, claims, self.question_articles)
        rows = [r for r, _ in hits if r in claims]
        if qvec is None or not rows:
            return [], np.zeros((0, 0), np.float32)
        inputs = self._answer_inputs(text, rows, claims, qvec)
        return [claims[r] for r in rows], question_features(text, [claims[r] for r in rows], **inputs)

    def _facts(self, hits: list[tuple[int, float]], claims: dict[int, Claim], limit: int, text: str,
               question: bool = False) -> list[dict]:
        """The best facts among the hits, each with the aligned statements of other outlets."""
        from .answer import SHOW_MARGIN, fact_dict, group_facts, shown, typed_ranking

        ranked = [(claims[r], s) for r, s in hits if r in claims]
        # a question's order already weighs the kind of value it asks for
        ranked = ranked if question else typed_ranking(ranked, text)
        if not ranked or limit <= 0:
            return []
        rowid_of = {c.id: r for r, c in claims.items()}
        pairs = self._pairs.touching([r for r, _ in hits])
        extra_rows = sorted({x for a, b, _ in pairs for x in (a, b)} - set(claims))
        others = self.store.claims(extra_rows) if extra_rows else {}
        rowid_of.update({c.id: r for r, c in others.items()})
        by_row = {**claims, **others}
        partners: dict[str, list[Claim]] = {}
        for a, b, _ in pairs:
            if a in by_row and b in by_row:
                partners.setdefault(by_row[a].id, []).append(by_row[b])
                partners.setdefault(by_row[b].id, []).append(by_row[a])
        rows = sorted(by_row)
        vecs = self.store.claim_vectors(rows)
        vectors = {by_row[r].id: v for r, v in zip(rows, vecs)}
        facts = shown(group_facts(ranked, vectors, partners), limit,
                      self.question_margin if question else SHOW_MARGIN)
        resolver = self._resolver()
        return [fact_dict(f, resolver, self._flags_by_claim, {}, text) for f in facts]

    def _resolver(self):
        if self._entity_resolver is None:
            from ..extract.entities import EntityResolver

            state = self.store.get_meta("entities")
            self._entity_resolver = EntityResolver.from_dict(state) if state else EntityResolver()
        return self._entity_resolver

    def _article_meta(self, article_ids: set[str]) -> dict[str, dict]:
        """url and title of just these articles: reading every article per query grows with the store."""
        if not article_ids:
            return {}
        return {a: {"url": m["url"], "title": m["title"]} for a, m in self.store.article_meta_of(article_ids).items()}

    def _clusters(self, rowids: list[int]) -> list[dict]:
        if not rowids:
            return []
        pairs = self._pairs.touching(rowids)
        members = {r for a, b, _ in pairs for r in (a, b)} | set(rowids)
        claims = self.store.claims(sorted(members))
        hit_ids = {claims[r].id for r in rowids if r in claims}
        found: list[ClaimCluster] = claim_clusters(pairs, claims)
        return [c.to_dict() for c in found if any(x.id in hit_ids for x in c.claims)]


UNLOADED = object()


def _shipped_question_ranker():  # -> QuestionRanker | None
    from .questions import SHIPPED, QuestionRanker

    return QuestionRanker.load(SHIPPED) if SHIPPED.exists() else None


class PairIndex:
    """Aligned pairs by either end, held in sorted arrays: the table is keyed by (a, b) only,
    so looking pairs up by b in SQL scanned every pair on every query."""

    def __init__(self, rows: list[tuple[int, int, float]]) -> None:
        arr = np.array(rows, dtype=np.float64).reshape(-1, 3)
        a, b = arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64)
        ends, others = np.concatenate([a, b]), np.concatenate([b, a])
        order = np.argsort(ends, kind="stable")
        self.ends, self.others = ends[order], others[order]
        self.scores = np.concatenate([arr[:, 2], arr[:, 2]])[order]

    def touching(self, rowids: list[int]) -> list[tuple[int, int, float]]:
        """(a, b, score) with a < b for every pair that has one of these rows at either end."""
        keys = np.asarray(rowids, dtype=np.int64)
        lo, hi = np.searchsorted(self.ends, keys, "left"), np.searchsorted(self.ends, keys, "right")
        out = set()
        for i, j in zip(lo, hi):
            for e, o, sc in zip(self.ends[i:j], self.others[i:j], self.scores[i:j]):
                out.add((int(min(e, o)), int(max(e, o)), float(sc)))
        return sorted(out)


@contextmanager
def _one_torch_thread() -> Iterator[None]:
    """Encode one query on one thread: on a busy machine, intra-op threads waiting on each other cost seconds."""
    torch = sys.modules.get("torch")
    if torch is None:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def grid_row(c: Claim) -> dict:
    """What one outlet says: speaker, date, number, place and wording (speaker and channel only when plausible)."""
    from .answer import confident_channel, confident_speaker

    att = c.attribution
    return {
        "claim_id": c.id,
        "outlet": c.outlet,
        "published": c.published.date().isoformat(),
        "speaker": confident_speaker(c),
        "channel": confident_channel(c),
        "date": "; ".join(t.text for t in c.times),
        "date_values": [t.value for t in c.times],
        "number": "; ".join(q.text for q in c.quantities),
        "place": "; ".join(dict.fromkeys(e.text for e in c.entities if e.label in ("GPE", "LOC", "FAC"))),
        "quote": att.content if att and att.quote in ("direct", "mixed") else "",
        "negated": c.negated,
        "text": c.text,
    }


def query(text: str, options: Options | None = None, k: int = 10, facts: int = 5) -> QueryResult:
    """Top-k matching claims across outlets for a free-text claim, with flags and origins."""
    engine = QueryEngine(options or Options(), one_shot=True)
    try:
        return engine.query(text, k, facts)
    finally:
        engine.close()
