"""Where one person lives, told two ways by outlets of a story, on invented claims."""

from dataclasses import replace

from consistency.compare import story_flags
from consistency.compare.homes import home_flags, homes, lead_homes
from person_claims import claim


def read(text: str) -> list[tuple[tuple[str, str], str, bool]]:
    return [(h.person, h.place, h.street) for h in homes(claim("a#1", text))]


def test_homes_read_after_a_name():
    assert read("Police charged Jon Quarry, 30, of Fenwick with assault.") == [(("jon", "quarry"), "fenwick", False)]
    assert read("Ann L. Ray from East Dunmore was shot.") == [(("ann", "ray"), "east dunmore", False)]
    assert read("Jon Quarry of Dunmore City was shot.") == [(("jon", "quarry"), "dunmore city", False)]
    assert read("Jon Quarry, 30, a Fenwick man, was charged.") == [(("jon", "quarry"), "fenwick", False)]
    assert read("Police said Jon Quarry of Alder Drive in Fenwick fired.") == [
        (("jon", "quarry"), "alder drive", True), (("jon", "quarry"), "fenwick", False)]


def test_homes_not_read():
    assert read("Quarry of Fenwick was charged.") == []  # a surname alone may be anyone of the family
    assert read("Jon Quarry, 30, formerly of Fenwick, was charged.") == []
    assert read("Jon Quarry of Ohio was charged.") == []  # a state holds every town
    assert read("Jon Quarry of South Kelford County was charged.") == []
    assert read("Sgt. Jon Quarry of the Fenwick Police Department spoke.") == []
    assert read("Jon Quarry, 30, a Black man, was charged.") == []
    assert read("Jon Quarry of Fenwick Tuesday was charged.") == []


def test_homes_from_a_lead():
    lead = claim("a#1", "A Fenwick man shot a woman and a boy on Sunday.")
    named = replace(claim("a#2", "Jon Quarry, 35, was arrested Monday."), start=60, end=96)
    found = lead_homes([named, lead])
    assert [(h.person, h.place) for h in found] == [(("jon", "quarry"), "fenwick")]
    two = claim("a#1", "A Fenwick man and a Dunmore woman were shot on Sunday.")
    assert lead_homes([two, named]) == []


def test_homes_two_outlets_flagged():
    a = claim("a#1", "Deputies arrested Jon Quarry of Fenwick on Monday.")
    b = claim("b#1", "Jon Quarry, 30, of Dunmore will appear in court.", outlet="B", day=20)
    flags = home_flags([a, b])
    assert len(flags) == 1 and flags[0].type == "name_variant"
    assert "Fenwick" in flags[0].explanation and "Dunmore" in flags[0].explanation
    assert "name_variant" in [f.type for f in story_flags([a, b])]
    streets = home_flags([claim("c#1", "Jon Quarry of Alder Drive was charged."),
                          claim("d#1", "Jon Quarry, 30, of Birch Lane was charged.", outlet="B")])
    assert len(streets) == 1


def test_homes_not_flagged():
    a = claim("a#1", "Deputies arrested Jon Quarry of Fenwick on Monday.")
    same_outlet = claim("b#1", "Jon Quarry, 30, of Dunmore will appear in court.")
    other_person = claim("c#1", "Ann Quarry, 30, of Dunmore will appear in court.", outlet="B")
    inside = claim("d#1", "Jon Quarry, 30, of West Fenwick will appear in court.", outlet="B")
    holder = claim("e#1", "Jon Quarry, 30, of Dunmore was held by Fenwick police.", outlet="B")
    street = claim("f#1", "Jon Quarry, 30, of Birch Lane will appear in court.", outlet="B")
    for b in (same_outlet, other_person, inside, holder, street):
        assert home_flags([a, b]) == []
    two_homes = [claim("g#1", "Jon Quarry of Dunmore was charged.", outlet="B"),
                 claim("g#2", "Jon Quarry of Kelso has a record.", outlet="B")]
    assert home_flags([a, *two_homes]) == []


def test_homes_other_peoples_homes_and_datelines_do_not_name_the_place():
    a = claim("a#1", "Deputies arrested Jon Quarry of Fenwick on Monday.")
    b = claim("b#1", "FENWICK -- Jon Quarry, 30, of Dunmore will appear in court.", outlet="B")
    c = claim("b#2", "Ann Ray, 41, of Fenwick was also charged.", outlet="B")
    assert len(home_flags([a, b, c])) == 1
