"""Which sentences become claims: bylines and datelines are left out, statements that open alike are kept."""

import pytest

from consistency.extract.claims import METADATA


@pytest.mark.parametrize("line", ["By Jane Roe", "BY JANE ROE", "Updated: May 3, 2026", "Updated 10:02 GMT",
                                  "Posted at 10:02", "Published on Monday", "Photo: AP", "Advertisement"])
def test_claims_metadata_lines_are_not_statements(line):
    assert METADATA.match(line)


@pytest.mark.parametrize("sentence", ["By the latest count, the number of games had climbed to 273.",
                                      "Updated figures now show that 40 people died.",
                                      "Byron Smith said the bridge closed on Monday.",
                                      "By Friday, the river had risen two metres."])
def test_claims_statements_opening_like_a_byline_are_kept(sentence):
    assert not METADATA.match(sentence)


@pytest.mark.slow
def test_claims_a_title_abbreviation_does_not_end_the_sentence():
    from consistency.extract.nlp import load_nlp

    doc = load_nlp()("The road was closed at noon, said Sgt. Brad Okafor of the highway patrol. Two people were hurt.")
    assert [s.text for s in doc.sents] == ["The road was closed at noon, said Sgt. Brad Okafor of the highway patrol.",
                                           "Two people were hurt."]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "Anyone who saw the crash should call Sgt. Le Maire at the county office.",
    "The blaze broke out in a bakery near Linden and Snyder Ave. in East Flatbush on Monday.",
    "We should all be outraged, said Police Comm. Dale Marsh of the city.",
    "The girl was on her porch, said Ald. Rita Fenn, whose ward takes in the block.",
    "Police Ofc. Dan Fry was hurt in the crash.",
    "Tpr. Joe Bell stopped the car on the interstate.",
    "Sens. Tom Hale and Ann Roe voted against the bill.",
    "The car stopped on Birch Ln. near the school.",
])
def test_claims_an_abbreviation_inside_a_sentence_does_not_end_it(sentence):
    from consistency.extract.nlp import load_nlp

    doc = load_nlp()(sentence + " Nobody was hurt.")
    assert [s.text for s in doc.sents] == [sentence, "Nobody was hurt."]


@pytest.mark.slow
def test_claims_an_abbreviation_that_ends_a_sentence_still_ends_it():
    from consistency.extract.nlp import load_nlp

    doc = load_nlp()("The van was found on Fifth Ave. The driver had fled.")
    assert [s.text for s in doc.sents] == ["The van was found on Fifth Ave.", "The driver had fled."]


def _claims(text: str):
    from datetime import datetime, timezone

    from consistency.extract.claims import extract_claims
    from consistency.extract.entities import EntityResolver
    from consistency.records import Article

    article = Article(id="a", outlet="Harbour Post", url="u", title="t",
                      published=datetime(2026, 3, 10, tzinfo=timezone.utc), text=text)
    return extract_claims([article], EntityResolver())


@pytest.mark.slow
def test_claims_a_place_word_describing_the_source_is_not_the_speaker():
    (c,) = _claims("The Chicago bank said on Tuesday that its profits fell by a third.")
    assert c.attribution.source == "the bank"


@pytest.mark.slow
def test_claims_a_titled_description_is_the_person_the_article_calls_so():
    first, second = _claims("Halford Mayor Ruth Ansel opened the bridge on Monday. "
                            "The Halford Mayor said the bridge would stay open all winter.")
    assert (second.attribution.source, second.attribution.role) == ("Ruth Ansel", "Halford Mayor")
    assert [(e.text, e.role) for e in first.entities if e.label == "PERSON"] == [("Ruth Ansel", "Halford Mayor")]


@pytest.mark.slow
def test_claims_a_title_after_a_comma_is_the_persons_role():
    (c,) = _claims("Dana Okoro, chairman of the state party, said the count was fair.")
    assert (c.attribution.source, c.attribution.role) == ("Dana Okoro", "chairman of the state party")


@pytest.mark.slow
def test_claims_a_day_named_back_in_the_story_anchors_the_next_sentence():
    claims = _claims("The ferry sank off Dunmore on Feb. 2, 2025, with 40 aboard. "
                     "Rescuers reached the wreck the next day and found 12 survivors.")
    (t,) = [t for c in claims for t in c.times if t.text == "the next day"]
    assert t.value == "2025-02-03"


@pytest.mark.slow
@pytest.mark.parametrize("text,kept", [("He died Saturday.", True), ("She was 17.", True), ("Two were hurt.", True),
                                       ("Police are investigating.", False), ("Watch the video.", False),
                                       ("Click here.", False)])
def test_claims_a_short_sentence_is_a_statement_when_a_verb_dates_or_counts(text, kept):
    from consistency.extract.claims import _is_checkable
    from consistency.extract.nlp import load_nlp

    sent, = load_nlp()(text).sents
    assert _is_checkable(sent) is kept
