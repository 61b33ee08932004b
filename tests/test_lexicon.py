"""The shared number words: one list, read the same by every stage that spells numbers out."""

import re

from consistency.extract.quantities import find_quantities
from consistency.lexicon import FIGURE_WORDS, ONES_WORDS, TENS_WORDS, WORDS_TO_TWELVE


def test_lexicon_number_words_are_numbers_the_quantity_reader_values():
    words = [*WORDS_TO_TWELVE.split("|"), *TENS_WORDS.split("|")]
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 30, 40, 50, 60, 70, 80, 90]
    for word, value in zip(words, values, strict=True):
        found = find_quantities(f"The crew counted {word} boats in the harbour.")
        assert [(q.text, q.value) for q in found] == [(word, value)]


def test_lexicon_figure_words_hold_the_words_to_twelve_and_the_scales():
    words = FIGURE_WORDS.split("|")
    assert set(WORDS_TO_TWELVE.split("|")) <= set(words)
    assert {"hundred", "thousand", "million", "billion"} <= set(words)
    assert set(ONES_WORDS.split("|")) < set(WORDS_TO_TWELVE.split("|"))


def test_lexicon_number_word_alternations_match_whole_words_only():
    pattern = re.compile(rf"\b(?:{WORDS_TO_TWELVE}|{TENS_WORDS})\b", re.I)
    assert pattern.findall("Seven of the forty riders left") == ["Seven", "forty"]
    assert pattern.findall("someone tenfold oneness") == []
