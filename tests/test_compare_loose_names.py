"""A given name respelt loosely (a vowel, a doubled or dropped letter) is a variant only where most outlets agree
on the other form: invented claims, what is flagged and what must not be."""

from consistency.compare.names import name_variant_flags
from consistency.compare.person_names import respelt_given_name
from person_claims import claim


def test_loose_given_name_rules():
    assert respelt_given_name("Marel", "Marell")  # a letter doubled
    assert respelt_given_name("O'Dean", "O'Dein")  # a vowel
    assert respelt_given_name("Lavonte", "Lavote")  # a letter dropped
    assert not respelt_given_name("Corin", "Coryn")  # "y" for "i": an established spelling of its own
    assert not respelt_given_name("Kasim", "Qasim")  # another first letter
    assert not respelt_given_name("Freddie", "Fredde")  # a familiar ending
    assert not respelt_given_name("Tom", "Tommy")  # a short form
    assert not respelt_given_name("Ruth", "Rita")  # two names


def _story(minority: str, majority: str, outlets: str = "BC"):
    a = claim("a#1", f"{minority} Pelk, 31, was taken to a trauma center.", (f"{minority} Pelk",))
    rest = [claim(f"{o.lower()}#1", f"Police named the wounded man as {majority} Pelk of Eastfield.",
                  (f"{majority} Pelk",), outlet=o) for o in outlets]
    return [a, *rest]


def test_loose_variant_flagged_when_two_outlets_agree_on_the_other_form():
    flags = name_variant_flags([], _story("Marel", "Marell"))
    assert flags and all("Marel Pelk" in f.values.values() for f in flags)


def test_loose_variant_left_alone_when_outlets_split_evenly():
    d = claim("d#1", "Marel Pelk was taken to a trauma center, police said.", ("Marel Pelk",), outlet="D")
    assert name_variant_flags([], [*_story("Marel", "Marell"), d]) == []


def test_loose_variant_flagged_when_the_only_two_outlets_of_the_story_differ():
    # no third outlet sides with either form: a reader sees one person spelt two ways
    flags = name_variant_flags([], _story("Marel", "Marell", outlets="B"))
    assert len(flags) == 1 and set(flags[0].values.values()) == {"Marel Pelk", "Marell Pelk"}
    # a third outlet that reports the story, naming the person by the given name alone or not at all, leaves it to
    # the majority rule, which counts outlets that write the name in full
    c = claim("c#1", "Marell was the oldest of four.", ("Marell",), outlet="C")
    assert name_variant_flags([], [*_story("Marel", "Marell", outlets="B"), c]) == []
    d = claim("d#1", "The wounded man was taken to a trauma center.", outlet="D")
    assert name_variant_flags([], [*_story("Marel", "Marell", outlets="B"), d]) == []


def test_loose_variant_left_alone_when_an_outlet_uses_both_forms():
    story = _story("Marel", "Marell")
    both = claim("a#2", "Marel Pelk and his cousin Marell Pelk were both at the party.", ("Marel Pelk", "Marell Pelk"))
    assert name_variant_flags([], [*story, both]) == []


def test_a_name_written_with_an_age_is_a_person_whatever_its_tag():
    from dataclasses import replace as swap
    from consistency.compare.names import story_entities
    # the tagger read the unfamiliar given name as a place; the age after it says it is a person
    a = claim("a#1", "Jaime Voss, 32, was found in the yard.", ("Jaime Voss",))
    a = swap(a, entities=tuple(swap(e, label="GPE") for e in a.entities))
    assert [e.label for e in story_entities(a)] == ["PERSON"]
    # a name the tagger left out is added when an age follows it
    untagged = claim("c#1", "Police named the victims: Dario Venn, 21, and a teenager.")
    assert [e.text for e in story_entities(untagged)] == ["Dario Venn"]
    b = claim("b#1", "Relatives said Jamie Voss had just moved to the city.", ("Jamie Voss",), outlet="B")
    flags = name_variant_flags([], [a, b])
    assert len(flags) == 1 and set(flags[0].values.values()) == {"Jaime Voss", "Jamie Voss"}
    # a place named beside an age stays a place unless the age is written against it
    place = claim("d#1", "A 45-year-old man from Dover was hurt.", ("Dover",))
    place = swap(place, entities=tuple(swap(e, label="GPE") for e in place.entities))
    assert [e.label for e in story_entities(place)] == ["GPE"]


def test_a_surname_tagged_alone_before_an_age_is_read_as_the_whole_name():
    from consistency.compare.names import story_entities
    # the tagger took "Lenk" alone; the name written before the age is "Dara Lenk"
    a = claim("a#1", "Dara Lenk, 24, was driving the car.", ("Lenk",))
    assert [(e.text, e.label) for e in story_entities(a)] == [("Dara Lenk", "PERSON")]
    # a name tagged in full is kept as tagged, title and all
    b = claim("b#1", "Officer Dara Lenk, 24, was driving the car.", ("Dara Lenk",))
    assert [e.text for e in story_entities(b)] == ["Dara Lenk"]


def test_loose_variant_flagged_when_an_outlet_corrects_itself():
    first = claim("a#1", "Tobin Wrase, 19, was arrested on Friday.", ("Tobin Wrase",))
    later = claim("a2#1", "Police said Toben Wrase fired twice.", ("Toben Wrase",), day=1)
    other = claim("b#1", "Toben Wrase was held without bail.", ("Toben Wrase",), outlet="B", day=1)
    flags = name_variant_flags([], [first, later, other])
    assert flags and all("Tobin Wrase" in f.values.values() for f in flags)
    # one outlet alone, both forms in its two reports: nothing says which is right
    assert name_variant_flags([], [first, later]) == []
    # a report that names both forms names two people
    both = claim("a3#1", "Tobin Wrase and Toben Wrase are cousins.", ("Tobin Wrase", "Toben Wrase"), day=2)
    assert name_variant_flags([], [first, later, other, both]) == []


def test_a_given_name_shortened_is_no_loose_respelling():
    assert not respelt_given_name("Steve", "Steven")  # a short form with a letter added
    assert respelt_given_name("Russel", "Russell")  # a letter doubled


def test_a_familiar_form_spelt_two_ways_is_a_loose_respelling():
    assert respelt_given_name("Bobby", "Bobbie")  # one familiar form, its ending spelt two ways
    assert not respelt_given_name("Bobby", "Bobb")  # a familiar form against a plain one


def test_a_correction_counts_another_outlet_naming_the_person_by_the_given_name_alone():
    first = claim("a#1", "Ronny Vasko, 15, died at the scene.", ("Ronny Vasko",))
    later = claim("a2#1", "Friends remembered Ronnie Vasko at a vigil.", ("Ronnie Vasko",), day=1)
    other = claim("b#1", "Classmates said Ronnie loved to draw.", ("Ronnie",), outlet="B")
    flags = name_variant_flags([], [first, later, other])
    assert len(flags) == 1 and set(flags[0].values.values()) == {"Ronny Vasko", "Ronnie Vasko"}
    assert name_variant_flags([], [first, later]) == []


def test_loose_given_name_rules_allow_two_letters_but_no_familiar_form():
    assert respelt_given_name("Dean", "Dawn")  # two letters of five
    assert respelt_given_name("Tavari", "Taviel")
    assert not respelt_given_name("Robert", "Robbie")  # a familiar form, its consonant doubled
    assert not respelt_given_name("Samuel", "Sammy")


def test_one_outlet_against_one_is_a_variant_when_both_give_one_age():
    a = claim("a#1", "The man who died was identified as Tavari Quell, 26.", ("Tavari Quell",))
    b = claim("b#1", "Taviel Quell, 26, died after he was taken to a hospital.", ("Taviel Quell",), outlet="B",
              day=1)
    flags = name_variant_flags([], [a, b])
    assert len(flags) == 1 and set(flags[0].values.values()) == {"Tavari Quell", "Taviel Quell"}
    # without an age, the surname ties them where no other outlet names the person; two ages are two people
    bare = claim("b#1", "Taviel Quell died after he was taken to a hospital.", ("Taviel Quell",), outlet="B", day=1)
    assert len(name_variant_flags([], [a, bare])) == 1
    third = claim("c#1", "Taviel was a father of two.", ("Taviel",), outlet="C", day=1)
    assert name_variant_flags([], [a, bare, third]) == []
    older = claim("b#1", "Taviel Quell, 62, died after he was taken to a hospital.", ("Taviel Quell",), outlet="B",
                  day=1)
    assert name_variant_flags([], [a, older]) == []


def test_a_suffix_is_no_surname_and_a_bare_number_after_a_name_is_its_age():
    a = claim("a#1", "The shooting killed Dorian Prewitt Jr., 16 \u2014 a junior at the school.",
              ("Dorian Prewitt Jr.",))
    b = claim("b#1", "Charges were filed in the death of 16-year-old Dorrian Prewitt.", ("Dorrian Prewitt",),
              outlet="B", day=1)
    flags = name_variant_flags([], [a, b])
    assert len(flags) == 1 and set(flags[0].values.values()) == {"Dorian Prewitt Jr.", "Dorrian Prewitt"}


def test_one_outlet_against_one_of_one_age_is_left_alone_when_an_article_names_both():
    a = claim("a#1", "The twins Tavari Quell, 26, and Taviel Quell, 26, were hurt.", ("Tavari Quell", "Taviel Quell"))
    b = claim("b#1", "Taviel Quell, 26, died after he was taken to a hospital.", ("Taviel Quell",), outlet="B", day=1)
    c = claim("c#1", "Tavari Quell, 26, was treated and released.", ("Tavari Quell",), outlet="C", day=1)
    assert name_variant_flags([], [a, b, c]) == []
