"""Sentences of a round-up that tell of another shooting than the story's, on invented claims: read by the
address the other outlets give, run on to the sentences after them, and their figures left uncompared."""

from consistency.compare.base import Finding
from consistency.compare.different_things import drop_different_things
from consistency.compare.roundups import addresses, roundup_strays
from consistency.records import Claim
from person_claims import claim


def finding(a: Claim, va: str, b: Claim, vb: str, kind: str = "number") -> Finding:
    sa, sb = a.text.index(va), b.text.index(vb)
    return Finding(kind, a, b, va, vb, (sa, sa + len(va)), (sb, sb + len(vb)), confidence=0.8)


def other_outlet() -> list[Claim]:
    return [claim("b#1", "Three men were shot in the 600 block of Birch Street late Saturday.", outlet="B"),
            claim("b#2", "The 21-year-old was hit in the arm, police said.", outlet="B")]


def roundup() -> list[Claim]:
    return [claim("a#1", "Police said three men were shot in the 600 block of Birch Street on Saturday night."),
            claim("a#2", "Later, a man was shot about 9 p.m. in the 1200 block of West 31st Place."),
            claim("a#3", "The 22-year-old is in stable condition."),
            claim("a#4", "Back on Birch Street, the youngest was hit in the arm.")]


def test_addresses_leave_out_where_a_person_lives():
    assert addresses(claim("a#1", "Tom Hale, 38, of the 300 block of Elm Street, was shot on Birch Avenue.")) \
        == frozenset({"birch"})
    assert addresses(claim("a#1", "Ann Ray, of 48 Oak St., said she heard shots.")) == frozenset()


def test_a_roundup_sentence_at_another_address_and_the_ones_after_it_are_strays():
    assert roundup_strays(other_outlet() + roundup()) == frozenset({"a#2", "a#3"})


def test_a_finding_on_a_stray_sentence_is_dropped():
    b2, a3 = other_outlet()[1], roundup()[2]
    f = finding(b2, "21", a3, "22")
    assert drop_different_things([(f, 0.9)], other_outlet() + roundup()) == []
    a1 = roundup()[0]
    g = finding(other_outlet()[0], "Three", a1, "three")  # the story's own sentence is still compared
    assert drop_different_things([(g, 0.9)], other_outlet() + roundup()) == [(g, 0.9)]


def test_no_roundup_without_an_address_the_other_outlets_give():
    b = [claim("b#1", "Three men were shot late Saturday, police said.", outlet="B")]
    assert roundup_strays(b + roundup()) == frozenset()


def test_a_named_person_or_a_recalled_shooting_is_no_other_shooting():
    a = [claim("a#1", "Police said three men were shot in the 600 block of Birch Street on Saturday night."),
         # a spree's step names the gunman; "before the shooting" recalls the story's own
         claim("a#2", "Dale Pike then shot a clerk at a store on Main Street.", ("Dale Pike",)),
         claim("a#3", "A van was seen on Oak Avenue before the shooting."),
         claim("a#4", "The 22-year-old is in stable condition.")]
    assert roundup_strays(other_outlet() + a) == frozenset()


def test_a_separate_shooting_starts_the_run_and_a_person_of_the_story_ends_it():
    b = other_outlet() + [claim("b#3", "Police named one of the men as Tom Hale.", ("Tom Hale",), outlet="B")]
    a = roundup()[:2] + [
        claim("a#5", "In a separate shooting, a teenager was wounded in the leg."),
        claim("a#6", "The 17-year-old walked to a hospital."),
        claim("a#7", "Hale, 21, was hit in the arm.", ("Hale",))]
    assert roundup_strays(b + a) == frozenset({"a#2", "a#5", "a#6"})


def test_each_story_is_read_on_its_own():
    b = [claim("b#1", "Three men were shot in the 600 block of Birch Street late Saturday.", outlet="B",
               story="s2")]
    assert roundup_strays(b + roundup()) == frozenset()  # the outlet giving the address is of another story
