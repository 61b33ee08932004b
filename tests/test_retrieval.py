"""Claim retrieval: BM25, fusion, re-ranking plumbing and tweet normalisation on hand-written text."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bench.checkthat import average_precision, evaluate
from consistency.embed import HashingEmbedder
from consistency.query.bm25 import BM25, stem, tokenize
from consistency.query.hybrid import FUSIONS, HybridRetriever
from consistency.query.rerank import (
    FEATURES,
    SHIPPED,
    Reranker,
    pair_features,
    parse_date,
    query_info,
)
from consistency.query.textnorm import (
    normalize_social,
    query_sentences,
    split_tag,
    trailing_author,
    trailing_date,
)

CLAIMS = [
    "The mayor of Springfield banned plastic bags in all grocery stores.",
    "A video shows a shark swimming on a flooded highway after the hurricane.",
    "The senator said the new tax bill will cut taxes for 90 percent of families.",
    "Drinking hot water every fifteen minutes cures the coronavirus.",
    "The president did not sign the executive order on border security.",
    "A photograph shows a giant snake found in a swimming pool in Florida.",
]


def _retriever(**kw) -> HybridRetriever:
    r = HybridRetriever(HashingEmbedder(), reranker=kw.pop("reranker", None), **kw)
    r.add([10 * i + 1 for i in range(len(CLAIMS))], CLAIMS,
          fields=[{"title": f"Claim {i}", "date": "26 May 2015"} for i in range(len(CLAIMS))])
    return r


def test_retrieval_bm25_matches_hand_computed_score():
    bm = BM25(k1=1.2, b=0.75)
    bm.add(["shark highway", "shark shark pool snake", "tax bill"])
    n, df, tf, dl, avgdl = 3, 2, 1, 2, 8 / 3
    idf = math.log1p((n - df + 0.5) / (df + 0.5))
    expected = idf * tf * 2.2 / (tf + 1.2 * (1 - 0.75 + 0.75 * dl / avgdl))
    assert bm.scores("shark")[0] == pytest.approx(expected, rel=1e-5)
    assert bm.scores("shark")[2] == 0.0


def test_retrieval_bm25_incremental_add_equals_fresh_build():
    texts = [f"claim number {i} about topic {i % 7}" for i in range(200)] + ["unique zebra crossing"]
    grown = BM25()
    grown.add(texts[:150])
    grown.scores("topic")
    grown.add(texts[150:190])
    grown.scores("topic")
    grown.add(texts[190:])
    fresh = BM25()
    fresh.add(texts)
    for q in ("zebra crossing", "topic 3 claim", "number 42"):
        np.testing.assert_allclose(grown.scores(q), fresh.scores(q), rtol=1e-5)
    assert grown.top("zebra", 3)[0][0] == 200


def test_retrieval_bm25_rare_term_outweighs_common():
    bm = BM25()
    bm.add(["vaccine news today", "vaccine news", "vaccine microchip", "news today"])
    rows, _ = bm.top("vaccine microchip news", 4)
    assert rows[0] == 2


def test_retrieval_tokenize_stems_and_keeps_negation():
    assert stem("claims") == "claim" and stem("cities") == "city" and stem("banned") == "bann"
    assert "not" in tokenize("The president did not sign it")
    assert "the" not in tokenize("The president")


@pytest.mark.parametrize("fusion", FUSIONS)
def test_retrieval_every_fusion_finds_the_paraphrase(fusion):
    r = _retriever(fusion=fusion)
    hits = r.search("Shark swimming on the flooded highway after hurricane!! https://t.co/xyz", k=3)
    assert hits[0][0] == 11
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)


def test_retrieval_given_vectors_are_used_for_dense_search():
    emb = HashingEmbedder()
    r = HybridRetriever(emb, reranker=None, fusion="dense")
    vecs = emb.embed(CLAIMS)
    vecs[0] = emb.embed(["giant python reptile"])[0]
    r.add(list(range(len(CLAIMS))), CLAIMS, vectors=vecs)
    assert r.search("giant python reptile", k=1)[0][0] == 0


def test_retrieval_rejects_duplicate_ids_and_unknown_fusion():
    r = _retriever()
    with pytest.raises(ValueError, match="already indexed"):
        r.add([11], ["again"])
    with pytest.raises(ValueError, match="unknown fusion"):
        HybridRetriever(HashingEmbedder(), fusion="magic")


def test_retrieval_empty_retriever_returns_nothing():
    assert HybridRetriever(HashingEmbedder(), reranker=None).search("anything") == []


def test_retrieval_incremental_add_is_searchable():
    r = _retriever()
    r.search("plastic bags")
    r.add([99], ["Aliens landed in the town square of Springfield on Tuesday."])
    assert r.search("aliens landed in town square", k=1)[0][0] == 99


def test_retrieval_shipped_reranker_loads_and_reorders():
    assert SHIPPED.exists()
    model = Reranker.load()
    assert model.width == len(FEATURES)
    r = _retriever(reranker="shipped")
    hits = r.search("Senator says the tax bill cuts taxes for 90% of families", k=4)
    assert hits[0][0] == 21
    assert len(hits) == 4


def test_retrieval_candidate_features_have_one_row_per_candidate():
    r = _retriever()
    cand = r.candidates("snake in a swimming pool — Jo (@jo) May 28, 2015")
    assert cand.features.shape == (min(len(cand.rows), r.rerank_depth), len(FEATURES))
    assert cand.features[:, FEATURES.index("has_dates")].max() == 1.0


def test_retrieval_average_precision_follows_trec_map_cut():
    assert average_precision(["a", "b", "c"], {"b"}, 5) == pytest.approx(0.5)
    assert average_precision(["a", "b", "c"], {"a", "c"}, 5) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision(["a", "b"], {"b"}, 1) == 0.0
    res = evaluate({"q1": ["x", "y"], "q2": ["z"]}, {"q1": {"y"}, "q2": {"z"}})
    assert res["mrr"] == pytest.approx(0.75) and res["p@1"] == 0.5


def test_textnorm_strips_retweet_links_and_splits_tags():
    tweet = "RT @NewsBot: BREAKING #DefundTheCBC now https://t.co/AbC123 via @realDonaldTrump 🇨🇦🔥"
    assert normalize_social(tweet) == "BREAKING Defund The CBC now via real Donald Trump"


def test_textnorm_keeps_tweet_author_but_drops_handle_and_date():
    tweet = "Butterflies drink from a wombat hole pic.twitter.com/xyz — Jane Doe (@jdoe) January 2, 2020"
    assert normalize_social(tweet) == "Butterflies drink from a wombat hole Jane Doe"
    assert normalize_social(tweet, keep_author=False) == "Butterflies drink from a wombat hole"
    assert trailing_date(tweet).isoformat() == "2020-01-02"
    assert trailing_date("no date here") is None


def test_textnorm_names_emoji_on_request_and_splits_underscored_handles():
    assert "face with tears of joy" in normalize_social("lol 😂", name_emoji=True)
    assert split_tag("covid_19_Vaccine") == "covid 19 Vaccine"
    assert normalize_social("Tom &amp; Jerry") == "Tom & Jerry"


def test_retrieval_parse_date_reads_common_formats():
    assert parse_date("26 May 2015").isoformat() == "2015-05-26"
    assert parse_date("2021-03-06T10:00").isoformat() == "2021-03-06"
    assert parse_date("someday") is None


def test_textnorm_trailing_author_reads_the_sign_off_name():
    assert trailing_author("Hot take — Jane Doe 🔥 (@jdoe) January 2, 2020") == "Jane Doe"
    assert trailing_author("no sign-off here") == ""


def test_retrieval_bm25_token_idf_ranks_rare_terms_higher():
    bm = BM25()
    bm.add(["shark highway", "shark pool", "shark tax"])
    idf = bm.token_idf(["shark", "highway", "zebra"])
    assert idf["highway"] > idf["shark"]
    assert idf["zebra"] >= idf["highway"]


def test_retrieval_pair_features_see_bigrams_and_the_tweet_author():
    text = "Jane Doe says the flooded highway had a shark"
    q = query_info(text, None, {t: 2.0 for t in tokenize(text)}, author="Jane Doe", avgdl=6.0)
    docs = ["A shark swam on a flooded highway, Jane Doe said.", "Taxes were cut for families."]
    n = len(docs)
    cos = np.array([[0.5, 0.4, np.nan], [0.1, 0.2, np.nan]])
    zeros = np.zeros(n)
    feats = pair_features(q, docs, ["", ""], [None, None], cos, zeros, zeros, zeros,
                          np.array([1.0, 0.0]), zeros, zeros)
    col = {name: feats[:, i] for i, name in enumerate(FEATURES)}
    assert col["bigram_cover"][0] > 0 and col["bigram_cover"][1] == 0
    assert col["author_match"][0] == 1.0 and col["author_match"][1] == 0.0
    assert col["bm25_claim"][0] > col["bm25_claim"][1] == 0.0
    assert col["idf_cover"][0] > 0.5


def test_textnorm_query_sentences_drops_short_exclamations():
    text = "Holy crap! A shark swam down the flooded highway after the storm. Share this now"
    assert query_sentences(text) == ["A shark swam down the flooded highway after the storm.", "Share this now"]
    assert query_sentences("Wow!") == ["Wow!"]


def test_retrieval_pair_features_read_the_best_query_sentence():
    text = "Unbelievable scenes today. A shark swam on a flooded highway"
    q = query_info(text, None, {t: 1.0 for t in tokenize(text)}, avgdl=6.0)
    docs = ["A shark swam on a flooded highway.", "Taxes were cut for families."]
    zeros = np.zeros(2)
    cos = np.array([[0.6, np.nan, np.nan], [0.2, 0.3, np.nan]])
    sent_cos = np.array([[0.9, np.nan], [0.25, 0.1]])
    feats = pair_features(q, docs, ["", "Tax cut"], [None, None], cos, zeros, zeros, zeros,
                          np.array([1.0, 0.0]), zeros, zeros, sent_cos)
    col = {name: feats[:, i] for i, name in enumerate(FEATURES)}
    np.testing.assert_allclose(col["sent_cos_text"], [0.9, 0.25])
    np.testing.assert_allclose(col["sent_cos_title"], [0.0, 0.1])
    np.testing.assert_allclose(col["rel_sent_text"], [0.0, -0.65])
    np.testing.assert_allclose(col["sent_gain"], [0.3, 0.05], atol=1e-6)
    plain = pair_features(q, docs, ["", "Tax cut"], [None, None], cos, zeros, zeros, zeros,
                          np.array([1.0, 0.0]), zeros, zeros)
    np.testing.assert_allclose(plain[:, FEATURES.index("sent_cos_text")], [0.6, 0.2], atol=1e-6)


def test_retrieval_pair_features_see_near_copies_in_the_pool():
    text = "A shark swam on a flooded highway"
    q = query_info(text, None, {t: 1.0 for t in tokenize(text)}, avgdl=6.0)
    docs = ["A shark swam on a flooded highway.", "Shark seen on flooded highway.", "Taxes were cut."]
    zeros = np.zeros(3)
    cos = np.array([[0.8, np.nan, np.nan], [0.7, np.nan, np.nan], [0.1, np.nan, np.nan]])
    vecs = np.array([[1.0, 0.0], [0.95, 0.3122], [0.0, 1.0]])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    feats = pair_features(q, docs, ["", "", ""], [None] * 3, cos, zeros, zeros, zeros,
                          np.array([2.0, 1.0, 0.0]), zeros, zeros, None, vecs)
    col = {name: feats[:, i] for i, name in enumerate(FEATURES)}
    near = float(vecs[0] @ vecs[1])
    # the best-fused candidate has nobody above it; the copy below it sees it
    np.testing.assert_allclose(col["dup_better"], [-1.0, near, float(vecs[1] @ vecs[2])], atol=1e-6)
    np.testing.assert_allclose(col["dup_count"], [1, 1, 0])
    np.testing.assert_allclose(col["dup_max"], [near, near, float(vecs[1] @ vecs[2])], atol=1e-6)
    alone = pair_features(q, docs, ["", "", ""], [None] * 3, cos, zeros, zeros, zeros,
                          np.array([2.0, 1.0, 0.0]), zeros, zeros)
    assert not alone[:, FEATURES.index("dup_better"):].any()


def test_retrieval_reranker_round_trips_and_rejects_narrow_features(tmp_path):
    width = len(FEATURES) + 4
    rng = np.random.default_rng(0)
    model = Reranker(np.zeros(width), np.ones(width), rng.normal(size=width), 0.5, meta={"l2": 1.0})
    model.save(tmp_path / "r.json")
    back = Reranker.load(tmp_path / "r.json")
    feats = rng.normal(size=(3, width + 2))
    np.testing.assert_allclose(back.score(feats), model.score(feats), rtol=1e-4)
    with pytest.raises(ValueError, match="feature columns"):
        back.score(feats[:, : len(FEATURES)])
