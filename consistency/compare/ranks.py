"""A place in a series told two ways: "the 23rd candidate to enter the race" / "the 24th candidate seeking it".

News ranks whom it reports on in a series: by an ordinal before a noun and what the series is ("the 14th state to
allow it", "the 24th Democrat seeking the nomination"), or by how many came before ("joined 14 other states": the
15th). The quantity reader leaves ordinals out (most are dates and street numbers), so ranks are read here from the
claims' text. Two outlets of one story that rank in a series of one noun differently make a number finding, when
the two sentences name someone in common and give the place to the same person. A report that gives two places in
one series is not read: it ranks several.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..extract.quantities import SMALL_NUMBERS
from ..records import Claim
from .finding import Finding
from .numbers import singular

CONFIDENCE = 0.6

_ORDINAL_WORDS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                  "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                  "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                  "twentieth": 20}
# The series follows the noun: an infinitive, a place it is counted in, or a participle of seeking. Not a period
# ("the 39th homicide this year"): a place in a running count moves as later happenings are counted.
_RANK = re.compile(r"\b(?P<n>\d{1,4}(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS) + r")\s+(?P<noun>[a-z][\w-]*)"
                   r"\s+(?:to|in|seeking|ever)\b", re.I)
_JOINED = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?P<n>\d{1,4}|" + "|".join(SMALL_NUMBERS) + r")\s+other\s+"
                     r"(?P<noun>[a-z][\w-]*)", re.I)
# Nouns an ordinal numbers without ranking anyone in a series of them.
_NOT_A_SERIES = frozenset("time times anniversary birthday amendment century day week month year decade floor "
                          "street avenue grade degree district precinct ward round quarter inning period term "
                          "session edition annual consecutive straight largest biggest highest lowest most".split())


def _value(word: str) -> int:
    word = word.casefold()
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    if word[:1].isdigit():
        return int(re.match(r"\d+", word).group())
    return SMALL_NUMBERS[word]


def ranks(c: Claim) -> list[tuple[str, int, tuple[int, int], str]]:
    """The places in a series the claim gives: (noun, place, span in the text, the words)."""
    out = []
    for m in _RANK.finditer(c.text):
        noun = singular(m["noun"].casefold())
        if noun not in _NOT_A_SERIES:
            out.append((noun, _value(m["n"]), (c.start + m.start("n"), c.start + m.end("noun")),
                        c.text[m.start("n"):m.end("noun")]))
    for m in _JOINED.finditer(c.text):
        noun = singular(m["noun"].casefold())
        if noun not in _NOT_A_SERIES:
            out.append((noun, _value(m["n"]) + 1, (c.start + m.start(), c.start + m.end()),
                        c.text[m.start():m.end()]))
    return [r for r in out if r[1] >= 2]


def rank_findings(claims: Iterable[Claim]) -> list[Finding]:
    """One number finding per pair of reports of different outlets that place one series' noun differently."""
    by_article: dict[str, dict[str, list[tuple[Claim, int, tuple[int, int], str]]]] = {}
    for c in sorted(claims, key=lambda c: (c.published, c.article_id, c.start)):
        for noun, value, span, words in ranks(c):
            by_article.setdefault(c.article_id, {}).setdefault(noun, []).append((c, value, span, words))
    told = {a: {noun: found[0] for noun, found in nouns.items() if len({v for _, v, _, _ in found}) == 1}
            for a, nouns in by_article.items()}
    out, seen = [], set()
    articles = list(told)
    for i, x in enumerate(articles):
        for y in articles[i + 1:]:
            for noun in sorted(told[x].keys() & told[y].keys()):
                (ca, va, sa, wa), (cb, vb, sb, wb) = told[x][noun], told[y][noun]
                key = (noun, frozenset((va, vb)))
                if (ca.outlet != cb.outlet and va != vb and key not in seen and _names_in_common(ca, cb, noun)
                        and _ranked_named_in(ca, sa, cb) and _ranked_named_in(cb, sb, ca)):
                    seen.add(key)
                    out.append(Finding("number", ca, cb, wa, wb, sa, sb, confidence=CONFIDENCE))
    return out


_NAMED = frozenset({"PERSON", "ORG", "GPE", "FAC", "NORP"})


def _names_in_common(a: Claim, b: Claim, noun: str) -> bool:
    """The two sentences name someone or somewhere in common, besides the series' noun: whom the place is given
    to ("the sixth seed" of one team and "the eighth" of another are two teams' places)."""
    def names(c: Claim) -> set[str]:
        return {w for e in c.entities if e.label in _NAMED for w in re.findall(r"[a-z]+", e.text.casefold())
                if len(w) > 2 and w != "the" and singular(w) != noun}
    return bool(names(a) & names(b))


def _ranked_named_in(c: Claim, span: tuple[int, int], other: Claim) -> bool:
    """In a sentence naming several people the place is given to the one named last before it, and the other
    sentence must name that one too ("X, only the third woman to head it" against "Y, the second woman to host")."""
    people = [e for e in c.entities if e.label == "PERSON"]
    if len({e.text for e in people}) < 2:
        return True
    before = [e for e in people if e.end <= span[0]]
    if not before:
        return True
    surname = re.findall(r"[a-z]+", before[-1].text.casefold())[-1:]
    return bool(surname) and surname[0] in other.text.casefold()
