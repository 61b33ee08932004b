"""A pair's outcome is stored as text and read back as the findings comparing it gives."""

import json
from dataclasses import replace
from datetime import datetime, timezone

from consistency.compare.outcomes import PairMemo, decode_outcome, digested_files, encode_outcome, pair_outcome
from consistency.extract.entities import EntityResolver
from consistency.extract.quantities import find_quantities
from consistency.extract.time.extract import find_times
from consistency.records import Attribution, Claim


def claim(cid: str, text: str, *, outlet: str, day: int) -> Claim:
    published = datetime(2026, 5, day, 8, tzinfo=timezone.utc)
    times = tuple(find_times(text, published.date()))
    quantities = tuple(q for q in find_quantities(text) if not any(t.start <= q.start < t.end for t in times))
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=0,
                 end=len(text), content=text, attribution=Attribution(source=outlet, source_kind="outlet"),
                 times=times, quantities=quantities)


# the later report first: comparing puts the earlier claim first, and reading back must too
LATER = claim("b#1", "The ferry carried 212 passengers when it left the harbour on Tuesday.", outlet="B", day=14)
EARLIER = claim("a#1", "The ferry carried 140 passengers when it left the harbour on Tuesday.", outlet="A", day=13)


def test_pair_outcomes_read_back_equal_the_comparison():
    outcome = pair_outcome(LATER, EARLIER, 0.93, EntityResolver())
    assert outcome.findings and outcome.findings[0].a is EARLIER
    text = encode_outcome(outcome, LATER, EARLIER)
    assert text is not None
    assert decode_outcome(text, LATER, EARLIER) == outcome


def test_pair_outcomes_name_the_claims_as_read_now():
    outcome = pair_outcome(LATER, EARLIER, 0.93, EntityResolver())
    text = encode_outcome(outcome, LATER, EARLIER)
    moved = replace(EARLIER, story_id="story-merged"), replace(LATER, story_id="story-merged")
    again = decode_outcome(text, moved[1], moved[0])
    assert {f.a.story_id for f in again.findings} == {"story-merged"}


def test_pair_outcomes_of_other_code_are_not_read():
    text = encode_outcome(pair_outcome(LATER, EARLIER, 0.93, EntityResolver()), LATER, EARLIER)
    stale = json.dumps({**json.loads(text), "code": "another"})
    assert decode_outcome(stale, LATER, EARLIER) is None
    memo = PairMemo({(1, 2): stale})
    assert memo.outcome(1, 2, LATER, EARLIER, 0.93, EntityResolver()).findings  # compared again
    assert (1, 2) in memo.fresh


def test_pair_outcomes_memo_reads_known_pairs_without_comparing(monkeypatch):
    from consistency.compare import outcomes

    text = encode_outcome(pair_outcome(LATER, EARLIER, 0.93, EntityResolver()), LATER, EARLIER)
    monkeypatch.setattr(outcomes, "pair_outcome", lambda *a: (_ for _ in ()).throw(AssertionError("compared")))
    memo = PairMemo({(1, 2): text})
    assert memo.outcome(1, 2, LATER, EARLIER, 0.93, EntityResolver()).findings[0].value_b == "212"
    assert memo.fresh == {}


def test_pair_outcomes_finding_of_another_claim_is_not_kept():
    other = claim("c#1", "The ferry carried 300 passengers when it left the harbour on Tuesday.", outlet="C", day=15)
    outcome = pair_outcome(LATER, EARLIER, 0.93, EntityResolver())
    assert encode_outcome(outcome, LATER, other) is None


def test_pair_outcomes_digest_reads_the_comparing_code_not_the_query_models():
    names = {(p.parent.name, p.name) for p in digested_files()}
    assert ("compare", "numbers.py") in names and ("models", "stance.json") in names
    assert ("models", "confidence.json") in names and ("time", "rules.py") in names
    assert ("models", "question_ranker.json") not in names and ("models", "reranker.json") not in names


def test_pair_outcomes_story_task_reads_kept_outcomes_and_returns_compared_ones(monkeypatch):
    from consistency.compare import outcomes
    from consistency.engine.distributed import check_story_remote
    from consistency.store.encoding import claim_to_json

    pairs = [(1, 2, 0.93)]
    claims_json = {1: claim_to_json(EARLIER), 2: claim_to_json(LATER)}
    state = EntityResolver().to_dict()
    flags, _, quiet, fresh = check_story_remote(pairs, claims_json, state, [])
    assert [f.type for f in flags] and quiet == [] and set(fresh) == {(1, 2)}

    monkeypatch.setattr(outcomes, "pair_outcome", lambda *a: (_ for _ in ()).throw(AssertionError("compared")))
    again, _, _, fresh_again = check_story_remote(pairs, claims_json, state, [], (), fresh)
    assert [f.id for f in again] == [f.id for f in flags] and fresh_again == {}


def test_a_related_story_headline_on_the_page_does_not_speak_for_the_story():
    from consistency.compare.base import of_another_story
    from consistency.compare.by_story import check_story

    headline = claim("c#1", "► Related: The ferry carried 140 passengers when it left the harbour on Tuesday.",
                     outlet="C", day=13)
    flags, _, quiet = check_story([(1, 2, 0.93)], {1: headline, 2: LATER}, EntityResolver(), story=[headline, LATER])
    assert flags == [] and quiet == [(1, 2)]
    assert of_another_story("RELATED: Two hurt in crash on Elm Road")
    assert of_another_story("Skip in Skip Ferry crew remembered at a harbour vigil | 1:02")
    assert not of_another_story("UPDATE: The ferry returned to the harbour.")
    assert not of_another_story("► Ann Tull, 40, of Dover, was among the passengers.")
    assert not of_another_story("More than 200 passengers were aboard.")
