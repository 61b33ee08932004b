"""The getaway vehicle described two ways: a model under one make, a colour of the one vehicle a suspect used."""

from datetime import datetime, timezone

from consistency.compare.vehicles import vehicle_flags, vehicles
from consistency.records import Attribution, Claim


def claim(cid: str, text: str, *, outlet: str, day: int = 4, story: str = "s1") -> Claim:
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=Attribution(source=outlet, source_kind="outlet"), story_id=story)


def found(claims) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((f.type.value, tuple(sorted(f.values.values()))) for f in vehicle_flags(claims))


def test_vehicles_are_read_with_colour_make_model_and_body():
    c = claim("a#1", "Witnesses saw the gunman flee in a silver 2009 Mazda Tribute or Mazda CX-7 after the shots.",
              outlet="A")
    (v,) = vehicles(c)
    assert (v.colours, v.make, v.models, v.suspect) == (frozenset({"gray"}), "mazda", frozenset({"tribute", "cx7"}),
                                                        True)
    assert c.text[v.span[0]:v.span[1]] == v.text == "silver 2009 Mazda Tribute or Mazda CX-7"


def test_vehicles_a_make_that_names_a_place_or_a_person_is_no_vehicle():
    assert vehicles(claim("a#1", "He appears Friday at the Dodge County courthouse.", outlet="A")) == []
    assert vehicles(claim("a#2", "The suspect was held at the county's Lincoln Hall of Justice.", outlet="A")) == []
    assert vehicles(claim("a#3", "Officer Ford said the suspect fled.", outlet="A")) == []


def test_vehicles_a_model_given_two_ways_under_one_make():
    a = claim("a#1", "Police said the shooters sped off in a blue Nissan Sentra.", outlet="A")
    b = claim("b#1", "The men fled in a blue Nissan Maxima, investigators said.", outlet="B")
    c = claim("c#1", "Two men fled in a red Kia K-900 after the robbery.", outlet="C", story="s2")
    d = claim("d#1", "Two men fled in a red Kia K-500 after the robbery.", outlet="D", story="s2")
    assert found([a, b]) == [("name_variant", ("blue Nissan Maxima", "blue Nissan Sentra"))]
    assert found([c, d]) == [("number", ("red Kia K-500", "red Kia K-900"))]


def test_vehicles_a_colour_of_the_one_getaway_car_given_two_ways():
    a = claim("a#1", "The gunman fled in a green hatchback heading south.", outlet="A")
    b = claim("b#1", "The suspect drove off in a white car, police said.", outlet="B")
    alike = claim("c#1", "The shooter fled in a dark-colored sedan.", outlet="C")
    assert found([a, b]) == [("polarity", ("green hatchback", "white car"))]
    assert found([a, alike]) == []  # dark may be green


def test_vehicles_two_vehicles_or_two_bodies_are_not_one_car_told_two_ways():
    two = claim("a#1", "The suspects fled in a black SUV and a white pickup.", outlet="A")
    other = claim("b#1", "The gunmen sped off in a white pickup truck.", outlet="B")
    van = claim("c#1", "The shooter fled in a red van.", outlet="C")
    car = claim("d#1", "The shooter fled in a blue car.", outlet="D")
    victim = claim("e#1", "The victim was sitting in a silver sedan when he was hit.", outlet="E")
    assert found([two, other]) == []
    assert found([van, claim("f#1", "The shooter fled in a blue SUV.", outlet="F")]) == []
    assert found([car, victim]) == []  # the victim's car is not the one the shooter drove
    assert found([car, claim("g#1", "The shooter fled in a gray car.", outlet="D")]) == []  # one outlet


def test_a_body_written_in_capitals_is_no_model():
    a = claim("a#1", "Both men in a red Saturn SUV, which the gunman aimed at, escaped unhurt.", outlet="A")
    b = claim("b#1", "A man fired at the target car, a burgundy Saturn Outlook SUV, and fled.", outlet="B")
    assert [v.models for v in vehicles(a)] == [frozenset()]
    assert vehicle_flags([a, b]) == []
