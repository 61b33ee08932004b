"""Which sentences become claims: bylines and datelines are left out, statements that open alike are kept."""

import pytest

from consistency.extract.claims import _METADATA


@pytest.mark.parametrize("line", ["By Jane Roe", "BY JANE ROE", "Updated: May 3, 2026", "Updated 10:02 GMT",
                                  "Posted at 10:02", "Published on Monday", "Photo: AP", "Advertisement"])
def test_claims_metadata_lines_are_not_statements(line):
    assert _METADATA.match(line)


@pytest.mark.parametrize("sentence", ["By the latest count, the number of games had climbed to 273.",
                                      "Updated figures now show that 40 people died.",
                                      "Byron Smith said the bridge closed on Monday.",
                                      "By Friday, the river had risen two metres."])
def test_claims_statements_opening_like_a_byline_are_kept(sentence):
    assert not _METADATA.match(sentence)


@pytest.mark.slow
def test_claims_a_title_abbreviation_does_not_end_the_sentence():
    from consistency.nlp import load_nlp

    doc = load_nlp()("The road was closed at noon, said Sgt. Brad Okafor of the highway patrol. Two people were hurt.")
    assert [s.text for s in doc.sents] == ["The road was closed at noon, said Sgt. Brad Okafor of the highway patrol.",
                                           "Two people were hurt."]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "Anyone who saw the crash should call Sgt. Le Maire at the county office.",
    "The blaze broke out in a bakery near Linden and Snyder Ave. in East Flatbush on Monday.",
])
def test_claims_an_abbreviation_inside_a_sentence_does_not_end_it(sentence):
    from consistency.nlp import load_nlp

    doc = load_nlp()(sentence + " Nobody was hurt.")
    assert [s.text for s in doc.sents] == [sentence, "Nobody was hurt."]


@pytest.mark.slow
def test_claims_an_abbreviation_that_ends_a_sentence_still_ends_it():
    from consistency.nlp import load_nlp

    doc = load_nlp()("The van was found on Fifth Ave. The driver had fled.")
    assert [s.text for s in doc.sents] == ["The van was found on Fifth Ave.", "The driver had fled."]
