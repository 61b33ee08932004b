"""One person under two surnames in two outlets of a story, on invented claims: what is flagged and what must not be."""

from dataclasses import replace

from consistency.compare.family_names import aged_surname_observations, surname_observations, swapped_name_observations
from consistency.compare.names import name_variant_flags
from consistency.compare.person_names import same_given_name, swapped_name, two_surnames
from consistency.records import Entity
from person_claims import claim


def pairs(claims) -> list[set[str]]:
    return [{x[3], y[3]} for _, x, y in surname_observations(claims)]


def _story(extra=()):
    a = claim("a#1", "Dana Hollis, 44, his former wife, said she woke to the sound of glass.", ("Dana Hollis",))
    b = claim("b#1", "Dana Crane told reporters her former husband had fired first.", ("Dana Crane",), outlet="B")
    b2 = claim("b#2", "Officers shot Victor Crane, 50, on the stairs.", ("Victor Crane",), outlet="B")
    return [a, b, b2, *extra]


def test_family_names_a_relatives_surname_is_flagged():
    assert pairs(_story()) == [{"dana hollis", "dana crane"}]
    flags = name_variant_flags([], _story())
    assert [set(f.values.values()) for f in flags] == [{"Dana Hollis", "Dana Crane"}]
    assert "two surnames" in flags[0].explanation


def test_family_names_need_a_relative_of_that_surname():
    a = claim("a#1", "Dana Hollis, 44, said she woke to the sound of glass.", ("Dana Hollis",))
    b = claim("b#1", "Dana Crane told reporters she heard shots.", ("Dana Crane",), outlet="B")
    assert pairs([a, b]) == []  # two women of one given name, quoted by two outlets


def test_family_names_need_a_kin_word_on_both_sides():
    a = claim("a#1", "Dana Hollis, 44, said she woke to the sound of glass.", ("Dana Hollis",))
    b = claim("b#1", "Dana Crane told reporters her former husband had fired first.", ("Dana Crane",), outlet="B")
    b2 = claim("b#2", "Officers shot Victor Crane, 50, on the stairs.", ("Victor Crane",), outlet="B")
    assert pairs([a, b, b2]) == []  # nothing ties the first woman to a family


def test_family_names_two_titles_are_two_people():
    a = claim("a#1", "Prosecutor Dana Hollis, whose son was at the rally, spoke.", ("Dana Hollis",))
    a = replace(a, entities=(replace(a.entities[0], role="Prosecutor"),))
    b = claim("b#1", "Spokeswoman Dana Crane said her brother saw it.", ("Dana Crane",), outlet="B")
    b = replace(b, entities=(replace(b.entities[0], role="Spokeswoman"),))
    b2 = claim("b#2", "Officers shot Victor Crane, 50, on the stairs.", ("Victor Crane",), outlet="B")
    assert pairs([a, b, b2]) == []


def test_family_names_a_relative_tagged_as_anything_counts():
    a = claim("a#1", "Lena Marsh's mother says the girl is awake.", ("Lena Marsh's",))
    a2 = claim("a#2", "Her mother, Ivy Marsh, thanked the nurses.")
    a2 = replace(a2, entities=(Entity("Ivy Marsh", 12, 21, "ORG", ""),))  # the tagger's label for a person, at times
    b = claim("b#1", "Lenah Pratt, 7, was hit while she sat in the back of her father's car.", outlet="B")  # left untagged
    assert pairs([a, a2, b]) == [{"lena marsh", "lenah pratt"}]
    assert {v for f in name_variant_flags([], [a, a2, b]) for v in f.values.values()} == {"Lena Marsh", "Lenah Pratt"}


def test_family_names_two_people_of_one_given_name_are_left_alone():
    third = claim("c#1", "Dana Voss, a neighbour, called the police.", ("Dana Voss",), outlet="C")
    assert pairs(_story([third])) == []
    both = claim("a#2", "Dana Crane and Dana Hollis were both at home.", ("Dana Crane", "Dana Hollis"))
    assert pairs(_story([both])) == []


def test_family_names_another_form_of_the_given_name_is_another_person():
    a = claim("a#1", "Josh Lamb, 19, died at the house; Joshua Reed, 20, died later.", ("Josh Lamb", "Joshua Reed"))
    b = claim("b#1", "Joshua Lamb, 19, and Josh Reed, 20, were killed.", ("Joshua Lamb", "Josh Reed"), outlet="B")
    b2 = claim("b#2", "An uncle, Kyle Reed, spoke at the vigil.", ("Kyle Reed",), outlet="B")
    assert pairs([a, b, b2]) == []


def test_family_names_given_name_and_surname_rules():
    assert same_given_name("maria", "mariah") and same_given_name("dana", "dana")
    assert not same_given_name("michael", "michelle") and not same_given_name("al", "al")
    assert two_surnames("Dana Hollis", "Dana Crane") and not two_surnames("Dana Hollis", "Dana Hollins")
    assert not two_surnames("Dana Hollis", "Mara Crane")


def test_family_names_a_double_surname_written_short_is_one_name():
    a = claim("a#1", "Dana Hollis-Crane, his mother, said she woke to the sound of glass.", ("Dana Hollis-Crane",))
    b = claim("b#1", "Dana Crane told reporters her son had done nothing wrong.", ("Dana Crane",), outlet="B")
    b2 = claim("b#2", "Officers shot Victor Crane, 19, on the stairs.", ("Victor Crane",), outlet="B")
    assert pairs([a, b, b2]) == []
    c = claim("a#1", "Dana Hollis-Marsh, his mother, said she woke to the sound of glass.", ("Dana Hollis-Marsh",))
    assert pairs([c, b, b2]) == [{"dana hollis-marsh", "dana crane"}]  # another surname, not a part of it


def test_family_names_a_double_surname_the_tagger_cut_short_is_one_name():
    a = claim("a#1", "His daughter rode with her father, Tomas Ibarra, when both were shot.", ("Tomas Ibarra",))
    a2 = claim("a#2", "Lucia Ibarra, 22, died two days later.", ("Lucia Ibarra",))
    b = claim("b#1", "She and her father, Tomas Vela Ibarra, were on their way home.", ("Tomas Vela",), outlet="B")
    assert pairs([a, a2, b]) == []  # the tagger left "Ibarra" out of "Tomas Vela Ibarra"
    c = claim("b#1", "She and her father, Tomas Vela, were on their way home.", ("Tomas Vela",), outlet="B")
    assert pairs([a, a2, c]) == [{"tomas ibarra", "tomas vela"}]


def aged_pairs(claims) -> list[set[str]]:
    return [{x[3], y[3]} for _, x, y in aged_surname_observations(claims)]


def test_family_names_one_given_name_and_one_age_under_two_surnames_is_flagged():
    a = claim("a#1", "Tobin Kessler, 29, of Elmford, was in critical condition.", ("Tobin Kessler",))
    b = claim("b#1", "Another victim, Tobin Marsh, 29, was taken to a hospital.", ("Tobin Marsh",), outlet="B")
    assert aged_pairs([a, b]) == [{"tobin kessler", "tobin marsh"}]
    flags = name_variant_flags([], [a, b])
    assert [set(f.values.values()) for f in flags] == [{"Tobin Kessler", "Tobin Marsh"}]
    assert "same age" in flags[0].explanation


def test_family_names_two_ages_or_one_outlet_are_two_people():
    a = claim("a#1", "Tobin Kessler, 29, of Elmford, was in critical condition.", ("Tobin Kessler",))
    older = claim("b#1", "Another victim, Tobin Marsh, 34, was taken to a hospital.", ("Tobin Marsh",), outlet="B")
    assert aged_pairs([a, older]) == []
    same_outlet = claim("a#2", "Another victim, Tobin Marsh, 29, was taken to a hospital.", ("Tobin Marsh",))
    assert aged_pairs([a, same_outlet]) == []


def test_family_names_one_report_naming_both_ages_names_two_people():
    a = claim("a#1", "Tobin Kessler, 29, and Tobin Marsh, 29, were hit.", ("Tobin Kessler", "Tobin Marsh"))
    b = claim("b#1", "Another victim, Tobin Marsh, 29, was taken to a hospital.", ("Tobin Marsh",), outlet="B")
    assert aged_pairs([a, b]) == []


def test_family_names_a_name_written_short_is_not_two_surnames():
    a = claim("a#1", "Rosa Lima Soto, 31, was hit.", ("Rosa Lima Soto",))
    b = claim("b#1", "Rosa Lima, 31, was hit.", ("Rosa Lima",), outlet="B")
    c = claim("c#1", "Rosa Lima-Soto, 31, was hit.", ("Rosa Lima-Soto",), outlet="C")
    d = claim("d#1", "Rosa Soto, 31, was hit.", ("Rosa Soto",), outlet="D")
    assert aged_pairs([a, b]) == [] and aged_pairs([c, d]) == [] and aged_pairs([c, b]) == []


def test_family_names_a_surname_spelt_two_ways_is_left_to_the_spelling_rules():
    a = claim("a#1", "Tobin Kessler, 29, of Elmford, was in critical condition.", ("Tobin Kessler",))
    b = claim("b#1", "Another victim, Tobin Kesler, 29, was taken to a hospital.", ("Tobin Kesler",), outlet="B")
    assert aged_pairs([a, b]) == []


def test_family_names_swapped_given_name_and_surname_is_flagged():
    a = claim("a#1", "Police identified him as 31-year-old Morrow Dale of Elmford.", ("Morrow Dale",))
    b1 = claim("b#1", "Dale Morrow was shot outside a bakery.", ("Dale Morrow",), outlet="B")
    b2 = claim("b#2", "Dale Morrow, a 31-year-old father of two, had just left work.", ("Dale Morrow",), outlet="B")
    flags = name_variant_flags([], [a, b1, b2])
    assert [set(f.values.values()) for f in flags] == [{"Morrow Dale", "Dale Morrow"}]
    assert "swapped" in flags[0].explanation
    assert {e.claim_id for e in flags[0].evidence} == {"a#1", "b#2"}  # the sentence that says who he is


def test_family_names_an_outlet_writing_both_orders_is_left_alone():
    a = claim("a#1", "Police identified him as Morrow Dale; his cousin Dale Morrow was there.",
              ("Morrow Dale", "Dale Morrow"))
    b = claim("b#1", "Dale Morrow was shot outside a bakery.", ("Dale Morrow",), outlet="B")
    assert list(swapped_name_observations([a, b])) == []


def test_family_names_swapped_name_rule():
    assert swapped_name("Dale Morrow", "Morrow Dale") and swapped_name("Frederic Dale", "Dale Frederick")
    assert not swapped_name("Dale Morrow", "Dale Morrow") and not swapped_name("Dale Morrow", "Morrow Jones")
    assert not swapped_name("Dale Ann Morrow", "Morrow Dale")


def test_family_names_a_nickname_in_quotes_is_no_surname():
    a = claim("a#1", "The gun killed 12-year-old Tobin \u201cT.J.\u201d Kessler in a Elmford home.",
              ("Tobin \u201cT.J.\u201d",))
    b = claim("b#1", "The boy pleaded guilty in the death of 12-year-old Tobin James Kessler.", ("Tobin James Kessler",),
              outlet="B")
    assert aged_pairs([a, b]) == []
