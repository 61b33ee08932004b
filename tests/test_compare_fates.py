"""A person's fate told two ways: sought against held or dead, expected to live against died, all released
against still in hospital."""

from datetime import datetime, timezone

from consistency.compare.fates import fate_findings, states
from consistency.records import Attribution, Claim, Entity


def claim(cid: str, text: str, *, outlet: str, day: int, people: tuple[str, ...] = ()) -> Claim:
    """A claim of story s1 with the given names tagged as people."""
    ents = tuple(Entity(n, text.index(n), text.index(n) + len(n), "PERSON", f"PERSON:{n.split()[-1].casefold()}")
                 for n in people)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=Attribution(source=outlet, source_kind="outlet"), entities=ents,
                 story_id="s1")


def kinds(found) -> list[tuple[str, str, str]]:
    return sorted((f.type.value, f.value_a, f.value_b) for f in found)


def test_fates_sought_and_held_on_one_day_is_a_polarity():
    a = claim("a#1", "Deputies are still looking for the gunman who fired into the diner.", outlet="A", day=4)
    b = claim("b#1", "A man, 29, was arrested on Monday night after the diner shooting.", outlet="B", day=4)
    assert kinds(fate_findings([a, b])) == [("polarity", "are still looking for the gunman", "was arrested")]


def test_fates_sought_then_held_days_later_is_the_story_moving_on():
    a = claim("a#1", "The shooter remains at large, officers said.", outlet="A", day=4)
    b = claim("b#1", "Police arrested a man on Thursday in the diner shooting.", outlet="B", day=7)
    assert fate_findings([a, b]) == []


def test_fates_an_ordinal_picks_out_one_suspect_and_custody_clashes_only_within_a_day():
    a = claim("a#1", "A second man is in custody after the shooting at the lounge.", outlet="A", day=4)
    b = claim("b#1", "Troopers are searching for a second man seen running from the lounge.", outlet="B", day=4)
    c = claim("c#1", "Troopers are searching for a third man seen running from the lounge.", outlet="C", day=4)
    late = claim("d#1", "Troopers are searching for a second man seen running from the lounge.", outlet="D", day=6)
    assert kinds(fate_findings([a, b])) == [("polarity", "is in custody", "are searching for a second man")]
    assert fate_findings([a, c]) == []  # a third man is someone else
    assert fate_findings([a, late]) == []  # a later copy may be of an earlier version


def test_fates_no_arrests_against_an_arrest_the_same_day():
    a = claim("a#1", "No arrests have been made in the shooting on Elm Road.", outlet="A", day=4)
    b = claim("b#1", "Officers arrested a teenager near Elm Road hours after the shooting.", outlet="B", day=4)
    later = claim("c#1", "Officers arrested a teenager near Elm Road on Friday.", outlet="C", day=8)
    assert kinds(fate_findings([a, b])) == [("polarity", "No arrests have been made", "Officers arrested a")]
    assert fate_findings([a, later]) == []


def test_fates_dead_gunman_against_a_gunman_at_large():
    a = claim("a#1", "The gunman was shot and killed by deputies outside the warehouse.", outlet="A", day=4)
    b = claim("b#1", "The gunman is still at large, the sheriff said.", outlet="B", day=4)
    assert kinds(fate_findings([a, b])) == [("polarity", "shot and killed by deputies", "is still at large")]


def test_fates_a_sentence_of_two_people_or_of_another_arrest_gives_no_state():
    both = claim("a#1", "One suspect was arrested and police are looking for a second man.", outlet="A", day=4)
    record = claim("b#1", "He has been arrested 12 times since 2009, records show.", outlet="B", day=4)
    other = claim("c#1", "The other shooter remains at large.", outlet="C", day=4)
    assert states(both) == [] and states(record) == [] and states(other) == []


def test_fates_a_search_told_in_the_past_is_the_hour_of_the_shooting():
    a = claim("a#1", "The suspect was arrested after a short chase.", outlet="A", day=4)
    b = claim("b#1", "A man fired at the bus on Monday and officers were searching for the shooter.", outlet="B",
              day=6)
    assert fate_findings([a, b]) == []


def test_fates_all_expected_to_survive_then_one_of_them_died_is_an_update():
    a = claim("a#1", "All four people wounded at the party are expected to survive, police said.", outlet="A", day=4)
    b = claim("b#1", "A man injured in the party shooting last week has died.", outlet="B", day=12)
    same_day = claim("c#1", "A man injured in the party shooting has died.", outlet="C", day=4)
    assert kinds(fate_findings([a, b])) == [("update", "expected to survive", "has died")]
    assert kinds(fate_findings([a, same_day])) == [("polarity", "expected to survive", "has died")]


def test_fates_a_forecast_of_one_unnamed_person_or_a_death_at_the_scene_is_no_clash():
    a = claim("a#1", "The woman is expected to survive.", outlet="A", day=4)
    b = claim("b#1", "A man injured in the shooting has died.", outlet="B", day=9)
    scene = claim("c#1", "One man died at the scene.", outlet="C", day=9)
    every = claim("d#1", "Both victims are expected to recover.", outlet="D", day=4)
    assert fate_findings([a, b]) == []
    assert fate_findings([every, scene]) == []


def test_fates_named_forecast_then_named_death():
    a = claim("a#1", "Officer Dana Quill is expected to survive her wounds.", outlet="A", day=4, people=("Dana Quill",))
    b = claim("b#1", "Dana Quill died on Sunday, the department said.", outlet="B", day=7, people=("Dana Quill",))
    assert kinds(fate_findings([a, b])) == [("update", "expected to survive", "died on Sunday")]


def test_fates_all_released_against_still_in_hospital_the_same_day():
    a = claim("a#1", "The wounded guests were all treated and released from area hospitals.", outlet="A", day=4)
    b = claim("b#1", "One of the guests is still in critical condition, his brother said.", outlet="B", day=4)
    back = claim("c#1", "One of the guests is still in critical condition.", outlet="C", day=2)
    assert kinds(fate_findings([a, b])) == [("polarity", "treated and released", "is still in critical condition")]
    assert fate_findings([a, back]) == []  # in hospital, then released days later: the story moved on


def test_fates_the_article_that_tells_both_states_is_left_out():
    a1 = claim("a#1", "The shooter remains at large.", outlet="A", day=4)
    a2 = claim("a#2", "Police later said the shooter was arrested at a motel.", outlet="A", day=4)
    b = claim("b#1", "The shooter was arrested at a motel.", outlet="B", day=4)
    assert fate_findings([a1, a2, b]) == []


def test_fates_the_one_named_person_held_is_the_shooter_others_seek():
    a = claim("a#1", "Police are still working to track down the shooter.", outlet="A", day=4)
    b = claim("b#1", "Lon Avery, 23, was arrested Wednesday night on Pine Street.", outlet="B", day=4,
              people=("Lon Avery",))
    c = claim("c#1", "Kit Marsh, 30, was arrested on Thursday as well.", outlet="C", day=4, people=("Kit Marsh",))
    assert kinds(fate_findings([a, b])) == [("polarity", "are still working to track down the shooter", "was arrested")]
    assert fate_findings([a, b, c]) == []  # two named people held: neither is the shooter for sure


def test_fates_two_released_against_others_still_in_hospital_is_no_clash():
    a = claim("a#1", "They have both been treated and released.", outlet="A", day=4)
    b = claim("b#1", "The two bystanders who were shot remain in the hospital.", outlet="B", day=5)
    c = claim("c#1", "One of the bystanders is still in serious condition.", outlet="C", day=5)
    assert fate_findings([a, b]) == [] and fate_findings([a, c]) == []


def test_fates_flags_explain_the_two_states():
    from consistency.compare.fates import fate_flags

    a = claim("a#1", "All three people hurt in the fire are expected to recover.", outlet="A", day=4)
    b = claim("b#1", "One of the people hurt in the fire has died.", outlet="B", day=9)
    (flag,) = fate_flags([a, b])
    assert flag.type.value == "update" and flag.articles == ("a", "b")
    assert "expected to recover" in flag.explanation and "has died" in flag.explanation


def test_fates_a_held_word_negated_is_a_person_not_held():
    a = claim("a#1", "The owner of the rifle is not currently being held in custody.", outlet="A", day=4)
    b = claim("b#1", "Ned Harlow turned himself in at the station.", outlet="B", day=4, people=("Ned Harlow",))
    assert kinds(fate_findings([a, b])) == [("polarity", "is not currently being held in custody", "turned himself in")]


def test_fates_an_arrest_of_another_time_or_told_as_a_scene_is_no_state():
    a = claim("a#1", "One evening last summer a young man was arrested on this corner.", outlet="A", day=4)
    b = claim("b#1", "Neighbours watched as a young man was being arrested.", outlet="B", day=4)
    assert states(a) == [] and states(b) == []
