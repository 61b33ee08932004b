"""Findings of two different things dropped whichever comparison made them, on invented claims: two unnamed
people of one generic description, a route's length against a distance away, a toll that counts the killer, and a
count of the hurt that takes in those hurt another way than by the gunfire."""

from consistency.compare.ages import crowded_descriptions, generic_person
from consistency.compare.base import Finding
from consistency.compare.different_things import drop_different_things, hurt_another_way, of_different_things
from consistency.compare.numbers import distance_away
from consistency.records import Claim
from person_claims import claim


def finding(a: Claim, va: str, b: Claim, vb: str, kind: str = "number") -> Finding:
    sa, sb = a.text.index(va), b.text.index(vb)
    return Finding(kind, a, b, va, vb, (sa, sa + len(va)), (sb, sb + len(vb)), confidence=0.8)


def quantity(c: Claim, text: str):
    return next(q for q in c.quantities if q.text.startswith(text))


def test_generic_person_reads_the_noun_an_age_describes():
    a = claim("a#1", "Police said a 41-year-old man, who may have fired first, was hurt in the arm.")
    b = claim("b#1", "One woman, 33, was shot in the leg.")
    c = claim("c#1", "Police named the driver as Tom Hale, 38, of Dunmore.", ("Tom Hale",))
    d = claim("d#1", "The 12-year-old boy was found at home.")
    assert generic_person(a, quantity(a, "41")) == "man"
    assert generic_person(b, quantity(b, "33")) == "woman"
    assert generic_person(c, quantity(c, "38")) is None  # named
    assert generic_person(d, quantity(d, "12")) is None  # a kin word, which the ages compare themselves


def test_two_men_of_one_report_make_the_description_crowded():
    a1 = claim("a#1", "Police said a 41-year-old man, who may have fired first, was hurt in the arm.")
    a2 = claim("a#2", "One man, 27, was shot in the chest.")
    b = claim("b#1", "Two girls and a 35-year-old man were shot near the park.", outlet="B")
    assert crowded_descriptions([a1, a2, b]) == {("s1", "man")}
    assert crowded_descriptions([a1, b]) == set()  # one man in each report: they may be one person
    c = claim("c#1", "Two men were shot outside the store.", outlet="C")
    assert ("s1", "man") in crowded_descriptions([a1, b, c])  # a count of two says so too


def test_ages_of_two_unnamed_men_are_not_set_against_each_other_when_the_story_has_several():
    a1 = claim("a#1", "Police said a 41-year-old man, who may have fired first, was hurt in the arm.")
    a2 = claim("a#2", "One man, 27, was shot in the chest.")
    b = claim("b#1", "Two girls and a 35-year-old man were shot near the park.", outlet="B")
    f, g = finding(a1, "41", b, "35"), finding(a2, "27", b, "35", "update")
    assert drop_different_things([(f, 0.9), (g, 0.9)], [a1, a2, b]) == []
    assert drop_different_things([(f, 0.9)], [a1, b]) == [(f, 0.9)]  # one man each: still a conflict


def test_a_route_length_is_not_a_distance_away():
    a = claim("a#1", "Police said his 30-mile chase ran from Dunmore to the coast.")
    b = claim("b#1", "He stole a van in Ashby, 12 miles away.", outlet="B")
    c = claim("c#1", "He stole a van in Ashby, 15 miles north of Dunmore.", outlet="C")
    d = claim("d#1", "The chase covered 25 miles, police said.", outlet="D")
    assert not distance_away(a, quantity(a, "30")) and distance_away(b, quantity(b, "12"))
    assert distance_away(c, quantity(c, "15")) and not distance_away(d, quantity(d, "25"))
    assert of_different_things(finding(a, "30-mile", b, "12 miles"), set())
    assert not of_different_things(finding(b, "12 miles", c, "15 miles"), set())  # both distances away
    assert not of_different_things(finding(a, "30-mile", d, "25 miles"), set())  # both lengths of the chase


def test_a_toll_that_counts_the_killer_is_not_set_against_one_that_does_not():
    a = claim("a#1", "Police found four of one household dead at the farm in what they called a murder-suicide.")
    b = claim("b#1", "Police said the man shot three of his relatives and then killed himself.", outlet="B")
    c = claim("c#1", "Five people died in the fire, including the arsonist's brother.", outlet="C")
    d = claim("d#1", "Seven people were killed at the depot, including the gunman.", outlet="D")
    e = claim("e#1", "Six people were killed at the depot, police said.", outlet="E")
    assert of_different_things(finding(a, "four", b, "three"), set())
    assert of_different_things(finding(d, "Seven", e, "Six"), set())
    g = claim("g#1", "The gunman killed five people at the depot before he was fatally shot by officers.", outlet="G")
    assert of_different_things(finding(g, "five", e, "Six"), set())  # the police killed him: one toll may count him
    f = claim("f#1", "Four people died in the fire, the chief said.", outlet="F")
    assert not of_different_things(finding(f, "Four", c, "Five"), set())  # nobody killed himself in either
    assert not of_different_things(finding(d, "Seven", b, "three"), set())  # more apart than the killer


def test_hurt_another_way_reads_how_many_a_sentence_tells_were_not_hurt_by_the_gunfire():
    assert hurt_another_way(claim("a#1", "An eighth man was injured by flying glass as the crowd ran.")) == {1}
    assert hurt_another_way(claim("a#2", "Two were trampled in the rush to the doors, police said.")) == {2}
    assert hurt_another_way(claim("a#3", "His 9-year-old son was not shot, but he hurt his wrist when he fell.")) == {1}
    assert hurt_another_way(claim("a#4", "A fourth woman was hurt when she was hit by a car while fleeing.")) == {1}
    assert not hurt_another_way(claim("a#5", "A man was shot in the arm as he ran from the store."))  # the gunfire's own
    assert not hurt_another_way(claim("a#6", "He killed two and injured three after he fled the police."))  # a toll
    assert not hurt_another_way(claim("a#7", "Friends mourn a young life cut short, hurt by the loss."))  # no wound


def test_a_count_of_the_hurt_that_takes_in_those_hurt_another_way_is_not_set_against_one_that_does_not():
    a1 = claim("a#1", "One woman was killed and four others were hurt in the shooting at the hall.")
    b1 = claim("b#1", "One woman was killed and five others hurt after a shooting at the hall.", outlet="B")
    b2 = claim("b#2", "A sixth person was injured by broken glass.", outlet="B")
    f = finding(a1, "four", b1, "five")
    assert drop_different_things([(f, 0.9)], [a1, b1, b2]) == []  # the fifth of b was cut by glass, says b's article
    assert drop_different_things([(f, 0.9)], [a1, b1]) == [(f, 0.9)]  # nobody told of being hurt another way
    c1 = claim("c#1", "One woman was killed and seven others were hurt in the shooting at the hall.", outlet="C")
    g = finding(a1, "four", c1, "seven")
    assert drop_different_things([(g, 0.9)], [a1, c1, b2]) == [(g, 0.9)]  # three apart, and only one hurt by glass
    d1 = claim("d#1", "Six were hurt at the hall, two of them trampled as the crowd fled.", outlet="D")
    h = finding(a1, "four", d1, "Six")
    assert drop_different_things([(h, 0.9)], [a1, d1]) == []  # the sentence itself tells of the two trampled
