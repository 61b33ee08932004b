"""A running tally a later report raises: an update, across outlets, when it is the same count of the same scope."""

from dataclasses import replace
from datetime import datetime, timezone

from consistency.compare.facts import facts_of
from consistency.compare.tallies import DEAD, HURT, CASES, tally, tally_updates
from consistency.extract.quantities import find_quantities
from consistency.records import Attribution, Claim, Entity, TimeExpr


def claim(cid: str, text: str, *, outlet: str, day: int = 10, places: tuple[str, ...] = (),
          times: tuple[TimeExpr, ...] = ()) -> Claim:
    """A claim with the quantities the reader finds and the places given (as GPE entities)."""
    ents = tuple(Entity(p, text.index(p), text.index(p) + len(p), "GPE", "gpe:" + p.casefold()) for p in places)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 3, day, 9, tzinfo=timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=Attribution(source=outlet, source_kind="outlet"), times=times,
                 quantities=tuple(find_quantities(text)), entities=ents, story_id="s1")


def stamp(text: str, words: str) -> TimeExpr:
    """The time a count is given as of, at ``words`` of ``text``."""
    at = text.index(words)
    return TimeExpr(words, at, at + len(words), "TIME", "2026-03-09T23:00", granularity="time")


def updates(*claims: Claim) -> list[tuple[str, str]]:
    facts = [f for r, c in enumerate(claims) for f in facts_of(r, c)]
    return [(f.value_a, f.value_b) for f, _ in tally_updates(facts, lambda r, s: 0.5)]


def counted(text: str) -> list[str | None]:
    c = claim("x#1", text, outlet="X")
    return [tally(f) for f in facts_of(0, c) if f.kind == "figure"]


FLOOD = claim("a#1", "Flooding in the river valley killed at least 230 people, officials said.", outlet="A",
              places=("valley",), day=10)


def test_tallies_read_the_count_whatever_carries_it():
    assert counted("The storm killed 14 people.") == [DEAD]
    assert counted("At least 14 people were killed in the storm.") == [DEAD]
    assert counted("The blaze left 14 dead and 30 injured.") == [DEAD, HURT]
    assert counted("Officials raised the death toll from the storm to 14 on Friday.") == [DEAD]
    assert counted("The county has confirmed 88 cases of the fever.") in ([CASES], [None])
    assert counted("The number of cases climbed to 88.") == [CASES]
    # a count of things, not of people, is no tally
    assert counted("The storm destroyed 14 bridges.") == [None]


def test_tallies_a_higher_count_a_day_later_is_an_update():
    later = claim("b#1", "Officials raised the death toll from the flooding to 312 on Thursday.", outlet="B", day=11)
    assert updates(FLOOD, later) == [("at least 230", "312")]


def test_tallies_the_earlier_reports_floor_is_its_rounding_down():
    rounded = claim("a#1", "Flooding in the valley killed more than 300 people.", outlet="A", day=10)
    later = claim("b#1", "The flooding killed 312 people, officials said.", outlet="B", day=11)
    assert updates(rounded, later) == []  # "more than 300" may be 312 rounded down
    exact = claim("a#1", "Flooding in the valley killed at least 296 people.", outlet="A", day=10)
    assert updates(exact, later) == [("at least 296", "312")]


def test_tallies_a_count_given_as_of_a_time_is_the_newer_of_one_day():
    text = "By 11 p.m. on Monday, the relief agency counted 312 people killed in the flooding."
    newer = claim("b#1", text, outlet="B", day=10, times=(stamp(text, "11 p.m. on Monday"),))
    assert updates(FLOOD, newer) == [("at least 230", "312")]
    plain = claim("b#1", "The relief agency counted 312 people killed in the flooding.", outlet="B", day=10)
    assert updates(FLOOD, plain) == []  # same day, nothing says which is newer


def test_tallies_keep_scopes_apart():
    other_place = claim("b#1", "In Harwick, the flooding killed 312 people.", outlet="B", day=11, places=("Harwick",))
    assert updates(FLOOD, other_place) == []
    year = claim("b#1", "Floods have killed 312 people in the region this year.", outlet="B", day=11)
    assert updates(FLOOD, year) == []
    daily = claim("b#1", "The fever killed 312 people a day at its peak.", outlet="B", day=11)
    assert updates(FLOOD, daily) == []
    hurt = claim("b#1", "The flooding injured 312 people.", outlet="B", day=11)
    assert updates(FLOOD, hurt) == []


def test_tallies_a_lower_or_far_higher_count_is_no_update():
    lower = claim("b#1", "The flooding killed 190 people.", outlet="B", day=11)
    assert updates(FLOOD, lower) == []
    far = claim("b#1", "The flooding killed 2,300 people.", outlet="B", day=11)
    assert updates(FLOOD, far) == []
    vague = claim("b#1", "The flooding killed hundreds of people.", outlet="B", day=11)
    assert updates(FLOOD, vague) == []


def test_tallies_one_outlets_reports_are_not_set_against_each_other():
    own = replace(claim("a2#1", "Officials raised the death toll from the flooding to 312.", outlet="A", day=11))
    assert updates(FLOOD, own) == []


def test_tallies_the_detained_are_not_the_arrested():
    held = claim("a#1", "Two men have been detained in connection with the fire.", outlet="A", day=10)
    charged = claim("b#1", "Police said three men were arrested in connection with the fire.", outlet="B", day=12)
    assert updates(held, charged) == []
    first = claim("a#1", "Police said two men were arrested in connection with the fire.", outlet="A", day=10)
    assert updates(first, charged) == [("two", "three")]


def test_tallies_arrests_for_two_offences_are_two_counts():
    sweep = claim("a#1", "Officers made 11 arrests for illegal vending over the festival.", outlet="A", day=10)
    other = claim("b#1", "Officers made 15 arrests for reckless driving over the festival.", outlet="B", day=12)
    assert updates(sweep, other) == []
    same = claim("b#1", "Officers made 15 arrests for illegal vending over the festival.", outlet="B", day=12)
    assert updates(sweep, same) == [("11", "15")]


def test_tallies_a_verb_of_rise_leading_to_the_count_makes_it_the_newer_of_one_day():
    rose = claim("b#1", "The death toll from the flooding rose to 312, the relief agency said.", outlet="B", day=10)
    assert updates(FLOOD, rose) == [("at least 230", "312")]
    # a rise told of something else in the sentence says nothing of the count
    grew = claim("b#1", "The river grew overnight and the flooding killed 312 people.", outlet="B", day=10)
    assert updates(FLOOD, grew) == []


def test_tallies_one_of_a_list_of_the_dead_is_a_part_not_the_toll():
    listed = claim("a#1", "A woman and two men died when the ward caught fire.", outlet="A", day=10)
    later = claim("b#1", "Three people died in the ward fire, officials said.", outlet="B", day=11)
    # the list's parts ("a woman", "two men") are not a count of all the dead a later report could raise
    assert updates(listed, later) == []
    whole = claim("a#1", "Two people died in the ward fire.", outlet="A", day=10)
    assert updates(whole, later) == [("Two", "Three")]


def test_tallies_a_count_of_a_happening_recalled_from_weeks_before_is_no_tally():
    recall = claim("b#1", "In January, a fire at a mill killed 312 people.", outlet="B", day=11,
                   times=(TimeExpr("In January", 0, 10, "DATE", "2026-01", granularity="month",
                                   earliest="2026-01-01", latest="2026-01-31"),))
    assert updates(FLOOD, recall) == []
    fresh = replace(recall, times=(), text="A fire at a mill killed 312 people.", content="A fire at a mill killed 312 people.",
                    end=len("A fire at a mill killed 312 people."), quantities=tuple(find_quantities("A fire at a mill killed 312 people.")))
    assert updates(FLOOD, fresh) == [("at least 230", "312")]
