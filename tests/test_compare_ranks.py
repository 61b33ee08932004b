"""Places in a series told two ways: read from the text, compared across outlets of one story."""

from __future__ import annotations

import datetime as dt

from consistency.compare.ranks import rank_findings, ranks
from consistency.records import Claim, Entity


def claim(cid: str, outlet: str, text: str, names: tuple[tuple[str, str], ...] = ()) -> Claim:
    entities = tuple(Entity(name, text.index(name), text.index(name) + len(name), label, f"x:{name}")
                     for name, label in names)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=dt.datetime(2024, 5, 2, tzinfo=dt.timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=None, times=(), quantities=(), entities=entities, negated=False,
                 modality=None, story_id="s1")


def test_a_place_is_read_from_an_ordinal_before_its_series_or_from_how_many_came_before():
    assert [(n, v) for n, v, _, _ in ranks(claim("a#0", "A", "Ilse Varn became the 23rd senator to back the bill."))] \
        == [("senator", 23)]
    assert [(n, v) for n, v, _, _ in ranks(claim("a#0", "A", "Dunmore has joined 14 other towns in the pact."))] \
        == [("town", 15)]
    assert [(n, v) for n, v, _, _ in ranks(claim("a#0", "A", "The seventh candidate seeking the seat spoke."))] \
        == [("candidate", 7)]


def test_ordinals_that_rank_no_one_in_a_series_are_not_read():
    for text in ("It was the third time in a month the council met.",
                 "She lives on the 14th floor in the east tower.",
                 "The city's 39th homicide this year was on Elm Road.",
                 "He was the first mayor to resign.",
                 "The 5th Avenue shop reopened."):
        assert ranks(claim("a#0", "A", text)) == []


def test_two_outlets_placing_one_person_differently_make_a_number_finding():
    a = claim("a#0", "Ledger", "Mayor Ilse Varn entered the race, becoming the 23rd candidate to file.",
              (("Ilse Varn", "PERSON"),))
    b = claim("b#0", "Wire", "Varn, 51, is the 24th candidate seeking the seat.", (("Varn", "PERSON"),))
    same = claim("c#0", "Post", "Ilse Varn became the 23rd candidate to file on Monday.", (("Ilse Varn", "PERSON"),))
    found = rank_findings([a, b, same])
    assert [(f.type.value, f.value_a, f.value_b) for f in found] == [("number", "23rd candidate", "24th candidate")]
    assert rank_findings([a, same]) == []


def test_places_of_two_people_or_of_sentences_naming_nobody_in_common_are_not_compared():
    isaacs = claim("a#0", "Ledger", "The news came after Rena Holt picked Dana Quill, only the third woman to chair "
                   "the board.", (("Rena Holt", "PERSON"), ("Dana Quill", "PERSON")))
    holt = claim("b#0", "Wire", "Holt became only the second woman to host the gala alone.", (("Holt", "PERSON"),))
    assert rank_findings([isaacs, holt]) == []
    east = claim("a#0", "Ledger", "The Hawks trail the eighth seed in the East.", (("Hawks", "ORG"), ("East", "LOC")))
    west = claim("b#0", "Wire", "Dunmore finished as the sixth seed in the conference.", (("Dunmore", "GPE"),))
    assert rank_findings([east, west]) == []


def test_one_outlet_is_never_set_against_itself_nor_a_report_giving_two_places():
    a = claim("a#0", "Ledger", "Ilse Varn is the 23rd candidate to file.", (("Ilse Varn", "PERSON"),))
    a2 = claim("a2#0", "Ledger", "Ilse Varn is the 24th candidate to file.", (("Ilse Varn", "PERSON"),))
    assert rank_findings([a, a2]) == []
    two = claim("b#0", "Wire", "Varn is the 23rd candidate to file; Oduya was the 24th candidate to file.",
                (("Varn", "PERSON"), ("Oduya", "PERSON")))
    assert rank_findings([a, two]) == []
