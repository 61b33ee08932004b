"""Sure figure disagreements: one figure of one holder, told differently by two outlets of one story."""

from dataclasses import replace
from datetime import datetime, timezone

import numpy as np

from consistency.compare.facts import candidates, facts_of
from consistency.compare.figures import surest_findings, sureness
from consistency.extract.quantities import find_quantities
from consistency.options import Options
from consistency.records import Attribution, Claim


def claim(cid: str, text: str, *, outlet: str, frames: dict[str, tuple[str | None, tuple[str, ...]]],
          day: int = 10) -> Claim:
    """A claim whose figures carry the verb and the words given in ``frames`` (figure text -> frame)."""
    qs = tuple(replace(q, event=frames.get(q.text, (None, ()))[0], about=frames.get(q.text, (None, ()))[1])
               for q in find_quantities(text))
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 3, day, 9, tzinfo=timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=Attribution(source=outlet, source_kind="outlet"), times=(),
                 quantities=qs, story_id="s1")


def alike(rs):
    """Vectors that put every pair of distinct claims at a cosine of .6."""
    base = np.zeros((len(rs), len(rs) + 1), np.float32)
    base[:, 0] = np.sqrt(0.6)
    for i in range(len(rs)):
        base[i, i + 1] = np.sqrt(0.4)
    return base


def graded(*claims: Claim) -> list[tuple[str, str, float]]:
    """Each candidate of the claims' table as (earlier value, later value, sureness)."""
    facts = [f for r, c in enumerate(claims) for f in facts_of(r, c)]
    return [(c.a.slot.text, c.b.slot.text, sureness(c, facts)) for c in candidates(facts, lambda r, s: 0.6)]


def shift(cid: str, text: str, outlet: str, value: str, verb: str = "shift", day: int = 10) -> Claim:
    return claim(cid, text, outlet=outlet, day=day, frames={value: (verb, ("usd", "fund", "plan"))})


A = shift("a#1", "The plan would shift $2 billion from the harbour fund.", "A", "$2 billion")
B = shift("b#1", "Officials said the plan would shift $2.4 billion from the harbour fund.", "B", "$2.4 billion")


def test_figures_one_figure_told_two_ways_is_surest():
    assert graded(A, B) == [("$2 billion", "$2.4 billion", 1.0)]


def test_figures_a_third_outlets_other_value_makes_the_figure_an_estimate():
    c = shift("c#1", "The plan would shift $2.8 billion from the harbour fund.", "C", "$2.8 billion")
    assert {s for _, _, s in graded(A, B, c)} and all(s < 1.0 for _, _, s in graded(A, B, c))
    # a third outlet agreeing with one of the two leaves the pair as sure as before
    same = shift("c#1", "The plan would shift $2 billion from the harbour fund.", "C", "$2 billion")
    assert ("$2 billion", "$2.4 billion", 1.0) in graded(A, B, same)


def test_figures_two_verbs_of_their_own_are_less_sure():
    saved = shift("b#1", "The plan would save $2.4 billion from the harbour fund.", "B", "$2.4 billion", "save")
    assert [s for _, _, s in graded(A, saved)] == [0.75]
    # a verb that tells nothing of its own (saying, having) does not part them
    has = shift("b#1", "The plan has $2.4 billion from the harbour fund.", "B", "$2.4 billion", "have")
    assert [s for _, _, s in graded(A, has)] == [1.0]


def test_figures_a_general_verb_with_a_particle_is_a_verb_of_its_own():
    took = shift("b#1", "Thieves took off with $2.4 billion from the harbour fund.", "B", "$2.4 billion", "take")
    assert [s for _, _, s in graded(A, took)] == [0.75]
    # the bare verb still tells nothing of its own, in any of its forms
    taken = shift("b#1", "The plan has taken $2.4 billion from the harbour fund.", "B", "$2.4 billion", "take")
    assert [s for _, _, s in graded(A, taken)] == [1.0]


def test_figures_a_newer_figure_a_range_or_a_count_of_people_is_not_graded():
    newer = shift("b#1", "The plan would now shift a revised $2.4 billion from the harbour fund.", "B",
                  "$2.4 billion")
    assert [s for _, _, s in graded(A, newer)] in ([], [0.0])
    ranged = shift("b#1", "The plan would shift between $2.5 billion and $3 billion from the harbour fund.", "B",
                   "between $2.5 billion and $3 billion")
    assert all(s == 0.0 for _, _, s in graded(A, ranged))
    few = claim("a#1", "Some 40 people joined the march downtown.", outlet="A",
                frames={"Some 40": ("join", ("people", "march"))})
    many = claim("b#1", "Around 90 people joined the march downtown.", outlet="B",
                 frames={"Around 90": ("join", ("people", "march"))})
    assert all(s == 0.0 for _, _, s in graded(few, many))


def test_figures_reach_the_default_check_at_the_bar():
    rows = {0: A, 1: B}
    got = surest_findings(rows, alike, None, 1.0)
    assert [(f.type, f.a.id, f.b.id) for f, _ in got["s1"]] == [("number", "a#1", "b#1")]
    assert surest_findings(rows, alike, None, None) == {}
    assert Options(store=".x").figure_bar == 1.0


def timed(cid: str, text: str, outlet: str, frames: dict[str, tuple[str | None, tuple[str, ...]]]) -> Claim:
    """A claim with its time expressions read, each carrying the verb and words given in ``frames``."""
    from consistency.extract.time.extract import find_times

    c = claim(cid, text, outlet=outlet, frames={})
    times = tuple(replace(t, event=frames.get(t.text, (None, ()))[0], about=frames.get(t.text, (None, ()))[1])
                  for t in find_times(text, c.published.date()))
    return replace(c, times=times, quantities=tuple(q for q in c.quantities
                                                    if not any(t.start <= q.start < t.end for t in times)))


def test_figures_a_wait_in_hours_told_two_ways_is_one_figure():
    six = timed("a#1", "Ms Arlow queued for six hours at the depot.", "A", {"six hours": ("queue", ())})
    # the figure hangs on the nearer infinitive, after the verb the other outlet gives
    seven = timed("b#1", "Ms Arlow queued at the depot to collect her permit for seven hours.", "B",
                 {"seven hours": ("collect", ("permit",))})
    assert graded(six, seven) == [("six hours", "seven hours", 1.0)]


def test_figures_a_span_between_two_happenings_is_not_a_length():
    long = timed("a#1", "The 30-minute standoff at the depot ended quietly.", "A",
                 {"30-minute": ("end", ("standoff",))})
    gap = timed("b#1", "The standoff at the depot began 40 minutes after the alarm.", "B",
                {"40 minutes": ("begin", ("standoff",))})
    assert graded(long, gap) == []
