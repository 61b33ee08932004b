"""The per-story fact table: rows of different outlets about the same thing, compared by value."""

from dataclasses import replace
from datetime import datetime, timezone

import numpy as np
import pytest

from consistency.compare.by_story import check_story
from consistency.compare.facts import compare_facts, facts_of
from consistency.extract.entities import EntityResolver
from consistency.extract.quantities import find_quantities
from consistency.extract.time.extract import find_times
from consistency.records import Attribution, Claim


def claim(cid: str, text: str, *, outlet: str, day: int = 10, frames: dict[str, tuple[str | None, tuple[str, ...]]]
          ) -> Claim:
    """A claim whose slots carry the happening and subjects given in ``frames`` (slot text -> frame)."""
    published = datetime(2026, 3, day, 9, tzinfo=timezone.utc)
    times = tuple(replace(t, event=frames.get(t.text, (None, ()))[0], about=frames.get(t.text, (None, ()))[1])
                  for t in find_times(text, published.date()))
    qs = tuple(replace(q, event=frames.get(q.text, (None, ()))[0], about=frames.get(q.text, (None, ()))[1])
               for q in find_quantities(text) if not any(t.start <= q.start < t.end for t in times))
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=0,
                 end=len(text), content=text, attribution=Attribution(source=outlet, source_kind="outlet"),
                 times=times, quantities=qs, story_id="s1")


def run(*claims: Claim, similarity: float = 0.6) -> list:
    rows = dict(enumerate(claims))

    def vectors(rs):
        # every pair of distinct claims at the given cosine
        n = len(rs)
        base = np.zeros((n, n + 1), np.float32)
        base[:, 0] = np.sqrt(similarity)
        for i in range(n):
            base[i, i + 1] = np.sqrt(1 - similarity)
        return base

    findings = compare_facts(rows, vectors)
    flags, _, _ = check_story([], rows, EntityResolver(), findings.get("s1", []))
    return flags


def test_facts_same_vote_dated_differently_in_other_words():
    a = claim("a#1", "The House passed the resolution on Tuesday after a short debate.", outlet="A", day=13,
              frames={"Tuesday": ("pass", ("house", "resolution"))})
    b = claim("b#1", "On Wednesday, the resolution reaffirming the motto was passed by the House.", outlet="B",
              day=13, frames={"Wednesday": ("pass", ("house", "resolution"))})
    flags = run(a, b)
    assert [f.type for f in flags] == ["timeline"]
    assert set(flags[0].values.values()) == {"Tuesday", "Wednesday"}
    assert {e.article_id for e in flags[0].evidence} == {"a", "b"}


def test_facts_years_a_step_apart_need_no_shared_verb():
    a = claim("a#1", "Brooke served in the Senate from 1967 to 1979.", outlet="A",
              frames={"1967": ("serve", ("brooke", "senate")), "1979": ("serve", ("brooke", "senate"))})
    b = claim("b#1", "Brooke held the Senate seat from 1966 to 1978.", outlet="B",
              frames={"1966": ("hold", ("brooke", "seat")), "1978": ("hold", ("brooke", "seat"))})
    flags = run(a, b)
    assert [f.type for f in flags] == ["timeline"]


def test_facts_days_of_different_happenings_a_day_apart_are_not_compared():
    a = claim("a#1", "Trump criticised the judge on Tuesday in a long interview.", outlet="A", day=13,
              frames={"Tuesday": ("criticise", ("trump", "judge"))})
    b = claim("b#1", "The judge faced a backlash on Wednesday from both parties.", outlet="B", day=13,
              frames={"Wednesday": ("face", ("judge", "backlash"))})
    assert run(a, b) == []


def test_facts_dates_of_different_happenings_are_not_compared():
    a = claim("a#1", "The senator apologized on Friday for the post.", outlet="A", day=13,
              frames={"Friday": ("apologize", ("senator", "post"))})
    b = claim("b#1", "The party fired the aide on Saturday over the post.", outlet="B", day=13,
              frames={"Saturday": ("fire", ("party", "aide"))})
    assert run(a, b) == []


def test_facts_figure_of_one_counted_thing_differs():
    a = claim("a#1", "The officials took a 35-word oath at the ceremony.", outlet="A",
              frames={"35": ("take", ("oath", "official"))})
    b = claim("b#1", "The officials recited the 38-word oath before noon.", outlet="B",
              frames={"38": ("recite", ("oath", "official"))})
    flags = run(a, b)
    assert [f.type for f in flags] == ["number"]


def test_facts_figures_that_agree_within_a_hedge_are_not_flagged():
    a = claim("a#1", "The group spent about $3.6 billion on the project.", outlet="A",
              frames={"about $3.6 billion": ("spend", ("group", "project"))})
    b = claim("b#1", "The group spent $3.5 billion on the project last year.", outlet="B",
              frames={"$3.5 billion": ("spend", ("group", "project"))})
    assert run(a, b) == []


def test_facts_unrelated_claims_are_not_compared():
    a = claim("a#1", "The officials took a 35-word oath at the ceremony.", outlet="A",
              frames={"35": ("take", ("oath", "official"))})
    b = claim("b#1", "The officials recited the 38-word oath before noon.", outlet="B",
              frames={"38": ("recite", ("oath", "official"))})
    assert run(a, b, similarity=0.1) == []


def test_facts_later_figure_said_to_rise_is_an_update():
    a = claim("a#1", "Officials said 12 people died in the flooding.", outlet="A", day=10,
              frames={"12": ("die", ("people", "flooding"))})
    b = claim("b#1", "The number of people who died in the flooding has risen to 19 people.", outlet="B", day=12,
              frames={"19": ("die", ("people", "number", "flooding"))})
    flags = run(a, b)
    assert [f.type for f in flags] == ["update"]


def test_facts_the_date_someone_spoke_is_not_a_row():
    c = claim("a#1", "The minister said on Monday that the plant would close.", outlet="A",
              frames={"Monday": ("say", ("minister",))})
    assert facts_of(0, c) == []


@pytest.mark.slow
def test_frames_read_from_the_parse():
    from consistency.extract.claims import extract_claims
    from consistency.records import Article

    art = Article(id="x", outlet="A", url="u", title="", published=datetime(2026, 3, 13, tzinfo=timezone.utc),
                  text="On Wednesday, the House voted on a bill that reaffirmed the motto. "
                       "Police said a four-year-old boy was hurt in the crash.")
    claims = extract_claims([art], EntityResolver())
    day = claims[0].times[0]
    assert (day.event, "house" in day.about) == ("vote", True)
    age = claims[1].quantities[0]
    assert (age.value, age.unit, "boy" in age.about) == (4.0, "years old", True)
