"""The saved search state: a retriever loaded from the store answers as the one built from scratch."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pytest

from consistency.embed import HashingEmbedder
from consistency.query.bm25 import BM25
from consistency.query.hybrid import ArrayIndex, HybridRetriever
from consistency.query.state import STATE_NAME, retriever_for
from consistency.records import Article, Claim
from consistency.store.database import Store

WHEN = datetime(2026, 3, 10, tzinfo=timezone.utc)
SENTENCES = [
    "The mayor of Kesk said {n} homes were damaged by the flood.",
    "Police in Talvi arrested {n} protesters outside the parliament.",
    "The ministry confirmed that {n} flights were cancelled at Rennick airport.",
    "Firefighters said {n} hectares of forest burned near Dorn.",
]


def _fill(store: Store, start: int, n: int, embedder: HashingEmbedder) -> None:
    articles, claims = [], []
    for i in range(start, start + n):
        text = SENTENCES[i % len(SENTENCES)].format(n=i + 2)
        aid = f"a{i // 2}"
        if not articles or articles[-1].id != aid:
            articles.append(Article(id=aid, outlet=f"Outlet {i % 3}", url=f"https://x.example/{aid}",
                                    title=f"Report {i // 2}", published=WHEN, text=text))
        claims.append(Claim(id=f"{aid}#{i}", article_id=aid, outlet=f"Outlet {i % 3}", published=WHEN, text=text,
                            start=0, end=len(text), content=text))
    vecs = embedder.embed([c.content for c in claims])
    _ = store.index  # loaded (and synced) before the insert, as ingest does, so nothing is added twice
    with store.transaction():
        store.insert_articles(articles, [a.url for a in articles], None)
        rowids = store.insert_claims(claims)
        store.put_vectors({c.content_hash: v for c, v in zip(claims, vecs)})
    store.add_to_index(rowids, vecs)


def test_query_state_bm25_round_trip_scores_the_same():
    bm = BM25()
    bm.add([f"report {i} on topic {i % 5} in Kesk" for i in range(50)])
    bm.add(["a zebra crossing in Talvi"])
    back = BM25.from_state(bm.state())
    for q in ("topic 3 Kesk", "zebra", "nothing matches"):
        np.testing.assert_allclose(back.scores(q), bm.scores(q))
        assert back.top(q, 5)[0].tolist() == bm.top(q, 5)[0].tolist()


def test_query_state_saved_then_extended_matches_a_fresh_build(tmp_path):
    emb = HashingEmbedder()
    store = Store(tmp_path / "s", model="hashing")
    _fill(store, 0, 40, emb)
    first, changed = retriever_for(store, emb)
    assert changed and (store.path / STATE_NAME).exists()
    _fill(store, 40, 10, emb)  # a later ingest appends claims
    loaded, changed = retriever_for(store, emb)
    assert changed and len(loaded) == 50
    fresh = HybridRetriever(emb)
    rows = store.retrieval_rows()
    fresh.add([r[0] for r in rows], [r[1] for r in rows], fields=[{"title": r[2], "date": r[3][:10]} for r in rows])
    for q in ("how many flights were cancelled at Rennick", "protesters arrested in Talvi 44"):
        got, want = loaded.search(q, 5), fresh.search(q, 5)
        assert [i for i, _ in got] == [i for i, _ in want]
        np.testing.assert_allclose([s for _, s in got], [s for _, s in want], rtol=1e-5)
    again, changed = retriever_for(store, emb)
    assert not changed and len(again) == 50
    store.close()


def test_query_state_rebuilt_when_it_holds_claims_the_store_lacks(tmp_path):
    from consistency.query.state import save_state

    emb = HashingEmbedder()
    store = Store(tmp_path / "s", model="hashing")
    _fill(store, 0, 20, emb)
    other = HybridRetriever(emb)
    other.add([5, 999], ["a claim from another store", "and another"])
    save_state(store.path / STATE_NAME, other)
    rebuilt, changed = retriever_for(store, emb)
    assert changed and 999 not in rebuilt.id_rows and len(rebuilt) == 20
    store.close()


def test_query_state_array_index_finds_the_brute_force_neighbours():
    from consistency.store.index import VectorIndex

    rng = np.random.default_rng(3)
    vecs = rng.normal(size=(300, 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    ids = np.arange(1000, 1300, dtype=np.int64)
    arrays, flat = ArrayIndex(16), VectorIndex(16)
    arrays.add(ids[:200], vecs[:200])
    arrays.add(ids[200:], vecs[200:])  # added in two batches, as after an incremental ingest
    flat.add(ids, vecs)
    queries = rng.normal(size=(4, 16)).astype(np.float32)
    got_s, got_i = arrays.search(queries, 7)
    want_s, want_i = flat.search(queries, 7)
    brute = np.argsort(-(queries @ vecs.T), axis=1, kind="stable")[:, :7] + 1000
    assert got_i.tolist() == want_i.tolist() == brute.tolist()
    np.testing.assert_allclose(got_s, want_s, rtol=1e-5)
    assert len(arrays) == 300 and ArrayIndex(16).search(queries[:1], 3)[1].tolist() == [[-1]]


def test_query_state_in_memory_retriever_answers_as_the_store_index_one(tmp_path):
    emb = HashingEmbedder()
    store = Store(tmp_path / "s", model="hashing")
    _fill(store, 0, 40, emb)
    retriever_for(store, emb)
    _fill(store, 40, 6, emb)  # the saved state is now behind: the in-memory one adds the rest
    on_index, _ = retriever_for(store, emb, save=False)
    in_memory, _ = retriever_for(store, emb, save=False, in_memory=True)
    assert isinstance(in_memory.index, ArrayIndex) and len(in_memory.index) == len(in_memory) == 46
    everything = np.asarray(store.claim_rowid_list())
    exact = dict(zip(everything.tolist(), store.claim_vectors(everything.tolist())))
    for q in ("how many flights were cancelled at Rennick", "protesters arrested in Talvi 44", "hectares 45"):
        qv = emb.embed([q])
        got_s, got_i = in_memory.index.search(qv, 10)
        want_s, _ = on_index.index.search(qv, 10)
        # the saved vectors are float16: a true top-10 up to that rounding, with the true scores
        assert np.all(got_s[0] >= want_s[0][-1] - 2e-3)
        np.testing.assert_allclose(got_s[0], [exact[i] @ qv[0] for i in got_i[0]], atol=2e-3)
        assert in_memory.search(q, 1)[0][0] == on_index.search(q, 1)[0][0]
    store.close()


@pytest.mark.slow
def test_query_state_numpy_minilm_gives_the_sentence_transformers_vectors():
    from consistency.embed import MiniLMEmbedder
    from consistency.embed.minilm import NumpyMiniLM

    texts = ["The plant will not close, the mayor said on Monday.", "x",
             "Über 2,000 people were evacuated from Kesk overnight, according to police."]
    np.testing.assert_allclose(NumpyMiniLM().embed(texts), MiniLMEmbedder().embed(texts), atol=1e-5)
