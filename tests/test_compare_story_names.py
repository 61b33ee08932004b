"""A person's name respelt across two outlets of one story in other sentences: a middle name or a surname a letter
apart is one person's slip, while a plural surname or two given names is not; invented claims."""

from consistency.compare.names import name_variant_flags
from person_claims import claim


def _values(flags) -> set[str]:
    return {v for f in flags for v in f.values.values()}


def test_story_middle_name_respelt_with_one_given_name_and_surname_is_flagged():
    a = claim("a#1", "Police named the driver as Omar Lucien Brandt of Eastfield.", ("Omar Lucien Brandt",))
    b = claim("b#1", "Omar Lucienn Brandt was held overnight.", ("Omar Lucienn Brandt",), outlet="B", day=1)
    assert _values(name_variant_flags([], [a, b])) == {"Omar Lucien Brandt", "Omar Lucienn Brandt"}
    # another first name: two people of one family, not a middle name respelt
    c = claim("c#1", "Ravi Lucienn Brandt was held overnight.", ("Ravi Lucienn Brandt",), outlet="C", day=1)
    assert name_variant_flags([], [a, c]) == []


def test_story_surname_with_a_letter_added_is_flagged():
    a = claim("a#1", "Doctors said Maren Holt was in stable condition.", ("Maren Holt",))
    b = claim("b#1", "Maren Holte was taken to a trauma center.", ("Maren Holte",), outlet="B", day=1)
    assert _values(name_variant_flags([], [a, b])) == {"Maren Holt", "Maren Holte"}
    # an "s" added makes a family's plural, not a respelling
    c = claim("c#1", "Maren Holts was taken to a trauma center.", ("Maren Holts",), outlet="C", day=1)
    assert name_variant_flags([], [a, c]) == []


def test_story_variant_cites_the_report_not_a_photo_caption():
    caption = claim("a#1", "In this 2019 photo, Omar Lucien Brandt speaks at a rally.", ("Omar Lucien Brandt",))
    report = claim("a#2", "Police said Omar Lucien Brandt fired six shots.", ("Omar Lucien Brandt",))
    other = claim("b#1", "Omar Lucienn Brandt was held overnight.", ("Omar Lucienn Brandt",), outlet="B", day=1)
    flags = name_variant_flags([], [caption, report, other])
    assert flags and all("a#1" not in {e.claim_id for e in f.evidence} for f in flags)
