"""The street of the scene misnamed by one outlet of a story, on invented claims."""

from consistency.compare import story_flags
from consistency.compare.streets import alike, named_streets, scene_streets, street_flags
from person_claims import claim


def names(text: str) -> list[tuple[str, str | None]]:
    return [(s.name, s.kind) for s in scene_streets(claim("a#1", text))]


def test_streets_read_the_scene():
    assert names("A woman was shot outside a house on Alder Street in Fenwick.") == [("alder", "street")]
    assert names("It happened in the 400 block of North Seventh Avenue.") == [("7th", "avenue")]
    assert names("The shooting was in the 900 block of Kestrel on Friday.") == [("kestrel", None)]


def test_streets_not_the_scene():
    assert names("Police arrested Jon Quarry, 30, of Alder Street, on Monday.") == []
    assert names("Jon Quarry of Alder Street was charged with assault.") == []
    assert names("The suspect was found hiding on Alder Street.") == []
    assert names("Witnesses ran toward the Alder Street station after the shots.") == []
    assert names("Either way, the road was closed.") == []
    assert names("He appeared in Dunmore County Circuit Court on Monday.") == []


def test_streets_alike():
    def one(text):
        return named_streets(claim("a#1", text))[0]
    assert alike(one("on Sarra Street"), one("on Zarra Street"))
    assert alike(one("off Mill Run Drive"), one("off Millard Drive"))
    assert not alike(one("on Alder Street"), one("on Birch Street"))  # a corner as often as a slip
    assert alike(one("a home on Birch Road"), one("a home on Birch Drive"))  # one name of two kinds
    assert not alike(one("a hall off Birch Road"), one("a home on Birch Drive"))  # a street the scene lies off
    corner = named_streets(claim("a#1", "shot near Alder Avenue and Birch Road"))[-1]
    assert corner.name == "birch" and not alike(corner, one("a home on Birch Drive"))
    assert not alike(one("on Birch Street"), one("on Birch St."))  # one street
    assert not alike(one("on NW 32nd Street"), one("on NW 62nd Street"))  # a grid


def test_streets_two_outlets_flagged():
    a = claim("a#1", "A teen was shot outside a house on Zarra Street on Sunday night.")
    b = claim("b#1", "Police said the teen was shot on Sarra Street on Sunday.", outlet="B")
    flags = street_flags([a, b])
    assert len(flags) == 1 and flags[0].type == "name_variant"
    assert "Sarra Street" in flags[0].explanation and "Zarra Street" in flags[0].explanation
    assert "name_variant" in [f.type for f in story_flags([a, b])]


def test_streets_not_flagged():
    a = claim("a#1", "A teen was shot outside a house on Zarra Street on Sunday night.")
    same_outlet = claim("b#1", "Police said the teen was shot on Sarra Street on Sunday.")
    corner = claim("c#1", "The teen was shot at Sarra Street and Zarra Street, police said.", outlet="B")
    other = claim("d#1", "Police said the teen was shot on Birch Street on Sunday.", outlet="B")
    home = claim("e#1", "Police charged Jon Quarry of Sarra Street in the shooting.", outlet="B")
    for b in (same_outlet, corner, other, home):
        assert street_flags([a, b]) == []


def test_streets_a_towns_possessive_and_a_court_of_law_are_no_second_street():
    a = claim("a#1", "Crews were called to the bakery on Kelby High Street just after 6am.", outlet="A")
    b = claim("b#1", "A fire has badly damaged the bakery in Kelby's High Street.", outlet="B")
    assert street_flags([a, b]) == []
    c = claim("c#1", "He was shot on Crown Road, police said, and will appear before Marden Crown Court.", outlet="C")
    assert [s.name for s in scene_streets(c)] == ["crown"]


def test_streets_one_name_of_two_kinds_flagged_unless_a_report_names_both():
    a = claim("a#1", "Officers found a man shot at a home on Tamber Road on Saturday evening.", outlet="A")
    b = claim("b#1", "Police said the man was shot at a home on Tamber Drive in Welby.", outlet="B")
    flags = street_flags([a, b])
    assert len(flags) == 1 and flags[0].type == "name_variant"
    both = claim("c#1", "The man was shot on Tamber Drive, where it meets Tamber Road.", outlet="C")
    assert street_flags([a, both]) == []
    corner = claim("d#1", "Neighbours said the shots came from Tamber Drive at Tamber Road.", outlet="D")
    assert street_flags([a, b, corner]) == []  # a report of the story names both: two streets


def test_streets_a_thing_found_or_the_victims_found_are_at_the_scene():
    assert names("Moving out of the house at 212 Wren Hollow Lane, the boy found a pistol in a box.") == \
        [("wren hollow", "lane")]
    assert names("Both victims were found in the yard of a home on Tamsin Drive late Friday.") == [("tamsin", "drive")]
    # someone found elsewhere is still no scene
    assert names("The suspect was found hiding on Alder Street.") == []
    a = claim("a#1", "Both victims were found in the yard of a home on Tamsin Drive late Friday.")
    b = claim("b#1", "Two people were hurt after a shooting along Tamsin Court, police said.", outlet="B")
    assert len(street_flags([a, b])) == 1
