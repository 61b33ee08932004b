"""One street address told with two numbers by outlets of one story, on invented claims."""

from consistency.compare import story_flags
from consistency.compare.addresses import address_flags, addresses, agree
from person_claims import claim


def read(text: str) -> list[tuple[str, str | None, bool, int]]:
    return [(a.name, a.kind, a.block, a.number) for a in addresses(claim("a#1", text))]


def test_addresses_read_blocks_and_house_numbers():
    assert read("Two men were shot in the 4300 block of West Alder Avenue.") == [("alder", "avenue", True, 4300)]
    assert read("The shooting happened at 27 Birch St. late Friday.") == [("birch", "street", False, 27)]
    assert read("The car crashed in the 900 block of Kestrel when police closed in.") == [("kestrel", None, True, 900)]
    assert read("Deputies were called to the unit block of Fern Court after the shooting.") == \
        [("fern", "court", True, 0)]
    assert read("The gunman killed 3 people on Fern Court.") == []


def test_addresses_someone_found_there_is_not_the_scene():
    assert read("The suspect was found in the 800 block of Hill Road hours later.") == []
    assert read("A car with two wounded men was found in the 800 block of Hill Road.") == [("hill", "road", True, 800)]


def test_addresses_numbers_that_agree():
    def one(text):
        return addresses(claim("a#1", "Shots were fired " + text))[0]
    assert agree(one("at 1750 Elm Street."), one("in the 1700 block of Elm Street."))
    assert agree(one("in the 680 block of Elm Street."), one("in the 600 block of Elm Street."))
    assert agree(one("at 43145 Commerce Parkway."), one("in the 43000 block of Commerce Parkway."))
    assert not agree(one("in the 1700 block of Elm Street."), one("in the 17000 block of Elm Street."))
    assert not agree(one("at 19 Elm Street."), one("at 18 Elm Street."))


def test_addresses_two_outlets_two_blocks():
    a = claim("a#1", "Police said the shooting happened in the 2300 block of Larch Street.")
    b = claim("b#1", "A man was shot in the 2500 block of Larch St. on Sunday.", outlet="B")
    flags = address_flags([a, b])
    assert len(flags) == 1 and flags[0].type == "number"
    assert "Larch Street" in flags[0].explanation
    assert [f.type for f in story_flags([a, b])] == ["number"]


def test_addresses_not_flagged():
    a = claim("a#1", "Police said the shooting happened in the 2300 block of Larch Street.")
    same_outlet = claim("b#1", "A man was shot in the 2500 block of Larch Street.")
    other_kind = claim("b#1", "A man was shot in the 2500 block of Larch Avenue.", outlet="B")
    other_side = claim("c#1", "A man was shot in the 2500 block of East Larch Street.", outlet="B")
    west = claim("d#1", "Police said the shooting happened in the 2300 block of West Larch Street.")
    assert address_flags([a, same_outlet]) == []
    assert address_flags([a, other_kind]) == []
    assert address_flags([west, other_side]) == []
    # an outlet that gives the street two places (a club, the shooting) is read for neither
    two = claim("e#1", "The fight began at a club in the 2500 block of Larch Street and ended in a shooting in the "
                       "2300 block of Larch Street.", outlet="C")
    b = claim("f#1", "A man was shot in the 2700 block of Larch Street.", outlet="D")
    assert address_flags([two, b]) == []


def test_addresses_told_as_near_or_about_or_of_another_place_are_not_read():
    assert read("Officers saw the men near 470 Oak Street before the shooting.") == []
    assert read("The shooting happened around the 400 block of Oak Street.") == []
    assert read("Deputies followed him to a home in the 1200 block of Oak Street.") == []
    assert read("The shooters fired from a yard at 31-33 Oak Street.") == []


def test_addresses_two_places_a_third_report_gives_are_not_flagged():
    club = claim("a#1", "The brawl started inside a bar at 4210 Larch St. before the shots.")
    street = claim("b#1", "The shooting happened in the 4000 block of Larch on Sunday.", outlet="B", day=9)
    assert len(address_flags([club, street])) == 1
    # a release that names the street with both numbers: a bar at one, the shooting at the other
    release = claim("c#1", "Police are investigating a shooting at 4000 Larch, near the bar at 4210 Larch.",
                    outlet="C", day=2)
    assert address_flags([club, street, release]) == []
    # one number of the two is no second place
    once = claim("c#1", "Police are investigating a shooting at 4210 Larch.", outlet="C", day=2)
    assert len(address_flags([club, street, once])) == 1
