"""Denials lined up by what they deny (the real-coverage experiment in bench/denials.py)."""

from __future__ import annotations

from datetime import datetime, timezone

from consistency.records import Claim

from bench.denials import candidates, scope

WHEN = datetime(2020, 3, 2, tzinfo=timezone.utc)


def _claim(cid: str, outlet: str, text: str, story: str = "s1") -> Claim:
    return Claim(id=cid, article_id=f"{outlet}-1", outlet=outlet, published=WHEN, text=text, start=0,
                 end=len(text), content=text, story_id=story)


def test_denials_scope_is_the_words_after_the_negation() -> None:
    assert scope("The council did not approve the Brixley harbour plan.") >= {"approve", "brixley", "harbour"}
    assert scope("The council approved the plan.") == frozenset()


def test_denials_line_up_a_denial_with_what_another_outlet_asserts() -> None:
    story = [_claim("a1", "Ledger", "The council did not approve the Brixley harbour plan on Monday."),
             _claim("b1", "Courier", "On Monday the council voted to approve the Brixley harbour plan."),
             _claim("b2", "Courier", "The mayor opened the new library."),
             _claim("c1", "Ledger", "The library opened to crowds.")]
    found = candidates(story)
    assert [(c.negating.id, c.asserting.id) for c in found] == [("a1", "b1")]
    assert {"approve", "brixley", "harbour"} <= found[0].shared
    assert 0 < found[0].weight <= 1


def test_denials_an_outlet_that_reports_both_sides_is_not_one() -> None:
    story = [_claim("a1", "Ledger", "The council did not approve the Brixley harbour plan."),
             _claim("a2", "Ledger", "Critics said the council voted to approve the Brixley harbour plan."),
             _claim("b1", "Courier", "The council voted to approve the Brixley harbour plan.")]
    assert candidates(story) == []
    assert [(c.negating.id, c.asserting.id) for c in candidates(story, one_sided=False)] == [("a1", "b1")]


def test_denials_never_cross_stories() -> None:
    story = [_claim("a1", "Ledger", "The council did not approve the Brixley harbour plan.", "s1"),
             _claim("b1", "Courier", "The council voted to approve the Brixley harbour plan.", "s2")]
    assert candidates(story) == []
