"""Who fired told two ways: a child who shot himself against a child shot by someone else."""

from datetime import datetime, timezone

from consistency.compare.who_fired import accounts, who_fired_flags
from consistency.records import Attribution, Claim


def claim(cid: str, text: str, *, outlet: str, day: int = 4) -> Claim:
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=Attribution(source=outlet, source_kind="outlet"), story_id="s1")


def found(claims) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((f.type.value, tuple(sorted(f.values.values()))) for f in who_fired_flags(claims))


def test_who_fired_accounts_are_read():
    assert [a.kind for a in accounts(claim("a#1", "A 6-year-old boy accidentally shot himself at home.", outlet="A"))] \
        == ["self"]
    other = accounts(claim("b#1", "The 10-year-old accidentally shot his 6-year-old brother.", outlet="B"))
    assert [(a.kind, a.shooter_age, a.victim_age) for a in other] == [("another", "10", "6")]
    assert accounts(claim("c#1", "An adult man accidentally shot himself while cleaning a rifle.", outlet="C")) == []
    assert accounts(claim("d#1", "A woman was shot by her 5-year-old son at the house.", outlet="D")) == []
    assert accounts(claim("e#1", "The boy initially denied it and instead said his brother shot himself.",
                          outlet="E")) == []


def test_who_fired_self_against_another_is_polarity_the_same_day_and_update_days_later():
    a = claim("a#1", "A 6-year-old boy accidentally shot himself at home, police said.", outlet="A")
    b = claim("b#1", "Deputies said the 6-year-old was shot in the chest by his older brother.", outlet="B")
    later = claim("c#1", "Prosecutors said the 10-year-old shot his 6-year-old brother in March.", outlet="C", day=30)
    assert found([a, b]) == [("polarity", ("shot himself", "shot in the chest by his older brother"))]
    assert found([a, later]) == [("update", ("shot himself", "shot his 6-year-old brother"))]


def test_who_fired_the_self_shooter_who_hit_another_or_two_children_is_no_clash():
    a = claim("a#1", "The 4-year-old girl grabbed the gun and shot herself in the hand.", outlet="A")
    b = claim("b#1", "Police said the 4-year-old fired once, striking the 2-year-old boy as well.", outlet="B")
    c = claim("c#1", "A 9-year-old accidentally shot his 7-year-old sister.", outlet="C")
    torn = claim("d#1", "A 4-year-old girl was shot by her brother, though at first she said she shot herself.",
                 outlet="D")
    assert found([a, b]) == []
    assert found([a, c]) == []
    assert found([a, torn]) == []


def kinds(text: str) -> list[str]:
    return [a.kind for a in accounts(claim("x#1", text, outlet="X"))]


def test_who_fired_a_self_inflicted_wound_is_read_as_self_when_the_child_is_the_last_person_told():
    assert kinds("Deputies said a 5-year-old girl died of an apparently self-inflicted gunshot wound.") == ["self"]
    assert kinds("Officers believe the 7-year-old boy accidentally wounded himself with the pistol.") == ["self"]
    assert kinds("A 3-year-old boy found his mother's handgun in a drawer and shot himself.") == ["self"]
    assert kinds("Their father, 52-year-old Dorian Valk, died of a self-inflicted gunshot wound.") == []
    assert kinds("The girl's father later shot himself in the garage.") == []
    assert kinds("A man who shot his 6-year-old son then shot himself, police said.") == ["another"]


def test_who_fired_more_ways_of_telling_another_fired_are_read():
    assert kinds("The 9-year-old boy told nurses it was his uncle who shot him.") == ["another"]
    assert kinds("The boy, 6, later told a detective: 'My cousin shot me.'") == ["another"]
    assert kinds("A man told police his brother shot him outside the store.") == []
    assert kinds("The station heard an unconfirmed account that another young child was responsible.") == ["another"]
    shot_by_a_peer = accounts(claim("y#1", "A 7-year-old boy was shot by another 7-year-old at a park.", outlet="Y"))
    assert [(a.victim_age, a.shooter_age) for a in shot_by_a_peer] == [("7", "7")]


def test_who_fired_a_callers_word_is_no_account():
    assert kinds("The grandfather told dispatchers the boy shot himself while playing.") == []
    assert kinds("A neighbor called police Sunday saying the girl had shot herself.") == []


def test_who_fired_a_child_shot_by_a_peer_of_one_age_clashes_with_that_age_shooting_himself():
    a = claim("a#1", "On Monday a 7-year-old boy was hit by accident when shot by another 7-year-old.", outlet="A")
    b = claim("b#1", "Police said the 7-year-old boy shot himself with a rifle he found.", outlet="B")
    assert found([a, b]) == [("polarity", ("shot by another 7-year-old", "shot himself"))]


def test_who_fired_a_story_telling_an_account_as_the_first_one_is_an_update_even_on_one_day():
    a = claim("a#1", "Police said a 5-year-old boy shot himself in the yard.", outlet="A")
    b = claim("b#1", "The 5-year-old boy was shot by his older cousin, a detective said.", outlet="B")
    c = claim("c#1", "The shooting was first reported as a self-inflicted gunshot wound.", outlet="C")
    assert found([a, b]) == [("polarity", ("shot by his older cousin", "shot himself"))]
    assert found([a, b, c]) == [("update", ("shot by his older cousin", "shot himself"))]
