"""How a named person left a post, told two ways by outlets of one story, on invented claims: what is read as a
resignation or a firing, what is not, and what is flagged."""

from consistency.compare import story_flags
from consistency.compare.departures import FIRED, RESIGNED, departure_flags, departures
from person_claims import claim


def read(text: str, *people: str) -> list[tuple[str, str]]:
    return [(d.person, d.how) for d in departures(claim("a#1", text, people))]


def test_a_resignation_and_a_firing_of_one_person_are_a_polarity_flag():
    a = claim("a#1", "Lena Vost, who resigned as harbour commissioner in May, spoke on Monday.", ("Lena Vost",))
    b = claim("b#1", "The governor said he was proud of firing Lena Vost last spring.", ("Lena Vost",), outlet="B")
    flag, = departure_flags([a, b])
    assert flag.type == "polarity" and set(flag.values) == {"A", "B"}
    assert [f.type for f in story_flags([a, b])] == ["polarity"]


def test_the_forms_of_a_resignation_are_read():
    assert read("Lena Vost resigned on Friday.", "Lena Vost") == [("vost", RESIGNED)]
    assert read("Lena Vost, the harbour commissioner who resigned, spoke.", "Lena Vost") == [("vost", RESIGNED)]
    assert read("Officials confirmed that Lena Vost, the embattled commissioner whose plan Tom Rell backed \u2014 "
                "had tendered her resignation.", "Lena Vost", "Tom Rell") == [("vost", RESIGNED)]


def test_the_forms_of_a_firing_are_read():
    assert read("The board fired Harbour Commissioner Lena Vost on Friday.", "Lena Vost") == [("vost", FIRED)]
    assert read("Lena Vost was fired from the port authority.", "Lena Vost") == [("vost", FIRED)]
    assert read("Hours after being fired from his post on Friday, Tom Rell said he would sue.", "Tom Rell") == \
        [("rell", FIRED)]


def test_shots_a_weighed_firing_and_a_denial_are_not_a_departure():
    assert read("The shots that hit Tom Rell were fired from a rifle.", "Tom Rell") == []
    assert read("Investigators say the car of Tom Rell was fired upon.", "Tom Rell") == []
    assert read("Officers say the bullet that killed Tom Rell was fired in self-defense.", "Tom Rell") == []
    assert read("The men drove out to test fire Tom Rell's handgun.", "Tom Rell") == []
    assert read("The mayor considered firing Tom Rell last year.", "Tom Rell") == []
    assert read("The bill is designed to fire Harbour Chief Tom Rell.", "Tom Rell") == []
    assert read("Tom Rell was not fired, the board said.", "Tom Rell") == []
    assert read("Tom Rell never resigned, his lawyer said.", "Tom Rell") == []


def test_an_article_that_tells_both_or_a_forced_resignation_makes_no_flag():
    forced = claim("a#1", "Lena Vost was forced to resign by the board.", ("Lena Vost",))
    fired = claim("b#1", "Lena Vost was fired by the board.", ("Lena Vost",), outlet="B")
    assert departure_flags([forced, fired]) == []
    both_a = claim("a#1", "Lena Vost resigned on Friday.", ("Lena Vost",))
    both_b = claim("a#2", "The board said it fired Lena Vost.", ("Lena Vost",))
    other = claim("b#1", "Lena Vost stepped down on Friday.", ("Lena Vost",), outlet="B")
    assert departure_flags([both_a, both_b, other]) == []


def test_one_outlet_or_two_people_make_no_flag():
    a = claim("a#1", "Lena Vost resigned on Friday.", ("Lena Vost",))
    same_outlet = claim("c#1", "The board fired Lena Vost.", ("Lena Vost",))
    other_person = claim("b#1", "The board fired Tom Rell.", ("Tom Rell",), outlet="B")
    assert departure_flags([a, same_outlet]) == []
    assert departure_flags([a, other_person]) == []
