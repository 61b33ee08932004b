"""Answers from matches: facts across outlets, repeats and captions, confident slots, the asked-for value."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np

from consistency.query.answer import (
    asks_for,
    confident_channel,
    confident_speaker,
    fact_dict,
    group_facts,
    is_caption,
    shown,
    typed_ranking,
)
from consistency.records import Attribution, Claim, Quantity, TimeExpr

WHEN = datetime(2026, 3, 10, tzinfo=timezone.utc)


def claim(cid: str, text: str, outlet: str = "Baltic Wire", article: str | None = None, **kw) -> Claim:
    return Claim(id=cid, article_id=article or cid.split("#")[0], outlet=outlet, published=WHEN, text=text, start=0,
                 end=len(text), content=text, **kw)


def unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, np.float32)
    return v / np.linalg.norm(v)


def test_query_answer_one_fact_per_statement_across_outlets():
    a = claim("a1#0", "Forty soldiers were deployed to Kesk on Monday.")
    a_caption = claim("a1#1", "Soldiers arriving in Kesk on Monday. Credit Photo Agency", article="a1")
    b = claim("b1#0", "Some 40 troops arrived in Kesk on Monday.", outlet="Riga Post")
    other = claim("c1#0", "The mayor of Talvi resigned.", outlet="Riga Post")
    photo = claim("d1#0", "Troops at the border crossing", outlet="Harbour Times")
    vectors = {"a1#0": unit(1, 0.1, 0), "a1#1": unit(1, 0.12, 0), "b1#0": unit(1, 0.2, 0), "c1#0": unit(0, 0, 1),
               "d1#0": unit(0, 1, 0)}
    ranked = [(a_caption, 9.0), (photo, 8.5), (a, 8.0), (b, 7.5), (other, 3.0)]
    facts = group_facts(ranked, vectors)
    # The caption repeating its article's statement folds into it; another caption ranks below the statements.
    assert [f.lead.id for f in facts] == ["a1#0", "c1#0", "d1#0"]
    assert [c.id for c in facts[0].claims] == ["a1#0", "b1#0"]
    assert [f.lead.id for f in shown(facts, 5)] == ["a1#0", "d1#0"]  # the unrelated fact scores far below


def test_query_answer_repeats_within_one_article_collapse():
    lead = claim("a1#0", "The plant will not close, the minister said.")
    again = claim("a1#5", "The plant will not close, the minister said on Monday.", article="a1")
    vectors = {"a1#0": unit(1, 0), "a1#5": unit(0, 1)}  # even far apart in vector space: the words repeat
    facts = group_facts([(lead, 5.0), (again, 4.9)], vectors)
    assert len(facts) == 1 and facts[0].claims == [lead]


def test_query_answer_captions_are_told_from_statements():
    assert is_caption(claim("x#0", "Representative Ann Holm in December at the Capitol.CreditJane Doe/Agency"))
    assert is_caption(claim("x#1", "Firefighters outside the plant in Kesk"))
    assert not is_caption(claim("x#2", "Firefighters said the fire at the plant in Kesk was out."))


def test_query_answer_slots_shown_only_when_confident():
    bad = claim("x#0", "He said in a statement Monday that the plant would close.",
                attribution=Attribution(source="a statement Monday", source_kind="named", cue="said",
                                        channel="Monday"),
                times=(TimeExpr(text="Monday", start=27, end=33, type="DATE", value="2026-03-09"),))
    good = claim("x#1", "Ilya Markin told Orbis the plant would close.",
                 attribution=Attribution(source="Ilya Markin", source_kind="named", cue="told", channel="Orbis"))
    assert confident_speaker(bad) == "" and confident_channel(bad) == ""
    assert confident_speaker(good) == "Ilya Markin" and confident_channel(good) == "Orbis"


def test_query_answer_stance_is_toward_the_query_not_the_first_statement():
    closes = claim("a#0", "The plant will close in May.")
    stays = claim("b#0", "The plant will not close in May.", outlet="Riga Post", negated=True)
    facts = group_facts([(stays, 5.0), (closes, 4.9)], {"a#0": unit(1, 0.1), "b#0": unit(1, 0.12)})
    d = fact_dict(facts[0], None, {}, {}, "The plant will close in May")
    assert d["statements"][0]["claim_id"] == "b#0"  # the best match says the opposite of the query
    assert {s["claim_id"]: s["stance"] for s in d["statements"]} == {"b#0": "denies", "a#0": "supports"}
    d = fact_dict(facts[0], None, {}, {}, "Is it false that the plant will close in May?")
    assert {s["claim_id"]: s["stance"] for s in d["statements"]} == {"b#0": "supports", "a#0": "denies"}


def test_query_answer_question_kind_lifts_claims_holding_that_value():
    assert asks_for("How old is the new chairman?") == "quantity"
    assert asks_for("On what day did the talks end?") == "time"
    assert asks_for("Whom did the governor appoint?") == "person"
    assert asks_for("Where was the speech given?") == "place"
    assert asks_for("Did the minister deny the report?") is None
    q = "How many soldiers were deployed to Kesk?"
    vague = claim("a#0", "Soldiers were deployed to Kesk.")
    counted = claim("b#0", "Forty soldiers were deployed to Kesk.",
                    quantities=(Quantity(text="Forty", start=0, end=5, value=40, low=40, high=40),))
    rescored = dict((c.id, s) for c, s in typed_ranking([(vague, 5.0), (counted, 4.5)], q))
    assert rescored["b#0"] > rescored["a#0"]


def test_query_answer_marks_differences_between_outlets_in_one_fact():
    a = claim("a1#0", "Forty soldiers were deployed to Kesk.",
              quantities=(Quantity(text="Forty", start=0, end=5, value=40, low=40, high=40),))
    b = claim("b1#0", "Ninety soldiers were deployed to Kesk.", outlet="Riga Post",
              quantities=(Quantity(text="Ninety", start=0, end=6, value=90, low=90, high=90),))
    facts = group_facts([(a, 5.0), (b, 4.8)], {"a1#0": unit(1, 0.1), "b1#0": unit(1, 0.15)})
    d = fact_dict(facts[0], None, {}, {})
    assert [s["outlet"] for s in d["statements"]] == ["Baltic Wire", "Riga Post"]
    assert any(x["type"] == "number" for x in d["disagreements"])
    assert all("number" in s["differs"] for s in d["statements"])
