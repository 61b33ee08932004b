"""The one flag builder and the one explainer, on hand-built claims."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from consistency.compare.base import make_flag
from consistency.compare.explain import explain, explain_repetition
from consistency.compare.finding import Finding
from consistency.records import Attribution, Claim, FlagType
from consistency.store.encoding import flag_from_json, flag_to_json


def claim(cid: str, text: str, outlet: str, day: int) -> Claim:
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 3, day, 9, tzinfo=timezone.utc), text=text, start=100, end=100 + len(text),
                 content=text, attribution=Attribution(source=outlet, source_kind="outlet"), story_id="story-1")


A = claim("a#1", "The talks were held in Talvi on Monday, the mayor Ruta Kalnina said.", "Orbis", 10)
B = claim("b#1", "The talks were held in Kesk on Monday, the deputy mayor Ruta Kalnina said.", "Strelka", 11)


def finding(type_: str, value_a: str, value_b: str, **kw) -> Finding:
    return Finding(type_, A, B, value_a, value_b, (123, 128), (123, 127), 0.876, **kw)


@pytest.mark.parametrize("type_, head", [
    ("timeline", "Timeline conflict: Orbis (2026-03-10) gives the date as \u201cX\u201d, while Strelka (2026-03-11) gives \u201cY\u201d"),
    ("number", "Number conflict: Orbis (2026-03-10) reports \u201cX\u201d, while Strelka (2026-03-11) reports \u201cY\u201d"),
    ("update", "Update, not a contradiction: Strelka (2026-03-11) gives \u201cY\u201d as a newer figure"),
    ("attribution", "Attribution conflict: Orbis (2026-03-10) attributes the statement to X, while Strelka"),
    ("channel", "Channel conflict: Orbis (2026-03-10) says the statement was given to X"),
    ("polarity", "Polarity conflict: the statement is X by Orbis (2026-03-10) but Y by Strelka (2026-03-11)."),
    ("name_variant", "Name variant: Orbis (2026-03-10) spells the name \u201cX\u201d, Strelka (2026-03-11) spells it \u201cY\u201d"),
    ("place", "Place conflict: Orbis (2026-03-10) places it in X, Strelka (2026-03-11) in Y."),
    ("role", "Role conflict: Orbis (2026-03-10) calls them \u201cX\u201d, Strelka (2026-03-11) calls them \u201cY\u201d."),
])
def test_explain_names_outlets_dates_and_values_of_every_type(type_, head):
    text = explain(finding(type_, "X", "Y"))
    assert text.startswith(head)
    assert text.endswith(f"Orbis: \u201c{A.text}\u201d Strelka: \u201c{B.text}\u201d")


def test_explain_has_words_for_every_pairwise_flag_type():
    generic = [t for t in FlagType if t != FlagType.unsupported_repetition
               and explain(finding(t, "X", "Y")).startswith(f"{t}:")]
    assert generic == []


def test_explain_names_the_outlets_that_side_with_one_value():
    third = claim("c#1", "The talks were held in Talvi on Monday, officials said.", "Vesti", 12)
    text = explain(finding("place", "Talvi", "Kesk", also=(third,)))
    assert "Vesti also reports \u201cTalvi\u201d." in text


def test_explain_long_quotes_are_cut_with_an_ellipsis():
    long = replace(B, text="word " * 60)
    text = explain(Finding("number", A, long, "1", "2", (0, 1), (0, 1), 0.5))
    assert text.endswith("\u2026\u201d") and len(text) < 600


def test_explain_repetition_says_who_carries_it_and_on_what():
    anon = replace(A, attribution=Attribution(source="a source close to the talks", source_kind="anonymous"))
    text = explain_repetition(anon, ["Orbis", "Strelka", "Vesti"], anonymous=True)
    assert text.startswith("Unsupported repetition: 3 outlets (Orbis, Strelka, Vesti) carry the claim")
    assert "only an anonymous source (\u201ca source close to the talks\u201d)" in text
    assert "first published by Orbis on 2026-03-10" in text
    assert "no source at all" in explain_repetition(A, ["Orbis", "Strelka", "Vesti"], anonymous=False)


def test_make_flag_carries_values_evidence_and_a_stable_id():
    flag = make_flag(finding("place", "Talvi", "Kesk"))
    assert flag.type is FlagType.place and flag.type == "place"
    assert flag.values == {"Orbis": "Talvi", "Strelka": "Kesk"}
    assert [(e.outlet, e.start, e.end, e.published) for e in flag.evidence] == [
        ("Orbis", 123, 128, "2026-03-10"), ("Strelka", 123, 127, "2026-03-11")]
    assert flag.claims == ("a#1", "b#1") and flag.articles == ("a", "b") and flag.story_id == "story-1"
    assert flag.confidence == 0.88 and flag.id.startswith("pla-")
    assert make_flag(finding("place", "Talvi", "Kesk")).id == flag.id  # the same finding keeps its id
    assert make_flag(finding("role", "Talvi", "Kesk")).id != flag.id
    # the enum travels as its plain string and comes back as the enum
    assert json.loads(flag_to_json(flag))["type"] == "place"
    assert flag_from_json(flag_to_json(flag)) == flag


def test_make_flag_keys_one_outlets_two_articles_apart():
    same = replace(B, outlet="Orbis")
    flag = make_flag(Finding("number", A, same, "1", "2", (0, 1), (0, 1), 0.5))
    assert flag.values == {"Orbis (a)": "1", "Orbis (b)": "2"}
