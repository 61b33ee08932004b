"""Hospital conditions and custody told two ways by outlets of one story."""

from datetime import datetime, timezone

from consistency.compare.conditions import condition_updates, conditions, release_clashes
from consistency.compare.custody import custody_clashes
from consistency.records import Attribution, Claim


def claim(cid: str, text: str, *, outlet: str, day: int) -> Claim:
    """A claim of story s1 published on the given day of May."""
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=Attribution(source=outlet, source_kind="outlet"), story_id="s1")


def test_conditions_read_the_scale_and_a_told_change():
    c = claim("a#1", "The clerk was upgraded to fair condition on Sunday.", outlet="A", day=4)
    assert [(x.level, x.change) for x in conditions(c)] == [(1, -1)]
    c = claim("a#2", "Both were listed in critical but stable condition, a spokesman said.", outlet="A", day=4)
    assert [(x.level, x.change) for x in conditions(c)] == [(3, 0)]
    c = claim("a#3", "It was not known whether the clerk was in serious condition.", outlet="A", day=4)
    assert conditions(c) == []


def test_a_told_change_on_a_later_day_is_an_update():
    a = claim("a#1", "The clerk was listed in serious but stable condition.", outlet="A", day=3)
    b = claim("b#1", "The clerk was upgraded to fair condition on Sunday.", outlet="B", day=4)
    found = condition_updates([a, b])
    assert [(f.type.value, f.a.id, f.b.id) for f in found] == [("update", "a#1", "b#1")]


def test_another_condition_without_a_change_word_or_on_the_same_day_is_not_flagged():
    a = claim("a#1", "The clerk was listed in serious condition.", outlet="A", day=3)
    other_day = claim("b#1", "The clerk remained in fair condition Friday.", outlet="B", day=4)
    same_day = claim("c#1", "The clerk was upgraded to fair condition.", outlet="C", day=3)
    assert condition_updates([a, other_day]) == []
    assert condition_updates([a, same_day]) == []


def test_a_change_of_another_kind_of_person_is_not_paired():
    a = claim("a#1", "The suspect was in critical condition.", outlet="A", day=3)
    b = claim("b#1", "The wounded deputy was upgraded to fair condition.", outlet="B", day=4)
    assert condition_updates([a, b]) == []


def test_all_released_against_one_still_in_hospital_later_is_a_clash():
    a = claim("a#1", "A spokesman says the guests who were hurt were all treated and released.", outlet="A", day=3)
    b = claim("b#1", "A neighbour said one of the guests is still in serious condition.", outlet="B", day=3)
    found = release_clashes([a, b])
    assert [(f.type.value, f.a.id, f.b.id) for f in found] == [("polarity", "a#1", "b#1")]


def test_still_in_hospital_first_and_released_after_is_the_story_moving_on():
    a = claim("a#1", "The second guard remains in the hospital after surgery.", outlet="A", day=3)
    b = claim("b#1", "Both guards have been released from the hospital.", outlet="B", day=5)
    part = claim("c#1", "One guard was released from the hospital and the other remains hospitalized.", outlet="C",
                 day=5)
    assert release_clashes([a, b]) == []
    assert release_clashes([part, a]) == []


def test_no_one_charged_days_after_a_charge_is_a_clash():
    a = claim("a#1", "Dale Orme, 31, is charged with second-degree murder.", outlet="A", day=3)
    b = claim("b#1", "One man is in custody but no charges have been filed in the stabbing.", outlet="B", day=4)
    found = custody_clashes([a, b])
    assert [(f.type.value, f.a.id, f.b.id) for f in found] == [("polarity", "a#1", "b#1")]


def test_no_one_held_first_or_of_someone_else_is_not_flagged():
    early = claim("a#1", "No arrests have been made, police said.", outlet="A", day=3)
    held = claim("b#1", "A 20-year-old man was arrested on Friday.", outlet="B", day=4)
    same_day = claim("c#1", "No arrests have been made, police said.", outlet="C", day=4)
    narrowed = claim("d#1", "No charges have been filed against the driver.", outlet="D", day=6)
    charged = claim("e#1", "The man was charged with assault.", outlet="E", day=4)
    assert custody_clashes([early, held]) == []
    assert custody_clashes([held, same_day]) == []
    assert custody_clashes([charged, narrowed]) == []
