from dataclasses import replace

from consistency.compare.facts import candidates, story_table
from consistency.records import Entity
from test_facts import claim


def _pairs(*claims):
    rows = dict(enumerate(claims))
    facts = [f for fs in story_table(rows).values() for f in fs]
    return [(c.a.slot.text, c.b.slot.text) for c in candidates(facts, lambda r, s: 0.6)]


def _person(c, name, role=None):
    at = c.text.index(name)
    return replace(c, entities=(Entity(name, at, at + len(name), "PERSON", name.casefold(), role),))


EARLY = "The officials took a 35-word oath, Ivo Marsh said."
LATE = "The officials recited the 38-word oath, Ivo Marsh said."
FRAMES = {"35": ("take", ("oath", "official")), "38": ("recite", ("oath", "official"))}


def test_facts_named_reports_weeks_apart_stay_apart_without_a_shared_name():
    a = claim("a#1", EARLY, outlet="A", day=2, frames=FRAMES)
    b = claim("b#1", LATE, outlet="B", day=30, frames=FRAMES)
    assert _pairs(a, b) == []


def test_facts_named_a_later_report_naming_the_same_person_is_paired():
    a = _person(claim("a#1", EARLY, outlet="A", day=2, frames=FRAMES), "Ivo Marsh")
    b = _person(claim("b#1", LATE, outlet="B", day=30, frames=FRAMES), "Ivo Marsh")
    assert _pairs(a, b) == [("35", "38")]


def test_facts_named_a_titled_name_is_no_sign_of_one_incident():
    a = _person(claim("a#1", EARLY, outlet="A", day=2, frames=FRAMES), "Ivo Marsh", role="Governor")
    b = _person(claim("b#1", LATE, outlet="B", day=30, frames=FRAMES), "Ivo Marsh", role="Governor")
    assert _pairs(a, b) == []


def test_facts_named_a_later_report_giving_the_same_written_day_is_paired():
    frames = {"35": ("take", ("oath", "official")), "38": ("recite", ("oath", "official")),
              "March 1": ("take", ("oath",))}
    a = claim("a#1", "The officials took a 35-word oath on March 1.", outlet="A", day=2, frames=frames)
    b = claim("b#1", "The officials recited the 38-word oath on March 1.", outlet="B", day=30, frames=frames)
    assert ("35", "38") in _pairs(a, b)
