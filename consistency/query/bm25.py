"""An incremental Okapi BM25 over sparse postings, fast enough for a million short texts."""

from __future__ import annotations

import re

import numpy as np

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves s t rt amp via""".split()
)
# Negations matter for claims ("did not" vs "did"), so they are kept as words.
STOPWORDS = STOPWORDS - {"no", "not", "nor"}


class _Postings:
    """Saved CSC arrays, read as they are: loading scipy.sparse costs a cold query more than the search."""

    __slots__ = ("indptr", "indices", "data", "shape", "nnz")

    def __init__(self, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray) -> None:
        self.indptr, self.indices, self.data = indptr, indices, data
        self.shape = (-1, len(indptr) - 1)
        self.nnz = int(len(data))


def stem(word: str) -> str:
    """A light English suffix stripper: plurals, -ing, -ed, possessives."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    for suf, rep in (("ies", "y"), ("sses", "ss"), ("ness", ""), ("ing", ""), ("edly", ""), ("ed", "")):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)] + rep
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed content words of ``text``."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


class BM25:
    """Okapi BM25 with postings in a CSC matrix; new texts go to a small delta merged lazily."""

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.vocab: dict[str, int] = {}
        self.df = np.zeros(0, np.int64)
        self.doclen = np.zeros(0, np.float32)
        self._pending: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._main = None  # postings by term: CSC arrays (indptr, indices, data) of texts x terms
        self._dlnorm = np.zeros(0, np.float32)
        self._delta = None

    def __len__(self) -> int:
        return len(self.doclen)

    def add(self, texts: list[str]) -> None:
        """Append texts; their rows follow the ones already held."""
        base = len(self.doclen)
        rows, cols, tfs, lens = [], [], [], []
        for i, text in enumerate(texts):
            counts: dict[int, int] = {}
            toks = tokenize(text)
            for tok in toks:
                j = self.vocab.get(tok)
                if j is None:
                    j = self.vocab[tok] = len(self.vocab)
                counts[j] = counts.get(j, 0) + 1
            lens.append(len(toks))
            rows.extend([base + i] * len(counts))
            cols.extend(counts)
            tfs.extend(counts.values())
        cols_a = np.asarray(cols, np.int64)
        if len(self.vocab) > len(self.df):
            self.df = np.concatenate([self.df, np.zeros(len(self.vocab) - len(self.df), np.int64)])
        np.add.at(self.df, cols_a, 1)
        self.doclen = np.concatenate([self.doclen, np.asarray(lens, np.float32)])
        self._pending.append((np.asarray(rows, np.int64), cols_a, np.asarray(tfs, np.float32)))

    def state(self) -> dict[str, np.ndarray]:
        """The index as plain arrays, everything folded into one matrix (see ``from_state``)."""
        self._flush()
        if self._delta is not None:
            parts = [self._triples(self._main), self._triples(self._delta)]
            self._main, self._delta = self._build([p for p in parts if p is not None]), None
        main = self._main if self._main is not None else self._build([(np.zeros(0, np.int64),) * 3])
        vocab = sorted(self.vocab, key=self.vocab.__getitem__)
        return {"k1_b": np.asarray([self.k1, self.b], np.float64), "df": self.df, "doclen": self.doclen,
                "indptr": main.indptr, "indices": main.indices, "data": main.data,
                "vocab": np.frombuffer("\n".join(vocab).encode(), np.uint8)}

    @classmethod
    def from_state(cls, state: dict[str, np.ndarray]) -> "BM25":
        """A BM25 index rebuilt from ``state()`` without tokenising anything."""
        k1, b = (float(x) for x in state["k1_b"])
        self = cls(k1, b)
        words = bytes(state["vocab"]).decode().split("\n") if len(state["vocab"]) else []
        self.vocab = {w: i for i, w in enumerate(words)}
        self.df = np.asarray(state["df"], np.int64)
        self.doclen = np.asarray(state["doclen"], np.float32)
        self._main = _Postings(state["indptr"], state["indices"], state["data"])
        avgdl = max(float(self.doclen.mean()), 1.0) if len(self.doclen) else 1.0
        self._dlnorm = (self.k1 * (1 - self.b + self.b * self.doclen / avgdl)).astype(np.float32)
        return self

    def _build(self, parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]]):  # -> scipy.sparse.csc_matrix
        from scipy import sparse

        rows = np.concatenate([p[0] for p in parts])
        cols = np.concatenate([p[1] for p in parts])
        tf = np.concatenate([p[2] for p in parts])
        shape = (len(self.doclen), max(len(self.vocab), 1))
        return sparse.csc_matrix((tf, (rows, cols)), shape=shape, dtype=np.float32)

    @staticmethod
    def _triples(m) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        if m is None:
            return None
        counts = np.diff(m.indptr)
        cols = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
        return np.asarray(m.indices, np.int64), cols, np.asarray(m.data, np.float32)

    def _flush(self) -> None:
        """Fold pending texts in: into the delta while it is small, else rebuild the main matrix."""
        if not self._pending:
            return
        pending = sum(len(p[0]) for p in self._pending)
        delta = 0 if self._delta is None else self._delta.nnz
        if self._main is None or pending + delta > 0.1 * self._main.nnz:
            parts = [self._triples(self._main), self._triples(self._delta)] + self._pending
            self._main, self._delta = self._build([p for p in parts if p is not None]), None
        else:
            parts = [self._triples(self._delta)] + self._pending
            self._delta = self._build([p for p in parts if p is not None])
        self._pending = []
        avgdl = max(float(self.doclen.mean()), 1.0)
        self._dlnorm = (self.k1 * (1 - self.b + self.b * self.doclen / avgdl)).astype(np.float32)

    def idf(self, cols: np.ndarray) -> np.ndarray:
        """Lucene's non-negative BM25 idf of vocabulary columns."""
        n = len(self.doclen)
        df = self.df[cols].astype(np.float64)
        return np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)

    def token_idf(self, tokens: list[str]) -> dict[str, float]:
        """Idf of each known token (unknown tokens get the idf of a one-document term)."""
        self._flush()
        n = len(self.doclen)
        unseen = float(np.log1p((n - 0.5) / 1.5)) if n else 0.0
        known = [t for t in set(tokens) if t in self.vocab]
        out = dict.fromkeys(tokens, unseen)
        if known:
            out.update(zip(known, self.idf(np.asarray([self.vocab[t] for t in known])).tolist()))
        return out

    def avgdl(self) -> float:
        """Mean token length of the held texts."""
        return max(float(self.doclen.mean()), 1.0) if len(self.doclen) else 1.0

    def _terms(self, query: str) -> tuple[list[int], np.ndarray]:
        """Vocabulary columns of the query's known terms, rarest first, with their idf."""
        self._flush()
        cols = sorted({self.vocab[t] for t in tokenize(query) if t in self.vocab})
        if not cols:
            return [], np.zeros(0, np.float32)
        idf = self.idf(np.asarray(cols))
        order = np.argsort(-idf, kind="stable")
        return [cols[i] for i in order], idf[order]

    def _posting(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows (ascending) holding term ``j`` and the term's frequency in each."""
        rows, tfs = [], []
        for m in (self._main, self._delta):
            if m is not None and j < m.shape[1] and m.indptr[j + 1] > m.indptr[j]:
                lo, hi = m.indptr[j], m.indptr[j + 1]
                rows.append(m.indices[lo:hi])
                tfs.append(m.data[lo:hi])
        if not rows:
            return np.zeros(0, np.int32), np.zeros(0, np.float32)
        r = np.concatenate(rows) if len(rows) > 1 else rows[0]
        tf = np.concatenate(tfs) if len(tfs) > 1 else tfs[0]
        return r, tf

    def _weight(self, rows: np.ndarray, tf: np.ndarray) -> np.ndarray:
        return (self.k1 + 1) * tf / (tf + self._dlnorm[rows])

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every held text for ``query`` (zeros where no term matches)."""
        out = np.zeros(len(self.doclen), np.float32)
        cols, idf = self._terms(query)
        for j, w in zip(cols, idf):
            rows, tf = self._posting(j)
            out[rows] += w * self._weight(rows, tf)
        return out

    def score_rows(self, query: str, rows: np.ndarray) -> np.ndarray:
        """BM25 scores of the given rows only, by binary search in each term's postings."""
        rows = np.asarray(rows, np.int64)
        out = np.zeros(len(rows), np.float32)
        cols, idf = self._terms(query)
        order = np.argsort(rows, kind="stable")
        for j, w in zip(cols, idf):
            prow, tf = self._posting(j)
            out[order] += self._probe(prow, tf, w, rows[order])
        return out

    def top(self, query: str, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows and scores of the ``k`` best-scoring texts with a positive score, best first.

        Max-score pruning: once the k-th best partial score beats everything the remaining
        (common, low-idf) terms could add, texts not yet matched cannot enter the top k, so
        those terms' long postings are only probed for the texts already matched.
        """
        cols, idf = self._terms(query)
        if not cols or k <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        postings = [self._posting(j) for j in cols]
        out = np.zeros(len(self.doclen), np.float32)
        if sum(len(p[0]) for p in postings) <= 200_000:
            for (rows, tf), w in zip(postings, idf):
                out[rows] += w * self._weight(rows, tf)
            pool = np.flatnonzero(out)
        else:
            pool = self._pruned(postings, idf, k, out)
        k = min(k, len(pool))
        best = pool[np.argpartition(-out[pool], k - 1)[:k]] if k < len(pool) else pool
        best = best[np.argsort(-out[best], kind="stable")]
        best = best[out[best] > 0]
        return best.astype(np.int64), out[best]

    def _pruned(self, postings, idf: np.ndarray, k: int, out: np.ndarray) -> np.ndarray:
        """Accumulate ``out`` term by term, rarest first, probing only matched texts once safe."""
        bound = np.concatenate([np.cumsum((idf * (self.k1 + 1))[::-1])[::-1], [0.0]])
        touched = np.zeros(len(out), bool)
        pool: np.ndarray | None = None
        for i, ((rows, tf), w) in enumerate(zip(postings, idf)):
            if pool is None:
                out[rows] += w * self._weight(rows, tf)
                touched[rows] = True
                if i + 1 < len(idf):
                    cand = np.flatnonzero(touched)
                    if len(cand) >= k and np.partition(out[cand], len(cand) - k)[len(cand) - k] > bound[i + 1]:
                        pool = cand
            else:
                out[pool] += self._probe(rows, tf, w, pool)
        return pool if pool is not None else np.flatnonzero(touched)

    def _probe(self, prow: np.ndarray, tf: np.ndarray, w: float, rows: np.ndarray) -> np.ndarray:
        """One term's contribution to the given ascending rows, by binary search in its postings."""
        res = np.zeros(len(rows), np.float32)
        if len(prow):
            pos = np.minimum(np.searchsorted(prow, rows), len(prow) - 1)
            hit = prow[pos] == rows
            res[hit] = w * self._weight(rows[hit], tf[pos[hit]])
        return res
