"""A named person's age against a lone near age another outlet gives, on invented claims."""

from consistency.compare.ages import age_flags
from person_claims import claim


def values(flags) -> list[set[str]]:
    return [set(f.values.values()) for f in flags]


def test_lone_ages_a_named_age_and_an_unnamed_one_a_year_off():
    a = claim("a#1", "A quiet 61-year-old who sweeps the depot was hit in the arm.")
    b = claim("b#1", "Carl Brook, 62, was shot twice.", ("Carl Brook",), outlet="B")
    assert values(age_flags([a, b])) == [{"61", "62"}]


def test_lone_ages_not_when_another_age_is_near_or_sides_differ():
    a = claim("a#1", "A 61-year-old man was wounded near the depot.")
    b = claim("b#1", "Carl Brook, 62, was shot twice and a 60-year-old was grazed.", ("Carl Brook",), outlet="B")
    assert age_flags([a, b]) == []
    c = claim("c#1", "A 61-year-old man was arrested at the depot.")
    d = claim("d#1", "Carl Brook, 62, died at the scene.", ("Carl Brook",), outlet="B")
    assert age_flags([c, d]) == []
    e = claim("e#1", "Police later held the second man arrested, aged 61.")
    assert age_flags([e, claim("f#1", "Carl Brook, 62, was held.", ("Carl Brook",), outlet="B")]) == []
