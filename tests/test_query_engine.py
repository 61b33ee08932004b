"""The query engine over a store built with the fake extractor and the hashing embedder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency import Options, check, ingest
from consistency.errors import UsageError
from consistency.query.engine import UNLOADED, PairIndex, QueryEngine

BRIEFING = "Minister Ilya Markin spoke at a {} press briefing about the first battery near Kesk."
ROWS = [("q1", "Baltic Wire", "2026-03-10", BRIEFING.format("March 10")),
        ("q2", "Riga Post", "2026-03-11", BRIEFING.format("March 12")),
        ("q3", "Harbour Courier", "2026-03-11", "Ferry tickets on the northern route will cost more from April.")]


@pytest.fixture
def opts(tmp_path: Path, fake_extractor) -> Options:
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "outlet": o, "url": f"https://{i}.example/", "title": f"Story {i}",
                                          "published": f"{d}T08:00:00+00:00", "text": t}) for i, o, d, t in ROWS))
    options = Options(store=tmp_path / "store", embedder="hashing")
    ingest([path], options)
    return options


def test_query_engine_returns_matches_grid_and_the_flag_between_them(opts):
    check(opts)
    engine = QueryEngine(opts)
    try:
        result = engine.query("Markin press briefing about the first battery", k=2)
    finally:
        engine.close()
    assert {m.article_id for m in result.matches} == {"q1", "q2"}
    assert [m.score for m in result.matches] == sorted((m.score for m in result.matches), reverse=True)
    assert {r["outlet"]: r["date"] for r in result.grid} == {"Baltic Wire": "March 10", "Riga Post": "March 12"}
    assert [f.type for f in result.flags] == ["timeline"]
    assert all(m.flags == (result.flags[0].id,) for m in result.matches)
    assert result.matches[0].url.startswith("https://") and result.matches[0].title.startswith("Story")
    assert result.to_dict()["flags"][0]["type"] == "timeline"


def test_query_engine_sees_flags_of_a_check_that_ran_after_it_opened(opts):
    engine = QueryEngine(opts)
    try:
        before = engine.query("Markin press briefing about the first battery", k=2)
        check(opts)
        after = engine.query("Markin press briefing about the first battery", k=2)
    finally:
        engine.close()
    assert before.flags == [] and [f.type for f in after.flags] == ["timeline"]


def test_query_engine_refuses_an_empty_query(opts):
    engine = QueryEngine(opts)
    try:
        with pytest.raises(UsageError, match="empty"):
            engine.query("   ")
    finally:
        engine.close()


def test_query_engine_pair_index_finds_pairs_by_either_end():
    index = PairIndex([(1, 2, 0.9), (3, 1, 0.8), (4, 5, 0.7)])
    assert index.touching([1]) == [(1, 2, 0.9), (1, 3, 0.8)]
    assert index.touching([5, 2]) == [(1, 2, 0.9), (4, 5, 0.7)]
    assert index.touching([9]) == []


def test_query_engine_question_embeds_once_and_puts_the_asked_value_first(opts):
    engine = QueryEngine(opts)
    calls = []
    inner = engine.embedder.embed
    engine.embedder.embed = lambda texts: calls.append(list(texts)) or inner(texts)
    try:
        engine.query("Ferry tickets will cost more from April.", k=2)
        assert engine._question_ranker is UNLOADED  # a claim query does not read the question ranker
        calls.clear()
        result = engine.query("On what date did Markin speak at the press briefing about the battery?", k=3)
        assert engine._question_ranker is not UNLOADED
        assert len(calls) == 1  # the first stage's vector of the question serves the re-ranking too
        scores = [m.score for m in result.matches]
        assert scores == sorted(scores, reverse=True)
        assert result.matches[0].article_id in {"q1", "q2"}  # a dated briefing, not the ferry fares
        engine.question_ranker = None  # a question read as a claim still answers
        assert {m.article_id for m in engine.query("When did Markin speak?", k=2).matches} == {"q1", "q2"}
    finally:
        engine.close()


def test_query_engine_followers_bring_the_next_claim_of_a_leading_match(tmp_path, fake_extractor):
    path = tmp_path / "b.jsonl"
    text = "The Talvi council met on Monday to settle the ferry levy. The final count was nine to four."
    path.write_text(json.dumps({"id": "t1", "outlet": "Baltic Wire", "url": "https://t1.example/", "title": "Levy",
                                "published": "2026-03-10T08:00:00+00:00", "text": text}))
    options = Options(store=tmp_path / "store", embedder="hashing")
    ingest([path], options)
    engine = QueryEngine(options)
    try:
        claims = engine.store.claims()
        first, second = sorted(claims, key=lambda r: claims[r].start)[:2]
        hits, known = engine._with_followers([(first, 2.0)], {first: claims[first]}, lead=1)
        assert hits == [(first, 2.0), (second, 2.0)]  # placed just after the match it follows
        assert known[second].text.startswith("The final count")
        assert engine._with_followers([(first, 2.0)], {first: claims[first]}, lead=0)[0] == [(first, 2.0)]
        hits, _ = engine._with_followers([(first, 2.0), (second, 1.0)], claims, lead=2)
        assert hits == [(first, 2.0), (second, 1.0)]  # a follower already matched is not repeated
    finally:
        engine.close()
