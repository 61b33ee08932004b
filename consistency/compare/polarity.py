"""Polarity conflicts: one outlet asserts what another negates or reports as denied."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from ..lexicon import DENIALS, IRREGULAR_PAST, NEGATIONS
from ..records import Claim
from .base import Finding

_CONTRACTIONS = ((re.compile(r"\bwon['\u2019]t\b", re.I), "will not"), (re.compile(r"\bcan['\u2019]t\b", re.I), "can not"),
                 (re.compile(r"\bshan['\u2019]t\b", re.I), "shall not"), (re.compile(r"\bcannot\b", re.I), "can not"),
                 (re.compile(r"n['\u2019]t\b", re.I), " not"))
# Words that come and go with a negation ("has booked" / "has not yet booked", "some" / "not any").
_NEUTRAL = frozenset(
    "do does did doing done is are was were be been being am has have had will would shall should can could "
    "may might must a an the that it this yet ever any either some at all "
    # Function words a quotation or paraphrase adds or drops without changing what is asserted
    # ("To pass this bill ..." / "If they don't pass this bill ...").
    "to of in on for with by from as and or if so they them their it its we us our he him his she her "
    "i me my you your there".split())
_MIN_WORDS = 2
_DENIAL_FRAME = 4  # words around a denied content: "Okafor, the mayor, denied that"
MAX_OTHER = 2  # differing words besides the negation ("was arrested" / "was not formally arrested")


def _stem(word: str) -> str:
    if word in IRREGULAR_PAST:
        return IRREGULAR_PAST[word]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def _polarity_words(text: str) -> tuple[int, Counter]:
    """Negation and denial markers in the text, and the other words (stemmed) it says."""
    markers, rest, _ = _read(text)
    return markers, rest


def words_spelled_out(text: str) -> list[str]:
    """The text's words, lower-cased, with negated contractions written out ("won't": "will not")."""
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    return re.findall(r"[a-z0-9]+", text.casefold())


@lru_cache(maxsize=65536)
def _read(text: str) -> tuple[int, Counter, frozenset[str]]:
    """Markers, other words, and the words each marker negates (the first two it is followed by)."""
    words = words_spelled_out(text)
    marks = [i for i, w in enumerate(words) if w in NEGATIONS or w in DENIALS]
    rest = Counter(_stem(w) for w in words if w not in NEGATIONS and w not in DENIALS and w not in _NEUTRAL)
    scope: set[str] = set()
    for i in marks:
        after = [w for w in words[i + 1:] if w not in _NEUTRAL and w not in NEGATIONS and w not in DENIALS]
        scope.update(_stem(w) for w in after[:_SCOPE])
    return len(marks), rest, frozenset(scope)


_SCOPE = 2  # "was not formally arrested": the negation bears on the next words it is followed by


def _flipped(x: str, y: str, extra_x: int = 0, extra_y: int = 0) -> bool:
    """The two wordings say the same words, one with an odd number of negations more than the other.

    The same number of negations in both wordings is a paraphrase ("I don't feel we were" vs "I
    feel we weren't"); any other difference in wording means a different statement, not a negation."""
    nx, wx = _polarity_words(x)
    ny, wy = _polarity_words(y)
    nx, ny = nx + extra_x, ny + extra_y
    shorter = min(sum(wx.values()), sum(wy.values()))
    if nx % 2 == ny % 2 or shorter < _MIN_WORDS:
        return False
    other = sum(((wx - wy) + (wy - wx)).values())
    # A denial read from the frame (not a word of the content) is trusted only on identical words;
    # a short statement allows fewer other words than a long one.
    if other > (0 if extra_x or extra_y else min(MAX_OTHER, (shorter - 1) // 3)):
        return False
    if extra_x or extra_y:
        return True
    # The negation must bear on what both say: in "no excuses for his conduct and fully accepts ...",
    # set against "fully accepts ...", it negates words of its own, not the shared statement.
    negating, other_words = (x, wy) if nx > ny else (y, wx)
    return bool(_read(negating)[2] & set(other_words))


def _similarity(x: str, y: str) -> float:
    wx, wy = _polarity_words(x)[1], _polarity_words(y)[1]
    return 2 * sum((wx & wy).values()) / max(1, sum(wx.values()) + sum(wy.values()))


@lru_cache(maxsize=4096)
def _letters(x: str, y: str) -> float:
    return SequenceMatcher(None, x, y, autojunk=False).ratio()


def _denied(c: Claim) -> int:
    """A denial in the frame ("X denied that ...") negates the content it leaves out."""
    if c.modality != "denied" or c.content == c.text or _polarity_words(c.content)[0]:
        return 0
    # Only a short frame ("X denied that") denies the content; in a longer sentence the denial may
    # belong to another clause.
    frame = sum(_polarity_words(c.text)[1].values()) - sum(_polarity_words(c.content)[1].values())
    return int(frame <= _DENIAL_FRAME)


def _negations(text: str) -> int:
    """The negation words of a text, denials left out."""
    return sum(1 for w in words_spelled_out(text) if w in NEGATIONS)


def _frame_negations(c: Claim) -> int:
    """Negations in the frame a claim's content leaves out ("I don't think" in "I don't think any
    charges will be filed"): the frame's negation bears on the content it frames."""
    if c.content == c.text:
        return 0
    return max(0, _negations(c.text) - _negations(c.content))


def _value(c: Claim, markers: int) -> str:
    if c.modality == "denied":
        return "denied"
    return "negated" if markers % 2 else "asserted"


def compare_polarity(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """The same statement asserted in one claim and negated or denied in the other."""
    if score < 0.6:
        return None
    # The whole sentences, or the reported contents when the frames differ ("X said" / "Y denied").
    if not _flipped(a.text, b.text):
        if not _flipped(a.content, b.content, _denied(a), _denied(b)):
            return None
        if (_frame_negations(a) + _frame_negations(b)) % 2:
            return None  # a negated frame ("I don't think ...") undoes the flip its content alone shows
    value_a, value_b = _value(a, _polarity_words(a.text)[0]), _value(b, _polarity_words(b.text)[0])
    if value_a == value_b:
        value_a, value_b = ("asserted", "negated") if _polarity_words(a.text)[0] < _polarity_words(b.text)[0] \
            else ("negated", "asserted")
    # The closer the two sentences are word for word, the surer the flag (and the better the copy to show);
    # among copies that say the same words, the one closest letter for letter is the copy that was changed.
    confidence = 0.5 + 0.38 * _similarity(a.text, b.text) + 0.02 * _letters(a.text, b.text)
    return Finding("polarity", a, b, value_a, value_b, (a.start, a.end), (b.start, b.end),
                   confidence=confidence)
