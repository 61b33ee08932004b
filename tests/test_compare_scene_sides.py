"""One moment of a shooting placed inside a building by one outlet and outside it by another."""

from datetime import datetime, timezone

from consistency.compare.scene_sides import scene_side_flags, sides
from consistency.records import Attribution, Claim


def claim(cid: str, text: str, *, outlet: str, day: int = 4, start: int = 0) -> Claim:
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=start,
                 end=start + len(text), content=text, attribution=Attribution(source=outlet, source_kind="outlet"),
                 story_id="s1")


def found(claims) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((f.type.value, tuple(sorted(e.article_id for e in f.evidence))) for f in scene_side_flags(claims))


def test_scene_sides_reads_the_moment_the_side_and_the_kind_of_building():
    read = sides(claim("a#1", "Detectives sought the man who opened fire inside a busy Marlow Street nightclub.",
                       outlet="A"))
    assert [(s.moment, s.inside, s.kind) for s in read] == [("shooting", True, "bar")]
    read = sides(claim("b#1", "The quarrel began on the fourth floor of the hotel, officers said.", outlet="B"))
    assert [(s.moment, s.inside, s.kind) for s in read] == [("beginning", True, "hotel")]
    read = sides(claim("c#1", "It all started with an argument outside the motel near the highway.", outlet="C"))
    assert [(s.moment, s.inside, s.kind) for s in read] == [("beginning", False, "hotel")]


def test_scene_sides_leaves_out_doubted_places_and_other_clauses():
    assert sides(claim("a#1", "Officers initially thought the shooting happened inside the school.", outlet="A")) == []
    assert sides(claim("b#1", "Gunfire rang out after an alarm went off inside the school.", outlet="B")) == []
    assert sides(claim("c#1", "In a separate shooting, a man was hurt outside a tavern.", outlet="C")) == []


def test_scene_sides_a_shooting_inside_a_club_and_outside_a_lounge_clash():
    inside = claim("a#1", "Police hunt the gunman who opened fire inside the packed Dunmore nightclub.", outlet="A")
    outside = claim("b#1", "Three men were hurt in an early shooting outside a lounge called The Vault.", outlet="B")
    assert found([inside, outside]) == [("polarity", ("a", "b"))]


def test_scene_sides_a_fight_inside_and_shots_outside_are_two_moments():
    fight = claim("a#1", "A fight broke out inside the club shortly before closing.", outlet="A")
    shots = claim("b#1", "Shots were fired outside the club minutes later.", outlet="B")
    assert found([fight, shots]) == []


def test_scene_sides_a_spread_scene_or_a_self_revising_outlet_is_no_clash():
    inside = claim("a#1", "The shooting happened inside the bar on Keller Road.", outlet="A")
    outside = claim("b#1", "The shooting happened outside the bar on Keller Road.", outlet="B")
    both = claim("c#1", "Five people were shot inside and outside the bar.", outlet="C")
    assert found([inside, outside, both]) == []
    revised = claim("a2#1", "The shooting happened outside the bar on Keller Road.", outlet="A", day=6)
    assert found([inside, revised]) == []


def test_scene_sides_buildings_of_two_kinds_are_not_one_scene():
    home = claim("a#1", "The shooting happened inside a home on Fenner Lane.", outlet="A")
    store = claim("b#1", "The shooting happened outside a corner store nearby.", outlet="B")
    assert found([home, store]) == []
