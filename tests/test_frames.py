"""The verb a date, figure or place is tied to, read from the parse (consistency.extract.frames)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from consistency.extract.frames import frame


def parsed(rows: list[tuple[str, int, str, str, str]]):
    """A parsed sentence from (word, head index, dependency, part of speech, lemma) rows, so that a parse
    error can be written out rather than hoped for from the model."""
    words, heads, deps, pos, lemmas = (list(x) for x in zip(*rows))
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)[:]


def event_of(sent, value: str) -> str | None:
    start = sent.text.index(value) + sent.start_char
    return frame(sent, start, start + len(value), counts=False)[0]


def test_frames_a_date_before_an_infinitive_dates_the_verb_above_it():
    # "on Monday" hung on "succeed" by the parse: it precedes the infinitive's "to", so it dates the endorsing
    sent = parsed([("On", 7, "prep", "ADP", "on"), ("Monday", 0, "pobj", "PROPN", "Monday"),
                   ("the", 3, "det", "DET", "the"), ("mayor", 4, "nsubj", "NOUN", "mayor"),
                   ("endorsed", 4, "ROOT", "VERB", "endorse"), ("Kesk", 4, "dobj", "PROPN", "Kesk"),
                   ("to", 7, "aux", "PART", "to"), ("succeed", 4, "xcomp", "VERB", "succeed"),
                   ("her", 7, "dobj", "PRON", "she")])
    assert event_of(sent, "Monday") == "endorse"


def test_frames_a_date_after_an_infinitive_dates_the_infinitive():
    sent = parsed([("The", 1, "det", "DET", "the"), ("council", 2, "nsubj", "NOUN", "council"),
                   ("agreed", 2, "ROOT", "VERB", "agree"), ("to", 4, "aux", "PART", "to"),
                   ("meet", 2, "xcomp", "VERB", "meet"), ("on", 4, "prep", "ADP", "on"),
                   ("Monday", 5, "pobj", "PROPN", "Monday")])
    assert event_of(sent, "Monday") == "meet"


def test_frames_a_date_before_a_relative_clause_climbs_through_its_noun():
    # "in June" hung on "changed": it precedes the clause's "that", so the ruling's issuing is dated
    sent = parsed([("The", 1, "det", "DET", "the"), ("court", 4, "nsubj", "NOUN", "court"),
                   ("in", 8, "prep", "ADP", "in"), ("June", 2, "pobj", "PROPN", "June"),
                   ("issued", 4, "ROOT", "VERB", "issue"), ("a", 6, "det", "DET", "a"),
                   ("ruling", 4, "dobj", "NOUN", "ruling"), ("that", 8, "nsubj", "PRON", "that"),
                   ("changed", 6, "relcl", "VERB", "change"), ("rules", 8, "dobj", "NOUN", "rule")])
    assert event_of(sent, "June") == "issue"


def test_frames_a_date_inside_a_relative_clause_stays_there():
    sent = parsed([("The", 1, "det", "DET", "the"), ("law", 6, "nsubj", "NOUN", "law"),
                   ("that", 3, "nsubjpass", "PRON", "that"), ("passed", 1, "relcl", "VERB", "pass"),
                   ("in", 3, "prep", "ADP", "in"), ("May", 4, "pobj", "PROPN", "May"),
                   ("lapsed", 6, "ROOT", "VERB", "lapse")])
    assert event_of(sent, "May") == "pass"


def test_frames_the_subject_of_an_infinitive_is_not_moved():
    # a figure the infinitive's own clause states as its subject is that clause's, wherever it stands
    sent = parsed([("They", 1, "nsubj", "PRON", "they"), ("expect", 1, "ROOT", "VERB", "expect"),
                   ("40", 3, "nummod", "NUM", "40"), ("people", 5, "nsubj", "NOUN", "people"),
                   ("to", 5, "aux", "PART", "to"), ("attend", 1, "xcomp", "VERB", "attend")])
    start = sent.text.index("40")
    assert frame(sent, start, start + 2, counts=True)[0] == "attend"


@pytest.mark.slow
def test_frames_a_reported_date_and_a_place_take_their_own_verbs():
    from consistency.extract.claims import extract_claims
    from consistency.extract.entities import EntityResolver
    from consistency.records import Article

    art = Article(id="x", outlet="A", url="u", title="", published=datetime(2026, 3, 13, tzinfo=timezone.utc),
                  text="Paul Kesk, who was elected in 2016, said on Monday he would run again. "
                       "The president met the two leaders in Oslo on Tuesday.")
    first, second = extract_claims([art], EntityResolver())
    assert {t.text: t.event for t in first.times} == {"2016": "elect", "Monday": "say"}
    assert {e.text: e.event for e in second.entities if e.label == "GPE"} == {"Oslo": "meet"}
    assert all(e.event is None for e in first.entities if e.label == "PERSON")


def test_frames_a_reported_clause_before_its_speech_verb_keeps_its_date():
    # "In May, she won, he said": the clause comes before the verb it is hung on and holds the date
    sent = parsed([("In", 3, "prep", "ADP", "in"), ("May", 0, "pobj", "PROPN", "May"),
                   ("she", 3, "nsubj", "PRON", "she"), ("won", 6, "ccomp", "VERB", "win"),
                   (",", 6, "punct", "PUNCT", ","), ("he", 6, "nsubj", "PRON", "he"),
                   ("said", 6, "ROOT", "VERB", "say")])
    assert event_of(sent, "May") == "win"


def test_frames_a_date_inside_a_participle_after_its_noun_stays_there():
    sent = parsed([("Kesk", 7, "nsubj", "PROPN", "Kesk"), (",", 0, "punct", "PUNCT", ","),
                   ("a", 3, "det", "DET", "a"), ("Democrat", 0, "appos", "PROPN", "Democrat"),
                   ("now", 5, "advmod", "ADV", "now"), ("running", 3, "acl", "VERB", "run"),
                   (",", 0, "punct", "PUNCT", ","), ("resigned", 7, "ROOT", "VERB", "resign")])
    assert event_of(sent, "now") == "run"


def test_frames_a_date_after_punctuation_opens_the_quoted_clause():
    sent = parsed([("She", 1, "nsubj", "PRON", "she"), ("wrote", 1, "ROOT", "VERB", "write"),
                   (":", 1, "punct", "PUNCT", ":"), ("Soon", 6, "advmod", "ADV", "soon"),
                   ("we", 6, "nsubj", "PRON", "we"), ("will", 6, "aux", "AUX", "will"),
                   ("reopen", 1, "ccomp", "VERB", "reopen")])
    assert event_of(sent, "Soon") == "reopen"
